#!/usr/bin/env bash
# Builds the shipped site and checks every page with the W3C Nu HTML Checker
# (npm package vnu-jar, runs on Java). Installs nothing: scripts/test-deps.sh
# does, before ctest.
# Usage: run.sh VERSA_BINARY SOURCE_DIR
set -euo pipefail
versa=$1
src=$2
here=$(cd "$(dirname "$0")" && pwd)

bash "$here/../../scripts/test-deps.sh" --check html-validator
jar=$here/node_modules/vnu-jar/build/dist/vnu.jar

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r "$src/catalogue" "$src/locales" "$src/templates" "$src/site.json" "$work/"
(cd "$work" && "$versa" build --out site >/dev/null)
pages=$(find "$work/site" -name '*.html' | wc -l)

if java -jar "$jar" --errors-only --skip-non-html "$work/site" 2>"$work/errors.txt"; then
  echo "html-validator: $pages pages, 0 errors"
else
  errors=$(grep -c ': error:' "$work/errors.txt" || true)
  head -n 20 "$work/errors.txt"
  echo "html-validator: $pages pages, $errors errors"
  exit 1
fi
