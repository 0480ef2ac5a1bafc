/*
 * write-floor DB - the least a command that writes can cost: open the
 * database through src/core/db.c as every command does, append one event
 * row in one transaction, and close, checkpointing as every command's
 * close does.  bench/inv-bench.sh times it beside a one-line inv-issue.
 */
#include <stdio.h>

#include "biz.h"
#include "db.h"

int main(int argc, char **argv)
{
	struct db *db;
	int status;

	if (argc != 2) {
		fputs("usage: write-floor DB\n", stderr);
		return BIZ_USAGE;
	}
	if ((status = db_open(argv[1], 0, &db)))
		biz_die(status);
	if ((status = db_begin(db)) ||
	    (status = db_exec(db, "INSERT INTO event(at, actor, kind, entity,"
			      " entity_id, data) VALUES ('2026-11-27T08:00:00Z',"
			      " 'bench', 'bench.floor', 'bench', '1', '{}')")) ||
	    (status = db_commit(db)))
		biz_die(status);
	db_close(db);
	return BIZ_OK;
}
