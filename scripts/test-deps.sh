#!/usr/bin/env bash
# What the tests need beyond scripts/setup.sh, installed before ctest runs so
# that no test installs anything or reaches the network. Parts:
#   browser         Debian's chromium, Noto fonts, Node.js, tests/browser's npm packages
#   html-validator  Java, Node.js, tests/html-validator's npm packages (vnu-jar)
#   clang           clang and its sanitizer and libFuzzer runtimes (the sanitizer
#                   builds of scripts/test.sh, and fuzz/run.sh)
#
#   bash scripts/test-deps.sh                  installs what is missing (scripts/test.sh runs it)
#   bash scripts/test-deps.sh --check PART...  installs nothing: says what is missing and
#                                              fails (the browser and validator tests run it)
#
# Node.js: an installed one is kept, else Debian's nodejs (18 on Debian 12).
# The npm packages are pinned in package-lock.json to versions whose "engines"
# accept Node.js 18, and every pin's engines are checked against `node`.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
source "$root/scripts/apt-install.sh"

check=false
if [ "${1:-}" = --check ]; then
  check=true
  shift
fi
parts=("$@")
((${#parts[@]})) || parts=(browser html-validator clang)

missing=()
failed=false

installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"; }

# need_debs PKG...: Debian packages.
need_debs() {
  if ! $check; then
    apt_install "$@"
    return
  fi
  local p
  for p in "$@"; do installed "$p" || missing+=("Debian package $p"); done
}

# need_command CMD PKG...: a command, from Debian's PKG... when it is not on PATH
# (Java and Node.js may come from elsewhere).
need_command() {
  local cmd=$1
  shift
  command -v "$cmd" >/dev/null && return
  if $check; then missing+=("$cmd (Debian package $*)"); else apt_install "$@"; fi
}

# need_engines LOCKFILE: every package pinned in LOCKFILE accepts this `node`.
need_engines() {
  command -v node >/dev/null || return 0 # reported as missing already
  node - "$1" <<'EOF' || failed=true
const fs = require("fs");
const lock = JSON.parse(fs.readFileSync(process.argv[2], "utf8"));
const have = process.versions.node.split(".").map(Number);
let ok = true;
for (const [where, p] of Object.entries(lock.packages || {})) {
  const want = p.engines && p.engines.node;
  if (!where || !want) continue;
  const name = where.replace(/^.*node_modules\//, "");
  // The forms npm packages use here: ">=N", ">=N.M", ">=N.M.P".
  const m = /^>=\s*(\d+)(?:\.(\d+))?(?:\.(\d+))?$/.exec(want.trim());
  if (!m) {
    console.error(`versa: cannot check ${name}'s engines "${want}" against Node.js ${process.version}`);
    continue;
  }
  const need = [m[1], m[2] || 0, m[3] || 0].map(Number);
  const i = need.findIndex((n, k) => n !== have[k]);
  if (i >= 0 && have[i] < need[i]) {
    console.error(`versa: ${name} ${p.version} (${process.argv[2]}) needs Node.js ${want}, ` +
      `but \`node\` is ${process.version}: install a newer Node.js, or pin a version of ` +
      `${name} whose engines accept ${process.version} (npm view ${name}@VERSION engines)`);
    ok = false;
  }
}
process.exit(ok ? 0 : 1);
EOF
}

# need_npm DIR: DIR's npm packages, exactly as its package-lock.json pins them.
# `npm ci` empties node_modules first, so the copy of the lock file it leaves
# there says what is installed.
need_npm() {
  local dir=$root/$1
  need_engines "$dir/package-lock.json"
  cmp -s "$dir/package-lock.json" "$dir/node_modules/.versa-package-lock.json" && return
  if $check; then
    missing+=("the npm packages of $1 (npm ci)")
    return
  fi
  echo "versa: npm ci in $1" >&2
  (cd "$dir" && npm ci --no-audit --no-fund --ignore-scripts --silent)
  cp "$dir/package-lock.json" "$dir/node_modules/.versa-package-lock.json"
}

for part in "${parts[@]}"; do
  case $part in
    browser)
      need_debs chromium fonts-noto-core
      need_command node nodejs
      $check || need_command npm npm
      need_npm tests/browser
      ;;
    html-validator)
      need_command java default-jre-headless
      need_command node nodejs
      $check || need_command npm npm
      need_npm tests/html-validator
      ;;
    clang)
      need_debs clang libclang-rt-14-dev
      ;;
    *)
      echo "versa: test-deps.sh: unknown part '$part' (browser, html-validator, clang)" >&2
      exit 2
      ;;
  esac
done

if ((${#missing[@]})); then
  printf 'versa: missing for the tests: %s\n' "${missing[@]}" >&2
  echo "versa: run scripts/test-deps.sh to install them (tests install nothing themselves)" >&2
  failed=true
fi
! $failed
