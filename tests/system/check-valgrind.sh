#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# check-valgrind.sh ADVISOR TEST-WINDOW CASE: memcheck finds no definite leak (and no
# invalid access) in the command line (--evaluate, --report, --batch) nor in the window
# opening a case, exporting a report and closing. Suppressions: GLib's, GTK's and
# fontconfig's caches only. TAP output.
set -u
advisor=$1 window=$2 case=$3 cohort=$4
dir=$(dirname "$0")
out=$(mktemp -d)
if ! command -v valgrind >/dev/null; then echo "1..1"; echo "not ok 1 valgrind is not installed (./run test installs it)"; exit 1; fi
vg () {
  G_SLICE=always-malloc valgrind -q --leak-check=full --show-leak-kinds=definite \
    --errors-for-leak-kinds=definite --error-exitcode=99 \
    --suppressions=/usr/share/glib-2.0/valgrind/glib.supp \
    --suppressions=/usr/share/gtk-4.0/valgrind/gtk.supp \
    --suppressions="$dir/fontconfig.supp" "$@"
}
echo "1..4"
status=0
n=0
check () {
  n=$((n + 1)); name=$1; shift
  if "$@" >"$out/stdout" 2>"$out/stderr"; then
    echo "ok $n $name"
  else
    echo "not ok $n $name"; sed 's/^/# /' "$out/stderr" | tail -40; status=1
  fi
}
check "--evaluate" vg "$advisor" --evaluate "$case"
check "--report" vg "$advisor" --report "$case" --output "$out/report.pdf"
check "--batch" vg "$advisor" --batch "$cohort"
export XDG_STATE_HOME="$out"
check "the window: open a case, export a report, close" \
  vg "$window" -p /window/open-file -p /window/export-report
rm -rf "$out"
exit $status
