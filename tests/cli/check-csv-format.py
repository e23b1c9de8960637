#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""check-csv-format.py ADVISOR: --batch ... --format csv, read back with Python's csv module:
the header, one row per case in order, each row saying what the result JSON of the same case
says, the concordance with the clinician's decision counted here independently, labels with
commas and quotes intact, a bad row with an empty tier and its problems; from a CSV cohort and
from JSON Lines alike. TAP output."""
import csv
import io
import json
import os
import random
import subprocess
import sys
import tempfile

advisor = sys.argv[1]
SITES = ["bone", "liver", "lung", "brain", "distant_lymph_nodes", "pleura", "skin_soft_tissue",
         "other"]
COLUMNS = ["label", "age_years", "ecog", "er_status", "metastatic_sites",
           "metastatic_lesion_count", "systemic_therapy_completed", "metastatic_response",
           "breast_response", "response_imaging", "negative_margins", "fit_for_surgery",
           "decision_choice", "decision_date"]
tests = []


def check(name, ok, detail=""):
    tests.append((name, ok, detail))


def cohort(n):
    rng = random.Random(2017)
    rows = []
    for i in range(n):
        sites = None
        if rng.random() < 0.8:
            sites = rng.sample(["bone", "liver", "lung"], rng.randint(1, 2))
        row = {
            "label": rng.choice([f"Case {i}", f"Case {i}, \"quoted\"", f"Étude {i}; B"]),
            "age_years": rng.choice([None, 30, 45, 70]),
            "ecog": rng.choice([None, 0, 1, 3]),
            "er_status": rng.choice(["positive", "negative", "unknown"]),
            "metastatic_sites": sites,
            "metastatic_lesion_count": rng.choice([None, 3, 8]) if sites else None,
            "systemic_therapy_completed": rng.choice([None, True, False]),
            "metastatic_response": rng.choice(["complete", "partial", "stable", "progression",
                                               "unknown"]),
            "breast_response": rng.choice(["complete", "residual", "unknown"]),
            "response_imaging": rng.choice(["pet_ct", "other", "unknown"]),
            "negative_margins": rng.choice(["bcs", "mastectomy_only", "not_achievable",
                                            "unknown"]),
            "fit_for_surgery": rng.choice(["yes", "no", "unknown"]),
            "decision": rng.choice([None, "surgery", "no_surgery", "deferred"]),
        }
        rows.append(row)
    rows[5]["age_years"] = "UNK"      # a bad row: a REDCap code for a number
    rows[11]["ecog"] = 9              # another: out of range
    return rows


def as_csv(rows):
    out = io.StringIO()
    w = csv.writer(out)  # as a spreadsheet writes it: CRLF, quoted when needed
    w.writerow(COLUMNS)
    for r in rows:
        cells = []
        for c in COLUMNS:
            if c == "decision_choice":
                v = r["decision"]
            elif c == "decision_date":
                v = "2024-03-01" if r["decision"] else None
            else:
                v = r[c]
            if v is None:
                cells.append("NA")
            elif isinstance(v, bool):
                cells.append("TRUE" if v else "FALSE")
            elif isinstance(v, list):
                cells.append(";".join(v))
            else:
                cells.append(str(v))
        w.writerow(cells)
    return out.getvalue()


def as_jsonl(rows):
    lines = []
    for r in rows:
        case = {"schema": "mbc-advisor/case/1"}
        for c in COLUMNS:
            if c.startswith("decision"):
                continue
            case[c] = r[c]
        if r["decision"]:
            case["decision"] = {"choice": r["decision"], "date": "2024-03-01"}
        lines.append(json.dumps(case, ensure_ascii=False))
    return "\n".join(lines) + "\n"


def run(path, *args):
    return subprocess.run([advisor, "--batch", path, *args], capture_output=True)


def concordance(tier, choice):
    if not choice or tier == "indeterminate":
        return ""
    if tier == "individualise":
        return "individual"
    wanted = {"recommended": "surgery", "not_recommended": "no_surgery"}[tier]
    return "agrees" if choice == wanted else "disagrees"


rows = cohort(300)
with tempfile.TemporaryDirectory() as tmp:
    for kind, text, first in (("csv", as_csv(rows), 2), ("jsonl", as_jsonl(rows), 1)):
        path = os.path.join(tmp, "cohort." + kind)
        open(path, "w", encoding="utf-8", newline="").write(text)
        summary = run(path, "--format", "csv")
        results = run(path)
        check(f"{kind}: exit 2 for the bad rows, in both formats",
              summary.returncode == 2 and results.returncode == 2,
              f"{summary.returncode} {results.returncode} {summary.stderr[:300]!r}")
        raw = summary.stdout.decode("utf-8")
        check(f"{kind}: no control character but the line ends",
              all(ch in "\r\n" or ord(ch) >= 0x20 for ch in raw))
        table = list(csv.reader(io.StringIO(raw, newline="")))
        header, body = table[0], table[1:]
        json_lines = results.stdout.decode("utf-8").splitlines()
        first_result = next(json.loads(l) for l in json_lines if "mbc-advisor/result/1" in l)
        findings = list(first_result["findings"].keys())
        check(f"{kind}: the header", header == ["line", "label", "tier", "strength", "rule",
                                                "missing", "confirm", "options"] + findings +
              ["decision_choice", "concordance", "errors"], repr(header))
        check(f"{kind}: one row per case, every row as long as the header",
              len(body) == len(rows) and all(len(r) == len(header) for r in body),
              f"{len(body)} rows")
        counted = {"agrees": 0, "disagrees": 0, "individual": 0, "": 0}
        said = dict(counted)
        differences = []
        for i, (cells, line, case) in enumerate(zip(body, json_lines, rows)):
            row = dict(zip(header, cells))
            result = json.loads(line)
            if row["line"] != str(first + i):
                differences.append(f"row {i}: line {row['line']}")
            if result["schema"] == "mbc-advisor/error/1":
                if row["tier"] != "" or not row["errors"] or result["line"] != first + i:
                    differences.append(f"row {i}: bad row written as {cells}")
                continue
            expected = {
                "label": case["label"], "tier": result["tier"],
                "strength": result["strength"] or "", "rule": result["rule"]["id"],
                "missing": ";".join(result["missing"]), "confirm": ";".join(result["confirm"]),
                "options": ";".join(result["options"]),
                "decision_choice": case["decision"] or "", "errors": "",
            }
            expected.update(result["findings"])
            for key, value in expected.items():
                if row[key] != value:
                    differences.append(f"row {i}: {key} {row[key]!r}, expected {value!r}")
            counted[concordance(result["tier"], case["decision"])] += 1
            said[row["concordance"]] = said.get(row["concordance"], 0) + 1
        check(f"{kind}: each row says what its result JSON says", not differences,
              "; ".join(differences[:5]))
        check(f"{kind}: the concordance counted here is the one written",
              counted == said and counted["agrees"] > 0 and counted["disagrees"] > 0 and
              counted["individual"] > 0, f"{counted} vs {said}")

    # No cell is a formula (interfaces.md: CSV cells are never formulas): labels and error
    # texts that begin with = + - @ are written with a leading apostrophe; read back, no
    # cell begins with a formula character, and the label is otherwise intact.
    formulas = ["=HYPERLINK(\"http://example.invalid/\",\"open\")", "+1+1", "-1+2", "@SUM(A1)",
                "=cmd|' /C calc'!A0", "Case -1", "=", "'=1", "''=0", "'ok"]
    lines = [json.dumps({"schema": "mbc-advisor/case/1", "label": f}) for f in formulas]
    lines.append('{"schema": "mbc-advisor/case/1", "=bad": 1}')
    jsonl = os.path.join(tmp, "formulas.jsonl")
    open(jsonl, "w").write("\n".join(lines) + "\n")
    done = subprocess.run([advisor, "--batch", jsonl, "--format", "csv"], capture_output=True)
    rows = list(csv.reader(io.StringIO(done.stdout.decode())))
    running = [c for r in rows[1:] for c in r if c[:1] in ("=", "+", "-", "@", "\t", "\r")]
    labels = [r[1] for r in rows[1:len(formulas) + 1]]
    want = [("'" + f) if f.lstrip("'")[:1] in ("=", "+", "-", "@") else f for f in formulas]
    check("no cell of --format csv is a formula", not running, repr(running[:3]))
    check("a label that a spreadsheet would run keeps its text after an apostrophe",
          labels == want, f"{labels} vs {want}")
    check("an error text that begins with a formula character is neutralised",
          rows[-1][-1].startswith("'=bad"), rows[-1][-1])
    all_rows = subprocess.run([advisor, "--batch", os.path.join(tmp, "cohort.jsonl"),
                               "--format", "csv"], capture_output=True).stdout.decode()
    check("numbers are written plainly",
          all(r[0].isdigit() for r in list(csv.reader(io.StringIO(all_rows)))[1:]))

    # A pack that fails to evaluate on one case: exit 3, naming that line of the input.
    pack = json.load(open(os.path.join(os.environ.get("MBC_SOURCE_ROOT", "."), "data",
                                       "guidelines", "uio2017-mbc-primary-surgery.json")))
    big = list(range(1500))
    for f in pack["findings"]:
        if f["id"] == "young_age":
            f["met_when"] = {"if": [{"==": [{"var": "case.age_years"}, 99]},
                                    {"!!": {"map": [big, {"map": [big, 1]}]}},
                                    {"<": [{"var": "case.age_years"}, 55]}]}
    pack["tests"] = []
    slow = os.path.join(tmp, "slow-pack.json")
    json.dump(pack, open(slow, "w"))
    ages = os.path.join(tmp, "ages.jsonl")
    open(ages, "w").write("".join(json.dumps({"schema": "mbc-advisor/case/1", "age_years": a})
                                  + "\n" for a in (40, 50, 99, 60)))
    done = subprocess.run([advisor, "--guideline", slow, "--batch", ages], capture_output=True)
    check("a pack that fails on a line: exit 3, the line named",
          done.returncode == 3 and b"at line 3 of " in done.stderr, done.stderr[:300])

    # --format csv goes only with --batch.
    case = os.path.join(tmp, "case.json")
    open(case, "w").write('{"schema": "mbc-advisor/case/1"}')
    alone = subprocess.run([advisor, "--evaluate", case, "--format", "csv"], capture_output=True)
    check("--format csv without --batch is exit 2", alone.returncode == 2 and not alone.stdout)

print(f"1..{len(tests)}")
for number, (name, ok, detail) in enumerate(tests, 1):
    print(f"{'ok' if ok else 'not ok'} {number} {name}")
    if not ok and detail:
        print("# " + detail.replace("\n", "\n# "))
