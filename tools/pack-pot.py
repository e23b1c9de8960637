#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""tools/pack-pot.py PACK.json > PACK.pot: the texts of a guideline pack that a person reads,
as a gettext template for the domain "mbc-advisor-guideline-<id>": each text's JSON path is
its context (msgctxt) and the text itself its msgid. The keys are those the application
translates (text_keys in src/engine/mbc-guideline-translate.c); see docs/guideline-format.md."""
import json
import sys

TEXT_KEYS = {"title", "short_title", "text", "summary", "detail", "met", "not_met", "unknown",
             "label", "interpretation", "question", "consensus", "unit", "reason", "note",
             "description", "citation", "authors", "status", "intended_use", "intended_users",
             "disclaimer"}


def quote(text):
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def walk(node, key, path, out):
    if isinstance(node, dict):
        for name, value in node.items():
            walk(value, name, f"{path}.{name}" if path else name, out)
    elif isinstance(node, list):
        for i, value in enumerate(node):
            walk(value, key, f"{path}[{i}]", out)
    elif isinstance(node, str) and key in TEXT_KEYS:
        out.append((path, node))


pack = json.load(open(sys.argv[1], encoding="utf-8"))
texts = []
walk(pack, None, "", texts)
print(f'# Texts of the guideline pack {pack["id"]} {pack.get("version", "")}')
print(f'# Domain: mbc-advisor-guideline-{pack["id"]}')
print('msgid ""\nmsgstr ""\n'
      f'"Project-Id-Version: {pack["id"]} {pack.get("version", "")}\\n"\n'
      '"MIME-Version: 1.0\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n'
      '"Content-Transfer-Encoding: 8bit\\n"\n')
for path, text in texts:
    print(f"msgctxt {quote(path)}\nmsgid {quote(text)}\nmsgstr \"\"\n")
