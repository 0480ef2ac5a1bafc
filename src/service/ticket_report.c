/*
 * ticket_report.c - lists of tickets, the targets per priority, the
 * statistics per period and rep, and a customer's tickets for its view.
 */
#include <stdlib.h>
#include <string.h>

#include "array.h"
#include "event.h"
#include "record.h"
#include "service.h"
#include "service_internal.h"
#include "timeutil.h"

int ticket_each(struct db *db, const struct ticket_filter *filter,
		struct sink *out)
{
#define TICKET_WHERE \
	"WHERE (?1 = 0 OR t.customer_id = ?1) AND (?2 IS NULL OR " \
	"t.status = ?2) AND (?3 IS NULL OR t.owner = ?3) AND " \
	"(?4 IS NULL OR t.priority = ?4) "
	static const char oldest[] = TICKET_SELECT TICKET_WHERE
		"ORDER BY t.id";
	static const char newest[] = TICKET_SELECT TICKET_WHERE
		"ORDER BY t.id DESC";
#undef TICKET_WHERE
	struct db_stmt *stmt = db_stmt(db, filter->newest_first ? newest :
				       oldest);
	struct json w = { 0 };
	int64_t put = 0;
	int status = BIZ_OK, rc;

	db_bind_int64(stmt, 1, filter->customer);
	db_bind_text(stmt, 2, filter->open || filter->breached ? "open" :
		     filter->status);
	db_bind_text(stmt, 3, filter->owner);
	db_bind_text(stmt, 4, filter->priority);
	while ((rc = db_row(db, stmt)) == DB_ROW) {
		if (filter->breached) {
			struct ticket_times t;
			int response, resolution;

			ticket_times_read(stmt, &t);
			ticket_breaches(&t, db->now, &response, &resolution);
			if (!response && !resolution)
				continue;
		}
		json_reset(&w);
		ticket_write(&w, stmt, db);
		status = sink_put(out, &w);
		if (!status && filter->limit && ++put >= filter->limit)
			status = BIZ_STOP;
		if (status) {
			db_reset(stmt);
			break;
		}
	}
	json_release(&w);
	if (!status && rc != DB_DONE)
		return rc;
	return sink_done(status);
}

/* ---- targets ---------------------------------------------------------- */

/* Minutes as hours at 2 places, rounded half up. */
static int64_t centihours(int64_t minutes)
{
	return (minutes * 100 + 30) / 60;
}

static void target_write(struct json *w, struct db_stmt *stmt, void *arg)
{
	(void)arg;
	json_object(w);
	db_json_column(w, "priority", stmt, 0);
	json_key_dec(w, "response_hours",
		     centihours(db_column_int64(stmt, 1)), 2);
	json_key_dec(w, "resolution_hours",
		     centihours(db_column_int64(stmt, 2)), 2);
	db_json_column(w, "response_minutes", stmt, 1);
	db_json_column(w, "resolution_minutes", stmt, 2);
	json_end_object(w);
}

#define TARGET_SELECT \
	"SELECT priority, response_minutes, resolution_minutes " \
	"FROM ticket_target "

int ticket_target_each(struct db *db, struct sink *out)
{
	static const char sql[] = TARGET_SELECT
		"ORDER BY CASE priority WHEN 'urgent' THEN 1 WHEN 'high' "
		"THEN 2 WHEN 'normal' THEN 3 ELSE 4 END";

	return db_put_rows(db, db_stmt(db, sql), target_write, NULL, out);
}

int ticket_target_set(struct db *db, const char *priority,
		      int64_t response_minutes, int64_t resolution_minutes,
		      struct json *out)
{
	static const char get[] = TARGET_SELECT "WHERE priority = ?";
	static const char set[] =
		"UPDATE ticket_target SET response_minutes = ?, "
		"resolution_minutes = ? WHERE priority = ?";
	struct db_stmt *stmt = db_stmt(db, get);
	int64_t response, resolution;
	const char *op;
	jv data;
	int rc;

