#!/usr/bin/env python3
"""Where threads wait (wall clock, not CPU): sums the duration of JFR ThreadPark / JavaMonitorEnter / JavaMonitorWait /
SocketRead events per (event, thread kind, first application frame, first non-JDK frame). Usage: waits.py <file.jfr>"""
import re
import subprocess
import sys
from collections import defaultdict

EVENTS = "jdk.ThreadPark,jdk.JavaMonitorEnter,jdk.JavaMonitorWait,jdk.SocketRead"
out = subprocess.run(["jfr", "print", "--stack-depth", "48", "--events", EVENTS, sys.argv[1]],
                     capture_output=True, text=True).stdout
total = defaultdict(float)
count = defaultdict(int)
frame_re = re.compile(r"^\s+([\w$.<>/]+)\(.*\)\s+line:")


def ms(text):
    m = re.match(r"([\d.]+) (ns|us|ms|s|min)", text.strip())
    if not m:
        return 0.0
    return float(m.group(1)) * {"ns": 1e-6, "us": 1e-3, "ms": 1, "s": 1000, "min": 60000}[m.group(2)]


for block in out.split("\njdk.")[0:]:
    head = block.strip().split(" ", 1)[0].replace("jdk.", "")
    d = re.search(r"duration = (.*)", block)
    t = re.search(r'eventThread = "([^"]*)"', block)
    frames = [m.group(1) for m in map(frame_re.match, block.splitlines()) if m]
    if not d or not frames:
        continue
    app = next((f for f in frames if f.startswith("dev.stackpulse")), "-")
    lib = next((f for f in frames if not f.startswith(("java.", "jdk.", "sun."))), "-")
    key = (head, re.sub(r"\d+", "N", t.group(1) if t else "?"), app, lib)
    total[key] += ms(d.group(1))
    count[key] += 1
for key, v in sorted(total.items(), key=lambda kv: -kv[1])[:int(sys.argv[2]) if len(sys.argv) > 2 else 20]:
    print("%9.0f ms %6d x  %-18s %-28s app=%s  at=%s" % (v, count[key], key[0], key[1][:28], key[2], key[3]))
