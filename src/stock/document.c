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

/* |value| / |qty| per unit at the cost scale; qty is not 0. */
int64_t stock_unit_cost(const struct db *db, int64_t value, int64_t qty)
{
	int scale = stock_cost_scale(db);

	if (value < 0)
		value = -value;
	if (qty < 0)
		qty = -qty;
	return dec_muldiv(value * stock_pow10(scale - db->money_scale),
			  stock_pow10(QTY_SCALE), qty);
}

/* The unit cost as a number, or null with no qty. */
jv stock_unit_cost_jv(const struct db *db, int64_t value, int64_t qty)
{
	if (qty == 0)
		return jv_null();
	return dec_to_jv(stock_unit_cost(db, value, qty), stock_cost_scale(db));
}

/* ---- move records --------------------------------------------------- */

/* ,"key": -- keys are plain names, never escaped. */
static void json_key(struct strbuf *sb, const char *key)
{
	strbuf_add(sb, ",\"", 2);
	strbuf_addstr(sb, key);
	strbuf_add(sb, "\":", 2);
}

/* ,"key":"text" (or null), as rec_dump() writes it. */
static void json_text(struct strbuf *sb, const char *key, const char *text)
{
	json_key(sb, key);
	if (text)
		rec_dump_text(sb, text, strlen(text));
	else
		strbuf_add(sb, "null", 4);
}

static void json_dec(struct strbuf *sb, const char *key, int64_t v,
		     int scale)
{
	char buf[DEC_BUFSZ];

	json_key(sb, key);
	strbuf_addstr(sb, dec_format_json(v, scale, buf));
}

/*
 * Sets sb to the JSON text of a move record (what the commands print and
 * the move's event holds): id at date doc ref sku wh lot qty value
 * stock_unit_cost doc_id quarantine serials.  Written straight from the
 * values: a batch writes one per line, and a jv built and dumped twice
 * cost more than the move's SQL.
 */
void stock_move_json(struct strbuf *sb, const struct db *db, int64_t id,
		      const char *at, const char *date, const char *kind,
		      const char *ref, int64_t doc_id, const char *sku,
		      const char *wh, const char *lot, int64_t qty,
		      int64_t value, int64_t quarantine, const char *serials)
{
	strbuf_reset(sb);
	strbuf_addf(sb, "{\"id\":%lld", (long long)id);
	json_text(sb, "at", at);
	json_text(sb, "date", date);
	json_text(sb, "doc", kind);
	json_text(sb, "ref", ref);
	json_text(sb, "sku", sku);
	json_text(sb, "wh", wh);
	json_text(sb, "lot", lot && *lot ? lot : NULL);
	json_dec(sb, "qty", qty, QTY_SCALE);
	json_dec(sb, "value", value, db->money_scale);
	if (qty)
		json_dec(sb, "unit_cost", stock_unit_cost(db, value, qty),
			 stock_cost_scale(db));
	else
		strbuf_addstr(sb, ",\"unit_cost\":null");
	strbuf_addf(sb, ",\"doc_id\":%lld", (long long)doc_id);
	json_dec(sb, "quarantine", quarantine, QTY_SCALE);
	/* serials is the JSON array text stock_serials_json() wrote. */
	strbuf_addf(sb, ",\"serials\":%s}", serials ? serials : "null");
}

/*
 * Hands the move record in sb to doc->print, or without one appends it
 * to *moves.
 */
void stock_move_out(struct stock_doc *doc, const struct strbuf *sb,
		     jv *moves)
{
	if (doc->print)
		doc->print(sb->buf, sb->len, doc->print_arg);
	else
		*moves = jv_array_append(*moves, jv_parse_sized(sb->buf,
								(int)sb->len));
}

