#!/usr/bin/env bash
# Fuzzes versa's input readers with libFuzzer (clang, ASan, UBSan).
#
#   bash fuzz/run.sh [SECONDS] [TARGET...]
#
# Runs each target (template, locale, catalogue; default: all) for SECONDS
# (default 600) over its committed corpus (fuzz/corpus/TARGET) and the shipped
# inputs. New interesting inputs go to build-fuzz/corpus/TARGET; a crash, leak
# or hang stops the run, leaves its input in build-fuzz/crashes/ and fails.
# Copy that input into fuzz/corpus/TARGET once fixed: it then runs in ctest.
# VERSA_FUZZ_SEED=N makes a run repeatable (.ci/run uses 1); default: random.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
seconds=${1:-600}
shift || true
targets=("$@")
((${#targets[@]})) || targets=(template locale catalogue)

source "$root/scripts/apt-install.sh"
apt_install clang libclang-rt-14-dev cmake make pkg-config nlohmann-json3-dev libicu-dev \
  libcli11-dev libcpp-httplib-dev libxxhash-dev libgtest-dev libgmock-dev libgumbo-dev

build=${VERSA_FUZZ_BUILD:-$root/build-fuzz}
# The same configuration as scripts/test.sh's ASan+UBSan build, which this
# run then reuses when VERSA_FUZZ_BUILD points at it.
CC=clang CXX=clang++ cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -gline-tables-only" -DVERSA_FUZZ=ON >/dev/null
cmake --build "$build" -j "$(nproc)" --target "${targets[@]/#/versa_fuzz_}" >/dev/null

declare -A seeds=([template]=templates [locale]=locales [catalogue]=catalogue)
mkdir -p "$build/crashes"
for t in "${targets[@]}"; do
  mkdir -p "$build/corpus/$t"
  echo "fuzz: $t for ${seconds}s" >&2
  # -timeout: one input taking 10 s is a hang; -rss_limit_mb: memory must stay bounded.
  ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
    "$build/fuzz/versa_fuzz_$t" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
    -max_len=65536 -seed="${VERSA_FUZZ_SEED:-0}" -print_final_stats=1 -artifact_prefix="$build/crashes/$t-" \
    "$build/corpus/$t" "$root/fuzz/corpus/$t" "$root/${seeds[$t]}" 2>"$build/fuzz-$t.log" ||
    { tail -40 "$build/fuzz-$t.log" >&2; exit 1; }
  grep -a -E '^stat::number_of_executed_units|^stat::peak_rss_mb|^#[0-9]+ +DONE' "$build/fuzz-$t.log" |
    sed "s/^/fuzz: $t: /" >&2
done
