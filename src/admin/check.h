/*
 * check.h - the invariants biz-check verifies: each stock balance equals
 * the sum of its moves, the cost layers sum to the stock value, no stock
 * is negative, every journal entry balances, and the Inventory account
 * equals the total stock value.
 */
#ifndef CHECK_H
#define CHECK_H

#include <jq.h>

#include "db.h"

/* The Inventory account of the default chart. */
#define CHECK_INVENTORY_ACCOUNT "1300"

/*
 * Puts one record per check to out (json.h's rule): {check, ok, ...the
 * figures compared}; *failed is set to the number of checks that do not
 * hold.
 */
struct sink;
int check_each(struct db *db, struct sink *out, int *failed);

#endif
