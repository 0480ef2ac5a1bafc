#!/bin/sh
# bench/service-gen.sh DB CUSTOMERS - fills the biz-init'ed database DB
# for the service benchmark, straight into the tables with the sqlite3
# shell (the benchmark times the reads, not the writes):
#
#   CUSTOMERS customers in 4 regions, every third tagged gold; customer i
#   has i % 9 invoices (0 to 8: 4 on average, a ninth of them none), each
#   of its own invoiced order, dated over the 700 days before 2026-11-26,
#   of 10.00 to 509.99 net; every 50th customer's first order had a
#   return credited (a fifth of its net).
#
# No randomness: the same size gives the same database.  The one big
# customer of crm-customer show (1,000 activities, 200 orders, 50
# tickets) is added by service-bench.sh with the commands themselves.
set -eu
db=$1
c=$2
sqlite3 "$db" <<SQL
PRAGMA foreign_keys = OFF;
PRAGMA synchronous = OFF;
BEGIN;
WITH RECURSIVE r(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM r WHERE i < 10)
INSERT INTO rep(handle, name, created_at)
SELECT printf('rep%02d', i), printf('Rep %d', i), '2025-01-01T00:00:00Z' FROM r;

WITH RECURSIVE r(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM r WHERE i < $c)
INSERT INTO customer(id, name, email, email_key, industry, region,
	created_at, updated_at)
SELECT i, printf('Customer %d', i), printf('c%d@example.com', i),
	printf('c%d@example.com', i),
	CASE i % 3 WHEN 0 THEN 'retail' WHEN 1 THEN 'food' ELSE 'hotel' END,
	CASE i % 4 WHEN 0 THEN 'north' WHEN 1 THEN 'south' WHEN 2 THEN 'east'
	ELSE 'west' END,
	'2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z' FROM r;

INSERT INTO customer_tag(customer_id, tag)
SELECT id, 'gold' FROM customer WHERE id % 3 = 0;

CREATE TEMP TABLE k(k INTEGER PRIMARY KEY);
WITH RECURSIVE r(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM r WHERE i < 7)
INSERT INTO k SELECT i FROM r;

CREATE TEMP TABLE sale AS
SELECT c.id AS customer, k.k AS k,
	date('2026-11-26', printf('-%d days', (c.id * 37 + k.k * 101) % 700)) AS d,
	1000 + (c.id * 13 + k.k * 7919) % 50000 AS net
FROM customer c JOIN k ON k.k < c.id % 9;

INSERT INTO sales_order(customer_id, status, wh, date, created_at, updated_at)
SELECT customer, 'invoiced', 'MAIN', d, d || 'T09:00:00Z', d || 'T09:00:00Z'
FROM sale ORDER BY customer, k;

INSERT INTO invoice(order_id, customer_id, date, due, net, tax, total,
	created_at)
SELECT o.id, o.customer_id, o.date, date(o.date, '+30 days'), s.net, 0,
	s.net, o.created_at
FROM sales_order o JOIN sale s ON s.customer = o.customer_id AND s.d = o.date
	AND o.id = (SELECT min(o2.id) FROM sales_order o2
		    WHERE o2.customer_id = s.customer AND o2.date = s.d);

INSERT INTO sales_return(order_id, request, date, net, tax, total, created_at)
SELECT i.order_id, '{}', date(i.date, '+5 days'), i.net / 5, 0, i.net / 5,
	date(i.date, '+5 days') || 'T09:00:00Z'
FROM invoice i WHERE i.customer_id % 50 = 0 AND i.order_id =
	(SELECT min(order_id) FROM invoice WHERE customer_id = i.customer_id);
COMMIT;
SQL
