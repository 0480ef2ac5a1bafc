/* document.c - stock documents: their rows, replays, caches and the one
 * ledger entry each posts; move records as JSON. */
#include "stock_internal.h"

#include <stdlib.h>
#include <string.h>

#include "biz.h"
#include "decimal.h"
#include "event.h"
#include "ledger.h"
#include "record.h"
#include "banned.h"

int stock_cost_scale(const struct db *db)
{
	return db->money_scale + 2 > DEC_MAX_SCALE ? DEC_MAX_SCALE :
	       db->money_scale + 2;
}

/*
 * |value| / |qty| per unit at the cost scale; qty is not 0.  The scaling
 * goes into dec_muldiv's 128-bit product: value * 100 first in int64
 * wrapped for a value near 10^17 (a negative unit cost, issue 15).
 */
int64_t stock_unit_cost(const struct db *db, int64_t value, int64_t qty)
{
	int scale = stock_cost_scale(db);

	if (value < 0)
		value = value == INT64_MIN ? INT64_MAX : -value;
	if (qty < 0)
		qty = qty == INT64_MIN ? INT64_MAX : -qty;
	return dec_muldiv(value, stock_pow10(scale - db->money_scale +
					     QTY_SCALE), qty);
}

/* ---- move records --------------------------------------------------- */

/*
 * Writes the JSON record of move r into w (emptied first): what the
 * commands print and the move's event holds, in this order.  Written
 * once per move: a batch writes one per line, and a jv built and dumped
 * twice cost more than the move's SQL.
 */
void stock_move_json(struct json *w, const struct db *db,
		     const struct stock_move_record *r)
{
	/*
	 * The ids go through json_key_dec() at scale 0: the same digits as
	 * json_key_int() below 10^15, without its vsnprintf, which cost
	 * 1.7k of the 110k instructions of a batch line (callgrind, 5,000
	 * issue lines, 2026-11-30).
	 */
	json_reset(w);
	json_object(w);
	json_key_dec(w, "id", r->id, 0);
	json_key_str(w, "at", r->at);
	json_key_str(w, "date", r->date);
	json_key_str(w, "doc", r->kind);
	json_key_str(w, "ref", r->ref);
	json_key_str(w, "sku", r->sku);
	json_key_str(w, "wh", r->wh);
	json_key_str(w, "lot", r->lot && *r->lot ? r->lot : NULL);
	json_key_dec(w, "qty", r->qty, QTY_SCALE);
	json_key_dec(w, "value", r->value, db->money_scale);
	json_key(w, "unit_cost");
	if (r->qty)
		json_dec(w, stock_unit_cost(db, r->value, r->qty),
			 stock_cost_scale(db));
	else
		json_null(w);
	json_key_dec(w, "doc_id", r->doc_id, 0);
	json_key_dec(w, "quarantine", r->quarantine, QTY_SCALE);
	/* serials is the stored JSON array text, or NULL. */
	json_key_raw(w, "serials", r->serials);
	if (r->op)
		json_key_str(w, "op", r->op);
	json_end_object(w);
}

void stock_move_json_op(struct json *w, const char *op)
{
	/* Reopens the object stock_move_json() closed. */
	w->text.buf[--w->text.len] = '\0';
	w->comma = 1;
	json_key_str(w, "op", op);
	json_end_object(w);
}

int stock_move_out(struct sink *out, const struct json *w)
{
	int status = sink_put(out, w);

	return status == BIZ_STOP ? BIZ_OK : status;
}

