/*
 * ticket.c - tickets: open, assign, reply, resolve, close, reopen, their
 * records and their history.
 */
#include <stdlib.h>
#include <string.h>

#include "crm.h"
#include "event.h"
#include "record.h"
#include "service.h"
#include "service_internal.h"
#include "timeutil.h"

static const char *const priorities[] = { "low", "normal", "high", "urgent" };
static const char *const statuses[] = { "open", "resolved", "closed" };

static int in_set(const char *const *set, size_t n, const char *text)
{
	for (size_t i = 0; text && i < n; i++)
		if (!strcmp(set[i], text))
			return 1;
	return 0;
}

int ticket_priority_valid(const char *text)
{
	return in_set(priorities, 4, text);
}

int ticket_status_valid(const char *text)
{
	return in_set(statuses, 3, text);
}

/* ---- records ---------------------------------------------------------- */

/*
 * Whether a ticket is past its targets at now: the response is what
 * came first of the reply, the resolution and the closing (now while
 * none did); the resolution is the resolution or the closing (now while
 * open).  Sets the due times as epoch seconds.
 */
void ticket_breaches(const struct ticket_times *t, int64_t now,
		     int *response, int *resolution)
{
	int64_t answered = t->first_response >= 0 ? t->first_response :
		t->resolved >= 0 ? t->resolved :
		t->closed >= 0 ? t->closed : now;
	int64_t done = t->resolved >= 0 ? t->resolved :
		t->closed >= 0 ? t->closed : now;

	*response = answered > t->opened + t->response_minutes * 60;
	*resolution = done > t->opened + t->resolution_minutes * 60;
}

/* The epoch seconds of a stored timestamp column, -1 when NULL. */
static int64_t column_time(struct db_stmt *stmt, int index)
{
	const char *text = db_column_text(stmt, index);
	int64_t t;

	if (!text || time_parse(text, &t))
		return -1;
	return t;
}

void ticket_times_read(struct db_stmt *stmt, struct ticket_times *t)
{
	t->opened = column_time(stmt, TICKET_COL_OPENED);
	t->first_response = column_time(stmt, TICKET_COL_RESPONSE);
	t->resolved = column_time(stmt, TICKET_COL_RESOLVED);
	t->closed = column_time(stmt, TICKET_COL_CLOSED);
	t->response_minutes = db_column_int64(stmt, TICKET_COL_RESPONSE_MIN);
	t->resolution_minutes = db_column_int64(stmt,
						TICKET_COL_RESOLUTION_MIN);
}

/* Writes the ticket row stmt is on (TICKET_SELECT's columns) into w. */
void ticket_write(struct json *w, struct db_stmt *stmt, void *arg)
{
	static const char *const names[] = {
		"id", "customer", "subject", "priority", "channel", "status",
		"owner", "opened_at", "first_response_at", "resolved_at",
		"closed_at", "csat"
	};
	const struct db *db = arg;
	struct ticket_times t;
	char due[TS_BUFSZ];
	int response, resolution;

	ticket_times_read(stmt, &t);
	json_object(w);
	for (int i = 0; i < 12; i++)
		db_json_column(w, names[i], stmt, i);
	db_json_column(w, "ref", stmt, TICKET_COL_REF);
	json_key_str(w, "response_due", time_format(t.opened +
		     t.response_minutes * 60, due));
	json_key_str(w, "resolution_due", time_format(t.opened +
		     t.resolution_minutes * 60, due));
	ticket_breaches(&t, db->now, &response, &resolution);
	json_key(w, "breached");
	json_array(w);
	if (response)
		json_str(w, "response");
	if (resolution)
		json_str(w, "resolution");
	json_end_array(w);
	json_members(w, db_column_text(stmt, TICKET_COL_EXTRA));
	json_end_object(w);
}

