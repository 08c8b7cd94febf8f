#!/usr/bin/env bash
# Runs tests/browser/live_reload.test.mjs: versa-serve on a copy of the
# project, a page open in Debian's chromium, a locale file edited. Installs
# nothing: scripts/test-deps.sh does, before ctest.
# Usage: live-reload.sh VERSA_SERVE_BINARY SOURCE_DIR
set -euo pipefail
serve=$1
src=$2
here=$(cd "$(dirname "$0")" && pwd)

bash "$here/../../scripts/test-deps.sh" --check browser

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r "$src/catalogue" "$src/locales" "$src/templates" "$src/site.json" "$work/"

VERSA_SERVE="$serve" VERSA_PROJECT="$work" node --test "$here/live_reload.test.mjs"
