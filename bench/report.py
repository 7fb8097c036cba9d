#!/usr/bin/env python3
"""Turns bench-results/<stamp>/raw/* into results.json, summary.md and plots (PNG). Usage: report.py <dir>"""
import csv
import json
import math
import os
import re
import sys
from collections import Counter

OUT = sys.argv[1]
RAW = os.path.join(OUT, "raw")


def load(name):
    path = os.path.join(RAW, name + ".json")
    if not os.path.exists(path):
        return None
    with open(path) as f:
        text = f.read().strip()
    return json.loads(text) if text else None


def unit_ms(value):
    m = re.match(r"([\d.]+)(us|ms|s|m)$", value)
    if not m:
        return None
    n, u = float(m.group(1)), m.group(2)
    return {"us": n / 1000, "ms": n, "s": n * 1000, "m": n * 60000}[u]


def wrk(name):
    path = os.path.join(RAW, "wrk-" + name + ".txt")
    if not os.path.exists(path):
        return None
    text = open(path).read()
    r = {}
    m = re.search(r"Requests/sec:\s+([\d.]+)", text)
    r["rps"] = float(m.group(1)) if m else None
    for p in ("50", "75", "90", "99"):
        m = re.search(r"^\s+%s%%\s+(\S+)" % p, text, re.M)
        r["p%s_ms" % p] = unit_ms(m.group(1)) if m else None
    m = re.search(r"(\d+) requests in", text)
    r["requests"] = int(m.group(1)) if m else None
    m = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
    r["non_2xx"] = int(m.group(1)) if m else 0
    m = re.search(r"Socket errors: (.*)", text)
    r["socket_errors"] = m.group(1) if m else None
    return r


def pgbench(name):
    path = os.path.join(RAW, "pgbench-" + name + ".txt")
    if not os.path.exists(path):
        return None
    text = open(path).read()
    m = re.search(r"tps = ([\d.]+) \(without initial connection time\)", text) or re.search(r"tps = ([\d.]+)", text)
    lat = re.search(r"latency average = ([\d.]+) ms", text)
    return {"tps": float(m.group(1)) if m else None, "latency_avg_ms": float(lat.group(1)) if lat else None}


def mean(*xs):
    xs = [x for x in xs if x is not None]
    return sum(xs) / len(xs) if xs else None


def ratio(a, b):
    return round(a / b, 3) if a is not None and b else None


def samples(name):
    path = os.path.join(RAW, name + ".csv")
    if not os.path.exists(path):
        return []
    with open(path) as f:
        return [float(row["latency_ms"]) for row in csv.DictReader(f)]


meta = load("meta") or {}
meta.update(load("meta-end") or {})
targets_used = load("targets") or {}

# ---------------------------------------------------------------- figures
reads = {}
cat_trivial = [wrk("catalog-trivial-1"), wrk("catalog-trivial-2")]
feed_trivial = [wrk("feed-trivial-1"), wrk("feed-trivial-2")]
cat_base = mean(*[w["rps"] for w in cat_trivial if w])
feed_base = mean(*[w["rps"] for w in feed_trivial if w])
pg_select = pgbench("select-only")
reads["catalog_trivial"] = {"runs": cat_trivial, "rps_mean": cat_base, "endpoint": "GET /q/health/live (catalog-service)"}
reads["feed_trivial"] = {"runs": feed_trivial, "rps_mean": feed_base, "endpoint": "GET /q/health/live (feed-service)"}
reads["pgbench_select_only"] = pg_select
for key, name, base in (("project", "project", cat_base), ("list", "list", cat_base), ("feed_page", "feed-page", feed_base)):
    w = wrk(name)
    if w:
        w["ratio_to_trivial"] = ratio(w["rps"], base)
        w["ratio_to_pgbench_select"] = ratio(w["rps"], pg_select and pg_select["tps"])
    reads[key] = w
reads["project"] and reads["project"].update(endpoint="GET /projects/%s" % targets_used.get("slug"))
reads["list"] and reads["list"].update(endpoint="GET /projects?%s" % targets_used.get("list_query"))
reads["feed_page"] and reads["feed_page"].update(endpoint="GET /feed?after=%s&limit=100" % targets_used.get("feed_after"))

writes = load("writes")
pg_insert = pgbench("insert")
if writes:
    writes["ratio_to_pgbench_insert"] = ratio(writes["rps"], pg_insert and pg_insert["tps"])
latency = {}
for rate in (50, 100, 200):
    latency[str(rate)] = {"feed": load("latency-%d" % rate), "kafka": load("kafka-%d" % rate)}
