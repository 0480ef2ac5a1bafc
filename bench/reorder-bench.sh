#!/bin/sh
# bench/reorder-bench.sh ITEMS MOVES [RUNS] - builds a database with
# bench/reorder-gen.sh (ITEMS items x 4 warehouses, MOVES issue moves in
# the 90-day window) and times, in the same run with hyperfine:
#   inv-reorder             the suggestions due (every figure computed
#                           for every item and warehouse)
#   inv-reorder --all       the same, printing every item and warehouse
#   sqlite3 (one query)     the daily-demand mean and population standard
#                           deviation per item and warehouse, days without
#                           issues counting zero, written by hand
# on the same file.  Scratch files go to bench/data/reorder-ITEMS/.
set -eu
items=${1:?usage: reorder-bench.sh ITEMS MOVES [RUNS]}
moves=${2:?usage: reorder-bench.sh ITEMS MOVES [RUNS]}
runs=${3:-5}
. "$(dirname "$0")/env.sh"
dir="$top/bench/data/reorder-$items"
"$top/bench/reorder-gen.sh" "$dir" "$items" "$moves"
db="$dir/biz.db"
cp "$top/bench/sql/demand.sql" "$dir/demand.sql"
# The same figures both ways, for a few items (a check, not timed).
sqlite3 -json "$db" <"$dir/demand.sql" | jq -c '.[]' | sort >"$dir/sql.out"
inv-reorder --db "$db" --all \
	--jq '{sku, wh, avg_daily_demand, demand_sd}' |
	jq -c 'select(.avg_daily_demand > 0)' | sort >"$dir/ours.out"
if cmp -s "$dir/sql.out" "$dir/ours.out"; then
	echo "same mean and deviation for $(wc -l <"$dir/ours.out") item-warehouses" >&2
else
	echo "the figures differ: diff $dir/sql.out $dir/ours.out" >&2
fi
hyperfine -w 1 -r "$runs" -N --export-markdown "$dir/times.md" \
	-n "inv-reorder" "inv-reorder --db $db -f jsonl" \
	-n "inv-reorder --all" "inv-reorder --db $db --all -f jsonl" \
	-n "sqlite3 (one query)" "sqlite3 $db -init /dev/null '.read $dir/demand.sql'"
cat "$dir/times.md"
