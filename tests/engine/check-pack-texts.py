#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""check-pack-texts.py ADVISOR PACK CASES_DIR [SEED_DIR]: an audit of what the bundled pack
lets the application say.

1. Every source text that the pack quotes (take-home messages, polls, questions,
   statements, and their consensus) is the consensus text word for word: each part between
   "…" marks is a contiguous piece of the consensus text in SEED_DIR (skipped, and counted
   as skipped, where that folder is absent), and so is every “quotation” inside any text.
2. Every statement a person reads (finding texts, rules, plan items, group descriptions,
   params' reasons) carries sources or an interpretation; every evidence item is cited.
3. No text names a file, the pack's id, a rule or finding id, or a source id alone; no
   sentence about the consensus says "only" outside a quotation.
4. In the text output and the PDF report of every case in CASES_DIR, every source id
   shown stands beside its readable name ("Take-home message 1 (TH1)"), and every
   interpretation is introduced the same way.
5. Every numbered citation in a quoted source text ("[14]", "[3,4]") is listed in the
   source's "cites", so the window can show the reference beside the quotation, and
   "cites" lists nothing the text does not cite.
6. The pack's headings (groups, plan sections, the polls and the later evidence) use the
   GNOME HIG's header capitalisation, as the application's own section headings do.
TAP output."""
import glob
import json
import os
import re
import subprocess
import sys
import tempfile
import unicodedata

advisor, pack_path, cases_dir = sys.argv[1], sys.argv[2], sys.argv[3]
seed_dir = sys.argv[4] if len(sys.argv) > 4 else None
pack = json.load(open(pack_path))
LABEL = "Interpretation (the application's):"


def normal(text):
    """The text with the PDF extraction's accidents folded: hyphens, quotes, white space."""
    text = unicodedata.normalize("NFKC", text)
    for a, b in (("\u2010", "-"), ("\u2011", "-"), ("\u2013", "-"), ("\u2019", "'"),
                 ("\u2018", "'"), ("\u201c", '"'), ("\u201d", '"')):
        text = text.replace(a, b)
    text = re.sub(r"\s+", " ", text).strip()
    return text.replace("/ ", "/")           # "PET/\nCT": a line broken after a slash


def quoted_parts(text):
    """The pieces of a quotation between omission marks, each normalised and in lower case
    (a quotation may start a sentence with a capital the source does not have)."""
    return [normal(p).strip(" .").lower() for p in text.split("…") if normal(p).strip(" .")]


def texts_people_read():
    """(path, text, has_basis) for every statement of the pack shown to a person."""
    out = []

    def add(path, text, sources, interpretation):
        if text:
            out.append((path, text, bool(sources) or bool(interpretation)))

    for i, g in enumerate(pack["groups"]):
        add(f"$.groups[{i}].description", g.get("description"), g.get("sources"),
            g.get("interpretation"))
        add(f"$.groups[{i}].interpretation", g.get("interpretation"), True, True)
    for name, p in pack["params"].items():
        add(f"$.params.{name}.reason", p.get("reason"), p.get("sources"), p.get("interpretation"))
    for i, f in enumerate(pack["findings"]):
        for status, text in f["text"].items():
            add(f"$.findings[{i}].text.{status}", text, f.get("sources"), f.get("interpretation"))
        add(f"$.findings[{i}].interpretation", f.get("interpretation"), True, True)
    for i, r in enumerate(pack["decision"]["rules"]):
        for key in ("summary", "detail", "interpretation"):
            add(f"$.decision.rules[{i}].{key}", r.get(key), r.get("sources"),
                r.get("interpretation"))
        for k, s in enumerate(r.get("strength", [])):
            for key in ("summary", "detail"):
                add(f"$.decision.rules[{i}].strength[{k}].{key}", s.get(key), s.get("sources"),
                    None)
    for i, item in enumerate(pack["plan"]["items"]):
        for key in ("summary", "detail"):
            add(f"$.plan.items[{i}].{key}", item.get(key), item.get("sources"), None)
    for i, s in enumerate(pack["sources"]):
        if s.get("interpretation"):
            add(f"$.sources[{i}].interpretation", s["interpretation"], True, True)
        if s["kind"] == "reference":
            add(f"$.sources[{i}].text", s["text"], True, None)
        if s.get("note"):
            add(f"$.sources[{i}].note", s["note"], True, None)
    e = pack["evidence_since"]
    for key in ("line", "summary", "note"):
        add(f"$.evidence_since.{key}", e.get(key), all(it.get("citation") for it in e["items"]),
            None)
    return out


results = []


def report(ok, text, skip=None):
    results.append((ok, text, skip))


# 1. Quotations are the consensus' words.
quotations = []
for i, s in enumerate(pack["sources"]):
    if s["kind"] != "reference":
        quotations.append((f"$.sources[{i}].text", s["text"]))
    if s.get("consensus"):
        quotations.append((f"$.sources[{i}].consensus", s["consensus"]))
for path, text, _ in texts_people_read():
    for m in re.finditer(r"“([^”]+)”", text):
        quotations.append((path + " (quoted)", m.group(1)))
seed_files = sorted(glob.glob(os.path.join(seed_dir, "*.txt"))) if seed_dir else []
if not seed_files:
    report(True, "quotations are the consensus text word for word",
           skip=f"the consensus text is not at {seed_dir}")
else:
    raw = "\n".join(open(f, encoding="utf-8").read() for f in seed_files)
    seed = normal(raw).lower()
    # The extraction breaks paragraphs around tables and pages: a quotation may run across
    # one such break, where one line of the text ends and the continuing line begins.
    lines = [normal(line).lower() for line in raw.splitlines() if line.strip()]
    ends = {line[-24:] for line in lines if len(line) >= 24}
    starts = {line[:24] for line in lines if len(line) >= 24}

    def in_seed(part):
        if part in seed:
            return True
        for k in range(24, len(part) - 24):
            head, tail = part[:k].rstrip(), part[k:].lstrip()
            if (part[k - 1] == " " and head[-24:] in ends and tail[:24] in starts and
                    head in seed and tail in seed):
                return True
        return False

    bad = [(path, part) for path, text in quotations for part in quoted_parts(text)
           if not in_seed(part)]
    # The check catches an omission left unmarked: each quotation with a "…" inside it
    # (not only at its start or end, where nothing is joined), joined without it, is not
    # the consensus text.
    inner = [t.strip().strip("…").strip() for _, t in quotations]
    joined = [p for t in inner if "…" in t
              for p in quoted_parts(t.replace(" … ", " ").replace("…", ""))]
    caught = [p for p in joined if not in_seed(p)]
    report(bool(joined) and len(caught) == len(joined),
           f"an omission left unmarked is caught ({len(caught)} of {len(joined)})")
    report(not bad, f"{len(quotations)} quotations are the consensus text word for word"
           + "".join(f"\n# {path}: not in the consensus text: {part[:90]!r}" for path, part in bad))

# 2. Every statement rests on sources or is labelled an interpretation; evidence is cited.
statements = texts_people_read()
bare = [path for path, _, basis in statements if not basis]
report(not bare, f"{len(statements)} statements carry sources or an interpretation"
       + "".join(f"\n# without a basis: {p}" for p in bare))
uncited = [it["id"] for it in pack["evidence_since"]["items"] if not it.get("citation")]
report(not uncited, f"every item of the later evidence is cited (uncited: {uncited})")

# 3. No internal names, no bare source ids, no "only" put in the consensus' mouth.
ids = {s["id"] for s in pack["sources"]}
internal = ({pack["id"]} | {r["id"] for r in pack["decision"]["rules"]} |
            {f["id"] for f in pack["findings"]})
problems = []
for path, text, _ in statements + [(f"$.sources[{i}].text", s["text"], True)
                                   for i, s in enumerate(pack["sources"])]:
    if re.search(r"\w\.(md|json|c|h)\b", text):
        problems.append(f"{path}: names a file")
    for word in re.findall(r"[A-Za-z0-9_-]+", text):
        if word == pack["id"] or (word in internal and "_" in word):
            problems.append(f"{path}: names {word}")
        if word in ids:
            problems.append(f"{path}: shows source id {word} alone")
    unquoted = re.sub(r"“[^”]*”", "", text)
    for sentence in re.split(r"(?<=[.;:])\s+", unquoted):
        if re.search(r"\bconsensus\b", sentence) and re.search(r"\bonly\b", sentence):
            problems.append(f"{path}: says the consensus does something \"only\": {sentence!r}")
report(not problems, "no file, internal id or bare source id, and no \"only\" the consensus "
       "does not write" + "".join(f"\n# {p}" for p in problems))

# 4. What the command line and the report show: ids beside names, one interpretation label.
titles = {s["id"]: s["title"] for s in pack["sources"]}


def check_output(name, text):
    """Source ids shown without their name beside them, and odd interpretation labels."""
    flat = re.sub(r"\s+", " ", text)
    wrong = []
    for sid, title in titles.items():
        for m in re.finditer(r"(?<![\w-])" + re.escape(sid) + r"(?![\w-])", flat):
            named = flat[:m.start()].endswith(title + " (") and flat[m.end():m.end() + 1] == ")"
            if not named:
                wrong.append(f"{sid} at …{flat[max(0, m.start() - 40):m.end() + 10]}…")
    labels = re.findall(r"[Ii]nterpretation[^:]{0,30}:", flat)
    odd = sorted({label for label in labels if label != LABEL})
    return wrong, odd


cases = sorted(glob.glob(os.path.join(cases_dir, "*.json")))
bad_text, bad_pdf, n_pdf = [], [], 0
with tempfile.TemporaryDirectory() as tmp:
    for case in cases:
        run = subprocess.run([advisor, "--evaluate", case, "--format", "text"],
                             capture_output=True, text=True)
        wrong, odd = check_output(case, run.stdout)
        if run.returncode != 0 or wrong or odd:
            bad_text.append(f"{os.path.basename(case)}: exit {run.returncode}, {wrong[:3]}, "
                            f"labels {odd}")
        pdf = os.path.join(tmp, "report.pdf")
        run = subprocess.run([advisor, "--report", case, "--output", pdf], capture_output=True,
                             text=True)
        if run.returncode == 0:
            n_pdf += 1
            text = subprocess.run(["pdftotext", pdf, "-"], capture_output=True,
                                  text=True).stdout
            wrong, odd = check_output(case, text)
            if wrong or odd:
                bad_pdf.append(f"{os.path.basename(case)}: {wrong[:3]}, labels {odd}")
        else:
            bad_pdf.append(f"{os.path.basename(case)}: --report exit {run.returncode}")
report(cases and not bad_text, f"the text of {len(cases)} cases names every source beside its "
       "id and labels interpretations one way" + "".join(f"\n# {b}" for b in bad_text))
report(n_pdf == len(cases) and not bad_pdf, f"the PDF report of {n_pdf} cases likewise"
       + "".join(f"\n# {b}" for b in bad_pdf))

# 5. The references a quotation cites are the ones it lists.
references = {s["id"] for s in pack["sources"] if s["kind"] == "reference"}
uncited = []
for i, s in enumerate(pack["sources"]):
    numbers = [n for group in re.findall(r"\[(\d+(?:\s*,\s*\d+)*)\]", s["text"])
               for n in re.split(r"\s*,\s*", group)]
    found = {f"R{n}" for n in numbers}
    listed = set(s.get("cites", []))
    if found != listed or not listed <= references:
        uncited.append(f"$.sources[{i}]: the text cites {sorted(found)}, "
                       f"\"cites\" lists {sorted(listed)}")
report(not uncited, "every reference a quotation cites is in its \"cites\""
       + "".join(f"\n# {u}" for u in uncited))

# 6. Headings in header capitalisation: every word capitalised but short articles,
# conjunctions and prepositions (not first); words in brackets and numbers as they are.
SMALL = {"a", "an", "the", "and", "but", "or", "nor", "for", "so", "yet", "as", "at", "by",
         "in", "of", "on", "to", "up", "via", "vs"}
headings = ([(f"$.groups[{i}].title", g["title"]) for i, g in enumerate(pack["groups"])] +
            [(f"$.plan.sections[{i}].title", s["title"])
             for i, s in enumerate(pack["plan"]["sections"])] +
            [("$.polls.title", pack["polls"]["title"]),
             ("$.evidence_since.title", pack["evidence_since"]["title"])])
lower = []
for path, title in headings:
    words = re.findall(r"[^\s()]+", title)
    for k, word in enumerate(words):
        if not word[0].isalpha():
            continue
        wanted_lower = k > 0 and word.lower() in SMALL
        if (word[0].islower()) != wanted_lower:
            lower.append(f"{path}: {title!r} ({word!r})")
report(headings and not lower, f"{len(headings)} headings in header capitalisation"
       + "".join(f"\n# {w}" for w in lower))

print(f"1..{len(results)}")
status = 0
for n, (ok, text, skip) in enumerate(results, 1):
    if skip:
        print(f"ok {n} {text} # SKIP {skip}")
        continue
    lines = text.split("\n")
    print(("ok" if ok else "not ok") + f" {n} {lines[0]}")
    for line in lines[1:]:
        print(line)
    status |= not ok
sys.exit(status)
