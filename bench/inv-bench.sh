#!/bin/sh
# bench/inv-bench.sh DIR - times, on the database bench/inv-gen.sh built
# in DIR: one one-line inv-issue process (median of 11 runs, each on
# another item), a 100,000-line inv-issue batch from stdin, and inv-stock
# over all items (median of 5).  Prints the figures and the move count;
# the batch also with its CPU time (GNU time), as a loaded machine's wall
# clock says little.
set -eu
dir=${1:?usage: inv-bench.sh DIR}
top=$(cd "$(dirname "$0")/.." && pwd)
PATH="$top/bin:$PATH"
BIZ_NOW=2026-11-27T08:00:00Z
BIZ_ACTOR=bench
BIZ_FORMAT=jsonl
BIZ_DB="$dir/biz.db"
export PATH BIZ_NOW BIZ_ACTOR BIZ_FORMAT BIZ_DB
unset XDG_DATA_HOME

now() { date +%s%N; }
# median of the numbers on stdin
median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

moves=$(sqlite3 "$BIZ_DB" 'SELECT count(*) FROM move')
echo "moves in the database: $moves"

: >"$dir/single.ms"
for i in 1 2 3 4 5 6 7 8 9 10 11; do
	sku=$(printf 'SKU%05d' $((i * 811 % 10000 + 1)))
	t0=$(now)
	inv-issue --wh MAIN --sku "$sku" --qty 1 >/dev/null
	t1=$(now)
	echo "$(( (t1 - t0) / 1000 ))" >>"$dir/single.ms"
done
echo "one-line inv-issue, median of 11: $(median <"$dir/single.ms") us"

awk 'BEGIN {
	print "sku,qty"
	for (i = 0; i < 100000; i++)
		printf "SKU%05d,1\n", (i * 6007) % 10000 + 1
}' >"$dir/batch.csv"
/usr/bin/time -f "%e s wall, %U s user, %S s sys" -o "$dir/batch.time" \
	inv-issue --wh EAST - <"$dir/batch.csv" >/dev/null
echo "100,000-line inv-issue batch from stdin: $(cat "$dir/batch.time")"

: >"$dir/stock.ms"
for i in 1 2 3 4 5; do
	t0=$(now)
	inv-stock >/dev/null
	t1=$(now)
	echo "$(( (t1 - t0) / 1000000 ))" >>"$dir/stock.ms"
done
echo "inv-stock over all items ($(inv-stock | wc -l) rows), median of 5: $(median <"$dir/stock.ms") ms"
