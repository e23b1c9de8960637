#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# tools/screenshots.sh [BUILD] [OUTDIR]: renders the window for the teaching cases in light
# and dark, at 1280×720, 1920×1080 and narrow (360 px), and once at scale 2 (HiDPI), to PNG
# files;
# and every step of a teaching session at 1280×720 and 1920×1080, light and dark.
set -euo pipefail
cd "$(dirname "$(readlink -f "$0")")/.."
BUILD=${1:-build}
OUT=${2:-$BUILD/screenshots}
mkdir -p "$OUT"
export GDK_DEBUG=gl-disable GSK_RENDERER=cairo GSETTINGS_BACKEND=memory NO_AT_BRIDGE=1
run () { xvfb-run -a -s "-screen 0 2600x2000x24" "$@"; }
run "$BUILD/tools/mbc-screenshot" "$OUT" tests/data/cases/*.json
GDK_SCALE=2 run "$BUILD/tools/mbc-screenshot" "$OUT/hidpi" tests/data/cases/worked-example.json
run "$BUILD/tools/mbc-screenshot" --presenter "$OUT/presenter"
python3 bench/generate.py 2000 > "$OUT/cohort.jsonl"
run "$BUILD/tools/mbc-screenshot" --cohort "$OUT/cohort.jsonl" "$OUT"
echo "screenshots in $OUT"
