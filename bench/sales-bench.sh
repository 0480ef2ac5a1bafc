#!/bin/sh
# bench/sales-bench.sh DIR [ORDERS [MOVES]] - order to cash in batches:
# builds
# DIR/biz.db with 100 customers and 1,000 items (10,000 units of each in
# MAIN), then times ORDERS orders (default 10,000) of 3 lines each going
# through crm-order create (one CSV, lines grouped by ref), confirm,
# ship, invoice and pay (each one batch of records naming the orders,
# one transaction), and prints orders per second for each step.  Then,
# on that database, one crm-order confirm process against one inv-issue
# process (hyperfine, -N): 200 confirms of 200 fresh orders (one run
# each: a confirmed order cannot be confirmed twice) and 200 one-line
# issues.  With MOVES, rounds of 100,000-line receipt and issue batches
# (as bench/inv-gen.sh makes them) first bring the database to about
# that many moves.  Deterministic input; the times are the machine's.
set -eu
dir=${1:?usage: sales-bench.sh DIR [ORDERS [MOVES]]}
orders=${2:-10000}
moves=${3:-0}
. "$(dirname "$0")/env.sh"
BIZ_DB="$dir/biz.db"
export BIZ_DB
items=1000
customers=100

rm -rf "$dir" && mkdir -p "$dir"

# step NAME CMD...: runs CMD, prints its seconds and orders per second.
step() {
	name=$1
	shift
	t0=$(now)
	"$@" >/dev/null
	echo "$(now) $t0" | awk -v what="$name" -v n="$orders" '{
		s = $1 - $2
		printf "%-8s %8.2f s  %8.0f orders/s\n", what, s, n / s }'
}

biz-init >/dev/null
awk -v n=$customers 'BEGIN {
	print "name,email,terms"
	for (i = 1; i <= n; i++)
		printf "Customer %d,c%d@example.com,%d\n", i, i, 10 + i % 3 * 10
}' >"$dir/customers.csv"
crm-customer import "$dir/customers.csv" >/dev/null
awk -v n=$items 'BEGIN {
	print "sku,name"
	for (i = 1; i <= n; i++)
		printf "S%04d,Item %d\n", i, i
}' >"$dir/items.csv"
inv-item import "$dir/items.csv" >/dev/null
awk -v n=$items 'BEGIN {
	print "sku,qty,cost"
	for (i = 1; i <= n; i++)
		printf "S%04d,10000,%d.%02d\n", i, 1 + i % 20, i % 100
}' >"$dir/stock.csv"
inv-receive --wh MAIN "$dir/stock.csv" >/dev/null

# ORDERS orders of 3 lines: 1 to 4 units of pseudo-random items.
awk -v n="$orders" -v items=$items -v c=$customers 'BEGIN {
	print "ref,customer,sku,qty,price,tax"
	srand(42)
	for (o = 1; o <= n; o++)
		for (l = 0; l < 3; l++)
			printf "SO-%d,%d,S%04d,%d,%d.%02d,8.25\n", o,
				1 + o % c, 1 + int(rand() * items),
				1 + int(rand() * 4), 5 + int(rand() * 20),
				int(rand() * 100)
}' >"$dir/orders.csv"
seq 1 "$orders" | awk '{ printf "{\"id\":%d}\n", $1 }' >"$dir/ids.jsonl"

echo "$orders orders of 3 lines, one batch per step:"
step create crm-order create "$dir/orders.csv"
step confirm crm-order confirm "$dir/ids.jsonl"
step ship crm-order ship "$dir/ids.jsonl"
step invoice crm-order invoice "$dir/ids.jsonl"
crm-order list --status invoiced --jq '{id, amount: .balance}' \
	>"$dir/pay.jsonl"
step pay crm-order pay "$dir/pay.jsonl"
biz-check >"$dir/check.jsonl" && echo "biz-check: all invariants hold" ||
	{ echo "biz-check failed" >&2; exit 1; }

# Padding: receipts then issues of the same units, 100,000 lines a batch.
done_moves=$(sqlite3 "$BIZ_DB" 'SELECT count(*) FROM move')
round=0
while [ "$done_moves" -lt "$moves" ]; do
	round=$((round + 1))
	awk -v r=$round -v items=$items 'BEGIN {
		print "sku,qty,cost"
		for (i = 0; i < 100000; i++)
			printf "S%04d,%d,%d.%02d\n", (i * 7919 + r) % items + 1,
				1 + (i + r) % 5, 1 + i % 20, (i * 37 + r) % 100
	}' >"$dir/in.csv"
	inv-receive --wh MAIN "$dir/in.csv" >/dev/null
	awk -v r=$round -v items=$items 'BEGIN {
		print "sku,qty"
		for (i = 0; i < 100000; i++)
			printf "S%04d,%d\n", (i * 7919 + r) % items + 1,
				1 + (i + r) % 5
	}' >"$dir/out.csv"
	inv-issue --wh MAIN "$dir/out.csv" >/dev/null
	done_moves=$((done_moves + 200000))
done

# One process each, on the database the batches left.
first=$((orders + 1))
last=$((orders + 200))
awk -v a=$first -v b=$last 'BEGIN {
	print "ref,customer,sku,qty,price"
	for (o = a; o <= b; o++)
		printf "L-%d,1,S%04d,1,9.99\n", o, 1 + o % 1000
}' >"$dir/latency.csv"
crm-order create "$dir/latency.csv" >/dev/null
json=$(mktemp)
trap 'rm -f "$json"' EXIT
printf '%s moves, %s orders; ' \
	"$(sqlite3 "$BIZ_DB" 'SELECT count(*) FROM move')" \
	"$(sqlite3 "$BIZ_DB" 'SELECT count(*) FROM sales_order')"
hyperfine -N --style none --runs 1 --export-json "$json" \
	--parameter-scan id $first $last \
	"$top/bin/crm-order confirm --db $BIZ_DB {id}" >/dev/null 2>&1
jq -r '[.results[].mean] | sort | "one crm-order confirm: median " +
	"\(.[length / 2 | floor] * 1e5 | round / 100) ms, min " +
	"\(.[0] * 1e5 | round / 100) ms (200 orders, one run each)"' "$json"
hyperfine -N --style none --warmup 10 --runs 200 --export-json "$json" \
	"$top/bin/inv-issue --db $BIZ_DB --wh MAIN --sku S0001 --qty 1" \
	>/dev/null 2>&1
jq -r '.results[0] | "one inv-issue: median " +
	"\(.median * 1e5 | round / 100) ms, min " +
	"\(.min * 1e5 | round / 100) ms (200 runs)"' "$json"