/* Appends ticket id's history, oldest first, as "history":[...]. */
static int ticket_history_write(struct db *db, int64_t id, struct json *w)
{
	static const char sql[] =
		"SELECT at, actor, action, from_status, to_status, note "
		"FROM ticket_history WHERE ticket_id = ? ORDER BY id";
	static const char *const names[] = {
		"at", "actor", "action", "from", "to", "note"
	};
	struct db_stmt *stmt = db_stmt(db, sql);

	db_bind_int64(stmt, 1, id);
	return db_json_rows(db, stmt, w, "history", names, 6);
}

/*
 * The record of ticket id into out (reset first), with op (NULL: none)
 * and, with history, its changes.
 */
static int ticket_record(struct db *db, int64_t id, const char *op,
			 int history, struct json *out)
{
	static const char sql[] = TICKET_SELECT "WHERE t.id = ?";
	struct db_stmt *stmt = db_stmt(db, sql);
	int rc;

	if ((rc = db_one_id(db, stmt, id, "ticket")))
		return rc;
	json_reset(out);
	ticket_write(out, stmt, db);
	db_reset(stmt);
	/* Reopen the object to add op and history at its end. */
	if (op || history) {
		out->text.len--;
		out->text.buf[out->text.len] = '\0';
		out->comma = 1;
		if (op)
			json_key_str(out, "op", op);
		if (history && (rc = ticket_history_write(db, id, out)))
			return rc;
		json_end_object(out);
	}
	return BIZ_OK;
}

int ticket_get(struct db *db, int64_t id, int history, struct json *out)
{
	return ticket_record(db, id, NULL, history, out);
}

/* ---- writes ----------------------------------------------------------- */

/* Keeps a change of ticket id in its history and the event log. */
static int ticket_log(struct db *db, int64_t id, const char *action,
		      const char *from, const char *to, const char *note)
{
	static const char sql[] =
		"INSERT INTO ticket_history(ticket_id, at, actor, action, "
		"from_status, to_status, note) VALUES (?, ?, ?, ?, ?, ?, ?)";
	struct db_stmt *stmt = db_stmt(db, sql);
	char at[TS_BUFSZ], kind[32];
	jv data = jv_object();
	int status;

	time_format(db->now, at);
	db_bind_int64(stmt, 1, id);
	db_bind_text(stmt, 2, at);
	db_bind_text(stmt, 3, db->actor);
	db_bind_text(stmt, 4, action);
	db_bind_text(stmt, 5, from);
	db_bind_text(stmt, 6, to);
	db_bind_text(stmt, 7, note);
	if ((status = db_done(db, stmt))) {
		jv_free(data);
		return status;
	}
	rec_set_str(&data, "from", from);
	rec_set_str(&data, "to", to);
	if (note)
		rec_set_str(&data, "note", note);
	snprintf(kind, sizeof(kind), "ticket.%s", action);
	return event_append_id(db, kind, "ticket", id, data);
}

/* Ticket id's status (into a buffer of 16) and owner (NULL: none). */
static int ticket_state(struct db *db, int64_t id, char *status,
			char **owner)
{
	static const char sql[] =
		"SELECT status, owner FROM ticket WHERE id = ?";
	struct db_stmt *stmt = db_stmt(db, sql);
	const char *text;
	int rc;

	if ((rc = db_one_id(db, stmt, id, "ticket")))
		return rc;
	snprintf(status, 16, "%s", db_column_text(stmt, 0));
	text = db_column_text(stmt, 1);
	if (owner)
		*owner = text ? xstrdup(text) : NULL;
	db_reset(stmt);
	return BIZ_OK;
}

/* The fields a ticket takes as its own; the others are custom. */
static const char *const own[] = {
	"customer", "subject", "priority", "channel", "owner", "ref"
};

int ticket_field_known(const char *name)
{
	for (size_t i = 0; i < sizeof(own) / sizeof(own[0]); i++)
		if (!strcmp(name, own[i]))
			return 1;
	return 0;
}

