/*
 * aging.h - open documents (bills, invoices) by days past due: the
 * buckets of ledger-aging, for payables and receivables alike.  The
 * caller hands the open documents in; this groups them per party.
 */
#ifndef AGING_H
#define AGING_H

#include <stddef.h>
#include <stdint.h>

#include "json.h"

/* One open document: whose, which, when due and how much is open. */
struct aging_doc {
	const char *party;	/* supplier or customer code */
	const char *name;	/* the party's name */
	int64_t doc;		/* bill or invoice id */
	const char *date;	/* YYYY-MM-DD */
	const char *due;	/* YYYY-MM-DD */
	int64_t open;		/* amount still open, minor units */
};

enum aging_bucket {
	AGING_NOT_DUE, AGING_1_30, AGING_31_60, AGING_61_90, AGING_90_PLUS,
	AGING_BUCKETS
};

/* The bucket of a document due on due, at as_of (both YYYY-MM-DD). */
int aging_bucket_of(const char *due, const char *as_of,
		    enum aging_bucket *out, int64_t *days_past_due);

struct aging;

/*
 * A report at as_of in money scale; with detail, one record per document
 * instead of per party.  Records go to sink: party name not_due d1_30
 * d31_60 d61_90 d90_plus total (detail adds doc date due days_past_due).
 */
struct aging *aging_new(const char *as_of, int scale, int detail,
			struct sink *sink);

/* Adds one open document (copied); in detail mode, prints it. */
int aging_add(struct aging *a, const struct aging_doc *doc);

/*
 * Prints the per-party records (by party) and, with totals, one more
 * record with party null and name TOTAL; frees a.  Returns a status.
 */
int aging_finish(struct aging *a, int totals);

/* Frees a without printing. */
void aging_free(struct aging *a);

#endif
