#!/usr/bin/env bash
# The main job: evaluates every example applicant of the shared contract with
# the jsprs ruleset and prints the verdicts. The shared directory is
# $KIJUN_SHARED, or ../shared next to the repository.
set -euo pipefail
cd "$(dirname "$0")/.."

shared=${KIJUN_SHARED:-$(dirname "$(pwd)")/shared}
examples=$shared/contract/examples
[[ -d $examples ]] || { echo "run-examples: no examples in $examples (set KIJUN_SHARED)" >&2; exit 1; }

scripts/install-deps.sh
scripts/build.sh release

status=0
found=false
for f in "$examples"/*.json; do
  [[ -e $f ]] || continue
  [[ $f == *.verdict.json ]] && continue  # expected outputs, not inputs
  found=true
  echo "== $(basename "$f")"
  build/kijun eval rulesets/jsprs "$f" || status=$?
done
$found || { echo "run-examples: no example files in $examples" >&2; exit 1; }
exit "$status"
