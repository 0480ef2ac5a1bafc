#!/bin/sh
# bench/service-bench.sh [CUSTOMERS] - the service benchmark of issue 14.
#
# 1. crm-segment --rfm on CUSTOMERS customers (default 100,000) with
#    invoices (bench/service-gen.sh: about 4.4 a customer), against the
#    sqlite3 shell computing the same scores with window functions
#    (bench/sql/rfm.sql) on the same file, in the same run (hyperfine -N,
#    medians); the two must give the same id and rfm for every scored
#    customer.
# 2. crm-customer show of one customer with 1,000 activities, 200 orders
#    (each shipped and invoiced through crm-order) and 50 tickets (25
#    closed with a csat, through crm-ticket), on that same database: one
#    process per run, the median of RUNS_SHOW runs (default 30).
# REUSE=1 keeps a database generated before at the same size.
set -eu
. "$(dirname "$0")/env.sh"
customers=${1:-100000}
runs=${RUNS:-10}
runs_show=${RUNS_SHOW:-30}
dir="$top/bench/scratch/service-$customers"
big=$((customers + 1))
if [ "${REUSE:-0}" = 1 ] && [ -f "$dir/s.db" ]; then
	cd "$dir"
	echo "reusing $dir/s.db"
else
	rm -rf "$dir" && mkdir -p "$dir" && cd "$dir"
	t0=$(now)
	biz-init --db s.db >/dev/null
	sh "$top/bench/service-gen.sh" s.db "$customers"
	export BIZ_DB="$dir/s.db"
	# The big customer, through the commands.
	crm-customer add --name "Big Buyer" --email big@example.com >/dev/null
	inv-item add CUP --name Cup >/dev/null
	inv-receive --wh MAIN --sku CUP --qty 1000 --cost 2 >/dev/null
	awk -v c=$big 'BEGIN {
		print "ref,customer,sku,qty,price"
		for (o = 1; o <= 200; o++)
			printf "BIG-%d,%d,CUP,%d,12.50\n", o, c, 1 + o % 3
	}' >big.csv
	crm-order create big.csv --jq '{id}' >big-ids.jsonl
	crm-order confirm big-ids.jsonl >/dev/null
	crm-order ship big-ids.jsonl >/dev/null
	crm-order invoice big-ids.jsonl >/dev/null
	sqlite3 s.db "WITH RECURSIVE r(i) AS (SELECT 1 UNION ALL SELECT i + 1
		FROM r WHERE i < 1000)
		INSERT INTO activity(kind, rep, customer_id, outcome, minutes, at)
		SELECT CASE i % 3 WHEN 0 THEN 'call' WHEN 1 THEN 'email'
			ELSE 'visit' END, printf('rep%02d', 1 + i % 10), $big,
			'ok', 5 + i % 30,
			strftime('%Y-%m-%dT%H:%M:%SZ', '2026-01-01',
				printf('+%d hours', i * 7))
		FROM r"
	i=1
	while [ $i -le 50 ]; do
		crm-ticket open --customer $big --subject "Ticket $i" \
			--priority normal --owner rep01 >/dev/null
		if [ $((i % 2)) -eq 0 ]; then
			crm-ticket reply $i >/dev/null
			crm-ticket close $i --csat $((1 + i % 5)) >/dev/null
		fi
		i=$((i + 1))
	done
	unset BIZ_DB
	t1=$(now)
	echo "generated in $(echo "$t1 - $t0" | bc) s"
fi
echo "$(sqlite3 s.db \
	"SELECT (SELECT count(*) FROM customer) || ' customers, ' ||
	 (SELECT count(*) FROM invoice) || ' invoices, ' ||
	 (SELECT count(*) FROM sales_return) || ' returns, ' ||
	 (SELECT count(*) FROM activity) || ' activities, ' ||
	 (SELECT count(*) FROM ticket) || ' tickets'"); $(du -h s.db | cut -f1)"

# The same scores both ways.
crm-segment --db s.db --rfm --jq 'select(.rfm != null) | "\(.id)|\(.rfm)"' |
	tr -d '"' >biz-rfm.txt
sqlite3 s.db <"$top/bench/sql/rfm.sql" >sql-rfm.txt
if cmp -s biz-rfm.txt sql-rfm.txt; then
	echo "rfm: the same $(wc -l <biz-rfm.txt) scores"
else
	echo "rfm: the scores differ:"
	diff biz-rfm.txt sql-rfm.txt | head -5
fi

hyperfine -N --warmup 1 --runs "$runs" --export-json rfm.json \
	"crm-segment --db s.db --rfm" \
	"sqlite3 s.db '.read $top/bench/sql/rfm.sql'" >/dev/null
crm-customer --db s.db show $big >show.json
echo "customer $big: $(jq -c '{activities: (.activities | length),
	orders: (.orders | length), shipments: (.shipments | length),
	tickets: (.tickets | length), open_tickets, avg_csat, revenue}' show.json)"
hyperfine -N --warmup 2 --runs "$runs_show" --export-json show.json \
	"crm-customer --db s.db show $big" >/dev/null

jq -r '.results[] | "| \(.command) | \(.median * 1000 | floor) ms median (min \(.min * 1000 | floor), max \(.max * 1000 | floor)) |"' \
	rfm.json show.json
