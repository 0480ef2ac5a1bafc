/* stock.c - moves, balances, cost layers and the documents that move. */
#include "stock.h"

#include <stdlib.h>
#include <string.h>

#include "biz.h"
#include "decimal.h"
#include "event.h"
#include "input.h"
#include "ledger.h"
#include "record.h"
#include "banned.h"

int stock_cost_scale(const struct db *db)
{
	return db->money_scale + 2 > DEC_MAX_SCALE ? DEC_MAX_SCALE :
	       db->money_scale + 2;
}

static int64_t pow10_of(int n)
{
	int64_t p = 1;

	while (n-- > 0)
		p *= 10;
	return p;
}

/* |value| / |qty| per unit at the cost scale; qty is not 0. */
static int64_t unit_cost(const struct db *db, int64_t value, int64_t qty)
{
	int scale = stock_cost_scale(db);

	if (value < 0)
		value = -value;
	if (qty < 0)
		qty = -qty;
	return dec_muldiv(value * pow10_of(scale - db->money_scale),
			  pow10_of(QTY_SCALE), qty);
}

/* The unit cost as a number, or null with no qty. */
static jv unit_cost_jv(const struct db *db, int64_t value, int64_t qty)
{
	if (qty == 0)
		return jv_null();
	return dec_to_jv(unit_cost(db, value, qty), stock_cost_scale(db));
}

static const char *qty_text(int64_t qty, char buf[DEC_BUFSZ])
{
	return dec_format(qty, QTY_SCALE, buf);
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
 * unit_cost doc_id quarantine serials.  Written straight from the
 * values: a batch writes one per line, and a jv built and dumped twice
 * cost more than the move's SQL.
 */
static void move_json(struct strbuf *sb, const struct db *db, int64_t id,
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
		json_dec(sb, "unit_cost", unit_cost(db, value, qty),
			 stock_cost_scale(db));
	else
		strbuf_addstr(sb, ",\"unit_cost\":null");
	strbuf_addf(sb, ",\"doc_id\":%lld", (long long)doc_id);
	json_dec(sb, "quarantine", quarantine, QTY_SCALE);
	/* serials is the JSON array text serials_json() wrote. */
	strbuf_addf(sb, ",\"serials\":%s}", serials ? serials : "null");
}

/*
 * Hands the move record in sb to doc->print, or without one appends it
 * to *moves.
 */
static void move_out(struct stock_doc *doc, const struct strbuf *sb,
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
		move_json(&sb, db, db_column_int64(stmt, 0),
			  db_column_text(stmt, 1), db_column_text(stmt, 2),
			  db_column_text(stmt, 3), db_column_text(stmt, 4),
			  db_column_int64(stmt, 5),
			  db_column_text(stmt, 6), db_column_text(stmt, 7),
			  db_column_text(stmt, 8),
			  db_column_int64(stmt, 9),
			  db_column_int64(stmt, 10),
			  db_column_int64(stmt, 11),
			  db_column_text(stmt, 12));
		move_out(doc, &sb, moves);
	}
	db_reset(stmt);
	strbuf_release(&sb);
	return rc == DB_DONE ? BIZ_OK : rc;
}

/* ---- documents ------------------------------------------------------ */

static const char *doc_date(struct stock_doc *doc, const struct db *db)
{
	if (doc->date)
		return doc->date;
	if (!doc->today[0])
		date_format(db->now, doc->today);
	return doc->today;
}

/*
 * What a document keeps while it is written: the one entry it will post
 * (kind, summed amount, the memo of its first move) and the look-ups a
 * batch would otherwise repeat per line (items by SKU, warehouses known
 * to exist).  Nothing else writes items or warehouses in the document's
 * transaction, so the caches cannot go stale.
 */
struct stock_doc_state {
	char posting[32];
	int64_t amount;
	size_t posted;
	char memo[300];
	char at[TS_BUFSZ];
	struct item_info *items;	/* open addressing by SKU */
	size_t item_cap, item_count;
	char **whs;
	size_t wh_count;
	struct strbuf text;		/* the last move record's JSON */
};

