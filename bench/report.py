#!/usr/bin/env python3
"""Turns bench-results/<stamp>/raw/* into results.json, summary.md and plots (PNG). Usage: report.py <dir>

Every target row of issues 12 and 13 becomes a check with a stable id, its value, its baseline (measured in the same
run), pass/MISS, and the previous run's value (the newest earlier bench-results/*/results.json). A phase that failed
leaves its checks at null/MISS with the phase's reason."""
import csv
import glob
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
    try:
        with open(path) as f:
            text = f.read().strip()
        return json.loads(text) if text else None
    except ValueError:
        return None


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
    if r["rps"] and not r["p99_ms"]:
        # wrk counts timed-out requests but records no latency for them: a 0 percentile means "unknown", not "fast"
        r.update(p50_ms=None, p75_ms=None, p90_ms=None, p99_ms=None,
                 error="wrk recorded no latencies (timeouts: %s)" % r["socket_errors"])
    if not r["requests"] or not r["rps"]:
        # wrk's percentiles are 0 when nothing completed within its 2 s timeout: no latency figure, not a fast one
        r.update(rps=0.0 if r["rps"] is not None else None, p50_ms=None, p75_ms=None, p90_ms=None, p99_ms=None,
                 error="no request completed within wrk's timeout (%s)" % r["socket_errors"])
    elif r["rps"] is not None and r["requests"] and r["non_2xx"] > r["requests"] // 100:
        r["error"] = "%d of %d responses were errors" % (r["non_2xx"], r["requests"])
        r["rps"] = None  # an error page served fast is not the endpoint's throughput
    return r


def pgbench(name):
    path = os.path.join(RAW, "pgbench-" + name + ".txt")
    if not os.path.exists(path):
        return None
    text = open(path).read()
    m = re.search(r"tps = ([\d.]+) \(without initial connection time\)", text) or re.search(r"tps = ([\d.]+)", text)
    lat = re.search(r"latency average = ([\d.]+) ms", text)
    failed = re.search(r"number of failed transactions: (\d+)", text)
    return {"tps": float(m.group(1)) if m else None, "latency_avg_ms": float(lat.group(1)) if lat else None,
            "failed_transactions": int(failed.group(1)) if failed else None}


def mean(*xs):
    xs = [x for x in xs if x is not None]
    return sum(xs) / len(xs) if xs else None


def ratio(a, b):
    return round(a / b, 3) if a is not None and b else None


def get(d, *keys):
    for k in keys:
        if not isinstance(d, dict):
            return None
        d = d.get(k)
    return d


def samples(name):
    path = os.path.join(RAW, name + ".csv")
    if not os.path.exists(path):
        return []
    with open(path) as f:
        return [float(row["latency_ms"]) for row in csv.DictReader(f)]


meta = load("meta") or {}
meta.update(load("meta-end") or {})
# the command line each service really ran with (./stackpulse's, as the footprint restarts reuse it)
meta["command_lines"] = {}
for svc in ("catalog-service", "summit-service", "feed-service"):
    path = os.path.join(RAW, "cmdline-%s.txt" % svc)
    if os.path.exists(path):
        meta["command_lines"][svc] = open(path).read().strip()
cat_cmd = meta["command_lines"].get("catalog-service", "")
running_flags = " ".join(a for a in cat_cmd.split()[1:] if a.startswith("-") and a != "-jar") if cat_cmd else None
used = load("targets") or {}


def load_lines(name):
    """The JSON objects of raw/<name>.jsonl, one per line (a torn line is skipped)."""
    rows = []
    if os.path.exists(os.path.join(RAW, name + ".jsonl")):
        for line in open(os.path.join(RAW, name + ".jsonl")):
            try:
                rows.append(json.loads(line))
            except ValueError:
                pass
    return rows


failures = load_lines("failures")
skipped = load_lines("skipped")  # phases BENCH_ONLY left out (bench/run writes raw/skipped.jsonl)


