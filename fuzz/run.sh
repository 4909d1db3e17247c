#!/bin/sh
# Runs each fuzz target for SECONDS on its seed corpus (fuzz/corpus/<target>/, read only:
# new inputs go to a temporary directory, so the repository's corpus stays small). Fails on
# the first crash, leak, timeout or sanitizer report and prints the end of that target's log;
# the input that failed is kept under $FUZZ_BUILD_DIR/artifacts/.
# Usage: fuzz/run.sh SECONDS TARGET...
set -eu
seconds=$1
shift
build=${FUZZ_BUILD_DIR:-build-fuzz}
mkdir -p "$build/artifacts" "$build/logs"

# Longest input per target: a few times the largest seed, enough for every construct.
max_len() {
  case $1 in
    router) echo 1024 ;;
    json_io) echo 4096 ;;
    *) echo 16384 ;;
  esac
}

status=0
for target in "$@"; do
  scratch=$(mktemp -d)
  log="$build/logs/$target.log"
  dict=""
  if [ -f "fuzz/$target.dict" ]; then dict="-dict=fuzz/$target.dict"; fi
  if "$build/${target}_fuzz" -max_total_time="$seconds" -max_len="$(max_len "$target")" \
    -timeout=10 -rss_limit_mb=1024 -print_final_stats=1 $dict \
    -artifact_prefix="$build/artifacts/$target-" "$scratch" "fuzz/corpus/$target" > "$log" 2>&1; then
    echo "fuzz $target: $(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$') runs in ${seconds}s, no crash"
  else
    echo "fuzz $target: FAILED (log $log, input in $build/artifacts/)"
    tail -n 40 "$log"
    status=1
  fi
  rm -rf "$scratch"
  [ $status -eq 0 ] || break
done
exit $status
