#!/usr/bin/env bash
# I/O faults: an unreadable file, a directory where a file is expected, a
# missing file, a full disk (stdout on /dev/full; a file rewritten under a
# file-size limit) and a closed pipe. Each must give its message and exit
# code 4 (docs/hardening.md, "I/O faults"), never a crash, and a file kijun
# rewrites must survive a failed write intact, with no temporary left.
# Usage: io_faults_test.sh KIJUN GENERATOR   (run from the repository root)
set -uo pipefail
kijun=${1:?usage: io_faults_test.sh KIJUN GENERATOR}
gen=${2:?usage: io_faults_test.sh KIJUN GENERATOR}
tmp=$(mktemp -d)
trap 'chmod -R u+rwx "$tmp" 2>/dev/null; rm -rf "$tmp"' EXIT
export LC_ALL=C.UTF-8 TZ=UTC

passed=0 failed=0
# expect NAME CODE STDERR-REGEX -- COMMAND...: runs it with stdout to $out
# (default /dev/null) and checks the exit code and stderr.
out=/dev/null
expect() {
  local name=$1 code=$2 regex=$3
  shift 4
  "$@" >"$out" 2>"$tmp/err" </dev/null
  local got=$?
  if [[ $got -eq $code ]] && grep -Eq -- "$regex" "$tmp/err" && ! grep -q "terminate called" "$tmp/err"; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    echo "FAILED: $name: expected exit $code and stderr matching /$regex/, got exit $got:" >&2
    sed 's/^/  /' "$tmp/err" >&2
  fi
}

facts=../shared/contract/examples/board-2021.json
[[ -f $facts ]] || facts=tests/golden/eval/jsprs/board-2021.json
"$gen" --count 3000 --seed 3 --years 2015-2024 >"$tmp/cohort.jsonl"
draft=rulesets/jsprs/drafts/veteran_50.kijun

# --- unreadable: a read that fails with EIO. /proc/self/mem is readable by
# open() as root and as anyone, but reading it at offset 0 fails: a symlink
# gives it the name a command wants.
ln -s /proc/self/mem "$tmp/eio.kijun"
ln -s /proc/self/mem "$tmp/eio.json"
ln -s /proc/self/mem "$tmp/eio.jsonl"
expect "unreadable ruleset" 4 "error: cannot read '$tmp/eio.kijun': Input/output error" -- "$kijun" check "$tmp/eio.kijun"
expect "unreadable applicant" 4 "^error: cannot read '$tmp/eio.json': Input/output error$" -- "$kijun" eval rulesets/jsprs "$tmp/eio.json"
expect "unreadable cohort" 4 "^error: cannot read '$tmp/eio.jsonl' after line 0: Input/output error$" -- "$kijun" eval rulesets/jsprs "$tmp/eio.jsonl"
expect "unreadable what-if cohort" 4 "cannot read '$tmp/eio.jsonl' after line 0: Input/output error" -- "$kijun" whatif rulesets/jsprs "$draft" "$tmp/eio.jsonl"
expect "unreadable file to format" 4 "cannot read '$tmp/eio.kijun': Input/output error" -- "$kijun" fmt --check "$tmp/eio.kijun"
# Permissions stop a normal user only: root reads a chmod 000 file.
cp "$facts" "$tmp/locked.json" && chmod 000 "$tmp/locked.json"
if [[ $(id -u) -ne 0 ]]; then
  expect "no permission" 4 "^error: cannot open '$tmp/locked.json': Permission denied$" -- "$kijun" eval rulesets/jsprs "$tmp/locked.json"
else
  echo "io_faults_test: running as root, who may read a chmod 000 file: the permission case is not run (the EIO cases are)"
fi

# --- a directory where a file is expected
mkdir -p "$tmp/dir.json" "$tmp/dir.jsonl" "$tmp/empty"
expect "directory as applicant" 4 "^error: '$tmp/dir.json' is a directory, not a file$" -- "$kijun" eval rulesets/jsprs "$tmp/dir.json"
expect "directory as cohort" 4 "^error: cannot open '$tmp/dir.jsonl': Is a directory$" -- "$kijun" eval rulesets/jsprs "$tmp/dir.jsonl"
expect "directory as ruleset" 4 "no ruleset \(\*\.kijun\) in this directory" -- "$kijun" check "$tmp/empty"

# --- a missing file
expect "missing ruleset" 4 "cannot open '$tmp/none.kijun': No such file or directory" -- "$kijun" check "$tmp/none.kijun"
expect "missing cohort" 4 "^error: cannot open '$tmp/none.jsonl': No such file or directory$" -- "$kijun" eval rulesets/jsprs "$tmp/none.jsonl"

