#!/usr/bin/env bash
# City scale (issue 9): `gongzhi demo --communities N` (default 100, about 1.3 million residents)
# against the same demo with 1 community as the baseline, in one run. For each database: the
# demo generation time (total and per community), the database size (file + WAL), the report CLI
# for the street (html, xlsx) and for one community, then `gongzhi serve` on it: resident memory
# at rest (after a warm-up call of every route) and its peak under load (VmHWM), and for each
# interactive call a fixed-length closed loop of wrk (SCALE_CONNECTIONS connections for
# SCALE_SECONDS s, the query varied per request from the real data): req/s, p50, p99, and the
# p50 of one client alone (SCALE_SOLO_SECONDS s) for the service time. Target:
# every interactive call p99 < 100 ms at N communities. Prints the figures and writes them to
# bench/RESULTS.md (Scale section).
#   bench/run-scale.sh
#   SCALE_COMMUNITIES=5 SCALE_SECONDS=3 bench/run-scale.sh    # a quick try
# SCALE_KEEP=DIR keeps the databases in DIR and reuses them on the next run (their generation
# figures are then those of the run that made them) — for working on the queries only.
set -euo pipefail
cd "$(dirname "$0")/.."
communities=${SCALE_COMMUNITIES:-100}
seconds=${SCALE_SECONDS:-10}
connections=${SCALE_CONNECTIONS:-8}
solo_seconds=${SCALE_SOLO_SECONDS:-5}  # one client alone: the service time of a call
period=${SCALE_PERIOD:-2026Q3}
street=北山街道  # the demo's street (data/demo/registry.json, "place")
password=gongzhi2026
scripts/install-packages.sh wrk curl
source bench/lib.sh
bench_build gongzhi
bench_workdir gz_scale_bench
keep=${SCALE_KEEP:-}
[[ -n $keep ]] && mkdir -p "$keep"
now() { date +%s.%N; }
# Records NAME=VALUE for the report (one file per database).
record() { echo "$2=$3" >> "$work/figures-$1.txt"; }
status_kb() { sed -n "s/^$2:[[:space:]]*\([0-9]*\) kB/\1/p" "/proc/$1/status"; }
# Waits (at most 5 minutes) until the server has used under 0.05 s of CPU in half a second:
# wrk stops at the end of a run, but the server still finishes the calls it had accepted, and
# a slow call's tail would otherwise load the next run.
wait_idle() {
  local pid=$1 before after
  cpu_ticks() { awk '{ print $14 + $15 }' "/proc/$1/stat"; }
  before=$(cpu_ticks "$pid")
  for _ in $(seq 1 600); do
    sleep 0.5
    after=$(cpu_ticks "$pid")
    (((after - before) * 100 < 5 * $(getconf CLK_TCK))) && return 0
    before=$after
  done
  echo "run-scale: the server did not go idle" >&2
}

# --- one database: generate, measure, serve, load
measure() {  # measure LABEL COMMUNITIES
  local label=$1 count=$2 db dir
  dir=${keep:-$work}
  db=$dir/scale-$count.db
  : > "$work/figures-$label.txt"
  record "$label" communities "$count"
  if [[ -n $keep && -f $db && -f $dir/scale-$count.generated ]]; then
    echo "reusing $db" >&2
    cat "$dir/scale-$count.generated" >> "$work/figures-$label.txt"
    record "$label" reused 1
  else
    rm -f "$db" "$db-wal" "$db-shm"
    echo "generating the demo with $count communities…" >&2
    local started finished
    started=$(now)
    build-bench/gongzhi demo --db "sqlite:$db" --communities "$count" > "$work/demo-$label.txt"
    finished=$(now)
    echo "generate_s=$(python3 -c "print($finished - $started)")" > "$work/generated-$label.txt"
    cat "$work/generated-$label.txt" >> "$work/figures-$label.txt"
    [[ -n $keep ]] && cp "$work/generated-$label.txt" "$dir/scale-$count.generated"
  fi
  record "$label" db_bytes "$(($(stat -c %s "$db") + $(stat -c %s "$db-wal" 2> /dev/null || echo 0)))"
  python3 - "$db" "$period" >> "$work/figures-$label.txt" << 'PY'
import datetime, sqlite3, sys
db = sqlite3.connect(sys.argv[1])
for table in ("communities", "households", "residents", "requests", "audit_log"):
    print(f"{table}={db.execute(f'SELECT COUNT(*) FROM {table}').fetchone()[0]}")
# The rows a street-scope indicators call reads for the period (Asia/Shanghai quarters).
year, quarter = int(sys.argv[2][:4]), int(sys.argv[2][5])
zone = datetime.timezone(datetime.timedelta(hours=8))
start = datetime.datetime(year, 3 * quarter - 2, 1, tzinfo=zone)
end = datetime.datetime(year + (quarter == 4), 1 if quarter == 4 else 3 * quarter + 1, 1, tzinfo=zone)
span = (int(start.timestamp() * 1000), int(end.timestamp() * 1000))
print("period_requests=%d" % db.execute(
    "SELECT COUNT(*) FROM requests WHERE received_ms >= ? AND received_ms < ?", span).fetchone()[0])
print("period_checkins=%d" % db.execute(
    "SELECT COUNT(*) FROM activity_attendance WHERE checked_in_ms >= ? AND checked_in_ms < ?",
    span).fetchone()[0])
print("tags=%d" % db.execute("SELECT COUNT(*) FROM household_labels WHERE kind = 'tag'").fetchone()[0])
PY

  # The report CLI: the street (html, xlsx) and the first community (html).
  local started finished
  for kind in street_html street_xlsx community_html; do
    local args=(--period "$period")
    case $kind in
      street_html) args+=(--street "$street" --format html --output "$work/report.html") ;;
      street_xlsx) args+=(--street "$street" --format xlsx --output "$work/report.xlsx") ;;
      community_html) args+=(--community 1 --format html --output "$work/report1.html") ;;
    esac
    echo "report $kind…" >&2
    started=$(now)
    build-bench/gongzhi report --db "sqlite:$db" "${args[@]}"
    finished=$(now)
    record "$label" "report_${kind}_s" "$(python3 -c "print($finished - $started)")"
  done

  # The request paths, drawn from the data: name fragments (a resident's given name) of
  # community 1 for its staff, of every community for the street; tags and pages; communities.
  python3 - "$db" "$work/paths-$label" "$street" "$period" << 'PY'