/* Splits fields (consumed) into the ticket's own and its custom ones. */
static int ticket_parse(jv fields, struct ticket_in *in)
{
	int status = BIZ_OK;

	in->extra = jv_object();
	if (jv_get_kind(fields) != JV_KIND_OBJECT) {
		jv_free(fields);
		return biz_fail(BIZ_DATAERR, "a ticket is an object");
	}
	jv_object_foreach(fields, key, value) {
		char number[REC_NUMBER_BUFSZ];
		const char *name = jv_string_value(key);
		const char *text = rec_value_text(value, number);
		int i;

		for (i = 0; i < 6 && strcmp(own[i], name); i++)
			;
		if (status) {
			;
		} else if (i == 0) {
			status = field_integer("customer", text, 1, INT64_MAX,
					       &in->customer);
		} else if (i < 6) {
			free(in->own[i]);
			in->own[i] = text ? xstrdup(text) : NULL;
		} else if (jv_get_kind(value) != JV_KIND_NULL) {
			in->extra = jv_object_set(in->extra, jv_copy(key),
						  jv_copy(value));
		}
		jv_free(key);
		jv_free(value);
	}
	jv_free(fields);
	return status;
}

static void ticket_in_release(struct ticket_in *in)
{
	for (int i = 0; i < 6; i++)
		free(in->own[i]);
	jv_free(in->extra);
}

/* What a ticket asked with a ref was asked: in's fields, as JSON. */
static jv ticket_request(const struct ticket_in *in, const char *priority)
{
	jv r = jv_object();

	rec_set(&r, "customer", jv_number((double)in->customer));
	rec_set_str(&r, "subject", in->own[1]);
	rec_set_str(&r, "priority", priority);
	rec_set_str(&r, "channel", in->own[3]);
	rec_set_str(&r, "owner", in->own[4]);
	rec_set(&r, "extra", jv_copy(in->extra));
	return r;
}

/* A value of a request as the message shows it. */
static char *request_value_text(jv value)
{
	char *text;

	if (jv_get_kind(value) == JV_KIND_STRING) {
		text = xstrdup(jv_string_value(value));
		jv_free(value);
		return text;
	}
	value = jv_dump_string(value, JV_PRINT_SORTED);
	text = xstrdup(jv_string_value(value));
	jv_free(value);
	return text;
}

/*
 * Looks up ref: *id 0 when no ticket has it; else its ticket, and the
 * same request asked (asked, borrowed) is BIZ_OK, another BIZ_REFUSED
 * naming the first field that differs.
 */
static int ticket_ref_check(struct db *db, const char *ref, jv asked,
			    int64_t *id)
{
	static const char sql[] =
		"SELECT ticket_id, request FROM ticket_ref WHERE ref = ?";
	static const char *const keys[] = {
		"customer", "subject", "priority", "channel", "owner", "extra"
	};
	struct db_stmt *stmt = db_stmt(db, sql);
	jv stored;
	int rc, status = BIZ_OK;

	*id = 0;
	db_bind_text(stmt, 1, ref);
	rc = db_one(db, stmt);
	if (rc != DB_ROW)
		return rc == DB_DONE ? BIZ_OK : rc;
	*id = db_column_int64(stmt, 0);
	stored = jv_parse(db_column_text(stmt, 1));
	db_reset(stmt);
	for (size_t i = 0; i < sizeof(keys) / sizeof(keys[0]); i++) {
		jv was = jv_object_get(jv_copy(stored), jv_string(keys[i]));
		jv now = jv_object_get(jv_copy(asked), jv_string(keys[i]));
		char *a, *b;

		if (jv_equal(jv_copy(was), jv_copy(now))) {
			jv_free(was);
			jv_free(now);
			continue;
		}
		a = request_value_text(was);
		b = request_value_text(now);
		status = biz_fail(BIZ_REFUSED, "ref '%s' is ticket %lld with "
				  "%s '%s', not '%s'", ref, (long long)*id,
				  keys[i], a, b);
		free(a);
		free(b);
		break;
	}
	jv_free(stored);
	return status;
}