def reason(*phases):
    for f in failures + skipped:
        if any(f["phase"] == p or f["phase"].startswith(p) for p in phases):
            return "%s: %s" % (f["phase"], f["reason"])
    return None


# ---------------------------------------------------------------- figures
def trivial(service):
    runs = [wrk("%s-trivial-1" % service), wrk("%s-trivial-2" % service)]
    ok = [w for w in runs if w and w.get("rps")]
    return {"endpoint": "GET /problems/not-found (%s-service)" % service, "runs": runs,
            "rps": mean(*[w["rps"] for w in ok]), "p99_ms": mean(*[w["p99_ms"] for w in ok])}


base = {s: trivial(s) for s in ("catalog", "summit", "feed")}
reads = {}
READS = [  # key, wrk name, service, endpoint text
    ("project", "project", "catalog", "GET /projects/%s" % used.get("slug")),
    ("list", "list", "catalog", "GET /projects?%s" % used.get("list_query")),
    ("project_304", "project-304", "catalog", "GET /projects/%s, If-None-Match: current ETag (304)" % used.get("slug")),
    ("list_extra", "list-extra", "catalog", "GET /projects?%s with %s extra projects" % (used.get("list_query"), meta.get("extra_projects"))),
    ("list_seed_2", "list-seed-2", "catalog", "GET /projects?%s after the extra projects were deleted" % used.get("list_query")),
    ("catalog_health", "catalog-health", "catalog", "GET /q/health/live (catalog-service, extra figure)"),
    ("summit", "summit", "summit", "GET /summits/%s" % used.get("summit")),
    ("sessions", "sessions", "summit", "GET /sessions?%s" % used.get("sessions_query")),
    ("feed_page", "feed-page", "feed", "GET /feed?after=%s&limit=100" % used.get("feed_after")),
]
for key, name, svc, endpoint in READS:
    w = wrk(name)
    if w:
        w["endpoint"] = endpoint
        w["service"] = svc
        w["ratio_to_trivial"] = ratio(w["rps"], base[svc]["rps"])
        w["p99_to_trivial_p99"] = ratio(w["p99_ms"], base[svc]["p99_ms"])
    reads[key] = w
pg_select = pgbench("select-only")
list_seed = mean(get(reads, "list", "rps"), get(reads, "list_seed_2", "rps"))

filters = {}
if os.path.exists(os.path.join(RAW, "filters.txt")):
    for line in open(os.path.join(RAW, "filters.txt")):
        name, _, q = line.strip().partition("|")
        w = wrk("filter-" + name)
        filters[name] = dict(w or {}, query=q, measured=w is not None)
unfiltered = get(filters, "unfiltered", "rps")
for name, f in filters.items():
    f["ratio_to_unfiltered"] = ratio(f.get("rps"), unfiltered)
stats_ep = wrk("feed-stats")
feed_size = load("feed-size") or {}

writes = load("writes")
pg_put = pgbench("put")
put_statements = load("put-statements")
latency = {str(r): {"feed": load("latency-%d" % r), "kafka": load("kafka-%d" % r)} for r in (100, 500)}
outage = load("outage")
producer = load("producer-rate")
sweep = [int(x) for x in str(meta.get("sweep", "")).split() if x.isdigit()]
fanout = {str(n): load("fanout-%d" % n) for n in sweep}
ingest = load("ingest")
fill = load("fill")
catchup = {"pages": load("catchup-pages"), "sse": load("catchup-sse")}
footprint = {}
for svc in ("catalog-service", "summit-service", "feed-service"):
    footprint[svc] = dict(load("footprint-start-" + svc) or {}, **(load("footprint-load-" + svc) or {}))

# ---------------------------------------------------------------- checks
checks = []


