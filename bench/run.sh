#!/usr/bin/env bash
# bench/run.sh — reproducible throughput and memory benchmark of `kijun eval`.
#
# Builds the Release benchmark build (build-bench/), generates synthetic cohorts with
# kijun_gen_cohort, runs
#     kijun eval rulesets/jsprs COHORT.jsonl --format json > /dev/null
# BENCH_RUNS times per cohort size under GNU time (/usr/bin/time -f "%e %U %S %M": wall,
# user and system CPU seconds, peak resident set size in KiB — the kernel's getrusage
# ru_maxrss), and `kijun check rulesets/jsprs` BENCH_CHECK_RUNS times. Prints a Markdown
# table and writes it to bench/results.md. Not part of CI or ctest.
#
# Environment (all optional):
#   BENCH_SIZES        cohort sizes, default "10000 100000"
#   BENCH_BIG=1        also 1000000 applicants (a ~12 GB cohort file, ~1 min per run)
#   BENCH_RUNS         timed runs per size, default 5 (the median is reported)
#   BENCH_CHECK_RUNS   runs of `kijun check`, default 50
#   BENCH_SEED         generator seed, default 1
#   BENCH_YEARS        renewal years, default 2020-2024 (e.g. 2015-2024 adds transition years)
#   BENCH_BUILD        build directory, default build-bench
#   BENCH_DATA         where cohorts are written, default $BENCH_BUILD/cohorts
#   BENCH_KEEP=1       keep the cohort files (default: delete each after its runs)
#   BENCH_VERIFY=0     skip the verdict cross-check (default: the smallest cohort's verdicts
#                      are compared with the generator's reference, needs python3)
#   BENCH_OUT          results file, default bench/results.md
#   BENCH_NO_BUILD=1   use the existing build as it is
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

sizes=${BENCH_SIZES:-"10000 100000"}
[[ ${BENCH_BIG:-0} == 1 ]] && sizes="$sizes 1000000"
runs=${BENCH_RUNS:-5}
check_runs=${BENCH_CHECK_RUNS:-50}
seed=${BENCH_SEED:-1}
years=${BENCH_YEARS:-2020-2024}
build=${BENCH_BUILD:-build-bench}
data=${BENCH_DATA:-$build/cohorts}
out=${BENCH_OUT:-bench/results.md}
ruleset=rulesets/jsprs

say() { printf '==== %s\n' "$*" >&2; }
die() { printf 'bench/run.sh: %s\n' "$*" >&2; exit 1; }

# ------------------------------------------------------------------ GNU time
timer=/usr/bin/time
if ! "$timer" -f "%M" true >/dev/null 2>&1; then
  say "installing GNU time (the 'time' package)"
  if [[ $(id -u) == 0 ]]; then
    apt-get install -y -qq time >/dev/null || { apt-get update -qq && apt-get install -y -qq time >/dev/null; }
  else
    sudo apt-get install -y -qq time >/dev/null
  fi
  "$timer" -f "%M" true >/dev/null 2>&1 || die "GNU time is needed at /usr/bin/time"
fi

# ------------------------------------------------------------------ build
if [[ ${BENCH_NO_BUILD:-0} != 1 ]]; then
  say "build: $build (Release, no tests)"
  generator=()
  if [[ ! -f $build/CMakeCache.txt ]] && command -v ninja >/dev/null; then generator=(-G Ninja); fi
  # KIJUN_WERROR=OFF: warnings are CI's business; GCC 12 at -O3 reports -Wrestrict false
  # positives (GCC bug 105651) in std::string code that -O2 builds do not see.
  cmake -S . -B "$build" "${generator[@]}" -DCMAKE_BUILD_TYPE=Release -DKIJUN_TESTS=OFF \
    -DKIJUN_BENCH=ON -DKIJUN_WERROR=OFF >/dev/null
  cmake --build "$build" -j"$(nproc)" --target kijun kijun_gen_cohort >/dev/null
fi
kijun=$root/$build/kijun
gen=$root/$build/kijun_gen_cohort
[[ -x $kijun && -x $gen ]] || die "no $kijun or $gen"
mkdir -p "$data"