/* Keeps ref's request beside new ticket id. */
static int ticket_ref_store(struct db *db, const char *ref, int64_t id,
			    jv asked)
{
	static const char sql[] =
		"INSERT INTO ticket_ref(ref, ticket_id, request) "
		"VALUES (?, ?, ?)";
	struct db_stmt *stmt = db_stmt(db, sql);
	struct strbuf text = { 0 };
	int status;

	rec_dump(&text, asked);
	db_bind_text(stmt, 1, ref);
	db_bind_int64(stmt, 2, id);
	db_bind_text(stmt, 3, text.buf);
	status = db_done(db, stmt);
	strbuf_release(&text);
	return status;
}

int ticket_open(struct db *db, jv fields, struct json *out)
{
	static const char sql[] =
		"INSERT INTO ticket(customer_id, subject, priority, channel, "
		"owner, opened_at, extra) VALUES (?, ?, ?, ?, ?, ?, ?)";
	struct ticket_in in = { 0 };
	struct strbuf extra = { 0 };
	struct db_stmt *stmt;
	const char *priority, *ref;
	char at[TS_BUFSZ];
	jv asked = jv_null();
	int64_t id;
	int status;

	if ((status = ticket_parse(fields, &in)))
		goto done;
	ref = in.own[5];
	priority = in.own[2] ? in.own[2] : "normal";
	if (!in.customer)
		status = biz_fail(BIZ_DATAERR, "a ticket needs a customer");
	else if (!in.own[1])
		status = biz_fail(BIZ_DATAERR, "a ticket needs a subject");
	else if (!ticket_priority_valid(priority))
		status = biz_fail(BIZ_DATAERR, "priority '%s': not one of "
				  "low, normal, high, urgent", priority);
	else if (!(status = customer_get(db, in.customer, NULL)) &&
		 in.own[4] && rep_exists(db, in.own[4]))
		status = biz_fail(BIZ_DATAERR, "no such rep '%s'", in.own[4]);
	if (status)
		goto done;
	if (ref) {
		asked = ticket_request(&in, priority);
		if ((status = ticket_ref_check(db, ref, asked, &id)))
			goto done;
		if (id) {
			status = ticket_record(db, id, "unchanged", 0, out);
			goto done;
		}
	}
	rec_dump(&extra, in.extra);
	time_format(db->now, at);
	stmt = db_stmt(db, sql);
	db_bind_int64(stmt, 1, in.customer);
	db_bind_text(stmt, 2, in.own[1]);
	db_bind_text(stmt, 3, priority);
	db_bind_text(stmt, 4, in.own[3]);
	db_bind_text(stmt, 5, in.own[4]);
	db_bind_text(stmt, 6, at);
	db_bind_text(stmt, 7, extra.buf);
	if ((status = db_done(db, stmt)))
		goto done;
	id = db_last_id(db);
	if ((ref && (status = ticket_ref_store(db, ref, id, asked))) ||
	    (status = ticket_log(db, id, "opened", NULL, "open", NULL)))
		goto done;
	status = ticket_record(db, id, "created", 0, out);
done:
	jv_free(asked);
	strbuf_release(&extra);
	ticket_in_release(&in);
	return status;
}

int ticket_assign(struct db *db, int64_t id, const char *owner,
		  struct json *out)
{
	static const char sql[] = "UPDATE ticket SET owner = ? WHERE id = ?";
	struct db_stmt *stmt;
	char state[16];
	char *was = NULL;
	int status, same;

	if ((status = ticket_state(db, id, state, &was)))
		return status;
	same = was && !strcmp(was, owner);
	free(was);
	if (same)
		return ticket_record(db, id, "unchanged", 0, out);
	if (!strcmp(state, "closed"))
		return biz_fail(BIZ_REFUSED, "ticket %lld is closed: reopen "
				"it first", (long long)id);
	if (rep_exists(db, owner))
		return biz_fail(BIZ_DATAERR, "no such rep '%s'", owner);
	stmt = db_stmt(db, sql);
	db_bind_text(stmt, 1, owner);
	db_bind_int64(stmt, 2, id);
	if ((status = db_done(db, stmt)) ||
	    (status = ticket_log(db, id, "assigned", state, state, owner)))
		return status;
	return ticket_record(db, id, "updated", 0, out);
}

