#!/bin/sh
# bench/leads-floor.sh N - the least SQLite can spend on a lead import
# with bizutils' schema: the sqlite3 shell writes the N leads of
# gen-leads.sh N, their dedupe keys and custom fields, and one
# lead.created event each, as bulk INSERT ... SELECT statements in one
# transaction, into a fresh biz-init database (same indexes, WAL, 64 MiB
# cache).  No C, no jv, no per-row statement: what remains is the B-tree
# work.  Prints, beside the plain `.import` of the CSV, the time of:
#   plain    .import --csv into a table without index
#   leads    lead rows alone (five lead indexes)
#   events   the event rows alone, after the leads
#   lookups  the three duplicate lookups per lead, against the full table
#   sum      the three, and the whole sqlite3 run (with its WAL checkpoint
#            at close, which crm-lead import pays too)
# for the schema as it is ("now") and, to price them, with the
# lead_status (status, owner) and event_entity indexes that the schema
# left out put back ("+2 idx").
#
# Set KEEP=1 to keep the scratch folder (bench/data/floor-N).
set -eu
n=${1:?usage: leads-floor.sh N}
. "$(dirname "$0")/env.sh"
dir="$top/bench/data/floor-$n"
rm -rf "$dir" && mkdir -p "$dir"

"$top/bench/gen-leads.sh" "$n" >"$dir/leads.csv"
sqlite3 "$dir/staging.db" ".import --csv $dir/leads.csv staging"

t0=$(now)
sqlite3 "$dir/plain.db" ".import --csv $dir/leads.csv plain"
t1=$(now)
plain=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f", b - a }')

# The same keys as crm.c: lower-case email, phone digits only.
digits="replace(replace(replace(replace(replace(phone, '+', ''), ' ', ''),
	'(', ''), ')', ''), '-', '')"

# run VARIANT DROP_SQL: prints one line of timings.
run() {
	db="$dir/$1.db"
	rm -f "$db" "$db-wal" "$db-shm"
	biz-init --db "$db" >/dev/null
	[ -n "$2" ] && sqlite3 "$db" "$2"
	sync
	t0=$(now)
	sqlite3 "$db" >"$dir/$1.times" <<SQL
PRAGMA synchronous = NORMAL;
PRAGMA cache_size = -65536;
PRAGMA temp_store = MEMORY;
ATTACH '$dir/staging.db' AS s;
.timer on
BEGIN IMMEDIATE;
INSERT INTO lead(name, email, phone, source, external_id, region,
	industry, size, email_key, phone_key, extra, created_at, updated_at)
SELECT name, email, phone, source, external_id, region, industry, size,
	lower(email), $digits, json_object('score', score),
	'$BIZ_NOW', '$BIZ_NOW'
FROM s.staging ORDER BY rowid;
INSERT INTO event(at, actor, kind, entity, entity_id, data)
SELECT '$BIZ_NOW', 'bench', 'lead.created', 'lead', id,
	json_object('name', name, 'email', email, 'phone', phone,
		'source', source, 'external_id', external_id,
		'region', region, 'industry', industry, 'size', size,
		'score', json_extract(extra, '\$.score'))
FROM lead ORDER BY id;
COMMIT;
SELECT count(*) FROM s.staging AS c WHERE
	EXISTS (SELECT 1 FROM lead WHERE email_key = lower(c.email))
	+ EXISTS (SELECT 1 FROM lead WHERE phone_key =
		replace(replace(replace(replace(replace(c.phone, '+', ''),
		' ', ''), '(', ''), ')', ''), '-', ''))
	+ EXISTS (SELECT 1 FROM lead WHERE source IS c.source
		AND external_id = c.external_id) = 3;
SQL
	t1=$(now)
	awk -v name="$1" -v plain="$plain" -v n="$n" -v a="$t0" -v b="$t1" '
	/^Run Time/ { t[++k] = $4 }
	END {
		# BEGIN, leads, events, COMMIT, lookups
		leads = t[2]; events = t[3] + t[4]; look = t[5]
		printf "%-7s plain %5.2f s  leads %5.2f s  events %5.2f s  " \
		       "lookups %5.2f s  sum %5.2f s = %4.1f us/lead = " \
		       "%4.1fx plain  (whole sqlite3 run %5.2f s)\n",
		       name, plain, leads, events, look, leads + events + look,
		       (leads + events + look) / n * 1e6,
		       (leads + events + look) / plain, b - a
	}' "$dir/$1.times"
}

run now ""
run "+2idx" "CREATE INDEX lead_status ON lead(status, owner);
	CREATE INDEX event_entity ON event(entity, entity_id);"
[ "${KEEP:-0}" = 1 ] || rm -rf "$dir"
