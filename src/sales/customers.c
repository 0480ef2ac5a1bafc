/*
 * customers.c - what the sales module tells about a customer beyond its
 * record's figures: its latest shipments (the 360-degree view) and its
 * purchases over a window (crm-segment --rfm).
 */
#include <string.h>

#include "decimal.h"
#include "sales.h"

int sales_customer_write_shipments(struct db *db, int64_t customer,
				   int64_t limit, struct json *w)
{
	static const char sql[] =
		"SELECT l.order_id, m.date, m.sku, m.wh, s.lot, s.qty, "
		"s.returned_qty, s.move_id FROM sales_order o "
		"JOIN sales_order_line l ON l.order_id = o.id "
		"JOIN sales_shipment s ON s.line_id = l.id "
		"JOIN move m ON m.id = s.move_id WHERE o.customer_id = ?1 "
		"ORDER BY s.move_id DESC LIMIT ?2";
	static const char *const names[] = {
		"order", "date", "sku", "wh", "lot", "qty", "returned", "move"
	};
	struct db_stmt *stmt = db_stmt(db, sql);
	int rc;

	db_bind_int64(stmt, 1, customer);
	db_bind_int64(stmt, 2, limit ? limit : -1);
	json_key(w, "shipments");
	json_array(w);
	while ((rc = db_row(db, stmt)) == DB_ROW) {
		json_object(w);
		for (int i = 0; i < 8; i++) {
			if (i == 5 || i == 6)
				db_json_dec(w, names[i], stmt, i, QTY_SCALE);
			else
				db_json_column(w, names[i], stmt, i);
		}
		json_end_object(w);
	}
	json_end_array(w);
	return rc == DB_DONE ? BIZ_OK : rc;
}

/*
 * The invoices grouped by customer, and beside them the returns credited
 * since the window's start, also by customer: both in customer order,
 * read side by side.
 */
int sales_customer_windows(struct db *db, const char *since,
			   int (*fn)(const struct sales_window *w, void *arg),
			   void *arg)
{
	static const char invoices_sql[] =
		"SELECT customer_id, max(date), sum(CASE WHEN date >= ?1 "
		"THEN 1 ELSE 0 END), sum(CASE WHEN date >= ?1 THEN net "
		"ELSE 0 END) FROM invoice GROUP BY customer_id "
		"ORDER BY customer_id";
	static const char returns_sql[] =
		"SELECT o.customer_id, sum(r.net) FROM sales_return r "
		"JOIN sales_order o ON o.id = r.order_id WHERE r.date >= ?1 "
		"GROUP BY o.customer_id ORDER BY o.customer_id";
	struct db_stmt *invoices = db_stmt(db, invoices_sql);
	struct db_stmt *returns = db_stmt(db, returns_sql);
	int status = BIZ_OK, rc, rrc;

	db_bind_text(invoices, 1, since);
	db_bind_text(returns, 1, since);
	rrc = db_row(db, returns);
	while (!status && (rc = db_row(db, invoices)) == DB_ROW) {
		struct sales_window w;

		w.customer = db_column_int64(invoices, 0);
		w.last = db_column_text(invoices, 1);
		w.invoices = db_column_int64(invoices, 2);
		w.revenue = db_column_int64(invoices, 3);
		while (rrc == DB_ROW &&
		       db_column_int64(returns, 0) < w.customer)
			rrc = db_row(db, returns);
		if (rrc == DB_ROW && db_column_int64(returns, 0) == w.customer)
			w.revenue -= db_column_int64(returns, 1);
		if (rrc != DB_ROW && rrc != DB_DONE)
			status = rrc;
		else
			status = fn(&w, arg);
	}
	if (rrc == DB_ROW)
		db_reset(returns);
	if (status) {
		db_reset(invoices);
		return status;
	}
	return rc == DB_DONE ? BIZ_OK : rc;
}
