/*
 * db.h - the one door to the database.
 *
 * Every statement in bizutils is prepared through db_stmt(), which caches
 * it for the life of the connection, and every write runs between
 * db_begin() (BEGIN IMMEDIATE) and db_commit() or db_rollback().  Keeping
 * SQL behind these calls is what lets another backend be added later.
 */
#ifndef DB_H
#define DB_H

#include <sqlite3.h>
#include <stdint.h>
#include <jq.h>

/* PRAGMA application_id of a bizutils database: "BIZU". */
#define DB_APPLICATION_ID 0x42495a55

struct db {
	sqlite3 *handle;
	char *path;
	int money_scale;	/* places of the currency, from biz-init */
	char *currency;
	int dry_run;		/* db_commit() rolls back instead */
	int in_transaction;
	/*
	 * Which transaction is open: db_begin() sets a number new to the
	 * process, so a cache kept for one transaction can tell it is stale.
	 */
	uint64_t transaction;
	int checkpoint;		/* db_close() checkpoints whatever the size */
	const char *actor;	/* who is writing: stored on every event */
	int64_t now;		/* this run's "now", epoch seconds */
	struct stmt_cache *cache;
};

/*
 * The database path: explicit (from --db) if not NULL, else $BIZ_DB, else
 * ${XDG_DATA_HOME:-~/.local/share}/bizutils/biz.db.  Returns a new string.
 */
char *db_default_path(const char *explicit_path);

/*
 * Opens a bizutils database and brings its schema up to date.  With
 * create, a missing file is made (and its folder); without, a missing
 * file or a foreign database fails with BIZ_UNAVAILABLE.  Returns a status
 * and sets *out on success.
 */
int db_open(const char *path, int create, struct db **out);
void db_close(struct db *db);

/*
 * Has db_close() move the WAL into the database file whatever its size,
 * as biz-init does: a database it creates or migrates is then one file.
 */
void db_checkpoint_at_close(struct db *db);

/* The number of the newest migration this build knows. */
int db_schema_version(void);

/*
 * A prepared statement for sql, reset and with its bindings cleared.  sql
 * must be a string that lives as long as db (a literal): the cache is
 * keyed by its address.
 */
sqlite3_stmt *db_stmt(struct db *db, const char *sql);

/* Runs SQL text with no parameters and no rows; returns a status. */
int db_exec(struct db *db, const char *sql);

/* BEGIN IMMEDIATE; COMMIT (or ROLLBACK with dry_run); ROLLBACK. */
int db_begin(struct db *db);
int db_commit(struct db *db);
void db_rollback(struct db *db);

/*
 * Steps stmt: returns SQLITE_ROW or SQLITE_DONE, or turns a failure into
 * a status via db_failure() (which is never ROW or DONE: 65, 70 or 75).
 */
int db_step(struct db *db, sqlite3_stmt *stmt);

/* Steps a statement that returns no rows (or ignores them): a status. */
int db_done(struct db *db, sqlite3_stmt *stmt);

/*
 * The status for the connection's last error, with its message set:
 * BIZ_TEMPFAIL when busy, BIZ_INTERNAL otherwise.
 */
int db_failure(struct db *db);

/*
 * Steps stmt (bound by the caller, from db_stmt()) for its one row and
 * sets *out to its first column as an integer.  Returns a status.
 */
int db_int64(struct db *db, sqlite3_stmt *stmt, int64_t *out);

/* Binds text, or NULL for a NULL pointer. */
void db_bind_text(sqlite3_stmt *stmt, int index, const char *text);

/* The column as JSON: text to string, integer to number, NULL to null. */
jv db_column_jv(sqlite3_stmt *stmt, int index);

/* The column as an exact decimal number at scale (NULL to null). */
jv db_column_dec(sqlite3_stmt *stmt, int index, int scale);

/* The column's text, or NULL. */
const char *db_column_text(sqlite3_stmt *stmt, int index);

/*
 * Reads and writes the setting table; db_setting's text lasts until its
 * next call.  Every function here resets its statements before it
 * returns: one left stepping would hold a read snapshot open.
 */
const char *db_setting(struct db *db, const char *key);
int db_set_setting(struct db *db, const char *key, const char *value);

#endif
