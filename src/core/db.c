/* db.c - open, migrate, cache statements, run transactions. */
#include "db.h"

#include <errno.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "array.h"
#include "biz.h"
#include "decimal.h"
#include "privfile.h"
#include "json.h"
#include "record.h"
#include "schema.h"
#include "banned.h"

/* Open addressing on the SQL text's address; statements live till close. */
struct stmt_cache {
	size_t cap, used;
	const char **keys;
	sqlite3_stmt **stmts;
};

char *db_default_path(const char *explicit_path)
{
	const char *env = getenv("BIZ_DB"), *xdg = getenv("XDG_DATA_HOME");
	const char *home = getenv("HOME");
	struct strbuf sb = { 0 };

	if (explicit_path && *explicit_path)
		return xstrdup(explicit_path);
	if (env && *env)
		return xstrdup(env);
	if (xdg && *xdg)
		strbuf_addf(&sb, "%s/bizutils/biz.db", xdg);
	else
		strbuf_addf(&sb, "%s/.local/share/bizutils/biz.db",
			    home ? home : ".");
	return sb.buf;
}

/* mkdir -p of path's folder; the folders made are private (0700). */
static int make_parent_dirs(const char *path)
{
	char *copy = xstrdup(path);

	for (char *p = copy + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		/* chmod: a umask such as 0277 would leave it unusable */
		if (mkdir(copy, 0700) == 0 ? chmod(copy, 0700) != 0 :
		    errno != EEXIST) {
			int status = biz_fail(BIZ_UNAVAILABLE,
					      "cannot create '%s': %s", copy,
					      strerror(errno));
			free(copy);
			return status;
		}
		*p = '/';
	}
	free(copy);
	return BIZ_OK;
}

/* The handle behind a statement of the cache. */
static sqlite3_stmt *handle_of(struct db_stmt *stmt)
{
	return (sqlite3_stmt *)stmt;
}

/* The failure of stmt (NULL: of the connection) as a status. */
static int failure_of(struct db *db, sqlite3_stmt *stmt)
{
	int code = sqlite3_extended_errcode(db->handle);
	const char *sql = stmt ? sqlite3_sql(stmt) : NULL;

	if ((code & 0xff) == SQLITE_BUSY || (code & 0xff) == SQLITE_LOCKED)
		return biz_fail(BIZ_TEMPFAIL,
				"database '%s' is busy; try again later",
				db->path);
	if ((code & 0xff) == SQLITE_READONLY)
		return biz_fail(BIZ_NOPERM, "database '%s' is read-only: %s",
				db->path, db->read_only ? "this user may not "
				"write it" : sqlite3_errmsg(db->handle));
	if ((code & 0xff) == SQLITE_NOTADB)
		return biz_fail(BIZ_UNAVAILABLE, "'%s' is not a database, or "
				"is damaged (%s)", db->path,
				sqlite3_errmsg(db->handle));
	if ((code & 0xff) == SQLITE_CORRUPT || code == SQLITE_IOERR_SHORT_READ)
		return biz_fail(BIZ_UNAVAILABLE, "database '%s' is damaged "
				"(%s): restore it from a backup", db->path,
				sqlite3_errmsg(db->handle));
	/* sum() of integers that would pass int64: never a wrong total. */
	if (code == SQLITE_ERROR &&
	    !strcmp(sqlite3_errmsg(db->handle), "integer overflow"))
		return dec_sum_fail("a sum in database '%s'", db->path);
	if (sql)
		return biz_fail(BIZ_INTERNAL, "database error %d: %s in '%s'",
				code, sqlite3_errmsg(db->handle), sql);
	return biz_fail(BIZ_INTERNAL, "database error %d: %s", code,
			sqlite3_errmsg(db->handle));
}

int db_failure(struct db *db)
{
	return failure_of(db, NULL);
}

int db_exec(struct db *db, const char *sql)
{
	if (sqlite3_exec(db->handle, sql, NULL, NULL, NULL) != SQLITE_OK)
		return db_failure(db);
	return BIZ_OK;
}

