/* deal.c - deals, their stages and the history of their moves. */
#include "crm.h"

#include <stdlib.h>
#include <string.h>

#include "biz.h"
#include "decimal.h"
#include "event.h"
#include "record.h"
#include "timeutil.h"
#include "banned.h"

#define DEAL_SELECT \
	"SELECT d.id, d.customer_id, d.title, d.amount, d.stage, " \
	"s.probability, d.owner, d.close, d.closed_at, d.created_at, " \
	"d.lost_reason, d.lead_id, d.stage_at, d.extra " \
	"FROM deal d JOIN deal_stage s ON s.name = d.stage "

/* The record of the deal row stmt is on. */
static jv deal_from_row(struct db *db, struct db_stmt *stmt)
{
	static const char *const columns[] = {
		"id", "customer", "title", "amount", "stage", "probability",
		"owner", "close", "closed_at", "created_at", "lost_reason",
		"lead", "stage_at"
	};
	jv deal = jv_object(), extra;

	for (int i = 0; i < 13; i++)
		rec_set(&deal, columns[i], i == 3 ?
			db_column_dec(stmt, i, db->money_scale) :
			db_column_jv(stmt, i));
	extra = jv_parse(db_column_text(stmt, 13));
	if (jv_get_kind(extra) == JV_KIND_OBJECT) {
		jv_object_foreach(extra, key, value) {
			if (jv_object_has(jv_copy(deal), jv_copy(key))) {
				jv_free(key);
				jv_free(value);
			} else {
				deal = jv_object_set(deal, key, value);
			}
		}
	}
	jv_free(extra);
	return deal;
}

int deal_each(struct db *db, const struct deal_filter *filter,
	      int (*fn)(jv deal, void *arg), void *arg)
{
	static const char oldest[] = DEAL_SELECT
		"WHERE (?1 = 0 OR d.customer_id = ?1) AND "
		"(?2 IS NULL OR d.stage = ?2) AND (?3 IS NULL OR d.owner = ?3) "
		"AND (NOT ?4 OR s.kind = 'open') ORDER BY d.id";
	static const char newest[] = DEAL_SELECT
		"WHERE (?1 = 0 OR d.customer_id = ?1) AND "
		"(?2 IS NULL OR d.stage = ?2) AND (?3 IS NULL OR d.owner = ?3) "
		"AND (NOT ?4 OR s.kind = 'open') ORDER BY d.id DESC";
	struct db_stmt *stmt = db_stmt(db, filter->newest_first ? newest :
				       oldest);
	int64_t printed = 0;
	int rc, status = BIZ_OK;

	db_bind_int64(stmt, 1, filter->customer);
	db_bind_text(stmt, 2, filter->stage);
	db_bind_text(stmt, 3, filter->owner);
	db_bind_int64(stmt, 4, filter->open);
	while (status == BIZ_OK && (rc = db_row(db, stmt)) == DB_ROW) {
		status = fn(deal_from_row(db, stmt), arg);
		if (status == BIZ_OK && filter->limit &&
		    ++printed >= filter->limit)
			status = 1;
	}
	db_reset(stmt);
	if (status == BIZ_OK && rc != DB_DONE)
		return rc;
	return status == 1 ? BIZ_OK : status;
}
