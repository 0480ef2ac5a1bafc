#!/bin/sh
# bench/inv-gen.sh DIR MOVES - builds DIR/biz.db with 10,000 items, 3
# warehouses and about MOVES stock moves, loaded through inv-receive and
# inv-issue batches of 100,000 lines (each line one move: an opening
# receipt of every item in every warehouse, in MAIN only below 30,000
# moves, then rounds of receipts and issues of 1 to 5 units at generated
# costs).  Prints the time each batch
# took.  Deterministic: the same arguments give the same database.
set -eu
dir=${1:?usage: inv-gen.sh DIR MOVES}
moves=${2:?usage: inv-gen.sh DIR MOVES}
. "$(dirname "$0")/env.sh"
BIZ_DB="$dir/biz.db"
export BIZ_DB
items=10000
batch=100000

rm -rf "$dir" && mkdir -p "$dir"
timed() {
	t0=$(now)
	"$@" >/dev/null
	echo "$(now) $t0" | awk -v what="$*" '{ printf "%7.2f s  %s\n", $1 - $2, what }' >&2
}

biz-init >/dev/null
inv-warehouse add EAST --name East >/dev/null
inv-warehouse add WEST --name West >/dev/null
# An item's supplier must exist (issue 12).
for s in $(seq 0 39); do
	inv-supplier add "SUP$s" --name "Supplier $s" >/dev/null
done
awk -v n=$items 'BEGIN {
	print "sku,name,unit,min,max,supplier"
	for (i = 1; i <= n; i++)
		printf "SKU%05d,Item %d,ea,%d,%d,SUP%d\n", i, i, 20 + i % 50,
			200 + i % 300, i % 40
}' >"$dir/items.csv"
timed inv-item import "$dir/items.csv"

# Opening stock: 1,000 of every item in every warehouse (30,000 moves);
# below 30,000 moves, in MAIN only (10,000 moves).
warehouses="MAIN EAST WEST"
[ "$moves" -lt $((3 * items)) ] && warehouses=MAIN
for wh in $warehouses; do
	awk -v n=$items 'BEGIN {
		print "sku,qty,cost"
		for (i = 1; i <= n; i++)
			printf "SKU%05d,1000,%d.%02d\n", i, 1 + i % 20, i % 100
	}' >"$dir/open.csv"
	timed inv-receive --wh $wh "$dir/open.csv"
done
done_moves=$(($(echo $warehouses | wc -w) * items))

# Rounds: a receipt batch then an issue batch, each of $batch lines, the
# issues taking no more than was received in the round (FIFO across
# layers), spread over the three warehouses.
round=0
while [ $done_moves -lt "$moves" ]; do
	round=$((round + 1))
	wh=$(echo "MAIN EAST WEST" | cut -d' ' -f$((round % 3 + 1)))
	left=$((moves - done_moves))
	n=$batch
	[ $left -lt $((2 * batch)) ] && n=$(((left + 1) / 2))
	awk -v n=$n -v r=$round -v items=$items 'BEGIN {
		print "sku,qty,cost"
		for (i = 0; i < n; i++) {
			k = (i * 7919 + r * 104729) % items + 1
			printf "SKU%05d,%d,%d.%02d\n", k, 1 + (i + r) % 5,
				1 + (i + k) % 20, (i * 37 + r) % 100
		}
	}' >"$dir/in.csv"
	timed inv-receive --wh $wh "$dir/in.csv"
	awk -v n=$n -v r=$round -v items=$items 'BEGIN {
		print "sku,qty"
		for (i = 0; i < n; i++) {
			k = (i * 7919 + r * 104729) % items + 1
			printf "SKU%05d,%d\n", k, 1 + (i + r) % 5
		}
	}' >"$dir/out.csv"
	timed inv-issue --wh $wh "$dir/out.csv"
	done_moves=$((done_moves + 2 * n))
done
echo "$done_moves moves" >&2
