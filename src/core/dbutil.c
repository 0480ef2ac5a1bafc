/*
 * dbutil.c - what callers of the database door repeat, over db.h's
 * functions: one row by id, rows as a JSON array member.
 */
#include "db.h"

#include "json.h"
#include "banned.h"

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
