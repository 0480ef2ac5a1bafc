#!/bin/sh
# bench/inv-bench.sh DIR - times, on the database bench/inv-gen.sh built
# in DIR: one one-line inv-issue process (hyperfine, median of 5 after a
# warm-up run), next to `inv-warehouse list` (start-up and opening the
# database, nothing else) as the floor every command stands on; a
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

echo "inv-warehouse list (start-up + open), median of 5: $(hyper_ms \
	"$top/bin/inv-warehouse list") ms"
echo "one-line inv-issue, median of 5: $(hyper_ms \
	"$top/bin/inv-issue --wh MAIN --sku SKU00812 --qty 1") ms"

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