	db_bind_text(stmt, 1, priority);
	rc = db_one(db, stmt);
	if (rc == DB_DONE)
		return biz_fail(BIZ_USAGE, "priority '%s': not one of low, "
				"normal, high, urgent", priority);
	if (rc != DB_ROW)
		return rc;
	response = response_minutes ? response_minutes :
		db_column_int64(stmt, 1);
	resolution = resolution_minutes ? resolution_minutes :
		db_column_int64(stmt, 2);
	op = response == db_column_int64(stmt, 1) &&
		resolution == db_column_int64(stmt, 2) ? "unchanged" :
		"updated";
	db_reset(stmt);
	if (!strcmp(op, "updated")) {
		stmt = db_stmt(db, set);
		db_bind_int64(stmt, 1, response);
		db_bind_int64(stmt, 2, resolution);
		db_bind_text(stmt, 3, priority);
		if ((rc = db_done(db, stmt)))
			return rc;
		data = jv_object();
		rec_set(&data, "response_minutes", jv_number(response));
		rec_set(&data, "resolution_minutes", jv_number(resolution));
		if ((rc = event_append(db, "ticket.target_set", "ticket_target",
				       priority, data)))
			return rc;
	}
	stmt = db_stmt(db, get);
	db_bind_text(stmt, 1, priority);
	if ((rc = db_one(db, stmt)) != DB_ROW)
		return rc == DB_DONE ? db_failure(db) : rc;
	json_reset(out);
	target_write(out, stmt, NULL);
	db_reset(stmt);
	out->text.buf[--out->text.len] = '\0';
	out->comma = 1;
	json_key_str(out, "op", op);
	json_end_object(out);
	return BIZ_OK;
}

/* ---- statistics ------------------------------------------------------- */

struct durations {
	int64_t *list;
	size_t len, cap;
};

struct stats_group {
	char period[16];
	char *rep;		/* NULL: unassigned */
	int64_t opened, resolved, breaches, csat_sum, csat_answered;
	struct durations response, resolution;
};

struct stats_groups {
	struct stats_group *list;
	size_t len, cap;
};

/* The period key of timestamp at: its month, day, or "all". */
static void period_key(enum ticket_period by, const char *at, char *key)
{
	size_t n = by == TICKET_BY_MONTH ? 7 : by == TICKET_BY_DAY ? 10 : 0;

	if (!n)
		snprintf(key, 16, "all");
	else
		snprintf(key, 16, "%.*s", (int)n, at);
}

static struct stats_group *group_for(struct stats_groups *groups,
				     enum ticket_period by, const char *at,
				     const char *rep)
{
	char key[16];
	struct stats_group *g;

	period_key(by, at, key);
	for (size_t i = 0; i < groups->len; i++) {
		g = &groups->list[i];
		if (!strcmp(g->period, key) && (g->rep == rep ||
		    (g->rep && rep && !strcmp(g->rep, rep))))
			return g;
	}
	ARRAY_GROW(groups->list, groups->len + 1, groups->cap);
	g = &groups->list[groups->len++];
	memset(g, 0, sizeof(*g));
	memcpy(g->period, key, sizeof(key));
	g->rep = rep ? xstrdup(rep) : NULL;
	return g;
}

/* Whether timestamp at (NULL: never) falls in the query's period. */
static int in_period(const struct ticket_stats *q, const char *at)
{
	return at && (!q->from_at || strcmp(at, q->from_at) >= 0) &&
		(!q->to_at || strcmp(at, q->to_at) < 0);
}

static int compare_i64(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;

	return (x > y) - (x < y);
}

/* The median of seconds as hours at 2 places (half up); null if none. */
static void write_median(struct json *w, const char *key,
			 struct durations *d)
{
	int64_t centi;

	json_key(w, key);
	if (!d->len) {
		json_null(w);
		return;
	}
	qsort(d->list, d->len, sizeof(*d->list), compare_i64);
	if (d->len % 2)
		centi = (d->list[d->len / 2] * 100 + 1800) / 3600;
	else
		centi = ((d->list[d->len / 2 - 1] + d->list[d->len / 2]) *
			 100 + 3600) / 7200;
	json_dec(w, centi, 2);
}

static int compare_groups(const void *a, const void *b)
{
	const struct stats_group *x = a, *y = b;
	int c = strcmp(x->period, y->period);

	if (c)
		return c;
	if (!x->rep || !y->rep)
		return !x->rep - !y->rep;
	return strcmp(x->rep, y->rep);
}

/* Adds the ticket row stmt is on to its groups. */
static void stats_add(struct db *db, const struct ticket_stats *q,
		      struct db_stmt *stmt, struct stats_groups *groups)
{
	const char *rep = db_column_text(stmt, TICKET_COL_OWNER);
	const char *opened = db_column_text(stmt, TICKET_COL_OPENED);
	const char *resolved = db_column_text(stmt, TICKET_COL_RESOLVED);
	const char *closed = db_column_text(stmt, TICKET_COL_CLOSED);
	struct stats_group *g;
	struct ticket_times t;
	int response, resolution;

