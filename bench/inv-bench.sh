#!/bin/sh
# bench/inv-bench.sh DIR - times, on the database bench/inv-gen.sh built
# in DIR, in one hyperfine run (200 runs each after 10 warm-ups, medians
# and minima): one one-line inv-issue process beside three floors under
# it: write-floor (bench/write-floor.c: open the database through db.c,
# append one event row, close; the least any command that writes costs),
# the sqlite3 shell making the same insert, and `inv-warehouse list`
# (start-up and opening the database, nothing else).  Then a
# 100,000-line inv-issue batch from stdin, 3 runs, each with its CPU time
# (GNU time), as a loaded machine's wall clock says little; and inv-stock
# over all items (median of 5).  Prints the figures and the move count.
# The issues change DIR's database (a few units of stock each run).
set -eu
dir=${1:?usage: inv-bench.sh DIR}
. "$(dirname "$0")/env.sh"
BIZ_DB="$dir/biz.db"
export BIZ_DB

# median of the numbers on stdin
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

# hyperfine's median of 5 runs of the command, in ms
hyper_ms() {
	hyperfine -N --style none --warmup 1 --runs 5 \
		--export-json "$dir/hyper.json" "$@" >/dev/null 2>&1
	jq '.results[0].median * 1000 * 100 | round / 100' "$dir/hyper.json"
}

moves=$(sqlite3 "$BIZ_DB" 'SELECT count(*) FROM move')
echo "moves in the database: $moves"

# The floors and one issue, in one run.  The issue takes 1 unit of an
# item the generator stocked in every warehouse; 210 runs need 210 units.
make -s -C "$top" bench/write-floor
inv-receive --wh MAIN --sku SKU00812 --qty 1000 --cost 2.50 >/dev/null
event="INSERT INTO event(at, actor, kind, entity, entity_id, data) VALUES \
('2026-11-27T08:00:00Z', 'bench', 'bench.floor', 'bench', '1', '{}')"
hyperfine -N --style none --warmup 10 --runs 200 \
	--export-json "$dir/single.json" \
	"$top/bench/write-floor $BIZ_DB" \
	"sqlite3 $BIZ_DB \"$event\"" \
	"$top/bin/inv-warehouse list" \
	"$top/bin/inv-issue --wh MAIN --sku SKU00812 --qty 1" >/dev/null 2>&1
jq -r '.results[] | "\(.command | sub(" .*"; "") | sub(".*/"; "")):" +
	" median \(.median * 1e5 | round / 100) ms," +
	" min \(.min * 1e5 | round / 100) ms"' "$dir/single.json"

awk 'BEGIN {
	print "sku,qty"
	for (i = 0; i < 100000; i++)
		printf "SKU%05d,1\n", (i * 6007) % 10000 + 1
}' >"$dir/batch.csv"
: >"$dir/batch.times"
for run in 1 2 3; do
	/usr/bin/time -f "%e %U %S" -o "$dir/batch.time" \
		inv-issue --wh EAST - <"$dir/batch.csv" >/dev/null
	echo "100,000-line inv-issue batch, run $run: $(awk \
		'{ printf "%s s wall, %s s user, %s s sys", $1, $2, $3 }' \
		"$dir/batch.time")"
	cat "$dir/batch.time" >>"$dir/batch.times"
done
echo "batch, median of 3: $(cut -d' ' -f1 "$dir/batch.times" | median) s" \
	"wall, $(awk '{ print $2 + $3 }' "$dir/batch.times" | median) s CPU"

echo "inv-stock over all items ($(inv-stock | wc -l) rows), median of 5:" \
	"$(hyper_ms "$top/bin/inv-stock") ms"
