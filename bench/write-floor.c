/*
 * write-floor DB - the least a command that writes can cost: open the
 * database as src/lib/db.c does, append one event row in one transaction
 * and close, which checkpoints and syncs as every bizutils command's
 * close does.  bench/inv-bench.sh times it beside a one-line inv-issue.
 */
#include <sqlite3.h>
#include <stdio.h>

static int run(sqlite3 *db, const char *sql)
{
	char *error = NULL;

	if (sqlite3_exec(db, sql, NULL, NULL, &error) == SQLITE_OK)
		return 0;
	fprintf(stderr, "write-floor: %s\n", error);
	sqlite3_free(error);
	return 1;
}

int main(int argc, char **argv)
{
	sqlite3 *db;
	int persist_wal = 1, failed;

	if (argc != 2) {
		fputs("usage: write-floor DB\n", stderr);
		return 64;
	}
	if (sqlite3_open_v2(argv[1], &db, SQLITE_OPEN_READWRITE, NULL)) {
		fprintf(stderr, "write-floor: %s\n", sqlite3_errmsg(db));
		return 69;
	}
	sqlite3_busy_timeout(db, 5000);
	sqlite3_file_control(db, "main", SQLITE_FCNTL_PERSIST_WAL,
			     &persist_wal);
	failed = run(db, "PRAGMA foreign_keys = ON;"
		     "PRAGMA journal_mode = WAL;"
		     "PRAGMA journal_size_limit = 0;"
		     "PRAGMA synchronous = NORMAL;"
		     "BEGIN IMMEDIATE;"
		     "INSERT INTO event(at, actor, kind, entity, entity_id, data)"
		     " VALUES ('2026-11-27T08:00:00Z', 'bench', 'bench.floor',"
		     " 'bench', '1', '{}');"
		     "COMMIT;");
	sqlite3_close(db);
	return failed;
}
