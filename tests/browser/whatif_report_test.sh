#!/usr/bin/env bash
# The what-if HTML report, opened in headless Chromium and printed to PDF:
# the transition matrix and the number of changed applicants on the page must
# be those of the JSON report. Needs chromium and pdftotext
# (scripts/install-deps.sh --test).
# Usage: whatif_report_test.sh KIJUN GENERATOR   (run from the repository root)
set -uo pipefail
kijun=${1:?usage: whatif_report_test.sh KIJUN GENERATOR}
gen=${2:?usage: whatif_report_test.sh KIJUN GENERATOR}
browser=$(command -v chromium || command -v chromium-browser || true)
if [[ -z "$browser" || -z "$(command -v pdftotext)" ]]; then
  echo "whatif_report_test: chromium and pdftotext are needed (scripts/install-deps.sh --test installs them)" >&2
  exit 1
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0 failed=0
expect() {  # name text regex
  if grep -Eq -- "$3" <<<"$2"; then passed=$((passed + 1)); else
    failed=$((failed + 1)); echo "FAILED: $1: no line matching /$3/ in the printed report" >&2; fi
}

"$gen" --count 2000 --seed 5 --years 2015-2024 >"$tmp/cohort.jsonl"
draft=rulesets/jsprs/drafts/veteran_50.kijun
"$kijun" whatif rulesets/jsprs "$draft" "$tmp/cohort.jsonl" --format html >"$tmp/report.html" 2>"$tmp/err" || {
  echo "FAILED: kijun whatif --format html" >&2; cat "$tmp/err" >&2; exit 1; }
"$kijun" whatif rulesets/jsprs "$draft" "$tmp/cohort.jsonl" --format json >"$tmp/report.json"
if grep -Eq '<script|https?://' "$tmp/report.html"; then
  failed=$((failed + 1)); echo "FAILED: the report must be self-contained (no scripts, no links)" >&2
fi
timeout 120 "$browser" --headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking \
  --disable-component-update --disable-sync --disable-quic --user-data-dir="$tmp/profile" \
  --print-to-pdf="$tmp/report.pdf" --no-pdf-header-footer "file://$tmp/report.html" >"$tmp/chromium.log" 2>&1
[[ -s "$tmp/report.pdf" ]] || { echo "FAILED: chromium could not print the report" >&2; cat "$tmp/chromium.log" >&2; exit 1; }
pdftotext -layout "$tmp/report.pdf" "$tmp/report.txt"
text=$(cat "$tmp/report.txt")

changed=$(sed -E 's/.*"outcome_changed":([0-9]+).*/\1/' "$tmp/report.json")
applicants=$(sed -E 's/.*"applicants":([0-9]+),"bad".*/\1/' "$tmp/report.json")
expect "summary" "$text" "^ *$applicants applicants evaluated under both rulesets; $changed change outcome"
# Each row of the matrix: the outcome, then its counts in the JSON's order.
outcomes=$(sed -E 's/.*"outcomes":\[([^]]*)\].*/\1/; s/"//g; s/,/ /g' "$tmp/report.json")
for base in $outcomes; do
  row="^ *$base"
  for draft in $outcomes; do
    n=$(grep -oE "\{\"base\":\"$base\",\"draft\":\"$draft\",\"applicants\":[0-9]+\}" "$tmp/report.json" |
        sed -E 's/.*:([0-9]+)\}/\1/')
    row="$row +${n:-0}"
  done
  expect "matrix row $base" "$text" "$row( |$)"
done
echo "whatif_report_test: $passed passed, $failed failed"
[[ $failed -eq 0 ]]
