/* activity.c - the activity log: calls, visits, emails, meetings. */
#include "crm.h"

#include <stdlib.h>
#include <string.h>

#include "biz.h"
#include "event.h"
#include "record.h"
#include "timeutil.h"
#include "banned.h"

static const char *const activity_kinds[] = {
	"call", "visit", "email", "meeting", "quote", "note", NULL
};

static jv activity_from_row(struct db_stmt *stmt)
{
	static const char *const columns[] = {
		"id", "kind", "rep", "lead", "customer", "deal", "outcome",
		"minutes", "at"
	};
	jv activity = jv_object();

	for (int i = 0; i < 9; i++)
		rec_set(&activity, columns[i], db_column_jv(stmt, i));
	return activity;
}

static int activity_get(struct db *db, int64_t id, jv *out)
{
	static const char sql[] =
		"SELECT id, kind, rep, lead_id, customer_id, deal_id, outcome, "
		"minutes, at FROM activity WHERE id = ?";
	struct db_stmt *stmt = db_stmt(db, sql);
	int rc;

	db_bind_int64(stmt, 1, id);
	rc = db_one(db, stmt);
	if (rc == DB_DONE)
		return biz_fail(BIZ_INTERNAL, "activity %lld vanished",
				(long long)id);
	if (rc != DB_ROW)
		return rc;
	*out = activity_from_row(stmt);
	db_reset(stmt);
	return BIZ_OK;
}

/* An id field of fields as a number >= 1 (0 when absent). */
static int activity_id_field(jv fields, const char *name, int64_t *out)
{
	*out = 0;
	return field_integer(name, rec_text(fields, name), 1, INT64_MAX, out);
}

int activity_add(struct db *db, jv fields, jv *out)
{
	static const char sql[] =
		"INSERT INTO activity(kind, rep, lead_id, customer_id, deal_id, "
		"outcome, minutes, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
	const char *kind = rec_text(fields, "kind");
	const char *rep = rec_text(fields, "rep");
	const char *at_text = rec_text(fields, "at");
	int64_t lead, customer, deal, minutes = -1, at, id;
	char at_buf[TS_BUFSZ];
	struct db_stmt *stmt;
	int status, known = 0;
	jv probe;

	for (int i = 0; kind && activity_kinds[i]; i++)
		known |= !strcmp(kind, activity_kinds[i]);
	if (!known) {
		status = biz_fail(BIZ_DATAERR, "kind: '%s' is not one of call, "
				  "visit, email, meeting, quote, note",
				  kind ? kind : "");
		goto done;
	}
	if ((status = activity_id_field(fields, "lead", &lead)) ||
	    (status = activity_id_field(fields, "customer", &customer)) ||
	    (status = activity_id_field(fields, "deal", &deal)) ||
	    (status = field_integer("minutes", rec_text(fields, "minutes"), 0,
				    INT32_MAX, &minutes)))
		goto done;
	if (!!lead + !!customer + !!deal != 1) {
		status = biz_fail(BIZ_DATAERR, "an activity is about one lead, "
				  "customer or deal");
		goto done;
	}
	at = db->now;
	if (at_text && time_parse(at_text, &at)) {
		status = biz_fail(BIZ_DATAERR, "at: '%s' is not a UTC time "
				  "such as 2026-11-27T08:00:00Z", at_text);
		goto done;
	}
	time_format(at, at_buf);
	if (!rep || (status = rep_get(db, rep, &probe))) {
		status = biz_fail(BIZ_DATAERR, "no rep '%s'", rep ? rep : "");
		goto done;
	}
	jv_free(probe);
	if (lead) {
		if ((status = lead_get(db, lead, &probe))) {
			status = biz_fail(BIZ_DATAERR, "no lead %lld",
					  (long long)lead);
			goto done;
		}
		jv_free(probe);
	}
	stmt = db_stmt(db, sql);
	db_bind_text(stmt, 1, kind);
	db_bind_text(stmt, 2, rep);
	if (lead)
		db_bind_int64(stmt, 3, lead);
	if (customer)
		db_bind_int64(stmt, 4, customer);
	if (deal)
		db_bind_int64(stmt, 5, deal);
	db_bind_text(stmt, 6, rec_text(fields, "outcome"));
	if (minutes >= 0)
		db_bind_int64(stmt, 7, minutes);
	db_bind_text(stmt, 8, at_buf);
	if ((status = db_done(db, stmt)))
		goto done;
	id = db_last_id(db);
	if ((status = activity_get(db, id, out)))
		goto done;
	if ((status = event_append_id(db, "activity.logged", "activity", id,
				      jv_copy(*out))) ||
	    (lead && (status = lead_mark_contacted(db, lead, rep, at_buf,
						   id)))) {
		jv_free(*out);
		goto done;
	}
	rec_set_str(out, "op", "created");
done:
	jv_free(fields);
	return status;
}

int activity_each(struct db *db, const struct activity_filter *filter,
		  int (*fn)(jv activity, void *arg), void *arg)
{
	static const char sql[] =
		"SELECT id, kind, rep, lead_id, customer_id, deal_id, outcome, "
		"minutes, at FROM activity WHERE (?1 = 0 OR lead_id = ?1) AND "
		"(?2 = 0 OR customer_id = ?2) AND (?3 = 0 OR deal_id = ?3) AND "
		"(?4 IS NULL OR rep = ?4) ORDER BY at, id";
	struct db_stmt *stmt = db_stmt(db, sql);
	int rc, status = BIZ_OK;

	db_bind_int64(stmt, 1, filter->lead);
	db_bind_int64(stmt, 2, filter->customer);
	db_bind_int64(stmt, 3, filter->deal);
	db_bind_text(stmt, 4, filter->rep);
	while (status == BIZ_OK && (rc = db_row(db, stmt)) == DB_ROW)
		status = fn(activity_from_row(stmt), arg);
	db_reset(stmt);
	if (status == BIZ_OK && rc != DB_DONE)
		return rc;
	return status;
}