/* The statuses a change may start from. */
enum { FROM_OPEN = 1, FROM_RESOLVED = 2, FROM_CLOSED = 4 };

/*
 * A change of ticket id from one of the statuses from: sql runs with ?1
 * now, ?2 the id and ?3 the csat (NULL for 0), then the change is
 * logged as action, to status to (NULL: the same).
 */
struct ticket_change {
	const char *sql;
	int from;
	const char *action, *to;
	const char *refusal;	/* with the id and the status */
};

static int ticket_apply(struct db *db, int64_t id,
			const struct ticket_change *c, const char *note,
			int64_t csat, struct json *out)
{
	struct db_stmt *stmt;
	char state[16], at[TS_BUFSZ];
	int status, bit;

	if ((status = ticket_state(db, id, state, NULL)))
		return status;
	bit = !strcmp(state, "open") ? FROM_OPEN :
		!strcmp(state, "resolved") ? FROM_RESOLVED : FROM_CLOSED;
	if (!(c->from & bit))
		return biz_fail(BIZ_REFUSED, c->refusal, (long long)id,
				state);
	stmt = db_stmt(db, c->sql);
	db_bind_text(stmt, 1, time_format(db->now, at));
	db_bind_int64(stmt, 2, id);
	if (csat)
		db_bind_int64(stmt, 3, csat);
	else
		db_bind_null(stmt, 3);
	if ((status = db_done(db, stmt)) ||
	    (status = ticket_log(db, id, c->action, state,
				 c->to ? c->to : state, note)))
		return status;
	return ticket_record(db, id, "updated", 0, out);
}

/* The statements leave ?3 (the csat) aside but for close. */
int ticket_reply(struct db *db, int64_t id, const char *note,
		 struct json *out)
{
	static const struct ticket_change reply = {
		"UPDATE ticket SET first_response_at = "
		"coalesce(first_response_at, ?1) WHERE id = ?2 AND "
		"?3 IS NULL",
		FROM_OPEN, "replied", NULL,
		"ticket %lld is %s: reopen it to reply"
	};

	return ticket_apply(db, id, &reply, note, 0, out);
}

int ticket_resolve(struct db *db, int64_t id, const char *note,
		   struct json *out)
{
	static const struct ticket_change resolve = {
		"UPDATE ticket SET status = 'resolved', resolved_at = ?1 "
		"WHERE id = ?2 AND ?3 IS NULL",
		FROM_OPEN, "resolved", "resolved", "ticket %lld is already %s"
	};

	return ticket_apply(db, id, &resolve, note, 0, out);
}

int ticket_close(struct db *db, int64_t id, int64_t csat, struct json *out)
{
	static const struct ticket_change close = {
		"UPDATE ticket SET status = 'closed', closed_at = ?1, "
		"resolved_at = coalesce(resolved_at, ?1), csat = ?3 "
		"WHERE id = ?2",
		FROM_OPEN | FROM_RESOLVED, "closed", "closed",
		"ticket %lld is already %s"
	};
	char note[32];

	if (csat < 0 || csat > 5)
		return biz_fail(BIZ_DATAERR, "csat %lld: not 1 to 5",
				(long long)csat);
	snprintf(note, sizeof(note), "csat %lld", (long long)csat);
	return ticket_apply(db, id, &close, csat ? note : NULL, csat, out);
}

int ticket_reopen(struct db *db, int64_t id, const char *note,
		  struct json *out)
{
	/* ?1, now, is unused: the history keeps when. */
	static const struct ticket_change reopen = {
		"UPDATE ticket SET status = 'open', resolved_at = NULL, "
		"closed_at = NULL, csat = NULL WHERE id = ?2 AND "
		"?1 IS NOT NULL AND ?3 IS NULL",
		FROM_RESOLVED | FROM_CLOSED, "reopened", "open",
		"ticket %lld is %s"
	};

	return ticket_apply(db, id, &reopen, note, 0, out);
}
