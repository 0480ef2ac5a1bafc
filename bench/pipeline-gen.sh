#!/bin/sh
# bench/pipeline-gen.sh DB CUSTOMERS - fills the biz-init'ed database DB
# with a reproducible sales pipeline for the pipeline benchmark, written
# straight into the tables by the sqlite3 shell (the benchmark times the
# reports, not the writes; crm-deal would take hours for a million moves):
#
#   CUSTOMERS customers, 4 x CUSTOMERS deals, 5 stage changes a deal
#   (20 x CUSTOMERS), 40 x CUSTOMERS activities, CUSTOMERS leads, 50 reps.
#
# 50,000 customers is the issue's target size: 200,000 deals, 1,000,000
# stage changes, 2,000,000 activities.  Deal i follows path i % 4:
#   0 new qualified proposal negotiation won
#   1 new qualified proposal qualified lost      (moves back)
#   2 new proposal negotiation proposal negotiation  (skips, back; open)
#   3 new qualified proposal negotiation lost
# with 1 to 7 days (and some hours) between moves, opened over a year;
# owners, kinds and contacts are spread so that no rep gets one path only.
# No randomness: the same size gives the same database.
set -eu
db=$1
c=$2
sqlite3 "$db" <<SQL
PRAGMA foreign_keys = OFF;
PRAGMA journal_mode = WAL;
PRAGMA synchronous = OFF;
BEGIN;
WITH RECURSIVE r(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM r WHERE i < 50)
INSERT INTO rep(handle, name, created_at)
SELECT printf('rep%02d', i), printf('Rep %d', i), '2025-01-01T00:00:00Z' FROM r;

WITH RECURSIVE r(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM r WHERE i < $c)
INSERT INTO customer(id, name, email, email_key, industry, region,
	created_at, updated_at)
SELECT i, printf('Customer %d', i), printf('c%d@example.com', i),
	printf('c%d@example.com', i), 'retail', 'north',
	'2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z' FROM r;

CREATE TEMP TABLE path(p INTEGER, step INTEGER, stage TEXT);
INSERT INTO path VALUES
	(0,0,'new'),(0,1,'qualified'),(0,2,'proposal'),(0,3,'negotiation'),(0,4,'won'),
	(1,0,'new'),(1,1,'qualified'),(1,2,'proposal'),(1,3,'qualified'),(1,4,'lost'),
	(2,0,'new'),(2,1,'proposal'),(2,2,'negotiation'),(2,3,'proposal'),(2,4,'negotiation'),
	(3,0,'new'),(3,1,'qualified'),(3,2,'proposal'),(3,3,'negotiation'),(3,4,'lost');

-- Deal i opens at t0(i) (seconds from 2025-06-01) and moves every
-- gap(i) seconds: step k at t0 + k * gap.
CREATE TEMP TABLE d(i INTEGER PRIMARY KEY, t0 INTEGER, gap INTEGER);
WITH RECURSIVE r(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM r WHERE i < 4 * $c)
INSERT INTO d SELECT i, 1748736000 + (i * 7919 % 365) * 86400 + (i % 24) * 3600,
	((i % 7) + 1) * 86400 + (i % 5) * 3600 FROM r;

INSERT INTO deal(id, customer_id, title, amount, stage, owner, close,
	closed_at, stage_at, created_at, updated_at)
SELECT d.i, (d.i - 1) % $c + 1, printf('Deal %d', d.i),
	(d.i * 7919) % 1000000 + 100, p.stage, printf('rep%02d', d.i / 4 % 50 + 1),
	strftime('%Y-%m-%d', d.t0 + 60 * 86400, 'unixepoch'),
	CASE WHEN p.stage IN ('won', 'lost')
	     THEN strftime('%Y-%m-%dT%H:%M:%SZ', d.t0 + 4 * d.gap, 'unixepoch') END,
	strftime('%Y-%m-%dT%H:%M:%SZ', d.t0 + 4 * d.gap, 'unixepoch'),
	strftime('%Y-%m-%dT%H:%M:%SZ', d.t0, 'unixepoch'),
	strftime('%Y-%m-%dT%H:%M:%SZ', d.t0 + 4 * d.gap, 'unixepoch')
FROM d JOIN path p ON p.p = d.i % 4 AND p.step = 4;

INSERT INTO deal_history(deal_id, from_stage, to_stage, at, actor)
SELECT d.i, prev.stage, p.stage,
	strftime('%Y-%m-%dT%H:%M:%SZ', d.t0 + p.step * d.gap, 'unixepoch'), 'bench'
FROM d JOIN path p ON p.p = d.i % 4
LEFT JOIN path prev ON prev.p = p.p AND prev.step = p.step - 1
ORDER BY d.i, p.step;

-- Leads, one a customer, assigned to the reps, most contacted 1 to 49
-- hours later.
WITH RECURSIVE r(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM r WHERE i < $c)
INSERT INTO lead(id, name, status, owner, assigned_at, first_contact_at,
	created_at, updated_at)
SELECT i, printf('Lead %d', i),
	CASE WHEN i / 50 % 10 = 0 THEN 'assigned' ELSE 'contacted' END,
	printf('rep%02d', i % 50 + 1),
	strftime('%Y-%m-%dT%H:%M:%SZ', 1748736000 + (i * 104729 % 31536000), 'unixepoch'),
	CASE WHEN i / 50 % 10 <> 0 THEN strftime('%Y-%m-%dT%H:%M:%SZ',
		1748736000 + (i * 104729 % 31536000) + (i % 49 + 1) * 3600, 'unixepoch') END,
	'2025-06-01T00:00:00Z', '2025-06-01T00:00:00Z' FROM r;

-- Activities: half on customers, half on deals, over a year.
WITH RECURSIVE r(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM r WHERE i < 40 * $c)
INSERT INTO activity(kind, rep, customer_id, deal_id, minutes, at)
SELECT CASE i % 6 WHEN 0 THEN 'call' WHEN 1 THEN 'visit' WHEN 2 THEN 'email'
	WHEN 3 THEN 'meeting' WHEN 4 THEN 'quote' ELSE 'note' END,
	printf('rep%02d', i / 6 % 50 + 1),
	CASE WHEN i % 2 = 0 THEN (i - 1) % $c + 1 END,
	CASE WHEN i % 2 = 1 THEN (i - 1) % (4 * $c) + 1 END,
	i % 60,
	strftime('%Y-%m-%dT%H:%M:%SZ', 1748736000 + (i * 7919 % 31536000), 'unixepoch')
FROM r;
COMMIT;
PRAGMA wal_checkpoint(TRUNCATE);
ANALYZE;
SQL
