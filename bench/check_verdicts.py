#!/usr/bin/env python3
"""Compare `kijun eval --format json` verdicts with kijun_gen_cohort --expect.

    python3 bench/check_verdicts.py EXPECTED.jsonl VERDICTS.jsonl [--show N]

EXPECTED comes from the generator's own reference implementation of
../shared/contract/jsprs-interpretation.md (bench/gen_cohort/reference.cpp).
Compared per applicant (matched by id): outcome, path, total, required_total,
earned_total, categories.*.earned/counted, cases_counted, mandatory_topics.
Prints a summary (outcome counts, mismatches by member) and exits 1 on any mismatch.
"""
import collections
import json
import sys


def flatten(v):
    out = {}
    for k in ("outcome", "path", "total", "required_total", "earned_total", "cases_counted"):
        out[k] = v.get(k)
    for c, x in (v.get("categories") or {}).items():
        out[f"categories.{c}.earned"] = x.get("earned")
        out[f"categories.{c}.counted"] = x.get("counted")
    out["mandatory_topics"] = sorted(v.get("mandatory_topics") or [])
    return out


def main(argv):
    if len(argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    show = int(argv[argv.index("--show") + 1]) if "--show" in argv else 5
    expected = {}
    with open(argv[1], encoding="utf-8") as f:
        for line in f:
            v = json.loads(line)
            expected[v["id"]] = flatten(v)
    outcomes = collections.Counter()
    by_member = collections.Counter()
    examples = []
    seen = 0
    with open(argv[2], encoding="utf-8") as f:
        for line in f:
            v = json.loads(line)
            seen += 1
            got = flatten(v)
            outcomes[got["outcome"]] += 1
            exp = expected.pop(v["id"], None)
            if exp is None:
                by_member["<unexpected id>"] += 1
                continue
            diff = {k: (exp[k], got.get(k)) for k in exp if exp[k] != got.get(k)}
            for k in diff:
                by_member[k] += 1
            if diff and len(examples) < show:
                examples.append((v["id"], diff))
    missing = len(expected)
    print(f"verdicts: {seen}; outcomes: " + ", ".join(f"{k} {n}" for k, n in sorted(outcomes.items())))
    if missing:
        print(f"MISSING: {missing} expected applicants have no verdict")
    if by_member:
        print("MISMATCHES (member: count): " + ", ".join(f"{k} {n}" for k, n in by_member.most_common()))
        for id_, diff in examples:
            print(f"  {id_}: " + "; ".join(f"{k} expected {e!r} got {g!r}" for k, (e, g) in diff.items()))
    else:
        print("all verdicts agree with the reference")
    return 1 if (by_member or missing) else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
