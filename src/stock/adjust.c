/*
 * adjust.c - stock moved at a given cost, and the reads counts and builds
 * need (src/mfg): a count's gains and losses, a build's product received
 * at exactly what its components cost.  Every change still goes through
 * stock_apply_move().
 */
#include "stock_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "biz.h"
#include "decimal.h"
#include "banned.h"

/* A lot first seen in an adjustment: known from now on, no expiry. */
static int lot_known(struct db *db, const char *sku, const char *lot,
		     int64_t move_id)
{
	static const char sql[] =
		"INSERT INTO lot(sku, code, first_move) VALUES (?, ?, ?) "
		"ON CONFLICT(sku, code) DO NOTHING";
	struct db_stmt *stmt = db_stmt(db, sql);

	db_bind_text(stmt, 1, sku);
	db_bind_text(stmt, 2, lot);
	db_bind_int64(stmt, 3, move_id);
	return db_done(db, stmt);
}

int stock_adjust(struct db *db, struct stock_doc *doc,
		 struct stock_adjustment *a, struct sink *out)
{
	struct item_info item;
	struct stock_move m;
	struct stock_line serials = { .wh = a->wh, .qty = a->qty,
				      .serials = a->serials,
				      .serial_count = a->serial_count };
	char buf[DEC_BUFSZ];
	char *serials_json = NULL;
	int64_t qty;
	int status;

	if ((status = stock_doc_begin(db, doc, out)))
		return status;
	if ((status = stock_doc_item(db, doc, a->sku, 0, &item)) ||
	    (status = stock_doc_warehouse(db, doc, a->wh)) ||
	    (status = stock_check_lot(&item, a->lot, 1)))
		return status;
	if (a->qty < 0)
		serials.qty = -a->qty;
	if ((status = stock_check_serials(&item, &serials,
					  item.tracking == TRACK_SERIAL,
					  &qty)))
		return status;
	if (!a->qty)
		return biz_fail(BIZ_DATAERR, "quantity of '%s' must not be "
				"zero", item.sku);
	if (a->qty > 0 && a->value < 0)
		return biz_fail(BIZ_DATAERR, "value of '%s' must not be "
				"negative, not %s", item.sku,
				dec_format(a->value, db->money_scale, buf));
	memset(&m, 0, sizeof(m));
	m.item = &item;
	m.wh = a->wh;
	m.lot = a->lot;
	m.qty = a->qty;
	m.value = a->qty > 0 ? a->value : 0;
	m.posting = a->posting;
	m.posting_sign = a->posting_sign;
	m.event = a->event;
	if (a->qty > 0)
		serials_json = stock_serials_json(a->serials,
						  a->serial_count);
	else if (item.tracking == TRACK_SERIAL &&
		 (status = stock_pick_serials(db, &item, &serials, -a->qty,
					      NULL, &serials_json)))
		return status;
	m.serials = serials_json;
	status = stock_apply_move(db, doc, &m, out);
	free(m.pieces);
	free(serials_json);
	if (status)
		return status;
	a->value = m.value;
	a->move_id = m.id;
	for (size_t i = 0; a->qty > 0 && i < a->serial_count && !status; i++)
		status = stock_serial_receive(db, item.sku, a->serials[i],
					      a->wh, 0, m.id);
	if (status)
		return status;
	if (a->qty > 0 && a->lot)
		return lot_known(db, item.sku, a->lot, m.id);
	return BIZ_OK;
}

int64_t stock_cost_value(const struct db *db, int64_t cost, int64_t qty)
{
	return dec_muldiv(cost, qty, stock_pow10(QTY_SCALE +
						 stock_cost_scale(db) -
						 db->money_scale));
}

/* Steps stmt (sku bound at 1) for its one row of qty and value. */
static int qty_value(struct db *db, struct db_stmt *stmt, int64_t *qty,
		     int64_t *value)
{
	int rc = db_one(db, stmt);

	if (rc == DB_ROW) {
		*qty = db_column_int64(stmt, 0);
		*value = db_column_int64(stmt, 1);
	}
	db_reset(stmt);
	return rc == DB_ROW || rc == DB_DONE ? BIZ_OK : rc;
}

