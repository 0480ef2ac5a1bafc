/* receivable.c - open invoices at a date, and the checks on them. */
#include "sales_internal.h"

#include <stdlib.h>
#include <string.h>

#include "array.h"
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

int sales_open_total(struct db *db, dec_wide *out)
{
	/* Row by row in 128 bits: SQL's sum() fails past int64. */
	static const char sql[] =
		"SELECT total FROM invoice "
		"UNION ALL SELECT -amount FROM invoice_settlement";

	return db_sum_wide(db, db_stmt(db, sql), out);
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

/*
 * sales_customer_figures()'s subqueries as grouped passes, each by
 * customer id (the first two through their customer_id indexes): a
 * stream's kind says which figure its second column adds to.
 */
enum { FIG_INVOICED, FIG_LAST, FIG_RETURNED, FIG_SETTLED, FIG_STREAMS };

static const char *const figures_sql[FIG_STREAMS] = {
	"SELECT customer_id, sum(net), sum(total) FROM invoice "
	"WHERE customer_id IS NOT NULL GROUP BY customer_id "
	"ORDER BY customer_id",
	"SELECT customer_id, max(date) FROM sales_order WHERE status <> "
	"'cancelled' AND customer_id IS NOT NULL GROUP BY customer_id "
	"ORDER BY customer_id",
	"SELECT o.customer_id, sum(r.net) FROM sales_return r JOIN "
	"sales_order o ON o.id = r.order_id WHERE o.customer_id IS NOT NULL "
	"GROUP BY o.customer_id ORDER BY o.customer_id",
	"SELECT i.customer_id, sum(s.amount) FROM invoice_settlement s JOIN "
	"invoice i ON i.id = s.invoice_id WHERE i.customer_id IS NOT NULL "
	"GROUP BY i.customer_id ORDER BY i.customer_id"
};

/*
 * Adds stream kind's row (on customer f->customer) to f: -1 if a figure
 * would pass int64.
 */
static int figures_add(struct sales_figures *f, int kind,
		       struct db_stmt *stmt)
{
	const char *date;

	switch (kind) {
	case FIG_INVOICED:
		return dec_add(&f->revenue, db_column_int64(stmt, 1)) ||
		       dec_add(&f->balance, db_column_int64(stmt, 2)) ? -1 : 0;
	case FIG_LAST:
		date = db_column_text(stmt, 1);
		snprintf(f->last, sizeof(f->last), "%s", date ? date : "");
		break;
	case FIG_RETURNED:
		return dec_sub(&f->revenue, db_column_int64(stmt, 1));
	default:
		return dec_sub(&f->balance, db_column_int64(stmt, 1));
	}
	return 0;
}

int sales_customer_figures_all(struct db *db, struct sales_figures **rows,
			       size_t *n)
{
	struct db_stmt *stmt[FIG_STREAMS];
	int rc[FIG_STREAMS], status = BIZ_OK;
	size_t cap = 0;

	*rows = NULL;
	*n = 0;
	for (int k = 0; k < FIG_STREAMS; k++) {
		stmt[k] = db_stmt(db, figures_sql[k]);
		rc[k] = db_row(db, stmt[k]);
	}
	/* Merged by customer: the lowest id among the streams next. */
	for (;;) {
		struct sales_figures *f;
		int64_t next = 0;
		int any = 0;

		for (int k = 0; k < FIG_STREAMS; k++) {
			if (rc[k] != DB_ROW)
				continue;
			if (!any || db_column_int64(stmt[k], 0) < next)
				next = db_column_int64(stmt[k], 0);
			any = 1;
		}
		if (!any || status)
			break;
		ARRAY_GROW(*rows, *n + 1, cap);
		f = &(*rows)[(*n)++];
		memset(f, 0, sizeof(*f));
		f->customer = next;
		for (int k = 0; k < FIG_STREAMS; k++)
			if (rc[k] == DB_ROW &&
			    db_column_int64(stmt[k], 0) == next) {
				if (!status && figures_add(f, k, stmt[k]))
					status = dec_sum_fail("figures of "
						"customer %lld",
						(long long)f->customer);
				rc[k] = db_row(db, stmt[k]);
			}
	}
	for (int k = 0; k < FIG_STREAMS; k++) {
		if (rc[k] != DB_DONE && rc[k] != DB_ROW && !status)
			status = rc[k];
		db_reset(stmt[k]);
	}
	if (status) {
		free(*rows);
		*rows = NULL;
		*n = 0;
	}
	return status;
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
