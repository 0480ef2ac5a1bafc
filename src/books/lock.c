/* lock.c - the lock date of the books. */
#include "lock.h"

#include <string.h>

#include "biz.h"
#include "banned.h"

int ledger_date_locked(struct db *db, const char *date)
{
	const char *lock = db_setting(db, "ledger.lock_date");

	if (!lock || strcmp(date, lock) > 0)
		return 0;
	biz_fail(BIZ_REFUSED, "the books are locked up to %s: no entry dated "
		 "%s", lock, date);
	return 1;
}