static struct stock_doc_state *doc_state(const struct db *db,
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
static int doc_item(struct db *db, struct stock_doc *doc, const char *code,
		    int scan, struct item_info *out)
{
	struct stock_doc_state *s = doc_state(db, doc);
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
static int doc_warehouse(struct db *db, struct stock_doc *doc,
			 const char *code)
{
	struct stock_doc_state *s = doc_state(db, doc);
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
static int doc_post_add(struct db *db, struct stock_doc *doc,
			const char *kind, int64_t amount, const char *memo)
{
	struct stock_doc_state *s = doc_state(db, doc);

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
		status = ledger_post_auto(db, s->posting, doc_date(doc, db),
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
	db_bind_text(stmt, 3, doc_date(doc, db));
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

/* ---- valuation: cost layers ----------------------------------------- */

/* Refuses want of sku (lot, when named) in wh, where have is available. */
static int shortage(const char *sku, const char *wh, const char *lot,
		    int64_t have, int64_t want)
{
	char a[DEC_BUFSZ], b[DEC_BUFSZ];

	if (have < 0)
		have = 0;
	if (lot && *lot)
		return biz_fail(BIZ_REFUSED, "not enough '%s' lot '%s' in "
				"'%s': %s available, %s asked", sku, lot, wh,
				qty_text(have, a), qty_text(want, b));
	return biz_fail(BIZ_REFUSED, "not enough '%s' in '%s': %s available, "
			"%s asked", sku, wh, qty_text(have, a),
			qty_text(want, b));
}

static void piece_add(struct stock_move *m, int64_t qty, int64_t value,
		      int64_t origin)
{
	m->pieces = xrealloc(m->pieces, (m->piece_count + 1) *
			     sizeof(*m->pieces));
	m->pieces[m->piece_count++] = (struct stock_piece){ qty, value,
							    origin };
}

/*
 * Takes qty worth value out of layer id; close says it is all that is
 * left.  A layer that stays open keeps its entry in the partial index
 * cost_layer_open (keyed on is_open, not on remaining_qty): only closing
 * one writes the index.  The CHECK on cost_layer holds close true.
 */
static int layer_update(struct db *db, int64_t id, int64_t qty,
			int64_t value, int close)
{
	static const char take_sql[] =
		"UPDATE cost_layer SET remaining_qty = remaining_qty - ?2, "
		"remaining_value = remaining_value - ?3 WHERE id = ?1";
	static const char close_sql[] =
		"UPDATE cost_layer SET remaining_qty = remaining_qty - ?2, "
		"remaining_value = remaining_value - ?3, is_open = 0 "
		"WHERE id = ?1";
	struct db_stmt *stmt = db_stmt(db, close ? close_sql : take_sql);

	db_bind_int64(stmt, 1, id);
	db_bind_int64(stmt, 2, qty);
	db_bind_int64(stmt, 3, value);
	return db_done(db, stmt);
}

/* Value of taking qty out of remaining (worth value): exact, the last
 * unit taking the rest. */
static int64_t share(int64_t value, int64_t qty, int64_t remaining)
{
	return qty >= remaining ? value : dec_muldiv(value, qty, remaining);
}

static int short_layers(const struct stock_move *m)
{
	return biz_fail(BIZ_REFUSED, "cost layers of '%s' in '%s' hold less "
			"than is moved", m->item->sku, m->wh);
}

/* Takes qty out of the one layer m->layer_id. */
static int consume_layer(struct db *db, struct stock_move *m, int64_t qty)
{
	static const char sql[] =
		"SELECT remaining_qty, remaining_value, origin FROM cost_layer "
		"WHERE id = ?";
	struct db_stmt *stmt = db_stmt(db, sql);
	int64_t rq, rv, origin, v;
	int rc;

	db_bind_int64(stmt, 1, m->layer_id);
	rc = db_one(db, stmt);
	if (rc != DB_ROW)
		return rc == DB_DONE ? short_layers(m) : rc;
	rq = db_column_int64(stmt, 0);
	rv = db_column_int64(stmt, 1);
	origin = db_column_int64(stmt, 2);
	db_reset(stmt);
	if (rq < qty)
		return short_layers(m);
	v = share(rv, qty, rq);
	piece_add(m, qty, v, origin);
	m->value = -v;
	return layer_update(db, m->layer_id, qty, v, qty == rq);
}

struct layer_row {
	int64_t id, qty, value, origin;
};

/*
 * FIFO: the oldest layers not on hold, split exactly.  With
 * m->check_available, refuses first more than is available, read from
 * the balance in the same statement (a row without a layer when none is
 * open; no row without a balance).
 */
static int consume_fifo(struct db *db, struct stock_move *m, int64_t qty)
{
	static const char sql[] =
		"SELECT id, remaining_qty, remaining_value, origin "
		"FROM cost_layer WHERE sku = ? AND wh = ? AND lot = ? AND "
		"is_open = 1 AND held = 0 ORDER BY origin, id";
	static const char available_sql[] =
		"SELECT l.id, l.remaining_qty, l.remaining_value, l.origin, "
		"b.qty - b.quarantine - b.reserved FROM stock_balance b "
		"LEFT JOIN cost_layer l ON l.sku = b.sku AND l.wh = b.wh AND "
		"l.lot = b.lot AND l.is_open = 1 AND l.held = 0 "
		"WHERE b.sku = ? AND b.wh = ? AND b.lot = ? "
		"ORDER BY l.origin, l.id";
	struct db_stmt *stmt = db_stmt(db, m->check_available ? available_sql :
				     sql);
	struct layer_row *rows = NULL;
	size_t n = 0, cap = 0;
	int64_t need = qty, total = 0, have = 0;
	int rc, status = BIZ_OK, read_have = 0;

	db_bind_text(stmt, 1, m->item->sku);
	db_bind_text(stmt, 2, m->wh);
	db_bind_text(stmt, 3, m->lot ? m->lot : "");
	while (need > 0 && (rc = db_row(db, stmt)) == DB_ROW) {
		if (m->check_available && !read_have) {
			read_have = 1;
			have = db_column_int64(stmt, 4);
			if (have < qty)
				break;
		}
		if (db_column_null(stmt, 0))
			continue;
		if (n == cap) {
			cap = cap ? 2 * cap : 4;
			rows = xrealloc(rows, cap * sizeof(*rows));
		}
		rows[n].id = db_column_int64(stmt, 0);
		rows[n].qty = db_column_int64(stmt, 1);
		rows[n].value = db_column_int64(stmt, 2);
		rows[n].origin = db_column_int64(stmt, 3);
		need -= rows[n].qty;
		n++;
	}
	db_reset(stmt);
	if (m->check_available && have < qty &&
	    (rc == DB_DONE || rc == DB_ROW)) {
		free(rows);
		return shortage(m->item->sku, m->wh, m->lot, have, qty);
	}
	if (need > 0) {
		free(rows);
		return rc == DB_DONE || rc == DB_ROW ?
		       short_layers(m) : rc;
	}
	need = qty;
	for (size_t i = 0; i < n && status == BIZ_OK; i++) {
		int64_t take = rows[i].qty < need ? rows[i].qty : need;
		int64_t v = share(rows[i].value, take, rows[i].qty);

		piece_add(m, take, v, rows[i].origin);
		total += v;
		need -= take;
		status = layer_update(db, rows[i].id, take, v,
				      take == rows[i].qty);
	}
	free(rows);
	m->value = -total;
	return status;
}

/*
 * AVCO: the average of the layers not on hold.  They are closed and what
 * is left becomes one layer (made by stock_apply_move), so the layers
 * still sum to the balance.  m->check_available as for FIFO.
 */
static int consume_avco(struct db *db, struct stock_move *m, int64_t qty,
			struct stock_piece *rest)
{
	/* ?4: what is available, read only when it is checked here. */
	static const char sum_sql[] =
		"SELECT coalesce(sum(remaining_qty), 0), "
		"coalesce(sum(remaining_value), 0), coalesce(max(origin), 0), "
		"CASE WHEN ?4 THEN (SELECT qty - quarantine - reserved "
		"FROM stock_balance WHERE sku = ?1 AND wh = ?2 AND lot = ?3) "
		"END FROM cost_layer WHERE sku = ?1 AND wh = ?2 AND lot = ?3 "
		"AND is_open = 1 AND held = 0";
	static const char close_sql[] =
		"UPDATE cost_layer SET remaining_qty = 0, remaining_value = 0, "
		"is_open = 0 WHERE sku = ? AND wh = ? AND lot = ? AND "
		"is_open = 1 AND held = 0";
	struct db_stmt *stmt = db_stmt(db, sum_sql);
	int64_t total_qty, total_value, origin, have, v;
	int rc, status;

	db_bind_text(stmt, 1, m->item->sku);
	db_bind_text(stmt, 2, m->wh);
	db_bind_text(stmt, 3, m->lot ? m->lot : "");
	db_bind_int64(stmt, 4, m->check_available);
	rc = db_one(db, stmt);
	if (rc != DB_ROW)
		return rc;
	total_qty = db_column_int64(stmt, 0);
	total_value = db_column_int64(stmt, 1);
	origin = db_column_int64(stmt, 2);
	have = db_column_int64(stmt, 3);
	db_reset(stmt);
	if (m->check_available && have < qty)
		return shortage(m->item->sku, m->wh, m->lot, have, qty);
	if (total_qty < qty)
		return short_layers(m);
	v = share(total_value, qty, total_qty);
	piece_add(m, qty, v, origin);
	m->value = -v;
	*rest = (struct stock_piece){ total_qty - qty, total_value - v,
				      origin };
	stmt = db_stmt(db, close_sql);
	db_bind_text(stmt, 1, m->item->sku);
	db_bind_text(stmt, 2, m->wh);
	db_bind_text(stmt, 3, m->lot ? m->lot : "");
	if ((status = db_done(db, stmt)))
		return status;
	return BIZ_OK;
}

static int layer_insert(struct db *db, const struct stock_move *m,
			int64_t move_id, const struct stock_piece *p,
			int held)
{
	static const char sql[] =
		"INSERT INTO cost_layer(sku, wh, lot, move_id, origin, qty, "
		"value, remaining_qty, remaining_value, held, is_open) "
		"VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?6, ?7, ?8, ?6 > 0)";
	struct db_stmt *stmt = db_stmt(db, sql);

	db_bind_text(stmt, 1, m->item->sku);
	db_bind_text(stmt, 2, m->wh);
	db_bind_text(stmt, 3, m->lot ? m->lot : "");
	db_bind_int64(stmt, 4, move_id);
	db_bind_int64(stmt, 5, p->origin ? p->origin : move_id);
	db_bind_int64(stmt, 6, p->qty);
	db_bind_int64(stmt, 7, p->value);
	db_bind_int64(stmt, 8, held);
	return db_done(db, stmt);
}

/* ---- the one door --------------------------------------------------- */

int stock_apply_move(struct db *db, struct stock_doc *doc,
		     struct stock_move *m, jv *moves)
{
	static const char move_sql[] =
		"INSERT INTO move(doc_id, at, date, sku, wh, lot, qty, value, "
		"quarantine, serials) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
	/* The row is there but for a first receipt: update, else insert. */
	static const char balance_sql[] =
		"UPDATE stock_balance SET qty = qty + ?4, "
		"quarantine = quarantine + ?5, value = value + ?6 "
		"WHERE sku = ?1 AND wh = ?2 AND lot = ?3";
	static const char balance_new_sql[] =
		"INSERT INTO stock_balance(sku, wh, lot, qty, quarantine, "
		"value) VALUES (?1, ?2, ?3, ?4, ?5, ?6)";
	static const char release_sql[] =
		"UPDATE cost_layer SET held = 0 WHERE id = ?";
	struct stock_piece rest = { 0, 0, 0 };
	const char *lot = m->lot ? m->lot : "";
	const char *date = doc_date(doc, db);
	struct db_stmt *stmt;
	char memo[300], qbuf[DEC_BUFSZ], id[24];
	const char *at;
	struct strbuf *text;
	int status, own_pieces = 0;

	if ((status = stock_doc_begin(db, doc, moves)))
		return status;
	if (m->qty < 0) {
		if (m->layer_id)
			status = consume_layer(db, m, -m->qty);
		else if (m->item->costing == COST_AVCO)
			status = consume_avco(db, m, -m->qty, &rest);
		else
			status = consume_fifo(db, m, -m->qty);
		if (status)
			return status;
	} else if (m->qty == 0 && m->layer_id) {
		stmt = db_stmt(db, release_sql);
		db_bind_int64(stmt, 1, m->layer_id);
		if ((status = db_done(db, stmt)))
			return status;
	}
	if (m->posting) {
		/* Only the first move's memo can be the entry's. */
		if (!doc_state(db, doc)->posted)
			snprintf(memo, sizeof(memo), "%s %s %s %s", doc->kind,
				 m->item->sku, qty_text(m->qty, qbuf), m->wh);
		if ((status = doc_post_add(db, doc, m->posting,
					   m->posting_sign * m->value, memo)))
			return status;
	}
	at = doc_state(db, doc)->at;
	stmt = db_stmt(db, move_sql);
	db_bind_int64(stmt, 1, doc->id);
	db_bind_text(stmt, 2, at);
	db_bind_text(stmt, 3, date);
	db_bind_text(stmt, 4, m->item->sku);
	db_bind_text(stmt, 5, m->wh);
	db_bind_text(stmt, 6, lot);
	db_bind_int64(stmt, 7, m->qty);
	db_bind_int64(stmt, 8, m->value);
	db_bind_int64(stmt, 9, m->quarantine);
	db_bind_text(stmt, 10, m->serials);
	if ((status = db_done(db, stmt)))
		return status;
	m->id = db_last_id(db);
	if (m->qty > 0) {
		if (!m->pieces) {
			piece_add(m, m->qty, m->value, 0);
			own_pieces = 1;
		}
		for (size_t i = 0; i < m->piece_count && !status; i++)
			status = layer_insert(db, m, m->id, &m->pieces[i],
					      m->quarantine > 0);
		if (own_pieces) {
			free(m->pieces);
			m->pieces = NULL;
			m->piece_count = 0;
		}
	} else if (rest.qty > 0) {
		status = layer_insert(db, m, m->id, &rest, 0);
	}
	if (status)
		return status;
	/*
	 * stock_balance's CHECK refuses a negative balance: no upsert with
	 * RETURNING (an ephemeral table per move) to test it here.
	 */
	for (int pass = 0; pass < 2; pass++) {
		stmt = db_stmt(db, pass ? balance_new_sql : balance_sql);
		db_bind_text(stmt, 1, m->item->sku);
		db_bind_text(stmt, 2, m->wh);
		db_bind_text(stmt, 3, lot);
		db_bind_int64(stmt, 4, m->qty);
		db_bind_int64(stmt, 5, m->quarantine);
		db_bind_int64(stmt, 6, m->value);
		if ((status = db_done(db, stmt)) ||
		    db_changes(db) > 0)
			break;
	}
	if (status) {
		if (db_failed_check(db))
			return biz_fail(BIZ_REFUSED, "stock of '%s' in '%s' "
					"would be negative", m->item->sku,
					m->wh);
		return status;
	}
	text = &doc_state(db, doc)->text;
	move_json(text, db, m->id, at, date, doc->kind, doc->ref, doc->id,
		  m->item->sku, m->wh, lot, m->qty, m->value, m->quarantine,
		  m->serials);
	snprintf(id, sizeof(id), "%lld", (long long)m->id);
	if ((status = event_append_json(db, m->event, "move", id,
					text->buf)))
		return status;
	move_out(doc, text, moves);
	return BIZ_OK;
}

/* ---- checks shared by the documents ---------------------------------- */

static int check_qty(const struct stock_line *line)
{
	char buf[DEC_BUFSZ];

	if (line->qty <= 0)
		return biz_fail(BIZ_DATAERR, "quantity of '%s' must be more "
				"than zero, not %s", line->sku ? line->sku : "",
				qty_text(line->qty, buf));
	return BIZ_OK;
}

/* Lot rules of item for a line: lot items need one, others none. */
static int check_lot(const struct item_info *item, const char *lot,
		     int need)
{
	if (item->tracking == TRACK_LOT && need && !lot)
		return biz_fail(BIZ_DATAERR, "'%s' is lot-tracked: a --lot is "
				"needed", item->sku);
	if (item->tracking != TRACK_LOT && lot)
		return biz_fail(BIZ_DATAERR, "'%s' is not lot-tracked: no "
				"--lot", item->sku);
	if (lot && (!*lot || strlen(lot) > 100))
		return biz_fail(BIZ_DATAERR, "'%s' is not a lot", lot);
	return BIZ_OK;
}

/*
 * The serial count of a line as a quantity: qty given must be one unit
 * per serial; no qty takes one per serial.  *qty set.
 */
static int check_serials(const struct item_info *item,
			 const struct stock_line *line, int need,
			 int64_t *qty)
{
	char buf[DEC_BUFSZ];
	int64_t one = pow10_of(QTY_SCALE);

	*qty = line->qty;
	if (item->tracking != TRACK_SERIAL) {
		if (line->serial_count)
			return biz_fail(BIZ_DATAERR, "'%s' is not serial-"
					"tracked: no --serial", item->sku);
		return BIZ_OK;
	}
	if (!line->qty)
		*qty = (int64_t)line->serial_count * one;
	if (*qty <= 0 || *qty % one)
		return biz_fail(BIZ_DATAERR, "'%s' is serial-tracked: a whole "
				"number of units is needed, not %s", item->sku,
				qty_text(*qty, buf));
	if ((need || line->serial_count) &&
	    (int64_t)line->serial_count * one != *qty)
		return biz_fail(BIZ_DATAERR, "'%s' is serial-tracked: %s "
				"units need %s serials, %zu given", item->sku,
				qty_text(*qty, buf), qty_text(*qty, buf),
				line->serial_count);
	return BIZ_OK;
}

/* The serials as a JSON array text (new string), NULL for none. */
static char *serials_json(const char *const *serials, size_t n)
{
	jv list, text;
	char *out;

	if (!n)
		return NULL;
	list = jv_array();
	for (size_t i = 0; i < n; i++)
		list = jv_array_append(list, jv_string(serials[i]));
	text = jv_dump_string(list, 0);
	out = xstrdup(jv_string_value(text));
	jv_free(text);
	return out;
}

/* ---- receipts ------------------------------------------------------- */

/* Checks the lot's expiry against what is known of it. */
static int lot_check(struct db *db, const char *sku, const char *lot,
		     const char *expiry)
{
	static const char sql[] =
		"SELECT expiry FROM lot WHERE sku = ? AND code = ?";
	struct db_stmt *stmt;
	int64_t day;
	int rc, status = BIZ_OK;

	if (expiry && date_parse(expiry, &day))
		return biz_fail(BIZ_DATAERR, "--expiry: '%s' is not a date "
				"such as 2026-11-27", expiry);
	if (!lot || !expiry)
		return BIZ_OK;
	stmt = db_stmt(db, sql);
	db_bind_text(stmt, 1, sku);
	db_bind_text(stmt, 2, lot);
	rc = db_one(db, stmt);
	if (rc == DB_ROW) {
		const char *known = db_column_text(stmt, 0);

		if (known && strcmp(known, expiry))
			status = biz_fail(BIZ_DATAERR, "lot '%s' of '%s' "
					  "expires %s, not %s", lot, sku,
					  known, expiry);
	} else if (rc != DB_DONE) {
		status = rc;
	}
	db_reset(stmt);
	return status;
}

static int lot_record(struct db *db, const char *sku, const char *lot,
		      const char *expiry, int64_t move_id)
{
	static const char sql[] =
		"INSERT INTO lot(sku, code, expiry, first_move) "
		"VALUES (?1, ?2, ?3, ?4) ON CONFLICT(sku, code) DO UPDATE "
		"SET expiry = coalesce(expiry, ?3)";
	struct db_stmt *stmt = db_stmt(db, sql);

	db_bind_text(stmt, 1, sku);
	db_bind_text(stmt, 2, lot);
	db_bind_text(stmt, 3, expiry);
	db_bind_int64(stmt, 4, move_id);
	return db_done(db, stmt);
}

/* Puts serial s of sku in stock at wh; one in stock already is bad. */
static int serial_receive(struct db *db, const char *sku, const char *s,
			  const char *wh, int held, int64_t move_id)
{
	static const char sql[] =
		"INSERT INTO serial(sku, serial, wh, in_stock, held, move_id) "
		"VALUES (?1, ?2, ?3, 1, ?4, ?5) ON CONFLICT(sku, serial) "
		"DO UPDATE SET wh = ?3, in_stock = 1, held = ?4, "
		"move_id = ?5 WHERE in_stock = 0";
	struct db_stmt *stmt = db_stmt(db, sql);
	int status;

	if (!*s || strlen(s) > 100)
		return biz_fail(BIZ_DATAERR, "'%s' is not a serial", s);
	db_bind_text(stmt, 1, sku);
	db_bind_text(stmt, 2, s);
	db_bind_text(stmt, 3, wh);
	db_bind_int64(stmt, 4, held);
	db_bind_int64(stmt, 5, move_id);
	if ((status = db_done(db, stmt)))
		return status;
	if (db_changes(db) != 1)
		return biz_fail(BIZ_DATAERR, "duplicate serial '%s' of '%s'",
				s, sku);
	return BIZ_OK;
}

int stock_receive(struct db *db, struct stock_doc *doc,
		  const struct stock_line *line, jv *moves)
{
	struct item_info item;
	struct stock_line l = *line;
	struct stock_move m;
	int64_t qty;
	char *serials;
	int status;

	if ((status = stock_doc_begin(db, doc, moves)) || doc->replay)
		return status;
	if ((status = doc_item(db, doc, line->sku, line->scan, &item)) ||
	    (status = doc_warehouse(db, doc, line->wh)) ||
	    (status = check_lot(&item, line->lot, 1)) ||
	    (status = check_serials(&item, line, 1, &qty)))
		return status;
	l.qty = qty;
	l.sku = item.sku;
	if ((status = check_qty(&l)))
		return status;
	if (!line->has_cost)
		return biz_fail(BIZ_DATAERR, "receipt of '%s' needs a unit "
				"--cost", item.sku);
	if (line->cost < 0)
		return biz_fail(BIZ_DATAERR, "cost of '%s' must not be "
				"negative", item.sku);
	if ((status = lot_check(db, item.sku, line->lot, line->expiry)))
		return status;
	if (line->expiry && !line->lot)
		return biz_fail(BIZ_DATAERR, "--expiry needs a --lot");
	memset(&m, 0, sizeof(m));
	m.item = &item;
	m.wh = line->wh;
	m.lot = line->lot;
	m.qty = qty;
	m.value = dec_muldiv(line->cost, qty,
			     pow10_of(QTY_SCALE + stock_cost_scale(db) -
				      db->money_scale));
	m.quarantine = doc->hold ? qty : 0;
	m.posting = doc->po ? "receipt_po" : "receipt";
	m.posting_sign = 1;
	m.event = "stock.received";
	serials = serials_json(line->serials, line->serial_count);
	m.serials = serials;
	status = stock_apply_move(db, doc, &m, moves);
	free(serials);
	if (status)
		return status;
	if (line->lot &&
	    (status = lot_record(db, item.sku, line->lot, line->expiry, m.id)))
		return status;
	for (size_t i = 0; i < line->serial_count && !status; i++)
		status = serial_receive(db, item.sku, line->serials[i],
					line->wh, doc->hold, m.id);
	return status;
}

/* ---- picking: what an issue or transfer takes ------------------------ */

struct pick {
	char lot[104];
	int64_t qty;
};

/* Available (on hand - reserved - quarantine) of sku in wh, one lot or
 * all (lot NULL). */
static int available(struct db *db, const char *sku, const char *wh,
		     const char *lot, int64_t *out)
{
	static const char one_sql[] =
		"SELECT qty - quarantine - reserved FROM stock_balance "
		"WHERE sku = ? AND wh = ? AND lot = ?";
	static const char all_sql[] =
		"SELECT coalesce(sum(qty - quarantine - reserved), 0) "
		"FROM stock_balance WHERE sku = ? AND wh = ?";
	struct db_stmt *stmt = db_stmt(db, lot ? one_sql : all_sql);
	int rc;

	db_bind_text(stmt, 1, sku);
	db_bind_text(stmt, 2, wh);
	if (lot)
		db_bind_text(stmt, 3, lot);
	*out = 0;
	rc = db_one(db, stmt);
	if (rc == DB_ROW)
		*out = db_column_int64(stmt, 0);
	db_reset(stmt);
	return rc == DB_ROW || rc == DB_DONE ? BIZ_OK : rc;
}

/*
 * Which lots give qty of item from wh: the named lot, else the earliest
 * expiry first, then the earliest received.  Refuses a shortage, but for
 * an untracked item sets *later instead: its move's layer read
 * (consume_fifo, consume_avco) reads what is available in the same
 * statement, where a read here would be a second look-up of the balance.
 */
static int pick_lots(struct db *db, const struct item_info *item,
		     const char *wh, const char *lot, int64_t qty,
		     struct pick **picks, size_t *count, int *later)
{
	static const char sql[] =
		"SELECT b.lot, b.qty - b.quarantine - b.reserved "
		"FROM stock_balance b LEFT JOIN lot l ON l.sku = b.sku AND "
		"l.code = b.lot WHERE b.sku = ? AND b.wh = ? AND "
		"b.qty - b.quarantine - b.reserved > 0 "
		"ORDER BY l.expiry IS NULL, l.expiry, l.first_move, b.lot";
	struct db_stmt *stmt;
	int64_t have, need = qty;
	int rc, status;

	*picks = NULL;
	*count = 0;
	*later = item->tracking == TRACK_NONE;
	if (!*later) {
		if ((status = available(db, item->sku, wh,
					item->tracking == TRACK_LOT ? lot :
					"", &have)))
			return status;
		if (have < qty)
			return shortage(item->sku, wh, lot, have, qty);
	}
	if (item->tracking != TRACK_LOT || lot) {
		*picks = xmalloc(sizeof(**picks));
		snprintf((*picks)[0].lot, sizeof((*picks)[0].lot), "%s",
			 lot ? lot : "");
		(*picks)[0].qty = qty;
		*count = 1;
		return BIZ_OK;
	}
	stmt = db_stmt(db, sql);
	db_bind_text(stmt, 1, item->sku);
	db_bind_text(stmt, 2, wh);
	while (need > 0 && (rc = db_row(db, stmt)) == DB_ROW) {
		int64_t free_qty = db_column_int64(stmt, 1);
		struct pick *p;

		*picks = xrealloc(*picks, (*count + 1) * sizeof(**picks));
		p = &(*picks)[(*count)++];
		snprintf(p->lot, sizeof(p->lot), "%s",
			 db_column_text(stmt, 0));
		p->qty = free_qty < need ? free_qty : need;
		need -= p->qty;
	}
	db_reset(stmt);
	if (need > 0) {
		free(*picks);
		*picks = NULL;
		*count = 0;
		if (rc != DB_ROW && rc != DB_DONE)
			return rc;
		return shortage(item->sku, wh, NULL, qty - need, qty);
	}
	return BIZ_OK;
}

/*
 * The serials a line takes out of wh: the named ones (in stock there, not
 * on hold) or the oldest.  Marks them moved (out, or to another
 * warehouse).  *json gets their JSON array text.
 */
static int pick_serials(struct db *db, const struct item_info *item,
			const struct stock_line *line, int64_t qty,
			const char *to, char **json)
{
	static const char named_sql[] =
		"SELECT 1 FROM serial WHERE sku = ? AND serial = ? AND "
		"wh = ? AND in_stock AND NOT held";
	static const char oldest_sql[] =
		"SELECT serial FROM serial WHERE sku = ? AND wh = ? AND "
		"in_stock AND NOT held ORDER BY move_id, serial LIMIT ?";
	static const char out_sql[] =
		"UPDATE serial SET in_stock = (?3 IS NOT NULL), "
		"wh = coalesce(?3, wh) WHERE sku = ?1 AND serial = ?2";
	size_t n = (size_t)(qty / pow10_of(QTY_SCALE));
	char **chosen = xmalloc(n * sizeof(*chosen) + 1);
	struct db_stmt *stmt;
	int rc, status = BIZ_OK;
	size_t got = 0;

	*json = NULL;
	if (line->serial_count) {
		stmt = db_stmt(db, named_sql);
		for (size_t i = 0; i < n && !status; i++) {
			for (size_t j = 0; j < i; j++)
				if (!strcmp(line->serials[i],
					    line->serials[j]))
					status = biz_fail(BIZ_DATAERR,
						"duplicate serial '%s' of '%s'",
						line->serials[i], item->sku);
			if (status)
				break;
			db_reset(stmt);
			db_bind_text(stmt, 1, item->sku);
			db_bind_text(stmt, 2, line->serials[i]);
			db_bind_text(stmt, 3, line->wh);
			rc = db_one(db, stmt);
			if (rc == DB_DONE)
				status = biz_fail(BIZ_REFUSED, "serial '%s' of "
						  "'%s' is not available in "
						  "'%s'", line->serials[i],
						  item->sku, line->wh);
			else if (rc != DB_ROW)
				status = rc;
			else
				chosen[got++] = xstrdup(line->serials[i]);
		}
		db_reset(stmt);
	} else {
		stmt = db_stmt(db, oldest_sql);
		db_bind_text(stmt, 1, item->sku);
		db_bind_text(stmt, 2, line->wh);
		db_bind_int64(stmt, 3, (int64_t)n);
		while ((rc = db_row(db, stmt)) == DB_ROW)
			chosen[got++] = xstrdup(db_column_text(stmt, 0));
		db_reset(stmt);
		if (rc != DB_DONE)
			status = rc;
		else if (got < n)
			status = biz_fail(BIZ_REFUSED, "serials of '%s' in "
					  "'%s' run short", item->sku,
					  line->wh);
	}
	stmt = db_stmt(db, out_sql);
	for (size_t i = 0; i < got && !status; i++) {
		db_reset(stmt);
		db_bind_text(stmt, 1, item->sku);
		db_bind_text(stmt, 2, chosen[i]);
		db_bind_text(stmt, 3, to);
		status = db_done(db, stmt);
	}
	if (!status)
		*json = serials_json((const char *const *)chosen, got);
	for (size_t i = 0; i < got; i++)
		free(chosen[i]);
	free(chosen);
	return status;
}

/* Checks an outgoing line; sets *item and the quantity *qty. */
static int check_out_line(struct db *db, struct stock_doc *doc,
			  const struct stock_line *line,
			  struct item_info *item, int64_t *qty)
{
	struct stock_line l = *line;
	int status;

	if ((status = doc_item(db, doc, line->sku, line->scan, item)) ||
	    (status = doc_warehouse(db, doc, line->wh)) ||
	    (status = check_lot(item, line->lot, 0)) ||
	    (status = check_serials(item, line, 0, qty)))
		return status;
	l.sku = item->sku;
	l.qty = *qty;
	return check_qty(&l);
}

int stock_issue(struct db *db, struct stock_doc *doc,
		const struct stock_line *line, jv *moves)
{
	static const char *const reasons[] = {
		"sale", "production", "scrap", "sample", NULL
	};
	struct item_info item;
	struct pick *picks = NULL;
	size_t count = 0;
	char posting[32], *serials = NULL;
	const char *reason = doc->reason ? doc->reason : "sale";
	int64_t qty;
	int status, known = 0, later;

	for (int i = 0; reasons[i]; i++)
		known |= !strcmp(reason, reasons[i]);
	if (!known)
		return biz_fail(BIZ_USAGE, "--reason: '%s' is not one of sale, "
				"production, scrap, sample", reason);
	if ((status = stock_doc_begin(db, doc, moves)) || doc->replay)
		return status;
	if ((status = check_out_line(db, doc, line, &item, &qty)) ||
	    (status = pick_lots(db, &item, line->wh, line->lot, qty, &picks,
				&count, &later)))
		return status;
	if (item.tracking == TRACK_SERIAL &&
	    (status = pick_serials(db, &item, line, qty, NULL, &serials))) {
		free(picks);
		return status;
	}
	snprintf(posting, sizeof(posting), "issue_%s", reason);
	for (size_t i = 0; i < count && !status; i++) {
		struct stock_move m;

		memset(&m, 0, sizeof(m));
		m.item = &item;
		m.wh = line->wh;
		m.lot = picks[i].lot;
		m.qty = -picks[i].qty;
		m.posting = posting;
		m.posting_sign = -1;
		m.serials = serials;
		m.event = "stock.issued";
		m.check_available = later;
		status = stock_apply_move(db, doc, &m, moves);
		free(m.pieces);
	}
	free(serials);
	free(picks);
	return status;
}

int stock_transfer(struct db *db, struct stock_doc *doc,
		   const struct stock_line *line, jv *moves)
{
	struct item_info item;
	struct pick *picks = NULL;
	size_t count = 0;
	char *serials = NULL;
	int64_t qty;
	int status, later;

	if ((status = stock_doc_begin(db, doc, moves)) || doc->replay)
		return status;
	if ((status = check_out_line(db, doc, line, &item, &qty)) ||
	    (status = doc_warehouse(db, doc, line->to)))
		return status;
	if (!strcmp(line->wh, line->to))
		return biz_fail(BIZ_DATAERR, "--from and --to are both '%s'",
				line->wh);
	if ((status = pick_lots(db, &item, line->wh, line->lot, qty, &picks,
				&count, &later)))
		return status;
	if (item.tracking == TRACK_SERIAL &&
	    (status = pick_serials(db, &item, line, qty, line->to,
				   &serials))) {
		free(picks);
		return status;
	}
	for (size_t i = 0; i < count && !status; i++) {
		struct stock_move out, in;

		memset(&out, 0, sizeof(out));
		out.item = &item;
		out.wh = line->wh;
		out.lot = picks[i].lot;
		out.qty = -picks[i].qty;
		out.serials = serials;
		out.event = "stock.transferred";
		out.check_available = later;
		if ((status = stock_apply_move(db, doc, &out, moves))) {
			free(out.pieces);
			break;
		}
		in = out;
		in.wh = line->to;
		in.qty = picks[i].qty;
		in.value = -out.value;
		in.id = 0;
		in.check_available = 0;
		status = stock_apply_move(db, doc, &in, moves);
		free(out.pieces);
	}
	free(serials);
	free(picks);
	return status;
}

/* ---- quality control ------------------------------------------------ */

int stock_qc(struct db *db, struct stock_doc *doc, int pass, jv *moves)
{
	static const char find_sql[] =
		"SELECT id, status, po FROM stock_doc WHERE kind = 'receipt' "
		"AND (ref = ?1 OR (ref IS NULL AND CAST(id AS TEXT) = ?1)) "
		"ORDER BY ref IS NULL LIMIT 1";
	static const char moves_sql[] =
		"SELECT m.id, m.sku, m.wh, m.lot, m.qty, m.serials, l.id "
		"FROM move m JOIN cost_layer l ON l.move_id = m.id "
		"WHERE m.doc_id = ? AND m.quarantine > 0 ORDER BY m.id";
	static const char status_sql[] =
		"UPDATE stock_doc SET status = ? WHERE id = ?";
	static const char link_sql[] =
		"UPDATE stock_doc SET source_doc = ? WHERE id = ?";
	static const char serial_sql[] =
		"UPDATE serial SET held = 0, in_stock = ?3 "
		"WHERE sku = ?1 AND serial = ?2";
	struct lines {
		int64_t qty, layer;
		char sku[128], wh[128], lot[104];
		char *serials;
	} *lines = NULL;
	size_t n = 0;
	struct db_stmt *stmt;
	int64_t receipt = 0;
	char state[16] = "", po = 0;
	int rc, status;

	if (!doc->ref || !*doc->ref)
		return biz_fail(BIZ_USAGE, "a receipt REF is needed");
	stmt = db_stmt(db, find_sql);
	db_bind_text(stmt, 1, doc->ref);
	rc = db_one(db, stmt);
	if (rc == DB_ROW) {
		receipt = db_column_int64(stmt, 0);
		snprintf(state, sizeof(state), "%s",
			 db_column_text(stmt, 1) ? db_column_text(stmt, 1) :
						   "");
		po = !db_column_null(stmt, 2);
	}
	db_reset(stmt);
	if (rc != DB_ROW && rc != DB_DONE)
		return rc;
	if (!receipt)
		return biz_fail(BIZ_DATAERR, "no receipt '%s'", doc->ref);
	if ((status = stock_doc_begin(db, doc, moves)) || doc->replay)
		return status;
	if (strcmp(state, "held"))
		return biz_fail(BIZ_REFUSED, "receipt '%s' is %s", doc->ref,
				*state ? (!strcmp(state, "passed") ?
					  "already passed" : "already failed") :
					 "not on hold");
	stmt = db_stmt(db, moves_sql);
	db_bind_int64(stmt, 1, receipt);
	while ((rc = db_row(db, stmt)) == DB_ROW) {
		lines = xrealloc(lines, (n + 1) * sizeof(*lines));
		lines[n].qty = db_column_int64(stmt, 4);
		lines[n].layer = db_column_int64(stmt, 6);
		snprintf(lines[n].sku, sizeof(lines[n].sku), "%s",
			 db_column_text(stmt, 1));
		snprintf(lines[n].wh, sizeof(lines[n].wh), "%s",
			 db_column_text(stmt, 2));
		snprintf(lines[n].lot, sizeof(lines[n].lot), "%s",
			 db_column_text(stmt, 3));
		lines[n].serials = db_column_text(stmt, 5) ?
				   xstrdup(db_column_text(stmt, 5)) : NULL;
		n++;
	}
	db_reset(stmt);
	status = rc == DB_DONE ? BIZ_OK : rc;
	for (size_t i = 0; i < n && !status; i++) {
		struct item_info item;
		struct stock_move m;

		if ((status = doc_item(db, doc, lines[i].sku, 0, &item)))
			break;
		memset(&m, 0, sizeof(m));
		m.item = &item;
		m.wh = lines[i].wh;
		m.lot = lines[i].lot;
		m.qty = pass ? 0 : -lines[i].qty;
		m.quarantine = -lines[i].qty;
		m.layer_id = lines[i].layer;
		m.posting = pass ? NULL : po ? "receipt_po" : "receipt";
		m.posting_sign = 1;
		m.serials = lines[i].serials;
		m.event = pass ? "stock.qc_passed" : "stock.qc_failed";
		status = stock_apply_move(db, doc, &m, moves);
		free(m.pieces);
		if (!status && lines[i].serials) {
			jv list = jv_parse(lines[i].serials);

			stmt = db_stmt(db, serial_sql);
			jv_array_foreach(list, k, s) {
				if (!status) {
					db_reset(stmt);
					db_bind_text(stmt, 1, lines[i].sku);
					db_bind_text(stmt, 2,
						     jv_string_value(s));
					db_bind_int64(stmt, 3, pass);
					status = db_done(db, stmt);
				}
				jv_free(s);
			}
			jv_free(list);
		}
	}
	for (size_t i = 0; i < n; i++)
		free(lines[i].serials);
	free(lines);
	if (status)
		return status;
	stmt = db_stmt(db, status_sql);
	db_bind_text(stmt, 1, pass ? "passed" : "failed");
	db_bind_int64(stmt, 2, receipt);
	if ((status = db_done(db, stmt)))
		return status;
	stmt = db_stmt(db, link_sql);
	db_bind_int64(stmt, 1, receipt);
	db_bind_int64(stmt, 2, doc->id);
	return db_done(db, stmt);
}

/* ---- batch records and scans ---------------------------------------- */

/* record[key] as a quantity at scale; *has set when present. */
static int record_decimal(jv record, const char *key, int scale,
			  int64_t *out, int *has)
{
	jv value = jv_object_get(jv_copy(record), jv_string(key));
	int kind = jv_get_kind(value);

	*has = 0;
	if (kind == JV_KIND_INVALID || kind == JV_KIND_NULL ||
	    (kind == JV_KIND_STRING && !*jv_string_value(value))) {
		jv_free(value);
		return BIZ_OK;
	}
	if (kind == JV_KIND_STRING) {
		int bad = dec_parse(jv_string_value(value), scale, out);

		if (bad) {
			int status = biz_fail(BIZ_DATAERR, "%s: '%s' is not a "
					      "number with at most %d decimal "
					      "places", key,
					      jv_string_value(value), scale);
			jv_free(value);
			return status;
		}
		jv_free(value);
	} else if (dec_from_jv(value, scale, out)) {
		return biz_fail(BIZ_DATAERR, "%s: not a number with at most "
				"%d decimal places", key, scale);
	}
	*has = 1;
	return BIZ_OK;
}

int stock_apply_line(struct db *db, struct stock_doc *doc,
		     const struct stock_line *line, jv *moves)
{
	if (!strcmp(doc->kind, "receipt"))
		return stock_receive(db, doc, line, moves);
	if (!strcmp(doc->kind, "issue"))
		return stock_issue(db, doc, line, moves);
	if (!strcmp(doc->kind, "transfer"))
		return stock_transfer(db, doc, line, moves);
	return biz_fail(BIZ_INTERNAL, "a %s has no lines", doc->kind);
}

int stock_apply_record(struct db *db, struct stock_doc *doc,
		       const struct stock_line *base, jv record, jv *moves)
{
	static const char *const known[] = {
		"sku", "qty", "cost", "lot", "expiry", "serial", "serials",
		"wh", "to", "barcode", NULL
	};
	struct stock_line line = *base;
	const char **serials = NULL;
	jv list = jv_null();
	int has, status = BIZ_OK;

	if (jv_get_kind(record) != JV_KIND_OBJECT) {
		jv_free(record);
		return biz_fail(BIZ_DATAERR, "a record is needed");
	}
	jv_object_foreach(record, key, value) {
		int ok = 0;

		for (int i = 0; known[i]; i++)
			ok |= !strcmp(jv_string_value(key), known[i]);
		if (!ok && !status)
			status = biz_fail(BIZ_DATAERR, "unknown field '%s'",
					  jv_string_value(key));
		jv_free(key);
		jv_free(value);
	}
	if (status)
		goto done;
	line.sku = rec_text(record, "sku");
	if (!line.sku && rec_text(record, "barcode")) {
		line.sku = rec_text(record, "barcode");
		line.scan = 1;
	}
	if (!line.sku) {
		status = biz_fail(BIZ_DATAERR, "sku: a SKU is needed");
		goto done;
	}
	if (rec_text(record, "wh"))
		line.wh = rec_text(record, "wh");
	if (rec_text(record, "to"))
		line.to = rec_text(record, "to");
	if (rec_text(record, "lot"))
		line.lot = rec_text(record, "lot");
	if (rec_text(record, "expiry"))
		line.expiry = rec_text(record, "expiry");
	if ((status = record_decimal(record, "qty", QTY_SCALE, &line.qty,
				     &has)))
		goto done;
	if (!has)
		line.qty = 0;
	if ((status = record_decimal(record, "cost", stock_cost_scale(db),
				     &line.cost, &has)))
		goto done;
	if (has)
		line.has_cost = 1;
	list = jv_object_get(jv_copy(record), jv_string("serials"));
	if (jv_get_kind(list) != JV_KIND_ARRAY) {
		const char *text = rec_text(record, "serials");

		if (!text)
			text = rec_text(record, "serial");
		jv_free(list);
		list = text ? jv_string_split(jv_string(text), jv_string(","))
			    : jv_array();
	}
	line.serial_count = (size_t)jv_array_length(jv_copy(list));
	serials = xmalloc((line.serial_count + 1) * sizeof(*serials));
	for (size_t i = 0; i < line.serial_count; i++) {
		jv s = jv_array_get(jv_copy(list), (int)i);

		if (jv_get_kind(s) != JV_KIND_STRING) {
			jv_free(s);
			status = biz_fail(BIZ_DATAERR, "serials: text is "
					  "needed");
			goto done;
		}
		serials[i] = jv_string_value(s);	/* list holds it */
		jv_free(s);
	}
	line.serials = serials;
	if (!line.qty && !line.serial_count) {
		status = biz_fail(BIZ_DATAERR, "qty: a quantity is needed");
		goto done;
	}
	status = stock_apply_line(db, doc, &line, moves);
done:
	free(serials);
	jv_free(list);
	jv_free(record);
	return status;
}

struct scanned {
	char sku[128];
	int64_t units;
};

int stock_scan(struct db *db, struct stock_doc *doc,
	       const struct stock_line *base, const char *path, jv *moves)
{
	const char *name = path && strcmp(path, "-") ? path : "-";
	FILE *fp = strcmp(name, "-") ? fopen(name, "r") : stdin;
	struct scanned *items = NULL;
	size_t n = 0, cap = 0;
	char *buf = NULL;
	size_t size = 0;
	ssize_t len;
	int line_no = 0, status = BIZ_OK;

	if (!fp)
		return biz_fail(BIZ_NOINPUT, "cannot open '%s'", name);
	if ((status = stock_doc_begin(db, doc, moves)) || doc->replay)
		goto done;
	while ((len = getline(&buf, &size, fp)) >= 0) {
		struct item_info item;
		char *code = buf;
		size_t i;

		line_no++;
		while (len > 0 && (buf[len - 1] == '\n' ||
				   buf[len - 1] == '\r' || buf[len - 1] == ' ' ||
				   buf[len - 1] == '\t'))
			buf[--len] = '\0';
		while (*code == ' ' || *code == '\t')
			code++;
		if (!*code)
			continue;
		if ((status = item_lookup(db, code, 1, &item))) {
			char *message = xstrdup(biz_error());

			status = biz_fail_at(status, name, line_no, "%s",
					     message);
			free(message);
			goto done;
		}
		for (i = 0; i < n && strcmp(items[i].sku, item.sku); i++)
			;
		if (i == n) {
			if (n == cap) {
				cap = cap ? 2 * cap : 16;
				items = xrealloc(items, cap * sizeof(*items));
			}
			memcpy(items[n].sku, item.sku, sizeof(item.sku));
			items[n++].units = 0;
		}
		items[i].units++;
	}
	for (size_t i = 0; i < n && !status; i++) {
		struct stock_line line = *base;

		line.sku = items[i].sku;
		line.scan = 0;
		line.qty = items[i].units * pow10_of(QTY_SCALE);
		if (!strcmp(doc->kind, "receipt"))
			status = stock_receive(db, doc, &line, moves);
		else
			status = stock_issue(db, doc, &line, moves);
	}
done:
	free(buf);
	free(items);
	if (fp != stdin)
		fclose(fp);
	return status;
}

/* ---- stock report --------------------------------------------------- */

static jv stock_record(const struct db *db, struct db_stmt *stmt, int lots)
{
	jv rec = jv_object();
	int64_t qty = db_column_int64(stmt, 2);
	int64_t reserved = db_column_int64(stmt, 3);
	int64_t quarantine = db_column_int64(stmt, 4);
	int64_t value = db_column_int64(stmt, 5);

	rec_set(&rec, "sku", db_column_jv(stmt, 0));
	rec_set(&rec, "wh", db_column_jv(stmt, 1));
	if (lots) {
		const char *lot = db_column_text(stmt, 6);

		rec_set_str(&rec, "lot", lot && *lot ? lot : NULL);
		rec_set(&rec, "expiry", db_column_jv(stmt, 7));
	}
	rec_set(&rec, "on_hand", dec_to_jv(qty, QTY_SCALE));
	rec_set(&rec, "reserved", dec_to_jv(reserved, QTY_SCALE));
	rec_set(&rec, "quarantine", dec_to_jv(quarantine, QTY_SCALE));
	rec_set(&rec, "available", dec_to_jv(qty - reserved - quarantine,
					     QTY_SCALE));
	rec_set(&rec, "on_order", dec_to_jv(0, QTY_SCALE));
	rec_set(&rec, "value", dec_to_jv(value, db->money_scale));
	rec_set(&rec, "unit_cost", unit_cost_jv(db, value, qty));
	return rec;
}

int stock_each(struct db *db, const struct stock_filter *filter,
	       int (*fn)(jv stock, void *arg), void *arg)
{
	/* ?1 sku, ?2 wh, ?3 below reorder. */
	static const char by_item_sql[] =
		"SELECT b.sku, b.wh, sum(b.qty), sum(b.reserved), "
		"sum(b.quarantine), sum(b.value) FROM stock_balance b "
		"WHERE (?1 IS NULL OR b.sku = ?1) AND (?2 IS NULL OR "
		"b.wh = ?2) GROUP BY b.sku, b.wh HAVING sum(b.qty) <> 0 OR "
		"sum(b.reserved) <> 0 OR sum(b.value) <> 0 "
		"ORDER BY b.sku, b.wh";
	static const char by_lot_sql[] =
		"SELECT b.sku, b.wh, b.qty, b.reserved, b.quarantine, "
		"b.value, b.lot, l.expiry FROM stock_balance b "
		"LEFT JOIN lot l ON l.sku = b.sku AND l.code = b.lot "
		"WHERE (?1 IS NULL OR b.sku = ?1) AND (?2 IS NULL OR "
		"b.wh = ?2) AND (b.qty <> 0 OR b.reserved <> 0 OR "
		"b.value <> 0) ORDER BY b.sku, b.wh, l.expiry IS NULL, "
		"l.expiry, b.lot";
	static const char at_item_sql[] =
		"SELECT sku, wh, sum(qty), 0, sum(quarantine), sum(value) "
		"FROM move WHERE date <= ?3 AND (?1 IS NULL OR sku = ?1) "
		"AND (?2 IS NULL OR wh = ?2) GROUP BY sku, wh "
		"HAVING sum(qty) <> 0 OR sum(value) <> 0 ORDER BY sku, wh";
	static const char at_lot_sql[] =
		"SELECT m.sku, m.wh, sum(m.qty), 0, sum(m.quarantine), "
		"sum(m.value), m.lot, l.expiry FROM move m "
		"LEFT JOIN lot l ON l.sku = m.sku AND l.code = m.lot "
		"WHERE m.date <= ?3 AND (?1 IS NULL OR m.sku = ?1) "
		"AND (?2 IS NULL OR m.wh = ?2) GROUP BY m.sku, m.wh, m.lot "
		"HAVING sum(m.qty) <> 0 OR sum(m.value) <> 0 "
		"ORDER BY m.sku, m.wh, l.expiry IS NULL, l.expiry, m.lot";
	/* Items with a min, in each warehouse (or the one asked). */
	static const char reorder_sql[] =
		"SELECT i.sku, w.code, coalesce(sum(b.qty), 0), "
		"coalesce(sum(b.reserved), 0), coalesce(sum(b.quarantine), 0), "
		"coalesce(sum(b.value), 0) FROM item i CROSS JOIN warehouse w "
		"LEFT JOIN stock_balance b ON b.sku = i.sku AND b.wh = w.code "
		"WHERE i.min_qty IS NOT NULL AND (?1 IS NULL OR i.sku = ?1) "
		"AND (?2 IS NULL OR w.code = ?2) GROUP BY i.sku, w.code "
		"HAVING coalesce(sum(b.qty - b.reserved - b.quarantine), 0) "
		"<= i.min_qty ORDER BY i.sku, w.code";
	const char *sql;
	struct db_stmt *stmt;
	int64_t day;
	int rc, status = BIZ_OK, lots = filter->lots;

	if (filter->at && date_parse(filter->at, &day))
		return biz_fail(BIZ_USAGE, "--at: '%s' is not a date such as "
				"2026-11-27", filter->at);
	if (filter->below_reorder) {
		sql = reorder_sql;
		lots = 0;
	} else if (filter->at) {
		sql = lots ? at_lot_sql : at_item_sql;
	} else {
		sql = lots ? by_lot_sql : by_item_sql;
	}
	stmt = db_stmt(db, sql);
	db_bind_text(stmt, 1, filter->sku);
	db_bind_text(stmt, 2, filter->wh);
	if (filter->at && !filter->below_reorder)
		db_bind_text(stmt, 3, filter->at);
	while (status == BIZ_OK && (rc = db_row(db, stmt)) == DB_ROW)
		status = fn(stock_record(db, stmt, lots), arg);
	db_reset(stmt);
	if (status == BIZ_OK && rc != DB_DONE)
		return rc;
	return status;
}
