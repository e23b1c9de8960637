#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""check-manifest.py MANIFEST: the Flatpak manifest parses (flatpak-builder --show-manifest,
offline, with G_DEBUG=fatal-warnings so that unknown keys fail) and its sandbox grants only
ipc, wayland, fallback-x11 and dri: no network, no filesystem (files go through the
portals), no other device, socket or bus. TAP output."""
import json
import os
import subprocess
import sys

ALLOWED = {"--share=ipc", "--socket=wayland", "--socket=fallback-x11", "--device=dri"}

manifest = sys.argv[1]
print("1..3")
run = subprocess.run(["flatpak-builder", "--show-manifest", manifest], capture_output=True,
                     text=True, env=dict(os.environ, G_DEBUG="fatal-warnings"))
ok = run.returncode == 0
print(("ok" if ok else "not ok") + " 1 the manifest parses" +
      ("" if ok else f" # {run.stderr.strip()[:300]}"))
if not ok:
    sys.exit(1)
parsed = json.loads(run.stdout)
finish = parsed.get("finish-args", [])
extra = [a for a in finish if a not in ALLOWED]
forbidden = [a for a in finish if "network" in a or a.startswith("--filesystem")]
ok = not extra and not forbidden
print(("ok" if ok else "not ok") + f" 2 the sandbox grants only {sorted(ALLOWED)} (got {finish})")
status = 0 if ok else 1
builds = [m.get("build-options", {}) for m in parsed.get("modules", []) if isinstance(m, dict)]
builds.append(parsed.get("build-options", {}))
network = [b for b in builds if "--share=network" in b.get("build-args", [])]
ok = parsed.get("id") == "io.github.mbcadvisor.MbcAdvisor" and not network
print(("ok" if ok else "not ok") + " 3 the application id, and no network while building")
sys.exit(status or (0 if ok else 1))
