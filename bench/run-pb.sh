#!/usr/bin/env bash
# The engines of issue 5, single thread: equal-shares-add1 on poland_lodz_2022_.pb (90,494
# voters, 160 projects) against greedy on the same file (the baseline of the same run), the
# needs score of 1,000,000 households, and a 20-category allocation plan. Prints the figures
# and writes them to bench/RESULTS.md (engines section).
#   bench/run-pb.sh
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-packages.sh libbenchmark-dev
cmake -S . -B build-bench -G Ninja -DCMAKE_BUILD_TYPE=Release -Wno-dev > /dev/null
cmake --build build-bench -j "$(nproc)" --target pb_bench
out=$(mktemp)
trap 'rm -f "$out"' EXIT
build-bench/pb_bench --benchmark_format=json > "$out"
python3 - "$out" <<'PY'
import json, sys, datetime, re, pathlib
text = open(sys.argv[1]).read()
data, end = json.JSONDecoder().raw_decode(text)  # the bench prints its peak memory after the JSON
peak_line = text[end:].strip()
ms = {b["name"]: b["real_time"] * {"ns": 1e-6, "us": 1e-3, "ms": 1, "s": 1e3}[b["time_unit"]] for b in data["benchmarks"]}
add1, one, greedy = ms["BM_EqualSharesAdd1Lodz2022"], ms["BM_EqualSharesLodz2022"], ms["BM_GreedyLodz2022"]
lines = ["## Engines (issue 5)", "",
         f"`bench/run-pb.sh`, {datetime.date.today()}, single thread, {data['context']['num_cpus']} CPUs on the box.", "",
         "| what | time | against greedy on the same file |", "|---|---|---|",
         f"| read poland_lodz_2022_.pb (90,494 voters) | {ms['BM_ReadLodz2022']:.0f} ms | |",
         f"| greedy (baseline) | {greedy:.1f} ms | 1× |",
         f"| one Method of Equal Shares run | {one:.1f} ms | {one/greedy:.1f}× |",
         f"| equal-shares-add1 (target < 1 s) | {add1:.0f} ms | {add1/greedy:.1f}× |",
         f"| needs scores of 1,000,000 households (target well under 1 s) | {ms['BM_ScoreOneMillionHouseholds']:.0f} ms | |",
         f"| a 20-category allocation plan | {ms['BM_PlanTwentyCategories']*1000:.1f} µs | |",
         "", peak_line]
section = "\n".join(lines) + "\n"
print(section)
path = pathlib.Path("bench/RESULTS.md")
text = path.read_text() if path.exists() else "# Benchmark results\n\n"
text = re.sub(r"## Engines \(issue 5\).*?(?=\n## |\Z)", "", text, flags=re.S).rstrip() + "\n\n" + section
path.write_text(text)
PY
