/* picking.c - what an issue or a transfer takes: lots, serials. */
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
 * expiry first, then the earliest received.  Refuses a stock_shortage, but for
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
	size_t cap = 0;
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
			return stock_shortage(item->sku, wh, lot, have, qty);
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

		ARRAY_GROW(*picks, *count + 1, cap);
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
		return stock_shortage(item->sku, wh, NULL, qty - need, qty);
	}
	return BIZ_OK;
}

int stock_pick_serials(struct db *db, const struct item_info *item,
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
	size_t n = (size_t)(qty / QTY_ONE);
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
		*json = stock_serials_json((const char *const *)chosen, got);
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

	if ((status = stock_doc_item(db, doc, line->sku, line->scan, item)) ||
	    (status = stock_doc_warehouse(db, doc, line->wh)) ||
	    (status = stock_check_lot(item, line->lot, 0)) ||
	    (status = stock_check_serials(item, line, 0, qty)))
		return status;
	l.sku = item->sku;
	l.qty = *qty;
	return stock_check_qty(&l);
}

int stock_issue(struct db *db, struct stock_doc *doc,
		const struct stock_line *line, struct sink *out)
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
		return biz_fail(BIZ_USAGE, "reason: '%s' is not one of sale, "
				"production, scrap, sample", reason);
	if ((status = stock_doc_begin(db, doc, out)) || doc->replay)
		return status;
	if ((status = check_out_line(db, doc, line, &item, &qty)) ||
	    (status = pick_lots(db, &item, line->wh, line->lot, qty, &picks,
				&count, &later)))
		return status;
	if (item.tracking == TRACK_SERIAL &&
	    (status = stock_pick_serials(db, &item, line, qty, NULL,
					 &serials))) {
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
		status = stock_apply_move(db, doc, &m, out);
		free(m.pieces);
	}
	free(serials);
	free(picks);
	return status;
}

int stock_transfer(struct db *db, struct stock_doc *doc,
		   const struct stock_line *line, struct sink *out)
{
	struct item_info item;
	struct pick *picks = NULL;
	size_t count = 0;
	char *serials = NULL;
	int64_t qty;
	int status, later;

	if ((status = stock_doc_begin(db, doc, out)) || doc->replay)
		return status;
	if ((status = check_out_line(db, doc, line, &item, &qty)) ||
	    (status = stock_doc_warehouse(db, doc, line->to)))
		return status;
	if (!strcmp(line->wh, line->to))
		return biz_fail(BIZ_DATAERR, "wh and to are both '%s'",
				line->wh);
	if ((status = pick_lots(db, &item, line->wh, line->lot, qty, &picks,
				&count, &later)))
		return status;
	if (item.tracking == TRACK_SERIAL &&
	    (status = stock_pick_serials(db, &item, line, qty, line->to,
					 &serials))) {
		free(picks);
		return status;
	}
	for (size_t i = 0; i < count && !status; i++) {
		struct stock_move leave, enter;

		memset(&leave, 0, sizeof(leave));
		leave.item = &item;
		leave.wh = line->wh;
		leave.lot = picks[i].lot;
		leave.qty = -picks[i].qty;
		leave.serials = serials;
		leave.event = "stock.transferred";
		leave.check_available = later;
		if ((status = stock_apply_move(db, doc, &leave, out))) {
			free(leave.pieces);
			break;
		}
		enter = leave;
		enter.wh = line->to;
		enter.qty = picks[i].qty;
		enter.value = -leave.value;
		enter.id = 0;
		enter.check_available = 0;
		status = stock_apply_move(db, doc, &enter, out);
		free(leave.pieces);
	}
	free(serials);
	free(picks);
	return status;
}

