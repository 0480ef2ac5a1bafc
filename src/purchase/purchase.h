/*
 * purchase.h - procure to pay: suppliers, purchases (request, approval,
 * order, receipt, bill, payment, cancellation) and replenishment
 * suggestions (reorder points).
 *
 * Writes run inside the caller's transaction and append their events;
 * they return a BIZ_* status and the record as printed.  Receipts go
 * through stock.h (the one stock path, posting Inventory / GRNI as
 * inv-receive --po does); bills and payments post through ledger.h.
 */
#ifndef PURCHASE_H
#define PURCHASE_H

#include <stddef.h>
#include <stdint.h>
#include <jq.h>

#include "db.h"
#include "decimal.h"
#include "json.h"

/* ---- suppliers --------------------------------------------------------- */

/* A supplier's fields as text from options or a record; NULL: not given. */
struct supplier_in {
	const char *code, *name, *email;
	const char *lead_time, *lead_time_sd;	/* days, 3 places */
	const char *terms;			/* whole days */
};

/*
 * Adds a supplier; the same fields again is "unchanged", other fields
 * are refused (BIZ_REFUSED: use supplier_set).
 */
int supplier_add(struct db *db, const struct supplier_in *in, jv *out);

/* Changes the fields given of supplier in->code. */
int supplier_set(struct db *db, const struct supplier_in *in, jv *out);

/* The supplier record; unknown: BIZ_DATAERR. */
int supplier_get(struct db *db, const char *code, jv *out);

/* BIZ_OK when supplier code exists, else BIZ_DATAERR naming it. */
int supplier_check(struct db *db, const char *code);

/* Calls fn for each supplier by code. */
int supplier_each(struct db *db, int (*fn)(jv supplier, void *arg),
		  void *arg);

/* ---- purchases --------------------------------------------------------- */

/* One line asked for: SKU, quantity (thousandths), unit price or not. */
struct purchase_line_in {
	const char *sku;
	int64_t qty;
	int64_t price;		/* at stock_cost_scale() */
	int has_price;
};

struct purchase_in {
	const char *supplier;
	const char *wh;		/* NULL: MAIN */
	const char *ref;	/* NULL: none */
	const char *date;	/* NULL: today */
	struct purchase_line_in *lines;
	size_t count;
};

/*
 * Parses "SKU:QTY[:PRICE]" into *line: the colon after the SKU is
 * overwritten and line->sku points into text.  A quantity not above zero
 * or a bad number is BIZ_DATAERR.
 */
int purchase_parse_line(struct db *db, char *text,
			struct purchase_line_in *line);

/*
 * Creates a purchase request (status requested).  A line without a price
 * takes the last price paid to that supplier for the item, else 0.  A ref
 * already used for the same request is "unchanged"; for another, refused.
 */
int purchase_request(struct db *db, const struct purchase_in *in, jv *out);

/*
 * Reads one input record of a request batch (supplier, sku, qty or
 * suggested_qty, price, wh, ref; a suggestion of inv-reorder reads as
 * is; one with an open_purchase or without a supplier is skipped with
 * a note) and adds it to the batch; purchase_batch_finish() creates one
 * request per (ref, supplier, wh), in the order first seen.
 */
struct purchase_batch;
struct purchase_batch *purchase_batch_new(const char *wh, const char *ref);
int purchase_batch_add(struct db *db, struct purchase_batch *b, jv record);
int purchase_batch_finish(struct db *db, struct purchase_batch *b,
			  int (*fn)(jv purchase, void *arg), void *arg);
void purchase_batch_free(struct purchase_batch *b);

/* approve: refused to the requester above purchase.approval_limit. */
int purchase_approve(struct db *db, int64_t id, jv *out);
int purchase_order(struct db *db, int64_t id, jv *out);

/* What a receipt of a purchase takes in. */
struct purchase_receipt_in {
	const struct purchase_line_in *lines;	/* NULL, 0: all that remains */
	size_t count;
	const char *lot, *expiry;	/* the goods' lot (its expiry) */
	const char *const *serials;	/* one a unit */
	size_t serial_count;
	int hold;			/* into quarantine */
	const char *ref;		/* may be NULL */
	const char *date;		/* NULL: today */
	const char *wh;			/* NULL, else must be the purchase's */
};

/*
 * Receives in->lines of purchase id through the stock receipt path; more
 * than remains is BIZ_REFUSED.  A lot or serials describe the goods of
 * one SKU: a receipt of several with them is BIZ_DATAERR; serials are
 * taken in order over the purchase's lines of that SKU.  A ref makes a
 * rerun a no-op.
 */
int purchase_receive(struct db *db, int64_t id,
		     const struct purchase_receipt_in *in, jv *out);

/*
 * Bills the received value not billed yet: GRNI / Accounts Payable, the
 * difference of amount from it to Purchase Price Variance.  The bill is
 * due after the supplier's terms (else sales.terms_days).
 */
int purchase_bill(struct db *db, int64_t id, int64_t amount,
		  const char *ref, const char *date, jv *out);

/* Pays amount of the purchase's open bills, oldest first (AP / Cash). */
int purchase_pay(struct db *db, int64_t id, int64_t amount,
		 const char *ref, const char *date, jv *out);

/* Cancels what is not received. */
int purchase_cancel(struct db *db, int64_t id, jv *out);

/* The purchase record; unknown: BIZ_DATAERR. */
int purchase_get(struct db *db, int64_t id, jv *out);

struct purchase_filter {
	const char *status;	/* one of the statuses, or NULL */
	const char *supplier;
};

/* Calls fn for each purchase passing filter, by id. */
/* The statuses of a purchase, ending with NULL. */
extern const char *const purchase_statuses[];

int purchase_each(struct db *db, const struct purchase_filter *filter,
		  int (*fn)(jv purchase, void *arg), void *arg);

/* Quantity on order of sku in wh (ordered, not received or cancelled). */
int purchase_on_order(struct db *db, const char *sku, const char *wh,
		      int64_t *out);

/* ---- payables ---------------------------------------------------------- */

/*
 * Hands each bill open at as_of (dated on or before it, less payments
 * dated on or before it) to fn: party (supplier), name, doc (bill id),
 * date, due, open amount.
 */
struct aging_doc;
int purchase_open_bills(struct db *db, const char *as_of,
			int (*fn)(const struct aging_doc *doc, void *arg),
			void *arg);

/*
 * Sum of bills open now; received value not billed yet (less what failed
 * quality control and went back).
 */
int purchase_open_bills_total(struct db *db, dec_wide *out);
int purchase_unbilled_total(struct db *db, dec_wide *out);

/* What bills and bill payments posted to account (debits - credits). */
int purchase_payables_posted(struct db *db, const char *account,
			     dec_wide *out);

/* ---- replenishment ----------------------------------------------------- */

struct reorder_options {
	const char *wh;		/* NULL: every warehouse */
	int window;		/* days before today, default 90 */
	int64_t service_level;	/* ten-thousandths; for items without */
	int create;		/* turn suggestions into requests */
	int all;		/* print every item, not only those due */
};

/*
 * Computes a suggestion record per item and warehouse due for reorder
 * (every one with all) and hands each to sink; with create, groups them
 * by supplier into purchase requests first (never a second while one is
 * open for the item and warehouse) and sets their "purchase" field.
 */
int reorder_run(struct db *db, const struct reorder_options *opt,
		struct sink *sink);

/* The standard normal quantile: z with P(Z <= z) = p, 0 < p < 1. */
double normal_quantile(double p);

#endif
