/*
 * sales_internal.h - what order.c, invoice.c and receivable.c share: an
 * order's head and lines as read from the database, the money rules and
 * the customer look-up.
 */
#ifndef SALES_INTERNAL_H
#define SALES_INTERNAL_H

#include "sales.h"

#include "biz.h"
#include "decimal.h"
#include "timeutil.h"

struct order_head {
	int64_t id, customer, tax_rate;
	char status[24];
	char wh[128];
	char date[TS_BUFSZ];
	int confirmed;
};

struct order_line {
	int64_t id, qty, price, reserved, shipped, invoiced, returned,
		credited;
	char sku[128];
};

/* The order's head; no such order is BIZ_DATAERR. */
int sales_order_head(struct db *db, int64_t id, struct order_head *head);

/* The order's lines (a new array, *count of them), by line id. */
int sales_order_lines(struct db *db, int64_t id, struct order_line **lines,
		      size_t *count);

/* Gives back every reservation of line (of an order in wh). */
int sales_line_release(struct db *db, const char *wh,
		       const struct order_line *line);

/* Recomputes and stores the order's status from its lines. */
int sales_order_update_status(struct db *db, int64_t id);

/* a * b / d rounded half up, for a, b >= 0, d > 0. */
int64_t sales_half_up(int64_t a, int64_t b, int64_t d);

/* The net of qty at price, and the tax on net at rate: half up. */
int64_t sales_net(int64_t qty, int64_t price);
int64_t sales_tax(int64_t net, int64_t rate);

/*
 * Checks the customer exists (BIZ_DATAERR "no such customer N" if not)
 * and sets *terms to its payment terms in days, or -1 when it has none.
 */
int sales_customer(struct db *db, int64_t id, int64_t *terms);

/*
 * Posts a sale (sign 1, by rule invoice: Dr receivable total, Cr income
 * net and the sales.tax_account tax) or a credit (sign -1, by rule
 * sales_return: Dr returns net and tax, Cr receivable total).
 */
int sales_post(struct db *db, int sign, const char *date,
	       const char *memo, const char *ref, int64_t net, int64_t tax,
	       int64_t *entry_id);

/* The invoice record (op NULL: none); no such invoice: BIZ_DATAERR. */
int sales_invoice_get(struct db *db, int64_t id, const char *op,
		      struct json *out);

/* Whether a business date is valid: NULL is today. */
int sales_date(const struct db *db, const char *date, char out[TS_BUFSZ]);

#endif