static int pragma_int(struct db *db, const char *sql, int *out)
{
	sqlite3_stmt *stmt;
	int rc;

	if (sqlite3_prepare_v2(db->handle, sql, -1, &stmt, NULL) != SQLITE_OK)
		return db_failure(db);
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW)
		*out = sqlite3_column_int(stmt, 0);
	sqlite3_finalize(stmt);
	return rc == SQLITE_ROW ? BIZ_OK : db_failure(db);
}

int db_schema_version(void)
{
	return (int)schema_migration_count;
}

/* Applies the migrations the file lacks, all in one transaction. */
static int migrate(struct db *db, int create)
{
	int version, app_id, status;
	char pragma[64];

	if ((status = pragma_int(db, "PRAGMA user_version", &version)))
		return status;
	if (version == db_schema_version())
		return BIZ_OK;
	if ((status = db_begin(db)))
		return status;
	/* Another process may have migrated while we waited for the lock. */
	if ((status = pragma_int(db, "PRAGMA user_version", &version)) ||
	    (status = pragma_int(db, "PRAGMA application_id", &app_id)))
		goto fail;
	if (version == 0 && !create && app_id != DB_APPLICATION_ID) {
		status = biz_fail(BIZ_UNAVAILABLE,
				  "'%s' is not a bizutils database (run "
				  "biz-init to create one)", db->path);
		goto fail;
	}
	if (version > db_schema_version()) {
		status = biz_fail(BIZ_UNAVAILABLE,
				  "'%s' has schema version %d, newer than "
				  "this bizutils (%d)", db->path, version,
				  db_schema_version());
		goto fail;
	}
	for (; version < db_schema_version(); version++)
		if ((status = db_exec(db, schema_migrations[version])))
			goto fail;
	snprintf(pragma, sizeof(pragma), "PRAGMA user_version = %d", version);
	if ((status = db_exec(db, pragma)))
		goto fail;
	snprintf(pragma, sizeof(pragma), "PRAGMA application_id = %d",
		 DB_APPLICATION_ID);
	if ((status = db_exec(db, pragma)))
		goto fail;
	db->in_transaction = 1;
	if (sqlite3_exec(db->handle, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) {
		status = db_failure(db);
		goto fail;
	}
	db->in_transaction = 0;
	return BIZ_OK;
fail:
	db_rollback(db);
	return status;
}

/*
 * Commits and checkpoints.  Every commit is synced to the WAL before
 * COMMIT returns (synchronous = FULL).  The WAL is then moved into the
 * database file not at every command's close, as SQLite does by default
 * when the last connection closes (two more syncs, the database's and
 * the WAL's, for a one-line command), nor by SQLite's own checkpoints
 * after a commit, but by the command that closes the database with the
 * WAL at WAL_CHECKPOINT_SIZE or more, whether it wrote or only read: a
 * one-line inv-issue went from 5.5-5.8 to 3.6-4.7 ms (bench/README.md).
 * The next command to open the database reads back what the WAL holds
 * (SQLite's recovery: about 256 pages at most, unless a checkpoint had
 * to give up).
 */
#define WAL_CHECKPOINT_SIZE (1 << 20)

/* The WAL file has grown to WAL_CHECKPOINT_SIZE or more. */
static int wal_is_long(const struct db *db)
{
	struct strbuf wal = { 0 };
	struct stat st;
	int is_long;

	strbuf_addf(&wal, "%s-wal", db->path);
	is_long = stat(wal.buf, &st) == 0 && st.st_size >= WAL_CHECKPOINT_SIZE;
	strbuf_release(&wal);
	return is_long;
}

void db_checkpoint_at_close(struct db *db)
{
	db->checkpoint = 1;
}

static int load_settings(struct db *db)
{
	char *value = db_setting(db, "money_scale");

	db->money_scale = value ? atoi(value) : 2;
	free(value);
	value = db_setting(db, "currency");
	db->currency = value ? value : xstrdup("USD");
	return BIZ_OK;
}

/*
 * Creates the database file empty and private (0600, whatever the umask):
 * SQLite gives its -wal and -shm files the database file's mode.
 */
static int create_private(const char *path)
{
	int fd = private_create(path);

	if (fd < 0 && errno == EEXIST)
		return BIZ_OK;	/* another biz-init was first */
	if (fd < 0 || fchmod(fd, 0600) != 0) {
		int status = biz_fail(BIZ_UNAVAILABLE, "cannot create '%s': %s",
				      path, strerror(errno));

		if (fd >= 0)
			close(fd);
		return status;
	}
	close(fd);
	return BIZ_OK;
}

/*
 * Refuses, before anything is written to it, a file that is not ours: an
 * SQLite database of another program (any table, or a user_version, and
 * not our application_id) even for biz-init, and an empty one unless
 * create.  A file that is not SQLite, or is damaged, fails here too.
 */
static int check_identity(struct db *db, int create)
{
	int app_id, version, objects, status;

	if ((status = pragma_int(db, "PRAGMA application_id", &app_id)))
		return status;
	if (app_id == DB_APPLICATION_ID)
		return BIZ_OK;
	if ((status = pragma_int(db, "PRAGMA user_version", &version)) ||
	    (status = pragma_int(db, "SELECT count(*) FROM sqlite_master",
				 &objects)))
		return status;
	if (version != 0 || objects != 0)
		return biz_fail(BIZ_UNAVAILABLE, "'%s' is an SQLite database "
				"of another program, not a bizutils one: left "
				"as it is", db->path);
	if (!create)
		return biz_fail(BIZ_UNAVAILABLE, "'%s' is not a bizutils "
				"database (run biz-init to create one)",
				db->path);
	return BIZ_OK;
}

/* WAL mode; a database we may only read is left as it is. */
static int set_wal(struct db *db)
{
	if (db->read_only)
		return BIZ_OK;
	return db_exec(db, "PRAGMA journal_mode = WAL");
}

int db_open(const char *path, int create, struct db **out)
{
	struct db *db;
	struct stat st;
	const char *timeout = getenv("BIZ_BUSY_TIMEOUT");
	int64_t timeout_ms = 5000;
	int status, flags = SQLITE_OPEN_READWRITE;

	if (stat(path, &st) != 0) {
		if (!create)
			return biz_fail(BIZ_UNAVAILABLE,
					"no database at '%s' (run biz-init to "
					"create one)", path);
		if ((status = make_parent_dirs(path)) ||
		    (status = create_private(path)))
			return status;
	} else if ((status = db_file_check_wal(path))) {
		return status;
	} else if (access(path, W_OK) != 0 || !(st.st_mode & 0222)) {
		/* Reads work; a write says read-only (77), not 70. */
		flags = SQLITE_OPEN_READONLY;
	}
	if (timeout && *timeout &&
	    parse_i64(timeout, 0, INT32_MAX, &timeout_ms))
		return biz_fail(BIZ_USAGE, "BIZ_BUSY_TIMEOUT: '%s' is not a "
				"number of milliseconds", timeout);
	/*
	 * One thread per process: no mutex on the connection, nor around
	 * SQLite's allocation statistics (a lock per malloc).  The setting
	 * fails harmlessly once SQLite is initialised.
	 */
	sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0);
	flags |= SQLITE_OPEN_NOMUTEX;
	db = xmalloc(sizeof(*db));
	memset(db, 0, sizeof(*db));
	db->path = xstrdup(path);
	db->read_only = flags & SQLITE_OPEN_READONLY ? 1 : 0;
	if (sqlite3_open_v2(path, &db->handle, flags, NULL) != SQLITE_OK) {
		status = biz_fail(BIZ_UNAVAILABLE, "cannot open '%s': %s",
				  path, sqlite3_errmsg(db->handle));
		db_close(db);
		return status;
	}
	sqlite3_busy_timeout(db->handle, (int)timeout_ms);
	sqlite3_extended_result_codes(db->handle, 1);
	/* Checkpoints: see WAL_CHECKPOINT_SIZE. */
	sqlite3_db_config(db->handle, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1,
			  NULL);
	if ((status = check_identity(db, create)) ||
	    (status = db_exec(db, "PRAGMA foreign_keys = ON")) ||
	    (status = set_wal(db)) ||
	    (status = db_exec(db, "PRAGMA synchronous = FULL")) ||
	    (status = db_exec(db, "PRAGMA wal_autocheckpoint = 0")) ||
	    /* A big batch must not spill pages to the WAL mid-transaction. */
	    (status = db_exec(db, "PRAGMA cache_size = -65536")) ||
	    /* Sorts for big statements stay off the disk. */
	    (status = db_exec(db, "PRAGMA temp_store = MEMORY")) ||
	    (status = migrate(db, create)) || (status = load_settings(db))) {
		db_close(db);
		return status;
	}
	*out = db;
	return BIZ_OK;
}

