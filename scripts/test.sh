#!/usr/bin/env bash
# One command: install what is missing, build versa and run every test.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
cd "$VERSA_BUILD"
ctest --output-on-failure -j "$(nproc)" "$@"
