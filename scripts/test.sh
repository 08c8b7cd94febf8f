#!/usr/bin/env bash
# One command: install what is missing, build versa and run every test.
# Extra arguments go to each ctest run (e.g. -R Authoring). Each part prints
# how long it took; the README's "Tests" section quotes these figures.
set -euo pipefail
start=$SECONDS
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
bash "$VERSA_ROOT/scripts/test-deps.sh"
source "$VERSA_ROOT/scripts/timed.sh"
timed_done "set-up and Release build" "$start"
jobs=$(nproc)

# 1. Everything, on the Release build: unit, end-to-end, the fuzz corpus
#    replays, the browser and the HTML validator.
cd "$VERSA_BUILD"
timed "Release tests" ctest --output-on-failure --no-tests=error -j "$jobs" "$@"

# 2. AddressSanitizer + UndefinedBehaviorSanitizer (clang, which builds these
#    several times faster than GCC). The unit tests run instrumented; the
#    end-to-end tests drive the instrumented versa ($VERSA_TEST_BINARY), so
#    their own code is not compiled again. Any report fails the run.
asan=$VERSA_ROOT/build-asan
sanitizer_build() { # DIR CMAKE-OPTION TARGET...
  local dir=$1 option=$2
  shift 2
  CC=clang CXX=clang++ cmake -S "$VERSA_ROOT" -B "$dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -gline-tables-only" -DBUILD_TESTING=ON "$option" >/dev/null
  cmake --build "$dir" -j "$jobs" --target "$@" >/dev/null
}
# VERSA_FUZZ=ON is ASan + UBSan plus libFuzzer's coverage: the fuzzers below
# reuse this build.
timed "ASan+UBSan build" sanitizer_build "$asan" -DVERSA_FUZZ=ON versa versa-serve versa_unit_tests
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
(cd "$asan" && timed "ASan+UBSan unit tests" ctest --output-on-failure --no-tests=error -j "$jobs" -L unit "$@")
VERSA_TEST_BINARY=$asan/versa timed "ASan+UBSan end-to-end tests" \
  ctest --output-on-failure --no-tests=error -j "$jobs" -L e2e "$@"

# 3. Each libFuzzer target briefly, from its corpus and the shipped inputs
#    (fuzz/run.sh logs the seed, so a failure can be replayed).
VERSA_FUZZ_BUILD=$asan timed "fuzzing" bash "$VERSA_ROOT/fuzz/run.sh" "${VERSA_FUZZ_SECONDS:-20}"
unset ASAN_OPTIONS UBSAN_OPTIONS

# 4. ThreadSanitizer: pages render on several threads that share the compiled
#    messages and the output folder, and the preview server rebuilds while it
#    serves. Only versa runs threads, so the end-to-end tests drive a TSan
#    versa; any report fails the run.
tsan=$VERSA_ROOT/build-tsan
timed "TSan build" sanitizer_build "$tsan" -DVERSA_TSAN=ON versa versa-serve
TSAN_OPTIONS=halt_on_error=1:exitcode=66 VERSA_TEST_BINARY=$tsan/versa \
  timed "TSan end-to-end tests" ctest --output-on-failure --no-tests=error -j "$jobs" -L e2e "$@"

timed_done "all tests" "$start"
