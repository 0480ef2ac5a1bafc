#!/bin/sh
# bench/assign-run.sh [N...] - times one crm-assign run over N new leads
# (default 10000 100000), 200 reps and 20 rules (bench/assign-gen.sh), and
# the same run with territory matching.  Beside them, the floor: the same
# number of lead updates and event inserts done by the sqlite3 shell in
# one bulk statement each.  Each timing starts from a fresh copy of the
# generated database.  Scratch files go to bench/data/assign-N/.
set -eu
. "$(dirname "$0")/env.sh"
elapsed() { echo "$2 - $1" | bc; }

# fresh DIR: a copy of the generated database to time one run on (through
# SQLite's backup: the latest commits may still be in gen.db-wal).
fresh() {
	rm -f "$1/run.db" "$1/run.db-wal" "$1/run.db-shm"
	sqlite3 "$1/gen.db" ".backup '$1/run.db'"
	sync
}

printf "%10s %12s %12s %12s %8s %8s\n" leads rules territory sqlite3-bulk \
	assigned maxrss
for n in ${@:-10000 100000}; do
	dir="$top/bench/data/assign-$n"
	rm -rf "$dir" && mkdir -p "$dir"
	"$top/bench/assign-gen.sh" "$n" "$dir/gen.db" "$dir/rules.json"

	fresh "$dir"
	t0=$(now)
	/usr/bin/time -f %M -o "$dir/maxrss" crm-assign --db "$dir/run.db" \
		--rules "$dir/rules.json" >"$dir/rules.out" 2>"$dir/rules.err" ||
		[ $? -eq 1 ]
	t1=$(now)
	rules=$(elapsed "$t0" "$t1")
	assigned=$(grep -c '"rep":"' "$dir/rules.out" || true)

	fresh "$dir"
	t0=$(now)
	crm-assign --db "$dir/run.db" >"$dir/territory.out" \
		2>"$dir/territory.err" || [ $? -eq 1 ]
	t1=$(now)
	territory=$(elapsed "$t0" "$t1")

	fresh "$dir"
	t0=$(now)
	sqlite3 "$dir/run.db" >/dev/null <<-SQL
	PRAGMA foreign_keys = ON;
	PRAGMA synchronous = NORMAL;
	BEGIN IMMEDIATE;
	UPDATE lead SET owner = printf('rep%03d', id % 200),
	  status = 'assigned', assigned_at = '2026-11-27T08:00:00Z',
	  updated_at = '2026-11-27T08:00:00Z';
	INSERT INTO event(at, actor, kind, entity, entity_id, data)
	  SELECT '2026-11-27T08:00:00Z', 'bench', 'lead.assigned', 'lead', id,
	  json_object('rule', 'r', 'strategy', 'round-robin', 'rep', owner)
	  FROM lead;
	COMMIT;
	SQL
	t1=$(now)
	bulk=$(elapsed "$t0" "$t1")
	printf "%10d %11.2fs %11.2fs %11.2fs %8d %6dMB\n" "$n" "$rules" \
		"$territory" "$bulk" "$assigned" $(($(cat "$dir/maxrss") / 1024))
	[ -n "${KEEP:-}" ] || rm -f "$dir"/*.db "$dir"/*.db-wal "$dir"/*.out
done
