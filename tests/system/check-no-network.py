#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""check-no-network.py ADVISOR CASE BATCH: under strace, neither the command line
(--evaluate, --report, --batch, --validate-guideline) nor the window (opening a case and
painting every section) creates an AF_INET or AF_INET6 socket. Needs a display and a
session bus for the window (./run test gives both). TAP output."""
import os
import shutil
import subprocess
import sys
import tempfile

advisor, case, batch = sys.argv[1:4]
if shutil.which("strace") is None or subprocess.run(
        ["strace", "-o", os.devnull, "true"], capture_output=True).returncode != 0:
    print("1..0 # SKIP strace cannot trace here")
    sys.exit(0)

work = tempfile.mkdtemp()
pack = os.path.join(os.path.dirname(os.path.abspath(case)), "..", "guidelines",
                    "uio2017-mbc-primary-surgery.json")
runs = [
    ("--evaluate", [advisor, "--evaluate", case]),
    ("--report", [advisor, "--report", case, "--output", os.path.join(work, "r.pdf")]),
    ("--batch", [advisor, "--batch", batch]),
    ("--validate-guideline", [advisor, "--validate-guideline", pack]),
    ("the window with a case", [advisor, case]),
]
env = dict(os.environ, GDK_DEBUG="gl-disable", GSK_RENDERER="cairo", GSETTINGS_BACKEND="memory",
           MBC_BENCH_COMPLETE_FRAME="1", XDG_STATE_HOME=work,
           # LeakSanitizer cannot run under ptrace; leaks are the other builds' business.
           ASAN_OPTIONS=os.environ.get("ASAN_OPTIONS", "") + ":detect_leaks=0")
print(f"1..{len(runs)}")
status = 0
for i, (name, command) in enumerate(runs, 1):
    log = os.path.join(work, f"trace-{i}")
    run = subprocess.run(["strace", "-f", "-e", "trace=socket", "-o", log] + command,
                         env=env, capture_output=True, timeout=120)
    trace = open(log, errors="replace").read()
    families = sorted({word for word in trace.replace("(", " ").replace(",", " ").split()
                       if word.startswith("AF_")})
    ok = run.returncode == 0 and "AF_INET" not in trace
    print(("ok" if ok else "not ok") + f" {i} {name}: no network socket (sockets: {families}, "
          f"exit {run.returncode})")
    status |= not ok
shutil.rmtree(work, ignore_errors=True)
sys.exit(status)
