#!/usr/bin/env python3
"""Turns benchmarks/work/results.tsv into the markdown table of benchmarks/README.md, with the ratios and targets.

usage: summarise.py RESULTS.tsv "LOAD BEFORE" "LOAD AFTER"
"""
import datetime
import os
import subprocess
import sys


def sh(*args):
    try:
        return subprocess.run(args, capture_output=True, text=True, check=False).stdout.strip()
    except OSError:
        return "?"


def machine():
    model = next((l.split(":", 1)[1].strip() for l in sh("lscpu").splitlines() if l.startswith("Model name")), "?")
    memory = next((l.split()[1] for l in open("/proc/meminfo") if l.startswith("MemTotal")), "0")
    commit = sh("git", "rev-parse", "--short", "HEAD")
    dirty = " + uncommitted changes" if sh("git", "status", "--porcelain", "--untracked-files=no") else ""
    return (f"{model}, {os.cpu_count()} cores, {int(memory) / 1024 / 1024:.0f} GiB; "
            f"{datetime.date.today().isoformat()}; commit {commit}{dirty}; {sh('dotnet', '--version') and '.NET SDK ' + sh('dotnet', '--version')}")


def main():
    rows = [line.rstrip("\n").split("\t") for line in open(sys.argv[1]) if line.strip()]
    r = {(size, tool, fmt): (float(wall), int(rss), float(cpu)) for size, tool, fmt, wall, rss, cpu in rows}
    sizes = list(dict.fromkeys(row[0] for row in rows))
    print(f"Machine: {machine()}")
    print(f"Load average (1, 5, 15 min) before: {sys.argv[2]}; after: {sys.argv[3]}")
    print()
    print("Wall time in seconds (peak resident memory in MB; CPU seconds user + system).")
    print()
    print("| situations | report JSONL.gz | parse-only JSONL.gz | report ÷ parse | report BSON | parse-only BSON | DuckDB (JSONL.gz) | report ÷ DuckDB | pandas (JSONL.gz) | pandas ÷ report |")
    print("|---|---|---|---|---|---|---|---|---|---|")

    def cell(key):
        if key not in r:
            return "—"
        wall, rss, cpu = r[key]
        return f"{wall:.1f} ({rss} MB; {cpu:.1f} cpu)"

    def ratio(a, b):
        return f"{r[a][0] / r[b][0]:.2f}" if a in r and b in r and r[b][0] > 0 else "—"

    for s in sizes:
        print(f"| {s} | {cell((s, 'report', 'jsonl'))} | {cell((s, 'parse-only', 'jsonl'))} | {ratio((s, 'report', 'jsonl'), (s, 'parse-only', 'jsonl'))} "
              f"| {cell((s, 'report', 'bson'))} | {cell((s, 'parse-only', 'bson'))} | {cell((s, 'duckdb', 'jsonl'))} "
              f"| {ratio((s, 'report', 'jsonl'), (s, 'duckdb', 'jsonl'))} | {cell((s, 'pandas', 'jsonl'))} | {ratio((s, 'pandas', 'jsonl'), (s, 'report', 'jsonl'))} |")

    print()
    target = "1m" if "1m" in sizes else sizes[-1]
    rep, parse = (target, "report", "jsonl"), (target, "parse-only", "jsonl")
    checks = []
    if rep in r:
        checks.append((f"{target}: report JSONL.gz ≤ 15 s", f"{r[rep][0]:.1f} s", r[rep][0] <= 15))
        if (target, "pandas", "jsonl") in r:
            x = r[(target, "pandas", "jsonl")][0] / r[rep][0]
            checks.append((f"{target}: ≥ 20× faster than pandas", f"{x:.1f}×", x >= 20))
        if parse in r:
            x = r[rep][0] / r[parse][0]
            checks.append((f"{target}: within 2× of decompress + parse (stretch 1.5×)", f"{x:.2f}×", x <= 2))
        if (target, "duckdb", "jsonl") in r:
            x = r[rep][0] / r[(target, "duckdb", "jsonl")][0]
            checks.append((f"{target}: no slower than DuckDB", f"{x:.2f}× DuckDB's time", x <= 1))
        if (target, "report", "bson") in r:
            x = r[(target, "report", "bson")][0] / r[rep][0]
            checks.append((f"{target}: BSON at least as fast as JSON", f"BSON {x:.2f}× JSON's time", x <= 1))
    peaks = [r[(s, "report", f)][1] for s in sizes for f in ("jsonl", "bson") if (s, "report", f) in r]
    if peaks:
        checks.append(("peak memory of report ≤ 400 MB", f"max {max(peaks)} MB", max(peaks) <= 400))
    first, last = sizes[0], sizes[-1]
    if (first, "report", "jsonl") in r and (last, "report", "jsonl") in r and first != last:
        x = r[(last, "report", "jsonl")][1] / r[(first, "report", "jsonl")][1]
        checks.append((f"memory flat: {last} ÷ {first} < 1.3", f"{x:.2f}", x < 1.3))
    print("| target | measured | met |")
    print("|---|---|---|")
    for name, value, ok in checks:
        print(f"| {name} | {value} | {'yes' if ok else 'NO'} |")


if __name__ == "__main__":
    main()
