#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""bench/startup.py ADVISOR [RUNS]: time from exec to the first painted frame, and the memory
in use at that moment, for mbc-advisor and for a bare libadwaita window (header bar and a
label, bench/bare-window.c, built here), alternating RUNS times each (default 11) in one Xvfb
without GL (GDK_DEBUG=gl-disable GSK_RENDERER=cairo). Prints medians and ratios; the goal is
at most 1.3 times the bare window in both. mbc-advisor builds the sections below its first
screen once that is painted: the time and memory when the frame with every section is
painted are printed too, so that nothing is hidden by the split."""
import os
import statistics
import subprocess
import sys
import tempfile
import time

here = os.path.dirname(os.path.abspath(__file__))
advisor = os.path.abspath(sys.argv[1])
runs = int(sys.argv[2]) if len(sys.argv) > 2 else 11

bare = os.path.join(tempfile.mkdtemp(), "bare-window")
cflags = subprocess.check_output(["pkg-config", "--cflags", "--libs", "libadwaita-1"], text=True).split()
subprocess.check_call(["cc", "-O2", "-o", bare, os.path.join(here, "bare-window.c")] + cflags)

xvfb = subprocess.Popen(["Xvfb", ":97", "-screen", "0", "1600x1200x24", "-nolisten", "tcp"],
                        stderr=subprocess.DEVNULL)
time.sleep(1.0)
env = dict(os.environ, DISPLAY=":97", GDK_DEBUG="gl-disable", GSK_RENDERER="cairo",
           GSETTINGS_BACKEND="memory", NO_AT_BRIDGE="1", MBC_BENCH_FIRST_FRAME="1")
env.pop("WAYLAND_DISPLAY", None)


def one(command, what="first"):
    start = time.monotonic_ns() // 1000
    out = subprocess.run(command, env=env, capture_output=True, text=True, timeout=60).stdout
    for line in out.splitlines():
        if line.startswith(f"{what}-frame-us"):
            parts = line.split()
            return int(parts[1]) - start, int(parts[3])
    raise SystemExit(f"{command[0]} printed no {what} frame: {out!r}")


def both(command):
    start = time.monotonic_ns() // 1000
    out = subprocess.run(command, env=env, capture_output=True, text=True, timeout=60).stdout
    found = {}
    for line in out.splitlines():
        parts = line.split()
        if len(parts) == 4 and parts[0].endswith("-frame-us"):
            found[parts[0][:-len("-frame-us")]] = (int(parts[1]) - start, int(parts[3]))
    if "first" not in found or "complete" not in found:
        raise SystemExit(f"{command[0]} printed no first and complete frames: {out!r}")
    return found["first"], found["complete"]


try:
    results = {"mbc-advisor": [], "bare window": [], "mbc-advisor, every section": []}
    for _ in range(runs):
        first, complete = both([advisor])
        results["mbc-advisor"].append(first)
        results["mbc-advisor, every section"].append(complete)
        results["bare window"].append(one([bare]))
finally:
    xvfb.terminate()

median = {name: (statistics.median(t for t, _ in r), statistics.median(m for _, m in r))
          for name, r in results.items()}
for name, (t, m) in median.items():
    label = "frame" if "every" in name else "first frame"
    print(f"{name:12s} {label} {t / 1000:7.1f} ms   memory {m / 1024:6.1f} MiB")
a, b = median["mbc-advisor"], median["bare window"]
print(f"ratio        first frame {a[0] / b[0]:7.2f}      memory {a[1] / b[1]:6.2f}"
      f"   (median of {runs} alternating runs; goal <= 1.3)")
