/*
 * reserve.c - stock held for sales orders (stock_balance.reserved), and
 * the serials their returns bring back.
 */
#include "reserve.h"

#include <stdlib.h>

#include "biz.h"
#include "banned.h"

struct reserve_part {
	char *lot;
	int64_t qty;
};

int stock_reserve(struct db *db, const struct item_info *item,
		  const char *wh, int64_t qty,
		  int (*fn)(const char *lot, int64_t qty, void *arg),
		  void *arg, int64_t *got)
{
	/* The lots an issue would pick, in its order (picking.c). */
	static const char lots_sql[] =
		"SELECT b.lot, b.qty - b.quarantine - b.reserved "
		"FROM stock_balance b LEFT JOIN lot l ON l.sku = b.sku AND "
		"l.code = b.lot WHERE b.sku = ? AND b.wh = ? AND "
		"b.qty - b.quarantine - b.reserved > 0 "
		"ORDER BY l.expiry IS NULL, l.expiry, l.first_move, b.lot";
	/* The WHERE keeps a reservation within what is available. */
	static const char reserve_sql[] =
		"UPDATE stock_balance SET reserved = reserved + ?4 "
		"WHERE sku = ?1 AND wh = ?2 AND lot = ?3 AND "
		"qty - quarantine - reserved >= ?4";
	struct reserve_part *parts = NULL;
	size_t n = 0;
	int64_t need = qty;
	struct db_stmt *stmt = db_stmt(db, lots_sql);
	int rc = DB_DONE, status = BIZ_OK;

	*got = 0;
	db_bind_text(stmt, 1, item->sku);
	db_bind_text(stmt, 2, wh);
	while (need > 0 && (rc = db_row(db, stmt)) == DB_ROW) {
		int64_t have = db_column_int64(stmt, 1);
		int64_t take = have < need ? have : need;

		parts = xrealloc(parts, (n + 1) * sizeof(*parts));
		parts[n].lot = xstrdup(db_column_text(stmt, 0));
		parts[n++].qty = take;
		need -= take;
	}
	db_reset(stmt);
	if (rc != DB_ROW && rc != DB_DONE)
		status = rc;
	for (size_t i = 0; i < n && !status; i++) {
		stmt = db_stmt(db, reserve_sql);
		db_bind_text(stmt, 1, item->sku);
		db_bind_text(stmt, 2, wh);
		db_bind_text(stmt, 3, parts[i].lot);
		db_bind_int64(stmt, 4, parts[i].qty);
		if ((status = db_done(db, stmt)))
			break;
		if (db_changes(db) != 1) {
			status = biz_fail(BIZ_INTERNAL, "reserving '%s' in "
					  "'%s' changed no balance", item->sku,
					  wh);
			break;
		}
		*got += parts[i].qty;
		status = fn(parts[i].lot, parts[i].qty, arg);
	}
	for (size_t i = 0; i < n; i++)
		free(parts[i].lot);
	free(parts);
	return status;
}

int stock_unreserve(struct db *db, const char *sku, const char *wh,
		    const char *lot, int64_t qty)
{
	static const char sql[] =
		"UPDATE stock_balance SET reserved = reserved - ?4 "
		"WHERE sku = ?1 AND wh = ?2 AND lot = ?3 AND reserved >= ?4";
	struct db_stmt *stmt = db_stmt(db, sql);
	int status;

	db_bind_text(stmt, 1, sku);
	db_bind_text(stmt, 2, wh);
	db_bind_text(stmt, 3, lot ? lot : "");
	db_bind_int64(stmt, 4, qty);
	if ((status = db_done(db, stmt)))
		return status;
	if (db_changes(db) != 1)
		return biz_fail(BIZ_INTERNAL, "'%s' in '%s' has less reserved "
				"than an order holds", sku, wh);
	return BIZ_OK;
}

int stock_reserved_breaches(struct db *db, int64_t *out)
{
	/* Per item and warehouse, as biz-check states it, and per lot. */
	static const char sql[] =
		"SELECT (SELECT count(*) FROM (SELECT 1 FROM stock_balance "
		"GROUP BY sku, wh HAVING sum(reserved) > sum(qty - "
		"quarantine))) + (SELECT count(*) FROM stock_balance "
		"WHERE reserved < 0 OR reserved > qty - quarantine)";

	return db_int64(db, db_stmt(db, sql), out);
}

int stock_serials_back(struct db *db, const char *sku, const char *wh,
		       const char *const *serials, size_t n,
		       int64_t move_id)
{
	static const char sql[] =
		"UPDATE serial SET in_stock = 1, held = 0, wh = ?3, "
		"move_id = ?4 WHERE sku = ?1 AND serial = ?2 AND NOT in_stock";
	int status = BIZ_OK;

	for (size_t i = 0; i < n && !status; i++) {
		struct db_stmt *stmt = db_stmt(db, sql);

		db_bind_text(stmt, 1, sku);
		db_bind_text(stmt, 2, serials[i]);
		db_bind_text(stmt, 3, wh);
		db_bind_int64(stmt, 4, move_id);
		if (!(status = db_done(db, stmt)) && db_changes(db) != 1)
			status = biz_fail(BIZ_DATAERR, "serial '%s' of '%s' is "
					  "in stock, not out", serials[i], sku);
	}
	return status;
}
