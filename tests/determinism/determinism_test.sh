#!/usr/bin/env bash
# The same inputs give byte-identical output: every command that prints
# verdicts (eval json/text/en, explain json/text, whatif text/json/csv/html,
# table, sheet) on a generated cohort, run twice and then under other
# locales, time zones and --jobs, must print exactly the same stdout and
# stderr and exit with the same code as the first run.
# Usage: determinism_test.sh KIJUN GENERATOR   (run from the repository root)
set -uo pipefail
kijun=${1:?usage: determinism_test.sh KIJUN GENERATOR}
gen=${2:?usage: determinism_test.sh KIJUN GENERATOR}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# 600 applicants over every year the standards cover, and a few that cannot
# be evaluated (so that stderr and exit code 3 are compared too).
"$gen" --count 600 --seed 11 --years 2015-2024 >"$tmp/cohort.jsonl" || { echo "FAILED: the generator" >&2; exit 1; }
printf '%s\n' '{"id": "BAD-1", "renewal_year": "2021"}' '{"id": "BAD-2",' '{"id": "大阪-3", "renewal_year": 2014, "prior_renewals": 0, "work_declaration": true}' >>"$tmp/cohort.jsonl"
head -1 "$tmp/cohort.jsonl" >"$tmp/one.json"
draft=rulesets/jsprs/drafts/veteran_50.kijun

# Every command: a name and its arguments after `kijun`. JOBS is replaced by
# the --jobs of the setting (commands that read a cohort).
commands=(
  "eval-json|eval rulesets/jsprs $tmp/cohort.jsonl --format json JOBS"
  "eval-text|eval rulesets/jsprs $tmp/cohort.jsonl --format text JOBS"
  "eval-en|eval rulesets/jsprs $tmp/cohort.jsonl --format json --lang en JOBS"
  "explain-json|explain rulesets/jsprs $tmp/cohort.jsonl --format json JOBS"
  "explain-text|explain rulesets/jsprs $tmp/cohort.jsonl --format text JOBS"
  "whatif-text|whatif rulesets/jsprs $draft $tmp/cohort.jsonl --format text JOBS"
  "whatif-json|whatif rulesets/jsprs $draft $tmp/cohort.jsonl --format json JOBS"
  "whatif-csv|whatif rulesets/jsprs $draft $tmp/cohort.jsonl --format csv JOBS"
  "whatif-html|whatif rulesets/jsprs $draft $tmp/cohort.jsonl --format html JOBS"
  "table-text|table rulesets/jsprs --format text"
  "table-json|table rulesets/jsprs --format json"
  "table-csv|table rulesets/jsprs --format csv"
  "sheet-html|sheet rulesets/jsprs $tmp/one.json --format html"
  "sheet-markdown|sheet rulesets/jsprs $tmp/one.json --format markdown"
)

# run SETTING JOBS ENV...: every command into $tmp/SETTING/NAME.{out,err,code}.
run() {
  local setting=$1 jobs=$2
  shift 2
  mkdir -p "$tmp/$setting"
  local entry name args
  for entry in "${commands[@]}"; do
    name=${entry%%|*}
    args=${entry#*|}
    args=${args/JOBS/--jobs $jobs}
    # shellcheck disable=SC2086  # the arguments are split on purpose
    env -i PATH="$PATH" "$@" "$kijun" $args >"$tmp/$setting/$name.out" 2>"$tmp/$setting/$name.err" </dev/null
    echo $? >"$tmp/$setting/$name.code"
  done
}

passed=0 failed=0
# compare SETTING: every file of the setting against the baseline's.
compare() {
  local setting=$1 f
  for f in "$tmp/baseline"/*; do
    if cmp -s "$f" "$tmp/$setting/$(basename "$f")"; then
      passed=$((passed + 1))
    else
      failed=$((failed + 1))
      echo "FAILED: $setting: $(basename "$f") differs from the baseline (LC_ALL=C.UTF-8 TZ=UTC --jobs 1):" >&2
      diff "$f" "$tmp/$setting/$(basename "$f")" | head -5 >&2
    fi
  done
}

run baseline 1 LC_ALL=C.UTF-8 TZ=UTC
# The baseline must be worth comparing: verdicts on stdout, the bad lines on stderr.
if [[ $(wc -l <"$tmp/baseline/eval-json.out") -ne 600 || $(cat "$tmp/baseline/eval-json.code") -ne 3 ]]; then
  echo "FAILED: the baseline: expected 600 verdicts and exit 3" >&2
  exit 1
fi
for f in "$tmp/baseline"/*.out; do
  [[ -s $f ]] || { echo "FAILED: the baseline: $(basename "$f") is empty" >&2; cat "${f%.out}.err" >&2; exit 1; }
done

run again 1 LC_ALL=C.UTF-8 TZ=UTC
compare again
run locale-C 1 LC_ALL=C TZ=UTC
compare locale-C
run lang-ja 1 LANG=ja_JP.UTF-8 LC_ALL= TZ=UTC
compare lang-ja
if locale -a 2>/dev/null | grep -qi '^ja_JP\.utf-\?8$'; then
  run locale-ja 1 LC_ALL=ja_JP.UTF-8 TZ=UTC
  compare locale-ja
else
  echo "determinism_test: locale ja_JP.UTF-8 is not installed here: LC_ALL=ja_JP.UTF-8 not run (LANG=ja_JP.UTF-8 was)"
fi
run tz-tokyo 1 LC_ALL=C.UTF-8 TZ=Asia/Tokyo
compare tz-tokyo
run tz-kiritimati 1 LC_ALL=C.UTF-8 TZ=Pacific/Kiritimati
compare tz-kiritimati
run jobs-2 2 LC_ALL=C.UTF-8 TZ=UTC
compare jobs-2
run jobs-3-tokyo 3 LC_ALL=C TZ=Asia/Tokyo
compare jobs-3-tokyo
run jobs-0 0 LC_ALL=C.UTF-8 TZ=Pacific/Kiritimati
compare jobs-0

echo "$passed identical, $failed different"
[[ $failed -eq 0 ]]