# --- a full disk on standard output
out=/dev/full
expect "full disk: check" 4 "^error: cannot write the summary: No space left on device$" -- "$kijun" check rulesets/jsprs
expect "full disk: eval" 4 "^error: cannot write the verdicts: No space left on device$" -- "$kijun" eval rulesets/jsprs "$facts" --format json
expect "full disk: eval cohort" 4 "^error: cannot write the verdicts: No space left on device$" -- "$kijun" eval rulesets/jsprs "$tmp/cohort.jsonl" --jobs 2
expect "full disk: explain" 4 "^error: cannot write the verdicts: No space left on device$" -- "$kijun" explain rulesets/jsprs "$tmp/cohort.jsonl"
expect "full disk: sheet" 4 "^error: cannot write the verdicts: No space left on device$" -- "$kijun" sheet rulesets/jsprs "$facts"
expect "full disk: table" 4 "^error: cannot write the tables: No space left on device$" -- "$kijun" table rulesets/jsprs
expect "full disk: whatif" 4 "^error: cannot write the report: No space left on device$" -- "$kijun" whatif rulesets/jsprs "$draft" "$tmp/cohort.jsonl"
expect "full disk: whatif csv" 4 "^error: cannot write the report: No space left on device$" -- "$kijun" whatif rulesets/jsprs "$draft" "$tmp/cohort.jsonl" --format csv
expect "full disk: diff" 4 "^error: cannot write the differences: No space left on device$" -- "$kijun" diff rulesets/jsprs "$draft"
expect "full disk: fmt --stdout" 4 "^error: cannot write the formatted text: No space left on device$" -- "$kijun" fmt --stdout rulesets/jsprs/jsprs.kijun
expect "full disk: test" 4 "^error: cannot write the test report: No space left on device$" -- "$kijun" test rulesets/jsprs
out=/dev/null

# --- a closed pipe: quiet, exit 4, whatever --jobs
for jobs in 1 2; do
  "$kijun" eval rulesets/jsprs "$tmp/cohort.jsonl" --format json --jobs $jobs 2>"$tmp/err" | head -1 >/dev/null
  code=${PIPESTATUS[0]}
  if [[ $code -eq 4 && ! -s $tmp/err ]]; then passed=$((passed + 1)); else
    failed=$((failed + 1)); echo "FAILED: closed pipe (--jobs $jobs): expected exit 4 and no message, got $code:" >&2; cat "$tmp/err" >&2; fi
done

# --- a full disk while kijun rewrites a file: the file-size limit makes
# every write past 1 KiB fail (EFBIG, SIGXFSZ ignored). The original must
# survive intact and no temporary file may be left beside it.
mkdir -p "$tmp/fmt"
sed 's/^let \([a-z_]*\) = /let \1   =   /' rulesets/jsprs/jsprs.kijun >"$tmp/fmt/messy.kijun"
cp "$tmp/fmt/messy.kijun" "$tmp/fmt.orig"
(
  trap '' XFSZ
  ulimit -f 1
  exec "$kijun" fmt "$tmp/fmt/messy.kijun"
) >/dev/null 2>"$tmp/err"
code=$?
if [[ $code -eq 4 ]] && grep -q "cannot rewrite '$tmp/fmt/messy.kijun': .*file left unchanged" "$tmp/err" &&
  cmp -s "$tmp/fmt/messy.kijun" "$tmp/fmt.orig" && [[ $(ls -A "$tmp/fmt") == messy.kijun ]]; then
  passed=$((passed + 1))
else
  failed=$((failed + 1)); echo "FAILED: fmt under a full disk: exit $code, files: $(ls -A "$tmp/fmt" | tr '\n' ' ')" >&2; cat "$tmp/err" >&2
fi
# The same for a verdict snapshot of kijun test: the recorded file survives.
mkdir -p "$tmp/snap"
head -200 "$tmp/cohort.jsonl" >"$tmp/snap/cohort.jsonl"
"$kijun" test rulesets/jsprs --snapshot "$tmp/snap/cohort.jsonl" >/dev/null 2>&1
cp "$tmp/snap/cohort.verdicts.jsonl" "$tmp/snap.orig" 2>/dev/null
"$gen" --count 200 --seed 4 --years 2015-2024 >"$tmp/snap/cohort.jsonl"
(
  trap '' XFSZ
  ulimit -f 1
  exec "$kijun" test rulesets/jsprs --snapshot "$tmp/snap/cohort.jsonl" --accept
) >/dev/null 2>"$tmp/err"
code=$?
if [[ -s $tmp/snap.orig && $code -eq 4 ]] && cmp -s "$tmp/snap/cohort.verdicts.jsonl" "$tmp/snap.orig" &&
  [[ $(ls -A "$tmp/snap" | tr '\n' ' ') == "cohort.jsonl cohort.verdicts.jsonl " ]]; then
  passed=$((passed + 1))
else
  failed=$((failed + 1)); echo "FAILED: snapshot under a full disk: exit $code, files: $(ls -A "$tmp/snap" | tr '\n' ' ')" >&2; cat "$tmp/err" >&2
fi

echo "$passed passed, $failed failed"
[[ $failed -eq 0 ]]
