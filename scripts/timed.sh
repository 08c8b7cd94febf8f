#!/usr/bin/env bash
# timed NAME COMMAND...: runs COMMAND, then prints how long it took, so that a
# CI log shows where the time goes. Sourced by scripts/test.sh.
timed() {
  local name=$1 t0=$SECONDS
  shift
  "$@"
  timed_done "$name" "$t0"
}

# timed_done NAME START: prints the seconds since START ($SECONDS then).
timed_done() {
  echo "versa-test: $1: $(($SECONDS - $2)) s" >&2
}
