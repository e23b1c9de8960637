#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""check-potfiles.py SOURCE_ROOT: po/POTFILES.in lists exactly the files with translatable
strings (C with _(), N_() or C_(); .ui with translatable="yes"; the desktop file, the
metainfo and the settings schema), every listed file exists, and xgettext extracts them
without error. TAP output."""
import glob
import os
import re
import subprocess
import sys
import tempfile

root = sys.argv[1]
os.chdir(root)
listed = [line.strip() for line in open("po/POTFILES.in")
          if line.strip() and not line.startswith("#")]
marker = {".c": re.compile(r"\b(N?_|C_|NC_)\s*\("), ".ui": re.compile(r'translatable="yes"')}
candidates = (glob.glob("src/**/*.c", recursive=True) +
              glob.glob("ui/**/*.ui", recursive=True))
needed = {f for f in candidates if marker[os.path.splitext(f)[1]].search(open(f).read())}
needed |= set(glob.glob("data/*.desktop.in") + glob.glob("data/*.metainfo.xml.in") +
              glob.glob("data/*.gschema.xml"))
print("1..3")
missing = sorted(needed - set(listed))
print(("ok" if not missing else "not ok") +
      f" 1 every file with translatable strings is in POTFILES.in (missing: {missing})")
absent = [f for f in listed if not os.path.exists(f)]
print(("ok" if not absent else "not ok") + f" 2 every listed file exists (absent: {absent})")
with tempfile.TemporaryDirectory() as tmp:
    c_files = [f for f in listed if f.endswith(".c")]
    run = subprocess.run(["xgettext", "--from-code=UTF-8", "--language=C", "--keyword=_",
                          "--keyword=N_", "--keyword=C_:1c,2", "--keyword=NC_:1c,2",
                          "--add-comments", "-o", os.path.join(tmp, "c.pot")] + c_files,
                         capture_output=True, text=True)
    count = open(os.path.join(tmp, "c.pot")).read().count("msgid ") if run.returncode == 0 else 0
ok = run.returncode == 0 and count > 200
print(("ok" if ok else "not ok") + f" 3 xgettext extracts the C strings ({count} messages)" +
      ("" if run.returncode == 0 else f" # {run.stderr.strip()[:300]}"))
sys.exit(0 if not missing and not absent and ok else 1)
