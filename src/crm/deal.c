/* deal.c - deals, their stages and the history of their moves. */
#include "crm.h"

#include <stdlib.h>
#include <string.h>

#include "array.h"
#include "biz.h"
#include "decimal.h"
#include "event.h"
#include "json.h"
#include "record.h"
#include "timeutil.h"
#include "banned.h"

#define DEAL_SELECT \
	"SELECT d.id, d.customer_id, d.title, d.amount, d.stage, " \
	"s.probability, d.owner, d.close, d.closed_at, d.created_at, " \
	"d.lost_reason, d.lead_id, d.stage_at, d.extra " \
	"FROM deal d JOIN deal_stage s ON s.name = d.stage "

/* A deal record's own fields, in order: DEAL_SELECT's columns. */
static const char *const deal_columns[] = {
	"id", "customer", "title", "amount", "stage", "probability",
	"owner", "close", "closed_at", "created_at", "lost_reason", "lead",
	"stage_at", NULL
};
#define DEAL_AMOUNT 3
#define DEAL_EXTRA 13

/* The record of the deal row stmt is on, as a jv (deal_get). */
static jv deal_from_row(struct db *db, struct db_stmt *stmt)
{
	jv deal = jv_object(), extra;

	for (int i = 0; deal_columns[i]; i++)
		rec_set(&deal, deal_columns[i], i == DEAL_AMOUNT ?
			db_column_dec(stmt, i, db->money_scale) :
			db_column_jv(stmt, i));
	extra = jv_parse(db_column_text(stmt, DEAL_EXTRA));
	return crm_merge_custom(deal, extra);
}

/*
 * Opens w's record and writes the deal of the row, as deal_from_row()
 * gives it; a custom field never takes a column's name (deal_add() keeps
 * them apart).  deal_write() closes it: db_put_rows()'s writer (arg: the
 * db).
 */
static void deal_write_open(struct json *w, struct db_stmt *stmt,
			    struct db *db)
{
	json_object(w);
	for (int i = 0; deal_columns[i]; i++) {
		if (i == DEAL_AMOUNT)
			db_json_dec(w, deal_columns[i], stmt, i,
				    db->money_scale);
		else
			db_json_column(w, deal_columns[i], stmt, i);
	}
	json_members(w, db_column_text(stmt, DEAL_EXTRA));
}

static void deal_write(struct json *w, struct db_stmt *stmt, void *arg)
{
	deal_write_open(w, stmt, arg);
	json_end_object(w);
}

/* The statement of deal_each(), bound. */
static struct db_stmt *deal_query(struct db *db,
				  const struct deal_filter *filter)
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

	db_bind_int64(stmt, 1, filter->customer);
	db_bind_text(stmt, 2, filter->stage);
	db_bind_text(stmt, 3, filter->owner);
	db_bind_int64(stmt, 4, filter->open);
	return stmt;
}

int deal_each(struct db *db, const struct deal_filter *filter,
	      struct sink *out)
{
	return db_put_rows(db, deal_query(db, filter), deal_write, db, out);
}

int deal_write_each(struct db *db, const struct deal_filter *filter,
		    struct json *w)
{
	struct db_stmt *stmt = deal_query(db, filter);
	int rc;

	json_array(w);
	while ((rc = db_row(db, stmt)) == DB_ROW)
		deal_write(w, stmt, db);
	json_end_array(w);
	return rc == DB_DONE ? BIZ_OK : rc;
}

int deal_get(struct db *db, int64_t id, jv *out)
{
	static const char sql[] = DEAL_SELECT "WHERE d.id = ?";
	struct db_stmt *stmt = db_stmt(db, sql);
	int rc;

	if ((rc = db_one_id(db, stmt, id, "deal")))
		return rc;
	if (out)
		*out = deal_from_row(db, stmt);
	db_reset(stmt);
	return BIZ_OK;
}

/* ---- stages ------------------------------------------------------------ */

void deal_stages_release(struct deal_stages *stages)
{
	for (size_t i = 0; i < stages->len; i++)
		free(stages->list[i].name);
	free(stages->list);
	stages->list = NULL;
	stages->len = stages->cap = 0;
}

