#!/bin/sh
# bench/mfg-bench.sh DIR SKUS LEAVES - times a cycle count of SKUS items
# and a build of a 3-level bill with LEAVES components (issue 13).
#
# Count: SKUS items, each received in two layers (10 at 1.00-20.99, then
# 10 at 0.01 more), one count of the whole warehouse: start (the
# snapshot), record (a CSV of SKUS lines: a third as expected, a third
# one short, a third one over), diff, and post (one transaction: SKUS x
# 2/3 adjustment moves and one entry).  Between start and record, 1,000
# of the items are issued, so "moved" is not empty.
#
# Build: a product of 4 sub-assemblies, each of 5 sub-sub-assemblies,
# each of LEAVES / 20 components (3 levels under the product), every
# component received in two layers; one inv-build --explode of 10
# products builds the 24 assemblies first (25 builds, LEAVES component
# issues); then the same --ref again (a no-op).
#
# Each step is run once on a fresh database; prints seconds per step.
set -eu
dir=${1:?usage: mfg-bench.sh DIR SKUS LEAVES}
skus=${2:?usage: mfg-bench.sh DIR SKUS LEAVES}
leaves=${3:?usage: mfg-bench.sh DIR SKUS LEAVES}
. "$(dirname "$0")/env.sh"
BIZ_DB="$dir/biz.db"
export BIZ_DB

rm -rf "$dir" && mkdir -p "$dir"
timed() {
	t0=$(now)
	"$@" >"$dir/out"
	echo "$(now) $t0" | awk -v what="$*" '{ printf "%7.3f s  %s\n", $1 - $2, what }'
}

biz-init >/dev/null

# ---- count -------------------------------------------------------------
awk -v n=$skus 'BEGIN {
	print "sku,name"
	for (i = 1; i <= n; i++)
		printf "C%06d,Counted %d\n", i, i
}' >"$dir/items.csv"
inv-item import "$dir/items.csv" >/dev/null
for extra in 0 1; do
	awk -v n=$skus -v x=$extra 'BEGIN {
		print "sku,qty,cost"
		for (i = 1; i <= n; i++)
			printf "C%06d,10,%d.%02d\n", i, 1 + i % 20, i % 99 + x
	}' >"$dir/open.csv"
	inv-receive --wh MAIN "$dir/open.csv" >/dev/null
done
echo "count of $skus items:"
timed inv-count start --wh MAIN
awk 'BEGIN {
	print "sku,qty"
	for (i = 1; i <= 1000; i++)
		printf "C%06d,3\n", i
}' >"$dir/sold.csv"
inv-issue --wh MAIN "$dir/sold.csv" >/dev/null
awk -v n=$skus 'BEGIN {
	print "sku,qty"
	for (i = 1; i <= n; i++) {
		q = 20 - (i <= 1000 ? 3 : 0) + (i % 3 == 1 ? -1 : i % 3 == 2)
		printf "C%06d,%d\n", i, q
	}
}' >"$dir/counted.csv"
timed inv-count record 1 "$dir/counted.csv"
timed inv-count diff 1
timed inv-count post 1
jq -r '"  posted: \([.lines[] | select(.variance != 0)] | length) adjustments, entry \(.entry)"' "$dir/out"
biz-check >"$dir/check" && ! grep -q '"ok":false' "$dir/check" &&
	echo "  biz-check: ok"

# ---- build -------------------------------------------------------------
per=$((leaves / 20))
[ $per -ge 1 ] || per=1
awk -v per=$per 'BEGIN {
	print "sku,name"
	print "FG,Product"
	for (s = 1; s <= 4; s++) {
		printf "S%d,Assembly %d\n", s, s
		for (t = 1; t <= 5; t++) {
			printf "S%dT%d,Sub-assembly %d.%d\n", s, t, s, t
			for (l = 1; l <= per; l++)
				printf "S%dT%dL%d,Part %d.%d.%d\n", s, t, l, s, t, l
		}
	}
}' >"$dir/bom-items.csv"
inv-item import "$dir/bom-items.csv" >/dev/null
{
	for s in 1 2 3 4; do
		echo "FG S$s 1"
		for t in 1 2 3 4 5; do
			echo "S$s S${s}T$t 2"
			l=1
			while [ $l -le $per ]; do
				echo "S${s}T$t S${s}T${t}L$l 1.5"
				l=$((l + 1))
			done
		done
	done
} >"$dir/bom.txt"
while read -r fg part qty; do
	inv-bom add "$fg" "$part" "$qty" >/dev/null
done <"$dir/bom.txt"
for extra in 0 1; do
	awk -v per=$per -v x=$extra 'BEGIN {
		print "sku,qty,cost"
		for (s = 1; s <= 4; s++) for (t = 1; t <= 5; t++)
			for (l = 1; l <= per; l++)
				printf "S%dT%dL%d,20,%d.%02d\n", s, t, l, l, 10 * s + t + x
	}' >"$dir/parts.csv"
	inv-receive --wh MAIN "$dir/parts.csv" >/dev/null
done
echo "build of a 3-level bill with $((20 * per)) components:"
timed inv-build --sku FG --qty 10 --wh MAIN --explode --ref MO-1
jq -r '"  value \(.value), unit cost \(.unit_cost)"' "$dir/out"
echo "  $(biz-events --kind build.created | wc -l) builds, $(biz-events --kind stock.issued | wc -l) issue moves (1,000 of them the sale during the count)"
timed inv-build --sku FG --qty 10 --wh MAIN --explode --ref MO-1
biz-check >"$dir/check" && ! grep -q '"ok":false' "$dir/check" &&
	echo "  biz-check: ok"
