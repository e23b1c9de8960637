#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""check-install.py BUILD PREFIX CASE: `meson install` into a fresh DESTDIR, then the
installed binary evaluates CASE with only what was installed (a clean environment, the
build and source trees out of reach by path), and the installed data files are where the
desktop expects them. TAP output."""
import json
import os
import shutil
import subprocess
import sys
import tempfile

build, prefix, case = sys.argv[1], sys.argv[2], sys.argv[3]
app = "io.github.mbcadvisor.MbcAdvisor"
dest = tempfile.mkdtemp(prefix="mbc-install-")
print("1..3")
status = 0
try:
    run = subprocess.run(["meson", "install", "-C", build, "--no-rebuild", "--destdir", dest,
                          "--quiet"], capture_output=True, text=True,
                         env=dict(os.environ, DESTDIR=dest))
    ok = run.returncode == 0
    print(("ok" if ok else "not ok") + " 1 meson install into a DESTDIR" +
          ("" if ok else f" # {run.stderr.strip()[-300:]}"))
    status |= not ok
    root = dest + prefix
    binary = os.path.join(root, "bin", "mbc-advisor")
    data = os.path.join(root, "share")
    expected = [
        binary,
        os.path.join(data, "applications", app + ".desktop"),
        os.path.join(data, "metainfo", app + ".metainfo.xml"),
        os.path.join(data, "icons", "hicolor", "scalable", "apps", app + ".svg"),
        os.path.join(data, "icons", "hicolor", "symbolic", "apps", app + "-symbolic.svg"),
        os.path.join(data, "glib-2.0", "schemas", app + ".gschema.xml"),
        os.path.join(data, "help", "C", app, "index.page"),
        os.path.join(data, "help", "C", app, "teaching.page"),
    ]
    missing = [p[len(dest):] for p in expected if not os.path.exists(p)]
    ok = not missing
    print(("ok" if ok else "not ok") + f" 2 every data file installed (missing: {missing})")
    status |= not ok
    # Only the installed tree: a copy of the case outside the source tree, a bare environment.
    work = tempfile.mkdtemp(prefix="mbc-installed-run-")
    shutil.copy(case, os.path.join(work, "case.json"))
    env = {"PATH": "/usr/bin:/bin", "HOME": work, "LANG": "C.UTF-8"}
    run = subprocess.run([binary, "--evaluate", "case.json"], cwd=work, capture_output=True,
                         text=True, env=env)
    try:
        tier = json.loads(run.stdout)["tier"]
    except ValueError:
        tier = None
    ok = run.returncode == 0 and tier == "recommended"
    print(("ok" if ok else "not ok") + f" 3 the installed binary evaluates a case: {tier}")
    status |= not ok
    shutil.rmtree(work, ignore_errors=True)
finally:
    shutil.rmtree(dest, ignore_errors=True)
sys.exit(status)
