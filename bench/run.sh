#!/usr/bin/env bash
# bench/run.sh — issue 7's figures: `kijun eval` against the hand-written evaluator.
#
# Builds the Release benchmark build (build-bench/), generates a full-standard cohort
# (kijun_gen_cohort, renewal years 2020-2024), checks that kijun and the hand-written
# evaluator (bench/handwritten/) agree on every applicant, then runs, interleaved,
# BENCH_RUNS times each:
#   kijun eval rulesets/jsprs COHORT --format json [--jobs 1]        (single-threaded)
#   kijun_handwritten COHORT                                        (the speed limit)
#   kijun eval ... --jobs 2                                         (when --jobs exists)
#   kijun whatif rulesets/jsprs rulesets/jsprs/drafts/veteran_50.kijun COHORT --format json
# and on a smaller cohort `eval` against `eval --explain`, and `kijun check rulesets/jsprs`
# (read, parse, check and compile, process start-up included) BENCH_CHECK_RUNS times.
# Every run is measured by kijun_bench_measure (wait4: wall, user+sys CPU, peak RSS);
# medians and ratios (kijun ÷ hand-written) go to bench/results.md with the machine and
# its load. A benchmark, not a test: it fails when a program fails or the verdicts
# disagree, never on a timing.
#
# Environment (all optional):
#   BENCH_N            applicants in the timed cohort, default 100000
#   BENCH_RUNS         runs of each timed command, default 5 (medians are reported)
#   BENCH_EXPLAIN_N    applicants for eval vs eval --explain, default 10000
#   BENCH_CHECK_RUNS   runs of `kijun check`, default 50
#   BENCH_BIG=1        also peak memory on 1,000,000 applicants, streamed from the generator
#                      through a pipe (no 12 GB file), one run each of kijun and hand-written
#   BENCH_SEED         generator seed, default 1
#   BENCH_BUILD        build directory, default build-bench
#   BENCH_DATA         where the cohort is written, default $BENCH_BUILD/cohorts
#   BENCH_KEEP=1       keep the cohort file
#   BENCH_OUT          results file, default bench/results.md
#   BENCH_NO_BUILD=1   use the existing build as it is
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD

n=${BENCH_N:-100000}
runs=${BENCH_RUNS:-5}
explain_n=${BENCH_EXPLAIN_N:-10000}
check_runs=${BENCH_CHECK_RUNS:-50}
seed=${BENCH_SEED:-1}
years=2020-2024
build=${BENCH_BUILD:-build-bench}
data=${BENCH_DATA:-$build/cohorts}
out=${BENCH_OUT:-bench/results.md}
ruleset=rulesets/jsprs
draft=rulesets/jsprs/drafts/veteran_50.kijun

say() { printf '==== %s\n' "$*" >&2; }
die() { printf 'bench/run.sh: %s\n' "$*" >&2; exit 1; }

# ------------------------------------------------------------------ build
if [[ ${BENCH_NO_BUILD:-0} != 1 ]]; then
  say "build: $build (Release, no tests)"
  generator=()
  if [[ ! -f $build/CMakeCache.txt ]] && command -v ninja >/dev/null; then generator=(-G Ninja); fi
  # KIJUN_WERROR=OFF: warnings are CI's business; GCC 12 at -O3 reports -Wrestrict false
  # positives (GCC bug 105651) in std::string code that -O2 builds do not see.
  cmake -S . -B "$build" "${generator[@]}" -DCMAKE_BUILD_TYPE=Release -DKIJUN_TESTS=OFF \
    -DKIJUN_BENCH=ON -DKIJUN_WERROR=OFF >/dev/null
  cmake --build "$build" -j2 --target kijun kijun_bench_tools >/dev/null
