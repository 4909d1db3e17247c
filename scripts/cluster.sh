#!/usr/bin/env bash
# A district's deployment on one machine, on loopback: a PostgreSQL 15 primary, a streaming
# replica made from it with pg_basebackup -R, N `gongzhi serve` processes (3 by default) on
# the primary with the replica for public reads, and nginx in front with TLS, running the
# documented site packaging/nginx/gongzhi.conf (its upstream, ports, paths and certificate
# substituted). For the failover test (tests/cluster) and bench/run-cluster.sh.
#
#   scripts/cluster.sh up [DIR]          start everything; DIR/cluster.env says where it is
#   scripts/cluster.sh down [DIR]        stop everything and delete DIR
#   scripts/cluster.sh kill-server N [DIR] | start-server N [DIR]
#   scripts/cluster.sh stop-replica [DIR] | start-replica [DIR]
#   scripts/cluster.sh stop-primary [DIR] | promote [DIR]     (a planned failover)
#
# DIR defaults to /tmp/gongzhi-cluster. Settings: CLUSTER_SERVERS (3), CLUSTER_DEMO=1 (the demo
# community on the primary before the servers start), GONGZHI_BIN (build/gongzhi),
# GONGZHI_WEB_ROOT (web/dist), CLUSTER_SERVE_ARGS (more `serve` options, e.g. --job-interval 1).
# Replication is asynchronous: a planned failover stops the primary cleanly first (its WAL
# reaches the replica before it exits), then promotes. For an unplanned one without losing an
# acknowledged write, set synchronous_standby_names on the primary (writes then wait for the
# replica).
set -euo pipefail
cd "$(dirname "$0")/.."
repo=$(pwd)

command=${1:-}
case $command in
  up | down | status | stop-replica | start-replica | stop-primary | promote) dir=${2:-} ;;
  kill-server | start-server) dir=${3:-} ;;
  *)
    sed -n '2,22p' "$0" | sed 's/^# \{0,1\}//' >&2
    exit 2
    ;;
esac
dir=${dir:-/tmp/gongzhi-cluster}
pg_bin=${PG_BIN:-/usr/lib/postgresql/15/bin}
bin=${GONGZHI_BIN:-$repo/build/gongzhi}
web_root=${GONGZHI_WEB_ROOT:-$repo/web/dist}
servers=${CLUSTER_SERVERS:-3}

as_postgres() { (cd "$dir" && runuser -u postgres -- "$@"); }
free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}
setting() { sed -n "s/^$1=//p" "$dir/cluster.env"; }
wait_http() {
  local url=$1 log=$2
  for _ in $(seq 1 300); do
    curl -fsk -o /dev/null "$url" 2> /dev/null && return 0
    sleep 0.1
  done
  echo "cluster: no answer from $url; its log:" >&2
  tail -20 "$log" >&2
  return 1
}

# launch_server N — starts server N in the background; start_server N also waits for it.
launch_server() {
  local n=$1 port
  port=$(setting "SERVER_${n}_PORT")
  # shellcheck disable=SC2086  # CLUSTER_SERVE_ARGS is a list of options
  "$bin" serve --host 127.0.0.1 --port "$port" --db "$(setting PRIMARY_URL)" \
    --db-replica "$(setting REPLICA_URL)" --trusted-proxy 127.0.0.1 --web-root "$web_root" \
    --log-format json --checkpoint-key "$dir/checkpoint.key" ${CLUSTER_SERVE_ARGS:-} \
    >> "$dir/server-$n.log" 2>&1 &
  echo $! > "$dir/server-$n.pid"
}
start_server() {
  launch_server "$1"
  wait_http "http://127.0.0.1:$(setting "SERVER_${1}_PORT")/healthz" "$dir/server-$1.log"
}

pg_start() {  # pg_start DATA PORT
  as_postgres "$pg_bin/pg_ctl" -D "$1" -l "$1.log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $2 -k $dir" start > /dev/null
}

