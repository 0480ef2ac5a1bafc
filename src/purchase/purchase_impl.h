/*
 * purchase_impl.h - what the files of src/purchase share: a purchase
 * loaded with its lines, and writing its status and events.
 */
#ifndef PURCHASE_IMPL_H
#define PURCHASE_IMPL_H

#include "purchase.h"

#define CODE_MAX 128

struct pline {
	int64_t line;
	char sku[CODE_MAX];
	int64_t qty, price, received, received_value, billed, billed_value,
		cancelled;
};

struct purchase {
	int64_t id;
	char supplier[CODE_MAX], wh[CODE_MAX], status[16];
	char requested_by[CODE_MAX];
	struct pline *lines;
	size_t count;
};

/* Loads purchase id (BIZ_DATAERR when there is none). */
int purchase_load(struct db *db, int64_t id, struct purchase *p);
void purchase_unload(struct purchase *p);

/* Sets the purchase's status and logs event kind with data (consumed). */
int purchase_set_status(struct db *db, struct purchase *p,
			const char *status, const char *kind, jv data);

/* The record of purchase id with "op" set (NULL: none). */
int purchase_result(struct db *db, int64_t id, const char *op, jv *out);

/* Value of qty at unit price (cost scale), at the money scale. */
int64_t purchase_line_value(struct db *db, int64_t qty, int64_t price);

/* "1.5" for a quantity, in buf. */
const char *purchase_qty_text(int64_t qty, char *buf);

#endif
