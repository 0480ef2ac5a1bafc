/*
 * reserve.h - stock held for sales orders.
 *
 * A reservation is stock_balance.reserved of one item, warehouse and
 * lot: it is no longer available (on hand - reserved - quarantine) to
 * any issue or transfer, which read available that way.  The sales
 * orders keep which order holds what (src/sales); these functions only
 * move the balance's reserved part, in the caller's transaction.
 */
#ifndef STOCK_RESERVE_H
#define STOCK_RESERVE_H

#include <stdint.h>

#include "db.h"
#include "item.h"

/*
 * Reserves up to qty of item in wh from what is available, lots by
 * first expiry, then first received (one lot '' when untracked).  Calls
 * fn(lot, qty, arg) for each part reserved; *got is the sum (less than
 * qty when short).  Stops at fn's first non-zero status.
 */
int stock_reserve(struct db *db, const struct item_info *item,
		  const char *wh, int64_t qty,
		  int (*fn)(const char *lot, int64_t qty, void *arg),
		  void *arg, int64_t *got);

/*
 * Gives back qty reserved of sku in wh and lot ('' when untracked).
 * More than is reserved there is BIZ_INTERNAL: the orders and the
 * balance disagree.
 */
int stock_unreserve(struct db *db, const char *sku, const char *wh,
		    const char *lot, int64_t qty);

/*
 * The number of balances whose reserved part is negative or more than
 * is on hand outside quarantine (for biz-check).
 */
int stock_reserved_breaches(struct db *db, int64_t *out);

#endif
