/*
 * sales.h - order to cash: sales orders (order.c), their shipments,
 * invoices, payments and returns (invoice.c), and the receivables the
 * aging report reads (receivable.c).
 *
 * An order is created as a draft; confirm reserves its stock (per lot,
 * first expiry first, in stock_balance.reserved, which inv-issue without
 * --order cannot take); ship issues what is reserved through stock_issue()
 * (the one stock path: FIFO or AVCO cost, Cost of Goods Sold /
 * Inventory); invoice bills what is shipped and not yet billed (Accounts
 * Receivable / Sales and Sales Tax Payable); pay settles invoices oldest
 * first (Cash / Accounts Receivable); return takes goods back at the cost
 * they left with (Inventory / Cost of Goods Sold) and credits what of
 * them was billed (Sales Returns and Sales Tax Payable / Accounts
 * Receivable).
 *
 * Money is exact: a line's net is quantity x price rounded half up to
 * the minor unit, its tax the net x rate / 100 rounded half up, per line
 * of each invoice or credit.
 *
 * Every write runs in the caller's transaction and writes the order's
 * (or invoice's) record, with "op", into *out; nothing here begins or
 * ends a transaction, prints or exits.
 */
#ifndef SALES_H
#define SALES_H

#include <stddef.h>
#include <stdint.h>

#include "db.h"
#include "decimal.h"
#include "json.h"

/* Places of a tax rate in percent: 8.25 is 82500. */
#define SALES_TAX_SCALE 4

/* One line of an order, a shipment or a return. */
struct sales_line {
	const char *sku;
	int64_t qty;		/* thousandths */
	int64_t price;		/* minor units; orders only */
};

struct sales_order_in {
	int64_t customer;
	const char *wh;		/* NULL: MAIN */
	int64_t tax_rate;	/* at SALES_TAX_SCALE */
	const char *ref;	/* may be NULL */
	const char *date;	/* YYYY-MM-DD; NULL: today */
	const struct sales_line *lines;
	size_t count;
};

/*
 * Parses "SKU:QTY[:PRICE]" (the SKU may hold colons: the last fields are
 * the numbers) into line; with_price says whether PRICE is there.  The
 * SKU points into text.  Bad text is BIZ_DATAERR, naming text.
 */
int sales_line_parse(struct db *db, const char *text, int with_price,
		     struct sales_line *line);

/* Parses a tax percentage such as "8.25" (BIZ_DATAERR if not one). */
int sales_tax_parse(const char *text, int64_t *rate);

/*
 * Creates the order in, a draft; its ref already used by the same
 * request is "unchanged", by another refused.  An unknown customer, SKU
 * or warehouse is BIZ_DATAERR.
 */
int order_create(struct db *db, const struct sales_order_in *in,
		 struct json *out);

/*
 * Creates orders from input records (sku qty price, and customer wh tax
 * ref date): records with the same ref, one after the other, are the
 * lines of one order (no ref: an order of one line).  Feed it each
 * record with order_batch_add() (record consumed) and end with
 * order_batch_end(); each order's record goes to sink when it is
 * complete.
 */
struct order_batch;
struct order_batch *order_batch_new(struct sink *sink);
int order_batch_add(struct db *db, struct order_batch *batch, jv record);
int order_batch_end(struct db *db, struct order_batch *batch);
void order_batch_free(struct order_batch *batch);

/*
 * Reserves what the order still needs.  Short of stock: refused and
 * nothing reserved, unless partial, which reserves what there is and
 * leaves the rest backordered.  A cancelled order is refused.
 */
int order_confirm(struct db *db, int64_t id, int partial, struct json *out);

/* Releases the order's reservations; refused once anything shipped. */
int order_cancel(struct db *db, int64_t id, struct json *out);

struct sales_ship_in {
	int64_t id;
	const struct sales_line *lines;	/* none: all that is reserved */
	size_t count;
	const char *const *serials;	/* for serial-tracked lines */
	size_t serial_count;
	const char *date;		/* NULL: today */
	const char *wh;			/* NULL, or must be the order's */
	struct sink *moves;		/* each move record, or NULL */
};

/*
 * Issues reserved stock of the order (all of it, or lines' quantities),
 * releasing the reservation it takes.  More than is reserved: refused.
 */
int order_ship(struct db *db, const struct sales_ship_in *in,
	       struct json *out);

/*
 * Bills what is shipped and not yet billed; *out is the invoice record.
 * Nothing to bill: refused.  The due date is date + the customer's
 * terms (else the setting sales.terms_days, else 30 days).
 */
