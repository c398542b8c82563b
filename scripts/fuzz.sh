#!/usr/bin/env bash
# scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]
# Builds the libFuzzer configuration (clang, ASan + UBSan) into build-fuzz/ and
# fuzzes each target (ruleset, facts, eval, facts_paths; default all four) for
# SECONDS_PER_TARGET (default 60), one after the other; facts_paths compares
# the facts reader's fast and careful paths. Each target starts
# from a working copy of its committed seeds and regressions
# (build-fuzz/corpus/TARGET, kept between runs), so the committed corpus
# never grows; what libFuzzer finds goes to build-fuzz/findings/TARGET.
# Prints executions and coverage per target; exits 1 on any finding.
# docs/hardening.md tells how to turn a finding into a regression.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${1:-60}
[[ $seconds =~ ^[0-9]+$ ]] || { echo "usage: scripts/fuzz.sh [SECONDS_PER_TARGET] [ruleset|facts|eval|facts_paths...]" >&2; exit 2; }
shift $(($# > 0 ? 1 : 0))
targets=("$@")
((${#targets[@]})) || targets=(ruleset facts eval facts_paths)
for t in "${targets[@]}"; do
  [[ $t =~ ^(ruleset|facts|eval|facts_paths)$ ]] || { echo "fuzz.sh: unknown target '$t'" >&2; exit 2; }
done
command -v clang++ >/dev/null || { echo "fuzz.sh: clang++ not found (scripts/install-deps.sh --fuzz)" >&2; exit 2; }

dir=build-fuzz
generator=()
if [[ ! -f $dir/CMakeCache.txt ]] && command -v ninja >/dev/null; then generator=(-G Ninja); fi
# RelWithDebInfo without -DNDEBUG: assertions stay on while fuzzing. Only the
# fuzz targets and the libraries they need are built.
cmake -S . -B "$dir" "${generator[@]}" -DKIJUN_FUZZ=ON -DCMAKE_CXX_COMPILER=clang++ \
  -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O2 -g" \
  -DKIJUN_TESTS=OFF -DKIJUN_BENCH=OFF >/dev/null
cmake --build "$dir" -j2 --target "${targets[@]/#/fuzz_}"

export UBSAN_OPTIONS=print_stacktrace=1
found=0
for t in "${targets[@]}"; do
  # Seeds: the ruleset's own, or the facts seeds (facts_paths adds its own,
  # and its dictionary is the facts one plus escapes and odd numbers).
  seeds=(tests/fuzz/corpus/$([[ $t == ruleset ]] && echo ruleset || echo facts))
  dict=tests/fuzz/$t.dict
  if [[ $t == facts_paths ]]; then
    seeds+=(tests/fuzz/corpus/facts_paths)
    dict=$dir/facts_paths.dict
    cat tests/fuzz/facts.dict tests/fuzz/facts_paths.dict >"$dict"
  fi
  work=$dir/corpus/$t findings=$dir/findings/$t log=$dir/fuzz_$t.log
  mkdir -p "$work" "$findings"
  for s in "${seeds[@]}"; do cp -n "$s"/* "$work"/; done
  if compgen -G "tests/fuzz/regressions/$t/*" >/dev/null; then cp -n tests/fuzz/regressions/$t/* "$work"/; fi
  before=$(find "$findings" -type f | wc -l)
  printf '\n==== fuzz_%s: %ss from %s inputs ====\n' "$t" "$seconds" "$(ls "$work" | wc -l)"
  # One process, so a finding stops the target; -timeout catches hangs,
  # -rss_limit_mb runaway memory, detect_leaks leaks at the end of each input;
  # stdin is /dev/null so a ruleset that `extends "/dev/stdin"` cannot wait.
  status=0
  "$dir/fuzz_$t" "$work" -dict="$dict" -max_total_time="$seconds" \
    -max_len=65536 -timeout=10 -rss_limit_mb=2048 -detect_leaks=1 -print_final_stats=1 \
    -artifact_prefix="$findings/" </dev/null >"$log" 2>&1 || status=$?
  stats=$(grep -E '^#[0-9]+.*cov:' "$log" | tail -n 1 || true)
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log")
  rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log")
  echo "executions: ${execs:-?} (${rate:-?}/s)"
  echo "final: ${stats:-no stats}"
  echo "corpus: $(ls "$work" | wc -l) files in $work (corp: above is what libFuzzer kept)"
  if ((status != 0)) || (($(find "$findings" -type f | wc -l) > before)); then
    found=1
    echo "FINDING (exit status $status), log: $log"
    grep -E '^(==[0-9]+==ERROR|SUMMARY|.*runtime error|fuzz_[a-z_]+: )' "$log" | head -n 5 || true
    find "$findings" -type f -printf '  %p\n'
  fi
done

if ((found)); then
  echo "fuzz.sh: findings above; see docs/hardening.md to minimize and keep them" >&2
  exit 1
fi
echo "fuzz.sh: no findings"