fanout = load("fanout")
catchup = {"pages": load("catchup-pages"), "sse": load("catchup-sse"), "ingest": load("ingest"), "produce": load("produce")}
footprint = {}
for svc in ("catalog-service", "summit-service", "feed-service"):
    start, after = load("footprint-start-" + svc), load("footprint-load-" + svc)
    footprint[svc] = dict(start or {}, **(after or {}))

# ---------------------------------------------------------------- targets
def check(name, value, op, limit, unit, detail=""):
    ok = None if value is None else (value >= limit if op == ">=" else value <= limit)
    return {"target": name, "value": value, "op": op, "limit": limit, "unit": unit,
            "result": "n/a" if ok is None else ("pass" if ok else "MISS"), "detail": detail}


checks = []
checks.append(check("GET /projects/{slug} throughput / trivial endpoint", reads["project"] and reads["project"]["ratio_to_trivial"], ">=", 0.6, "x",
                    "%s vs %s req/s" % (reads["project"] and reads["project"]["rps"], cat_base and round(cat_base, 1))))
checks.append(check("GET /projects?filters throughput / trivial endpoint", reads["list"] and reads["list"]["ratio_to_trivial"], ">=", 0.4, "x",
                    "%s vs %s req/s" % (reads["list"] and reads["list"]["rps"], cat_base and round(cat_base, 1))))
checks.append(check("acknowledged PUTs/s / pgbench insert tps", writes and writes["ratio_to_pgbench_insert"], ">=", 0.5, "x",
                    "%s vs %s /s" % (writes and writes["rps"], pg_insert and pg_insert["tps"])))
l100 = latency["100"]["feed"]
k100 = latency["100"]["kafka"]
checks.append(check("change -> subscriber p99 at 100 writes/s", l100 and l100["p99_ms"], "<=", 50, "ms"))
kafka_bound = k100 and k100["p99_ms"] is not None and round(3 * k100["p99_ms"] + 20, 3)
checks.append(check("change -> subscriber p99 at 100 writes/s <= 3 x Kafka p99 + 20 ms", l100 and l100["p99_ms"], "<=", kafka_bound or float("nan"), "ms",
                    "Kafka p99 %s ms" % (k100 and k100["p99_ms"])))
checks.append(check("fan-out: deliveries received", fanout and fanout["delivered_pct"], ">=", 100.0, "%",
                    "%s subscribers, %s of %s deliveries" % (fanout and fanout["subscribers"], fanout and fanout["deliveries"], fanout and fanout["deliveries_expected"])))
checks.append(check("fan-out: p99 delivery latency", fanout and fanout["p99_ms"], "<=", 250, "ms",
                    "%s subscribers" % (fanout and fanout["subscribers"])))
checks.append(check("catch-up via /feed pages", catchup["pages"] and catchup["pages"]["events_per_second"], ">=", 50000, "events/s",
                    "%s events" % (catchup["pages"] and catchup["pages"]["events"])))
for svc, f in footprint.items():
    checks.append(check("%s ready after process start" % svc, f.get("ready_seconds"), "<=", 3.0, "s",
                        "Quarkus says started in %s s" % f.get("quarkus_started_in_seconds")))
    checks.append(check("%s RSS after load" % svc, f.get("rss_after_load_mib"), "<=", 250, "MiB",
                        "after start %s MiB" % f.get("rss_after_start_mib")))


# ---------------------------------------------------------------- profiler
def jfr_summary(name):
    path = os.path.join(RAW, name + ".samples.txt")
    if not os.path.exists(path):
        return None
    leaf, inclusive, threads, app = Counter(), Counter(), Counter(), Counter()
    total = 0
    frames, thread, in_stack = [], None, False
    frame_re = re.compile(r"^\s+([\w$.<>/]+)\(.*\)\s+line:")
    with open(path, errors="replace") as f:
        for line in f:
            if line.startswith("jdk.ExecutionSample"):
                frames, thread, in_stack = [], None, False
            elif "sampledThread = " in line:
                m = re.search(r'sampledThread = "([^"]*)"', line)
                thread = re.sub(r"\d+", "N", m.group(1)) if m else "?"
            elif "stackTrace = [" in line:
                in_stack = True
            elif in_stack and line.strip() == "]":
                in_stack = False
                if frames:
                    total += 1
                    leaf[frames[0]] += 1
                    for fr in set(frames):
                        inclusive[fr] += 1
                    own = next((fr for fr in frames if fr.startswith("dev.stackpulse")), None)
                    if own:
                        app[own] += 1
                    threads[thread] += 1
            elif in_stack:
                m = frame_re.match(line)
                if m:
                    frames.append(m.group(1))
    if not total:
        return None

    def top(counter, n):
        return [{"frame": k, "samples": v, "pct": round(100.0 * v / total, 1)} for k, v in counter.most_common(n)]

    return {"samples": total, "top_self": top(leaf, 15), "top_inclusive": top(inclusive, 40),
            "top_app_frames": top(app, 15), "threads": top(threads, 10)}


