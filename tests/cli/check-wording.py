#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""check-wording.py ADVISOR PACK: how results are worded (clinical-logic.md), read from
outside in the text output and on the PDF's first page, for vignettes of every deciding rule:

- the heading first, its conditions in it when fitness, ECOG or margins are to be confirmed;
- directly under it, the interpretation the deciding rule rests on, labelled, wherever the
  rule has one (unfit, stable disease, multiple liver or lung lesions, outside the subset,
  margins, ECOG 2-4), then the dated note of the evidence since, with its review date;
- a caution beside the recommendation when brain is a site;
- an individual decision never reads as a recommendation: no plan line says surgery "can be
  discussed and recommended", none refers to "the select subset", every one is conditional;
- the evidence since 2017 is balanced; no finding is named by a double negative; the
  question without a poll is not introduced twice.

The expected words come from the pack (its rules' interpretations and headings), not from
here. TAP output."""
import json
import os
import re
import subprocess
import sys
import tempfile

advisor, pack_path = sys.argv[1], sys.argv[2]
pack = json.load(open(pack_path, encoding="utf-8"))
rules = {r["id"]: r for r in pack["decision"]["rules"]}
evidence = pack["evidence_since"]
LABEL = "Interpretation (the application's): "
tests = []

BASE = {"schema": "mbc-advisor/case/1", "age_years": 45, "ecog": 0, "er_status": "positive",
        "metastatic_sites": ["bone"], "systemic_therapy_completed": True,
        "metastatic_response": "complete", "breast_response": "residual",
        "response_imaging": "pet_ct", "negative_margins": "mastectomy_only",
        "fit_for_surgery": "yes"}
VIGNETTES = [  # name, changes, rule expected to decide
    ("unfit", {"fit_for_surgery": "no"}, "not_fit"),
    ("stable disease", {"metastatic_response": "stable"}, "no_good_response"),
    ("lung only, 4 lesions", {"metastatic_sites": ["lung"], "metastatic_lesion_count": 4},
     "multiple_liver_lung"),
    ("three sites, 8 lesions", {"metastatic_sites": ["bone", "liver", "pleura"],
                                "metastatic_lesion_count": 8, "liver_lesion_count": 1},
     "outside_subset"),
    ("margins not achievable", {"negative_margins": "not_achievable"}, "margins_not_achievable"),
    ("ECOG 4", {"ecog": 4}, "poor_performance_status"),
    ("fitness, ECOG, margins unknown", {"fit_for_surgery": None, "ecog": None,
                                        "negative_margins": None}, "favourable_subset"),
    ("brain only", {"metastatic_sites": ["brain"]}, "favourable_subset"),
]


def check(name, ok, detail=""):
    tests.append((name, ok, detail))


def run(*args):
    return subprocess.run([advisor, "--guideline", pack_path, *args], stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, text=True,
                          env=dict(os.environ, LC_ALL="C.UTF-8", LANGUAGE="", TZ="UTC"))


def flat(text):
    # A line broken after a hyphen ("meta-" / "analysis") reads as the hyphenated word.
    return " ".join(re.sub(r"-\n\s*", "-", text).split())


tmp = tempfile.mkdtemp()
for name, changes, rule_id in VIGNETTES:
    case = dict(BASE)
    for k, v in changes.items():
        if v is None:
            case.pop(k, None)
        else:
            case[k] = v
    path = os.path.join(tmp, name.replace(" ", "-").replace(",", "") + ".json")
    json.dump(case, open(path, "w"))
    result = json.loads(run("--evaluate", path).stdout)
    check(f"{name}: decided by {rule_id}", result["rule"]["id"] == rule_id, result["rule"]["id"])
    text = run("--evaluate", path, "--format", "text").stdout
    lines = text.splitlines()
    rule = rules[rule_id]
    heading = lines[0]
    pdf = os.path.join(tmp, "report.pdf")
    made = run("--report", path, "--output", pdf, "--paper", "a4")
    page1 = subprocess.run(["pdftotext", "-layout", "-f", "1", "-l", "1", pdf, "-"], stdout=subprocess.PIPE,
                           text=True).stdout if made.returncode == 0 else ""
    page1 = flat(page1)
    check(f"{name}: the PDF is written", made.returncode == 0, made.stderr)
    check(f"{name}: page 1 has the heading", flat(heading) in page1, heading)

    at = 1
    if rule.get("interpretation"):
        want = LABEL + rule["interpretation"]
        check(f"{name}: the rule's interpretation directly under the heading (text)",
              lines[1] == want, lines[1])
        check(f"{name}: the rule's interpretation on page 1, right after the heading",
              page1.find(flat(want)) > page1.find(flat(heading)) >= 0 and
              page1.find(flat(want)) - page1.find(flat(heading)) - len(flat(heading)) < 3)
        at = 2
    check(f"{name}: the dated evidence note next", lines[at] == evidence["line"], lines[at])
    check(f"{name}: the evidence note carries its review date",
          "reviewed " + evidence.get("reviewed", "(no review date)") in lines[at] and "as of " + evidence["as_of"]
          in lines[at])
    check(f"{name}: page 1 has the evidence note", flat(evidence["line"]) in page1)

    if rule_id == "favourable_subset" and "ecog" not in case:
        check(f"{name}: the heading states the conditions",
              heading.endswith("if fitness for surgery, performance status and negative "
                               "margins are confirmed"), heading)
    if rule_id == "favourable_subset" and "ecog" in case:
        check(f"{name}: no condition in the heading when nothing is to confirm",
              " if " not in heading, heading)
    brain = "brain" in case.get("metastatic_sites", [])
    cautions = [c for c in pack["decision"].get("cautions", [])]
    shown = [c for c in cautions if ("Caution: " + c["text"]) in text]
    check(f"{name}: a caution {'is' if brain else 'is not'} shown beside the result",
          bool(shown) == brain and all(flat("Caution: " + c["text"]) in page1 for c in shown))
    if brain:
        caution_at = next(i for i, line in enumerate(lines) if line.startswith("Caution: "))
        check(f"{name}: the caution stands in the first lines", caution_at <= 4, str(caution_at))

    if result["tier"] == "individualise":
        plan = text[text.index("\nPlan\n"):text.index("\nEvidence Since")]
        items = [l.strip()[2:] for l in plan.splitlines() if l.strip().startswith("- ")]
        bad = [i for i in items if "can be discussed and recommended" in i or
               "select subset" in i or not (i.startswith("If surgery is chosen after individual "
                                                         "discussion") or
                                            i.startswith("Discuss carefully") or
                                            i.startswith("Systemic therapy") or
                                            i.startswith("Whether systemic therapy"))]
        check(f"{name}: every plan item is conditional, none a recommendation",
              items and not bad, "; ".join(bad)[:300])
    check(f"{name}: no finding named by a double negative",
          "No multiple" not in text and "No multiple" not in page1)

# Evidence since 2017, balanced (the figures are the pack's; their presence is checked here).
text = run("--evaluate", path, "--format", "text").stdout
for trial in ("Tata Memorial", "E2108", "JCOG1017", "ABCSG-28", "MF07-01", "Meta-analysis",
              "imbalanced"):
    check(f"evidence since 2017 names {trial}", trial in text)
check("the identification of MF07-01 is said to be the application's",
      "The application identified MF07-01" in text)

# The question asked without a poll is not introduced twice on the PDF.
pdf_text = subprocess.run(["pdftotext", pdf, "-"], stdout=subprocess.PIPE, text=True).stdout
check("the PDF does not say 'opinion: The expert group opinion was'",
      "opinion: The expert group opinion" not in flat(pdf_text))

print(f"1..{len(tests)}")
for i, (name, ok, detail) in enumerate(tests, 1):
    print(f"{'ok' if ok else 'not ok'} {i} {name}")
    if not ok and detail:
        print("# " + detail.replace("\n", "\n# "))
sys.exit(0 if all(ok for _, ok, _ in tests) else 1)
