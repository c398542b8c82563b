#!/usr/bin/env bash
# Installs the Debian (bookworm) packages kijun builds with, and only those
# that are missing, so it is cheap to call before every build. Runs apt as
# root, or through sudo when not root.
#   --test   also what the tests need: a headless browser to print the unit
#            summary sheet, pdftotext to read it back, and Japanese fonts.
#   --fuzz   also clang and its runtime libraries (libFuzzer and the
#            sanitizers) for scripts/fuzz.sh.
set -euo pipefail

packages=(build-essential cmake ninja-build pkg-config tao-pegtl-dev libfmt-dev
          catch2 libsimdjson-dev libcli11-dev)
for arg in "$@"; do
  case $arg in
    --test) packages+=(chromium poppler-utils fonts-noto-cjk) ;;
    --fuzz) packages+=(clang libclang-rt-14-dev) ;;
    *) echo "usage: scripts/install-deps.sh [--test] [--fuzz]" >&2; exit 2 ;;
  esac
done

die() { echo "install-deps: $*" >&2; exit 1; }

missing=()
for p in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
  [[ $status == "install ok installed" ]] || missing+=("$p")
done
if ((${#missing[@]} == 0)); then
  echo "install-deps: all dependencies are installed"
  exit 0
fi

command -v apt-get >/dev/null || die "apt-get not found; install by hand: ${missing[*]}"
if ((EUID == 0)); then
  as_root=()
elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
  as_root=(sudo -n)  # -n: fail instead of prompting (CI has no stdin)
else
  die "not root and no password-less sudo; run as root: apt-get install ${missing[*]}"
fi

echo "install-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
"${as_root[@]}" apt-get update -qq || die "apt-get update failed"
"${as_root[@]}" env DEBIAN_FRONTEND=noninteractive \
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
  || die "apt-get install failed for: ${missing[*]}"
echo "install-deps: done"
