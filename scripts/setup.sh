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
  libxxhash-dev                   # content hashes: unchanged files are not rewritten
  libgtest-dev libgmock-dev       # unit and end-to-end tests
  libgumbo-dev                    # HTML5 parser the end-to-end tests read pages with
)

source "$VERSA_ROOT/scripts/apt-install.sh"
apt_install "${packages[@]}"

cmake -S "$VERSA_ROOT" -B "$VERSA_BUILD" -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$VERSA_BUILD" -j "$(nproc)"