up() {
  if [[ -e $dir/cluster.env ]]; then
    echo "cluster: $dir is in use (scripts/cluster.sh down $dir first)" >&2
    exit 1
  fi
  scripts/install-packages.sh postgresql-15 nginx libnginx-mod-http-brotli-static curl openssl
  [[ -x $bin ]] || { echo "cluster: $bin is not built (make build)" >&2; exit 1; }
  [[ -f $web_root/index.html ]] || { echo "cluster: $web_root has no web build (make web)" >&2; exit 1; }
  mkdir -p "$dir"
  chmod 755 "$dir"
  chown postgres: "$dir"
  local primary_port replica_port https_port http_port
  primary_port=$(free_port)
  replica_port=$(free_port)
  https_port=$(free_port)
  http_port=$(free_port)
  {
    echo "DIR=$dir"
    echo "PRIMARY_PORT=$primary_port"
    echo "REPLICA_PORT=$replica_port"
    echo "PRIMARY_DIRECT_URL=postgresql://postgres@127.0.0.1:$primary_port/gongzhi"
    echo "REPLICA_URL=postgresql://postgres@127.0.0.1:$replica_port/gongzhi"
    # Both hosts, the writable one chosen: after a promotion the servers find the new primary.
    echo "PRIMARY_URL=postgresql://postgres@127.0.0.1:$primary_port,127.0.0.1:$replica_port/gongzhi?target_session_attrs=read-write&connect_timeout=2"
    echo "HTTPS_URL=https://127.0.0.1:$https_port"
    echo "HTTP_PORT=$http_port"
    echo "SERVERS=$servers"
    for n in $(seq 1 "$servers"); do echo "SERVER_${n}_PORT=$(free_port)"; done
  } > "$dir/cluster.env"

  # The primary: WAL for a streaming replica; initdb's pg_hba lets loopback replicate.
  as_postgres "$pg_bin/initdb" -D "$dir/primary" -U postgres -A trust -E UTF8 --locale=C.UTF-8 \
    --no-instructions > "$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; exit 1; }
  cat >> "$dir/primary/postgresql.conf" << EOF
wal_level = replica
max_wal_senders = 5
wal_keep_size = 256MB
hot_standby = on
max_connections = 300
EOF
  pg_start "$dir/primary" "$primary_port"
  as_postgres "$pg_bin/createdb" -h 127.0.0.1 -p "$primary_port" -U postgres gongzhi
  as_postgres "$pg_bin/psql" -q -h 127.0.0.1 -p "$primary_port" -U postgres -d gongzhi \
    -c "CREATE EXTENSION IF NOT EXISTS pg_trgm"
  "$bin" migrate --db "$(setting PRIMARY_DIRECT_URL)" > "$dir/migrate.log" 2>&1 ||
    { cat "$dir/migrate.log" >&2; exit 1; }
  if [[ ${CLUSTER_DEMO:-0} == 1 ]]; then
    "$bin" demo --db "$(setting PRIMARY_DIRECT_URL)" > "$dir/demo.log" 2>&1 ||
      { cat "$dir/demo.log" >&2; exit 1; }
  fi

  # The replica: a base backup that follows the primary (-R writes primary_conninfo).
  as_postgres "$pg_bin/pg_basebackup" -h 127.0.0.1 -p "$primary_port" -U postgres \
    -D "$dir/replica" -R -X stream -c fast
  pg_start "$dir/replica" "$replica_port"

  # The servers, started together as a service manager would (their jobs must then agree on
  # who runs each: a PostgreSQL advisory lock per job).
  for n in $(seq 1 "$servers"); do launch_server "$n"; done
  for n in $(seq 1 "$servers"); do
    wait_http "http://127.0.0.1:$(setting "SERVER_${n}_PORT")/healthz" "$dir/server-$n.log"
  done

  # nginx: the documented site, with this cluster's upstream, ports, files and certificate.
  mkdir -p "$dir/nginx"
  openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=127.0.0.1 \
    -keyout "$dir/nginx/key.pem" -out "$dir/nginx/cert.pem" > /dev/null 2>&1
  local upstream=""
  for n in $(seq 1 "$servers"); do
    upstream+="    server 127.0.0.1:$(setting "SERVER_${n}_PORT") max_fails=1 fail_timeout=5s;\n"
  done
  sed -e "/^    server 127.0.0.1:8080 /c\\$upstream" \
    -e '/listen \[::\]/d' \
    -e "s|listen 80;|listen 127.0.0.1:$http_port;|" \
    -e "s|listen 443 ssl http2;|listen 127.0.0.1:$https_port ssl http2;|" \
    -e "s|/etc/ssl/certs/gongzhi.example.org.pem|$dir/nginx/cert.pem|" \
    -e "s|/etc/ssl/private/gongzhi.example.org.key|$dir/nginx/key.pem|" \
    -e "s|root /usr/share/gongzhi/web;|root $web_root;|" \
    -e "s|shared:gongzhi_tls:|shared:gongzhi_tls_$$:|" \
    packaging/nginx/gongzhi.conf > "$dir/nginx/site.conf"
  grep -q "127.0.0.1:$(setting SERVER_1_PORT)" "$dir/nginx/site.conf" ||
    { echo "cluster: the nginx site did not take the upstream" >&2; exit 1; }
  cat > "$dir/nginx/nginx.conf" << EOF
load_module /usr/lib/nginx/modules/ngx_http_brotli_static_module.so;
worker_processes 2;
pid $dir/nginx/nginx.pid;
error_log $dir/nginx/error.log warn;
events { worker_connections 4096; }
http {
  include /etc/nginx/mime.types;
  default_type application/octet-stream;
  access_log $dir/nginx/access.log;
  client_body_temp_path $dir/nginx/body;
  proxy_temp_path $dir/nginx/proxy;
  fastcgi_temp_path $dir/nginx/fastcgi;
  uwsgi_temp_path $dir/nginx/uwsgi;
  scgi_temp_path $dir/nginx/scgi;
  keepalive_requests 100000;
  include $dir/nginx/site.conf;
}
EOF
  nginx -c "$dir/nginx/nginx.conf" -t > "$dir/nginx/test.log" 2>&1 ||
    { cat "$dir/nginx/test.log" >&2; exit 1; }
  nginx -c "$dir/nginx/nginx.conf"
  wait_http "$(setting HTTPS_URL)/healthz" "$dir/nginx/error.log"
  echo "cluster: up — $(setting HTTPS_URL) (nginx) → $servers servers → primary :$primary_port," \
    "replica :$replica_port; settings in $dir/cluster.env"
}