fi
kijun=$root/$build/kijun
gen=$root/$build/kijun_gen_cohort
hand=$root/$build/kijun_handwritten
agree=$root/$build/kijun_bench_agree
measure=$root/$build/kijun_bench_measure
for b in "$kijun" "$gen" "$hand" "$agree" "$measure"; do [[ -x $b ]] || die "no $b"; done
mkdir -p "$data"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# --jobs exists once the parallel evaluator has landed; until then eval is single-threaded.
jobs1=() has_jobs=0 whatif_jobs1=()
if "$kijun" eval --help | grep -q -- '--jobs'; then jobs1=(--jobs 1) has_jobs=1; fi
if "$kijun" whatif --help | grep -q -- '--jobs'; then whatif_jobs1=(--jobs 1); fi

# ------------------------------------------------------------------ helpers
median() { sort -g | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
loads=()
sample_load() { loads+=("$(cut -d' ' -f1 /proc/loadavg)"); }

# run NAME CMD... : one measured run; stdout to /dev/null, stderr must stay empty, exit 0.
run() {
  local name=$1
  shift
  local rc=0
  "$measure" -o "$tmp/$name.times" -- "$@" >/dev/null 2>"$tmp/stderr" || rc=$?
  [[ $rc == 0 && ! -s $tmp/stderr ]] || { head -c 2000 "$tmp/stderr" >&2; die "$name exited $rc: $*"; }
  sample_load
  printf '  %-12s %s\n' "$name" "$(tail -n 1 "$tmp/$name.times")" >&2
}
# med NAME COLUMN : median of a column of NAME's runs (1 wall, 2+3 CPU, 4 peak RSS KiB).
med() {
  case $2 in
    cpu) awk '{ print $2 + $3 }' "$tmp/$1.times" | median ;;
    wall) awk '{ print $1 }' "$tmp/$1.times" | median ;;
    rss) awk '{ print $4 }' "$tmp/$1.times" | median ;;
  esac
}
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.2f", a / b; else print "–" }'; }
secs() { awk -v s="$1" 'BEGIN { if (s < 1) printf "%.1f ms", s * 1000; else printf "%.2f s", s }'; }
mib() { awk -v k="$1" 'BEGIN { printf "%.1f", k / 1024 }'; }

load_start=$(cut -d' ' -f1-3 /proc/loadavg)

# ------------------------------------------------------------------ the cohort
cohort=$data/cohort-$n-s$seed-$years.jsonl
if [[ ! -s $cohort ]]; then
  need_kb=$((n * 13))
  free_kb=$(df -Pk "$data" | awk 'NR == 2 { print $4 }')
  ((free_kb > need_kb + 1048576)) || die "not enough disk for $n applicants in $data (~$((need_kb / 1024)) MiB)"
  say "generate $n applicants (seed $seed, years $years)"
  "$gen" --count "$n" --seed "$seed" --years "$years" >"$cohort"
fi
bytes=$(stat -c %s "$cohort" 2>/dev/null || wc -c <"$cohort")

# ------------------------------------------------------------------ agreement
say "agreement: kijun eval and kijun_handwritten on every applicant"
"$kijun" eval "$ruleset" "$cohort" --format json "${jobs1[@]}" >"$tmp/kijun.jsonl" 2>"$tmp/stderr" ||
  { head -c 2000 "$tmp/stderr" >&2; die "kijun eval failed on $cohort"; }
[[ ! -s $tmp/stderr ]] || { head -c 2000 "$tmp/stderr" >&2; die "kijun eval wrote diagnostics"; }
"$hand" "$cohort" >"$tmp/hand.jsonl" || die "kijun_handwritten failed on $cohort"
"$agree" "$tmp/kijun.jsonl" "$tmp/hand.jsonl" >"$tmp/agree" || { cat "$tmp/agree" >&2; die "the verdicts differ"; }
agreement=$(tail -n 1 "$tmp/agree")
outcomes=$(grep -o '"outcome":"[a-z_]*"' "$tmp/hand.jsonl" | sort | uniq -c | awk '{ gsub(/"/, "", $2); sub(/^outcome:/, "", $2); printf "%s%s %s", (NR > 1 ? ", " : ""), $1, $2 }')
if ((has_jobs)); then
  "$kijun" eval "$ruleset" "$cohort" --format json --jobs 2 >"$tmp/kijun2.jsonl" 2>"$tmp/stderr" || die "eval --jobs 2 failed"
  cmp -s "$tmp/kijun.jsonl" "$tmp/kijun2.jsonl" || die "eval --jobs 2 does not print what --jobs 1 prints"