import random, sqlite3, sys, urllib.parse
db_path, prefix, street, period = sys.argv[1:5]
db = sqlite3.connect(db_path)
rng = random.Random(2026)
quote = lambda text: urllib.parse.quote(text, safe="")
communities = [row[0] for row in db.execute("SELECT id FROM communities ORDER BY id")]
first = communities[0]
def fragments(sql, params=()):
    names = [row[0] for row in db.execute(sql, params)]
    picked = rng.sample(names, min(1000, len(names)))
    return [name[1:] if len(name) >= 3 else name for name in picked]
tags = [row[0] for row in db.execute(
    "SELECT DISTINCT value FROM household_labels WHERE kind = 'tag' ORDER BY value")]
paths = {
    "search_community": [f"/api/v1/households?community_id={first}&q={quote(q)}" for q in
                         fragments("SELECT name FROM residents WHERE community_id = ?", (first,))],
    "search_street": [f"/api/v1/households?q={quote(q)}" for q in
                      fragments("SELECT name FROM residents WHERE id % 97 = 0")],
    "search_tag": [f"/api/v1/households?community_id={rng.choice(communities)}"
                   f"&tag={rng.choice(tags)}&page={rng.randint(1, 5)}" for _ in range(1000)],
    "ranking": [f"/api/v1/needs/ranking?community_id={c}&limit=100" for c in communities],
    "indicators_community": [f"/api/v1/indicators?community_id={c}&period={period}"
                             for c in communities],
    "indicators_street": [f"/api/v1/indicators?street_id={quote(street)}&period={period}"],
    "cockpit_street": [f"/api/v1/cockpit?street_id={quote(street)}"],
}
for name, lines in paths.items():
    with open(f"{prefix}-{name}.txt", "w") as out:
        out.write("\n".join(lines) + "\n")