int deal_stages_load(struct db *db, struct deal_stages *stages)
{
	static const char sql[] =
		"SELECT name, probability, position, kind FROM deal_stage "
		"ORDER BY position, name";
	struct db_stmt *stmt = db_stmt(db, sql);
	int rc;

	stages->list = NULL;
	stages->len = stages->cap = 0;
	while ((rc = db_row(db, stmt)) == DB_ROW) {
		struct deal_stage stage;
		const char *kind = db_column_text(stmt, 3);

		stage.name = xstrdup(db_column_text(stmt, 0));
		stage.probability = (int)db_column_int64(stmt, 1);
		stage.position = db_column_int64(stmt, 2);
		stage.kind = !strcmp(kind, "won") ? DEAL_WON :
			     !strcmp(kind, "lost") ? DEAL_LOST : DEAL_OPEN;
		ARRAY_PUSH(stages->list, stages->len, stages->cap, stage);
	}
	if (rc != DB_DONE) {
		deal_stages_release(stages);
		return rc;
	}
	return BIZ_OK;
}

int deal_stage_index(const struct deal_stages *stages, const char *name)
{
	for (size_t i = 0; i < stages->len; i++)
		if (!strcmp(stages->list[i].name, name))
			return (int)i;
	return -1;
}

/* "no such stage 'x' (stages: new, qualified, ...)" */
static int unknown_stage(const struct deal_stages *stages, const char *name)
{
	struct strbuf known = { 0 };
	int status;

	for (size_t i = 0; i < stages->len; i++) {
		if (i)
			strbuf_addstr(&known, ", ");
		strbuf_addstr(&known, stages->list[i].name);
	}
	status = biz_fail(BIZ_DATAERR, "no such stage '%s' (stages: %s)",
			  name, known.len ? known.buf : "none");
	strbuf_release(&known);
	return status;
}

static const char *const stage_kinds[] = { "open", "won", "lost" };

/*
 * The index in stages of the stage called name, or with name NULL of the
 * first stage of kind; BIZ_DATAERR naming the stages when there is none.
 */
static int stage_pick(const struct deal_stages *stages, const char *name,
		      int kind, int *index)
{
	if (name) {
		if ((*index = deal_stage_index(stages, name)) < 0)
			return unknown_stage(stages, name);
		return BIZ_OK;
	}
	for (*index = 0; *index < (int)stages->len; ++*index)
		if ((int)stages->list[*index].kind == kind)
			return BIZ_OK;
	return biz_fail(BIZ_DATAERR, "no %s stage", stage_kinds[kind]);
}

/* A stage's record (name probability order kind) into w. */
static void stage_write(struct json *w, const struct deal_stage *stage,
			int64_t order)
{
	json_object(w);
	json_key_str(w, "name", stage->name);
	json_key_int(w, "probability", stage->probability);
	json_key_int(w, "order", order);
	json_key_str(w, "kind", stage_kinds[stage->kind]);
	json_end_object(w);
}

static jv stage_record(const struct deal_stage *stage, int64_t order)
{
	return JV_OBJECT(jv_string("name"), jv_string(stage->name),
			 jv_string("probability"),
			 jv_number(stage->probability),
			 jv_string("order"), jv_number((double)order),
			 jv_string("kind"), jv_string(stage_kinds[stage->kind]));
}

int deal_stage_each(struct db *db, struct sink *out)
{
	struct deal_stages stages;
	struct json w = { 0 };
	int status;

	if ((status = deal_stages_load(db, &stages)))
		return status;
	for (size_t i = 0; i < stages.len && status == BIZ_OK; i++) {
		json_reset(&w);
		stage_write(&w, &stages.list[i], (int64_t)i + 1);
		status = sink_put(out, &w);
	}
	json_release(&w);
	deal_stages_release(&stages);
	return sink_done(status);
}