# ------------------------------------------------------------------ helpers
median() { sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
max() { sort -g | tail -n 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

load_start=$(cut -d' ' -f1-3 /proc/loadavg)
cpu_model=$(lscpu | sed -n 's/^Model name:[[:space:]]*//p' | head -n 1)
mem_total=$(free -h | awk '/^Mem:/ { print $2 }')
compiler=$(sed -n 's/^CMAKE_CXX_COMPILER:[A-Z]*=//p' "$build/CMakeCache.txt")
compiler_version=$("$compiler" --version | head -n 1)
build_type=$(sed -n 's/^CMAKE_BUILD_TYPE:[A-Z]*=//p' "$build/CMakeCache.txt")
commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
dirty=$(git status --porcelain --untracked-files=no 2>/dev/null | grep -q . && echo " (+ uncommitted changes)" || true)

rows=()
verified=""
first=1
for n in $sizes; do
  cohort=$data/cohort-$n-s$seed-$years.jsonl
  if [[ ! -s $cohort ]]; then
    need_kb=$((n * 13))
    free_kb=$(df -Pk "$data" | awk 'NR == 2 { print $4 }')
    ((free_kb > need_kb + 1048576)) || die "not enough disk for $n applicants in $data (~$((need_kb / 1024)) MiB)"
    say "generate $n applicants (seed $seed, years $years)"
    expect=()
    if ((first)) && [[ ${BENCH_VERIFY:-1} == 1 ]]; then expect=(--expect "$tmp/expected.jsonl"); fi
    "$gen" --count "$n" --seed "$seed" --years "$years" "${expect[@]}" >"$cohort"
  elif ((first)) && [[ ${BENCH_VERIFY:-1} == 1 ]]; then
    "$gen" --count "$n" --seed "$seed" --years "$years" --expect "$tmp/expected.jsonl" >/dev/null
  fi
  bytes=$(stat -c %s "$cohort")

  if ((first)) && [[ ${BENCH_VERIFY:-1} == 1 ]]; then
    say "verify: every line is valid facts and every verdict agrees with the generator's reference"
    rc=0
    "$kijun" eval "$ruleset" "$cohort" --format json >"$tmp/verdicts.jsonl" 2>"$tmp/stderr" || rc=$?
    [[ $rc == 0 && ! -s $tmp/stderr ]] || { head -c 2000 "$tmp/stderr" >&2; die "eval exited $rc with diagnostics on $cohort"; }
    if command -v python3 >/dev/null; then
      python3 bench/check_verdicts.py "$tmp/expected.jsonl" "$tmp/verdicts.jsonl" >&2 || die "verdicts differ from the reference"
      verified="The $n-applicant cohort was checked first: exit 0, no diagnostics, and every verdict equal to the generator's reference (\`bench/check_verdicts.py\`)."
    fi
    rm -f "$tmp/verdicts.jsonl"
  fi
  first=0

  say "eval $n applicants × $runs runs"
  : >"$tmp/times"
  for ((i = 1; i <= runs; i++)); do
    rc=0
    "$timer" -f "%e %U %S %M" -o "$tmp/t" "$kijun" eval "$ruleset" "$cohort" --format json >/dev/null 2>"$tmp/stderr" || rc=$?
    [[ $rc == 0 && ! -s $tmp/stderr ]] || { head -c 2000 "$tmp/stderr" >&2; die "eval exited $rc with diagnostics on $cohort"; }
    tail -n 1 "$tmp/t" >>"$tmp/times"
    printf '  run %d: %s\n' "$i" "$(tail -n 1 "$tmp/t")" >&2
  done
  wall=$(awk '{ print $1 }' "$tmp/times" | median)
  cpu=$(awk '{ print $2 + $3 }' "$tmp/times" | median)
  rss=$(awk '{ print $4 }' "$tmp/times" | max)
  rows+=("$(awk -v n="$n" -v b="$bytes" -v w="$wall" -v c="$cpu" -v r="$rss" -v k="$runs" 'BEGIN {
    printf "| %d | %.0f | %d | %.2f | %d | %.2f | %d | %.1f | %.1f |", n, b / 1048576, k, w, (w > 0 ? n / w : 0),
      c, (c > 0 ? n / c : 0), r / 1024, (w > 0 ? b / 1048576 / w : 0) }')")
  [[ ${BENCH_KEEP:-0} == 1 ]] || rm -f "$cohort"
done

say "check × $check_runs runs"
: >"$tmp/check"
for ((i = 1; i <= check_runs; i++)); do
  t0=$(date +%s%N)
  "$kijun" check "$ruleset" >/dev/null 2>&1 || die "kijun check $ruleset failed"
  t1=$(date +%s%N)
  echo $(((t1 - t0) / 1000)) >>"$tmp/check"
done
check_us=$(median <"$tmp/check")
check_min_us=$(sort -g "$tmp/check" | head -n 1)
"$timer" -f "%M" -o "$tmp/t" "$kijun" check "$ruleset" >/dev/null 2>&1
check_rss=$(tail -n 1 "$tmp/t")
load_end=$(cut -d' ' -f1-3 /proc/loadavg)

{
  echo "# kijun benchmark results"
  echo
  echo "Generated by \`bench/run.sh\` on $(date -u +%Y-%m-%dT%H:%MZ), commit $commit$dirty."
  echo
  echo "- machine: $(nproc) CPUs ($cpu_model), $mem_total RAM"
  echo "- compiler: $compiler_version; build type $build_type (\`$build\`, KIJUN_TESTS=OFF)"
  echo "- cohort: \`kijun_gen_cohort --count N --seed $seed --years $years\`"
  echo "- command: \`kijun eval $ruleset COHORT.jsonl --format json > /dev/null\`, $runs runs per size"
  echo "- load average (1/5/15 min) before: $load_start; after: $load_end"
  echo
  echo "| applicants | cohort MiB | runs | median wall s | applicants/s (wall) | median CPU s (user+sys) | applicants/s (CPU) | peak RSS MiB (max) | MiB/s (wall) |"
  echo "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
  printf '%s\n' "${rows[@]}"
  echo
  awk -v m="$check_us" -v lo="$check_min_us" -v r="$check_rss" -v k="$check_runs" 'BEGIN {
    printf "`kijun check %s`: median %.1f ms wall (fastest %.1f ms) over %d runs, peak RSS %.1f MiB.\n", "'"$ruleset"'", m / 1000, lo / 1000, k, r / 1024 }'
  echo
  echo "Peak RSS is ru_maxrss from GNU time (\`/usr/bin/time -f \"%e %U %S %M\"\`); wall and CPU are its %e and %U+%S."
  [[ -n $verified ]] && echo "$verified"
  true
} >"$out"
cat "$out"