void db_close(struct db *db)
{
	if (!db)
		return;
	if (db->in_transaction)
		db_rollback(db);
	if (db->cache) {
		for (size_t i = 0; i < db->cache->cap; i++)
			if (db->cache->keys[i])
				sqlite3_finalize(db->cache->stmts[i]);
		free(db->cache->keys);
		free(db->cache->stmts);
		free(db->cache);
	}
	/*
	 * TRUNCATE leaves an empty WAL for the next command to open.  It does
	 * not wait: with a reader behind or another writer at work it gives
	 * up, and the next command's close tries again; nothing is lost, the
	 * WAL holds every commit.
	 */
	if (db->handle && (db->checkpoint || wal_is_long(db))) {
		sqlite3_busy_timeout(db->handle, 0);
		sqlite3_wal_checkpoint_v2(db->handle, NULL,
					  SQLITE_CHECKPOINT_TRUNCATE, NULL,
					  NULL);
	}
	sqlite3_close(db->handle);
	free(db->path);
	free(db->currency);
	free(db);
}

static void cache_grow(struct stmt_cache *c)
{
	struct stmt_cache bigger = { c->cap ? c->cap * 2 : 64, c->used,
				     NULL, NULL };

	bigger.keys = xmalloc(bigger.cap * sizeof(*bigger.keys));
	bigger.stmts = xmalloc(bigger.cap * sizeof(*bigger.stmts));
	memset(bigger.keys, 0, bigger.cap * sizeof(*bigger.keys));
	for (size_t i = 0; i < c->cap; i++) {
		size_t j;

		if (!c->keys[i])
			continue;
		j = ((uintptr_t)c->keys[i] >> 3) & (bigger.cap - 1);
		while (bigger.keys[j])
			j = (j + 1) & (bigger.cap - 1);
		bigger.keys[j] = c->keys[i];
		bigger.stmts[j] = c->stmts[i];
	}
	free(c->keys);
	free(c->stmts);
	*c = bigger;
}

