/*
 * ledger.h - the double-entry books.
 *
 * An entry is a date, a memo, a source ("manual", or the document kind
 * that posted it automatically), an optional ref and postings that sum
 * to exactly zero (amount + debit, - credit, in minor units).  Entries
 * are never changed; a correction is a reversing entry.  Functions here
 * run inside the caller's transaction.
 */
#ifndef LEDGER_H
#define LEDGER_H

#include <stddef.h>
#include <stdint.h>

#include "db.h"

struct posting_in {
	const char *account;	/* code */
	int64_t amount;
};

struct entry_in {
	const char *date;	/* YYYY-MM-DD */
	const char *memo;
	const char *source;	/* NULL: "manual" */
	const char *ref;	/* may be NULL */
	int64_t reverses;	/* entry id, or 0 */
	const struct posting_in *postings;
	size_t count;
};

/*
 * Posts e and sets *entry_id.  Refuses (BIZ_REFUSED) an entry that does
 * not sum to zero or has fewer than two postings; an unknown account is
 * BIZ_DATAERR.  Logs a ledger.posted event.
 */
int ledger_post(struct db *db, const struct entry_in *e, int64_t *entry_id);

/*
 * Posts amount by the posting rule for kind (posting_rule: debit and
 * credit accounts): Dr debit, Cr credit; a negative amount posts the
 * other way round and zero posts nothing (*entry_id 0).  source and ref
 * name the document, date is its business date.
 */
int ledger_post_auto(struct db *db, const char *kind, const char *date,
		     const char *memo, const char *source, const char *ref,
		     int64_t amount, int64_t *entry_id);

/* The balance (debits - credits) of account code, over all dates. */
int ledger_account_balance(struct db *db, const char *code, int64_t *out);

/* The number of entries whose postings do not sum to zero. */
int ledger_unbalanced_count(struct db *db, int64_t *out);

#endif
