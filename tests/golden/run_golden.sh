#!/usr/bin/env bash
# Golden-file tests: runs the kijun binary on every case under tests/golden
# and compares its stdout, stderr and exit code exactly with the expected
# files. The contract (layout, naming, defaults) is tests/golden/README.md.
#
#   tests/golden/run_golden.sh KIJUN [FILTER]
#
# KIJUN is the binary (e.g. build/kijun); FILTER, if given, runs only the
# cases whose name (e.g. check/unknown-unit) contains it.
# KIJUN_UPDATE_GOLDEN=1 rewrites the expected files from what the binary does
# now; review the result with `git diff tests/golden` before committing.
set -uo pipefail

if [[ $# -lt 1 || $# -gt 2 ]]; then
  echo "usage: $0 KIJUN [FILTER]" >&2
  exit 2
fi
kijun=$1
filter=${2:-}
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
# The binary may be given relative to where we were started.
case $kijun in
  /*) ;;
  *) kijun=$(pwd)/$kijun ;;
esac
if [[ ! -x $kijun ]]; then
  echo "run_golden: '$kijun' is not an executable" >&2
  exit 2
fi
cd "$root" || exit 2

# Deterministic output whatever the caller's environment.
export LC_ALL=C.UTF-8 TZ=UTC
unset LANG LANGUAGE
update=${KIJUN_UPDATE_GOLDEN:-0}
golden=tests/golden
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Every case, as its stem (path without extension): each .args file, and
# each input file that the suite's default arguments can run.
list_cases() {
  {
    find "$golden" -name '*.args' -type f
    find "$golden/check" -maxdepth 1 -name '*.kijun' -type f
    find "$golden/facts" -maxdepth 1 \( -name '*.json' -o -name '*.jsonl' \) -type f
    find "$golden/eval" -mindepth 2 -maxdepth 2 \( -name '*.json' -o -name '*.jsonl' \) -type f
  } 2>/dev/null | sed -E 's/\.(args|kijun|jsonl|json)$//' | LC_ALL=C sort -u
}

# The input file of a case (NAME.json, NAME.jsonl or NAME.kijun), or "".
input_of() {
  local stem=$1 ext
  for ext in kijun json jsonl; do
    if [[ -f $stem.$ext ]]; then
      echo "$stem.$ext"
      return
    fi
  done
}

# Fills the array `args` with the command line of a case (after `kijun`).
args_of() {
  local stem=$1 suite=$2 input line
  args=()
  if [[ -f $stem.args ]]; then
    while IFS= read -r line || [[ -n $line ]]; do
      line=${line%$'\r'}
      [[ -z $line || $line == \#* ]] && continue
      args+=("$line")
    done <"$stem.args"
    return 0
  fi
  input=$(input_of "$stem")
  [[ -n $input ]] || return 1
  case $suite in
    check) args=(check "$input") ;;
    facts) args=(eval rulesets/jsprs "$input" --format json) ;;
    eval) args=(eval "$(dirname "$stem")" "$input" --format json) ;;
    *) return 1 ;;
  esac
}

# The exit code a case expects when it has no NAME.code file.
default_code() {
  case $1 in
    check) echo 1 ;;
    facts) echo 3 ;;
    *) echo 0 ;;
  esac
}

# Writes (or removes, when empty) an expected file.
store() {
  local actual=$1 expected=$2
  if [[ -s $actual ]]; then
    cp "$actual" "$expected"
  else
    rm -f "$expected"
  fi
}

passed=0
failed=0
failures=()
while IFS= read -r stem; do
  [[ -n $stem ]] || continue
  name=${stem#"$golden"/}
  [[ -z $filter || $name == *"$filter"* ]] || continue
  suite=${name%%/*}
  if ! args_of "$stem" "$suite"; then
    echo "FAIL $name: no input file and no $name.args" >&2
    failed=$((failed + 1))
    failures+=("$name")
    continue
  fi
  want_code=$(default_code "$suite")
  if [[ -f $stem.code ]]; then
    want_code=$(tr -d ' \t\r\n' <"$stem.code")
  fi

  timeout 60 "$kijun" "${args[@]}" >"$tmp/out" 2>"$tmp/err" </dev/null
  code=$?

  if [[ $update == 1 ]]; then
    store "$tmp/out" "$stem.out"
    store "$tmp/err" "$stem.err"
    if [[ $code == "$(default_code "$suite")" ]]; then
      rm -f "$stem.code"
    else
      echo "$code" >"$stem.code"
    fi
    want_code=$code
  fi

  ok=true
  report=""
  for stream in out err; do
    expected=$stem.$stream
    [[ -f $expected ]] || expected=/dev/null
    if ! diff -u --label "expected $name.$stream" --label "actual $stream" "$expected" "$tmp/$stream" \
      >"$tmp/diff" 2>&1; then
      ok=false
      report+=$(cat "$tmp/diff")$'\n'
    fi
  done
  if [[ $code != "$want_code" ]]; then
    ok=false
    report+="exit code: expected $want_code, got $code"$'\n'
  fi

  if $ok; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
    failures+=("$name")
    {
      echo "FAIL $name"
      echo "  command: kijun ${args[*]}"
      printf '%s' "$report" | sed 's/^/  /'
    } >&2
  fi
done < <(list_cases)

if [[ $((passed + failed)) -eq 0 ]]; then
  # shellcheck disable=SC2016  # $filter does expand: the quotes are inside "…"
  echo "run_golden: no cases found${filter:+ matching '$filter'}" >&2
  echo "0 passed, 0 failed"
  exit 1
fi
if [[ $failed -gt 0 ]]; then
  echo "failed cases:" >&2
  printf '  %s\n' "${failures[@]}" >&2
fi
echo "$passed passed, $failed failed"
[[ $failed -eq 0 ]]