/* Hands the moves of document doc->id to out. */
static int doc_moves(struct db *db, struct stock_doc *doc, struct sink *out)
{
	static const char sql[] =
		"SELECT m.id, m.at, m.date, d.kind, d.ref, m.doc_id, m.sku, "
		"m.wh, m.lot, m.qty, m.value, m.quarantine, m.serials "
		"FROM move m JOIN stock_doc d ON d.id = m.doc_id "
		"WHERE m.doc_id = ? ORDER BY m.id";
	struct db_stmt *stmt = db_stmt(db, sql);
	struct json w = { 0 };
	int rc, status = BIZ_OK;

	db_bind_int64(stmt, 1, doc->id);
	while (!status && (rc = db_row(db, stmt)) == DB_ROW) {
		struct stock_move_record r = {
			.id = db_column_int64(stmt, 0),
			.at = db_column_text(stmt, 1),
			.date = db_column_text(stmt, 2),
			.kind = db_column_text(stmt, 3),
			.ref = db_column_text(stmt, 4),
			.doc_id = db_column_int64(stmt, 5),
			.sku = db_column_text(stmt, 6),
			.wh = db_column_text(stmt, 7),
			.lot = db_column_text(stmt, 8),
			.qty = db_column_int64(stmt, 9),
			.value = db_column_int64(stmt, 10),
			.quarantine = db_column_int64(stmt, 11),
			.serials = db_column_text(stmt, 12),
			.op = "unchanged",
		};

		stock_move_json(&w, db, &r);
		status = stock_move_out(out, &w);
	}
	if (status)
		db_reset(stmt);
	json_release(&w);
	return status ? status : rc == DB_DONE ? BIZ_OK : rc;
}

/* ---- documents ------------------------------------------------------ */

const char *stock_doc_date(struct stock_doc *doc, const struct db *db)
{
	if (doc->date)
		return doc->date;
	if (!doc->today[0])
		date_format(db->now, doc->today);
	return doc->today;
}

struct stock_doc_state *stock_doc_get_state(const struct db *db,
					 struct stock_doc *doc)
{
	if (!doc->state) {
		doc->state = xmalloc(sizeof(*doc->state));
		memset(doc->state, 0, sizeof(*doc->state));
		time_format(db->now, doc->state->at);
	}
	return doc->state;
}

/* Frees the values of h (keys are theirs) and h. */
static void free_values(struct hash *h)
{
	for (size_t i = 0; i < h->cap; i++)
		if (h->keys[i])
			free(h->values[i]);
	hash_clear(h);
}

void stock_doc_release(struct stock_doc *doc)
{
	struct stock_doc_state *s = doc->state;

	if (!s)
		return;
	free_values(&s->items);
	free_values(&s->whs);
	json_release(&s->text);
	strbuf_release(&s->request);
	free(s->stored);
	free(s);
	doc->state = NULL;
}

/* item_lookup() through doc's cache (by SKU; scans are looked up). */
int stock_doc_item(struct db *db, struct stock_doc *doc, const char *code,
		   int scan, struct item_info *out)
{
	struct stock_doc_state *s = stock_doc_get_state(db, doc);
	struct item_info *known = NULL;
	int status;

	if (!scan && code)
		known = hash_get(&s->items, code);
	if (known) {
		*out = *known;
		return BIZ_OK;
	}
	if ((status = item_lookup(db, code, scan, out)))
		return status;
	known = hash_get(&s->items, out->sku);
	if (known) {
		*known = *out;
		return BIZ_OK;
	}
	known = xmalloc(sizeof(*known));
	*known = *out;
	hash_put(&s->items, known->sku, known);
	return BIZ_OK;
}

/* warehouse_check() through doc's cache. */
int stock_doc_warehouse(struct db *db, struct stock_doc *doc,
			const char *code)
{
	struct stock_doc_state *s = stock_doc_get_state(db, doc);
	char *known;
	int status;

	if (code && hash_get(&s->whs, code))
		return BIZ_OK;
	if ((status = warehouse_check(db, code)))
		return status;
	known = xstrdup(code);
	hash_put(&s->whs, known, known);
	return BIZ_OK;
}

/*
 * Adds amount (by posting rule kind) to doc's entry.  A document posts by
 * one rule: its entry is one debit and one credit.  memo is read for the
 * first move only.
 */
int stock_doc_post_add(struct db *db, struct stock_doc *doc,
			const char *kind, int64_t amount, const char *memo)
{
	struct stock_doc_state *s = stock_doc_get_state(db, doc);

	if (!s->posting[0])
		snprintf(s->posting, sizeof(s->posting), "%s", kind);
	else if (strcmp(s->posting, kind)) {
		return biz_fail(BIZ_INTERNAL, "%s %lld posts by both '%s' and "
				"'%s'", doc->kind, (long long)doc->id,
				s->posting, kind);
	}
	if (__builtin_add_overflow(s->amount, amount, &s->amount))
		return biz_fail(BIZ_DATAERR, "amounts too large");
	if (!s->posted++)
		snprintf(s->memo, sizeof(s->memo), "%s", memo);
	return BIZ_OK;
}

