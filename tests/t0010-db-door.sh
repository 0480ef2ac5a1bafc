#!/bin/sh
# The database door: only src/core/db.c speaks to SQLite.  Every other
# source file goes through db.h (struct db_stmt and its typed helpers), so
# a second backend can be added behind the door without touching the
# domains or the commands.
. "$(dirname "$0")/lib.sh"

# door_breaches: lines outside db.c that call sqlite3_*, name an SQLITE_
# constant or include sqlite3.h (comments may mention them).
door_breaches() {
	grep -rnE '(sqlite3_[a-z0-9_]+[[:space:]]*\(|\bSQLITE_[A-Z_]+|#[[:space:]]*include[[:space:]]*[<"]sqlite3\.h)' \
		"$TOP/src" "$TOP/bench" "$TOP/tests/unit" \
		--include='*.c' --include='*.h' |
		grep -v "^$TOP/src/core/db\.c:"
}

test_expect_success 'only src/core/db.c calls sqlite3_* or includes sqlite3.h' '
	door_breaches >breaches; test ! -s breaches || { cat breaches; false; }
'

test_expect_success 'the check finds a breach when there is one' '
	mkdir -p "$TOP/src/cmd" &&
	probe="$TOP/src/cmd/zz-door-probe.h" &&
	echo "int x = sqlite3_changes (0);" >"$probe" &&
	door_breaches >breaches; rm -f "$probe" &&
	grep -q zz-door-probe breaches
'

test_done