int stock_current_cost(struct db *db, const char *sku, const char *wh,
		       int64_t *cost)
{
	static const char here_sql[] =
		"SELECT coalesce(sum(qty), 0), coalesce(sum(value), 0) "
		"FROM stock_balance WHERE sku = ? AND wh = ?";
	/* Newest first by rowid: the latest layer is found at once. */
	static const char last_sql[] =
		"SELECT qty, value FROM cost_layer WHERE sku = ? AND qty > 0 "
		"ORDER BY id DESC LIMIT 1";
	struct db_stmt *stmt = db_stmt(db, here_sql);
	int64_t qty = 0, value = 0;
	int status;

	*cost = 0;
	db_bind_text(stmt, 1, sku);
	db_bind_text(stmt, 2, wh);
	if ((status = qty_value(db, stmt, &qty, &value)))
		return status;
	if (qty <= 0) {
		stmt = db_stmt(db, last_sql);
		db_bind_text(stmt, 1, sku);
		if ((status = qty_value(db, stmt, &qty, &value)))
			return status;
	}
	if (qty > 0)
		*cost = stock_unit_cost(db, value, qty);
	return BIZ_OK;
}

int stock_available_qty(struct db *db, const char *sku, const char *wh,
			int64_t *qty)
{
	static const char sql[] =
		"SELECT coalesce(sum(qty - quarantine - reserved), 0) "
		"FROM stock_balance WHERE sku = ?1 AND wh = ?2 AND "
		"qty - quarantine - reserved > 0";

	struct db_stmt *stmt = db_stmt(db, sql);

	db_bind_text(stmt, 1, sku);
	db_bind_text(stmt, 2, wh);
	return db_int64(db, stmt, qty);
}

int stock_doc_set_entry(struct db *db, const struct stock_doc *doc,
			int64_t entry_id)
{
	static const char sql[] =
		"UPDATE stock_doc SET entry_id = ? WHERE id = ?";
	struct db_stmt *stmt = db_stmt(db, sql);

	db_bind_int64(stmt, 1, entry_id);
	db_bind_int64(stmt, 2, doc->id);
	return db_done(db, stmt);
}

int stock_balance_each(struct db *db, const char *wh, const char *sku,
		       int (*fn)(const struct stock_balance_row *row,
				 void *arg), void *arg)
{
	static const char sql[] =
		"SELECT b.sku, b.lot, i.tracking, b.qty, b.value "
		"FROM stock_balance b JOIN item i ON i.sku = b.sku "
		"WHERE b.wh = ?1 AND (?2 IS NULL OR b.sku = ?2) "
		"ORDER BY b.sku, b.lot";
	struct db_stmt *stmt = db_stmt(db, sql);
	struct stock_balance_row row;
	int rc, status = BIZ_OK;

	db_bind_text(stmt, 1, wh);
	db_bind_text(stmt, 2, sku);
	while ((rc = db_row(db, stmt)) == DB_ROW) {
		const char *tracking = db_column_text(stmt, 2);

		row.sku = db_column_text(stmt, 0);
		row.lot = db_column_text(stmt, 1);
		row.tracking = !strcmp(tracking, "lot") ? TRACK_LOT :
			       !strcmp(tracking, "serial") ? TRACK_SERIAL :
			       TRACK_NONE;
		row.qty = db_column_int64(stmt, 3);
		row.value = db_column_int64(stmt, 4);
		if ((status = fn(&row, arg))) {
			db_reset(stmt);
			return status;
		}
	}
	return rc == DB_DONE ? BIZ_OK : rc;
}

int stock_last_move(struct db *db, int64_t *id)
{
	static const char sql[] = "SELECT coalesce(max(id), 0) FROM move";

	return db_int64(db, db_stmt(db, sql), id);
}

