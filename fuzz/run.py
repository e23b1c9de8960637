#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""fuzz/run.py BUILD SECONDS: runs each libFuzzer target of BUILD (meson -Dfuzzing=true) for
SECONDS, from a seed corpus made of the test data (cases, the pack, the JsonLogic suite, the
cohort), after replaying every input kept in fuzz/regressions/<target>/ (inputs that once
crashed). Prints executions per second and in all for each, and a TAP line each; a crash
is saved under BUILD/fuzz-crashes/<target>/ and fails its line."""
import glob
import json
import os
import re
import shutil
import subprocess
import sys

build, seconds = sys.argv[1], int(sys.argv[2])
root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
corpus_root = os.path.join(build, "fuzz-corpus")


def seed(target):
    corpus = os.path.join(corpus_root, target)
    os.makedirs(corpus, exist_ok=True)
    n = 0

    def put(data):
        nonlocal n
        n += 1
        with open(os.path.join(corpus, f"seed-{n}"), "wb") as f:
            f.write(data if isinstance(data, bytes) else data.encode())

    if target in ("case", "batch"):
        for path in glob.glob(f"{root}/tests/data/cases/*.json") + glob.glob(f"{root}/data/cases/*.json"):
            text = open(path).read()
            put(text if target == "case" else json.dumps(json.loads(text)))
        for line in open(f"{root}/tests/data/cohort.jsonl"):
            put(line.strip())
    elif target == "csv":
        # Cohorts as spreadsheets and REDCap write them, and a row of every case file.
        sites = ",".join(f"metastatic_sites___{s}" for s in (
            "bone", "liver", "lung", "brain", "distant_lymph_nodes", "pleura",
            "skin_soft_tissue", "other"))
        put("\ufeffrecord_id,label,age_years,metastatic_sites,systemic_therapy_completed,"
            "decision_choice,decision_date\r\n1,\"Case, \"\"A\"\"\",45.0,bone;liver,TRUE,"
            "surgery,2024-01-02\r\n2,\"two\r\nlines\",UNK,NA,no,,\r\n")
        put(f"record_id,{sites},ecog\n1,1,0,0,0,0,0,0,0,1\n2,0,0,0,0,0,0,0,0,-999\n")
        fields = ["label", "age_years", "menopausal_status", "ecog", "er_status", "pr_status",
                  "her2_status", "metastatic_sites", "metastatic_lesion_count",
                  "liver_lesion_count", "lung_lesion_count", "systemic_therapy_completed",
                  "metastatic_response", "breast_response", "response_imaging",
                  "residual_breast_size_cm", "negative_margins", "fit_for_surgery",
                  "axillary_nodes"]
        rows = [",".join(fields)]
        for path in glob.glob(f"{root}/tests/data/cases/*.json"):
            case = json.load(open(path))
            cells = []
            for f in fields:
                v = case.get(f)
                v = "" if v is None else ";".join(v) if isinstance(v, list) else str(v)
                cells.append('"' + v.replace('"', '""') + '"' if "," in v else v)
            rows.append(",".join(cells))
        put("\n".join(rows) + "\n")
    elif target == "csv-cell":
        # Labels and texts a spreadsheet would run, and ones it would not.
        for text in ("=HYPERLINK(\"http://x\",\"y\")", "+1", "-1", "@A1", "\tx", "\rx",
                     "=cmd|' /C calc'!A0", "Case, \"A\"", "Étude 1", "", "'=1", "a\nb"):
            put(text)
    elif target == "fhir":
        # The test bundles, and each of their resources alone.
        for path in glob.glob(f"{root}/tests/data/fhir/*.json"):
            text = open(path, "rb").read()
            put(text)
            try:
                bundle = json.loads(text)
            except ValueError:
                continue
            for entry in bundle.get("entry", []) if isinstance(bundle, dict) else []:
                if isinstance(entry, dict) and isinstance(entry.get("resource"), dict):
                    put(json.dumps(entry["resource"]))
    elif target == "pack":
        for path in glob.glob(f"{root}/data/guidelines/*.json"):
            put(open(path, "rb").read())
    elif target == "jsonlogic":
        suite = os.path.join(root, "..", "shared", "conformance", "jsonlogic", "tests.json")
        if os.path.exists(suite):
            for entry in json.load(open(suite)):
                if isinstance(entry, list):
                    put(json.dumps(entry[0]) + "\n" + json.dumps(entry[1]))
        put('{"and": [{"var": "case.age"}, {"<": [{"var": "case.age"}, 55]}]}\n{"case": {"age": 45}}')
    elif target == "rule":
        # The pack's conditions, and the shapes of rules that once exhausted time or memory.
        pack = json.load(open(f"{root}/data/guidelines/uio2017-mbc-primary-surgery.json"))
        for finding in pack["findings"]:
            put(json.dumps(finding["met_when"]))
            put(json.dumps(finding["unknown_when"]))
        thirty = list(range(30))
        put(json.dumps({"reduce": [thirty, {"cat": [{"var": "accumulator"}] * 2}, "ab"]}))
        put(json.dumps({"reduce": [thirty, [{"var": "accumulator"}] * 2, [1]]}))
        put(json.dumps({"reduce": [thirty, {"merge": [{"var": "accumulator"}] * 2}, [1]]}))
        big = list(range(300))
        put(json.dumps({"some": [big, {"some": [big, {"some": [big, {"==": [{"var": ""}, -1]}]}]}]}))
        put(json.dumps({"map": [big, {"map": [big, {"map": [big, {"var": ""}]}]}]}))
    return corpus


# Rules are evaluated within a budget: their targets run under tight limits, so that a
# rule that would still hang or exhaust memory fails its line. A rule that uses its whole
# budget (a million steps) takes about 1.1 s a time under the sanitizers, and fuzz-rule
# evaluates it twice (the tree and bound): 2.2-2.7 s measured, so its limit is 6 s, well
# short of a hang.
limits = {"jsonlogic": ("-timeout=2", "-rss_limit_mb=512"),
          "rule": ("-timeout=6", "-rss_limit_mb=512")}
targets = ["case", "pack", "jsonlogic", "batch", "csv", "csv-cell", "rule", "fhir"]
print(f"1..{len(targets)}")
status = 0
for i, target in enumerate(targets, 1):
    binary = os.path.join(build, "fuzz", f"fuzz-{target}")
    corpus = seed(target)
    crashes = os.path.join(build, "fuzz-crashes", target)
    os.makedirs(crashes, exist_ok=True)
    regressions = [p for p in glob.glob(f"{root}/fuzz/regressions/{target}/*")
                   if not os.path.basename(p).startswith(".")]
    replay = subprocess.run([binary] + regressions, capture_output=True, text=True) \
        if regressions else None
    timeout, rss = limits.get(target, ("-timeout=10", "-rss_limit_mb=2048"))
    run = subprocess.run([binary, corpus, f"-max_total_time={seconds}", "-print_final_stats=1",
                          timeout, rss, "-max_len=65536", f"-artifact_prefix={crashes}/"],
                         capture_output=True, text=True)
    stats = dict(re.findall(r"stat::(\w+):\s+(\d+)", run.stderr))
    executions = int(stats.get("number_of_executed_units", 0))
    per_second = int(stats.get("average_exec_per_sec", 0))
    ok = run.returncode == 0 and (replay is None or replay.returncode == 0)
    print(f"# fuzz-{target}: {executions} executions, {per_second} a second, "
          f"{len(regressions)} regression inputs replayed")
    if not ok:
        tail = (replay.stderr if replay and replay.returncode else run.stderr).strip()[-600:]
        print("# " + tail.replace("\n", "\n# "))
    print(("ok" if ok else "not ok") + f" {i} fuzz-{target} for {seconds} s")
    status |= not ok
sys.exit(status)
