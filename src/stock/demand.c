/*
 * demand.c - what replenishment reads of the stock: the issues that are
 * demand (sales and production, not scrap, samples or transfers) in date
 * order, and the positions on hand and reserved.  Read only; callbacks
 * rather than records, since inv-reorder reads millions of moves.
 */
#include "stock_internal.h"

#include "banned.h"

int stock_demand_each(struct db *db, const char *from, const char *to,
		      const char *wh, stock_demand_fn fn, void *arg)
{
	/* The move_date index gives the date order without a sort. */
	static const char sql[] =
		"SELECT m.sku, m.wh, m.date, -m.qty FROM move m "
		"JOIN stock_doc d ON d.id = m.doc_id "
		"WHERE m.date >= ?1 AND m.date < ?2 AND d.kind = 'issue' "
		"AND coalesce(d.reason, 'sale') IN ('sale', 'production') "
		"AND (?3 IS NULL OR m.wh = ?3) ORDER BY m.date";
	struct db_stmt *stmt = db_stmt(db, sql);
	int rc, status = BIZ_OK;

	db_bind_text(stmt, 1, from);
	db_bind_text(stmt, 2, to);
	db_bind_text(stmt, 3, wh);
	while (!status && (rc = db_row(db, stmt)) == DB_ROW)
		status = fn(arg, db_column_text(stmt, 0),
			    db_column_text(stmt, 1), db_column_text(stmt, 2),
			    db_column_int64(stmt, 3));
	if (status) {
		db_reset(stmt);
		return status;
	}
	return rc == DB_DONE ? BIZ_OK : rc;
}

int stock_position_each(struct db *db, const char *wh, stock_position_fn fn,
			void *arg)
{
	static const char sql[] =
		"SELECT sku, wh, sum(qty), sum(reserved) FROM stock_balance "
		"WHERE ?1 IS NULL OR wh = ?1 GROUP BY sku, wh";
	struct db_stmt *stmt = db_stmt(db, sql);
	int rc, status = BIZ_OK;

	db_bind_text(stmt, 1, wh);
	while (!status && (rc = db_row(db, stmt)) == DB_ROW)
		status = fn(arg, db_column_text(stmt, 0),
			    db_column_text(stmt, 1), db_column_int64(stmt, 2),
			    db_column_int64(stmt, 3));
	if (status) {
		db_reset(stmt);
		return status;
	}
	return rc == DB_DONE ? BIZ_OK : rc;
}
