/* report.c - the stock report (inv-stock). */
#include "stock_internal.h"


#include "biz.h"
#include "decimal.h"
#include "banned.h"

/* Writes the stock record of stmt's row into w, emptied first. */
static void stock_record(struct json *w, const struct db *db,
			 struct db_stmt *stmt, int lots, int on_order)
{
	int64_t qty = db_column_int64(stmt, 2);
	int64_t reserved = db_column_int64(stmt, 3);
	int64_t quarantine = db_column_int64(stmt, 4);
	int64_t value = db_column_int64(stmt, 5);

	json_reset(w);
	json_object(w);
	json_key_str(w, "sku", db_column_text(stmt, 0));
	json_key_str(w, "wh", db_column_text(stmt, 1));
	if (lots) {
		const char *lot = db_column_text(stmt, 6);

		json_key_str(w, "lot", lot && *lot ? lot : NULL);
		json_key_str(w, "expiry", db_column_text(stmt, 7));
	}
	json_key_dec(w, "on_hand", qty, QTY_SCALE);
	json_key_dec(w, "reserved", reserved, QTY_SCALE);
	json_key_dec(w, "quarantine", quarantine, QTY_SCALE);
	json_key_dec(w, "available", qty - reserved - quarantine, QTY_SCALE);
	/* Column 6 is on order when the query has it (not by lot). */
	json_key_dec(w, "on_order", on_order ? db_column_int64(stmt, 6) : 0,
		     QTY_SCALE);
	json_key_dec(w, "value", value, db->money_scale);
	json_key(w, "unit_cost");
	if (qty)
		json_dec(w, stock_unit_cost(db, value, qty),
			 stock_cost_scale(db));
	else
		json_null(w);
	json_end_object(w);
}

int stock_each(struct db *db, const struct stock_filter *filter,
	       struct sink *out)
{
	/* ?1 sku, ?2 wh, ?3 at. */
	static const char by_item_sql[] =
		"SELECT b.sku, b.wh, sum(b.qty), sum(b.reserved), "
		"sum(b.quarantine), sum(b.value), (SELECT coalesce(sum(o.qty), "
		"0) FROM on_order o WHERE o.sku = b.sku AND o.wh = b.wh) "
		"FROM stock_balance b "
		"WHERE (?1 IS NULL OR b.sku = ?1) AND (?2 IS NULL OR "
		"b.wh = ?2) GROUP BY b.sku, b.wh HAVING sum(b.qty) <> 0 OR "
		"sum(b.reserved) <> 0 ORDER BY b.sku, b.wh";
	/* --all: the same for every item in every warehouse. */
	static const char all_sql[] =
		"SELECT i.sku, w.code, coalesce(sum(b.qty), 0), "
		"coalesce(sum(b.reserved), 0), coalesce(sum(b.quarantine), 0), "
		"coalesce(sum(b.value), 0) FROM item i CROSS JOIN warehouse w "
		"LEFT JOIN stock_balance b ON b.sku = i.sku AND b.wh = w.code "
		"WHERE (?1 IS NULL OR i.sku = ?1) AND (?2 IS NULL OR "
		"w.code = ?2) GROUP BY i.sku, w.code ORDER BY i.sku, w.code";
	static const char by_lot_sql[] =
		"SELECT b.sku, b.wh, b.qty, b.reserved, b.quarantine, "
		"b.value, b.lot, l.expiry FROM stock_balance b "
		"LEFT JOIN lot l ON l.sku = b.sku AND l.code = b.lot "
		"WHERE (?1 IS NULL OR b.sku = ?1) AND (?2 IS NULL OR "
		"b.wh = ?2) AND (b.qty <> 0 OR b.reserved <> 0) ORDER BY b.sku, b.wh, l.expiry IS NULL, "
		"l.expiry, b.lot";
	static const char at_item_sql[] =
		"SELECT sku, wh, sum(qty), 0, sum(quarantine), sum(value) "
		"FROM move WHERE date <= ?3 AND (?1 IS NULL OR sku = ?1) "
		"AND (?2 IS NULL OR wh = ?2) GROUP BY sku, wh "
		"HAVING sum(qty) <> 0 ORDER BY sku, wh";
	static const char at_lot_sql[] =
		"SELECT m.sku, m.wh, sum(m.qty), 0, sum(m.quarantine), "
		"sum(m.value), m.lot, l.expiry FROM move m "
		"LEFT JOIN lot l ON l.sku = m.sku AND l.code = m.lot "
		"WHERE m.date <= ?3 AND (?1 IS NULL OR m.sku = ?1) "
		"AND (?2 IS NULL OR m.wh = ?2) GROUP BY m.sku, m.wh, m.lot "
		"HAVING sum(m.qty) <> 0 "
		"ORDER BY m.sku, m.wh, l.expiry IS NULL, l.expiry, m.lot";
	/* Every item in each warehouse (or the one asked), with on order. */
	static const char all_items_sql[] =
		"SELECT i.sku, w.code, coalesce(sum(b.qty), 0), "
		"coalesce(sum(b.reserved), 0), coalesce(sum(b.quarantine), 0), "
		"coalesce(sum(b.value), 0), (SELECT coalesce(sum(o.qty), 0) "
		"FROM on_order o WHERE o.sku = i.sku AND o.wh = w.code) "
		"FROM item i CROSS JOIN warehouse w "
		"LEFT JOIN stock_balance b ON b.sku = i.sku AND b.wh = w.code "
		"WHERE (?1 IS NULL OR i.sku = ?1) AND (?2 IS NULL OR "
		"w.code = ?2) GROUP BY i.sku, w.code ORDER BY i.sku, w.code";
	const char *sql;
	struct db_stmt *stmt;
	struct json w = { 0 };
	struct item_info item;
	int64_t day;
	int rc, status = BIZ_OK, lots = filter->lots;

	if (filter->at && date_parse(filter->at, &day))
		return biz_fail(BIZ_USAGE, "at: '%s' is not a date such as "
				"2026-11-27", filter->at);
	/* A filter naming no item or warehouse is bad data (65), not an
	 * empty report that hides a typo. */
	if ((filter->wh && (status = warehouse_check(db, filter->wh))) ||
	    (filter->sku && (status = item_lookup(db, filter->sku, 0,
						  &item))))
		return status;
	if (filter->all_items) {
		sql = all_items_sql;
		lots = 0;
	} else if (filter->at) {
		sql = lots ? at_lot_sql : at_item_sql;
	} else {
		sql = lots ? by_lot_sql : filter->all ? all_sql : by_item_sql;
	}
	stmt = db_stmt(db, sql);
	db_bind_text(stmt, 1, filter->sku);
	db_bind_text(stmt, 2, filter->wh);
	if (filter->at && !filter->all_items)
		db_bind_text(stmt, 3, filter->at);
	while (status == BIZ_OK && (rc = db_row(db, stmt)) == DB_ROW) {
		stock_record(&w, db, stmt, lots, sql == by_item_sql ||
			     sql == all_items_sql);
		if (filter->value)
			*filter->value = db_column_int64(stmt, 5);
		status = sink_put(out, &w);
	}
	json_release(&w);
	return stock_list_end(stmt, status, rc);
}

