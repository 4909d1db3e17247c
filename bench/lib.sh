# Shared by the benchmark scripts (source it from the repository root): the Release build under
# the build lock, a work directory removed on exit with the servers started for the run, a free
# port, and waiting for a server to answer.

# bench_build TARGET... — builds the targets in build-bench/. The lock keeps concurrent builds on
# a shared box from starving each other; it is free otherwise.
bench_build() {
  flock /tmp/gz-build.lock sh -c '
    cmake -S . -B build-bench -G Ninja -DCMAKE_BUILD_TYPE=Release -Wno-dev > /dev/null &&
    cmake --build build-bench -j "$(nproc)" --target "$@"' bench_build "$@"
}

# bench_workdir PREFIX — sets `work` to a fresh directory under /tmp and `servers` to an empty
# list; on exit every PID in `servers` is stopped and the directory removed.
bench_workdir() {
  work=$(mktemp -d "/tmp/$1.XXXXXX")
  servers=()
  trap bench_cleanup EXIT
  trap 'exit 130' INT TERM
}
bench_cleanup() {
  for pid in "${servers[@]}"; do
    kill "$pid" 2> /dev/null || true
    wait "$pid" 2> /dev/null || true
  done
  rm -rf "$work"
}

free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# wait_for URL LOG [TRIES] — until URL answers 200 (0.2 s apart), or fails showing LOG.
wait_for() {
  local url=$1 log=$2 tries=${3:-150}
  for _ in $(seq 1 "$tries"); do
    curl -fsS -o /dev/null "$url" 2> /dev/null && return 0
    sleep 0.2
  done
  echo "$(basename "$0"): no answer from $url; its log:" >&2
  cat "$log" >&2
  return 1
}

# wrk_run NAME CONNECTIONS URL [-s SCRIPT -- SCRIPT ARGS...] — wrk for $seconds with two threads,
# its report in $work/wrk-NAME-CONNECTIONS.txt (bench/wrk_report.py reads it).
wrk_run() {
  local name=$1 count=$2 url=$3
  shift 3
  echo "wrk $name, $count connections, ${seconds}s…" >&2
  wrk -t2 -c"$count" -d"${seconds}s" --latency "$url" "$@" > "$work/wrk-$name-$count.txt"
}