/* Appends the moves of document doc_id to *moves. */
static int doc_moves(struct db *db, struct stock_doc *doc, jv *moves)
{
	static const char sql[] =
		"SELECT m.id, m.at, m.date, d.kind, d.ref, m.doc_id, m.sku, "
		"m.wh, m.lot, m.qty, m.value, m.quarantine, m.serials "
		"FROM move m JOIN stock_doc d ON d.id = m.doc_id "
		"WHERE m.doc_id = ? ORDER BY m.id";
	struct db_stmt *stmt = db_stmt(db, sql);
	struct strbuf sb = { 0 };
	int rc;

	db_bind_int64(stmt, 1, doc->id);
	while ((rc = db_row(db, stmt)) == DB_ROW) {
		stock_move_json(&sb, db, db_column_int64(stmt, 0),
			  db_column_text(stmt, 1), db_column_text(stmt, 2),
			  db_column_text(stmt, 3), db_column_text(stmt, 4),
			  db_column_int64(stmt, 5),
			  db_column_text(stmt, 6), db_column_text(stmt, 7),
			  db_column_text(stmt, 8),
			  db_column_int64(stmt, 9),
			  db_column_int64(stmt, 10),
			  db_column_int64(stmt, 11),
			  db_column_text(stmt, 12));
		stock_move_out(doc, &sb, moves);
	}
	db_reset(stmt);
	strbuf_release(&sb);
	return rc == DB_DONE ? BIZ_OK : rc;
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

void stock_doc_release(struct stock_doc *doc)
{
	struct stock_doc_state *s = doc->state;

	if (!s)
		return;
	for (size_t i = 0; i < s->wh_count; i++)
		free(s->whs[i]);
	free(s->whs);
	free(s->items);
	strbuf_release(&s->text);
	free(s);
	doc->state = NULL;
}

static size_t sku_hash(const char *sku)
{
	size_t h = 2166136261u;

	for (; *sku; sku++)
		h = (h ^ (unsigned char)*sku) * 16777619u;
	return h;
}

static void item_cache_put(struct stock_doc_state *s,
			   const struct item_info *item)
{
	size_t i;

	if (2 * (s->item_count + 1) > s->item_cap) {
		struct item_info *old = s->items;
		size_t old_cap = s->item_cap;

		s->item_cap = old_cap ? 2 * old_cap : 64;
		s->items = xmalloc(s->item_cap * sizeof(*s->items));
		for (i = 0; i < s->item_cap; i++)
			s->items[i].sku[0] = '\0';
		s->item_count = 0;
		for (i = 0; i < old_cap; i++)
			if (old[i].sku[0])
				item_cache_put(s, &old[i]);
		free(old);
	}
	i = sku_hash(item->sku) & (s->item_cap - 1);
	while (s->items[i].sku[0] && strcmp(s->items[i].sku, item->sku))
		i = (i + 1) & (s->item_cap - 1);
	if (!s->items[i].sku[0])
		s->item_count++;
	s->items[i] = *item;
}

/* item_lookup() through doc's cache (by SKU; scans are looked up). */
int stock_doc_item(struct db *db, struct stock_doc *doc, const char *code,
		    int scan, struct item_info *out)
{
	struct stock_doc_state *s = stock_doc_get_state(db, doc);
	int status;

	if (!scan && code && s->item_cap) {
		size_t i = sku_hash(code) & (s->item_cap - 1);

		for (; s->items[i].sku[0]; i = (i + 1) & (s->item_cap - 1))
			if (!strcmp(s->items[i].sku, code)) {
				*out = s->items[i];
				return BIZ_OK;
			}
	}
	if ((status = item_lookup(db, code, scan, out)))
		return status;
	item_cache_put(s, out);
	return BIZ_OK;
}

/* warehouse_check() through doc's cache. */
int stock_doc_warehouse(struct db *db, struct stock_doc *doc,
			 const char *code)
{
	struct stock_doc_state *s = stock_doc_get_state(db, doc);
	int status;

	for (size_t i = 0; code && i < s->wh_count; i++)
		if (!strcmp(s->whs[i], code))
			return BIZ_OK;
	if ((status = warehouse_check(db, code)))
		return status;
	s->whs = xrealloc(s->whs, (s->wh_count + 1) * sizeof(*s->whs));
	s->whs[s->wh_count++] = xstrdup(code);
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
	int status = BIZ_OK;

	if (s && s->posting[0] && s->amount) {
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

int stock_doc_begin(struct db *db, struct stock_doc *doc, jv *moves)
{
	static const char find_sql[] =
		"SELECT id FROM stock_doc WHERE kind = ? AND ref = ?";
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
		return biz_fail(BIZ_DATAERR, "--date: '%s' is not a date such "
				"as 2026-11-27", doc->date);
	if (doc->ref && !*doc->ref)
		return biz_fail(BIZ_DATAERR, "--ref: an empty ref");
	if (doc->ref) {
		stmt = db_stmt(db, find_sql);
		db_bind_text(stmt, 1, doc->kind);
		db_bind_text(stmt, 2, doc->ref);
		rc = db_one(db, stmt);
		if (rc == DB_ROW)
			doc->id = db_column_int64(stmt, 0);
		db_reset(stmt);
		if (rc != DB_ROW && rc != DB_DONE)
			return rc;
		if (doc->id) {
			doc->replay = 1;
			return doc_moves(db, doc, moves);
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

