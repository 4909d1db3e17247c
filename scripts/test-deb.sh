#!/usr/bin/env bash
# The Debian package on a clean Debian 12, as an operator would use it: a minimal bookworm
# (debootstrap --variant=minbase) gets the package with apt, which must pull every library it
# needs from Debian; then the server starts as its systemd unit says (its user, settings file,
# working directory and command), answers on /healthz, serves the web application and its
# precompressed files, writes its database and key into /var/lib/gongzhi only, logs JSON, and
# stops cleanly on SIGTERM; removal keeps the data, purge drops the settings. There is no
# systemd inside a chroot, so the unit file is checked with systemd-analyze on the host.
#   scripts/test-deb.sh [BUILD_DIR]
set -euo pipefail

build=${1:-build}
debs=("$build"/gongzhi_*_amd64.deb)
deb=${debs[-1]}
version=$(dpkg-deb -f "$deb" Version)
root=$(mktemp -d /var/tmp/gongzhi-deb-root.XXXXXX)
log=$(mktemp /tmp/gongzhi-deb-test.XXXXXX)
base_cache=/var/cache/gongzhi-test/bookworm-minbase.tar
mirror=${DEBIAN_MIRROR:-http://deb.debian.org/debian}

say() { echo "deb-test: $*"; }
fail() {
  echo "deb-test: FAILED: $*" >&2
  [[ -s $log ]] && { echo "--- server output:" >&2; cat "$log" >&2; }
  exit 1
}
in_root() { chroot "$root" "$@"; }
cleanup() {
  set +e
  [[ -n ${server_pid:-} ]] && kill "$server_pid" 2> /dev/null
  for mount in dev/pts dev proc; do mountpoint -q "$root/$mount" && umount -l "$root/$mount"; done
  rm -rf "$root" "$log"
}
trap cleanup EXIT

command -v debootstrap > /dev/null || apt-get install -y -q debootstrap > /dev/null

# A clean base, made once and kept as a tarball (nothing of the package is ever in it).
if [[ ! -s $base_cache ]]; then
  say "debootstrap bookworm (minbase) from $mirror"
  fresh=$(mktemp -d /var/tmp/gongzhi-base.XXXXXX)
  debootstrap --variant=minbase bookworm "$fresh" "$mirror" > /tmp/gongzhi-debootstrap.log 2>&1 ||
    { tail -20 /tmp/gongzhi-debootstrap.log; fail "debootstrap"; }
  mkdir -p "$(dirname "$base_cache")"
  tar -C "$fresh" -cf "$base_cache.part" . && mv "$base_cache.part" "$base_cache"
  rm -rf "$fresh"
fi
tar -C "$root" -xf "$base_cache"
mount --bind /dev "$root/dev"
mount --bind /dev/pts "$root/dev/pts"
mount -t proc proc "$root/proc"
cp /etc/resolv.conf "$root/etc/resolv.conf"
printf 'deb %s bookworm main\ndeb %s bookworm-updates main\ndeb http://deb.debian.org/debian-security bookworm-security main\n' \
  "$mirror" "$mirror" > "$root/etc/apt/sources.list"
rm -f "$root"/etc/apt/sources.list.d/*

say "installing $(basename "$deb") ($version) with apt"
cp "$deb" "$root/tmp/gongzhi.deb"
in_root apt-get update -q > /dev/null || fail "apt-get update in the chroot"
DEBIAN_FRONTEND=noninteractive in_root apt-get install -y -q --no-install-recommends \
  /tmp/gongzhi.deb > "$log" 2>&1 || fail "apt-get install"
: > "$log"

# What the package put in place.
[[ $(in_root /usr/bin/gongzhi --version) == "gongzhi $version" ]] || fail "--version"
in_root getent passwd gongzhi | grep -q ':/var/lib/gongzhi:/usr/sbin/nologin$' ||
  fail "the gongzhi system user"
[[ $(in_root stat -c '%U:%G %a' /var/lib/gongzhi) == "gongzhi:gongzhi 750" ]] ||
  fail "/var/lib/gongzhi owner and mode"
[[ $(in_root stat -c '%U:%G %a' /etc/gongzhi/gongzhi.env) == "root:gongzhi 640" ]] ||
  fail "/etc/gongzhi/gongzhi.env owner and mode"
grep -qx '/etc/gongzhi/gongzhi.env' "$root/var/lib/dpkg/info/gongzhi.conffiles" ||
  fail "the settings are not a conffile"
[[ -f $root/usr/share/gongzhi/web/index.html ]] || fail "the web application"
[[ -f $root/usr/share/doc/gongzhi/examples/nginx-gongzhi.conf ]] || fail "the nginx example"
unit=$root/lib/systemd/system/gongzhi.service
[[ -f $unit ]] || unit=$root/usr/lib/systemd/system/gongzhi.service
[[ -f $unit ]] || fail "the systemd unit"
if command -v systemd-analyze > /dev/null; then
  systemd-analyze verify --root="$root" /lib/systemd/system/gongzhi.service 2>&1 |
    grep -v 'Failed to \(connect\|open\)\|No such file\|Unit [a-z.-]*\.target not found' | grep . &&
    fail "systemd-analyze verify gongzhi.service"
fi

# Start it as the unit does: its User, UMask, EnvironmentFile, WorkingDirectory and ExecStart.
unit_value() { sed -n "s/^$1=//p" "$unit" | tail -1; }
user=$(unit_value User)
env_file=$(unit_value EnvironmentFile)
workdir=$(unit_value WorkingDirectory)
exec_start=$(unit_value ExecStart)
umask_value=$(unit_value UMask)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
mapfile -t settings < <(grep -E '^[A-Z_]+=' "$root$env_file")
chroot --userspec="$user:$user" "$root" /usr/bin/env -i PATH=/usr/bin:/bin \
  "${settings[@]}" GONGZHI_PORT="$port" sh -c "umask $umask_value && cd $workdir && exec $exec_start" > "$log" 2>&1 &
server_pid=$!
for _ in $(seq 100); do
  curl -fs "http://127.0.0.1:$port/healthz" > /dev/null 2>&1 && break
  kill -0 "$server_pid" 2> /dev/null || fail "the server exited"
  sleep 0.1
done
health=$(curl -fs "http://127.0.0.1:$port/healthz") || fail "/healthz"
grep -q '"status":"ok"' <<< "$health" || fail "/healthz said $health"
grep -q "\"version\":\"$version\"" <<< "$health" || fail "/healthz version: $health"
# Whole answers, then grep: a reader that stops early (grep -q, head) would kill the writer
# with SIGPIPE under pipefail once the output passes a pipe's buffer.
page=$(curl -fs "http://127.0.0.1:$port/") || fail "the web application at /"
grep -q 'id="app"' <<< "$page" || fail "the web application at /"
assets=("$root"/usr/share/gongzhi/web/assets/*.js)
asset=assets/$(basename "${assets[0]}")
if [[ -f $root/usr/share/gongzhi/web/$asset.br ]]; then
  headers=$(curl -fsI -H 'Accept-Encoding: br, gzip' "http://127.0.0.1:$port/$asset") ||
    fail "$asset"
  grep -qi '^content-encoding: br' <<< "$headers" || fail "$asset is not sent as brotli"
fi
[[ $(in_root stat -c '%U %a' /var/lib/gongzhi/gongzhi.db) == "gongzhi 600" ]] ||
  fail "the database file (owner, mode)"
[[ $(in_root stat -c '%U %a' /var/lib/gongzhi/checkpoint.key) == "gongzhi 600" ]] ||
  fail "the checkpoint key (owner, mode)"
kill -TERM "$server_pid"
wait "$server_pid" || fail "the server did not stop cleanly on SIGTERM"
server_pid=
grep -q '"event":"stopped"' "$log" || fail "no JSON log line for the stop"
while IFS= read -r line; do
  [[ $line == \{* ]] || continue
  python3 -c 'import json,sys; json.loads(sys.argv[1])' "$line" || fail "not JSON: $line"
done < "$log"

# Removal keeps the community's data; purge takes the settings.
DEBIAN_FRONTEND=noninteractive in_root apt-get remove -y -q gongzhi > /dev/null
[[ ! -e $root/usr/bin/gongzhi ]] || fail "remove left the binary"
[[ -f $root/var/lib/gongzhi/gongzhi.db ]] || fail "remove deleted the database"
DEBIAN_FRONTEND=noninteractive in_root apt-get purge -y -q gongzhi > /dev/null
[[ ! -e $root/etc/gongzhi ]] || fail "purge left /etc/gongzhi"
say "ok: $(basename "$deb") installs on a clean Debian 12, starts as its unit says, serves, stops, removes"
