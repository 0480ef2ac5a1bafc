/* activity.c - the activity log: calls, visits, emails, meetings. */
#include "crm.h"

#include <stdlib.h>
#include <string.h>

#include "biz.h"
#include "event.h"
#include "json.h"
#include "record.h"
#include "timeutil.h"
#include "banned.h"

const char *const crm_activity_kinds[] = {
	"call", "visit", "email", "meeting", "quote", "note", NULL
};

/* The columns activity_write_row() reads, for a WHERE to follow. */
#define ACTIVITY_SELECT \
	"SELECT id, kind, rep, lead_id, customer_id, deal_id, outcome, " \
	"minutes, at FROM activity "

/* Opens w's record and writes the activity of the row, left open. */
static void activity_write_row(struct json *w, struct db_stmt *stmt)
{
	static const char *const columns[] = {
		"id", "kind", "rep", "lead", "customer", "deal", "outcome",
		"minutes", "at"
	};

	json_object(w);
	for (int i = 0; i < 9; i++)
		db_json_column(w, columns[i], stmt, i);
}

/* db_put_rows()'s writer: the whole record. */
static void activity_row(struct json *w, struct db_stmt *stmt, void *arg)
{
	(void)arg;
	activity_write_row(w, stmt);
	json_end_object(w);
}

/*
 * Logs the activity.logged event of activity id (the record, as
 * activity_each() puts it) and writes the record with "op" "created"
 * into w.
 */
static int activity_logged(struct db *db, int64_t id, struct json *w)
{
	struct db_stmt *stmt = db_stmt(db, ACTIVITY_SELECT "WHERE id = ?");
	struct strbuf data = { 0 };
	char id_text[24];
	int rc;

	db_bind_int64(stmt, 1, id);
	rc = db_one(db, stmt);
	if (rc == DB_DONE)
		return biz_fail(BIZ_INTERNAL, "activity %lld vanished",
				(long long)id);
	if (rc != DB_ROW)
		return rc;
	activity_write_row(w, stmt);
	db_reset(stmt);
	/* The event's data is the record before its "op". */
	strbuf_add(&data, w->text.buf, w->text.len);
	strbuf_add(&data, "}", 1);
	snprintf(id_text, sizeof(id_text), "%lld", (long long)id);
	rc = event_append_json(db, "activity.logged", "activity", id_text,
			       data.buf);
	strbuf_release(&data);
	json_key_str(w, "op", "created");
	json_end_object(w);
	return rc;
}

/* An id field of fields as a number >= 1 (0 when absent). */
static int activity_id_field(jv fields, const char *name, int64_t *out)
{
	char number[REC_NUMBER_BUFSZ];

	*out = 0;
	return field_integer(name, rec_field_text(fields, name, number), 1,
			     INT64_MAX, out);
}

int activity_add(struct db *db, jv fields, struct sink *out)
{
	static const char sql[] =
		"INSERT INTO activity(kind, rep, lead_id, customer_id, deal_id, "
		"outcome, minutes, at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
	char numbers[5][REC_NUMBER_BUFSZ];
	const char *kind = rec_field_text(fields, "kind", numbers[0]);
	const char *rep = rec_field_text(fields, "rep", numbers[1]);
	const char *at_text = rec_field_text(fields, "at", numbers[2]);
	int64_t lead, customer, deal, minutes = -1, at, id;
	char at_buf[TS_BUFSZ];
	struct db_stmt *stmt;
	struct json w = { 0 };
	int status, known = 0;
	jv probe;

	for (int i = 0; kind && crm_activity_kinds[i]; i++)
		known |= !strcmp(kind, crm_activity_kinds[i]);
	if (!known) {
		status = biz_fail(BIZ_DATAERR, "kind: '%s' is not one of call, "
				  "visit, email, meeting, quote, note",
				  kind ? kind : "");
		goto done;
	}
	if ((status = activity_id_field(fields, "lead", &lead)) ||
	    (status = activity_id_field(fields, "customer", &customer)) ||
	    (status = activity_id_field(fields, "deal", &deal)) ||
	    (status = field_integer("minutes",
				    rec_field_text(fields, "minutes",
						   numbers[3]),
				    0, INT32_MAX, &minutes)))
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
	if (!rep || (status = rep_exists(db, rep))) {
		status = biz_fail(BIZ_DATAERR, "no rep '%s'", rep ? rep : "");
		goto done;
	}
	if (lead) {
		if ((status = lead_load(db, lead, &probe))) {
			status = biz_fail(BIZ_DATAERR, "no lead %lld",
					  (long long)lead);
			goto done;
		}
		jv_free(probe);
	}
	if ((customer && (status = customer_get(db, customer, NULL))) ||
	    (deal && (status = deal_get(db, deal, NULL))))
		goto done;
	stmt = db_stmt(db, sql);
	db_bind_text(stmt, 1, kind);
	db_bind_text(stmt, 2, rep);
	if (lead)
		db_bind_int64(stmt, 3, lead);
	if (customer)
		db_bind_int64(stmt, 4, customer);
	if (deal)
		db_bind_int64(stmt, 5, deal);
	db_bind_text(stmt, 6, rec_field_text(fields, "outcome", numbers[4]));
	if (minutes >= 0)
		db_bind_int64(stmt, 7, minutes);
	db_bind_text(stmt, 8, at_buf);
	if ((status = db_done(db, stmt)))
		goto done;
	id = db_last_id(db);
	if ((status = activity_logged(db, id, &w)) ||
	    (lead && (status = lead_mark_contacted(db, lead, rep, at_buf,
						   id))))
		goto done;
	status = sink_done(sink_put(out, &w));
done:
	json_release(&w);
	jv_free(fields);
	return status;
}

int activity_each(struct db *db, const struct activity_filter *filter,
		  struct sink *out)
{
	static const char sql[] = ACTIVITY_SELECT
		"WHERE (?1 = 0 OR lead_id = ?1) AND "
		"(?2 = 0 OR customer_id = ?2) AND (?3 = 0 OR deal_id = ?3) AND "
		"(?4 IS NULL OR rep = ?4) ORDER BY at, id";
	struct db_stmt *stmt;
	jv probe;
	int status;

	/* A filter naming nothing is bad data (65), not an empty list. */
	if (filter->lead) {
		if ((status = lead_load(db, filter->lead, &probe)))
			return status;
		jv_free(probe);
	}
	if ((filter->rep && (status = rep_exists(db, filter->rep))) ||
	    (filter->customer &&
	     (status = customer_get(db, filter->customer, NULL))) ||
	    (filter->deal && (status = deal_get(db, filter->deal, NULL))))
		return status;
	stmt = db_stmt(db, sql);
	db_bind_int64(stmt, 1, filter->lead);
	db_bind_int64(stmt, 2, filter->customer);
	db_bind_int64(stmt, 3, filter->deal);
	db_bind_text(stmt, 4, filter->rep);
	return db_put_rows(db, stmt, activity_row, NULL, out);
}
