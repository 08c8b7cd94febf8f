#!/usr/bin/env bash
# The benchmark: one command. For N = 34, 100 and 300 codes (all shipped
# locales), the median of RUNS runs of: a full build into a new empty folder
# paired run by run with the I/O floor (the same files written by
# bench/io_floor.cpp on every core, and nothing else; which of the two goes
# first alternates), a render-only build (--dry-run), a no-op rebuild, a
# rebuild after one string changed in one locale, and a rebuild after one
# template changed. Prints a markdown table.
# WORK=/dev/shm/versa-bench measures in memory, without the disk.
#
# Usage: bash bench/run.sh [N ...]      (env: RUNS=5, WORK=/tmp/versa-bench)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/.." && pwd)
runs=${RUNS:-5}
work=${WORK:-/tmp/versa-bench}
sizes=("$@")
((${#sizes[@]})) || sizes=(34 100 300)

source "$root/scripts/setup.sh" >/dev/null
[ -x /usr/bin/time ] || apt-get install -y -qq time >/dev/null
command -v bc >/dev/null || apt-get install -y -qq bc >/dev/null
versa=$VERSA_BUILD/versa
floor_bin=$VERSA_BUILD/bench/versa_bench_io_floor
mkdir -p "$work"

# time_cmd OUTFILE CMD... : appends "wall cpu rss_kb" for one run. Times come
# from bash's `time` (milliseconds; GNU time prints only hundredths, too
# coarse for 3,577 pages), peak RSS from GNU time.
time_cmd() {
  local out=$1; shift
  local TIMEFORMAT='%3R %3U %3S'
  { time /usr/bin/time -f "%M" -o "$work/rss.txt" "$@" >"$work/stdout.txt" 2>"$work/stderr.txt"; } 2>"$work/time.txt"
  read -r wall user sys <"$work/time.txt"
  read -r rss <"$work/rss.txt"
  echo "$wall $(echo "$user + $sys" | bc) $rss" >>"$out"
}
median() { sort -g | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
col() { awk -v c="$2" '{print $c}' "$1" | median; }

echo "| codes | pages | full build (s) | I/O floor (s) | ratio | CPU full (s) | render-only wall / CPU (s) | CPU per page (µs) | pages/s | no-op (s) | no-op / floor | 1 string: written, s | 1 template: written, s | peak RSS (MiB) |"
echo "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"
for n in "${sizes[@]}"; do
  project=$work/project-$n
  "$VERSA_BUILD/bench/versa_bench_synth" "$root" "$n" "$project" >/dev/null
  rm -f "$work"/*-"$n".txt
  for ((r = 1; r <= runs; r++)); do
    cd "$project"
    # Each timed command starts from a settled disk: deleting or writing
    # 270,000 files must not slow down whichever command comes next.
    rm -rf out .out.versa-manifest floor
    sync
    # The disk's speed drifts within minutes: odd runs time versa first,
    # even runs the floor first (with the list of files the last build
    # wrote), so neither always gets the later, slower or faster, disk.
    # Neither output is deleted until both are timed.
    if ((r % 2 == 0)); then
      time_cmd "$work/floor-$n.txt" "$floor_bin" "$work/list-$n.txt" floor
      sync
    fi
    time_cmd "$work/full-$n.txt" "$versa" build --out out
    pages=$(grep -o '^versa: [0-9]*' "$work/stdout.txt" | grep -o '[0-9]*$')
    find out -type f -printf "%s %P\n" >"$work/list-$n.txt"
    sync
    if ((r % 2 == 1)); then
      time_cmd "$work/floor-$n.txt" "$floor_bin" "$work/list-$n.txt" floor
    fi
    rm -rf floor
    sync
    # Paired ratio of this run.
    paste <(tail -1 "$work/full-$n.txt") <(tail -1 "$work/floor-$n.txt") | awk '{print $1/$4}' >>"$work/ratio-$n.txt"
    sync
    time_cmd "$work/noop-$n.txt" "$versa" build --out out
    paste <(tail -1 "$work/noop-$n.txt") <(tail -1 "$work/floor-$n.txt") | awk '{print $1/$4}' >>"$work/noopratio-$n.txt"
    # One string in one locale: the German tagline.
    sed -i "s/\"site_tagline\": \"/\"site_tagline\": \"$r /" locales/de.json
    sync
    time_cmd "$work/string-$n.txt" "$versa" build --out out
    grep -o '[0-9]* written' "$work/stdout.txt" | grep -o '[0-9]*' >>"$work/stringw-$n.txt"
    # One template: the comparison page.
    echo "<!-- run $r -->" >>templates/compare.html
    sync
    time_cmd "$work/template-$n.txt" "$versa" build --out out
    grep -o '[0-9]* written' "$work/stdout.txt" | grep -o '[0-9]*' >>"$work/templatew-$n.txt"
    sync
    time_cmd "$work/dry-$n.txt" "$versa" build --dry-run --out out
  done
  full=$(col "$work/full-$n.txt" 1); floor=$(col "$work/floor-$n.txt" 1)
  cpu=$(col "$work/full-$n.txt" 2); rss=$(col "$work/full-$n.txt" 3)
  dry=$(col "$work/dry-$n.txt" 1); dry_cpu=$(col "$work/dry-$n.txt" 2)
  noop=$(col "$work/noop-$n.txt" 1)
  printf "| %s | %s | %.2f | %.2f | %.2f× | %.2f | %.3f / %.3f | %.1f | %.0f | %.3f | %.1f%% | %s, %.2f | %s, %.2f | %.0f |\n" \
    "$n" "$pages" "$full" "$floor" "$(median <"$work/ratio-$n.txt")" "$cpu" "$dry" "$dry_cpu" \
    "$(echo "$dry_cpu * 1000000 / $pages" | bc -l)" "$(echo "$pages / $full" | bc -l)" "$noop" \
    "$(echo "$(median <"$work/noopratio-$n.txt") * 100" | bc -l)" \
    "$(median <"$work/stringw-$n.txt")" "$(col "$work/string-$n.txt" 1)" \
    "$(median <"$work/templatew-$n.txt")" "$(col "$work/template-$n.txt" 1)" "$(echo "$rss / 1024" | bc -l)"
  rm -rf "$project"
done
echo
echo "Medians of $runs runs; ratio = median of per-run full/floor pairs. $(nproc) cores, $(date -u +%Y-%m-%d)."
