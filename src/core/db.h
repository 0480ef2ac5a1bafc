/*
 * db.h - the one door to the database.
 *
 * Every statement in bizutils is prepared through db_stmt(), which caches
 * it for the life of the connection, and every write runs between
 * db_begin() (BEGIN IMMEDIATE) and db_commit() or db_rollback().  Only
 * db.c calls sqlite3_* or includes sqlite3.h (tests/t0010-db-door.sh
 * fails the build otherwise): statements are struct db_stmt, bound and
 * read through the typed helpers below.  Keeping SQL behind these calls,
 * and SQLite-only functions inside them, is what lets another backend
 * (PostgreSQL) be added later without touching the domains.
 *
 * Reading rows:
 *
 *	while ((rc = db_row(db, stmt)) == DB_ROW)
 *		use(db_column_int64(stmt, 0));
 *	if (rc != DB_DONE)
 *		return rc;			(a status, message set)
 *
 * db_row() resets the statement when the rows end or a step fails; a
 * caller that stops early calls db_reset() (a statement left stepping
 * holds a read snapshot open).  db_one() is the same step for a statement
 * that gives at most one row; db_done() runs one that gives none.
 */
#ifndef DB_H
#define DB_H

#include <stdint.h>
#include <jq.h>

/* db_row() and db_one(): a row is ready; there are no (more) rows. */
enum { DB_ROW = 100, DB_DONE = 101 };

/* A prepared statement, owned by the connection's cache. */
struct db_stmt;
struct sqlite3;

/* PRAGMA application_id of a bizutils database: "BIZU". */
#define DB_APPLICATION_ID 0x42495a55

