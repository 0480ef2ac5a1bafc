/* valuation.c - cost layers (FIFO, AVCO) and the one door every change
 * of stock goes through. */
#include "stock_internal.h"

#include <stdlib.h>
#include <string.h>

#include "array.h"
#include "biz.h"
#include "decimal.h"
#include "event.h"
#include "ledger.h"
#include "record.h"
#include "banned.h"

/* ---- valuation: cost layers ----------------------------------------- */

/* Refuses want of sku (lot, when named) in wh, where have is available. */
int stock_shortage(const char *sku, const char *wh, const char *lot,
		    int64_t have, int64_t want)
{
	char a[DEC_BUFSZ], b[DEC_BUFSZ];

	if (have < 0)
		have = 0;
	if (lot && *lot)
		return biz_fail(BIZ_REFUSED, "not enough '%s' lot '%s' in "
				"'%s': %s available, %s asked", sku, lot, wh,
				stock_qty_text(have, a), stock_qty_text(want, b));
	return biz_fail(BIZ_REFUSED, "not enough '%s' in '%s': %s available, "
			"%s asked", sku, wh, stock_qty_text(have, a),
			stock_qty_text(want, b));
}

static void piece_add(struct stock_move *m, int64_t qty, int64_t value,
		      int64_t origin)
{
	ARRAY_PUSH(m->pieces, m->piece_count, m->piece_cap,
		   ((struct stock_piece){ qty, value, origin }));
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
		ARRAY_GROW(rows, n + 1, cap);
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
		return stock_shortage(m->item->sku, m->wh, m->lot, have, qty);
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
		/* The layers of one balance hold at most the stored limit
		 * together; checked all the same: no wrapped value posts. */
		if (dec_add(&total, v)) {
			status = biz_fail(BIZ_REFUSED, "a stock move too "
					  "large (its value passes "
					  DEC_TOTAL_LIMIT_TEXT ")");
			break;
		}
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
		return stock_shortage(m->item->sku, m->wh, m->lot, have, qty);
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

/*
 * Values an outgoing move from its layers (*rest: what AVCO leaves as one
 * new layer), or releases the held layer of a zero move (a passed check).
 */
static int move_take(struct db *db, struct stock_move *m,
		     struct stock_piece *rest)
{
	static const char release_sql[] =
		"UPDATE cost_layer SET held = 0 WHERE id = ?";
	struct db_stmt *stmt;

	if (m->qty < 0) {
		if (m->layer_id)
			return consume_layer(db, m, -m->qty);
		if (m->item->costing == COST_AVCO)
			return consume_avco(db, m, -m->qty, rest);
		return consume_fifo(db, m, -m->qty);
	}
	if (m->qty == 0 && m->layer_id) {
		stmt = db_stmt(db, release_sql);
		db_bind_int64(stmt, 1, m->layer_id);
		return db_done(db, stmt);
	}
	return BIZ_OK;
}

/*
 * Adds move m to its balance row.  stock_balance's CHECK refuses a
 * negative balance: no upsert with RETURNING (an ephemeral table per
 * move) to test it here.
 */
static int balance_add(struct db *db, const struct stock_move *m,
		       const char *lot)
{
	/* The row is there but for a first receipt: update, else insert. */
	static const char balance_sql[] =
		"UPDATE stock_balance SET qty = qty + ?4, "
		"quarantine = quarantine + ?5, value = value + ?6 "
		"WHERE sku = ?1 AND wh = ?2 AND lot = ?3";
	static const char balance_new_sql[] =
		"INSERT INTO stock_balance(sku, wh, lot, qty, quarantine, "
		"value) VALUES (?1, ?2, ?3, ?4, ?5, ?6)";
	struct db_stmt *stmt;
	int status = BIZ_OK;

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
	if (status && db_failed_check(db))
		return biz_fail(BIZ_REFUSED, "stock of '%s' in '%s' would be "
				"negative", m->item->sku, m->wh);
	return status;
}

int stock_apply_move(struct db *db, struct stock_doc *doc,
		     struct stock_move *m, struct sink *out)
{
	static const char move_sql[] =
		"INSERT INTO move(doc_id, at, date, sku, wh, lot, qty, value, "
		"quarantine, serials) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
	struct stock_piece rest = { 0, 0, 0 };
	const char *lot = m->lot ? m->lot : "";
	const char *date = stock_doc_date(doc, db);
	struct db_stmt *stmt;
	char memo[300], qbuf[DEC_BUFSZ], id[24];
	const char *at;
	struct json *text;
	int status, own_pieces = 0;

	if ((status = stock_doc_begin(db, doc, out)) ||
	    (status = move_take(db, m, &rest)))
		return status;
	if (m->posting) {
		/* Only the first move's memo can be the entry's. */
		if (!stock_doc_get_state(db, doc)->posted)
			snprintf(memo, sizeof(memo), "%s %s %s %s", doc->kind,
				 m->item->sku, stock_qty_text(m->qty, qbuf),
				 m->wh);
		if ((status = stock_doc_post_add(db, doc, m->posting,
						 m->posting_sign * m->value,
						 memo)))
			return status;
	}
	at = stock_doc_get_state(db, doc)->at;
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
			m->piece_count = m->piece_cap = 0;
		}
	} else if (rest.qty > 0) {
		status = layer_insert(db, m, m->id, &rest, 0);
	}
	if (status || (status = balance_add(db, m, lot)))
		return status;
	text = &stock_doc_get_state(db, doc)->text;
	stock_move_json(text, db, &(struct stock_move_record){
		.id = m->id, .at = at, .date = date, .kind = doc->kind,
		.ref = doc->ref, .doc_id = doc->id, .sku = m->item->sku,
		.wh = m->wh, .lot = lot, .qty = m->qty, .value = m->value,
		.quarantine = m->quarantine, .serials = m->serials });
	snprintf(id, sizeof(id), "%lld", (long long)m->id);
	if ((status = event_append_json(db, m->event, "move", id,
					text->text.buf)))
		return status;
	/* The record printed says the move is new; the event's data not. */
	stock_move_json_op(text, "created");
	return stock_move_out(out, text);
}
