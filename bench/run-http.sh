#!/usr/bin/env bash
# HTTP throughput and latency (issue 9): gongzhi on SQLite against nginx serving a static file of
# the size of a tracking response on the same machine in the same run (the practical ceiling).
# Seeds a fresh database with HTTP_BENCH_REQUESTS requests (default 1,000,000), then for 64 and
# 256 connections runs wrk against: nginx static; GET /healthz; GET /api/v1/track/{code} over a
# sample of the seeded codes; POST /api/v1/requests as a staff user; GET /api/community-resources.
# Prints the figures and writes them to bench/RESULTS.md (HTTP section).
#   bench/run-http.sh
#   HTTP_BENCH_SECONDS=3 HTTP_BENCH_REQUESTS=20000 bench/run-http.sh    # a quick try
# HTTP_BENCH_CONNECTIONS="64 256" sets the connection counts.
set -euo pipefail
cd "$(dirname "$0")/.."
requests=${HTTP_BENCH_REQUESTS:-1000000}
seconds=${HTTP_BENCH_SECONDS:-10}
connections=${HTTP_BENCH_CONNECTIONS:-64 256}
scripts/install-packages.sh nginx wrk curl
source bench/lib.sh
bench_build gongzhi http_seed
bench_workdir gz_http_bench
chmod 755 "$work"  # nginx's workers run as nobody and must read the static file

# --- the fixture
password=bench-$RANDOM-$RANDOM
echo "seeding $requests requests…" >&2
build-bench/http_seed --db "sqlite:$work/bench.db" --requests "$requests" --codes "$work/codes.txt" \
  --sample 10000 --password "$password" > "$work/seed.txt"
seed() { sed -n "s/^$1=//p" "$work/seed.txt"; }
community_id=$(seed community_id)
household_id=$(seed household_id)

# --- gongzhi (no --demo: the seeded database is all it serves)
gongzhi_port=$(free_port)
build-bench/gongzhi serve --db "sqlite:$work/bench.db" --host 127.0.0.1 --port "$gongzhi_port" \
  > "$work/gongzhi.log" 2>&1 &
servers+=($!)
gongzhi=http://127.0.0.1:$gongzhi_port
wait_for "$gongzhi/healthz" "$work/gongzhi.log"
token=$(curl -fsS -X POST -H 'Content-Type: application/json' \
  -d "{\"username\":\"$(seed username)\",\"password\":\"$password\"}" "$gongzhi/api/v1/auth/login" |
  python3 -c 'import json, sys; print(json.load(sys.stdin)["token"])')

# --- nginx, serving a real tracking response as its static file
mkdir -p "$work/nginx/www" "$work/nginx/logs"
curl -fsS "$gongzhi/api/v1/track/$(head -n 1 "$work/codes.txt")" > "$work/nginx/www/track.json"
chmod -R a+rX "$work/nginx"
nginx_port=$(free_port)
cat > "$work/nginx/nginx.conf" << EOF
worker_processes auto;
pid $work/nginx/nginx.pid;
error_log $work/nginx/logs/error.log crit;
events { worker_connections 4096; }
http {
  access_log off;
  sendfile off;
  keepalive_timeout 65;
  keepalive_requests 1000000;
  default_type application/json;
  client_body_temp_path $work/nginx/body;
  proxy_temp_path $work/nginx/proxy;
  fastcgi_temp_path $work/nginx/fastcgi;
  uwsgi_temp_path $work/nginx/uwsgi;
  scgi_temp_path $work/nginx/scgi;
  server {
    listen 127.0.0.1:$nginx_port;
    root $work/nginx/www;
  }
}
EOF
nginx -p "$work/nginx" -c "$work/nginx/nginx.conf" -g 'daemon off;' 2> "$work/nginx/logs/stderr.log" &
servers+=($!)
wait_for "http://127.0.0.1:$nginx_port/track.json" "$work/nginx/logs/stderr.log"

