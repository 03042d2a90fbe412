#!/usr/bin/env python3
"""Merges mapping fragments (Frameworks/pending/*.yaml) into the requirement-ordered mapping file.

Usage: scripts/merge-mappings.py [--keep]
Each fragment holds `requirements: [{id, rules: [{rule, coverage, basis}]}]`. Entries are merged
per requirement, rules ordered by id, requirements in catalogue order; fragments are deleted
afterwards unless --keep is given. The output keeps the main file's header comment.
"""
import json, pathlib, sys, yaml

# Anything but --keep is a mistake: merging deletes the fragments, so never do it on a typo or --help.
unknown = [a for a in sys.argv[1:] if a != "--keep"]
if unknown:
    sys.exit(__doc__ if unknown[0] in ("-h", "--help") else f"unknown argument {unknown[0]}\n{__doc__}")

root = pathlib.Path(__file__).resolve().parent.parent
fw = root / "src/PciZone.Compliance/Frameworks"
main = fw / "pci-dss-4.0.1.yaml"
catalogue = json.loads((root / "src/PciZone.Compliance/Catalogue/pci-dss-4.0.1-requirements.json").read_text())
order = {r["id"]: i for i, r in enumerate(catalogue)}

text = main.read_text()
header = "".join(l for l in text.splitlines(True) if l.startswith("#"))
merged = {}
def add(doc, source):
    for req in (doc or {}).get("requirements") or []:
        rid = str(req["id"])
        if rid not in order:
            sys.exit(f"{source}: requirement {rid} is not in the catalogue")
        for rule in req.get("rules") or []:
            key = (rid, rule["rule"])
            merged[key] = {"rule": rule["rule"], "coverage": rule["coverage"], "basis": str(rule["basis"]).strip()}

add(yaml.safe_load(text), main)
fragments = sorted((fw / "pending").glob("*.yaml")) if (fw / "pending").exists() else []
for f in fragments:
    add(yaml.safe_load(f.read_text()), f)

def q(s):
    return json.dumps(s, ensure_ascii=False)

out = [header.rstrip("\n"), "framework: pci-dss-4.0.1", "requirements:"]
for rid in sorted({k[0] for k in merged}, key=lambda r: order[r]):
    out.append(f"  - id: {q(rid)}")
    out.append("    rules:")
    for (r, rule_id) in sorted(k for k in merged if k[0] == rid):
        m = merged[(r, rule_id)]
        out.append(f"      - rule: {m['rule']}")
        out.append(f"        coverage: {m['coverage']}")
        out.append(f"        basis: {q(m['basis'])}")
main.write_text("\n".join(out) + "\n")
if "--keep" not in sys.argv:
    for f in fragments:
        f.unlink()
print(f"merged {len(fragments)} fragment(s); {len(merged)} mapping lines")
