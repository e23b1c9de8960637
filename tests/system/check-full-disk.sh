#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# check-full-disk.sh ADVISOR TEST-CASE CASE: on a real full filesystem (a 64 KiB tmpfs,
# mounted in a user and mount namespace of its own) and then on the same filesystem
# read-only, saving a case and writing a report fail with an error naming the file, and the
# files already there stay byte-identical. Then, on a larger one with room for the new report
# beside a report that has two names (hard links), but not for both: the report (both of
# its names) stays as it was, and nothing is left behind. TAP output; skipped where namespaces or tmpfs
# mounts are not allowed.
set -u
advisor=$1 test_case=$2 case=$3
if [ "${MBC_IN_NAMESPACE:-}" != 1 ]; then
  if ! unshare -rm true 2>/dev/null; then echo "1..0 # SKIP no user and mount namespaces here"; exit 0; fi
  MBC_IN_NAMESPACE=1 exec unshare -rm sh "$0" "$@"
fi
dir=$(mktemp -d)
if ! mount -t tmpfs -o size=64k tmpfs "$dir" 2>/dev/null; then echo "1..0 # SKIP cannot mount a tmpfs"; exit 0; fi
echo "1..5"
status=0
cp "$case" "$dir/case.json"
printf '%%PDF-1.5 an earlier report\n' > "$dir/report.pdf"
before_case=$(sha256sum < "$dir/case.json")
before_report=$(sha256sum < "$dir/report.pdf")
dd if=/dev/zero of="$dir/filler" bs=1k count=1000 2>/dev/null    # fills it: ENOSPC
n=0
for state in full read-only; do
  if [ "$state" = read-only ]; then rm -f "$dir/filler"; mount -o remount,ro "$dir"; fi
  n=$((n + 1))
  err=$("$advisor" --report "$case" --output "$dir/report.pdf" 2>&1 >/dev/null); rc=$?
  if [ $rc -eq 1 ] && echo "$err" | grep -q "$dir/report.pdf" &&
     [ "$(sha256sum < "$dir/report.pdf")" = "$before_report" ] &&
     [ -z "$(ls "$dir" | grep -v -x -e case.json -e report.pdf -e filler)" ]; then
    echo "ok $n the report on a $state filesystem: exit 1, the file named, the old one kept"
  else
    echo "not ok $n the report on a $state filesystem (exit $rc): $err"; status=1
  fi
  n=$((n + 1))
  if MBC_SAVE_INTO="$dir" "$test_case" -p /case/save-into >/dev/null 2>&1 &&
     [ "$(sha256sum < "$dir/case.json")" = "$before_case" ]; then
    echo "ok $n saving a case on a $state filesystem: an error naming it, the old file kept"
  else
    echo "not ok $n saving a case on a $state filesystem"; status=1
  fi
done
umount "$dir"

mount -t tmpfs -o size=1m tmpfs "$dir"
printf '%%PDF-1.5 an earlier report, with two names\n' > "$dir/linked.pdf"
ln "$dir/linked.pdf" "$dir/other-name.pdf"
before_linked=$(sha256sum < "$dir/linked.pdf")
size=$("$advisor" --report "$case" --output - | wc -c)
avail=$(df --output=avail -B1 "$dir" | tail -1)
dd if=/dev/zero of="$dir/filler" bs=4096 count=$(( (avail - size - size / 2) / 4096 )) 2>/dev/null
err=$("$advisor" --report "$case" --output "$dir/linked.pdf" 2>&1 >/dev/null); rc=$?
if [ $rc -eq 1 ] && echo "$err" | grep -q "left as it was" &&
   [ "$(sha256sum < "$dir/linked.pdf")" = "$before_linked" ] &&
   [ "$(sha256sum < "$dir/other-name.pdf")" = "$before_linked" ] &&
   [ -z "$(ls -A "$dir" | grep -v -x -e linked.pdf -e other-name.pdf -e filler)" ]; then
  echo "ok 5 a report with two names, room for one copy: exit 1, both names as they were"
else
  echo "not ok 5 a report with two names, room for one copy (exit $rc): $err"; status=1
  ls -la "$dir" | sed 's/^/# /'
fi
umount "$dir"
rmdir "$dir"
exit $status
