#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""check-faults.py ADVISOR CASE: the application under faults. A missing settings schema
gives a clear message, not an abort; a corrupt or invalid guideline pack gives exit status 3
on the command line and an error page instead of any recommendation in the window; the
application killed with SIGKILL while a case is being edited loses nothing the draft
promised, and offers it back. Drives the window over the accessibility bus (needs a display
and a session bus, which ./run test gives). TAP output."""
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time

from tap import Tap

advisor, case = sys.argv[1], sys.argv[2]
work = tempfile.mkdtemp(prefix="mbc-faults-")
base_env = dict(os.environ, GDK_DEBUG="gl-disable", GSK_RENDERER="cairo",
                GSETTINGS_BACKEND="memory", XDG_STATE_HOME=os.path.join(work, "state"))
base_env.pop("NO_AT_BRIDGE", None)
tap = Tap(6)
report = tap.report


# 1. No settings schema: the application is not installed properly. It says so, naming the
#    schema, and stops cleanly (status 1) rather than keep settings nowhere.
empty = os.path.join(work, "no-schemas")
os.makedirs(empty)
run = subprocess.run([advisor], env=dict(base_env, GSETTINGS_SCHEMA_DIR=empty,
                                         XDG_DATA_DIRS="/usr/share",
                                         MBC_BENCH_COMPLETE_FRAME="1"),
                     capture_output=True, text=True, timeout=120)
report(1, run.returncode == 1 and "io.github.mbcadvisor.MbcAdvisor is not installed" in run.stderr
       and "CRITICAL" not in run.stderr and "WARNING" not in run.stderr,
       f"without the settings schema: exit {run.returncode}, a message naming it")

# 2. A corrupt pack (truncated) and an invalid one: exit status 3 from the command line.
pack = os.path.join(os.path.dirname(os.path.abspath(case)), "..", "guidelines",
                    "uio2017-mbc-primary-surgery.json")
text = open(pack).read()
corrupt = os.path.join(work, "corrupt.json")
open(corrupt, "w").write(text[: len(text) // 2])
invalid = os.path.join(work, "invalid.json")
data = json.loads(text)
data["decision"]["rules"][0]["tier"] = "maybe"
json.dump(data, open(invalid, "w"))
codes = [subprocess.run([advisor, "--guideline", p, "--evaluate", case], capture_output=True,
                        env=base_env).returncode for p in (corrupt, invalid)]
report(2, codes == [3, 3], f"a corrupt and an invalid pack: exit statuses {codes}")

try:
    import pyatspi
except ImportError:
    for n in (3, 4, 5, 6):
        print(f"not ok {n} python3-pyatspi is not installed (./run test installs it)")
    shutil.rmtree(work, ignore_errors=True)
    sys.exit(1)


def walk(node, out):
    try:
        out.append(node)
        for i in range(node.childCount):
            walk(node.getChildAtIndex(i), out)
    except Exception:
        pass
    return out


def find_app(process):
    for _ in range(300):
        for app in pyatspi.Registry.getDesktop(0):
            try:
                if app is not None and app.name == "mbc-advisor" and app.get_process_id() == process.pid:
                    return app
            except Exception:
                pass
        time.sleep(0.1)
    return None


def find(app, role, name, tries=100):
    for _ in range(tries):
        for node in walk(app, []):
            try:
                if node.getRoleName() == role and node.name == name:
                    return node
            except Exception:
                pass
        time.sleep(0.1)
    return None


# Every heading a result can have: the pack's, for each tier and each rule that has one.
bundled = json.loads(text)
HEADINGS = tuple(t["heading"] for t in bundled["tiers"].values()) + tuple(
    r["heading"] for r in bundled["decision"]["rules"] if "heading" in r)

# 3. The window with a corrupt pack: the error page, and no recommendation.
window = subprocess.Popen([advisor, "--guideline", corrupt], env=base_env)
app = find_app(window)
error = find(app, "label", "The Guideline Could Not Be Loaded") if app else None
headings = [n for n in walk(app, []) if n.name in HEADINGS] if app else ["no window"]
report(3, error is not None and not headings,
       "the window with a corrupt pack shows the error page and no recommendation")
window.terminate()
window.wait(timeout=10)

# 4. Killed while editing: what the draft promised is on disk.
window = subprocess.Popen([advisor], env=base_env)
app = find_app(window)
spin = find(app, "spin button", "Distant metastatic lesions") if app else None
if spin is not None:
    spin.queryValue().currentValue = 4
draft = os.path.join(work, "state", "mbc-advisor", "draft.json")


def draft_count():
    try:
        return json.load(open(draft)).get("case", {}).get("metastatic_lesion_count")
    except (OSError, ValueError):
        return None


# The draft is written a second after a change: wait for it, for at most 2.5 s, then kill.
deadline = time.monotonic() + 2.5
while draft_count() != 4 and time.monotonic() < deadline:
    time.sleep(0.05)
window.send_signal(signal.SIGKILL)
window.wait(timeout=10)
kept = json.load(open(draft)) if os.path.exists(draft) else {}
report(4, kept.get("case", {}).get("metastatic_lesion_count") == 4,
       "killed with SIGKILL within 2.5 s of an edit, the draft holds it")

# 5 and 6. Started again: the draft is offered, and restored.
window = subprocess.Popen([advisor], env=base_env)
app = find_app(window)
offer = find(app, "label", "Restore Unsaved Case?") if app else None
report(5, offer is not None, "the next start offers the unsaved case back")
# The response button (libadwaita 1.2 names it "Restore Restore": its label and its child's).
button = None
for _ in range(100):
    buttons = [n for n in walk(app, []) if n.getRoleName() == "push button" and
               any(n.getChildAtIndex(i).name == "Restore" for i in range(n.childCount))]
    if buttons:
        button = buttons[0]
        break
    time.sleep(0.1)
if button is not None:
    button.queryAction().doAction(0)
spin = find(app, "spin button", "Distant metastatic lesions") if app else None
value = None
for _ in range(50):
    try:
        value = spin.queryValue().currentValue if spin else None
    except Exception:
        value = None
    if value == 4:
        break
    time.sleep(0.1)
report(6, value == 4, f"restored, the field holds the value again ({value})")
window.terminate()
window.wait(timeout=10)
shutil.rmtree(work, ignore_errors=True)
tap.exit()
