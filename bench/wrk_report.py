"""Shared by the benchmark scripts' reports: wrk's output read into figures, latencies written
for people, and a section of bench/RESULTS.md replaced."""
import pathlib
import re

_UNIT_MS = {"us": 1e-3, "ms": 1.0, "s": 1e3, "m": 6e4}


def parse(path):
    """req/s, p50 and p99 (ms), non-2xx responses, socket errors and the request count of a
    `wrk --latency` output file."""
    text = pathlib.Path(path).read_text()

    def latency(percent):
        m = re.search(rf"^\s+{percent}%\s+([\d.]+)(us|ms|s|m)\s*$", text, re.M)
        return float(m.group(1)) * _UNIT_MS[m.group(2)] if m else None

    rate = re.search(r"Requests/sec:\s+([\d.]+)", text)
    non2xx = re.search(r"Non-2xx or 3xx responses:\s+(\d+)", text)
    sockets = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", text)
    total = re.search(r"(\d+) requests in", text)
    return {"rate": float(rate.group(1)) if rate else 0.0, "p50": latency(50), "p99": latency(99),
            "non2xx": int(non2xx.group(1)) if non2xx else 0,
            "errors": sum(int(g) for g in sockets.groups()) if sockets else 0,
            "total": int(total.group(1)) if total else 0}


def ms(value):
    """A latency in ms for a table: µs below 1 ms, whole ms from 100 ms."""
    if value is None:
        return "?"
    return f"{value * 1000:.0f} µs" if value < 1 else f"{value:.1f} ms" if value < 100 else f"{value:,.0f} ms"


def replace_section(title, section, path="bench/RESULTS.md"):
    """Puts `section` (starting with "## {title}") in place of the old one, at the end."""
    file = pathlib.Path(path)
    text = file.read_text() if file.exists() else "# Benchmark results\n\n"
    pattern = r"## " + re.escape(title) + r".*?(?=\n## |\Z)"
    text = re.sub(pattern, "", text, flags=re.S).rstrip() + "\n\n" + section
    file.write_text(text)