int deal_stage_set(struct db *db, const char *name, int probability,
		   int64_t order, jv *out)
{
	static const char upsert[] =
		"INSERT INTO deal_stage(name, probability, position) "
		"VALUES (?1, ?2, ?3) ON CONFLICT (name) DO UPDATE SET "
		"probability = excluded.probability, "
		"position = excluded.position";
	static const char renumber[] =
		"UPDATE deal_stage SET position = ?2 WHERE name = ?1";
	struct deal_stages stages;
	struct db_stmt *stmt;
	int status, at, changed, existed;
	int64_t position;
	jv before = jv_null();

	if (!crm_tag_valid(name))
		return biz_fail(BIZ_DATAERR, "stage '%s': no spaces or control "
				"characters", name);
	if ((status = deal_stages_load(db, &stages)))
		return status;
	at = deal_stage_index(&stages, name);
	existed = at >= 0;
	if (at < 0 && probability < 0) {
		status = biz_fail(BIZ_DATAERR, "a new stage needs a "
				  "probability");
		goto done;
	}
	if (at >= 0) {
		before = stage_record(&stages.list[at], at + 1);
		if (probability < 0)
			probability = stages.list[at].probability;
		if (order <= 0)
			order = at + 1;
	} else if (order <= 0) {
		/* A new stage goes after the last open one. */
		order = 1;
		for (size_t i = 0; i < stages.len; i++)
			if (stages.list[i].kind == DEAL_OPEN)
				order = (int64_t)i + 2;
	}
	/* Positions are 1..n: make room at order, then renumber. */
	position = 0;
	for (size_t i = 0, n = 0; i < stages.len; i++) {
		if ((int)i == at)
			continue;
		if ((int64_t)++n == order)
			position++;
		stmt = db_stmt(db, renumber);
		db_bind_text(stmt, 1, stages.list[i].name);
		db_bind_int64(stmt, 2, ++position);
		if ((status = db_done(db, stmt)))
			goto done;
	}
	if (order > position + 1)
		order = position + 1;
	stmt = db_stmt(db, upsert);
	db_bind_text(stmt, 1, name);
	db_bind_int64(stmt, 2, probability);
	db_bind_int64(stmt, 3, order);
	if ((status = db_done(db, stmt)))
		goto done;
	deal_stages_release(&stages);
	if ((status = deal_stages_load(db, &stages)))
		return status;
	at = deal_stage_index(&stages, name);
	*out = stage_record(&stages.list[at], at + 1);
	changed = !jv_equal(jv_copy(before), jv_copy(*out));
	if (changed && (status = event_append(db, "deal.stage_set",
					      "deal_stage", name,
					      jv_copy(*out)))) {
		jv_free(*out);
		goto done;
	}
	rec_set_str(out, "op", !existed ? "created" : changed ? "updated" :
			       "unchanged");
done:
	jv_free(before);
	deal_stages_release(&stages);
	return status;
}

/* ---- deals ------------------------------------------------------------- */

/* Appends a stage change of deal id to the history. */
static int deal_history_add(struct db *db, int64_t id, const char *from,
			    const char *to, const char *at)
{
	static const char sql[] =
		"INSERT INTO deal_history(deal_id, from_stage, to_stage, at, "
		"actor) VALUES (?, ?, ?, ?, ?)";
	struct db_stmt *stmt = db_stmt(db, sql);

	db_bind_int64(stmt, 1, id);
	db_bind_text(stmt, 2, from);
	db_bind_text(stmt, 3, to);
	db_bind_text(stmt, 4, at);
	db_bind_text(stmt, 5, db->actor ? db->actor : "");
	return db_done(db, stmt);
}

/* Fields a deal takes from input; others become custom fields. */
static const char *const deal_fields[] = {
	"customer", "title", "amount", "stage", "close", "owner", "lead",
	NULL
};

static int in_columns(const char *name)
{
	for (int i = 0; deal_columns[i]; i++)
		if (!strcmp(deal_columns[i], name))
			return 1;
	return 0;
}

static int in_deal_fields(const char *name)
{
	for (int i = 0; deal_fields[i]; i++)
		if (!strcmp(deal_fields[i], name))
			return 1;
	return 0;
}

int deal_parse_amount(struct db *db, jv value, int64_t *amount)
{
	char number[REC_NUMBER_BUFSZ];
	const char *text = rec_value_text(value, number);
	int failed;

	if (!text) {
		jv_free(value);
		return biz_fail(BIZ_DATAERR, "a deal needs an amount");
	}
	failed = jv_get_kind(value) == JV_KIND_NUMBER ?
		 dec_from_jv(jv_copy(value), db->money_scale, amount) :
		 dec_parse(text, db->money_scale, amount);
	if (failed) {
		int status = dec_parse_fail("amount", text ? text : "",
					    db->money_scale);

		jv_free(value);
		return status;
	}
	jv_free(value);
	if (*amount < 0)
		return biz_fail(BIZ_DATAERR, "amount: must not be negative");
	return BIZ_OK;
}

