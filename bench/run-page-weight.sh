#!/usr/bin/env bash
# Page weight and load time of the public board and the resident home on a throttled phone
# connection (1.6 Mbit/s down, 750 kbit/s up, 150 ms latency; issue 20), compressed against the
# uncompressed baseline in the same run. Builds the web app (vue-tsc, vite, precompression)
# unless GONGZHI_WEB_ROOT names a built one, serves it with a demo server on a fresh SQLite
# (GONGZHI_BIN, default build/gongzhi), prints the figures and writes them to bench/RESULTS.md
# (section "Page weight (issue 20)"). GONGZHI_BENCH_RUNS: measurements per figure (median; 3).
#   bench/run-page-weight.sh
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${GONGZHI_WEB_ROOT:-}" ]; then
  (cd web && { [ -d node_modules ] || npm ci; } && npm run build) >&2
  export GONGZHI_WEB_ROOT="$PWD/web/dist"
fi
[ -d tests/e2e/node_modules ] || (cd tests/e2e && npm ci) >&2
export GONGZHI_BIN="${GONGZHI_BIN:-$PWD/build/gongzhi}"
node bench/page_weight.mjs --results bench/RESULTS.md
