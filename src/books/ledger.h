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

#include <jq.h>

#include "db.h"
#include "decimal.h"

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

/*
 * The debit and credit account codes of posting rule kind (buffers of
 * LEDGER_CODE_MAX); no such rule is BIZ_INTERNAL.
 */
int ledger_rule_accounts(struct db *db, const char *kind, char *debit,
			 char *credit);

/* The balance (debits - credits) of account code, over all dates. */
int ledger_account_balance(struct db *db, const char *code, dec_wide *out);

/* The number of entries whose postings do not sum to zero. */
int ledger_unbalanced_count(struct db *db, int64_t *out);

/* ---- accounts ---------------------------------------------------------- */

/*
 * Adds account fields["code"] with name, type and optional parent (the
 * type may be left out with a parent: the parent's is taken).  Adding an
 * account that exists with the same fields is "unchanged"; with others
 * it is refused.  fields is consumed; the account record goes to out.
 */
struct sink;
int ledger_account_add(struct db *db, jv fields, struct sink *out);

/*
 * Puts each account (of type, or all with NULL) to out, by code, as
 * records: code name type parent balance (json.h's rule).
 */
/* The five account types, ending with NULL. */
extern const char *const ledger_account_types[];

int ledger_account_each(struct db *db, const char *type, struct sink *out);

/*
 * The code of the account named by text: its code, or else its name
 * (case-insensitive).  code must hold LEDGER_CODE_MAX bytes.  No such
 * account is BIZ_DATAERR.
 */
#define LEDGER_CODE_MAX 64
int ledger_account_resolve(struct db *db, const char *text, char *code);

/*
 * Control accounts (account.control: 1100, 1300, 2000 and 2100 by default) take
 * postings only from documents: BIZ_REFUSED, naming what to use instead,
 * for a manual entry (source NULL or "manual") that posts to one.
 */
int ledger_control_check(struct db *db, const struct entry_in *e);

/*
 * Makes account code a control account or not (logs
 * ledger.account_changed);
 * *out is {code, name, control, op}.  No such account is BIZ_DATAERR.
 */
int ledger_account_set_control(struct db *db, const char *code,
			       int control, jv *out);

/* ---- entries ----------------------------------------------------------- */

/*
 * Puts entry id to out as a record: id date memo ref postings[] source
 * reverses.  No such entry is BIZ_DATAERR.
 */
struct sink;
int ledger_entry_get(struct db *db, int64_t id, struct sink *out);

/*
 * Posts the entry record (consumed): date (default: today), memo, ref,
 * postings [{account, amount}] with accounts by code or name and at most
 * one amount left out (null or missing), which takes the balancing
 * amount.  Amounts are exact decimals at the money scale.  The entry
 * goes to out with "op" "created".  A manual ref that is already posted
 * posts nothing: that entry goes to out with "op" "unchanged", and
 * *unchanged is its id (else 0).  Malformed input is BIZ_DATAERR, an
 * unbalanced entry BIZ_REFUSED.
 */
int ledger_post_record(struct db *db, jv record, struct sink *out,
		       int64_t *unchanged);

/*
 * Posts the mirror of entry id (every amount negated) dated date (NULL:
 * today) with memo (NULL: "Reversal of entry N: MEMO") and ref, and puts
 * it to out.  An entry is reversed once: a second reversal is refused.
 * ref already posted: that entry goes to out, "op" "unchanged", and
 * *unchanged is its id.
 */
int ledger_reverse(struct db *db, int64_t id, const char *date,
		   const char *memo, const char *ref, struct sink *out,
		   int64_t *unchanged);

/*
 * The number of (account, day) totals in account_day that differ from
 * the postings they sum: 0 unless the database was changed behind
 * ledger_post()'s back.
 */
int ledger_totals_mismatch_count(struct db *db, int64_t *out);

#endif