int deal_add(struct db *db, jv fields, jv *out)
{
	static const char sql[] =
		"INSERT INTO deal(customer_id, title, amount, stage, owner, "
		"close, closed_at, lead_id, stage_at, created_at, updated_at, "
		"extra) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9, ?9, ?10)";
	struct rec_texts texts = { .used = 0 };
	struct deal_stages stages = { 0 };
	const char *title = rec_text(&texts, fields, "title");
	const char *stage = rec_text(&texts, fields, "stage");
	const char *close = rec_text(&texts, fields, "close");
	const char *owner = rec_text(&texts, fields, "owner");
	int64_t customer = 0, lead = 0, amount, t, id;
	struct strbuf extra_text = { 0 };
	char at[TS_BUFSZ];
	struct db_stmt *stmt;
	jv extra = jv_object();
	int status, s;

	jv_object_foreach(fields, key, value) {
		if (strcmp(jv_string_value(key), "extra") &&
		    strcmp(jv_string_value(key), "op") &&
		    !in_deal_fields(jv_string_value(key)) &&
		    !in_columns(jv_string_value(key)) &&
		    jv_get_kind(value) != JV_KIND_NULL &&
		    !(jv_get_kind(value) == JV_KIND_STRING &&
		      !jv_string_length_bytes(jv_copy(value))))
			extra = jv_object_set(extra, jv_copy(key),
					      jv_copy(value));
		jv_free(key);
		jv_free(value);
	}
	if ((status = field_integer("customer",
				    rec_text(&texts, fields, "customer"), 1,
				    INT64_MAX, &customer)) ||
	    (status = field_integer("lead", rec_text(&texts, fields, "lead"), 1,
				    INT64_MAX, &lead)))
		goto done;
	if (!customer) {
		status = biz_fail(BIZ_DATAERR, "a deal needs a customer");
		goto done;
	}
	if (!title) {
		status = biz_fail(BIZ_DATAERR, "a deal needs a title");
		goto done;
	}
	if ((status = deal_parse_amount(db, jv_object_get(jv_copy(fields),
						  jv_string("amount")),
				       &amount)) ||
	    (status = customer_get(db, customer, NULL)))
		goto done;
	if (close && date_parse(close, &t)) {
		status = biz_fail(BIZ_DATAERR, "close: '%s' is not a date "
				  "such as 2026-12-31", close);
		goto done;
	}
	if (owner && rep_exists(db, owner)) {
		status = biz_fail(BIZ_DATAERR, "no such rep '%s'", owner);
		goto done;
	}
	if ((status = deal_stages_load(db, &stages)) ||
	    (status = stage_pick(&stages, stage, DEAL_OPEN, &s)))
		goto done;
	time_format(db->now, at);
	rec_dump(&extra_text, extra);
	stmt = db_stmt(db, sql);
	db_bind_int64(stmt, 1, customer);
	db_bind_text(stmt, 2, title);
	db_bind_int64(stmt, 3, amount);
	db_bind_text(stmt, 4, stages.list[s].name);
	db_bind_text(stmt, 5, owner);
	db_bind_text(stmt, 6, close);
	db_bind_text(stmt, 7, stages.list[s].kind == DEAL_OPEN ? NULL : at);
	if (lead)
		db_bind_int64(stmt, 8, lead);
	db_bind_text(stmt, 9, at);
	db_bind_text(stmt, 10, extra_text.buf);
	if ((status = db_done(db, stmt)))
		goto done;
	id = db_last_id(db);
	if ((status = deal_history_add(db, id, NULL, stages.list[s].name,
				       at)) ||
	    (status = deal_get(db, id, out)))
		goto done;
	if ((status = event_append_id(db, "deal.created", "deal", id,
				      jv_copy(*out)))) {
		jv_free(*out);
		goto done;
	}
	rec_set_str(out, "op", "created");
done:
	strbuf_release(&extra_text);
	deal_stages_release(&stages);
	jv_free(extra);
	jv_free(fields);
	return status;
}