profile = {"catalog-service (reads + writes)": jfr_summary("catalog"),
           "feed-service (latency + fan-out)": jfr_summary("feed")}

results = {"meta": meta, "targets_used": targets_used, "reads": reads, "writes": {"catalog_put": writes, "pgbench_insert": pg_insert},
           "change_to_subscriber": latency, "fanout": fanout, "catchup": catchup, "footprint": footprint,
           "checks": checks, "profile": profile}
with open(os.path.join(OUT, "results.json"), "w") as f:
    json.dump(results, f, indent=2)


# ---------------------------------------------------------------- summary.md
def n(v, d=1):
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return "–"
    return f"{v:,.{d}f}"


lines = ["# Stack Pulse benchmark — %s (%s run)" % (meta.get("started", "?"), meta.get("mode", "?")), "",
         "Machine: %s cores, load average %s at start, %s at end; services run with `%s`; commit %s. "
         "Every figure is compared with a baseline measured in the same run (absolute numbers drift on a shared machine)."
         % (meta.get("nproc"), meta.get("loadavg_start"), meta.get("loadavg_end"), meta.get("java_opts"), meta.get("git")), "",
         "| what | measured | baseline (same run) | ratio / bound | target | result |",
         "|---|---|---|---|---|---|"]


def row(what, measured, baseline, ratio_text, target, result):
    lines.append("| %s | %s | %s | %s | %s | %s |" % (what, measured, baseline, ratio_text, target, result))


def res(i):
    return "**%s**" % checks[i]["result"] if checks[i]["result"] == "MISS" else checks[i]["result"]


p, l, fp = reads["project"] or {}, reads["list"] or {}, reads["feed_page"] or {}
row("`GET /projects/%s`" % targets_used.get("slug"), "%s req/s, p50 %s ms, p99 %s ms" % (n(p.get("rps")), n(p.get("p50_ms"), 2), n(p.get("p99_ms"), 2)),
    "trivial `/q/health/live` %s req/s; pgbench -S %s tps" % (n(cat_base), n(pg_select and pg_select["tps"])), "%s ×" % n(p.get("ratio_to_trivial"), 2), "≥ 0.6 ×", res(0))
row("`GET /projects?%s`" % targets_used.get("list_query"), "%s req/s, p50 %s ms, p99 %s ms" % (n(l.get("rps")), n(l.get("p50_ms"), 2), n(l.get("p99_ms"), 2)),
    "trivial %s req/s" % n(cat_base), "%s ×" % n(l.get("ratio_to_trivial"), 2), "≥ 0.4 ×", res(1))
row("`GET /feed?after=…&limit=100`", "%s req/s, p50 %s ms, p99 %s ms" % (n(fp.get("rps")), n(fp.get("p50_ms"), 2), n(fp.get("p99_ms"), 2)),
    "feed-service trivial %s req/s" % n(feed_base), "%s ×" % n(fp.get("ratio_to_trivial"), 2), "–", "–")
w = writes or {}
row("acknowledged `PUT /projects/{slug}` (outbox on)", "%s /s (p50 %s ms, p99 %s ms)" % (n(w.get("rps")), n(w.get("p50_ms"), 2), n(w.get("p99_ms"), 2)),
    "pgbench single-row insert %s tps" % n(pg_insert and pg_insert["tps"]), "%s ×" % n(w.get("ratio_to_pgbench_insert"), 2), "≥ 0.5 ×", res(2))
for rate in ("50", "100", "200"):
    fe, ka = latency[rate]["feed"] or {}, latency[rate]["kafka"] or {}
    is100 = rate == "100"
    st1, st2 = fe.get("stage_ack_to_topic") or {}, fe.get("stage_topic_to_sse") or {}
    row("change → SSE subscriber at %s writes/s" % rate,
        "p50 %s / p99 %s / max %s ms (ack→topic p50 %s / p99 %s; topic→SSE p50 %s / p99 %s; %s of %s writes acked)" % (
            n(fe.get("p50_ms"), 1), n(fe.get("p99_ms"), 1), n(fe.get("max_ms"), 1), n(st1.get("p50_ms"), 1),
            n(st1.get("p99_ms"), 1), n(st2.get("p50_ms"), 1), n(st2.get("p99_ms"), 1), fe.get("writes_acknowledged"),
            (fe.get("writes_acknowledged") or 0) + (fe.get("writes_failed") or 0)),
        "Kafka produce→consume p50 %s / p99 %s / max %s ms" % (n(ka.get("p50_ms"), 1), n(ka.get("p99_ms"), 1), n(ka.get("max_ms"), 1)),
        ("bound 3×p99+20 = %s ms" % n(kafka_bound, 1)) if is100 else "p99 %s × Kafka" % n(ratio(fe.get("p99_ms"), ka.get("p99_ms")), 1),
        "p99 ≤ 50 ms and ≤ bound" if is100 else "–",
        ("%s / %s" % (res(3), res(4))) if is100 else "–")
