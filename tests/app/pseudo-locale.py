#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""pseudo-locale.py SOURCE_ROOT TEST_PROGRAM: makes a pseudo-translation of every string of
the application (each one 40% longer, accented, in brackets, its printf directives kept),
compiles it with msgfmt --check, and runs TEST_PROGRAM (test-pseudo) in that language."""
import math
import os
import re
import subprocess
import sys
import tempfile

root, program = sys.argv[1], sys.argv[2]
ACCENTS = str.maketrans("aceinosuyACEINOSUY", "àçéîñôšüÿÀÇÉÎÑÔŠÜŸ")
DIRECTIVE = re.compile(r"%(?:\d+\$)?[-+ #0']*\d*(?:\.\d+)?(?:hh|h|ll|l|z|j|t|L)?[diouxXeEfgGcspn%]"
                       r'|%" G_G?U?INT64_FORMAT "|\\[ntr"\\]')


def pseudo(text):
    # Line breaks at either end stay at the ends (msgfmt checks them).
    lead = re.match(r'^(?:\\n)*', text).group(0)
    trail = re.search(r'(?:\\n)*$', text[len(lead):]).group(0)
    core = text[len(lead):len(text) - len(trail)]
    return lead + pseudo_core(core) + trail if core else text


def pseudo_core(text):
    parts, out = DIRECTIVE.split(text), []
    directives = DIRECTIVE.findall(text)
    for i, part in enumerate(parts):
        out.append(part.translate(ACCENTS))
        if i < len(directives):
            out.append(directives[i])
    body = "".join(out)
    # The extra 40%: words of at most six characters, as a longer translation has more
    # words, not one word as long as a sentence.
    pad = max(1, math.ceil(len(text) * 0.4) - 2)
    filler = " ".join("~" * min(6, pad - i) for i in range(0, pad, 7))
    return "[" + body + " " + filler + "]"


with tempfile.TemporaryDirectory() as tmp:
    listed = [line.strip() for line in open(os.path.join(root, "po", "POTFILES.in"))
              if line.strip() and not line.startswith("#")]
    c_files = [os.path.join(root, f) for f in listed if f.endswith(".c")]
    ui_files = [os.path.join(root, f) for f in listed if f.endswith(".ui")]
    pot = os.path.join(tmp, "all.pot")
    subprocess.run(["xgettext", "--from-code=UTF-8", "-L", "C", "--keyword=_", "--keyword=N_",
                    "-o", pot] + c_files, check=True)
    subprocess.run(["xgettext", "--from-code=UTF-8", "-L", "Glade", "-j", "-o", pot] + ui_files,
                   check=True)
    po_lines, entries = [], open(pot, encoding="utf-8").read().split("\n\n")
    for entry in entries:
        m = re.search(r'^msgid ((?:".*"\n?)+)msgstr ""', entry, re.M)
        if not m or m.group(1).strip() == '""':
            po_lines.append(entry.replace("charset=CHARSET", "charset=UTF-8"))
            continue
        msgid = "".join(re.findall(r'"(.*)"', m.group(1)))
        translated = pseudo(msgid)
        entry = entry[:m.start()] + f'msgid "{msgid}"\nmsgstr "{translated}"' + entry[m.end():]
        po_lines.append(entry.replace("#, fuzzy\n", ""))
    po = os.path.join(tmp, "xx.po")
    open(po, "w", encoding="utf-8").write("\n\n".join(po_lines))
    os.makedirs(os.path.join(tmp, "xx", "LC_MESSAGES"))
    subprocess.run(["msgfmt", "--check-format", "-o",
                    os.path.join(tmp, "xx", "LC_MESSAGES", "mbc-advisor.mo"), po], check=True)
    env = dict(os.environ, LC_ALL="C.UTF-8", LANGUAGE="xx", MBC_LOCALEDIR=tmp)
    sys.exit(subprocess.run([program, "--tap"], env=env).returncode)
