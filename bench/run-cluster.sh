#!/usr/bin/env bash
# The HTTP benchmark through a district's deployment (issue 20): scripts/cluster.sh's nginx (TLS)
# in front of three servers on a PostgreSQL primary with a streaming replica, beside one server
# on the same primary reached directly (the single-process figures), in the same run, with the
# demo community loaded. Targets: GET /healthz, GET /api/v1/track/{code}, the public board
# (GET /api/community-resources), POST /api/v1/requests as a staff user.
#   bench/run-cluster.sh
#   CLUSTER_BENCH_SECONDS=3 bench/run-cluster.sh           # a quick try
# GONGZHI_BIN picks the binary (default: the Release build in build-bench/).
# CLUSTER_BENCH_CONNECTIONS="64 256" sets the connection counts.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${CLUSTER_BENCH_SECONDS:-10}
connections=${CLUSTER_BENCH_CONNECTIONS:-64 256}
scripts/install-packages.sh wrk curl
source bench/lib.sh
if [[ -z ${GONGZHI_BIN:-} ]]; then
  bench_build gongzhi
  export GONGZHI_BIN=$PWD/build-bench/gongzhi
fi
bench_workdir gz_cluster_bench
chmod 755 "$work"  # the cluster's PostgreSQL runs as postgres
cluster_dir=$work/cluster
trap 'scripts/cluster.sh down "$cluster_dir"; bench_cleanup' EXIT

echo "starting the cluster with the demo community (a few minutes on PostgreSQL)…" >&2
CLUSTER_DEMO=1 scripts/cluster.sh up "$cluster_dir" >&2
setting() { sed -n "s/^$1=//p" "$cluster_dir/cluster.env"; }
cluster=$(setting HTTPS_URL)

# The single process: one server on the same primary, no replica, reached directly.
single_port=$(free_port)
"$GONGZHI_BIN" serve --host 127.0.0.1 --port "$single_port" --db "$(setting PRIMARY_DIRECT_URL)" \
  --checkpoint-key "$cluster_dir/checkpoint.key" > "$work/single.log" 2>&1 &
servers+=($!)
single=http://127.0.0.1:$single_port
wait_for "$single/healthz" "$work/single.log"

# A staff user of the demo community files requests; tracking codes come from the demo's.
password=bench-$RANDOM-$RANDOM
echo "$password" | "$GONGZHI_BIN" user add --username bench-staff --role staff --community 1 \
  --password-stdin --db "$(setting PRIMARY_DIRECT_URL)" > /dev/null
token=$(curl -fsS -X POST -H 'Content-Type: application/json' \
  -d "{\"username\":\"bench-staff\",\"password\":\"$password\"}" "$single/api/v1/auth/login" |
  python3 -c 'import json, sys; print(json.load(sys.stdin)["token"])')
runuser -u postgres -- psql -qAt -h 127.0.0.1 -p "$(setting PRIMARY_PORT)" -U postgres -d gongzhi \
  -c "SELECT tracking_code FROM requests ORDER BY id LIMIT 2000" > "$work/codes.txt"
household_id=$(runuser -u postgres -- psql -qAt -h 127.0.0.1 -p "$(setting PRIMARY_PORT)" \
  -U postgres -d gongzhi -c "SELECT MIN(id) FROM households WHERE community_id = 1")

for count in $connections; do
  for side in single cluster; do
    base=$single
    [[ $side == cluster ]] && base=$cluster
    wrk_run "$side-healthz" "$count" "$base/healthz"
    wrk_run "$side-track" "$count" "$base/" -s bench/http/track.lua -- "$work/codes.txt"
    wrk_run "$side-board" "$count" "$base/api/community-resources?community_id=1"
    wrk_run "$side-submit" "$count" "$base/" -s bench/http/submit.lua -- "$token" 1 "$household_id"
  done
done
replica_reads=0
for n in $(seq 1 "$(setting SERVERS)"); do
  count=$(curl -fsS "http://127.0.0.1:$(setting "SERVER_${n}_PORT")/metrics" |
    sed -n 's/^gongzhi_replica_reads_total //p')
  replica_reads=$((replica_reads + ${count:-0}))
done

python3 - "$work" "$connections" "$seconds" "$replica_reads" "$(setting SERVERS)" "$GONGZHI_BIN" << 'PY'
import datetime, os, sys
sys.path.insert(0, "bench")
from wrk_report import ms, parse, replace_section
work, connections, seconds, replica_reads, servers, binary = sys.argv[1:7]
connections = [int(c) for c in connections.split()]
targets = [("healthz", "GET /healthz"), ("track", "GET /api/v1/track/{code}"),
           ("board", "GET /api/community-resources (board)"), ("submit", "POST /api/v1/requests")]
lines = ["## Cluster (issue 20)", "",
         f"`bench/run-cluster.sh`, {datetime.date.today()}, {os.cpu_count()} CPUs, wrk -t2 for "
         f"{seconds} s per run, everything on the same machine: the cluster is nginx (TLS, "
         f"keep-alive to the upstream) → {servers} `gongzhi serve` → a PostgreSQL 15 primary, public "
         f"reads on its streaming replica ({int(replica_reads):,} reads answered there); the single "
         f"process is one server on the same primary, reached directly over plain HTTP. Demo "
         f"community loaded; binary `{os.path.relpath(binary)}`.", "",
         "| target | connections | single req/s | p99 | cluster req/s | p99 | cluster ÷ single |",
         "|---|---|---|---|---|---|---|"]
def bad(r): return r["non2xx"] > 0 or r["errors"] > 0 or r["total"] == 0
for c in connections:
    for name, label in targets:
        s = parse(f"{work}/wrk-single-{name}-{c}.txt")
        k = parse(f"{work}/wrk-cluster-{name}-{c}.txt")
        mark = lambda r: f"{r['rate']:,.0f}" + (f" ⚠ {r['non2xx']:,} non-2xx / {r['errors']:,} errors" if bad(r) else "")
        ratio = f"{k['rate'] / s['rate']:.2f}" if s["rate"] else "?"
        lines.append(f"| {label} | {c} | {mark(s)} | {ms(s['p99'])} | {mark(k)} | {ms(k['p99'])} | {ratio} |")
lines += ["", "On one 2-core machine the cluster's three servers, nginx, both databases and wrk share the same "
          "cores, so the cluster cannot be faster at reads here: the figures show what the proxy, TLS and "
          "the replica cost. Durable submissions gain from several servers committing at once "
          "(PostgreSQL flushes their commits together). A ⚠ marks non-2xx answers or socket errors "
          "(mostly wrk's 2 s timeout at 256 connections); its req/s counts only what completed."]
section = "\n".join(lines) + "\n"
print(section)
replace_section("Cluster (issue 20)", section)
PY
