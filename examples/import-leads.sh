#!/bin/sh
# examples/import-leads.sh DIR: imports every DIR/*.csv of leads (a drop
# folder that a web form or a partner fills) and assigns the new leads to
# reps, for cron every five minutes (examples/crontab).
#
# A file is imported and assigned in one go, then moved to DIR/done/; a
# file with bad data (exit 65: nothing of it was written, the error names
# FILE:LINE) goes to DIR/failed/ and the run goes on; a busy database
# (exit 75) leaves the file for the next run.  Only files whose name ends
# in .csv are taken, so a writer should write NAME.tmp and rename it.
# Overlapping runs are kept out by flock(1) on DIR/.lock.
set -u
dir=${1:?usage: import-leads.sh DIR}
[ -d "$dir" ] || { echo "import-leads.sh: no folder $dir" >&2; exit 66; }
mkdir -p "$dir/done" "$dir/failed" || exit 73
exec 9>"$dir/.lock"
flock -n 9 || exit 0
status=0
for f in "$dir"/*.csv; do
	[ -f "$f" ] || continue
	base=$(basename "$f")
	stamp=$(date -u +%Y%m%dT%H%M%SZ)
	out="$dir/done/$stamp-$base.jsonl"
	# The import prints the leads it wrote; crm-assign - routes those.
	crm-lead import -f jsonl "$f" >"$out.tmp"
	rc=$?
	case $rc in
	0)
		crm-assign -f jsonl - <"$out.tmp" >"$out.assigned" || status=$?
		mv "$out.tmp" "$out" && mv "$f" "$dir/done/$stamp-$base"
		;;
	65)
		rm -f "$out.tmp"
		mv "$f" "$dir/failed/$stamp-$base"
		status=65
		;;
	*)
		rm -f "$out.tmp"
		exit $rc
		;;
	esac
done
exit $status
