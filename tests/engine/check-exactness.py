#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Exactness of the decision, proved over every small completion (clinical-logic.md).

    check-exactness.py MBC_ADVISOR [PACK]

Over a small domain of every input that can change the tier (fitness, response, margins,
ECOG, the sites among five, the total 1-6, the liver and lung counts 0-6, each also
unknown), every case is evaluated with --batch, and for each partial case:

- its admissible completions are the complete cases that agree with it and that the case
  check accepts (fitness, margins and ECOG, when unknown, are completed only with their
  favourable value: they are the "to confirm" conditions of a recommendation, the one
  deliberate exception of clinical-logic.md);
- the result is indeterminate exactly when two completions give different tiers, and
  otherwise the tier they all give;
- each finding of the burden is unknown exactly when two completions disagree on it;
- each field listed as missing is unknown, and some value of it changes the tiers the
  completions give; an indeterminate result lists at least one;
- a recommendation lists as "to confirm" exactly the unknown ones of fitness, ECOG and
  margins;
- a partial case that has an admissible completion is itself accepted.

Prints TAP; the last line of the summary says how many partial cases were checked.
"""
import csv
import io
import itertools
import os
import subprocess
import sys
import tempfile

SITES = ["bone", "liver", "lung", "brain", "skin_soft_tissue"]
U = None  # unknown

GATES = {  # field -> (domain, value that completes an unknown, or None to complete with all)
    "fit_for_surgery": (["yes", "no"], "yes"),
    "metastatic_response": (["complete", "stable"], None),
    "negative_margins": (["mastectomy_only", "not_achievable"], "mastectomy_only"),
    "ecog": ([0, 2], 0),
}
GATE_FIELDS = list(GATES)
SITE_SETS = [tuple(c) for n in range(1, len(SITES) + 1) for c in itertools.combinations(SITES, n)]
BURDEN = {
    "metastatic_sites": SITE_SETS,
    "metastatic_lesion_count": list(range(1, 7)),
    "liver_lesion_count": list(range(0, 7)),
    "lung_lesion_count": list(range(0, 7)),
}
BURDEN_FIELDS = list(BURDEN)
CONFIRM = {"fit_for_surgery": "fit_for_surgery", "negative_margins": "negative_margins",
           "ecog": "ecog"}


def case_json(gates, burden):
    import json
    case = {"schema": "mbc-advisor/case/1"}
    for field, value in zip(GATE_FIELDS + BURDEN_FIELDS, tuple(gates) + tuple(burden)):
        if value is U:
            continue
        case[field] = list(value) if field == "metastatic_sites" else value
    return json.dumps(case, separators=(",", ":"))


def run_batch(advisor, pack, lines):
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "cases.jsonl")
        with open(path, "w") as f:
            f.write("\n".join(lines) + "\n")
        args = [advisor, "--batch", path, "--format", "csv"]
        if pack:
            args[1:1] = ["--guideline", pack]
        done = subprocess.run(args, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                              env=dict(os.environ, LC_ALL="C.UTF-8", LANGUAGE=""))
    if done.returncode not in (0, 2):
        raise SystemExit("Bail out! --batch exited %d" % done.returncode)
    rows = list(csv.DictReader(io.StringIO(done.stdout.decode())))
    if len(rows) != len(lines):
        raise SystemExit("Bail out! %d rows for %d cases" % (len(rows), len(lines)))
    return rows


def main():
    advisor = sys.argv[1]
    pack = sys.argv[2] if len(sys.argv) > 2 else None
    failures = []

    def fail(what):
        if len(failures) < 30:
            failures.append(what)
        else:
            failures.append(None)

    # Every complete case: its tier, or None when the case check refuses it.
    full_gates = list(itertools.product(*(GATES[f][0] for f in GATE_FIELDS)))
    full_burden = list(itertools.product(*(BURDEN[f] for f in BURDEN_FIELDS)))
    probe = run_batch(advisor, pack, [case_json(full_gates[0], b) for b in full_burden])
    admissible = [b for b, row in zip(full_burden, probe) if row["tier"]]
    lines = [case_json(g, b) for b in admissible for g in full_gates]
    rows = run_batch(advisor, pack, lines)
    tier = {}
    for (b, g), row in zip(((b, g) for b in admissible for g in full_gates), rows):
        if not row["tier"] or row["tier"] == "indeterminate":
            fail("complete case %s gives %r" % (case_json(g, b), row["tier"] or row["errors"]))
        tier[(g, b)] = row["tier"]
    admissible = set(admissible)

    def gate_completions(g):
        choices = []
        for field, value in zip(GATE_FIELDS, g):
            domain, favourable = GATES[field]
            choices.append([value] if value is not U else
                           ([favourable] if favourable is not None else domain))
        return list(itertools.product(*choices))

    def truncated(b):
        # A count at the top of its domain with the total unknown: the total could be more
        # than the domain holds, so what is found there may not hold.
        values = dict(zip(BURDEN_FIELDS, b))
        return values["metastatic_lesion_count"] is U and any(
            values[f] == BURDEN[f][-1] for f in ("liver_lesion_count", "lung_lesion_count"))

    def burden_completions(b):
        choices = [[v] if v is not U else BURDEN[f] for f, v in zip(BURDEN_FIELDS, b)]
        return [c for c in itertools.product(*choices) if c in admissible]

    memo = {}

    def tiers(g, b):
        key = (g, b)
        if key not in memo:
            memo[key] = frozenset(tier[(gc, bc)] for bc in burden_completions(b)
                                  for gc in gate_completions(g))
        return memo[key]

    # Each finding of the burden is unknown only when the completions disagree on it, and
    # otherwise what they all give (with the gates unknown: they do not touch it).
    burden_findings = ["no_multiple_liver_lung", "single_site", "bone_only",
                       "fewer_than_five_lesions"]
    found = {b: tuple(row[f] for f in burden_findings) for b, row in
             zip(full_burden, probe) if row["tier"]}
    partial_burden = list(itertools.product(*([U] + BURDEN[f] for f in BURDEN_FIELDS)))
    some = [b for b in partial_burden if not truncated(b) and burden_completions(b)]
    none = (U,) * len(GATE_FIELDS)
    for b, row in zip(some, run_batch(advisor, pack, [case_json(none, b) for b in some])):
        for k, f in enumerate(burden_findings):
            statuses = {found[c][k] for c in burden_completions(b)}
            want = statuses.pop() if len(statuses) == 1 else "unknown"
            if row[f] != want:
                fail("%s: finding %s is %s, its completions give %s" %
                     (case_json(none, b), f, row[f] or row["errors"],
                      sorted({found[c][k] for c in burden_completions(b)})))

    partial_gates = list(itertools.product(*([U] + GATES[f][0] for f in GATE_FIELDS)))
    # Only partial cases with an admissible completion in the domain are asked about.
    cases = [(g, b) for b in some for g in partial_gates]
    rows = run_batch(advisor, pack, [case_json(g, b) for g, b in cases])
    checked = 0
    for (g, b), row in zip(cases, rows):
        checked += 1
        label = case_json(g, b)
        if not row["tier"]:
            fail("%s has an admissible completion but is refused: %s" % (label, row["errors"]))
            continue
        possible = tiers(g, b)
        expected = next(iter(possible)) if len(possible) == 1 else "indeterminate"
        if row["tier"] != expected:
            fail("%s is %s; its completions give %s" % (label, row["tier"], sorted(possible)))
            continue
        missing = [m for m in row["missing"].split(";") if m]
        if expected == "indeterminate" and not missing:
            fail("%s is indeterminate and lists nothing missing" % label)
        values = dict(zip(GATE_FIELDS + BURDEN_FIELDS, tuple(g) + tuple(b)))
        for field in missing:
            if field not in values or values[field] is not U:
                fail("%s lists %s as missing, which is not an unknown input" % (label, field))
                continue
            outcomes = set()
            if field in GATES:
                for v in GATES[field][0]:
                    g2 = tuple(v if f == field else x for f, x in zip(GATE_FIELDS, g))
                    outcomes.add(tiers(g2, b))
            else:
                for v in BURDEN[field]:
                    b2 = tuple(v if f == field else x for f, x in zip(BURDEN_FIELDS, b))
                    if burden_completions(b2):
                        outcomes.add(tiers(g, b2))
            if len(outcomes) < 2:
                fail("%s lists %s as missing, but no value of it changes the tier" %
                     (label, field))
        if row["tier"] == "recommended":
            confirm = sorted(c for c in row["confirm"].split(";") if c)
            want = sorted(CONFIRM[f] for f in CONFIRM if values[f] is U)
            if confirm != want:
                fail("%s: to confirm %s, expected %s" % (label, confirm, want))

    print("1..1")
    if failures:
        print("not ok 1 - exactness over %d partial cases" % checked)
        for what in failures:
            print("# " + (what if what else "… and more"))
            if what is None:
                break
        return 1
    print("ok 1 - exactness over %d partial cases, %d complete cases" % (checked, len(tier)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
