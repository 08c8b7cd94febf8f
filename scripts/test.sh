#!/usr/bin/env bash
# One command: install what is missing, build versa and run every test.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
cd "$VERSA_BUILD"
ctest --output-on-failure -j "$(nproc)" "$@"

# The same unit and end-to-end tests under AddressSanitizer and
# UndefinedBehaviorSanitizer: any report fails the run. (The browser and HTML
# validator tests check output, which the first run covered.)
asan=$VERSA_ROOT/build-asan
cmake -S "$VERSA_ROOT" -B "$asan" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DVERSA_SANITIZE=ON >/dev/null
cmake --build "$asan" -j "$(nproc)" >/dev/null
cd "$asan"
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest --output-on-failure -j "$(nproc)" -E 'browser_layout|html_validator' "$@"

# The same tests under ThreadSanitizer: pages render on several threads that
# share the compiled messages and the output folder; any report fails the run.
tsan=$VERSA_ROOT/build-tsan
cmake -S "$VERSA_ROOT" -B "$tsan" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DVERSA_TSAN=ON >/dev/null
cmake --build "$tsan" -j "$(nproc)" >/dev/null
cd "$tsan"
TSAN_OPTIONS=halt_on_error=1:exitcode=66 \
  ctest --output-on-failure -j "$(nproc)" -E 'browser_layout|html_validator' "$@"

# Each libFuzzer target briefly, from its corpus and the shipped inputs, with
# a fixed seed so that a failure here can be replayed (fuzz/run.sh).
bash "$VERSA_ROOT/fuzz/run.sh" "${VERSA_FUZZ_SECONDS:-30}"  # a random seed, printed per target
