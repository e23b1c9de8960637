#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""bench/startup.py ADVISOR [RUNS]: time from exec to the first painted frame, and the memory
in use at that moment, for mbc-advisor, for a bare libadwaita window (header bar and a label,
bench/bare-window.c) and for another GNOME application (GNOME Text Editor, when installed:
apt-get install gnome-text-editor), in one Xvfb without GL (GDK_DEBUG=gl-disable
GSK_RENDERER=cairo). Every program is measured by the same code, bench/first-frame.c, loaded
with LD_PRELOAD. After one unmeasured run of each, RUNS rounds (default 21) run each program
once, in turn.

Printed: the median time and memory of each; the ratios of mbc-advisor's medians to the bare
window's; and the median of the ratios within each round, which the machine's drift from one
round to the next does not move. The goal is at most 1.3 times the bare window in both.
mbc-advisor builds the sections below its first screen once that is painted: the time and
memory when the frame with every section is painted are printed too, so that nothing is
hidden by the split."""
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

here = os.path.dirname(os.path.abspath(__file__))
advisor = os.path.abspath(sys.argv[1])
runs = int(sys.argv[2]) if len(sys.argv) > 2 else 21
work = tempfile.mkdtemp()

shim = os.path.join(work, "first-frame.so")
bare = os.path.join(work, "bare-window")
gtk = subprocess.check_output(["pkg-config", "--cflags", "--libs", "gtk4"], text=True).split()
adw = subprocess.check_output(["pkg-config", "--cflags", "--libs", "libadwaita-1"],
                              text=True).split()
subprocess.check_call(["cc", "-O2", "-shared", "-fPIC", "-o", shim,
                       os.path.join(here, "first-frame.c")] + gtk + ["-ldl"])
subprocess.check_call(["cc", "-O2", "-o", bare, os.path.join(here, "bare-window.c")] + adw)

xvfb = subprocess.Popen(["Xvfb", ":97", "-screen", "0", "1600x1200x24", "-nolisten", "tcp"],
                        stderr=subprocess.DEVNULL)
time.sleep(1.0)
env = dict(os.environ, DISPLAY=":97", GDK_DEBUG="gl-disable", GSK_RENDERER="cairo",
           GSETTINGS_BACKEND="memory", NO_AT_BRIDGE="1", LD_PRELOAD=shim,
           XDG_CONFIG_HOME=os.path.join(work, "config"), XDG_DATA_HOME=os.path.join(work, "data"),
           XDG_STATE_HOME=os.path.join(work, "state"), XDG_CACHE_HOME=os.path.join(work, "cache"))
env.pop("WAYLAND_DISPLAY", None)

programs = {
    "mbc-advisor": ([advisor], {"FIRST_FRAME_CONTINUE": "1", "MBC_BENCH_COMPLETE_FRAME": "1"}),
    "bare window": ([bare], {}),
}
editor = shutil.which("gnome-text-editor")
if editor:
    programs["text editor"] = ([editor, "--standalone"], {})


def run(name):
    command, extra = programs[name]
    start = time.monotonic_ns() // 1000
    out = subprocess.run(command, env=dict(env, **extra), capture_output=True, text=True,
                         timeout=60).stdout
    found = {}
    for line in out.splitlines():
        parts = line.split()
        if len(parts) == 4 and parts[0].endswith("-frame-us"):
            found[parts[0][:-len("-frame-us")]] = ((int(parts[1]) - start) / 1000,
                                                   int(parts[3]) / 1024)
    if "first" not in found or (name == "mbc-advisor" and "complete" not in found):
        raise SystemExit(f"{name} printed no frame: {out!r}")
    return found


results = {name: [] for name in programs}
complete = []
try:
    for name in programs:
        run(name)
    for _ in range(runs):
        for name in programs:
            found = run(name)
            results[name].append(found["first"])
            if "complete" in found:
                complete.append(found["complete"])
finally:
    xvfb.terminate()
    shutil.rmtree(work, ignore_errors=True)


def medians(samples):
    return statistics.median(t for t, _ in samples), statistics.median(m for _, m in samples)


for name, samples in results.items():
    t, m = medians(samples)
    print(f"{name:12s} first frame {t:7.1f} ms   memory {m:6.1f} MiB")
t, m = medians(complete)
print(f"mbc-advisor, every section painted {t:7.1f} ms   memory {m:6.1f} MiB")
a, b = medians(results["mbc-advisor"]), medians(results["bare window"])
paired_t = statistics.median(x[0] / y[0] for x, y in zip(results["mbc-advisor"],
                                                        results["bare window"]))
paired_m = statistics.median(x[1] / y[1] for x, y in zip(results["mbc-advisor"],
                                                        results["bare window"]))
print(f"mbc-advisor / bare window, ratio of medians:   time {a[0] / b[0]:5.2f}   "
      f"memory {a[1] / b[1]:5.2f}")
print(f"mbc-advisor / bare window, median round ratio: time {paired_t:5.2f}   "
      f"memory {paired_m:5.2f}   ({runs} rounds; goal <= 1.3)")
if "text editor" in results:
    e = medians(results["text editor"])
    print(f"mbc-advisor / text editor, ratio of medians:   time {a[0] / e[0]:5.2f}   "
          f"memory {a[1] / e[1]:5.2f}")
else:
    print("(GNOME Text Editor is not installed: apt-get install gnome-text-editor to compare)")
