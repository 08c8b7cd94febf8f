#!/usr/bin/env bash
# Builds the shipped site and runs tests/browser/layout.test.mjs against it in
# Debian's chromium. Installs nothing: scripts/test-deps.sh does, before ctest.
# Usage: run.sh VERSA_BINARY SOURCE_DIR ARTIFACTS_DIR
set -euo pipefail
versa=$1
src=$2
artifacts=$3
here=$(cd "$(dirname "$0")" && pwd)

bash "$here/../../scripts/test-deps.sh" --check browser

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r "$src/catalogue" "$src/locales" "$src/templates" "$src/site.json" "$work/"
# A new right-to-left language, mostly untranslated: English shows through.
cp "$here/he.json" "$work/locales/"
(cd "$work" && "$versa" build --out site >/dev/null)
locales=$(cd "$src/locales" && ls *.json | sed 's/\.json$//' | tr '\n' ' ')
default=$(sed -n 's/.*"default_locale": *"\([^"]*\)".*/\1/p' "$src/site.json")

VERSA_SITE="$work/site" VERSA_ARTIFACTS="$artifacts" VERSA_LOCALES="${locales% }" \
  VERSA_DEFAULT_LOCALE="${default:-en}" node --test "$here/layout.test.mjs"
