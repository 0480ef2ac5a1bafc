/* receivable.c - open invoices at a date, and the checks on them. */
#include "sales_internal.h"

#include <stdlib.h>

#include "reserve.h"
#include "banned.h"

int sales_receivables(struct db *db, const char *as_of,
		      int (*fn)(const struct receivable *r, void *arg),
		      void *arg)
{
	/* A credit balance (a return after payment) is open too, < 0. */
	static const char sql[] =
		"SELECT id, customer_id, date, due, open FROM (SELECT i.id, "
		"i.customer_id, i.date, i.due, i.total - coalesce((SELECT "
		"sum(s.amount) FROM invoice_settlement s WHERE s.invoice_id = "
		"i.id AND s.date <= ?1), 0) AS open FROM invoice i "
		"WHERE i.date <= ?1) WHERE open <> 0 "
		"ORDER BY customer_id, due, id";
	struct db_stmt *stmt = db_stmt(db, sql);
	struct receivable r;
	int rc, status = BIZ_OK;

	db_bind_text(stmt, 1, as_of);
	while (!status && (rc = db_row(db, stmt)) == DB_ROW) {
		r.invoice = db_column_int64(stmt, 0);
		r.customer = db_column_int64(stmt, 1);
		r.date = db_column_text(stmt, 2);
		r.due = db_column_text(stmt, 3);
		r.open = db_column_int64(stmt, 4);
		status = fn(&r, arg);
	}
	if (status) {
		db_reset(stmt);
		return status;
	}
	return rc == DB_DONE ? BIZ_OK : rc;
}

int sales_open_total(struct db *db, int64_t *out)
{
	static const char sql[] =
		"SELECT coalesce((SELECT sum(total) FROM invoice), 0) - "
		"coalesce((SELECT sum(amount) FROM invoice_settlement), 0)";

	return db_int64(db, db_stmt(db, sql), out);
}

int sales_reservation_breaches(struct db *db, int64_t *out)
{
	/*
	 * The orders' reservations against the balances, both ways round,
	 * and each line's reserved against its reservations.
	 */
	static const char sql[] =
		"WITH r AS (SELECT l.sku, o.wh, s.lot, sum(s.qty) q "
		"FROM sales_reservation s JOIN sales_order_line l ON l.id = "
		"s.line_id JOIN sales_order o ON o.id = l.order_id "
		"GROUP BY l.sku, o.wh, s.lot) "
		"SELECT (SELECT count(*) FROM stock_balance b LEFT JOIN r "
		"ON r.sku = b.sku AND r.wh = b.wh AND r.lot = b.lot "
		"WHERE coalesce(r.q, 0) <> b.reserved) + "
		"(SELECT count(*) FROM r LEFT JOIN stock_balance b "
		"ON r.sku = b.sku AND r.wh = b.wh AND r.lot = b.lot "
		"WHERE b.sku IS NULL) + "
		"(SELECT count(*) FROM sales_order_line l WHERE l.reserved <> "
		"coalesce((SELECT sum(qty) FROM sales_reservation s "
		"WHERE s.line_id = l.id), 0))";
	int64_t orders, stock;
	int status;

	if ((status = db_int64(db, db_stmt(db, sql), &orders)) ||
	    (status = stock_reserved_breaches(db, &stock)))
		return status;
	*out = orders + stock;
	return BIZ_OK;
}

int sales_customer_figures(struct db *db, int64_t customer,
			   int64_t *revenue, char *last, int64_t *balance)
{
	static const char sql[] =
		"SELECT coalesce((SELECT sum(net) FROM invoice "
		"WHERE customer_id = ?1), 0) - coalesce((SELECT sum(r.net) "
		"FROM sales_return r JOIN sales_order o ON o.id = r.order_id "
		"WHERE o.customer_id = ?1), 0), (SELECT max(date) FROM "
		"sales_order WHERE customer_id = ?1 AND status <> "
		"'cancelled'), coalesce((SELECT sum(total) FROM invoice "
		"WHERE customer_id = ?1), 0) - coalesce((SELECT sum(s.amount) "
		"FROM invoice_settlement s JOIN invoice i ON i.id = "
		"s.invoice_id WHERE i.customer_id = ?1), 0)";
	struct db_stmt *stmt = db_stmt(db, sql);
	const char *date;
	int rc;

	db_bind_int64(stmt, 1, customer);
	rc = db_one(db, stmt);
	if (rc != DB_ROW)
		return rc == DB_DONE ? db_failure(db) : rc;
	*revenue = db_column_int64(stmt, 0);
	date = db_column_text(stmt, 1);
	snprintf(last, 32, "%s", date ? date : "");
	*balance = db_column_int64(stmt, 2);
	db_reset(stmt);
	return BIZ_OK;
}

/* The ids sql gives for customer (at most limit, 0: all). */
static int customer_ids(struct db *db, const char *sql, int64_t customer,
			int64_t limit, int64_t **ids, size_t *n)
{
	struct db_stmt *stmt = db_stmt(db, sql);
	int rc;

	*ids = NULL;
	*n = 0;
	db_bind_int64(stmt, 1, customer);
	db_bind_int64(stmt, 2, limit ? limit : -1);
	while ((rc = db_row(db, stmt)) == DB_ROW) {
		*ids = xrealloc(*ids, (*n + 1) * sizeof(**ids));
		(*ids)[(*n)++] = db_column_int64(stmt, 0);
	}
	return rc == DB_DONE ? BIZ_OK : rc;
}

int sales_customer_write(struct db *db, int64_t customer, int64_t limit,
			 struct json *w)
{
	static const char orders_sql[] =
		"SELECT id FROM sales_order WHERE customer_id = ?1 "
		"ORDER BY id DESC LIMIT ?2";
	static const char invoices_sql[] =
		"SELECT i.id FROM invoice i WHERE i.customer_id = ?1 AND "
		"i.total <> coalesce((SELECT sum(amount) FROM "
		"invoice_settlement WHERE invoice_id = i.id), 0) "
		"ORDER BY i.due, i.id LIMIT ?2";
	struct json doc = { 0 };
	int64_t *ids = NULL;
	size_t n = 0;
	int status;

	if ((status = customer_ids(db, orders_sql, customer, limit, &ids,
				   &n)))
		goto done;
	json_key(w, "orders");
	json_array(w);
	for (size_t i = 0; i < n && !status; i++)
		if (!(status = order_get(db, ids[i], NULL, &doc)))
			json_raw(w, doc.text.buf);
	json_end_array(w);
	free(ids);
	ids = NULL;
	if (status || (status = customer_ids(db, invoices_sql, customer, 0,
					     &ids, &n)))
		goto done;
	json_key(w, "open_invoices");
	json_array(w);
	for (size_t i = 0; i < n && !status; i++)
		if (!(status = sales_invoice_get(db, ids[i], NULL, &doc)))
			json_raw(w, doc.text.buf);
	json_end_array(w);
done:
	free(ids);
	json_release(&doc);
	return status;
}
