#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes N varied, valid case files as JSON Lines (one case a line) to standard output.

Every field is sometimes unknown and otherwise drawn from its allowed values, and the
counts respect the case contract (lesions at least the sites, liver and lung counts only
for those sites), so every line is a case the advisor must evaluate, not reject.
Deterministic: the same N and seed give the same file.
"""
import json
import random
import sys

SITES = ["bone", "liver", "lung", "brain", "distant_lymph_nodes", "pleura",
         "skin_soft_tissue", "other"]


def maybe(rng, value, unknown=None, p=0.15):
    return unknown if rng.random() < p else value


def case(rng, i):
    c = {"schema": "mbc-advisor/case/1"}
    if rng.random() < 0.5:
        c["label"] = f"Cohort case {i}"
    c["age_years"] = maybe(rng, rng.randint(18, 110))
    c["menopausal_status"] = maybe(rng, rng.choice(["premenopausal", "postmenopausal"]), "unknown")
    c["ecog"] = maybe(rng, rng.randint(0, 4))
    for f in ("er_status", "pr_status", "her2_status"):
        c[f] = maybe(rng, rng.choice(["positive", "negative"]), "unknown")
    sites = None
    if rng.random() > 0.1:
        k = rng.choice([1, 1, 1, 2, 2, 3, 4])
        sites = rng.sample(SITES, k)
    c["metastatic_sites"] = sites
    liver = lung = None
    if sites is not None:
        if "liver" in sites:
            liver = maybe(rng, rng.choice([1, 1, 2, 3, 6]))
        elif rng.random() < 0.5:
            liver = 0
        if "lung" in sites:
            lung = maybe(rng, rng.choice([1, 1, 2, 4]))
        elif rng.random() < 0.5:
            lung = 0
        needed = len(sites) + max((liver or 1) - 1, 0) * ("liver" in sites) \
            + max((lung or 1) - 1, 0) * ("lung" in sites)
        extra = rng.choice([0, 0, 1, 2, 5, 12])
        # With no site but liver and lung, both counted, every lesion is in them.
        if set(sites) <= {"liver", "lung"} and all(
                (liver if s == "liver" else lung) is not None for s in sites):
            extra = 0
        c["metastatic_lesion_count"] = maybe(rng, needed + extra)
    else:
        c["metastatic_lesion_count"] = maybe(rng, rng.randint(1, 20))
    c["liver_lesion_count"] = liver
    c["lung_lesion_count"] = lung
    c["systemic_therapy_completed"] = maybe(rng, rng.random() < 0.8)
    c["metastatic_response"] = maybe(rng, rng.choice(["complete", "partial", "partial", "stable",
                                                      "progression"]), "unknown")
    c["breast_response"] = maybe(rng, rng.choice(["complete", "residual"]), "unknown")
    c["response_imaging"] = maybe(rng, rng.choice(["pet_ct", "other"]), "unknown")
    c["residual_breast_size_cm"] = maybe(rng, round(rng.uniform(0, 6), 1))
    c["negative_margins"] = maybe(rng, rng.choice(["bcs", "mastectomy_only", "not_achievable"]),
                                  "unknown", 0.3)
    c["fit_for_surgery"] = maybe(rng, rng.choice(["yes", "yes", "yes", "no"]), "unknown", 0.3)
    c["axillary_nodes"] = maybe(rng, rng.choice(["clinically_positive", "clinically_negative"]),
                                "unknown")
    return c


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100000
    seed = int(sys.argv[2]) if len(sys.argv) > 2 else 2017
    rng = random.Random(seed)
    out = sys.stdout
    for i in range(n):
        out.write(json.dumps(case(rng, i), separators=(",", ":")))
        out.write("\n")


if __name__ == "__main__":
    main()
