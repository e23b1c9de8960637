#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""check-build-tree.py ADVISOR: the build tree's executable, started as the README says
(no GSETTINGS_SCHEMA_DIR, nothing installed), works like an installed copy: it finds its
settings schema (no "not installed" message), and Help (F1) hands the help viewer a
location where the user guide's pages are. The help viewer is stood in for by a handler of
our own, registered for the help URI schemes in a private XDG data and config home, which
writes down the URI it was given. Needs a display and a session bus (./run test gives
both). TAP output."""
import os
import shutil
import stat
import subprocess
import sys
import tempfile
import time
import urllib.parse

from tap import Tap

advisor = sys.argv[1]
app = "io.github.mbcadvisor.MbcAdvisor"
work = tempfile.mkdtemp(prefix="mbc-build-tree-")
env = {k: v for k, v in os.environ.items()
       if k not in ("GSETTINGS_SCHEMA_DIR", "GSETTINGS_BACKEND", "NO_AT_BRIDGE")}
env.update(GDK_DEBUG="gl-disable", GSK_RENDERER="cairo", GSETTINGS_BACKEND="memory",
           HOME=work, XDG_STATE_HOME=os.path.join(work, "state"),
           XDG_CONFIG_HOME=os.path.join(work, "config"),
           XDG_DATA_HOME=os.path.join(work, "data"))
tap = Tap(3)
report = tap.report


def gdbus(*args):
    return subprocess.run(["gdbus", "call", "--session", "--dest", app, "--object-path",
                           "/" + app.replace(".", "/")] + list(args),
                          capture_output=True, text=True, env=env, timeout=30)


try:
    # 1. The schema is found: the first frame comes and goes with no message about it.
    run = subprocess.run([advisor], env=dict(env, MBC_BENCH_COMPLETE_FRAME="1"),
                         capture_output=True, text=True, timeout=120)
    report(1, run.returncode == 0 and "not installed" not in run.stderr,
           f"the settings schema is found from the build tree (exit {run.returncode}"
           + (f"; {run.stderr.strip()[:200]}" if "not installed" in run.stderr else "") + ")")

    # 2. and 3. Help: the help viewer is given a location that holds the guide.
    got = os.path.join(work, "help-uri")
    handler = os.path.join(work, "help-viewer")
    with open(handler, "w") as f:
        f.write(f'#!/bin/sh\nprintf "%s" "$1" > "{got}.part" && mv "{got}.part" "{got}"\n')
    os.chmod(handler, stat.S_IRWXU)
    apps = os.path.join(env["XDG_DATA_HOME"], "applications")
    os.makedirs(apps)
    os.makedirs(env["XDG_CONFIG_HOME"])
    schemes = ["x-scheme-handler/ghelp", "x-scheme-handler/help"]
    with open(os.path.join(apps, "mbc-test-help.desktop"), "w") as f:
        f.write("[Desktop Entry]\nType=Application\nName=Help viewer stand-in\n"
                f"Exec={handler} %u\nMimeType={';'.join(schemes)};\n")
    for folder in (apps, env["XDG_CONFIG_HOME"]):
        with open(os.path.join(folder, "mimeapps.list"), "w") as f:
            f.write("[Default Applications]\n" +
                    "".join(f"{s}=mbc-test-help.desktop\n" for s in schemes))
    window = subprocess.Popen([advisor], env=env, stderr=subprocess.PIPE, text=True)
    uri = None
    deadline = time.monotonic() + 60
    activated = False
    while time.monotonic() < deadline and uri is None:
        if not activated:
            activated = gdbus("--method", "org.gtk.Actions.Activate", "help", "[]",
                              "{}").returncode == 0
        if os.path.exists(got):
            uri = open(got).read()
        time.sleep(0.2)
    gdbus("--method", "org.gtk.Actions.Activate", "quit", "[]", "{}")
    try:
        _, err = window.communicate(timeout=30)
    except subprocess.TimeoutExpired:
        window.kill()
        _, err = window.communicate()
    report(2, uri is not None and "not installed" not in err,
           f"Help hands the help viewer a URI: {uri}")
    pages = None
    if uri:
        scheme, _, rest = uri.partition(":")
        path = urllib.parse.unquote(rest)
        if scheme == "ghelp" and path.startswith("/"):
            pages = os.path.join(path, "index.page")
    report(3, pages is not None and os.path.isfile(pages),
           f"the URI is where the user guide's pages are ({pages})")
finally:
    shutil.rmtree(work, ignore_errors=True)
tap.exit()
