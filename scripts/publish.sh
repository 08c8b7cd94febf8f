#!/usr/bin/env bash
# One command: install what is missing, build versa, publish ./site from the
# shipped catalogue, locales and templates.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
cd "$VERSA_ROOT"
"$VERSA_BUILD/versa" build --out site "$@"