fi
rm -f "$tmp/kijun.jsonl" "$tmp/kijun2.jsonl" "$tmp/hand.jsonl"

# ------------------------------------------------------------------ timed runs, interleaved
say "timed: $n applicants, $runs rounds (the order rotates each round)"
commands=(eval hand)
((has_jobs)) && commands+=(eval_j2)
commands+=(whatif)
for ((i = 0; i < runs; i++)); do
  k=${#commands[@]}
  for ((j = 0; j < k; j++)); do
    c=${commands[$(((i + j) % k))]}
    case $c in
      eval) run eval "$kijun" eval "$ruleset" "$cohort" --format json "${jobs1[@]}" ;;
      hand) run hand "$hand" "$cohort" ;;
      eval_j2) run eval_j2 "$kijun" eval "$ruleset" "$cohort" --format json --jobs 2 ;;
      whatif) run whatif "$kijun" whatif "$ruleset" "$draft" "$cohort" --format json "${whatif_jobs1[@]}" ;;
    esac
  done
done

say "explanation: eval vs eval --explain, $explain_n applicants"
head -n "$explain_n" "$cohort" >"$tmp/small.jsonl"
for ((i = 0; i < runs; i++)); do
  run eval_small "$kijun" eval "$ruleset" "$tmp/small.jsonl" --format json "${jobs1[@]}"
  run explain "$kijun" eval "$ruleset" "$tmp/small.jsonl" --format json --explain "${jobs1[@]}"
done

say "check (+ compile) × $check_runs"
for ((i = 0; i < check_runs; i++)); do run check "$kijun" check "$ruleset"; done
check_min=$(awk '{ print $1 }' "$tmp/check.times" | sort -g | head -n 1)

big_rows=()
if [[ ${BENCH_BIG:-0} == 1 ]]; then
  say "peak memory: 1,000,000 applicants streamed through a pipe"
  for name in eval_1m hand_1m; do
    rc=0
    if [[ $name == eval_1m ]]; then
      "$gen" --count 1000000 --seed "$seed" --years "$years" |
        "$measure" -o "$tmp/$name.times" -- "$kijun" eval "$ruleset" - --format json "${jobs1[@]}" >/dev/null 2>"$tmp/stderr" || rc=$?
    else
      "$gen" --count 1000000 --seed "$seed" --years "$years" |
        "$measure" -o "$tmp/$name.times" -- "$hand" - >/dev/null 2>"$tmp/stderr" || rc=$?
    fi
    [[ $rc == 0 && ! -s $tmp/stderr ]] || { head -c 2000 "$tmp/stderr" >&2; die "$name exited $rc"; }
    sample_load
    printf '  %-12s %s\n' "$name" "$(tail -n 1 "$tmp/$name.times")" >&2
  done
fi
[[ ${BENCH_KEEP:-0} == 1 ]] || rm -f "$cohort"
load_end=$(cut -d' ' -f1-3 /proc/loadavg)
load_range=$(printf '%s\n' "${loads[@]}" | sort -g | awk 'NR == 1 { lo = $1 } { hi = $1 } END { print lo "–" hi }')

# ------------------------------------------------------------------ the report
cpu_model=$(lscpu | sed -n 's/^Model name:[[:space:]]*//p' | head -n 1)
mem_total=$(free -h | awk '/^Mem:/ { print $2 }')
compiler=$(sed -n 's/^CMAKE_CXX_COMPILER:[A-Z]*=//p' "$build/CMakeCache.txt")
compiler_version=$("$compiler" --version | head -n 1)
build_type=$(sed -n 's/^CMAKE_BUILD_TYPE:[A-Z]*=//p' "$build/CMakeCache.txt")
commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
dirty=$(git status --porcelain --untracked-files=no 2>/dev/null | grep -q . && echo " (+ uncommitted changes)" || true)

