#!/usr/bin/env bash
# Ledger postings per second on SQLite and PostgreSQL, each against its bare-INSERT baseline
# in the same run. Prints the figures and writes them to bench/RESULTS.md (ledger section).
#   bench/run-ledger.sh
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-packages.sh libbenchmark-dev
cmake -S . -B build-bench -G Ninja -DCMAKE_BUILD_TYPE=Release -Wno-dev > /dev/null
cmake --build build-bench -j "$(nproc)" --target ledger_bench
out=$(mktemp -d)
trap 'rm -rf "$out" /tmp/gz_ledger_bench_*.db*' EXIT
build-bench/ledger_bench --benchmark_format=json > "$out/sqlite.json"
scripts/with-postgres.sh sh -c "GONGZHI_BENCH_DB=\$GONGZHI_TEST_PG build-bench/ledger_bench --benchmark_format=json" > "$out/pg.json"
python3 - "$out/sqlite.json" "$out/pg.json" <<'PY'
import json, sys, datetime, re, pathlib
rows = []
for label, path in (("SQLite", sys.argv[1]), ("PostgreSQL 15", sys.argv[2])):
    data = json.load(open(path))
    rate = {b["name"].split("/")[0]: b.get("postings_per_s") or b.get("rows_per_s") for b in data["benchmarks"]}
    rows.append((label, rate))
lines = ["## Ledger postings (issue 4)", "",
         f"`bench/run-ledger.sh`, {datetime.date.today()}, {data['context']['num_cpus']} CPUs; durable commits "
         "(SQLite WAL synchronous=FULL, PostgreSQL synchronous_commit=on but fsync off in the throwaway test server).", "",
         "| database | single award /s | bare INSERT /s (baseline) | ratio | batch of 10,000 awards /s | bare batch INSERT /s | ratio |",
         "|---|---|---|---|---|---|---|"]
for label, r in rows:
    s, sb = r["BM_SingleAward"], r["BM_BaselineSingleInsert"]
    b, bb = r["BM_BatchOf10000Awards"], r["BM_BaselineBatchOf10000Inserts"]
    lines.append(f"| {label} | {s:,.0f} | {sb:,.0f} | {s/sb:.2f} | {b:,.0f} | {bb:,.0f} | {b/bb:.2f} |")
section = "\n".join(lines) + "\n"
print(section)
path = pathlib.Path("bench/RESULTS.md")
text = path.read_text() if path.exists() else "# Benchmark results\n\nFigures from the scripts in bench/, each compared with its baseline in the same run.\n\n"
text = re.sub(r"## Ledger postings \(issue 4\).*?(?=\n## |\Z)", "", text, flags=re.S).rstrip() + "\n\n" + section
path.write_text(text)
PY
