#!/usr/bin/env bash
# Builds the shipped site and runs tests/browser/layout.test.mjs against it in
# Debian's chromium. Installs chromium, fonts and playwright-core if missing.
# Usage: run.sh VERSA_BINARY SOURCE_DIR ARTIFACTS_DIR
set -euo pipefail
versa=$1
src=$2
artifacts=$3
here=$(cd "$(dirname "$0")" && pwd)

need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
dpkg-query -W -f='${Status}' fonts-noto-core 2>/dev/null | grep -q "install ok installed" || need+=(fonts-noto-core)
command -v npm >/dev/null || need+=(nodejs npm)
if ((${#need[@]})); then
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi
if [ ! -d "$here/node_modules/playwright-core" ]; then
  (cd "$here" && npm ci --no-audit --no-fund --ignore-scripts --silent)
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -r "$src/catalogue" "$src/locales" "$src/templates" "$src/site.json" "$work/"
(cd "$work" && "$versa" build --out site >/dev/null)
locales=$(cd "$src/locales" && ls *.json | sed 's/\.json$//' | tr '\n' ' ')
default=$(sed -n 's/.*"default_locale": *"\([^"]*\)".*/\1/p' "$src/site.json")

VERSA_SITE="$work/site" VERSA_ARTIFACTS="$artifacts" VERSA_LOCALES="${locales% }" \
  VERSA_DEFAULT_LOCALE="${default:-en}" node --test "$here/layout.test.mjs"
