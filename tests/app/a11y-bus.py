#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""As a screen reader sees it: starts mbc-advisor on a case, finds it on the accessibility
bus, checks that every interactive element has a name, changes a spin button through the
bus and reads the new heading. TAP output. Needs a display and a session bus."""
import json
import os
import subprocess
import shutil
import sys
import tempfile
import time

# The headings are the bundled pack's, one for each tier.
PACK = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "data", "guidelines",
                    "uio2017-mbc-primary-surgery.json")
TIERS = {tier: text["heading"] for tier, text in json.load(open(PACK))["tiers"].items()}
HEADINGS = tuple(TIERS.values())
INTERACTIVE = {"push button", "check box", "spin button", "combo box", "text", "toggle button",
               "entry", "menu button", "radio button"}

try:
    import pyatspi
except ImportError:
    print("1..1\nnot ok 1 python3-pyatspi is not installed (./run test installs it)")
    sys.exit(1)

advisor, case = sys.argv[1], sys.argv[2]
# A state directory of its own: no draft left by another run is offered back.
state = tempfile.mkdtemp(prefix="mbc-a11y-")
env = dict(os.environ, GDK_DEBUG="gl-disable", GSK_RENDERER="cairo", GSETTINGS_BACKEND="memory",
           XDG_STATE_HOME=state)
env.pop("NO_AT_BRIDGE", None)
process = subprocess.Popen([advisor, case], env=env)
print("1..3")


def walk(node, out):
    try:
        out.append((node.getRoleName(), node.name, node))
        for i in range(node.childCount):
            walk(node.getChildAtIndex(i), out)
    except Exception:
        pass
    return out


def find_app():
    # Under AddressSanitizer on a loaded machine the window can take several seconds.
    for _ in range(300):
        for app in pyatspi.Registry.getDesktop(0):
            if app is not None and app.name == "mbc-advisor":
                return app
        time.sleep(0.1)
    return None


def heading(app):
    for role, name, _ in walk(app, []):
        if role == "label" and name in HEADINGS:
            return name
    return None


def wait_heading(app, expected):
    for _ in range(150):
        if heading(app) == expected:
            return True
        time.sleep(0.1)
    return False


status = 0
try:
    app = find_app()
    nodes = walk(app, []) if app else []
    unnamed = [role for role, name, _ in nodes if role in INTERACTIVE and not name]
    # A name said twice ("Age Age") is what a screen reader would read: not the label.
    doubled = [name for role, name, _ in nodes if role in INTERACTIVE and name and
               len(name) % 2 == 1 and name[: len(name) // 2] == name[len(name) // 2 + 1:]]
    ok = app is not None and not unnamed and not doubled
    print(("ok" if ok else "not ok") + f" 1 every interactive element is named once "
          f"({len(nodes)} nodes, unnamed: {unnamed[:5]}, doubled: {doubled[:5]})")
    status |= not ok

    ok = app is not None and wait_heading(app, TIERS["individualise"])
    print(("ok" if ok else "not ok") + f" 2 the heading reads {heading(app) if app else None!r}")
    status |= not ok

    spin = next((n for role, name, n in nodes
                 if role == "spin button" and name == "Distant metastatic lesions"), None)
    if spin is not None:
        value = spin.queryValue()
        value.currentValue = 4
        for _ in range(50):
            if value.currentValue == 4:
                break
            time.sleep(0.1)
        print(f"# spin value now {value.currentValue}")
    ok = spin is not None and wait_heading(app, TIERS["recommended"])
    print(("ok" if ok else "not ok") + " 3 four lesions through the bus: "
          f"{heading(app) if app else None!r}")
    status |= not ok
finally:
    process.terminate()
    process.wait(timeout=10)
    shutil.rmtree(state, ignore_errors=True)
sys.exit(status)
