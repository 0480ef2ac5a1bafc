/*
 * books.h - what the files of the books share, behind ledger.h: the
 * account lookup that posting and entries use, and posting itself.
 */
#ifndef BOOKS_H
#define BOOKS_H

#include "biz.h"
#include "ledger.h"

/*
 * The code of the account that text names, into code (LEDGER_CODE_MAX
 * bytes): text as a code, or with by_name also as a name.  An answer the
 * open transaction already had skips the query.  None is BIZ_DATAERR.
 */
int account_lookup(struct db *db, const char *text, int by_name,
		   char *code);

/*
 * ledger_post(), which also writes the entry's postings into postings
 * (the caller's), as its record and its event show them.
 */
struct json;
int post_entry(struct db *db, const struct entry_in *e, int64_t *entry_id,
	       struct json *postings);

#endif
