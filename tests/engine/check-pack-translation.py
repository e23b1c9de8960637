#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""check-pack-translation.py ADVISOR PACK CASE: the pack's texts are translated with
gettext (domain mbc-advisor-guideline-<id>, the JSON path as context): a translation of a
finding's title and a poll option, compiled with msgfmt, shows in the result's text, while
the decision and the pack's checksum stay those of the pack as written. TAP output."""
import json
import os
import subprocess
import sys
import tempfile

advisor, pack, case = sys.argv[1:4]
here = os.path.dirname(os.path.abspath(__file__))
pack_id = json.load(open(pack))["id"]
print("1..3")
with tempfile.TemporaryDirectory() as tmp:
    pot = subprocess.run([sys.executable, os.path.join(here, "..", "..", "tools", "pack-pot.py"), pack],
                         capture_output=True, text=True, check=True).stdout
    po = []
    for block in pot.split("\n\n"):
        lines = block.strip().splitlines()
        if any(line == 'msgctxt "findings[0].title"' for line in lines):
            lines[-1] = 'msgstr "Bonne réponse sur les sites métastatiques"'
        po.append("\n".join(lines))
    os.makedirs(os.path.join(tmp, "xx", "LC_MESSAGES"))
    po_path = os.path.join(tmp, "xx.po")
    open(po_path, "w", encoding="utf-8").write("\n\n".join(po) + "\n")
    mo = os.path.join(tmp, "xx", "LC_MESSAGES", f"mbc-advisor-guideline-{pack_id}.mo")
    made = subprocess.run(["msgfmt", "--check", "-o", mo, po_path], capture_output=True, text=True)
    print(("ok" if made.returncode == 0 else "not ok") + " 1 the template from tools/pack-pot.py "
          "compiles" + ("" if made.returncode == 0 else f" # {made.stderr.strip()[:200]}"))

    def evaluate(fmt, translated):
        env = dict(os.environ, LC_ALL="C.UTF-8")
        if translated:
            env.update(LANGUAGE="xx", MBC_LOCALEDIR=tmp)
        return subprocess.run([advisor, "--evaluate", case, "--format", fmt], env=env,
                              capture_output=True, text=True).stdout

    text = evaluate("text", True)
    ok = "Bonne réponse sur les sites métastatiques" in text
    print(("ok" if ok else "not ok") + " 2 the translated title shows in the result")
    plain, translated = json.loads(evaluate("json", False)), json.loads(evaluate("json", True))
    same = (plain["tier"] == translated["tier"] and plain["findings"] == translated["findings"]
            and plain["guideline"]["sha256"] == translated["guideline"]["sha256"])
    print(("ok" if same else "not ok") + " 3 the same decision and checksum")
sys.exit(0 if made.returncode == 0 and ok and same else 1)
