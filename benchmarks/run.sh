#!/usr/bin/env bash
# End-to-end benchmark of `mesaides report` against the parse limit, pandas (the 2016 notebooks' way) and DuckDB.
#
#   bash benchmarks/run.sh                      # 100k 300k 1m 3m situations (pandas up to 1m)
#   SIZES="100k 1m" bash benchmarks/run.sh      # fewer sizes
#   PANDAS_SIZES="100k" MICRO=1 bash ...        # pandas on fewer sizes; MICRO=1 adds the BenchmarkDotNet stages
#   STAGES=0 bash ...                           # skip the per-stage breakdown (on by default)
#
# Inputs are generated once (synthetic, seed 1) under benchmarks/work/ (git-ignored) and reused. Every tool's
# tables are checked against the report's before any timing is printed. Results: benchmarks/work/results.md.
set -euo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

SIZES=${SIZES:-"100k 300k 1m 3m"}
PANDAS_SIZES=${PANDAS_SIZES:-"100k 300k 1m"}
WORK=benchmarks/work
OUT=$WORK/out
mkdir -p "$WORK" "$OUT"

count_of() { case $1 in *k) echo $(( ${1%k} * 1000 ));; *m) echo $(( ${1%m} * 1000000 ));; *) echo "$1";; esac; }

# --- tools: GNU time for peak memory, Debian's pandas for the peer (installed when missing) -----------------
need_apt=()
[ -x /usr/bin/time ] || need_apt+=(time)
/usr/bin/python3 -c 'import pandas' 2>/dev/null || need_apt+=(python3-pandas)
if [ ${#need_apt[@]} -gt 0 ]; then
    echo "installing ${need_apt[*]} (apt)"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

echo "building (Release)"
dotnet build -c Release src/MesAides.Analytics.Cli -v q -nologo | tail -n 2
dotnet build -c Release benchmarks/MesAides.Analytics.Benchmarks -v q -nologo | tail -n 2
MESAIDES=src/MesAides.Analytics.Cli/bin/Release/net10.0/mesaides
BENCH=benchmarks/MesAides.Analytics.Benchmarks/bin/Release/net10.0/mesaides-bench

# --- inputs ---------------------------------------------------------------------------------------------------
for size in $SIZES; do
    for format in jsonl bson; do
        file=$WORK/$size.$([ $format = jsonl ] && echo jsonl.gz || echo bson)
        if [ ! -s "$file" ]; then
            echo "generating $file (synthetic, seed 1)"
            tmp=$WORK/tmp-$(basename "$file")
            "$MESAIDES" generate-sample --count "$(count_of "$size")" --seed 1 --format $format --out "$tmp" >/dev/null 2>&1
            mv "$tmp" "$file"
        fi
    done
done

# --- measurements: wall time, peak resident memory, CPU time (user + system) ----------------------------------
RESULTS=$WORK/results.tsv
: > "$RESULTS"
rm -f "$WORK/stages.md"
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
measure() { # size tool format command...
    local size=$1 tool=$2 format=$3; shift 3
    local stats=$OUT/$size-$tool-$format.time
    /usr/bin/time -o "$stats" -f "%e %M %U %S" "$@" > "$OUT/$size-$tool-$format.log" 2>&1 \
        || { echo "FAILED: $tool $format $size (see $OUT/$size-$tool-$format.log)"; cat "$OUT/$size-$tool-$format.log" | tail -5; exit 1; }
    read -r wall rss user sys < <(tail -n 1 "$stats")
    printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$size" "$tool" "$format" "$wall" "$(( rss / 1024 ))" "$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')" >> "$RESULTS"
    echo "  $size $tool $format: ${wall} s" >&2
}

for size in $SIZES; do
    echo "measuring $size"
    jsonl=$WORK/$size.jsonl.gz
    bson=$WORK/$size.bson
    measure "$size" parse-only jsonl "$BENCH" parse-only "$jsonl"
    measure "$size" report jsonl "$MESAIDES" report --input "$jsonl" --out "$OUT/report-$size-jsonl" --format csv,json --min-cell 0
    measure "$size" parse-only bson "$BENCH" parse-only "$bson"
    measure "$size" report bson "$MESAIDES" report --input "$bson" --out "$OUT/report-$size-bson" --format csv,json --min-cell 0
    measure "$size" duckdb jsonl "$BENCH" duckdb "$jsonl" "$OUT/duckdb-$size" data/reference
    if [[ " $PANDAS_SIZES " == *" $size "* ]]; then
        measure "$size" pandas jsonl /usr/bin/python3 benchmarks/pandas/original_style.py "$jsonl" "$OUT/pandas-$size" data/reference
    fi
done
load_after=$(cut -d' ' -f1-3 /proc/loadavg)

# --- the tables must agree before any timing is shown ---------------------------------------------------------
echo "checking tables"
for size in $SIZES; do
    diff -r -q "$OUT/report-$size-jsonl/tables" "$OUT/report-$size-bson/tables" >/dev/null \
        || { echo "$size: the BSON report's tables differ from the JSON one's"; exit 1; }
    python3 benchmarks/scripts/compare_tables.py "$OUT/report-$size-jsonl/tables" "$OUT/duckdb-$size" "duckdb $size"
    if [[ " $PANDAS_SIZES " == *" $size "* ]]; then
        python3 benchmarks/scripts/compare_tables.py "$OUT/report-$size-jsonl/tables" "$OUT/pandas-$size" "pandas $size"
    fi
done

# --- where the time goes at the largest size up to 1m: stages on one worker, and a cold pass then a warm one ---
target=$(for s in $SIZES; do echo "$s"; done | grep -E '^(100k|300k|1m)$' | tail -n 1 || true)
if [ -n "$target" ] && [ "${STAGES:-1}" = 1 ]; then
    echo "stages at $target (one worker, best of three)"
    {
        echo
        echo "Stages at $target, one worker, best of three runs in one process (each line adds a stage to the one above):"
        echo
        echo '```'
        "$BENCH" stages "$WORK/$target.jsonl.gz" 1 2>/dev/null
        "$BENCH" stages "$WORK/$target.bson" 1 2>/dev/null
        echo
        echo "The report's pass in a fresh process, then again in the same process (compiled code warm):"
        MESAIDES_BENCH_REPEAT=1 "$BENCH" cold-report "$WORK/$target.jsonl.gz" "$OUT/cold-$target"
        echo '```'
    } > "$WORK/stages.md"
fi

if [ "${MICRO:-0}" = 1 ]; then
    echo "BenchmarkDotNet stages (short job)"
    (cd "$WORK" && "../../$BENCH" micro --filter '*' --artifacts bdn) | grep -E '^\|' || true
fi

{
    python3 benchmarks/scripts/summarise.py "$RESULTS" "$load_before" "$load_after"
    [ -f "$WORK/stages.md" ] && cat "$WORK/stages.md"
} | tee "$WORK/results.md"