struct db_stmt *db_stmt(struct db *db, const char *sql)
{
	struct stmt_cache *c = db->cache;
	size_t i;

	if (!c) {
		c = db->cache = xmalloc(sizeof(*c));
		memset(c, 0, sizeof(*c));
		cache_grow(c);
	}
	i = ((uintptr_t)sql >> 3) & (c->cap - 1);
	while (c->keys[i] && c->keys[i] != sql)
		i = (i + 1) & (c->cap - 1);
	if (c->keys[i]) {
		sqlite3_reset(c->stmts[i]);
		sqlite3_clear_bindings(c->stmts[i]);
		return (struct db_stmt *)c->stmts[i];
	}
	if (sqlite3_prepare_v3(db->handle, sql, -1, SQLITE_PREPARE_PERSISTENT,
			       &c->stmts[i], NULL) != SQLITE_OK)
		/* A statement that does not compile is a bug, not input. */
		biz_dief(BIZ_INTERNAL, "cannot prepare '%s': %s", sql,
			 sqlite3_errmsg(db->handle));
	c->keys[i] = sql;
	if (++c->used * 2 > c->cap)
		cache_grow(c);
	return db_stmt(db, sql);
}

int db_begin(struct db *db)
{
	static uint64_t transactions;

	if (sqlite3_exec(db->handle, "BEGIN IMMEDIATE", NULL, NULL, NULL) !=
	    SQLITE_OK)
		return db_failure(db);
	db->in_transaction = 1;
	db->transaction = ++transactions;
	return BIZ_OK;
}