PY

  local port log pid base
  port=$(free_port)
  log=$work/gongzhi-$label.log
  build-bench/gongzhi serve --db "sqlite:$db" --host 127.0.0.1 --port "$port" > "$log" 2>&1 &
  pid=$!
  servers+=("$pid")
  base=http://127.0.0.1:$port
  wait_for "$base/healthz" "$log" 300
  token() {
    curl -fsS -X POST -H 'Content-Type: application/json' \
      -d "{\"username\":\"$1\",\"password\":\"$password\"}" "$base/api/v1/auth/login" |
      python3 -c 'import json, sys; print(json.load(sys.stdin)["token"])'
  }
  local staff_token street_token
  staff_token=$(token staff)
  street_token=$(token street)
  local calls=(search_community:staff search_street:street search_tag:street ranking:street
    indicators_community:street indicators_street:street cockpit_street:street)
  # Warm-up: every path of every call once per 50 (and all of the short lists), then memory
  # at rest.
  local call name who tok
  for call in "${calls[@]}"; do
    name=${call%%:*} who=${call##*:}
    [[ $who == staff ]] && tok=$staff_token || tok=$street_token
    awk 'NR % 50 == 1' "$work/paths-$label-$name.txt" | head -n 5 | while read -r path; do
      curl -fsS -o /dev/null -H "Authorization: Bearer $tok" "$base$path"
    done
  done
  record "$label" rss_rest_kb "$(status_kb "$pid" VmRSS)"
  record "$label" anon_rest_kb "$(status_kb "$pid" RssAnon)"
  # The heap (RssAnon) sampled during the runs; VmRSS also counts the database pages SQLite
  # maps (mmap_size, per connection), which the kernel shares with its page cache.
  (while kill -0 "$pid" 2> /dev/null; do
    status_kb "$pid" RssAnon >> "$work/anon-$label.txt" 2> /dev/null || true
    sleep 0.2
  done) &
  servers+=($!)
  # The street's quarterly report over HTTP (JSON), three times in a row (a report, not an
  # interactive call: timed, not loaded).
  local times=()
  for _ in 1 2 3; do
    times+=("$(curl -fsS -o /dev/null -w '%{time_total}' -H "Authorization: Bearer $street_token" \
      "$base/api/v1/reports/$period?street_id=$(python3 -c 'import sys, urllib.parse; print(urllib.parse.quote(sys.argv[1]))' "$street")")")
  done
  record "$label" report_http_street_s "${times[*]}"
  for call in "${calls[@]}"; do
    name=${call%%:*} who=${call##*:}
    [[ $who == staff ]] && tok=$staff_token || tok=$street_token
    echo "wrk $name ($label), 1 connection for ${solo_seconds}s, $connections for ${seconds}s…" >&2
    wait_idle "$pid"
    wrk -t1 -c1 -d"${solo_seconds}s" --timeout 30s --latency "$base/" \
      -s bench/scale/paths.lua -- "$work/paths-$label-$name.txt" "$tok" > "$work/solo-$label-$name.txt"
    wait_idle "$pid"
    wrk -t2 -c"$connections" -d"${seconds}s" --timeout 30s --latency "$base/" \
      -s bench/scale/paths.lua -- "$work/paths-$label-$name.txt" "$tok" > "$work/wrk-$label-$name.txt"
  done
  wait_idle "$pid"
  record "$label" rss_after_kb "$(status_kb "$pid" VmRSS)"
  record "$label" hwm_kb "$(status_kb "$pid" VmHWM)"
  record "$label" anon_peak_kb "$(sort -n "$work/anon-$label.txt" | tail -n 1)"
  kill "$pid"
  wait "$pid" 2> /dev/null || true
}

load_before=$(cut -d' ' -f1-3 /proc/loadavg)
measure base 1
measure scale "$communities"
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

python3 - "$work" "$seconds" "$connections" "$period" "$solo_seconds" "$load_before" "$load_after" << 'PY'
import datetime, os, pathlib, re, sys
sys.path.insert(0, "bench")
from wrk_report import ms, parse, replace_section
work, seconds, connections, period, solo_seconds, load_before, load_after = sys.argv[1:8]

def figures(label):
    out = {}
    for line in pathlib.Path(f"{work}/figures-{label}.txt").read_text().splitlines():
        key, _, value = line.partition("=")
        out[key] = value
    return out

def sec(value): return f"{float(value):.2f} s" if float(value) < 10 else f"{float(value):,.0f} s"
def mb(kb): return f"{int(kb) / 1024:,.0f} MB"

base, scale = figures("base"), figures("scale")
n = int(scale["communities"])
calls = [("search_community", "household search, one community (`q` = a resident's given name)", "staff"),
         ("search_street", "household search, whole street (`q` = a given name)", "street"),
         ("search_tag", "household list by tag, page 1-5 (random community)", "street"),
         ("ranking", "needs ranking, top 100 (random community)", "street"),
         ("indicators_community", f"indicators {period}, one community (random)", "street"),
         ("indicators_street", f"indicators {period}, the street", "street"),
         ("cockpit_street", "cockpit snapshot, the street", "street")]
lines = ["## Scale (issue 9)", "",
         f"`bench/run-scale.sh`, {datetime.date.today()}, {os.cpu_count()} CPUs; the demo with "
         f"{n} communities ({int(scale['households']):,} households, {int(scale['residents']):,} "
         f"residents, {int(scale['requests']):,} requests, {int(scale['audit_log']):,} audit entries) "
         f"against the baseline of the demo with 1 community ({int(base['residents']):,} residents), "
         f"both on SQLite (WAL) generated and served the same way in the same run"
         + (" (the databases were reused from an earlier run with SCALE_KEEP: their generation "
            "figures are that run's)" if "reused" in base or "reused" in scale else "")
         + f"; load average {load_before} at the start, {load_after} at the end (other work on "
         "the machine shows there).", "",
         "| | 1 community (baseline) | " + f"{n} communities | ratio |", "|---|---|---|---|"]
def row(label, a, b, fmt, ratio=True):
    r = f"{float(b) / float(a):.1f}×" if ratio and float(a) else ""
    lines.append(f"| {label} | {fmt(a)} | {fmt(b)} | {r} |")
row("demo generation", base["generate_s"], scale["generate_s"], sec)
row("demo generation per community", float(base["generate_s"]) / int(base["communities"]),
    float(scale["generate_s"]) / n, sec)
row("database size (file + WAL)", int(base["db_bytes"]) // 1024, int(scale["db_bytes"]) // 1024, mb)
row("`gongzhi report --street` html", base["report_street_html_s"], scale["report_street_html_s"], sec)
row("`gongzhi report --street` xlsx", base["report_street_xlsx_s"], scale["report_street_xlsx_s"], sec)
row("`gongzhi report --community 1` html", base["report_community_html_s"],
    scale["report_community_html_s"], sec)
best = lambda f: min(float(t) for t in f["report_http_street_s"].split())
row(f"GET /api/v1/reports/{period}?street_id= (JSON, best of 3)", best(base), best(scale), sec)
row("server heap at rest (RssAnon after warm-up)", base["anon_rest_kb"], scale["anon_rest_kb"], mb)
row("server heap under load (peak RssAnon, sampled every 0.2 s)", base["anon_peak_kb"],
    scale["anon_peak_kb"], mb)
row("server VmRSS at rest (heap + mapped database pages)", base["rss_rest_kb"], scale["rss_rest_kb"], mb)
row("server VmHWM after the runs (peak VmRSS)", base["hwm_kb"], scale["hwm_kb"], mb)
lines += ["", f"Interactive calls: wrk -t2 -c{connections} for {seconds} s each, one call after the "
          "other, each after the server has gone idle, the query varied per request from the data; "
          f"\"alone\" is the p50 of one client alone for {solo_seconds} s just before (the "
          "service time of the call); `staff` is community 1's "
          "worker, `street` the street supervisor (all communities).", "",
          f"| call | as | alone p50 (1) | req/s (1) | p50 (1) | p99 (1) | alone p50 ({n}) | "
          f"req/s ({n}) | p50 ({n}) | p99 ({n}) | p99 ratio | p99 < 100 ms at {n} |",
          "|---|---|---|---|---|---|---|---|---|---|---|---|"]
def flagged(r): return r["non2xx"] > 0 or r["errors"] > 0 or r["total"] == 0
met_all = True
for name, label, who in calls:
    a, b = parse(f"{work}/wrk-base-{name}.txt"), parse(f"{work}/wrk-scale-{name}.txt")
    sa, sb = parse(f"{work}/solo-base-{name}.txt"), parse(f"{work}/solo-scale-{name}.txt")
    def rate(r): return f"{r['rate']:,.0f}" + (f" ⚠ {r['non2xx']:,} non-2xx / {r['errors']:,} errors" if flagged(r) else "")
    ratio = f"{b['p99'] / a['p99']:.1f}×" if a["p99"] and b["p99"] else "?"
    met = b["p99"] is not None and b["p99"] < 100 and not flagged(b)
    met_all = met_all and met
    lines.append(f"| {label} | {who} | {ms(sa['p50'])} | {rate(a)} | {ms(a['p50'])} | {ms(a['p99'])} | "
                 f"{ms(sb['p50'])} | {rate(b)} | {ms(b['p50'])} | {ms(b['p99'])} | {ratio} | "
                 f"{'met' if met else '**not met**'} |")
lines += ["", f"Target, every interactive call p99 < 100 ms at {n} communities: "
          + ("**met**" if met_all else "**not met**") + ".",
          "A ⚠ marks a run with non-2xx responses or socket errors.", "",
          f"What a street-scope call gathers at {n} communities when nothing is kept (a fresh process, as in the report CLI rows above, or after a write in every community; the server keeps each community's derived values until its next audited write): the {period} "
          f"requests ({int(scale['period_requests']):,}), check-ins ({int(scale['period_checkins']):,}) "
          f"and the household tags ({int(scale['tags']):,}) of the whole street — against "
          f"{int(base['period_requests']):,}, {int(base['period_checkins']):,} and "
          f"{int(base['tags']):,} at 1 community. With {connections} clients on "
          f"{os.cpu_count()} CPUs a call waits for about {connections}/{os.cpu_count()} others, so "
          f"its p99 is several times its service time alone."]
section = "\n".join(lines) + "\n"
print(section)
replace_section("Scale (issue 9)", section)
PY
