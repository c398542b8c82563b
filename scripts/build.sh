#!/usr/bin/env bash
# scripts/build.sh [release|asan]
#   release (default): RelWithDebInfo into build/
#   asan:              Debug with AddressSanitizer + UBSan into build-asan/
set -euo pipefail
cd "$(dirname "$0")/.."

mode=${1:-release}
case $mode in
  release) dir=build; flags=(-DCMAKE_BUILD_TYPE=RelWithDebInfo) ;;
  asan) dir=build-asan; flags=(-DKIJUN_SANITIZE=ON -DCMAKE_BUILD_TYPE=Debug) ;;
  *) echo "usage: scripts/build.sh [release|asan]" >&2; exit 2 ;;
esac

generator=()
# An existing build dir keeps its generator: CMake refuses to switch it.
if [[ ! -f $dir/CMakeCache.txt ]] && command -v ninja >/dev/null; then
  generator=(-G Ninja)
fi

cmake -S . -B "$dir" "${generator[@]}" "${flags[@]}"
cmake --build "$dir" -j2