f = fanout or {}
row("fan-out: %s SSE subscribers, %s writes/s" % (f.get("subscribers"), f.get("rate")),
    "%s %% delivered (%s/%s; %s subscribers connected, server gauge %s), p50 %s / p99 %s / max %s ms" % (
        n(f.get("delivered_pct"), 2), f.get("deliveries"), f.get("deliveries_expected"), f.get("connected"),
        f.get("server_subscribers_gauge"), n(f.get("p50_ms"), 1), n(f.get("p99_ms"), 1), n(f.get("max_ms"), 1)),
    "1 subscriber at 100/s: p99 %s ms" % n(l100 and l100.get("p99_ms"), 1), "–", "100 %, p99 ≤ 250 ms", "%s / %s" % (res(5), res(6)))
cp, cs = catchup["pages"] or {}, catchup["sse"] or {}
row("catch-up from cursor 0 (%s events)" % n(cp.get("events"), 0), "pages: %s events/s; SSE: %s events/s" % (n(cp.get("events_per_second"), 0), n(cs.get("events_per_second"), 0)),
    "ingest of the produced events: %s events/s" % n(catchup["ingest"] and catchup["ingest"]["events_per_second"], 0), "–", "pages ≥ 50,000 events/s", res(7))
i = 8
for svc, fo in footprint.items():
    row("%s footprint" % svc, "ready %s s after exec (Quarkus: %s s); RSS %s MiB after start, %s MiB after load"
        % (n(fo.get("ready_seconds"), 2), fo.get("quarkus_started_in_seconds"), n(fo.get("rss_after_start_mib"), 0), n(fo.get("rss_after_load_mib"), 0)),
        "–", "–", "ready ≤ 3 s; RSS ≤ 250 MiB", "%s / %s" % (res(i), res(i + 1)))
    i += 2
lines += ["", "Plots: `throughput.png` (throughput vs baselines), `latency.png` (change → subscriber vs Kafka, CDF), "
          "`fanout.png`, `catchup-footprint.png`. All figures, baselines and ratios: `results.json`.", ""]
for title, prof in profile.items():
    if prof:
        lines.append("JFR %s, %d samples — hottest application frames: %s; hottest leaf frames: %s" % (
            title, prof["samples"],
            ", ".join("`%s` %s %%" % (x["frame"], x["pct"]) for x in prof["top_app_frames"][:4]),
            ", ".join("`%s` %s %%" % (x["frame"], x["pct"]) for x in prof["top_self"][:4])))
        lines.append("")
with open(os.path.join(OUT, "summary.md"), "w") as fh:
    fh.write("\n".join(lines) + "\n")

