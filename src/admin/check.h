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
 * Checks the file itself: SQLite's quick_check, or with deep its
 * integrity_check (every index against its table; slower).  Calls fn with
 * {check: "storage", ok, mode, problems: [SQLite's first 20 lines]};
 * *failed is 1 when the file is damaged.
 */
int check_storage(struct db *db, int deep,
		  int (*fn)(jv result, void *arg), void *arg, int *failed);

/*
 * Calls fn with one record per check: {check, ok, ...the figures
 * compared}; *failed is set to the number of checks that do not hold.
 */
int check_each(struct db *db, int (*fn)(jv result, void *arg), void *arg,
	       int *failed);

#endif
