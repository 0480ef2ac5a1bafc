#!/bin/sh
# bench/assign-gen.sh N DB [RULES] - a database DB with 200 reps and N
# new, unassigned leads, and a rules file RULES (default DB.rules.json) of
# 20 rules, for timing crm-assign.
#
# Reps and leads are written with sqlite3 directly: the benchmark times
# the assignment, not the import.  Leads spread over 10 regions and 5
# industries, with sizes 1-1000 and a custom field "tier".  Reps cover one
# region each (20 per region), a seventh of them with a capacity.
set -eu
n=${1:?usage: assign-gen.sh N DB [RULES]}
db=${2:?usage: assign-gen.sh N DB [RULES]}
rules=${3:-$db.rules.json}
top=$(cd "$(dirname "$0")/.." && pwd)

rm -f "$db" "$db-wal" "$db-shm"
BIZ_NOW=2026-11-27T08:00:00Z "$top/bin/biz-init" --db "$db" >/dev/null
sqlite3 "$db" >/dev/null <<SQL
PRAGMA journal_mode = WAL;
BEGIN;
WITH RECURSIVE k(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM k WHERE i < 199)
INSERT INTO rep(handle, name, regions, industries, capacity, weight, active,
  created_at)
SELECT printf('rep%03d', i), printf('Rep %d', i),
  printf('["r%d"]', i % 10), '[]',
  CASE WHEN i % 7 = 0 THEN $n / 400 + 10 END, 1 + i % 3, i % 50 != 7,
  '2026-11-27T08:00:00Z'
FROM k;
WITH RECURSIVE k(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM k WHERE i < $n)
INSERT INTO lead(id, name, email, email_key, region, industry, size, status,
  created_at, updated_at, extra)
SELECT i, printf('Lead %d', i), printf('l%d@example.com', i),
  printf('l%d@example.com', i), printf('r%d', (i * 7) % 10),
  printf('i%d', (i / 10) % 5), 1 + (i * 37) % 1000, 'new',
  '2026-11-27T08:00:00Z', '2026-11-27T08:00:00Z',
  printf('{"tier":"%s"}', CASE i % 4 WHEN 0 THEN 'gold' ELSE 'std' END)
FROM k;
COMMIT;
SQL

# 20 rules: 18 by region and industry or size, each with ten reps and a
# strategy in turn, one on the custom field, and a catch-all.
{
	echo "["
	echo '  {"name": "gold-big", "when": ".tier == \"gold\" and .size > 990", "reps": ["rep000", "rep001", "rep002"], "strategy": "least-loaded"},'
	s=0
	while [ $s -lt 18 ]; do
		r=$((s % 10))
		case $((s % 3)) in
		0) st=round-robin ;;
		1) st=least-loaded ;;
		2) st=weighted ;;
		esac
		if [ $s -lt 10 ]; then
			when=".region == \\\"r$r\\\" and .industry == \\\"i$((s % 5))\\\""
		else
			when=".region == \\\"r$r\\\" and .size > 500"
		fi
		reps=""
		j=0
		while [ $j -lt 10 ]; do
			reps="$reps${reps:+, }\"rep$(printf %03d $((r + 10 * j)))\""
			j=$((j + 1))
		done
		echo "  {\"name\": \"rule$s\", \"when\": \"$when\", \"reps\": [$reps], \"strategy\": \"$st\"},"
		s=$((s + 1))
	done
	echo '  {"name": "everyone", "reps": "*", "strategy": "weighted"}'
	echo "]"
} >"$rules"
