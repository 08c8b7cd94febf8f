#!/usr/bin/env bash
# Installs what versa needs on Debian 12 (only what is missing), then
# configures and builds it in ./build. Sourced by publish.sh and test.sh.
set -euo pipefail

VERSA_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
VERSA_BUILD=${VERSA_BUILD:-$VERSA_ROOT/build}

packages=(
  g++ cmake make pkg-config       # compiler and build
  nlohmann-json3-dev              # JSON inputs and view models
  libicu-dev                      # MessageFormat, plurals, locale names, direction, breaks
  libcli11-dev                    # command-line parsing
  libcpp-httplib-dev              # the preview server of versa serve
  libgoogle-perftools-dev         # tcmalloc: faster small allocations while rendering
  libxxhash-dev                   # content hashes: unchanged files are not rewritten
  libgtest-dev libgmock-dev       # unit and end-to-end tests
  libgumbo-dev                    # HTML5 parser the end-to-end tests read pages with
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "versa: installing ${missing[*]}"
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

cmake -S "$VERSA_ROOT" -B "$VERSA_BUILD" -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$VERSA_BUILD" -j "$(nproc)"