int deal_move(struct db *db, int64_t id, const char *stage, int kind,
	      const char *reason, jv *out)
{
	static const char sql[] =
		"UPDATE deal SET stage = ?2, stage_at = ?3, updated_at = ?3, "
		"closed_at = ?4, lost_reason = ?5 WHERE id = ?1";
	struct rec_texts texts = { .used = 0 };
	struct deal_stages stages = { 0 };
	const char *from, *lost;
	char at[TS_BUFSZ];
	struct db_stmt *stmt;
	jv deal;
	int status, s = -1;

	if ((status = deal_get(db, id, &deal)))
		return status;
	if ((status = deal_stages_load(db, &stages)) ||
	    (status = stage_pick(&stages, stage, kind, &s)))
		goto done;
	if (reason && stages.list[s].kind != DEAL_LOST) {
		status = biz_fail(BIZ_DATAERR, "a reason is for a lost deal");
		goto done;
	}
	from = rec_text(&texts, deal, "stage");
	if (!strcmp(from, stages.list[s].name) &&
	    (!reason || ((lost = rec_text(&texts, deal, "lost_reason")) &&
			 !strcmp(reason, lost)))) {
		*out = deal;
		deal = jv_null();
		rec_set_str(out, "op", "unchanged");
		goto done;
	}
	time_format(db->now, at);
	stmt = db_stmt(db, sql);
	db_bind_int64(stmt, 1, id);
	db_bind_text(stmt, 2, stages.list[s].name);
	db_bind_text(stmt, 3, at);
	/* Closing stamps closed_at; a move back to an open stage reopens. */
	db_bind_text(stmt, 4, stages.list[s].kind == DEAL_OPEN ? NULL :
			      !strcmp(from, stages.list[s].name) &&
			      rec_text(&texts, deal, "closed_at") ?
			      rec_text(&texts, deal, "closed_at") : at);
	db_bind_text(stmt, 5, stages.list[s].kind == DEAL_LOST ? reason : NULL);
	if ((status = db_done(db, stmt)))
		goto done;
	if (strcmp(from, stages.list[s].name) &&
	    (status = deal_history_add(db, id, from, stages.list[s].name, at)))
		goto done;
	if ((status = deal_get(db, id, out)))
		goto done;
	if ((status = event_append_id(db, "deal.moved", "deal", id,
				      JV_OBJECT(jv_string("from"),
						jv_string(from),
						jv_string("to"),
						jv_string(stages.list[s].name),
						jv_string("reason"),
						reason ? jv_string(reason) :
						jv_null())))) {
		jv_free(*out);
		goto done;
	}
	rec_set_str(out, "op", "updated");
done:
	jv_free(deal);
	deal_stages_release(&stages);
	return status;
}

int deal_show(struct db *db, int64_t id, struct sink *out)
{
	static const char deal_sql[] = DEAL_SELECT "WHERE d.id = ?";
	static const char history_sql[] =
		"SELECT from_stage, to_stage, at, actor FROM deal_history "
		"WHERE deal_id = ? ORDER BY at, id";
	struct db_stmt *stmt = db_stmt(db, deal_sql);
	struct json w = { 0 };
	int rc;

	if ((rc = db_one_id(db, stmt, id, "deal")))
		return rc;
	deal_write_open(&w, stmt, db);
	db_reset(stmt);
	json_key(&w, "history");
	json_array(&w);
	stmt = db_stmt(db, history_sql);
	db_bind_int64(stmt, 1, id);
	while ((rc = db_row(db, stmt)) == DB_ROW) {
		json_object(&w);
		db_json_column(&w, "from", stmt, 0);
		db_json_column(&w, "to", stmt, 1);
		db_json_column(&w, "at", stmt, 2);
		db_json_column(&w, "actor", stmt, 3);
		json_end_object(&w);
	}
	json_end_array(&w);
	json_end_object(&w);
	if (rc == DB_DONE)
		rc = sink_done(sink_put(out, &w));
	json_release(&w);
	return rc;
}
