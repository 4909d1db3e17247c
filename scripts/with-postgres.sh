#!/usr/bin/env bash
# Runs COMMAND with a throwaway PostgreSQL 15 server and GONGZHI_TEST_PG pointing at an empty
# database on it, then stops the server and deletes its files, also when COMMAND fails or the
# script is interrupted. Exits with COMMAND's status.
#
#   scripts/with-postgres.sh ctest --test-dir build
#
# When GONGZHI_TEST_PG is already set (a server someone else runs), COMMAND simply runs.
# The cluster lives in a fresh directory under /tmp owned by the server's user, so the
# repository may sit where that user cannot read. Durability is switched off: test data only.
set -euo pipefail

if [[ $# -eq 0 ]]; then
  echo "usage: $0 COMMAND [ARG...]" >&2
  exit 2
fi

if [[ -n "${GONGZHI_TEST_PG:-}" ]]; then
  exec "$@"
fi

pg_bin=${PG_BIN:-/usr/lib/postgresql/15/bin}
if [[ ! -x "$pg_bin/initdb" ]]; then
  if [[ $(id -u) -ne 0 ]]; then
    echo "$0: PostgreSQL 15 is not installed ($pg_bin/initdb missing); install postgresql-15" >&2
    exit 1
  fi
  echo "$0: installing postgresql-15" >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql-15 >&2 ||
    { apt-get update -q >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -q postgresql-15 >&2; }
fi

# The server refuses to run as root; run it as `postgres` then.
if [[ $(id -u) -eq 0 ]]; then
  server_user=postgres
  as_server() { (cd "$work" && runuser -u "$server_user" -- "$@"); }
else
  server_user=$(id -un)
  as_server() { (cd "$work" && "$@"); }
fi

work=$(mktemp -d /tmp/gongzhi-pg.XXXXXX)
chmod 700 "$work"
[[ $(id -u) -eq 0 ]] && chown "$server_user": "$work"
data="$work/data"
started=0

# shellcheck disable=SC2317  # called by the EXIT trap
cleanup() {
  local status=$?
  if [[ $started -eq 1 ]]; then
    as_server "$pg_bin/pg_ctl" -D "$data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$work"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

as_server "$pg_bin/initdb" -D "$data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 \
  --no-sync --no-instructions >"$work/initdb.log" 2>&1 ||
  { cat "$work/initdb.log" >&2; exit 1; }

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# Probe upward from 55432; a port taken between the probe and the start (another run of this
# script) makes the start fail, and the next port is tried.
port=55432
for _ in $(seq 1 50); do
  while ! port_free "$port"; do port=$((port + 1)); done
  if as_server "$pg_bin/pg_ctl" -D "$data" -l "$work/server.log" -w -t 30 \
    -o "-c listen_addresses=127.0.0.1 -p $port -k $work -c fsync=off -c synchronous_commit=off \
-c full_page_writes=off -c max_connections=200" start >/dev/null 2>&1; then
    started=1
    break
  fi
  port=$((port + 1))
done
if [[ $started -ne 1 ]]; then
  echo "$0: could not start PostgreSQL; server log:" >&2
  cat "$work/server.log" >&2 || true
  exit 1
fi

as_server "$pg_bin/createdb" -h 127.0.0.1 -p "$port" -U postgres gongzhi_test
# Tests that give each case its own schema put "public" last on their search_path: pg_trgm lives
# there once, instead of in whichever case's schema created it first (and dropped it with it).
as_server "$pg_bin/psql" -q -h 127.0.0.1 -p "$port" -U postgres -d gongzhi_test \
  -c "CREATE EXTENSION IF NOT EXISTS pg_trgm SCHEMA public"

export GONGZHI_TEST_PG="postgresql://postgres@127.0.0.1:$port/gongzhi_test"
set +e
"$@"
status=$?
set -e
exit "$status"