def check(cid, issue, name, value, op, limit, unit, detail="", phases=(), baseline=None, miss_because=None):
    ok = None if value is None or limit is None else (value >= limit if op == ">=" else value <= limit)
    if miss_because:  # e.g. a p99 over the delivered events only, when more than 1 % never arrived
        ok = False
        detail = "%s; MISS: %s" % (detail, miss_because)
    why = reason(*phases) if value is None else None
    checks.append({"id": cid, "issue": issue, "target": name, "value": value, "op": op, "limit": limit, "unit": unit,
                   "baseline": baseline, "result": "MISS" if ok is not True else "pass",
                   "detail": detail + ((" — not measured: " + why) if why else ("" if value is not None else " — not measured")),
                   "measured": value is not None})


def rps(key):
    return get(reads, key, "rps")


for key, target, rowname, phases in (("project", 0.6, "GET /projects/{slug}", ("reads-catalog", "wrk project")),
                                     ("summit", 0.6, "GET /summits/{slug}", ("reads-summit", "wrk summit")),
                                     ("list", 0.4, "filtered GET /projects (3 filters + sort)", ("reads-catalog", "wrk list")),
                                     ("sessions", 0.4, "filtered GET /sessions", ("reads-summit", "wrk sessions")),
                                     ("project_304", 0.8, "conditional GET answered 304", ("reads-catalog", "conditional", "wrk project-304"))):
    svc = "summit" if key in ("summit", "sessions") else "catalog"
    check("i12." + key, 12, "%s / trivial endpoint" % rowname, get(reads, key, "ratio_to_trivial"), ">=", target, "x",
          "%s: %s req/s vs %s req/s" % (get(reads, key, "endpoint"), rps(key) and round(rps(key)), base[svc]["rps"] and round(base[svc]["rps"])),
          phases, base[svc]["rps"])
check("i12.list_extra", 12, "filtered list with %s extra projects / same list, seed catalog" % meta.get("extra_projects"),
      ratio(rps("list_extra"), list_seed), ">=", 0.8, "x",
      "%s vs %s req/s (mean of before and after)" % (rps("list_extra") and round(rps("list_extra")), list_seed and round(list_seed)),
      ("list-extra", "wrk list-extra", "extra-cleanup"), list_seed)
for key in ("project", "summit", "list", "sessions", "project_304", "list_extra"):
    svc = "summit" if key in ("summit", "sessions") else "catalog"
    check("i12.p99." + key, 12, "p99 of %s / trivial p99" % key.replace("_", " "), get(reads, key, "p99_to_trivial_p99"), "<=", 2.0, "x",
          "p99 %s ms vs %s ms%s" % (get(reads, key, "p99_ms"), base[svc]["p99_ms"] and round(base[svc]["p99_ms"], 2),
                                    ("; " + get(reads, key, "error")) if get(reads, key, "error") else ""),
          ("reads", "list-extra", "wrk"), base[svc]["p99_ms"])
check("i12.put", 12, "acknowledged PUT/s (%s writers) / pgbench with the PUT's statements" % meta.get("writers"),
      ratio(get(writes, "rps"), get(pg_put, "tps")), ">=", 0.5, "x",
      "%s PUT/s (p99 %s ms) vs %s tps (%s statements per PUT)" % (get(writes, "rps"), get(writes, "p99_ms"), get(pg_put, "tps"),
                                                                 get(put_statements, "statements")),
      ("put-statements", "writes"), get(pg_put, "tps"))