# ---------------------------------------------------------------- plots
try:
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, axes = plt.subplots(1, 3, figsize=(15, 4.5))
    ax = axes[0]
    names = ["trivial\n/q/health/live", "GET /projects/{slug}", "GET /projects?filters"]
    vals = [cat_base or 0, p.get("rps") or 0, l.get("rps") or 0]
    ax.bar(names, vals, color=["#999", "#1f77b4", "#1f77b4"])
    if cat_base:
        ax.axhline(0.6 * cat_base, ls="--", c="g", label="0.6 × trivial (slug target)")
        ax.axhline(0.4 * cat_base, ls=":", c="orange", label="0.4 × trivial (list target)")
    ax.set_title("catalog-service reads (wrk, %s conns)" % meta.get("connections"))
    ax.set_ylabel("requests/s")
    ax.legend(fontsize=8)
    ax = axes[1]
    ax.bar(["trivial\n/q/health/live", "GET /feed\nlimit=100", "pgbench -S"], [feed_base or 0, fp.get("rps") or 0, (pg_select or {}).get("tps") or 0],
           color=["#999", "#1f77b4", "#555"])
    ax.set_title("feed-service reads vs framework and database ceilings")
    ax.set_ylabel("requests (transactions)/s")
    ax = axes[2]
    pg_t = (pg_insert or {}).get("tps") or 0
    ax.bar(["pgbench single-row\ninsert", "acknowledged PUT\n(outbox on)"], [pg_t, w.get("rps") or 0], color=["#555", "#1f77b4"])
    if pg_t:
        ax.axhline(0.5 * pg_t, ls="--", c="g", label="target 0.5 × pgbench")
        ax.legend(fontsize=8)
    ax.set_title("writes (%s clients)" % meta.get("writers"))
    ax.set_ylabel("per second")
    fig.tight_layout()
    fig.savefig(os.path.join(OUT, "throughput.png"), dpi=110)
    plt.close(fig)

    fig, ax = plt.subplots(figsize=(9, 5.5))
    colors = {"50": "#2ca02c", "100": "#1f77b4", "200": "#d62728"}
    for rate in ("50", "100", "200"):
        for kind, style in (("latency", "-"), ("kafka", ":")):
            xs = sorted(samples("%s-%s" % (kind, rate)))
            if xs:
                ys = [(k + 1) / len(xs) for k in range(len(xs))]
                ax.plot(xs, ys, style, c=colors[rate], label="%s at %s/s" % ("write ack → SSE" if kind == "latency" else "raw Kafka", rate))
    ax.axvline(50, c="k", ls="--", lw=0.8, label="50 ms target (p99 at 100/s)")
    ax.axhline(0.99, c="grey", lw=0.5)
    ax.set_xscale("log")
    ax.set_xlabel("latency (ms, log)")
    ax.set_ylabel("fraction of events")
    ax.set_title("change → subscriber latency vs raw Kafka (CDF)")
    ax.legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(os.path.join(OUT, "latency.png"), dpi=110)
    plt.close(fig)

    fig, axes = plt.subplots(1, 2, figsize=(12, 4.5))
    xs = samples("fanout")
    if xs:
        axes[0].hist(xs, bins=80, color="#1f77b4")
        axes[0].axvline(250, c="r", ls="--", label="p99 target 250 ms")
        axes[0].axvline(f.get("p99_ms") or 0, c="k", ls=":", label="measured p99")
        axes[0].legend(fontsize=8)
    axes[0].set_title("fan-out: %s subscribers, delivery latency" % f.get("subscribers"))
    axes[0].set_xlabel("ms")
    xs = samples("writes-latency")
    if xs:
        axes[1].hist(xs, bins=80, color="#ff7f0e")
    axes[1].set_title("PUT latency under the write load (closed loop, %s clients)" % meta.get("writers"))
    axes[1].set_xlabel("ms")
    fig.tight_layout()
    fig.savefig(os.path.join(OUT, "fanout.png"), dpi=110)
    plt.close(fig)

    fig, axes = plt.subplots(1, 3, figsize=(15, 4.5))
    ax = axes[0]
    ax.bar(["/feed pages", "SSE", "ingest\n(Kafka→feed db)"], [cp.get("events_per_second") or 0, cs.get("events_per_second") or 0,
                                                              (catchup["ingest"] or {}).get("events_per_second") or 0], color=["#1f77b4", "#17becf", "#999"])
    ax.axhline(50000, c="g", ls="--", label="pages target 50,000/s")
    ax.legend(fontsize=8)
    ax.set_title("catch-up from cursor 0 (%s events)" % n(cp.get("events"), 0))
    ax.set_ylabel("events/s")
    svcs = list(footprint)
    axes[1].bar([s.replace("-service", "") for s in svcs], [footprint[s].get("ready_seconds") or 0 for s in svcs], color="#1f77b4")
    axes[1].axhline(3, c="g", ls="--", label="target 3 s")
    axes[1].set_title("process start → ready")
    axes[1].set_ylabel("s")
    axes[1].legend(fontsize=8)
    xi = range(len(svcs))
    axes[2].bar([x - 0.2 for x in xi], [footprint[s].get("rss_after_start_mib") or 0 for s in svcs], 0.4, label="after start")
    axes[2].bar([x + 0.2 for x in xi], [footprint[s].get("rss_after_load_mib") or 0 for s in svcs], 0.4, label="after load")
    axes[2].set_xticks(list(xi))
    axes[2].set_xticklabels([s.replace("-service", "") for s in svcs])
    axes[2].axhline(250, c="g", ls="--", label="target 250 MiB")
    axes[2].set_title("RSS")
    axes[2].set_ylabel("MiB")
    axes[2].legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(os.path.join(OUT, "catchup-footprint.png"), dpi=110)
    plt.close(fig)
except ImportError:
    print("matplotlib missing: no plots")

print("\n".join(lines))
print("\nchecks: " + ", ".join("%s=%s" % (c["target"], c["result"]) for c in checks))
