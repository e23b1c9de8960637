#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""check-fhir-output.py ADVISOR NODE_MODULES: `--evaluate CASE --format fhir` (contracts.md,
"The result as FHIR R4"), read from outside, for every case of the clinical table and the
test cases, with and without a recorded decision:

- every Bundle validates against the FHIR R4 JSON schema (fhir-validator/validate.js, with
  the validator ./run test installs from the npm registry into NODE_MODULES); the validator itself refuses a
  broken Bundle, so a pass means something;
- it says what --format json says: the GuidanceResponse is `success`, or `data-required`
  with one dataRequirement per missing input, in order, naming exactly that input; the tier,
  rule, strength, options and inputs to confirm as coded output parameters; a finding
  Observation per finding with its status; a RequestGroup (intent proposal) exactly when
  the tier is recommended; the heading as the first note, as the text output's first line;
  the pack's id and version in moduleUri and its SHA-256 in an identifier;
- the clinician's decision when the case records one, and only then;
- no patient identity: no subject, no Patient, nothing of the label; a case imported from a
  real-shaped export carries none of the export's names, identifiers, dates of birth,
  addresses or resource ids;
- --format fhir goes with --evaluate only.

The expected values come from --format json and the pack, not from here. TAP output."""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

advisor, node_modules = sys.argv[1], sys.argv[2]
source_root = os.environ.get("MBC_SOURCE_ROOT", os.path.join(os.path.dirname(__file__), "..", ".."))
require_tools = bool(os.environ.get("MBC_REQUIRE_TOOLS"))
BASE = "https://mbcadvisor.github.io/fhir"
tests = []
tmp = tempfile.mkdtemp()


def check(name, ok, detail=""):
    tests.append((name, bool(ok), detail))


def run(*args, stdin=None):
    return subprocess.run([advisor, *args], capture_output=True, text=True, input=stdin)


def write_case(index, case):
    path = os.path.join(tmp, f"case-{index}.json")
    case = dict(case)
    case.setdefault("schema", "mbc-advisor/case/1")
    with open(path, "w", encoding="utf-8") as f:
        json.dump(case, f, ensure_ascii=False)
    return path


def resources(bundle, kind):
    return [e["resource"] for e in bundle.get("entry", []) if e["resource"]["resourceType"] == kind]


def params(parameters, name):
    return [p for p in parameters["parameter"] if p["name"] == name]


table = json.load(open(os.path.join(source_root, "tests", "data", "evaluate-cases.json"),
                       encoding="utf-8"))
cases = [(t["name"], t["case"]) for t in table]
for name in sorted(os.listdir(os.path.join(source_root, "tests", "data", "cases"))):
    with open(os.path.join(source_root, "tests", "data", "cases", name), encoding="utf-8") as f:
        cases.append((name, json.load(f)))
# A decision recorded on some of them, each choice.
choices = ["surgery", "no_surgery", "deferred"]
for i, (name, case) in enumerate(list(cases[:6])):
    case = dict(case)
    # Typed with a no-break space, a narrow one and an ideographic one: FHIR strings allow
    # none, so they are written as spaces.
    case["decision"] = {"choice": choices[i % 3], "date": "2026-11-30",
                        "note": "Tumour\u00a0board:\u202fdiscussed.\u3000" if i % 2 else ""}
    if not case["decision"]["note"]:
        del case["decision"]["note"]
    cases.append((name + " (with a decision)", case))

pack = None
outputs = []
for index, (name, case) in enumerate(cases):
    path = write_case(index, case)
    fhir = run("--evaluate", path, "--format", "fhir")
    plain = run("--evaluate", path)
    text = run("--evaluate", path, "--format", "text")
    if fhir.returncode != 0 or plain.returncode != 0:
        check(f"{name}: evaluated", False, fhir.stderr + plain.stderr)
        continue
    out = os.path.join(tmp, f"bundle-{index}.json")
    with open(out, "w", encoding="utf-8") as f:
        f.write(fhir.stdout)
    outputs.append(out)
    bundle = json.loads(fhir.stdout)
    result = json.loads(plain.stdout)
    heading = text.stdout.splitlines()[0]
    problems = []

    if bundle.get("resourceType") != "Bundle" or bundle.get("type") != "collection":
        problems.append("not a collection Bundle")
    responses = resources(bundle, "GuidanceResponse")
    if len(responses) != 1:
        problems.append(f"{len(responses)} GuidanceResponses")
        check(f"{name}: says what --format json says", False, "; ".join(problems))
        continue
    gr = responses[0]
    guideline = result["guideline"]
    if gr.get("moduleUri") != f"{BASE}/guideline/{guideline['id']}|{guideline['version']}":
        problems.append(f"moduleUri {gr.get('moduleUri')}")
    if guideline["sha256"] not in [i.get("value") for i in gr.get("identifier", [])]:
        problems.append("no identifier with the pack's SHA-256")
    want_status = "data-required" if result["missing"] else "success"
    if gr["status"] != want_status:
        problems.append(f"status {gr['status']}, expected {want_status}")
    asked = [r["extension"][0]["valueCoding"]["code"] for r in gr.get("dataRequirement", [])]
    if asked != result["missing"]:
        problems.append(f"dataRequirement {asked}, missing {result['missing']}")
    if gr["note"][0]["text"] != heading:
        problems.append(f"first note {gr['note'][0]['text']!r}, heading {heading!r}")
    if guideline["date"] not in " ".join(n["text"] for n in gr["note"]):
        problems.append("no guideline date in the notes")
    if "subject" in gr:
        problems.append("a subject")

    by_url = {e["fullUrl"]: e["resource"] for e in bundle["entry"]}
    parameters = by_url.get(gr.get("outputParameters", {}).get("reference"))
    if parameters is None or parameters["resourceType"] != "Parameters":
        problems.append("outputParameters not a Parameters of the Bundle")
    else:
        def coded(n):
            return [p["valueCoding"]["code"] for p in params(parameters, n)]
        if coded("tier") != [result["tier"]]:
            problems.append(f"tier {coded('tier')}")
        if coded("rule") != [result["rule"]["id"]]:
            problems.append(f"rule {coded('rule')}")
        if coded("strength") != ([result["strength"]] if result["strength"] else []):
            problems.append(f"strength {coded('strength')}")
        if coded("option") != result["options"]:
            problems.append(f"options {coded('option')}")
        if coded("missing") != result["missing"] or coded("confirm") != result["confirm"]:
            problems.append("missing or confirm")
        if [p["valueBoolean"] for p in params(parameters, "axillary_evaluation")] != \
                [result["axillary_evaluation"]]:
            problems.append("axillary_evaluation")
        findings = {}
        for p in params(parameters, "finding"):
            obs = by_url.get(p["valueReference"]["reference"])
            if obs is None or obs["resourceType"] != "Observation":
                problems.append("a finding reference to nothing")
                continue
            code = obs["code"]["coding"][0]
            if code["system"] != f"{BASE}/guideline/{guideline['id']}/finding":
                problems.append(f"finding system {code['system']}")
            status = ("unknown" if "dataAbsentReason" in obs
                      else "met" if obs["valueBoolean"] else "not_met")
            findings[code["code"]] = status
        if findings != result["findings"]:
            problems.append(f"findings {findings} != {result['findings']}")

    groups = resources(bundle, "RequestGroup")
    if (result["tier"] == "recommended") != (len(groups) == 1) or len(groups) > 1:
        problems.append(f"{len(groups)} RequestGroups for tier {result['tier']}")
    for g in groups:
        if g.get("intent") != "proposal" or gr.get("result", {}).get("reference") not in by_url:
            problems.append("RequestGroup not a proposal the response names")
        items = [c["coding"][0]["code"] for a in g["action"] for i in a["action"]
                 for c in i["code"][:1]]
        if items != [p["id"] for p in result["plan"]]:
            problems.append(f"plan actions {items}")

    decided = [o for o in resources(bundle, "Observation")
               if o["code"]["coding"][0]["system"] == f"{BASE}/CodeSystem/case-field"]
    if "decision" in case:
        if len(decided) != 1 or \
                decided[0]["valueCodeableConcept"]["coding"][0]["code"] != case["decision"]["choice"] \
                or decided[0].get("effectiveDateTime") != case["decision"]["date"] \
                or [n["text"] for n in decided[0].get("note", [])] != \
                ([re.sub("[\u00a0\u202f\u3000]", " ", case["decision"]["note"])]
                 if case["decision"].get("note") else []):
            problems.append(f"decision {decided}")
    elif decided:
        problems.append("a decision the case does not record")

    if resources(bundle, "Patient") or '"subject"' in fhir.stdout:
        problems.append("patient identity")
    if case.get("label") and case["label"] in fhir.stdout:
        problems.append("the label")
    check(f"{name}: says what --format json says", not problems, "; ".join(problems))

# The schema: every Bundle at once, then a broken one the validator must refuse.
validate = os.path.join(os.path.dirname(os.path.abspath(__file__)), "fhir-validator", "validate.js")
node = shutil.which("node")
node_env = dict(os.environ, NODE_PATH=node_modules)
installed = node and os.path.isdir(os.path.join(node_modules, "@asymmetrik",
                                                "fhir-json-schema-validator"))
if not installed:
    why = "the FHIR validator is not installed (./run test installs it in " + node_modules + ")"
    if require_tools:
        check("every Bundle validates against the FHIR R4 schema", False, why)
    else:
        tests.append(("every Bundle validates against the FHIR R4 schema # SKIP " + why, True, ""))
else:
    done = subprocess.run([node, validate, *outputs], capture_output=True, text=True,
                          env=node_env)
    bad = [json.loads(line) for line in done.stdout.splitlines() if json.loads(line)["errors"]]
    check(f"every Bundle ({len(outputs)}) validates against the FHIR R4 schema",
          done.returncode == 0 and not bad and len(done.stdout.splitlines()) == len(outputs),
          json.dumps(bad[:3]) + done.stderr)
    broken = json.load(open(outputs[0], encoding="utf-8"))
    broken["entry"][0]["resource"]["status"] = "recommended"
    del broken["entry"][0]["resource"]["moduleUri"]
    path = os.path.join(tmp, "broken.json")
    json.dump(broken, open(path, "w"))
    done = subprocess.run([node, validate, path], capture_output=True, text=True, env=node_env)
    check("the validator refuses a broken Bundle", done.returncode == 1 and "status" in done.stdout,
          done.stdout + done.stderr)

# Imported from a real-shaped export: nothing of the patient comes out.
export = os.path.join(source_root, "tests", "data", "fhir", "real-shaped.json")
imported = run("--import-fhir", export, "--as-of", "2026-12-01")
path = os.path.join(tmp, "imported.json")
with open(path, "w") as f:
    f.write(imported.stdout)
fhir = run("--evaluate", path, "--format", "fhir")
secrets = set()


def collect(node_):
    """Every resource id, and what a Patient says of who the patient is."""
    if isinstance(node_, dict):
        if isinstance(node_.get("id"), str) and "resourceType" in node_:
            secrets.add(node_["id"])
        if node_.get("resourceType") == "Patient":
            for name in node_.get("name", []):
                secrets.update(name.get("given", []) + [name.get("family"), name.get("text")])
            secrets.update(i.get("value") for i in node_.get("identifier", []))
            secrets.update(t.get("value") for t in node_.get("telecom", []))
            secrets.add(node_.get("birthDate"))
            for address in node_.get("address", []):
                secrets.update(address.get("line", []) + [address.get("city"),
                                                          address.get("postalCode")])
        for value in node_.values():
            collect(value)
    elif isinstance(node_, list):
        for value in node_:
            collect(value)


collect(json.load(open(export, encoding="utf-8")))
secrets = {s for s in secrets if isinstance(s, str) and len(s) >= 4}
leaked = sorted(s for s in secrets if s in fhir.stdout)
check("a case imported from a real-shaped export carries nothing of the patient",
      imported.returncode == 0 and fhir.returncode == 0 and secrets and not leaked,
      f"{len(secrets)} strings, leaked: {leaked[:5]}; " + imported.stderr[-300:] + fhir.stderr)

done = run("--batch", os.path.join(source_root, "tests", "data", "cohort.jsonl"), "--format", "fhir")
check("--format fhir goes with --evaluate only (exit 2, the option named)",
      done.returncode == 2 and "--format fhir" in done.stderr and done.stdout == "", done.stderr)

shutil.rmtree(tmp)
print(f"1..{len(tests)}")
for i, (name, ok, detail) in enumerate(tests, 1):
    print(f"{'ok' if ok else 'not ok'} {i} {name}")
    if not ok and detail:
        for line in detail.splitlines()[:10]:
            print(f"# {line}")
sys.exit(0 if all(ok for _, ok, _ in tests) else 1)
