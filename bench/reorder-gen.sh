#!/bin/sh
# bench/reorder-gen.sh DIR ITEMS MOVES - builds DIR/biz.db for
# bench/reorder-bench.sh: ITEMS items (one supplier, lead times of 3 to
# 16 days, every 10th with a min and max), 4 warehouses, a stock balance
# for every item in every warehouse, and MOVES sale and production issue
# moves spread over the 90 days before BIZ_NOW (one issue document per
# day and warehouse), in date order as a business appends them.  The rows
# are written with the sqlite3 shell in
# bulk (the commands would take hours for 2,000,000 moves): only what
# inv-reorder reads is made, so biz-check is not expected to pass on it.
# Deterministic: the same arguments give the same database.
set -eu
dir=${1:?usage: reorder-gen.sh DIR ITEMS MOVES}
items=${2:?usage: reorder-gen.sh DIR ITEMS MOVES}
moves=${3:?usage: reorder-gen.sh DIR ITEMS MOVES}
. "$(dirname "$0")/env.sh"
BIZ_DB="$dir/biz.db"
export BIZ_DB

rm -rf "$dir" && mkdir -p "$dir"
t0=$(now)
biz-init >/dev/null
for wh in EAST NORTH WEST; do
	inv-warehouse add $wh --name "$wh depot" >/dev/null
done
inv-supplier add S1 --name "Supplier one" --lead-time 7 --lead-time-sd 2 \
	>/dev/null
sqlite3 "$BIZ_DB" <<SQL
PRAGMA foreign_keys = OFF;
BEGIN;
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $items)
INSERT INTO item(sku, name, lead_time, lead_time_sd, min_qty, max_qty,
	multiple, supplier, created_at, updated_at)
SELECT printf('SKU%06d', i), 'Item ' || i, (3 + i % 14) * 1000,
	(i % 3) * 500, CASE WHEN i % 10 = 0 THEN 20000 END,
	CASE WHEN i % 10 = 0 THEN 200000 END, CASE WHEN i % 4 = 0 THEN 12000 END,
	'S1', '2026-08-01T00:00:00Z', '2026-08-01T00:00:00Z' FROM n;
INSERT INTO stock_balance(sku, wh, lot, qty, value)
SELECT i.sku, w.code, '', 1000 * (abs(random()) % 400), 0
FROM item i CROSS JOIN warehouse w;
WITH RECURSIVE d(k) AS (SELECT 0 UNION ALL SELECT k + 1 FROM d WHERE k < 89)
INSERT INTO stock_doc(kind, date, reason, at, actor)
SELECT 'issue', date('2026-11-26', '-' || k || ' days'),
	CASE WHEN w.code = 'NORTH' THEN 'production' END,
	'2026-11-27T08:00:00Z', 'bench'
FROM d CROSS JOIN warehouse w ORDER BY 2, w.code;
WITH RECURSIVE m(j) AS (SELECT 1 UNION ALL SELECT j + 1 FROM m WHERE j < $moves),
docs AS (SELECT id, date, row_number() OVER (ORDER BY id) - 1 AS k FROM stock_doc
	WHERE kind = 'issue'),
wh AS (SELECT code, row_number() OVER (ORDER BY code) - 1 AS k FROM warehouse)
INSERT INTO move(doc_id, at, date, sku, wh, qty, value)
SELECT docs.id, '2026-11-27T08:00:00Z', docs.date,
	printf('SKU%06d', 1 + ((j / 360) * 7919 + (j % 360) * 13) % $items),
	wh.code, -1000 * (1 + (j * 31) % 9), -100
FROM m JOIN docs ON docs.k = j % 360
JOIN wh ON wh.k = docs.k % 4 ORDER BY docs.k, j;
COMMIT;
SQL
echo "$(now) $t0" | awk -v i=$items -v m=$moves \
	'{ printf "%7.2f s  generated %d items x 4 warehouses, %d issue moves\n", $1 - $2, i, m }' >&2