row() {  # row LABEL NAME [BASE]: wall, CPU, peak RSS of NAME, and NAME ÷ BASE for each
  local w c r
  w=$(med "$2" wall) c=$(med "$2" cpu) r=$(med "$2" rss)
  if [[ -n ${3:-} ]]; then
    printf '| %s | %s | %s | %s | %s | %s MiB | %s |\n' "$1" "$(secs "$w")" "$(ratio "$w" "$(med "$3" wall)")" \
      "$(secs "$c")" "$(ratio "$c" "$(med "$3" cpu)")" "$(mib "$r")" "$(ratio "$r" "$(med "$3" rss)")"
  else
    printf '| %s | %s | | %s | | %s MiB | |\n' "$1" "$(secs "$w")" "$(secs "$c")" "$(mib "$r")"
  fi
}
jobs_flag=${jobs1[*]:-}
{
  echo "# kijun benchmark results"
  echo
  echo "Generated by \`bench/run.sh\` on $(date -u +%Y-%m-%dT%H:%MZ), commit $commit$dirty."
  echo
  echo "- machine: $(nproc) CPUs ($cpu_model), $mem_total RAM — **shared** with other work: load"
  echo "  average (1 min) $load_range during the runs (before: $load_start; after: $load_end)"
  echo "- compiler: $compiler_version; build type $build_type (\`$build\`)"
  echo "- cohort: \`kijun_gen_cohort --count $n --seed $seed --years $years\` ($(mib $((bytes / 1024))) MiB; $outcomes)"
  echo "- $runs interleaved runs of each command (order rotating), medians; peak RSS is wait4's ru_maxrss"
  echo "- agreement (\`kijun_bench_agree\`, kijun vs hand-written, every applicant): $agreement"
  echo
  echo "| command | wall | ÷ base | CPU (user+sys) | ÷ base | peak RSS | ÷ base |"
  echo "| --- | ---: | ---: | ---: | ---: | ---: | ---: |"
  row "hand-written \`kijun_handwritten\` (base)" hand
  row "\`kijun eval${jobs_flag:+ $jobs_flag}\`" eval hand
  ((has_jobs)) && row "\`kijun eval --jobs 2\` (÷ \`--jobs 1\`)" eval_j2 eval
  row "\`kijun whatif\` base → draft (÷ one \`eval\`)" whatif eval
  row "\`kijun eval\`, first $explain_n applicants" eval_small
  row "\`kijun eval --explain\`, same $explain_n (÷ without)" explain eval_small
  row "\`kijun check $ruleset\` (read, parse, check, compile; $check_runs runs)" check
  if [[ ${BENCH_BIG:-0} == 1 ]]; then
    row "hand-written, 1,000,000 applicants on a pipe (1 run)" hand_1m
    row "\`kijun eval\`, 1,000,000 applicants on a pipe (1 run; ÷ hand-written)" eval_1m hand_1m
  fi
  echo
  echo "Derived: kijun eval ÷ hand-written $(ratio "$(med eval wall)" "$(med hand wall)")× wall," \
    "$(ratio "$(med eval cpu)" "$(med hand cpu)")× CPU; $(awk -v w="$(med eval wall)" -v n="$n" 'BEGIN { printf "%.0f", n / w }') applicants/s" \
    "(kijun), $(awk -v w="$(med hand wall)" -v n="$n" 'BEGIN { printf "%.0f", n / w }') applicants/s (hand-written);" \
    "check median $(awk -v s="$(med check wall)" 'BEGIN { printf "%.1f", s * 1000 }') ms (fastest $(awk -v s="$check_min" 'BEGIN { printf "%.1f", s * 1000 }') ms)."
  if ((has_jobs)); then
    echo "\`--jobs 2\` speed-up over \`--jobs 1\`: $(ratio "$(med eval wall)" "$(med eval_j2 wall)")× (wall; CPU $(ratio "$(med eval_j2 cpu)" "$(med eval cpu)")× of one thread's)."
  else
    echo "\`--jobs\` is not in this build of kijun: eval is single-threaded and the jobs speed-up is not measured."
  fi
  true
} >"$out"
cat "$out"
