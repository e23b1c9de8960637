#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# bench/batch.sh ADVISOR [N] [RUNS]
#
# Generates N (default 100,000) varied valid cases as JSON Lines, then times, in the same
# run and on the same file, `mbc-advisor --batch` and `jq -c .` (reading and re-printing
# the same cohort), RUNS times each (default 5, alternating), and prints the medians and
# their ratio. Goal: ratio at most 1.0 (evaluating a cohort costs no more than jq reading it).
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")/.."

ADVISOR=$(readlink -f "${1:?usage: bench/batch.sh ADVISOR [N] [RUNS]}")
N=${2:-100000}
RUNS=${3:-5}
OUT=bench/out
mkdir -p "$OUT"
CASES="$OUT/cases-$N.jsonl"

if [ ! -s "$CASES" ]; then
  python3 bench/generate.py "$N" > "$CASES.tmp"
  mv "$CASES.tmp" "$CASES"
fi
echo "cases: $N lines, $(du -h "$CASES" | cut -f1) ($CASES)"

# Every case is valid: the batch must evaluate all of them.
"$ADVISOR" --batch "$CASES" > "$OUT/results.jsonl"
results=$(wc -l < "$OUT/results.jsonl")
errors=$(grep -c '"mbc-advisor/error/1"' "$OUT/results.jsonl" || true)
[ "$results" -eq "$N" ] && [ "$errors" -eq 0 ] || { echo "batch gave $results lines, $errors errors"; exit 1; }
echo "tiers: $(jq -r .tier "$OUT/results.jsonl" | sort | uniq -c | awk '{printf "%s %s, ", $2, $1}')"

seconds () {
  local start end
  start=$(date +%s%N)
  "$@" > /dev/null
  end=$(date +%s%N)
  echo $(( (end - start) / 1000 ))
}

advisor_times=()
jq_times=()
for ((i = 0; i < RUNS; i++)); do
  advisor_times+=("$(seconds "$ADVISOR" --batch "$CASES")")
  jq_times+=("$(seconds jq -c . "$CASES")")
done

median () { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
a=$(median "${advisor_times[@]}")
j=$(median "${jq_times[@]}")

# For the record: one worker thread, and GLib's slice allocator instead of malloc.
single=()
slices=()
for ((i = 0; i < 3; i++)); do
  single+=("$(MBC_BATCH_THREADS=1 seconds "$ADVISOR" --batch "$CASES")")
  slices+=("$(G_SLICE= seconds "$ADVISOR" --batch "$CASES")")
done
s1=$(median "${single[@]}")
sl=$(median "${slices[@]}")
awk -v a="$a" -v j="$j" -v s1="$s1" -v sl="$sl" -v n="$N" -v runs="$RUNS" -v cpus="$(nproc)" 'BEGIN {
  printf "mbc-advisor --batch, one thread:     %.3f s\n", s1 / 1e6
  printf "mbc-advisor --batch, GLib slices:    %.3f s\n", sl / 1e6
  printf "mbc-advisor --batch (%d processors): %.3f s (%.1f µs a case)\n", cpus, a / 1e6, a / n
  printf "jq -c .:                             %.3f s\n", j / 1e6
  printf "ratio advisor/jq:                    %.2f (median of %d runs each; goal <= 1.0)\n", a / j, runs
}'
