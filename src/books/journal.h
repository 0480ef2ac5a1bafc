/*
 * journal.h - the ledger's reports: balances (trial, balance sheet,
 * profit and loss, by month), an account's register, and the journal in
 * the plain-text formats of hledger, ledger-cli and beancount.
 *
 * Balances are read from the per-account daily totals that ledger_post()
 * keeps, so their cost grows with accounts and days, not with postings.
 * Dates are "YYYY-MM-DD" bounds, both inclusive; NULL is open.
 */
#ifndef JOURNAL_H
#define JOURNAL_H

#include <stddef.h>
#include <jq.h>

#include "db.h"

enum balance_type { BALANCE_TRIAL, BALANCE_SHEET, BALANCE_PL };

struct balance_query {
	enum balance_type type;
	const char *from;	/* trial, pl: first day; bs: first month */
	const char *to;		/* last day (--as-of, --to) */
	int monthly;		/* one column per month */
};

/*
 * Puts each balance record of the report to out (json.h's rule), then
 * its totals.
 * Account records are account name type debit credit balance (debit and
 * credit the sums of the postings on each side, balance debit - credit);
 * bs and pl add amount, the balance with the account's natural sign
 * (credit-normal liabilities, equity and income positive when in
 * credit).  With monthly, a "YYYY-MM" field per month comes before debit:
 * the month's debit - credit (bs: the balance at the month's end).
 */
struct sink;
int journal_balance(struct db *db, const struct balance_query *q,
		    struct sink *out);

/*
 * Puts each posting to account (code or name) between from and to to
 * out, by date, as entry date memo ref account amount balance, balance
 * running from the account's balance before from.
 */
int journal_register(struct db *db, const char *account, const char *from,
		     const char *to, struct sink *out);

enum journal_format { JOURNAL_HLEDGER, JOURNAL_LEDGER, JOURNAL_BEANCOUNT };

/* The format named name ("hledger", "ledger", "beancount"), -1 if none. */
int journal_format_from_name(const char *name);

/*
 * Writes the entries between from and to as a journal of format, passing
 * the text to write in pieces; stops at write's first non-zero status.
 */
int journal_export(struct db *db, enum journal_format format,
		   const char *from, const char *to,
		   int (*write)(const char *text, size_t len, void *arg),
		   void *arg);

#endif
