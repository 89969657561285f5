#!/usr/bin/env python3
"""Checks that a peer's tables (pandas, DuckDB) agree with the report's: housing, daily, départements.

usage: compare_tables.py REPORT_TABLES_DIR PEER_DIR NAME
Compares the situation counts row by row (the report must be run with --min-cell 0); exits 1 on any difference.
"""
import csv
import sys


def counts(path, key):
    with open(path, newline="", encoding="utf-8") as f:
        return {row[key]: int(row["situations"] or 0) for row in csv.DictReader(f)}


def main():
    ours, peer, name = sys.argv[1], sys.argv[2], sys.argv[3]
    failures = 0
    for table, key in (("housing", "category"), ("daily", "date"), ("departements", "departement")):
        a = counts(f"{ours}/{table}.csv", key)
        b = counts(f"{peer}/{table}.csv", key)
        diff = sorted(k for k in set(a) | set(b) if a.get(k, 0) != b.get(k, 0))
        if diff:
            failures += 1
            shown = ", ".join(f"{k}: ours {a.get(k)} vs {name} {b.get(k)}" for k in diff[:8])
            print(f"  {table}: {len(diff)} rows differ ({shown})")
        else:
            print(f"  {table}: {len(a)} rows, {sum(a.values())} situations, identical")
    if failures:
        print(f"{name}: tables DIFFER from the report's")
        sys.exit(1)
    print(f"{name}: tables agree with the report's")


if __name__ == "__main__":
    main()
