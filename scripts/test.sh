#!/usr/bin/env bash
# scripts/test.sh [--asan]
# Installs missing dependencies, builds the release configuration and runs
# every test; with --asan, also builds and tests under the sanitizers.
set -euo pipefail
cd "$(dirname "$0")/.."

asan=false
for arg in "$@"; do
  case $arg in
    --asan) asan=true ;;
    *) echo "usage: scripts/test.sh [--asan]" >&2; exit 2 ;;
  esac
done

stage() { printf '\n==== %s ====\n' "$*"; }

stage "dependencies"
scripts/install-deps.sh --test
stage "build (release)"
scripts/build.sh release
stage "tests (release)"
ctest --test-dir build --output-on-failure -j2
if $asan; then
  stage "build (asan)"
  scripts/build.sh asan
  stage "tests (asan)"
  ctest --test-dir build-asan --output-on-failure -j2
fi
