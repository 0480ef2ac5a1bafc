/*
 * reserve.h - stock held for sales orders.
 *
 * A reservation is stock_balance.reserved of one item, warehouse and
 * lot: it is no longer available (on hand - reserved - quarantine) to
 * any issue or transfer, which read available that way.  The sales
 * orders keep which order holds what (src/sales); these functions only
 * move the balance's reserved part, in the caller's transaction.  And
 * the serials a sales return brings back into stock.
 */
#ifndef STOCK_RESERVE_H
#define STOCK_RESERVE_H

#include <stddef.h>
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

/*
 * Serials a customer gave back: each of sku's serials (out of stock now)
 * is in stock again in wh, by move move_id (the return's move, written
 * through stock_apply_move()).  One that is in stock is BIZ_DATAERR.
 */
int stock_serials_back(struct db *db, const char *sku, const char *wh,
		       const char *const *serials, size_t n,
		       int64_t move_id);

#endif
