/* dbjson.c - rows of a statement as a JSON array member (db.h). */
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