down() {
  [[ -e $dir/cluster.env ]] || { rm -rf "$dir"; return 0; }
  [[ -f $dir/nginx/nginx.pid ]] && nginx -c "$dir/nginx/nginx.conf" -s stop 2> /dev/null || true
  for pid_file in "$dir"/server-*.pid; do
    [[ -f $pid_file ]] || continue
    kill "$(cat "$pid_file")" 2> /dev/null || true
  done
  sleep 0.5
  for data in primary replica; do
    [[ -f $dir/$data/postmaster.pid ]] &&
      as_postgres "$pg_bin/pg_ctl" -D "$dir/$data" -m immediate -w stop > /dev/null 2>&1 || true
  done
  rm -rf "$dir"
}

case $command in
  up) up ;;
  down) down ;;
  status) cat "$dir/cluster.env" ;;
  kill-server) kill -9 "$(cat "$dir/server-$2.pid")" ;;
  start-server) start_server "$2" ;;
  stop-replica) as_postgres "$pg_bin/pg_ctl" -D "$dir/replica" -m fast -w stop > /dev/null ;;
  start-replica) pg_start "$dir/replica" "$(setting REPLICA_PORT)" ;;
  stop-primary) as_postgres "$pg_bin/pg_ctl" -D "$dir/primary" -m fast -w stop > /dev/null ;;
  promote) as_postgres "$pg_bin/pg_ctl" -D "$dir/replica" -w promote > /dev/null ;;
esac