int order_invoice(struct db *db, int64_t id, const char *date,
		  struct json *out);

/*
 * Receives amount against the order's open invoices, oldest first; more
 * than is owed is refused.  A ref already used for the same payment is
 * "unchanged", for another refused.
 */
int order_pay(struct db *db, int64_t id, int64_t amount, const char *date,
	      const char *ref, struct json *out);

/*
 * Takes lines back from what was shipped; more than shipped: refused.
 * Serial-tracked lines bring back the serials named (each must have
 * shipped on the order and be out), or without any, the first shipped
 * that are still out.
 */
int order_return(struct db *db, int64_t id, const struct sales_line *lines,
		 size_t count, const char *const *serials,
		 size_t serial_count, const char *ref, const char *date,
		 struct json *out);

/*
 * Sets *id to the sales order text names (a whole number), or 0 when it
 * names none: inv-issue --order ships from a sales order's reservation.
 */
int sales_order_find(struct db *db, const char *text, int64_t *id);

/* The order record (op NULL: none). */
int order_get(struct db *db, int64_t id, const char *op, struct json *out);

struct order_filter {
	const char *status;	/* NULL: any; else one of the statuses */
	int64_t customer;	/* 0: any */
	int64_t limit;		/* 0: no limit */
};

/* Hands each order passing filter to sink, by id. */
/* The statuses of a sales order, ending with NULL. */
extern const char *const sales_order_statuses[];

int order_each(struct db *db, const struct order_filter *filter,
	       struct sink *sink);

/* ---- receivables ------------------------------------------------------ */

/*
 * Calls fn for each invoice open at as_of (billed on or before it, its
 * settlements up to it not covering it), by customer and due date:
 * customer id, invoice id, date, due and open amount.
 */
struct receivable {
	int64_t customer, invoice;
	const char *date, *due;
	int64_t open;
};
int sales_receivables(struct db *db, const char *as_of,
		      int (*fn)(const struct receivable *r, void *arg),
		      void *arg);

/*
 * Sums the open amounts of every invoice (now), for biz-check: it must
 * equal the Accounts Receivable balance.
 */
int sales_open_total(struct db *db, dec_wide *out);

/*
 * Counts reservation breaches for biz-check: per item, warehouse and
 * lot, stock_balance.reserved that differs from the orders' reservations
 * or exceeds what is on hand outside quarantine.
 */
int sales_reservation_breaches(struct db *db, int64_t *out);

/*
 * A customer's sales figures for its record: revenue (net invoiced less
 * net credited back), the date of its last order not cancelled (last:
 * "" when none; 32 bytes) and balance (what its invoices still have
 * open).
 */
int sales_customer_figures(struct db *db, int64_t customer,
			   int64_t *revenue, char *last, int64_t *balance);

/* One customer's figures, as sales_customer_figures() gives them. */
struct sales_figures {
	int64_t customer, revenue, balance;
	char last[32];		/* "" when none */
};

/*
 * Every customer's figures with a sale, return, order or settlement, by
 * customer id, in one grouped pass (customers not listed have 0, "" and
 * 0): the same figures sales_customer_figures() gives one at a time.
 * *rows is the caller's to free.
 */
int sales_customer_figures_all(struct db *db, struct sales_figures **rows,
			       size_t *n);

/*
 * Writes the members "orders" (the customer's latest, newest first, at
 * most limit) and "open_invoices" (oldest due first) of the open object
 * in w, each an array of records as crm-order show prints them: the
 * customer's 360-degree view.
 */
int sales_customer_write(struct db *db, int64_t customer, int64_t limit,
			 struct json *w);

/*
 * Writes the member "shipments" into w: the customer's latest shipped
 * lines (newest first, at most limit; 0: all) as order date sku wh lot
 * qty returned move.
 */
int sales_customer_write_shipments(struct db *db, int64_t customer,
				   int64_t limit, struct json *w);

/* A customer's purchases: what crm-segment --rfm scores. */
struct sales_window {
	int64_t customer;
	const char *last;	/* the date of its last invoice */
	int64_t invoices;	/* invoices dated on or after since */
	int64_t revenue;	/* their net less returns credited since */
};

/*
 * Calls fn for each customer with an invoice, by customer id, with its
 * figures from the date since (YYYY-MM-DD) on; stops at fn's first
 * non-zero status.
 */
int sales_customer_windows(struct db *db, const char *since,
			   int (*fn)(const struct sales_window *w, void *arg),
			   void *arg);

/* The customer's display name (NULL when unknown), a new string. */
char *sales_customer_name(struct db *db, int64_t customer);

#endif
