#!/bin/sh
# bench/leads-import.sh N - times `crm-lead import` of N generated leads
# against the sqlite3 shell's `.import --csv` of the same file into a plain
# table, on fresh databases in a scratch folder.  Prints both times, their
# ratio and the peak resident memory of crm-lead import.
#
# Set KEEP=1 to keep the scratch folder (bench/data/leads-N).
set -eu
n=${1:?usage: leads-import.sh N}
. "$(dirname "$0")/env.sh"
dir="$top/bench/data/leads-$n"
rm -rf "$dir" && mkdir -p "$dir"

"$top/bench/gen-leads.sh" "$n" >"$dir/leads.csv"
biz-init --db "$dir/biz.db" >/dev/null
sync

# Peak memory: GNU time when installed, else VmHWM sampled from /proc.
t0=$(now)
if [ -x /usr/bin/time ]; then
	/usr/bin/time -f %M -o "$dir/maxrss" \
		crm-lead --db "$dir/biz.db" import "$dir/leads.csv" >/dev/null
else
	crm-lead --db "$dir/biz.db" import "$dir/leads.csv" >/dev/null &
	pid=$!
	peak=0
	while kill -0 "$pid" 2>/dev/null; do
		hwm=$(awk '/VmHWM/ { print $2 }' "/proc/$pid/status" \
			2>/dev/null || true)
		[ -n "$hwm" ] && [ "$hwm" -gt "$peak" ] && peak=$hwm
		sleep 0.05
	done
	wait "$pid"
	echo "$peak" >"$dir/maxrss"
fi
t1=$(now)
imported=$(sqlite3 "$dir/biz.db" 'SELECT count(*) FROM lead')

t2=$(now)
sqlite3 "$dir/plain.db" ".import --csv $dir/leads.csv plain"
t3=$(now)
plain=$(sqlite3 "$dir/plain.db" 'SELECT count(*) FROM plain')

awk -v n="$n" -v a="$t0" -v b="$t1" -v c="$t2" -v d="$t3" \
    -v rss="$(cat "$dir/maxrss")" -v li="$imported" -v pi="$plain" 'BEGIN {
	lead = b - a; plain = d - c
	printf "leads:             %d (crm-lead: %d rows, sqlite3: %d rows)\n", n, li, pi
	printf "crm-lead import:   %.2f s\n", lead
	printf "sqlite3 .import:   %.2f s\n", plain
	printf "ratio:             %.2f\n", lead / plain
	printf "peak memory:       %.1f MiB (crm-lead import)\n", rss / 1024
	if (li != n || pi != n) exit 1
}'
[ "${KEEP:-0}" = 1 ] || rm -rf "$dir"
