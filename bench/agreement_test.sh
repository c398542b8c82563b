#!/usr/bin/env bash
# The agreement test (ctest `bench_agreement`, untimed): kijun and the hand-written
# evaluator (bench/handwritten/) must give the same verdict to every applicant of
#   - a generated cohort of 3,000 full-standard applicants (renewal years 2020-2024),
#   - bench/edge_cases.jsonl: 16 hand-made applicants at the rules' edges (school-doctor
#     anniversaries, fiscal years, hosts and approval, caps, window ends, null fields,
#     members in reverse order), whose verdicts, checked by hand against the seed, are
#     bench/edge_cases.expected.jsonl,
#   - the contract's examples of renewal years 2020 onward (whose expected verdicts
#     must also match, rule names only: their messages are English),
# and the hand-written evaluator must refuse a transition-year applicant clearly.
#
#   bench/agreement_test.sh KIJUN GEN_COHORT HANDWRITTEN AGREE [COUNT]
set -euo pipefail
if [[ $# -lt 4 || $# -gt 5 ]]; then
  echo "usage: $0 KIJUN GEN_COHORT HANDWRITTEN AGREE [COUNT]" >&2
  exit 2
fi
kijun=$1 gen=$2 handwritten=$3 agree=$4 count=${5:-3000}
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
examples=$root/../shared/contract/examples
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "agreement_test: $*" >&2; exit 1; }

# 1. A generated cohort: both exit 0 with nothing on stderr, and every verdict agrees.
"$gen" --count "$count" --seed 20260 --years 2020-2024 >"$tmp/cohort.jsonl"
"$kijun" eval "$root/rulesets/jsprs" "$tmp/cohort.jsonl" --format json >"$tmp/kijun.jsonl" 2>"$tmp/err" ||
  fail "kijun eval exited $?: $(head -c 1000 "$tmp/err")"
[[ ! -s $tmp/err ]] || fail "kijun eval wrote diagnostics: $(head -c 1000 "$tmp/err")"
"$handwritten" "$tmp/cohort.jsonl" >"$tmp/handwritten.jsonl" 2>"$tmp/err" ||
  fail "kijun_handwritten exited $?: $(head -c 1000 "$tmp/err")"
[[ ! -s $tmp/err ]] || fail "kijun_handwritten wrote diagnostics: $(head -c 1000 "$tmp/err")"
"$agree" "$tmp/kijun.jsonl" "$tmp/handwritten.jsonl" || fail "the verdicts of the generated cohort differ"
# Both outcomes occur, so the agreement is not on one trivial verdict.
for outcome in board not_eligible; do
  grep -q "\"outcome\":\"$outcome\"" "$tmp/handwritten.jsonl" || fail "no $outcome verdict in the cohort"
done

# 2. The edge cases: both agree with the verdicts checked by hand.
"$kijun" eval "$root/rulesets/jsprs" "$root/bench/edge_cases.jsonl" --format json >"$tmp/edges.kijun.jsonl" ||
  fail "kijun eval bench/edge_cases.jsonl exited $?"
"$handwritten" "$root/bench/edge_cases.jsonl" >"$tmp/edges.handwritten.jsonl" ||
  fail "kijun_handwritten bench/edge_cases.jsonl exited $?"
"$agree" "$root/bench/edge_cases.expected.jsonl" "$tmp/edges.kijun.jsonl" || fail "kijun differs on the edge cases"
"$agree" "$root/bench/edge_cases.expected.jsonl" "$tmp/edges.handwritten.jsonl" ||
  fail "the hand-written evaluator differs on the edge cases"

# 3. The contract's examples of 2020 onward.
n=0
for facts in "$examples"/*.json; do
  [[ $facts == *.verdict.json ]] && continue
  year=$(grep -o '"renewal_year"[^,}]*' "$facts" | grep -o '[0-9]\+')
  ((year >= 2020)) || continue
  name=$(basename "$facts" .json)
  "$kijun" eval "$root/rulesets/jsprs" "$facts" --format json >"$tmp/$name.kijun.json" || fail "kijun eval $name"
  "$handwritten" "$facts" >"$tmp/$name.handwritten.json" || fail "kijun_handwritten $name"
  "$agree" "$tmp/$name.kijun.json" "$tmp/$name.handwritten.json" || fail "$name: kijun and the hand-written evaluator differ"
  "$agree" --no-messages "${facts%.json}.verdict.json" "$tmp/$name.handwritten.json" ||
    fail "$name: the hand-written verdict differs from the contract's"
  n=$((n + 1))
done
((n >= 2)) || fail "expected at least two contract examples of 2020 onward, found $n"

# 4. The comparison can fail: one changed total is one difference, exit 1.
sed '7s/"total":[0-9]*/"total":999/' "$tmp/handwritten.jsonl" >"$tmp/changed.jsonl"
rc=0
"$agree" "$tmp/kijun.jsonl" "$tmp/changed.jsonl" >"$tmp/out" || rc=$?
[[ $rc == 1 ]] && grep -q "1 differ" "$tmp/out" && grep -q "total: .* vs 999" "$tmp/out" ||
  fail "a changed total was not reported (exit $rc): $(cat "$tmp/out")"

# 5. A transition-year applicant is refused with a message naming the reason, exit 3.
for facts in "$examples"/*.json; do
  [[ $facts == *.verdict.json ]] && continue
  grep -q '"renewal_year": *201' "$facts" || continue
  rc=0
  "$handwritten" "$facts" >"$tmp/out" 2>"$tmp/err" || rc=$?
  [[ $rc == 3 && ! -s $tmp/out ]] && grep -q "full standard only" "$tmp/err" ||
    fail "$(basename "$facts"): expected a refusal (exit 3), got exit $rc: $(cat "$tmp/err")"
done
echo "agreement_test: $count generated applicants, the edge cases and $n contract examples agree"