int db_commit(struct db *db)
{
	if (db->dry_run) {
		db_rollback(db);
		return BIZ_OK;
	}
	if (sqlite3_exec(db->handle, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) {
		int status = db_failure(db);

		db_rollback(db);
		return status;
	}
	db->in_transaction = 0;
	return BIZ_OK;
}

void db_rollback(struct db *db)
{
	/* Statements still stepping would keep the rollback from running. */
	for (size_t i = 0; db->cache && i < db->cache->cap; i++)
		if (db->cache->keys[i])
			sqlite3_reset(db->cache->stmts[i]);
	if (sqlite3_get_autocommit(db->handle) == 0)
		sqlite3_exec(db->handle, "ROLLBACK", NULL, NULL, NULL);
	db->in_transaction = 0;
}

int db_script(struct db *db, const char *sql, const char *param)
{
	const char *tail;
	sqlite3_stmt *stmt;
	int status = BIZ_OK;

	while (status == BIZ_OK && *sql) {
		if (sqlite3_prepare_v2(db->handle, sql, -1, &stmt, &tail) !=
		    SQLITE_OK)
			return db_failure(db);
		if (!stmt)	/* only blanks or comments were left */
			break;
		if (sqlite3_bind_parameter_count(stmt) > 0)
			sqlite3_bind_text(stmt, 1, param, -1, SQLITE_TRANSIENT);
		status = db_done(db, (struct db_stmt *)stmt);
		sqlite3_finalize(stmt);
		sql = tail;
	}
	return status;
}

int db_row(struct db *db, struct db_stmt *stmt)
{
	sqlite3_stmt *s = handle_of(stmt);
	int rc = sqlite3_step(s), status;

	if (rc == SQLITE_ROW)
		return DB_ROW;
	if (rc == SQLITE_DONE) {
		sqlite3_reset(s);
		return DB_DONE;
	}
	if (rc == SQLITE_CONSTRAINT_TRIGGER &&
	    !strncmp(sqlite3_errmsg(db->handle), "refused: ", 9))
		/* A trigger's business rule (schema.c, SCHEMA_LIMITS). */
		status = biz_fail(BIZ_REFUSED, "%s",
				  sqlite3_errmsg(db->handle) + 9);
	else if ((rc & 0xff) == SQLITE_CONSTRAINT)
		status = biz_fail(BIZ_DATAERR, "%s",
				  sqlite3_errmsg(db->handle));
	else
		status = failure_of(db, s);
	/* The reset keeps the error code for db_failed_check(). */
	sqlite3_reset(s);
	return status;
}

int db_one(struct db *db, struct db_stmt *stmt)
{
	return db_row(db, stmt);
}

int db_done(struct db *db, struct db_stmt *stmt)
{
	int rc = db_row(db, stmt);

	if (rc == DB_ROW)
		sqlite3_reset(handle_of(stmt));
	return rc == DB_DONE || rc == DB_ROW ? BIZ_OK : rc;
}

void db_reset(struct db_stmt *stmt)
{
	sqlite3_reset(handle_of(stmt));
}

int64_t db_changes(struct db *db)
{
	return sqlite3_changes(db->handle);
}

int64_t db_last_id(struct db *db)
{
	return sqlite3_last_insert_rowid(db->handle);
}

int db_failed_check(struct db *db)
{
	return sqlite3_extended_errcode(db->handle) == SQLITE_CONSTRAINT_CHECK;
}

int db_int64(struct db *db, struct db_stmt *stmt, int64_t *out)
{
	int rc = db_one(db, stmt);

	if (rc == DB_DONE)
		return biz_fail(BIZ_INTERNAL, "no row from '%s'",
				sqlite3_sql(handle_of(stmt)));
	if (rc != DB_ROW)
		return rc;
	*out = sqlite3_column_int64(handle_of(stmt), 0);
	sqlite3_reset(handle_of(stmt));
	return BIZ_OK;
}

void db_bind_int64(struct db_stmt *stmt, int index, int64_t value)
{
	sqlite3_bind_int64(handle_of(stmt), index, value);
}

void db_bind_text(struct db_stmt *stmt, int index, const char *text)
{
	if (text)
		sqlite3_bind_text(handle_of(stmt), index, text, -1,
				  SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(handle_of(stmt), index);
}

void db_bind_null(struct db_stmt *stmt, int index)
{
	sqlite3_bind_null(handle_of(stmt), index);
}

int64_t db_column_int64(struct db_stmt *stmt, int index)
{
	return sqlite3_column_int64(handle_of(stmt), index);
}

int db_column_null(struct db_stmt *stmt, int index)
{
	return sqlite3_column_type(handle_of(stmt), index) == SQLITE_NULL;
}

jv db_column_jv(struct db_stmt *stmt, int index)
{
	sqlite3_stmt *s = handle_of(stmt);

	switch (sqlite3_column_type(s, index)) {
	case SQLITE_INTEGER:
		return jv_number((double)sqlite3_column_int64(s, index));
	case SQLITE_FLOAT:
		return jv_number(sqlite3_column_double(s, index));
	case SQLITE_NULL:
		return jv_null();
	default:
		return jv_string((const char *)sqlite3_column_text(s, index));
	}
}

jv db_column_dec(struct db_stmt *stmt, int index, int scale)
{
	if (db_column_null(stmt, index))
		return jv_null();
	return dec_to_jv(db_column_int64(stmt, index), scale);
}

void db_json_column(struct json *w, const char *key, struct db_stmt *stmt,
		    int index)
{
	sqlite3_stmt *s = handle_of(stmt);
	struct strbuf number = { 0 };
	jv value;

	json_key(w, key);
	switch (sqlite3_column_type(s, index)) {
	case SQLITE_INTEGER:
		json_int(w, sqlite3_column_int64(s, index));
		break;
	case SQLITE_FLOAT:
		/* Printed as jq prints it, as db_column_jv() would be. */
		value = jv_number(sqlite3_column_double(s, index));
		rec_dump(&number, value);
		jv_free(value);
		json_raw(w, number.buf);
		strbuf_release(&number);
		break;
	case SQLITE_NULL:
		json_null(w);
		break;
	default:
		json_str(w, (const char *)sqlite3_column_text(s, index));
	}
}

void db_json_dec(struct json *w, const char *key, struct db_stmt *stmt,
		 int index, int scale)
{
	json_key(w, key);
	if (db_column_null(stmt, index))
		json_null(w);
	else
		json_dec(w, db_column_int64(stmt, index), scale);
}

int db_put_rows(struct db *db, struct db_stmt *stmt, db_row_writer *write,
		void *arg, struct sink *out)
{
	struct json w = { 0 };
	int rc, status = BIZ_OK;

	while (status == BIZ_OK && (rc = db_row(db, stmt)) == DB_ROW) {
		json_reset(&w);
		write(&w, stmt, arg);
		status = sink_put(out, &w);
	}
	/* Stopped early: a statement left stepping holds a snapshot. */
	db_reset(stmt);
	json_release(&w);
	if (status == BIZ_OK && rc != DB_DONE)
		return rc;
	return sink_done(status);
}

const char *db_column_text(struct db_stmt *stmt, int index)
{
	return (const char *)sqlite3_column_text(handle_of(stmt), index);
}

char *db_setting(struct db *db, const char *key)
{
	static const char sql[] = "SELECT value FROM setting WHERE key = ?";
	struct db_stmt *stmt = db_stmt(db, sql);
	char *value = NULL;

	db_bind_text(stmt, 1, key);
	if (db_one(db, stmt) == DB_ROW)
		value = xstrdup(db_column_text(stmt, 0));
	/* A statement left stepping would pin an old read snapshot. */
	db_reset(stmt);
	return value;
}

int db_set_setting(struct db *db, const char *key, const char *value)
{
	static const char sql[] =
		"INSERT INTO setting(key, value) VALUES (?, ?) "
		"ON CONFLICT(key) DO UPDATE SET value = excluded.value";
	struct db_stmt *stmt = db_stmt(db, sql);

	db_bind_text(stmt, 1, key);
	db_bind_text(stmt, 2, value);
	return db_done(db, stmt);
}

/* ---- the whole database: export, import, backup ---------------------- */

/* "name" quoted as an SQL identifier. */
static void quote_name(struct strbuf *sb, const char *name)
{
	strbuf_add(sb, "\"", 1);
	for (; *name; name++) {
		if (*name == '"')
			strbuf_add(sb, "\"", 1);
		strbuf_add(sb, name, 1);
	}
	strbuf_add(sb, "\"", 1);
}

int db_each_table(struct db *db,
		  int (*fn)(struct db *db, const char *table, void *arg),
		  void *arg)
{
	static const char sql[] =
		"SELECT name FROM sqlite_schema WHERE type = 'table' "
		"AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name";
	struct db_stmt *stmt = db_stmt(db, sql);
	char **names = NULL;
	size_t n = 0, alloc = 0;
	int rc, status = BIZ_OK;

	/* The names first: fn may run statements of its own. */
	while ((rc = db_row(db, stmt)) == DB_ROW) {
		ARRAY_GROW(names, n + 1, alloc);
		names[n++] = xstrdup(db_column_text(stmt, 0));
	}
	if (rc != DB_DONE)
		status = rc;
	for (size_t i = 0; i < n; i++) {
		if (!status)
			status = fn(db, names[i], arg);
		free(names[i]);
	}
	free(names);
	return status;
}

static int table_found(struct db *db, const char *table, void *arg)
{
	(void)db;
	return !strcmp(table, arg);
}

int db_has_table(struct db *db, const char *table)
{
	return db_each_table(db, table_found, (void *)table) == 1;
}

/* Prepares sql (not cached), or fails with the statement named. */
static int prepare(struct db *db, const char *sql, sqlite3_stmt **stmt)
{
	if (sqlite3_prepare_v2(db->handle, sql, -1, stmt, NULL) != SQLITE_OK)
		return failure_of(db, NULL);
	return BIZ_OK;
}

static void read_value(sqlite3_stmt *stmt, int i, struct db_value *v)
{
	memset(v, 0, sizeof(*v));
	switch (sqlite3_column_type(stmt, i)) {
	case SQLITE_INTEGER:
		v->kind = DB_INTEGER;
		v->integer = sqlite3_column_int64(stmt, i);
		break;
	case SQLITE_FLOAT:
		v->kind = DB_REAL;
		v->real = sqlite3_column_double(stmt, i);
		break;
	case SQLITE_TEXT:
		v->kind = DB_TEXT;
		v->text = (const char *)sqlite3_column_text(stmt, i);
		v->len = (size_t)sqlite3_column_bytes(stmt, i);
		break;
	case SQLITE_BLOB:
		v->kind = DB_BLOB;
		v->text = sqlite3_column_blob(stmt, i);
		v->len = (size_t)sqlite3_column_bytes(stmt, i);
		break;
	default:
		v->kind = DB_NULL;
	}
}

int db_each_row(struct db *db, const char *table, db_row_fn fn, void *arg)
{
	struct strbuf sql = { 0 };
	sqlite3_stmt *stmt = NULL;
	const char **names = NULL;
	struct db_value *values = NULL;
	int ncols, rc, rows = 0, status;

	/* rowid order; a table WITHOUT ROWID is read in its key's order. */
	strbuf_addstr(&sql, "SELECT * FROM ");
	quote_name(&sql, table);
	strbuf_addstr(&sql, " ORDER BY rowid");
	if (sqlite3_prepare_v2(db->handle, sql.buf, -1, &stmt, NULL) !=
	    SQLITE_OK) {
		sql.buf[sql.len - strlen(" ORDER BY rowid")] = '\0';
		if ((status = prepare(db, sql.buf, &stmt)))
			goto done;
	}
	ncols = sqlite3_column_count(stmt);
	names = xmalloc((size_t)(ncols ? ncols : 1) * sizeof(*names));
	values = xmalloc((size_t)(ncols ? ncols : 1) * sizeof(*values));
	for (int i = 0; i < ncols; i++)
		names[i] = sqlite3_column_name(stmt, i);
	status = BIZ_OK;
	while (!status && (rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		for (int i = 0; i < ncols; i++)
			read_value(stmt, i, &values[i]);
		status = fn(arg, ncols, names, values);
		rows++;
	}
	if (!status && rc != SQLITE_DONE)
		status = failure_of(db, stmt);
	if (!status && !rows)
		status = fn(arg, ncols, names, NULL);
done:
	sqlite3_finalize(stmt);
	free(names);
	free(values);
	strbuf_release(&sql);
	return status;
}

struct db_insert {
	struct db *db;
	sqlite3_stmt *stmt;
	int ncols;
	char *sql;
};

int db_insert_start(struct db *db, const char *table, int ncols,
		    const char *const *names, struct db_insert **out)
{
	struct strbuf sql = { 0 };
	struct db_insert *ins;
	int status;

	strbuf_addstr(&sql, "INSERT INTO ");
	quote_name(&sql, table);
	strbuf_addstr(&sql, " (");
	for (int i = 0; i < ncols; i++) {
		if (i)
			strbuf_addstr(&sql, ", ");
		quote_name(&sql, names[i]);
	}
	strbuf_addstr(&sql, ") VALUES (");
	for (int i = 0; i < ncols; i++)
		strbuf_addstr(&sql, i ? ", ?" : "?");
	strbuf_addstr(&sql, ")");
	ins = xmalloc(sizeof(*ins));
	ins->db = db;
	ins->ncols = ncols;
	ins->sql = sql.buf;
	ins->stmt = NULL;
	if ((status = prepare(db, ins->sql, &ins->stmt))) {
		db_insert_end(ins);
		return status;
	}
	*out = ins;
	return BIZ_OK;
}

int db_insert_row(struct db_insert *ins, const struct db_value *values)
{
	sqlite3_stmt *stmt = ins->stmt;
	int rc, status;

	sqlite3_reset(stmt);
	for (int i = 0; i < ins->ncols; i++) {
		const struct db_value *v = &values[i];

		if (v->kind == DB_INTEGER)
			sqlite3_bind_int64(stmt, i + 1, v->integer);
		else if (v->kind == DB_REAL)
			sqlite3_bind_double(stmt, i + 1, v->real);
		else if (v->kind == DB_TEXT)
			sqlite3_bind_text(stmt, i + 1, v->text, (int)v->len,
					  SQLITE_TRANSIENT);
		else if (v->kind == DB_BLOB)
			sqlite3_bind_blob(stmt, i + 1, v->text, (int)v->len,
					  SQLITE_TRANSIENT);
		else
			sqlite3_bind_null(stmt, i + 1);
	}
	rc = sqlite3_step(stmt);
	status = rc == SQLITE_DONE ? BIZ_OK : failure_of(ins->db, stmt);
	sqlite3_reset(stmt);
	return status;
}

void db_insert_end(struct db_insert *ins)
{
	if (!ins)
		return;
	sqlite3_finalize(ins->stmt);
	free(ins->sql);
	free(ins);
}

int db_clear_table(struct db *db, const char *table)
{
	struct strbuf sql = { 0 };
	int status;

	strbuf_addstr(&sql, "DELETE FROM ");
	quote_name(&sql, table);
	status = db_exec(db, sql.buf);
	strbuf_release(&sql);
	return status;
}

int db_defer_foreign_keys(struct db *db)
{
	return db_exec(db, "PRAGMA defer_foreign_keys = ON");
}

int db_backup(struct db *db, const char *path)
{
	sqlite3 *dest = NULL;
	sqlite3_backup *backup;
	int rc, status = BIZ_OK;

	if (sqlite3_open_v2(path, &dest, SQLITE_OPEN_READWRITE |
			    SQLITE_OPEN_NOMUTEX, NULL) != SQLITE_OK) {
		status = biz_fail(BIZ_NOINPUT, "cannot open '%s': %s", path,
				  sqlite3_errmsg(dest));
		sqlite3_close(dest);
		return status;
	}
	sqlite3_busy_timeout(dest, 5000);
	backup = sqlite3_backup_init(dest, "main", db->handle, "main");
	if (!backup) {
		status = biz_fail(BIZ_INTERNAL, "backup to '%s': %s", path,
				  sqlite3_errmsg(dest));
		sqlite3_close(dest);
		return status;
	}
	/* -1: every page in one step, under one read snapshot. */
	do {
		rc = sqlite3_backup_step(backup, -1);
		if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
			sqlite3_sleep(50);
	} while (rc == SQLITE_OK || rc == SQLITE_BUSY ||
		 rc == SQLITE_LOCKED);
	sqlite3_backup_finish(backup);
	if (rc != SQLITE_DONE)
		status = biz_fail(rc == SQLITE_BUSY ? BIZ_TEMPFAIL :
				  BIZ_INTERNAL, "backup to '%s': %s", path,
				  sqlite3_errstr(rc));
	/* The copy is one file: its WAL moved in before it is handed over. */
	if (!status && sqlite3_exec(dest, "PRAGMA journal_mode = DELETE",
				    NULL, NULL, NULL) != SQLITE_OK)
		status = biz_fail(BIZ_INTERNAL, "backup to '%s': %s", path,
				  sqlite3_errmsg(dest));
	sqlite3_close(dest);
	return status;
}
