/*
 * dbutil.c - what callers of the database door repeat, over db.h's
 * functions: one row by id, an id by a text key, rows as a JSON array
 * member.
 */
#include "db.h"

#include "biz.h"
#include "json.h"
#include "banned.h"

int db_sum_wide(struct db *db, struct db_stmt *stmt, __int128 *sum)
{
	int rc;

	*sum = 0;
	while ((rc = db_row(db, stmt)) == DB_ROW)
		*sum += db_column_int64(stmt, 0);
	return rc == DB_DONE ? BIZ_OK : rc;
}

/* "key": one object per row, each column named by names[]. */
int db_json_rows(struct db *db, struct db_stmt *stmt, struct json *w,
		 const char *key, const char *const names[], int n)
{
	int rc;

	json_key(w, key);
	json_array(w);
	while ((rc = db_row(db, stmt)) == DB_ROW) {
		json_object(w);
		for (int i = 0; i < n; i++)
			db_json_column(w, names[i], stmt, i);
		json_end_object(w);
	}
	json_end_array(w);
	return rc == DB_DONE ? BIZ_OK : rc;
}

/* One row by id, or "no such WHAT ID" (db.h). */
int db_one_id(struct db *db, struct db_stmt *stmt, int64_t id,
	      const char *what)
{
	int rc;

	db_bind_int64(stmt, 1, id);
	rc = db_one(db, stmt);
	if (rc == DB_DONE)
		return biz_fail(BIZ_DATAERR, "no such %s %lld", what,
				(long long)id);
	return rc == DB_ROW ? BIZ_OK : rc;
}

/* The id of the row sql gives for text, or 0 (db.h). */
int db_id_by_text(struct db *db, const char *sql, const char *text,
		  int64_t *id)
{
	struct db_stmt *stmt = db_stmt(db, sql);
	int rc;

	*id = 0;
	db_bind_text(stmt, 1, text);
	rc = db_one(db, stmt);
	if (rc == DB_ROW) {
		*id = db_column_int64(stmt, 0);
		db_reset(stmt);
	}
	return rc == DB_ROW || rc == DB_DONE ? BIZ_OK : rc;
}
