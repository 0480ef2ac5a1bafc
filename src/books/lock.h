/*
 * lock.h - the lock date of the books: biz-config's ledger.lock_date.
 * No entry, by hand or automatic, is posted on or before it.
 */
#ifndef LOCK_H
#define LOCK_H

#include "db.h"

/*
 * Whether date (YYYY-MM-DD) is on or before the lock date; when it is,
 * the message is set for BIZ_REFUSED.
 */
int ledger_date_locked(struct db *db, const char *date);

#endif
