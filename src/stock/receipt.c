/* receipt.c - the checks every document line passes, and receipts. */
#include "stock_internal.h"

#include <stdlib.h>
#include <string.h>

#include "biz.h"
#include "decimal.h"
#include "event.h"
#include "ledger.h"
#include "record.h"
#include "code.h"
#include "banned.h"

/* ---- checks shared by the documents ---------------------------------- */

int stock_check_qty(const struct stock_line *line)
{
	char buf[DEC_BUFSZ];

	if (line->qty <= 0)
		return biz_fail(BIZ_DATAERR, "quantity of '%s' must be more "
				"than zero, not %s", line->sku ? line->sku : "",
				stock_qty_text(line->qty, buf));
	return BIZ_OK;
}

/* Lot rules of item for a line: lot items need one, others none. */
int stock_check_lot(const struct item_info *item, const char *lot,
		     int need)
{
	if (item->tracking == TRACK_LOT && need && !lot)
		return biz_fail(BIZ_DATAERR, "'%s' is lot-tracked: a lot is "
				"needed", item->sku);
	if (item->tracking != TRACK_LOT && lot)
		return biz_fail(BIZ_DATAERR, "'%s' is not lot-tracked: no "
				"lot", item->sku);
	/* A lot is a code (code.h): a CR or a tab in one broke tables. */
	if (lot && !code_valid(lot, 101))
		return biz_fail(BIZ_DATAERR, "lot '%s': a code of at most 100 "
				"bytes with " CODE_RULE, lot);
	return BIZ_OK;
}

/*
 * The serial count of a line as a quantity: qty given must be one unit
 * per serial; no qty takes one per serial.  *qty set.
 */
int stock_check_serials(const struct item_info *item,
			 const struct stock_line *line, int need,
			 int64_t *qty)
{
	char buf[DEC_BUFSZ];
	int64_t one = QTY_ONE;

	*qty = line->qty;
	if (item->tracking != TRACK_SERIAL) {
		if (line->serial_count)
			return biz_fail(BIZ_DATAERR, "'%s' is not serial-"
					"tracked: no serial", item->sku);
		return BIZ_OK;
	}
	if (!line->qty)
		*qty = (int64_t)line->serial_count * one;
	if (*qty <= 0 || *qty % one)
		return biz_fail(BIZ_DATAERR, "'%s' is serial-tracked: a whole "
				"number of units is needed, not %s", item->sku,
				stock_qty_text(*qty, buf));
	if ((need || line->serial_count) &&
	    (int64_t)line->serial_count * one != *qty)
		return biz_fail(BIZ_DATAERR, "'%s' is serial-tracked: %s "
				"units need %s serials, %zu given", item->sku,
				stock_qty_text(*qty, buf), stock_qty_text(*qty, buf),
				line->serial_count);
	return BIZ_OK;
}

/* The serials as a JSON array text (new string), NULL for none. */
char *stock_serials_json(const char *const *serials, size_t n)
{
	struct json w = { 0 };
	char *out;

	if (!n)
		return NULL;
	json_array(&w);
	for (size_t i = 0; i < n; i++)
		json_str(&w, serials[i]);
	json_end_array(&w);
	out = xstrdup(w.text.buf);
	json_release(&w);
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
		return biz_fail(BIZ_DATAERR, "expiry: '%s' is not a date "
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

int stock_serial_receive(struct db *db, const char *sku, const char *s,
			 const char *wh, int held, int64_t move_id)
{
	static const char sql[] =
		"INSERT INTO serial(sku, serial, wh, in_stock, held, move_id) "
		"VALUES (?1, ?2, ?3, 1, ?4, ?5) ON CONFLICT(sku, serial) "
		"DO UPDATE SET wh = ?3, in_stock = 1, held = ?4, "
		"move_id = ?5 WHERE in_stock = 0";
	struct db_stmt *stmt = db_stmt(db, sql);
	int status;

	if (!code_valid(s, 101))
		return biz_fail(BIZ_DATAERR, "serial '%s': a code of at most "
				"100 bytes with " CODE_RULE, s);
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
		  const struct stock_line *line, struct sink *out)
{
	struct item_info item;
	struct stock_line l = *line;
	struct stock_move m;
	int64_t qty;
	char *serials;
	int status;

	if ((status = stock_doc_begin(db, doc, out)) || doc->replay)
		return status;
	if ((status = stock_doc_item(db, doc, line->sku, line->scan, &item)) ||
	    (status = stock_doc_warehouse(db, doc, line->wh)) ||
	    (status = stock_check_lot(&item, line->lot, 1)) ||
	    (status = stock_check_serials(&item, line, 1, &qty)))
		return status;
	l.qty = qty;
	l.sku = item.sku;
	if ((status = stock_check_qty(&l)))
		return status;
	if (!line->has_cost)
		return biz_fail(BIZ_DATAERR, "receipt of '%s' needs a unit "
				"cost", item.sku);
	if (line->cost < 0)
		return biz_fail(BIZ_DATAERR, "cost of '%s' must not be "
				"negative", item.sku);
	if ((status = lot_check(db, item.sku, line->lot, line->expiry)))
		return status;
	if (line->expiry && !line->lot)
		return biz_fail(BIZ_DATAERR, "expiry needs a lot");
	memset(&m, 0, sizeof(m));
	m.item = &item;
	m.wh = line->wh;
	m.lot = line->lot;
	m.qty = qty;
	m.value = dec_muldiv(line->cost, qty,
			     stock_pow10(QTY_SCALE + stock_cost_scale(db) -
				      db->money_scale));
	m.quarantine = doc->hold ? qty : 0;
	m.posting = doc->po ? "receipt_po" : "receipt";
	m.posting_sign = 1;
	m.event = "stock.received";
	serials = stock_serials_json(line->serials, line->serial_count);
	m.serials = serials;
	status = stock_apply_move(db, doc, &m, out);
	free(serials);
	if (status)
		return status;
	if (line->lot &&
	    (status = lot_record(db, item.sku, line->lot, line->expiry, m.id)))
		return status;
	for (size_t i = 0; i < line->serial_count && !status; i++)
		status = stock_serial_receive(db, item.sku, line->serials[i],
					      line->wh, doc->hold, m.id);
	return status;
}