# --- the runs, in the order of the issue at each connection count
for count in $connections; do
  wrk_run nginx "$count" "http://127.0.0.1:$nginx_port/track.json"
  wrk_run healthz "$count" "$gongzhi/healthz"
  wrk_run track "$count" "$gongzhi/" -s bench/http/track.lua -- "$work/codes.txt"
  wrk_run submit "$count" "$gongzhi/" -s bench/http/submit.lua -- "$token" "$community_id" "$household_id"
  wrk_run board "$count" "$gongzhi/api/community-resources?community_id=$community_id"
done

seeded=$(seed requests)
after=$(python3 -c 'import sqlite3, sys; print(sqlite3.connect(sys.argv[1]).execute("SELECT COUNT(*) FROM requests").fetchone()[0])' "$work/bench.db")

python3 - "$work" "$connections" "$seeded" "$after" "$seconds" "$(seed seconds)" "$(nginx -v 2>&1)" \
  "$(stat -c %s "$work/nginx/www/track.json")" << 'PY'
import datetime, os, sys
sys.path.insert(0, "bench")
from wrk_report import ms, parse, replace_section
work, connections, seeded, after, seconds, seed_seconds, nginx_version, static_bytes = sys.argv[1:9]
connections = [int(c) for c in connections.split()]
targets = [("nginx", "nginx static file (baseline)"), ("healthz", "gongzhi GET /healthz"),
           ("track", "GET /api/v1/track/{code}"), ("submit", "POST /api/v1/requests"),
           ("board", "GET /api/community-resources")]
results = {(name, c): parse(f"{work}/wrk-{name}-{c}.txt") for name, _ in targets for c in connections}
lines = ["## HTTP (issue 9)", "",
         f"`bench/run-http.sh`, {datetime.date.today()}, {os.cpu_count()} CPUs, wrk -t2 for {seconds} s "
         f"per run, client and servers on the same machine; gongzhi on SQLite (WAL, synchronous=FULL) "
         f"holding {int(seeded):,} requests (seeded in {float(seed_seconds):.1f} s; {int(after):,} after "
         f"the submission runs); baseline {nginx_version.replace('nginx version: ', '')} serving a "
         f"{int(static_bytes):,}-byte copy of a tracking response.", "",
         "| target | connections | req/s | p50 | p99 | × nginx | non-2xx / socket errors |",
         "|---|---|---|---|---|---|---|"]
def flagged(r): return r["non2xx"] > 0 or r["errors"] > 0 or r["total"] == 0
for c in connections:
    base = results[("nginx", c)]["rate"]
    for name, label in targets:
        r = results[(name, c)]
        bad = flagged(r)
        rate = f"{r['rate']:,.0f}" + (" ⚠" if bad else "")
        ratio = f"{r['rate'] / base:.2f}" if base else "?"
        errors = (f"⚠ {r['non2xx']:,} of {r['total']:,} / {r['errors']:,}" if bad
                  else "0 / 0")
        lines.append(f"| {label} | {c} | {rate} | {ms(r['p50'])} | {ms(r['p99'])} | {ratio} | {errors} |")

def verdict(name, test, describe):
    parts, ok = [], True
    for c in connections:
        r = results[(name, c)]
        good = not flagged(r) and test(r, results[("nginx", c)])
        ok = ok and good
        parts.append(f"{describe(r, results[('nginx', c)])} at {c}" + ("" if not flagged(r) else " (with errors)"))
    return ("**met**" if ok else "**not met**") + " — " + ", ".join(parts)
lines += ["", "Targets (met only when met at every connection count, without non-2xx or socket errors):", "",
          "- tracking lookup ≥ 0.7 × nginx: " + verdict(
              "track", lambda r, n: n["rate"] > 0 and r["rate"] >= 0.7 * n["rate"],
              lambda r, n: f"{r['rate'] / n['rate']:.2f}×" if n["rate"] else "?"),
          "- request submission ≥ 10,000/s on SQLite: " + verdict(
              "submit", lambda r, n: r["rate"] >= 10000, lambda r, n: f"{r['rate']:,.0f}/s"),
          "", "A ⚠ marks a run with non-2xx responses or socket errors: its req/s counts those too."]
section = "\n".join(lines) + "\n"
print(section)
replace_section("HTTP (issue 9)", section)
PY