l500 = get(latency, "500", "feed")
a500 = (l500 or {}).get("writes_acknowledged") or 0
f500 = (l500 or {}).get("writes_failed") or 0
check("i12.ack_topic_500", 12, "write ack -> record on the topic at 500 writes/s, p99",
      get(l500, "stage_ack_to_topic", "p99_ms"), "<=", 20, "ms",
      "p50 %s ms; %s of %s writes acknowledged" % (get(l500, "stage_ack_to_topic", "p50_ms"), a500, a500 + f500),
      ("latency-500",), miss_because=("%s of %s writes failed: 500/s not sustained" % (f500, a500 + f500)) if f500 > (a500 + f500) // 100 else None)
check("i12.drain", 12, "outbox drain after a broker outage / raw producer rate",
      ratio(get(outage, "drain_per_second"), get(producer, "per_second")), ">=", 0.3, "x",
      "%s of %s writes drained in %s s after the broker was back (%s /s; first after %s s) vs raw producer %s /s" % (
          get(outage, "on_topic"), get(outage, "acknowledged"), get(outage, "drain_seconds"), get(outage, "drain_per_second"),
          get(outage, "first_after_ready_seconds"), get(producer, "per_second")), ("outage",), get(producer, "per_second"))
for svc, f in footprint.items():
    check("i12.ready." + svc, 12, "%s start -> ready" % svc, f.get("ready_seconds"), "<=", 2.0, "s",
          "Quarkus says started in %s s" % f.get("quarkus_started_in_seconds"), ("footprint",))
for svc, f in footprint.items():
    check("i12.rss." + svc, 12, "%s RSS after the whole bench" % svc, f.get("rss_after_load_mib"), "<=", 250, "MiB",
          "after start %s MiB" % f.get("rss_after_start_mib"), ("footprint",))

def undelivered(f):
    """A reason when the latency figures cover too little: acknowledged writes that never arrived (> 1 %), or failed writes."""
    if not f:
        return None
    why = []
    if (f.get("delivered_pct") or 0) < 99.0:
        why.append("only %s %% of the acknowledged changes arrived (p99 is over those)" % f.get("delivered_pct"))
    sent = (f.get("writes_acknowledged") or 0) + (f.get("writes_failed") or 0)
    if sent and (f.get("writes_failed") or 0) > sent // 100:
        why.append("%s of %s writes failed (the rate was not sustained)" % (f.get("writes_failed"), sent))
    return "; ".join(why) or None


for r in ("100", "500"):
    fe, ka = get(latency, r, "feed"), get(latency, r, "kafka")
    bound = round(3 * ka["p99_ms"] + 20, 3) if ka and ka.get("p99_ms") is not None else None
    detail = "p50 %s / p99 %s ms (ack->topic p99 %s, topic->SSE p99 %s); Kafka p99 %s ms" % (
        get(fe, "p50_ms"), get(fe, "p99_ms"), get(fe, "stage_ack_to_topic", "p99_ms"), get(fe, "stage_topic_to_sse", "p99_ms"),
        get(ka, "p99_ms"))
    lost = undelivered(fe)
    check("i13.sse_%s" % r, 13, "change -> SSE p99 at %s writes/s" % r, get(fe, "p99_ms"), "<=", 50, "ms", detail, ("latency-" + r,),
          miss_because=lost)
    check("i13.sse_%s_kafka" % r, 13, "change -> SSE p99 at %s writes/s <= 3 x Kafka p99 + 20 ms" % r, get(fe, "p99_ms"), "<=", bound,
          "ms", detail, ("latency-" + r,), get(ka, "p99_ms"), miss_because=lost)
check("i13.ingest", 13, "sustained ingest", get(ingest, "events_per_second"), ">=", 10000, "events/s",
      "%s of %s events" % (get(ingest, "ingested"), get(ingest, "events")), ("ingest",))
check("i13.ingest_ratio", 13, "sustained ingest / raw consumer rate", ratio(get(ingest, "events_per_second"), get(ingest, "raw_consumer_per_second")),
      ">=", 0.2, "x", "raw consumer %s events/s" % get(ingest, "raw_consumer_per_second"), ("ingest",), get(ingest, "raw_consumer_per_second"))


def fan_check(n, p99_limit):
    measured = [k for k in sweep if k <= n]
    k = n if n in sweep else (max(measured) if measured else None)
    f = fanout.get(str(k)) if k else None
    note = "" if k == n else " (--quick: measured with %s subscribers)" % k
    check("i13.fanout_%d.delivered" % n, 13, "%s subscribers at 10 writes/s: delivered" % n, get(f, "delivered_pct"), ">=", 100.0, "%",
          "%s of %s deliveries; %s connected%s" % (get(f, "deliveries"), get(f, "deliveries_expected"), get(f, "connected"), note),
          ("fanout-%s" % k,))
    check("i13.fanout_%d.p99" % n, 13, "%s subscribers at 10 writes/s: p99" % n, get(f, "p99_ms"), "<=", p99_limit, "ms",
          "p50 %s ms%s" % (get(f, "p50_ms"), note), ("fanout-%s" % k,), miss_because=undelivered(f))
    return f, k


fan_check(1000, 100)
f_big, k_big = fan_check(10000, 1000)
f_small = fanout.get(str(min(sweep))) if sweep else None
t_small, t_big = get(f_small, "feed_connected", "threads"), get(f_big, "feed_connected", "threads")
check("i13.fanout_threads", 13, "feed-service threads do not grow with subscribers (growth %s -> %s subscribers)" % (sweep and min(sweep), k_big),
      (t_big - t_small) if t_big is not None and t_small is not None else None, "<=", 32, "threads",
      "%s threads with %s subscribers, %s with %s; RSS %s MiB with %s" % (t_small, sweep and min(sweep), t_big, k_big,
                                                                       get(f_big, "feed_connected", "rss_mib"), k_big), ("fanout",))
cp, cs = catchup["pages"], catchup["sse"]
check("i13.catchup_pages", 13, "catch-up from cursor 0 by pages", get(cp, "events_per_second"), ">=", 50000, "events/s",
      "%s events; pgbench -S %s tps" % (get(cp, "events"), get(pg_select, "tps")), ("catchup",), get(pg_select, "tps"))
check("i13.catchup_sse", 13, "catch-up from cursor 0 by SSE", get(cs, "events_per_second"), ">=", 50000, "events/s",
      "%s events; pgbench -S %s tps" % (get(cs, "events"), get(pg_select, "tps")), ("catchup",), get(pg_select, "tps"))
check("i13.feed_page", 13, "GET /feed?after=...&limit=100 / feed trivial endpoint", get(reads, "feed_page", "ratio_to_trivial"), ">=", 0.3, "x",
      "%s vs %s req/s" % (rps("feed_page"), base["feed"]["rps"] and round(base["feed"]["rps"])), ("reads-feed", "wrk feed-page"), base["feed"]["rps"])
size_note = "feed of %s entries%s" % (feed_size.get("head"), "" if (feed_size.get("head") or 0) >= 1000000 else
                                      " (fewer than 1,000,000: %s mode)" % meta.get("mode"))
for name, f in filters.items():
    if name == "unfiltered":
        continue
    check("i13.filter." + name, 13, "feed filter %s / unfiltered page" % name, f.get("ratio_to_unfiltered"), ">=", 0.8, "x",
          "%s req/s vs %s; `%s`; %s" % (f.get("rps"), unfiltered, f.get("query"), size_note), ("filters", "feed filter " + name, "wrk filter-" + name),
          unfiltered)
if not filters:
    check("i13.filter.all", 13, "feed filters / unfiltered page", None, ">=", 0.8, "x", size_note, ("filters", "fill"))
check("i13.stats", 13, "/feed/stats latency (p50, 1 connection)", get(stats_ep, "p50_ms"), "<=", 5, "ms",
      "p99 %s ms; %s" % (get(stats_ep, "p99_ms"), size_note), ("filters", "wrk feed-stats"))


# ---------------------------------------------------------------- the previous run
def previous_results():
    """Each row's newest earlier measurement: a partial run (BENCH_ONLY) supplies only the rows it measured."""
    here = os.path.basename(os.path.normpath(OUT))
    runs = sorted(d for d in glob.glob(os.path.join(os.path.dirname(os.path.normpath(OUT)), "*", "results.json"))
                  if os.path.basename(os.path.dirname(d)) < here)
    found, newest = {}, None
    for path in reversed(runs):
        try:
            with open(path) as f:
                data = json.load(f)
        except ValueError:
            continue
        stamp = os.path.basename(os.path.dirname(path))
        newest = newest or stamp
        for c in data.get("checks", []):
            if c.get("id") and c.get("id") not in found and c.get("measured", c.get("value") is not None):
                found[c["id"]] = dict(c, run=stamp)
    return newest, found


prev_stamp, prev_checks = previous_results()
for c in checks:
    p = prev_checks.get(c["id"])
    c["previous"] = None if p is None else {"value": p.get("value"), "result": p.get("result"), "run": p["run"]}


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

results = {"meta": meta, "targets_used": used, "baselines": base, "reads": reads, "pgbench_select_only": pg_select,
           "feed_filters": filters, "feed_stats_endpoint": stats_ep, "feed_size": feed_size,
           "writes": {"catalog_put": writes, "pgbench_put": pg_put, "put_statements": put_statements},
           "change_to_subscriber": latency, "outage": outage, "producer_rate": producer, "fanout": fanout,
           "ingest": ingest, "fill": fill, "catchup": catchup, "footprint": footprint,
           "failures": failures, "previous_run": prev_stamp, "checks": checks, "profile": profile}
with open(os.path.join(OUT, "results.json"), "w") as f:
    json.dump(results, f, indent=2)


# ---------------------------------------------------------------- summary.md
def n(v, d=1):
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return "–"
    if isinstance(v, (int, float)):
        return f"{v:,.{d}f}"
    return str(v)


passed = sum(1 for c in checks if c["result"] == "pass")
lines = ["# Stack Pulse benchmark — %s (%s run)" % (meta.get("started", "?"), meta.get("mode", "?")), "",
         "Machine: %s cores, load average %s at start, %s at end; shipped flags `%s` (from %s), catalog-service ran with `%s`; commit %s of %s; "
         "%s s. Every ratio is to a baseline measured in the same run. **%d of %d rows pass.** Previous run: %s."
         % (meta.get("nproc"), meta.get("loadavg_start"), meta.get("loadavg_end"), meta.get("java_opts"),
            meta.get("java_opts_source"), running_flags, meta.get("git"), meta.get("stack"), meta.get("elapsed_seconds"), passed,
            len(checks), prev_stamp or "none"), ""]
if meta.get("only"):
    lines += ["Partial run: only the phases `BENCH_ONLY=%s` (and what they need); the other rows say \"not run\"." % meta["only"], ""]
if failures:
    lines += ["Phases that failed (their rows are MISS, not measured):", ""]
    lines += ["- `%s`: %s" % (f["phase"], f["reason"]) for f in failures] + [""]
for issue in (12, 13):
    lines += ["## Issue %d" % issue, "", "| row | value | target | result | previous | detail |", "|---|---|---|---|---|---|"]
    for c in checks:
        if c["issue"] != issue:
            continue
        d = 3 if c["unit"] == "x" else 1
        prev_v = c["previous"]
        lines.append("| %s | %s %s | %s %s %s | %s | %s | %s |" % (
            c["target"], n(c["value"], d), c["unit"] if c["value"] is not None else "", c["op"].replace(">=", "≥").replace("<=", "≤"),
            n(c["limit"], d if c["unit"] == "x" else 0), c["unit"],
            "**MISS**" if c["result"] == "MISS" else "pass",
            "–" if not prev_v else "%s (%s)" % (n(prev_v["value"], d), prev_v["result"]), c["detail"].replace("|", "\\|")))
    lines.append("")
lines += ["## Other figures", ""]
for key in ("catalog", "summit", "feed"):
    lines.append("- trivial `GET /problems/not-found` of %s-service: %s req/s, p99 %s ms" % (key, n(base[key]["rps"]), n(base[key]["p99_ms"], 2)))
lines.append("- catalog `/q/health/live`: %s req/s; pgbench -S: %s tps" % (n(rps("catalog_health")), n(get(pg_select, "tps"))))
for name in ("ingest", "fill"):
    x = ingest if name == "ingest" else fill
    if x:
        lines.append("- %s: %s events into the feed at %s events/s (raw consumer %s events/s; producer %s /s)" % (
            name, n(x.get("ingested"), 0), n(x.get("events_per_second")), n(x.get("raw_consumer_per_second")), n(get(x, "produce", "per_second"))))
for k in sweep:
    f = fanout.get(str(k)) or {}
    lines.append("- fan-out %s subscribers: %s %% delivered, p50 %s / p99 %s ms, connect %s s, feed threads %s -> %s, RSS %s MiB" % (
        k, n(f.get("delivered_pct"), 2), n(f.get("p50_ms")), n(f.get("p99_ms")), n(f.get("connect_seconds")),
        get(f, "feed_before", "threads"), get(f, "feed_connected", "threads"), n(get(f, "feed_connected", "rss_mib"), 0)))
if put_statements:
    lines += ["- the statements one PUT sends (from PostgreSQL's log, as replayed by pgbench):", ""]
    lines += ["  - `%s`" % s.replace("`", "'")[:200] for s in put_statements.get("sql", [])]
lines += ["", "Plots: `reads.png` (each endpoint next to its trivial baseline), `fanout.png` (delivery latency against "
          "subscriber count), `latency.png` (change → subscriber vs Kafka, CDF), `filters.png`, `footprint.png`. "
          "All figures: `results.json`.", ""]
for title, prof in profile.items():
    if prof:
        lines.append("JFR %s, %d samples — hottest application frames: %s; hottest leaf frames: %s" % (
            title, prof["samples"], ", ".join("`%s` %s %%" % (x["frame"], x["pct"]) for x in prof["top_app_frames"][:4]),
            ", ".join("`%s` %s %%" % (x["frame"], x["pct"]) for x in prof["top_self"][:4])))
        lines.append("")
with open(os.path.join(OUT, "summary.md"), "w") as fh:
    fh.write("\n".join(lines) + "\n")

# ---------------------------------------------------------------- plots
try:
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    def save(fig, name):
        fig.tight_layout()
        fig.savefig(os.path.join(OUT, name), dpi=100)
        plt.close(fig)

    # each read endpoint next to its trivial baseline
    items = [(k, reads[k]) for k, *_ in READS if reads.get(k) and k != "list_seed_2"]
    items += [("filter " + k, dict(v, service="feed")) for k, v in filters.items() if v.get("measured")]
    if items:
        fig, ax = plt.subplots(figsize=(max(10, 1.1 * len(items)), 5))
        xs = range(len(items))
        ax.bar([x - 0.2 for x in xs], [v.get("rps") or 0 for _, v in items], 0.4, label="endpoint", color="#1f77b4")
        ax.bar([x + 0.2 for x in xs], [base[v["service"]]["rps"] or 0 for _, v in items], 0.4,
               label="trivial /problems/not-found of the same service", color="#bbb")
        for x, (_, v) in zip(xs, items):
            r = ratio(v.get("rps"), base[v["service"]]["rps"])
            ax.text(x - 0.2, (v.get("rps") or 0), "%s×" % (r if r is not None else "–"), ha="center", va="bottom", fontsize=7)
        ax.set_xticks(list(xs))
        ax.set_xticklabels([k.replace("_", " ") for k, _ in items], rotation=30, ha="right", fontsize=8)
        ax.set_ylabel("requests/s (wrk, %s connections)" % meta.get("connections"))
        ax.set_title("read throughput of each endpoint against its trivial baseline")
        ax.legend(fontsize=8)
        save(fig, "reads.png")

    fig, ax = plt.subplots(figsize=(8, 5))
    ks = [k for k in sweep if fanout.get(str(k))]
    if ks:
        ax.plot(ks, [fanout[str(k)].get("p50_ms") or float("nan") for k in ks], "o-", label="p50")
        ax.plot(ks, [fanout[str(k)].get("p99_ms") or float("nan") for k in ks], "s-", label="p99")
        ax.plot(ks, [fanout[str(k)].get("max_ms") or float("nan") for k in ks], "^:", label="max")
        ax.axhline(100, c="g", ls="--", lw=0.8, label="p99 target at 1,000 (100 ms)")
        ax.axhline(1000, c="r", ls="--", lw=0.8, label="p99 target at 10,000 (1 s)")
        ax.set_xscale("log")
        ax.set_yscale("log")
        ax2 = ax.twinx()
        ax2.plot(ks, [get(fanout[str(k)], "feed_connected", "threads") or float("nan") for k in ks], "k.--", alpha=0.5)
        ax2.set_ylabel("feed-service threads while connected (dashed)")
    ax.set_xlabel("SSE subscribers")
    ax.set_ylabel("write ack → SSE delivery (ms, log)")
    ax.set_title("delivery latency against subscriber count (10 writes/s)")
    ax.legend(fontsize=8, loc="upper left")
    save(fig, "fanout.png")

    fig, ax = plt.subplots(figsize=(9, 5.5))
    colors = {"100": "#1f77b4", "500": "#d62728"}
    for r in ("100", "500"):
        for kind, style in (("latency", "-"), ("kafka", ":")):
            xs = sorted(samples("%s-%s" % (kind, r)))
            if xs:
                ax.plot(xs, [(k + 1) / len(xs) for k in range(len(xs))], style, c=colors[r],
                        label="%s at %s/s" % ("write ack → SSE" if kind == "latency" else "raw Kafka", r))
    ax.axvline(50, c="k", ls="--", lw=0.8, label="50 ms target")
    ax.axhline(0.99, c="grey", lw=0.5)
    ax.set_xscale("log")
    ax.set_xlabel("latency (ms, log)")
    ax.set_ylabel("fraction of events")
    ax.set_title("change → subscriber latency vs raw Kafka (CDF)")
    ax.legend(fontsize=8)
    save(fig, "latency.png")

    if filters:
        fig, ax = plt.subplots(figsize=(10, 4.5))
        names = list(filters)
        ax.bar(names, [filters[k].get("rps") or 0 for k in names], color=["#999"] + ["#1f77b4"] * (len(names) - 1))
        if unfiltered:
            ax.axhline(0.8 * unfiltered, c="g", ls="--", label="0.8 × unfiltered")
            ax.legend(fontsize=8)
        ax.set_xticks(range(len(names)))
        ax.set_xticklabels(names, rotation=30, ha="right", fontsize=8)
        ax.set_ylabel("requests/s")
        ax.set_title("feed filters vs the unfiltered page (%s)" % size_note)
        save(fig, "filters.png")

    fig, axes = plt.subplots(1, 2, figsize=(11, 4.5))
    svcs = list(footprint)
    axes[0].bar([s.replace("-service", "") for s in svcs], [footprint[s].get("ready_seconds") or 0 for s in svcs])
    axes[0].axhline(2, c="g", ls="--", label="target 2 s")
    axes[0].set_title("process start → ready")
    axes[0].set_ylabel("s")
    axes[0].legend(fontsize=8)
    xi = range(len(svcs))
    axes[1].bar([x - 0.2 for x in xi], [footprint[s].get("rss_after_start_mib") or 0 for s in svcs], 0.4, label="after start")
    axes[1].bar([x + 0.2 for x in xi], [footprint[s].get("rss_after_load_mib") or 0 for s in svcs], 0.4, label="after the bench")
    axes[1].set_xticks(list(xi))
    axes[1].set_xticklabels([s.replace("-service", "") for s in svcs])
    axes[1].axhline(250, c="g", ls="--", label="target 250 MiB")
    axes[1].set_title("RSS")
    axes[1].set_ylabel("MiB")
    axes[1].legend(fontsize=8)
    save(fig, "footprint.png")
except ImportError:
    print("matplotlib missing: no plots")

print("\n".join(lines))
