#!/usr/bin/env bash
# Fuzzes versa's input readers with libFuzzer (clang, ASan, UBSan).
#
#   bash fuzz/run.sh [SECONDS] [TARGET...]
#
# Runs each target (template, locale, catalogue; default: all) for SECONDS
# (default 600) over its committed corpus (fuzz/corpus/TARGET) and the shipped
# inputs. New interesting inputs go to build-fuzz/corpus/TARGET; after a run,
# those of them up to 4 KiB that add coverage to fuzz/corpus/TARGET are merged
# into it (libFuzzer -merge=1), so committing that folder grows the corpus
# every ctest run replays. A crash, leak or hang stops the run, leaves its
# input in build-fuzz/crashes/ and fails; copy that input into
# fuzz/corpus/TARGET once fixed.
# The seed is random unless VERSA_FUZZ_SEED=N is set; it is printed for each
# target, so a failing run can be repeated with the seed it printed.
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
# Inputs above this size are not merged into the committed corpus.
max_corpus_file=4096
for t in "${targets[@]}"; do
  mkdir -p "$build/corpus/$t"
  # libFuzzer takes seeds from 1 to 2^32-1 (0 would make it pick one itself).
  seed=${VERSA_FUZZ_SEED:-$(($(od -An -N4 -tu4 /dev/urandom) % 4294967295 + 1))}
  echo "fuzz: $t for ${seconds}s, seed $seed (repeat: VERSA_FUZZ_SEED=$seed bash fuzz/run.sh $seconds $t)" >&2
  # -timeout: one input taking 10 s is a hang; -rss_limit_mb: memory must stay bounded.
  ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 \
    "$build/fuzz/versa_fuzz_$t" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
    -max_len=65536 -seed="$seed" -print_final_stats=1 -artifact_prefix="$build/crashes/$t-" \
    "$build/corpus/$t" "$root/fuzz/corpus/$t" "$root/${seeds[$t]}" 2>"$build/fuzz-$t.log" ||
    { tail -40 "$build/fuzz-$t.log" >&2; echo "fuzz: $t failed with seed $seed" >&2; exit 1; }
  grep -a -E '^stat::number_of_executed_units|^stat::peak_rss_mb|^#[0-9]+ +DONE' "$build/fuzz-$t.log" |
    sed "s/^/fuzz: $t: /" >&2

  # Keep what this run found: the small new inputs that cover code the
  # committed corpus and the shipped inputs do not. libFuzzer merges into its
  # first folder, counting what is there as covered: that is a scratch copy
  # of both, and only the inputs it adds go to fuzz/corpus/TARGET.
  candidates=$build/merge-$t
  base=$build/merge-base-$t
  rm -rf "$candidates" "$base"
  mkdir -p "$candidates" "$base"
  find "$build/corpus/$t" -type f -size -$((max_corpus_file + 1))c -exec cp -t "$candidates" {} +
  cp -t "$base" "$root/fuzz/corpus/$t"/*
  n=0
  while IFS= read -r -d '' f; do
    cp "$f" "$base/shipped-$((n++))"
  done < <(find "$root/${seeds[$t]}" -type f -print0)
  ls "$base" >"$build/merge-base-$t.list"
  # -use_counters=0: an input is kept for a new edge, not for a new hit count.
  ASAN_OPTIONS=detect_leaks=1 "$build/fuzz/versa_fuzz_$t" -merge=1 -use_counters=0 -timeout=10 -rss_limit_mb=2048 \
    -max_len=65536 "$base" "$candidates" 2>"$build/merge-$t.log" ||
    { tail -40 "$build/merge-$t.log" >&2; echo "fuzz: merging $t's corpus failed" >&2; exit 1; }
  added=0
  for f in "$base"/*; do
    grep -qxF "$(basename "$f")" "$build/merge-base-$t.list" && continue
    cp "$f" "$root/fuzz/corpus/$t/"
    added=$((added + 1))
  done
  rm -rf "$candidates" "$base" "$build/merge-base-$t.list"
  echo "fuzz: $t: $added new input(s) added to fuzz/corpus/$t; commit them to keep them" >&2
done
