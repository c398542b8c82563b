#!/usr/bin/env bash
# The unit summary sheet (kijun sheet) printed by headless Chromium to PDF,
# and the figures read back from the PDF: what a secretariat prints is what
# the verdict says. Needs chromium and pdftotext (scripts/install-deps.sh --test).
# Usage: sheet_test.sh path/to/kijun   (run from the repository root)
set -uo pipefail
kijun=${1:?usage: sheet_test.sh KIJUN}
shared=${KIJUN_SHARED:-$(cd "$(dirname "$0")/../../.." && pwd)/shared}
browser=$(command -v chromium || command -v chromium-browser || true)
if [[ -z "$browser" || -z "$(command -v pdftotext)" ]]; then
  echo "sheet_test: chromium and pdftotext are needed (scripts/install-deps.sh --test installs them)" >&2
  exit 1
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0 failed=0

print_pdf() {  # html pdf
  timeout 120 "$browser" --headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking \
    --disable-component-update --disable-sync --disable-quic --user-data-dir="$tmp/profile" \
    --print-to-pdf="$2" --no-pdf-header-footer "file://$1" >"$tmp/chromium.log" 2>&1
}

expect() {  # name text regex
  if grep -Eq -- "$3" <<<"$2"; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    echo "FAILED: $1: no line matching /$3/ in the printed sheet" >&2
  fi
}

check_sheet() {  # example lang: the figures of its verdict must be on the page
  local example=$1 lang=$2
  "$kijun" sheet rulesets/jsprs "$shared/contract/examples/$example.json" --lang "$lang" >"$tmp/$example.html" || {
    failed=$((failed + 1)); echo "FAILED: kijun sheet $example" >&2; return; }
  if ! print_pdf "$tmp/$example.html" "$tmp/$example.pdf" || [[ ! -s "$tmp/$example.pdf" ]]; then
    failed=$((failed + 1)); echo "FAILED: chromium could not print $example" >&2; cat "$tmp/chromium.log" >&2; return
  fi
  pdftotext -layout "$tmp/$example.pdf" "$tmp/$example.txt"
  local text; text=$(cat "$tmp/$example.txt")
  local verdict; verdict=$("$kijun" eval rulesets/jsprs "$shared/contract/examples/$example.json" --format json)
  # Every category's earned and counted units, in its row; the totals; the outcome.
  local total earned_total required
  total=$(sed -E 's/.*"total":([0-9]+),"categories".*/\1/' <<<"$verdict")
  earned_total=$(sed -E 's/.*"earned_total":([0-9]+).*/\1/' <<<"$verdict")
  required=$(sed -E 's/.*"required_total":([0-9]+).*/\1/' <<<"$verdict")
  for c in clinical common domain academic; do
    local e k
    e=$(sed -E "s/.*\"$c\":\\{\"earned\":([0-9]+),\"counted\":([0-9]+).*/\\1/" <<<"$verdict")
    k=$(sed -E "s/.*\"$c\":\\{\"earned\":([0-9]+),\"counted\":([0-9]+).*/\\2/" <<<"$verdict")
    local label
    case $c in
      clinical) label='i\) ' ;; common) label='ii\) ' ;; domain) label='iii\) ' ;; academic) label='iv\) ' ;;
    esac
    expect "$example $lang $c" "$text" "^ *$label.* $e +$k( |$)"
  done
  if [[ $lang == ja ]]; then
    expect "$example total" "$text" "^ *合計 +$earned_total +$total +$required( |$)"
  else
    expect "$example total" "$text" "^ *Total +$earned_total +$total +$required( |$)"
  fi
  local outcome; outcome=$(sed -E 's/.*"outcome":"([a-z_]+)".*/\1/' <<<"$verdict")
  expect "$example outcome" "$text" "— $outcome\$"
}

check_sheet board-2021 ja
check_sheet society-2018 ja
check_sheet not-eligible-2022-mandatory en
echo "sheet_test: $passed passed, $failed failed"
[[ $failed -eq 0 ]]