int stock_moved_since(struct db *db, const char *wh, int64_t after_id,
		      const char *sku, const char *lot,
		      int (*fn)(const char *sku, const char *lot,
				int64_t qty, void *arg), void *arg)
{
	/*
	 * The moves after a snapshot are few and last: a rowid range.  A
	 * move with serials counts a unit for each, under the serial.
	 */
	static const char sql[] =
		"SELECT sku, lot, sum(qty) FROM ("
		"SELECT sku, lot, qty FROM move WHERE id > ?1 AND wh = ?2 "
		"AND serials IS NULL UNION ALL "
		"SELECT m.sku, j.value, CASE WHEN m.qty > 0 THEN ?5 ELSE -?5 "
		"END FROM move m, json_each(m.serials) j WHERE m.id > ?1 AND "
		"m.wh = ?2 AND m.serials IS NOT NULL) "
		"WHERE (?3 IS NULL OR sku = ?3) AND (?4 IS NULL OR lot = ?4) "
		"GROUP BY sku, lot HAVING sum(qty) <> 0 ORDER BY sku, lot";
	struct db_stmt *stmt = db_stmt(db, sql);
	int rc, status;

	db_bind_int64(stmt, 1, after_id);
	db_bind_text(stmt, 2, wh);
	db_bind_text(stmt, 3, sku);
	db_bind_text(stmt, 4, lot);
	db_bind_int64(stmt, 5, QTY_ONE);
	while ((rc = db_row(db, stmt)) == DB_ROW) {
		if ((status = fn(db_column_text(stmt, 0),
				 db_column_text(stmt, 1),
				 db_column_int64(stmt, 2), arg))) {
			db_reset(stmt);
			return status;
		}
	}
	return rc == DB_DONE ? BIZ_OK : rc;
}

int stock_serials_each(struct db *db, const char *wh, const char *sku,
		       int (*fn)(const char *sku, const char *serial,
				 void *arg), void *arg)
{
	static const char sql[] =
		"SELECT sku, serial FROM serial WHERE wh = ?1 AND in_stock "
		"AND (?2 IS NULL OR sku = ?2) ORDER BY sku, serial";
	struct db_stmt *stmt = db_stmt(db, sql);
	int rc, status;

	db_bind_text(stmt, 1, wh);
	db_bind_text(stmt, 2, sku);
	while ((rc = db_row(db, stmt)) == DB_ROW) {
		if ((status = fn(db_column_text(stmt, 0),
				 db_column_text(stmt, 1), arg))) {
			db_reset(stmt);
			return status;
		}
	}
	return rc == DB_DONE ? BIZ_OK : rc;
}

int stock_serial_find(struct db *db, const char *serial, const char *sku,
		      struct stock_serial_info *out)
{
	static const char sql[] =
		"SELECT sku, wh, in_stock FROM serial WHERE serial = ?1 AND "
		"(?2 IS NULL OR sku = ?2) ORDER BY sku LIMIT 2";
	struct db_stmt *stmt = db_stmt(db, sql);
	int rc, status = BIZ_OK;

	memset(out, 0, sizeof(*out));
	db_bind_text(stmt, 1, serial);
	db_bind_text(stmt, 2, sku);
	while (!status && (rc = db_row(db, stmt)) == DB_ROW) {
		if (out->found) {
			status = biz_fail(BIZ_DATAERR, "serial '%s' is of "
					  "'%s' and '%s': name the SKU",
					  serial, out->sku,
					  db_column_text(stmt, 0));
			db_reset(stmt);
			break;
		}
		out->found = 1;
		snprintf(out->sku, sizeof(out->sku), "%s",
			 db_column_text(stmt, 0));
		snprintf(out->wh, sizeof(out->wh), "%s",
			 db_column_text(stmt, 1));
		out->in_stock = (int)db_column_int64(stmt, 2);
	}
	if (!status && rc != DB_DONE)
		status = rc;
	return status;
}