	ticket_times_read(stmt, &t);
	if (in_period(q, opened)) {
		g = group_for(groups, q->period, opened, rep);
		g->opened++;
		if (t.first_response >= 0)
			ARRAY_PUSH(g->response.list, g->response.len,
				   g->response.cap,
				   t.first_response - t.opened);
		ticket_breaches(&t, db->now, &response, &resolution);
		g->breaches += response || resolution;
	}
	if (in_period(q, resolved)) {
		g = group_for(groups, q->period, resolved, rep);
		g->resolved++;
		ARRAY_PUSH(g->resolution.list, g->resolution.len,
			   g->resolution.cap, t.resolved - t.opened);
	}
	if (in_period(q, closed) &&
	    !db_column_null(stmt, TICKET_COL_CSAT)) {
		g = group_for(groups, q->period, closed, rep);
		g->csat_sum += db_column_int64(stmt, TICKET_COL_CSAT);
		g->csat_answered++;
	}
}

static int stats_put(struct stats_groups *groups, struct sink *out)
{
	struct json w = { 0 };
	int status = BIZ_OK;

	qsort(groups->list, groups->len, sizeof(*groups->list),
	      compare_groups);
	for (size_t i = 0; i < groups->len && !status; i++) {
		struct stats_group *g = &groups->list[i];

		json_reset(&w);
		json_object(&w);
		json_key_str(&w, "period", g->period);
		json_key_str(&w, "rep", g->rep);
		json_key_int(&w, "opened", g->opened);
		json_key_int(&w, "resolved", g->resolved);
		write_median(&w, "median_response_hours", &g->response);
		write_median(&w, "median_resolution_hours", &g->resolution);
		json_key_int(&w, "breaches", g->breaches);
		json_key(&w, "avg_csat");
		if (g->csat_answered)
			json_dec(&w, (g->csat_sum * 200 + g->csat_answered) /
				 (2 * g->csat_answered), 2);
		else
			json_null(&w);
		json_key_int(&w, "csat_answered", g->csat_answered);
		json_end_object(&w);
		status = sink_put(out, &w);
	}
	json_release(&w);
	return sink_done(status);
}

int ticket_stats(struct db *db, const struct ticket_stats *q,
		 struct sink *out)
{
	static const char sql[] = TICKET_SELECT
		"WHERE ?1 IS NULL OR t.owner = ?1 ORDER BY t.id";
	struct db_stmt *stmt = db_stmt(db, sql);
	struct stats_groups groups = { 0 };
	int status = BIZ_OK, rc;

	db_bind_text(stmt, 1, q->owner);
	while ((rc = db_row(db, stmt)) == DB_ROW)
		stats_add(db, q, stmt, &groups);
	if (rc != DB_DONE)
		status = rc;
	else
		status = stats_put(&groups, out);
	for (size_t i = 0; i < groups.len; i++) {
		free(groups.list[i].rep);
		free(groups.list[i].response.list);
		free(groups.list[i].resolution.list);
	}
	free(groups.list);
	return status;
}

/* ---- the customer's view ---------------------------------------------- */

int service_customer_write_tickets(struct db *db, int64_t customer,
				   int64_t limit, struct json *w)
{
	static const char sql[] = TICKET_SELECT
		"WHERE t.customer_id = ?1 ORDER BY t.id DESC LIMIT ?2";
	struct db_stmt *stmt = db_stmt(db, sql);
	int rc;

	db_bind_int64(stmt, 1, customer);
	db_bind_int64(stmt, 2, limit ? limit : -1);
	json_key(w, "tickets");
	json_array(w);
	while ((rc = db_row(db, stmt)) == DB_ROW)
		ticket_write(w, stmt, db);
	json_end_array(w);
	return rc == DB_DONE ? BIZ_OK : rc;
}

int service_customer_figures(struct db *db, int64_t customer,
			     struct service_figures *figures)
{
	static const char sql[] =
		"SELECT count(*), coalesce(sum(CASE WHEN status = 'open' "
		"THEN 1 ELSE 0 END), 0), coalesce(sum(csat), 0), count(csat) "
		"FROM ticket WHERE customer_id = ?";
	struct db_stmt *stmt = db_stmt(db, sql);
	int rc;

	db_bind_int64(stmt, 1, customer);
	if ((rc = db_one(db, stmt)) != DB_ROW)
		return rc == DB_DONE ? db_failure(db) : rc;
	figures->tickets = db_column_int64(stmt, 0);
	figures->open_tickets = db_column_int64(stmt, 1);
	figures->csat_sum = db_column_int64(stmt, 2);
	figures->csat_answered = db_column_int64(stmt, 3);
	db_reset(stmt);
	return BIZ_OK;
}
