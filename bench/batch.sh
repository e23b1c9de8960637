#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# bench/batch.sh ADVISOR [N] [RUNS]
#
# Generates N (default 100,000) varied valid cases as JSON Lines, then measures, in the same
# run and on the same file, `mbc-advisor --batch` and `jq -c .` (reading and re-printing
# the same cohort), RUNS alternating rounds (default 5): the CPU time (user + system, every
# thread, from the kernel's account of the child), the wall time and the peak resident
# memory of each (bench/measure.py), their medians, ranges and ratios. Goals: CPU ratio at
# most 1.0 for result JSON (evaluating a cohort costs no more processor time than jq reading
# it) and at most 0.5 for --format csv, whatever the number of processors; peak memory below
# 64 MiB, for N and for 1,000,000 cases.
#
# BASELINE=OTHER-ADVISOR adds another build (main's, say) to the same rounds.
# MBC_BENCH_1M_RUNS (default 1; 0 skips it) rounds on 1,000,000 cases, for the memory.
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")/.."

ADVISOR=$(readlink -f "${1:?usage: bench/batch.sh ADVISOR [N] [RUNS]}")
N=${2:-100000}
RUNS=${3:-5}
RUNS_1M=${MBC_BENCH_1M_RUNS:-1}
BASELINE=${BASELINE:+$(readlink -f "$BASELINE")}
OUT=bench/out
mkdir -p "$OUT"

# cohort N: the file of N generated cases (made once, kept in bench/out).
cohort () {
  local file="$OUT/cases-$1.jsonl"
  if [ ! -s "$file" ]; then
    python3 bench/generate.py "$1" > "$file.tmp"
    mv "$file.tmp" "$file"
  fi
  echo "$file"
}

# measure FILE ROUNDS: the advisor (and the baseline) against jq on FILE.
measure () {
  local file=$1 rounds=$2 specs=()
  specs+=("mbc-advisor|$ADVISOR --batch $file")
  specs+=("mbc-advisor --format csv|$ADVISOR --batch $file --format csv")
  [ -z "$BASELINE" ] || specs+=("baseline|$BASELINE --batch $file")
  specs+=("jq -c .|jq -c . $file")
  echo "cases: $(wc -l < "$file") lines, $(du -h "$file" | cut -f1) ($file); $(nproc) processors"
  echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
  python3 bench/measure.py "$rounds" "jq -c ." "${specs[@]}"
  echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
}

CASES=$(cohort "$N")
# Every case is valid: the batch must evaluate all of them.
"$ADVISOR" --batch "$CASES" > "$OUT/results.jsonl"
results=$(wc -l < "$OUT/results.jsonl")
errors=$(grep -c '"mbc-advisor/error/1"' "$OUT/results.jsonl" || true)
[ "$results" -eq "$N" ] && [ "$errors" -eq 0 ] ||
  { echo "batch gave $results lines, $errors errors"; exit 1; }
echo "tiers: $(jq -r .tier "$OUT/results.jsonl" | sort | uniq -c |
  awk '{printf "%s %s, ", $2, $1}')"
if [ -n "$BASELINE" ]; then
  "$BASELINE" --batch "$CASES" | cmp -s - "$OUT/results.jsonl" &&
    echo "output: byte for byte the baseline's" || echo "output: DIFFERS from the baseline's"
fi

measure "$CASES" "$RUNS"

# For the record: one worker thread (CPU per case without the threads' overhead).
echo "one worker thread:"
python3 bench/measure.py 3 "jq -c ." \
  "mbc-advisor, 1 thread|MBC_BATCH_THREADS=1 $ADVISOR --batch $CASES" "jq -c .|jq -c . $CASES"

if [ "$RUNS_1M" -gt 0 ]; then
  measure "$(cohort 1000000)" "$RUNS_1M"
fi