struct db {
	struct sqlite3 *handle;
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
	int read_only;		/* opened so: the user may not write the file */
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

/*
 * db_open()'s check of an existing file (dbfile.c): a WAL database whose
 * -shm file is missing and may not be created by this user fails with
 * BIZ_NOPERM saying so.  BIZ_OK otherwise (SQLite says the rest).
 */
int db_file_check_wal(const char *path);
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
struct db_stmt *db_stmt(struct db *db, const char *sql);

/* Runs SQL text with no parameters and no rows; returns a status. */
int db_exec(struct db *db, const char *sql);

/* BEGIN IMMEDIATE; COMMIT (or ROLLBACK with dry_run); ROLLBACK. */
int db_begin(struct db *db);
int db_commit(struct db *db);
void db_rollback(struct db *db);

/*
 * Runs every statement of a text of several, each with ?1 bound to param
 * (NULL: null) when it has one: seeds and scripts.  Returns a status.
 */
int db_script(struct db *db, const char *sql, const char *param);

/*
 * Steps stmt: DB_ROW with a row to read, or DB_DONE (the statement reset),
 * or a failure turned into a status (never DB_ROW or DB_DONE: 65 for a
 * constraint, else 70 or 75), the statement reset.
 */
int db_row(struct db *db, struct db_stmt *stmt);

/*
 * db_row() for a statement that gives at most one row: DB_ROW (read it,
 * then db_reset()), DB_DONE or a status.
 */
int db_one(struct db *db, struct db_stmt *stmt);

/* Steps a statement that returns no rows (or ignores them): a status. */
int db_done(struct db *db, struct db_stmt *stmt);

/* Resets stmt so it can run again; its bindings stay. */
void db_reset(struct db_stmt *stmt);

/* Rows changed by the last INSERT, UPDATE or DELETE. */
int64_t db_changes(struct db *db);

/* The rowid of the last row inserted. */
int64_t db_last_id(struct db *db);

/* The last failure was a CHECK constraint. */
int db_failed_check(struct db *db);

/*
 * The status for the connection's last error, with its message set:
 * BIZ_TEMPFAIL when busy, BIZ_INTERNAL otherwise.
 */
int db_failure(struct db *db);

/*
 * Steps stmt (bound by the caller, from db_stmt()) for its one row and
 * sets *out to its first column as an integer.  Returns a status.
 */
int db_int64(struct db *db, struct db_stmt *stmt, int64_t *out);

/* Binds parameter index (from 1): an integer; text, or NULL for NULL. */
void db_bind_int64(struct db_stmt *stmt, int index, int64_t value);
void db_bind_text(struct db_stmt *stmt, int index, const char *text);
void db_bind_null(struct db_stmt *stmt, int index);

/* Column index (from 0) of the current row. */
int64_t db_column_int64(struct db_stmt *stmt, int index);
int db_column_null(struct db_stmt *stmt, int index);

/* The column as JSON: text to string, integer to number, NULL to null. */
jv db_column_jv(struct db_stmt *stmt, int index);

/* The column as an exact decimal number at scale (NULL to null). */
jv db_column_dec(struct db_stmt *stmt, int index, int scale);

/*
 * Writes key and column index as a JSON value into w: what
 * db_column_jv() gives, printed (text, number, null).  The _dec one
 * writes an exact decimal at scale (NULL to null).
 */
struct json;
void db_json_column(struct json *w, const char *key, struct db_stmt *stmt,
		    int index);
void db_json_dec(struct json *w, const char *key, struct db_stmt *stmt,
		 int index, int scale);

/*
 * Binds id as stmt's parameter 1 and steps to its one row: BIZ_OK with
 * stmt on the row (the caller reads and resets it), BIZ_DATAERR "no such
 * WHAT ID" when there is none (stmt reset), else the failure.
 */
int db_one_id(struct db *db, struct db_stmt *stmt, int64_t id,
	      const char *what);

/*
 * Sets *id to column 0 of the one row sql (a literal, as for db_stmt())
 * gives with text bound as parameter 1, or to 0 when it gives none: a
 * document by its ref, a customer by its email key.  Returns a status.
 */
int db_id_by_text(struct db *db, const char *sql, const char *text,
		  int64_t *id);

/*
 * Sets *sum to column 0 added up over the rows of stmt (bound by the
 * caller) in 128 bits: what SQL's sum() refuses once it passes int64.
 * Returns a status (dbutil.c).
 */
int db_sum_wide(struct db *db, struct db_stmt *stmt, __int128 *sum);

/* Writes "key": [...] into w, an object a row of stmt (bound), names[i]
 * the member of column i (n columns; dbutil.c).  BIZ_OK at the end. */
int db_json_rows(struct db *db, struct db_stmt *stmt, struct json *w,
		 const char *key, const char *const names[], int n);

/* Writes the current row of stmt as one record into w (reset first). */
typedef void db_row_writer(struct json *w, struct db_stmt *stmt, void *arg);

/*
 * The loop of every _each: steps stmt (bound by the caller), writes each
 * row with write(w, stmt, arg) and puts the record to out, stopping at
 * put()'s first non-zero answer.  Returns json.h's rule: BIZ_OK when the
 * rows ended or put() said BIZ_STOP, else the status.
 */
struct sink;
int db_put_rows(struct db *db, struct db_stmt *stmt, db_row_writer *write,
		void *arg, struct sink *out);

/* The column's text, or NULL; valid until the statement moves on. */
const char *db_column_text(struct db_stmt *stmt, int index);

/*
 * Reads and writes the setting table; db_setting's text is the caller's
 * to free (NULL: no such setting).  Every function here resets its
 * statements before it returns: one left stepping would hold a read
 * snapshot open.
 */
char *db_setting(struct db *db, const char *key);
int db_set_setting(struct db *db, const char *key, const char *value);

/* ---- the whole database: export, import, backup ---------------------- */

/* A column value as stored. */
enum db_kind { DB_NULL, DB_INTEGER, DB_REAL, DB_TEXT, DB_BLOB };
struct db_value {
	enum db_kind kind;
	int64_t integer;
	double real;
	const char *text;	/* DB_TEXT, DB_BLOB: len bytes */
	size_t len;
};

/* Calls fn for each table of the schema (SQLite's own left out), by name. */
int db_each_table(struct db *db,
		  int (*fn)(struct db *db, const char *table, void *arg),
		  void *arg);

/* Whether table is one of the schema's tables. */
int db_has_table(struct db *db, const char *table);

/*
 * Calls fn for each row of table in storage order (rowid, or the primary
 * key of a table without one): its ncols column names and values.  A
 * table with no rows still has fn called once with values NULL, for its
 * columns.  Stops at fn's first non-zero answer and returns it.
 */
typedef int (*db_row_fn)(void *arg, int ncols, const char *const *names,
			 const struct db_value *values);
int db_each_row(struct db *db, const char *table, db_row_fn fn, void *arg);

/* Rows inserted into one table by name, in one prepared statement. */
struct db_insert;
int db_insert_start(struct db *db, const char *table, int ncols,
		    const char *const *names, struct db_insert **out);
int db_insert_row(struct db_insert *ins, const struct db_value *values);
void db_insert_end(struct db_insert *ins);

/* Deletes every row of table (an import's target, seeded by migrations). */
int db_clear_table(struct db *db, const char *table);

/* Foreign keys checked at the commit of the open transaction. */
int db_defer_foreign_keys(struct db *db);

/*
 * Copies the database into the file at path (which exists, empty, made
 * by the caller with its permissions) with SQLite's online backup: one
 * step, under one read snapshot, so writers go on meanwhile (WAL) and
 * the copy is the database as of one commit.  Returns a status.
 */
int db_backup(struct db *db, const char *path);

#endif