int stock_doc_finish(struct db *db, struct stock_doc *doc)
{
	static const char sql[] =
		"UPDATE stock_doc SET entry_id = ? WHERE id = ?";
	struct stock_doc_state *s = doc->state;
	char memo[300];
	int64_t entry_id = 0;
	int status = stock_doc_request_end(db, doc);

	if (!status && !doc->replay && s && s->posting[0] && s->amount) {
		/* One move keeps the memo it always had. */
		if (s->posted == 1)
			snprintf(memo, sizeof(memo), "%s", s->memo);
		else
			snprintf(memo, sizeof(memo), "%s %lld: %zu moves",
				 doc->kind, (long long)doc->id, s->posted);
		status = ledger_post_auto(db, s->posting, stock_doc_date(doc, db),
					  memo, doc->kind, doc->ref,
					  s->amount, &entry_id);
		if (!status && entry_id) {
			struct db_stmt *stmt = db_stmt(db, sql);

			db_bind_int64(stmt, 1, entry_id);
			db_bind_int64(stmt, 2, doc->id);
			status = db_done(db, stmt);
		}
		if (!status)
			doc->entry_id = entry_id;
	}
	stock_doc_release(doc);
	return status;
}

/*
 * Refuses a replay of doc whose ref was posted for another purchase
 * order (stored po; NULL: none), or for one when doc has none.
 */
static int other_po(const struct stock_doc *doc, const char *po)
{
	if (!po && !doc->po)
		return BIZ_OK;
	if (po && doc->po && !strcmp(po, doc->po))
		return BIZ_OK;
	if (po)
		return biz_fail(BIZ_REFUSED, "ref '%s' is %s %lld of purchase "
				"%s, not %s%s", doc->ref, doc->kind,
				(long long)doc->id, po,
				doc->po ? "purchase " : "a plain ",
				doc->po ? doc->po : doc->kind);
	return biz_fail(BIZ_REFUSED, "ref '%s' is %s %lld of no purchase, "
			"not of purchase %s", doc->ref, doc->kind,
			(long long)doc->id, doc->po);
}

int stock_doc_begin(struct db *db, struct stock_doc *doc,
		    struct sink *out)
{
	static const char find_sql[] =
		"SELECT id, po FROM stock_doc WHERE kind = ? AND ref = ?";
	static const char insert_sql[] =
		"INSERT INTO stock_doc(kind, ref, date, po, order_id, reason, "
		"status, at, actor) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)";
	struct db_stmt *stmt;
	char at[TS_BUFSZ];
	int64_t day;
	int rc, status;

	if (doc->id)
		return BIZ_OK;
	if (doc->date && date_parse(doc->date, &day))
		return biz_fail(BIZ_DATAERR, "date: '%s' is not a date such "
				"as 2026-11-27", doc->date);
	if (doc->ref && !*doc->ref)
		return biz_fail(BIZ_DATAERR, "ref: an empty ref");
	if (doc->ref) {
		stmt = db_stmt(db, find_sql);
		db_bind_text(stmt, 1, doc->kind);
		db_bind_text(stmt, 2, doc->ref);
		rc = db_one(db, stmt);
		if (rc == DB_ROW) {
			doc->id = db_column_int64(stmt, 0);
			status = other_po(doc, db_column_text(stmt, 1));
		} else
			status = BIZ_OK;
		db_reset(stmt);
		if (rc != DB_ROW && rc != DB_DONE)
			return rc;
		if (status) {
			doc->id = 0;
			return status;
		}
		if (doc->id) {
			doc->replay = 1;
			return doc_moves(db, doc, out);
		}
	}
	stmt = db_stmt(db, insert_sql);
	db_bind_text(stmt, 1, doc->kind);
	db_bind_text(stmt, 2, doc->ref);
	db_bind_text(stmt, 3, stock_doc_date(doc, db));
	db_bind_text(stmt, 4, doc->po);
	db_bind_text(stmt, 5, doc->order);
	db_bind_text(stmt, 6, doc->reason);
	db_bind_text(stmt, 7, doc->hold ? "held" : NULL);
	db_bind_text(stmt, 8, time_format(db->now, at));
	db_bind_text(stmt, 9, db->actor);
	if ((status = db_done(db, stmt)))
		return status;
	doc->id = db_last_id(db);
	return BIZ_OK;
}

