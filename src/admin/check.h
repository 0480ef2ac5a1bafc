/*
 * check.h - the invariants biz-check verifies: each stock balance equals
 * the sum of its moves, the cost layers sum to the stock value, no stock
 * is negative, every journal entry balances, and the Inventory account
 * equals the total stock value; then the procure-to-pay and the
 * order-to-cash checks.
 */
#ifndef CHECK_H
#define CHECK_H

#include <jq.h>

#include "db.h"
#include "decimal.h"

/* The Inventory account of the default chart. */
#define CHECK_INVENTORY_ACCOUNT "1300"
/* Goods Received Not Invoiced and Accounts Payable. */
#define CHECK_GRNI_ACCOUNT "2100"
#define CHECK_AP_ACCOUNT "2000"
/* Accounts Receivable: the open invoices sum to it. */
#define CHECK_RECEIVABLE_ACCOUNT "1100"

/*
 * The record of one check, for check.c and the checks of each domain:
 * check_start() opens {"check": name, "ok": ok, ...} in w (reset first);
 * the figures compared follow; check_put() closes it, puts it to out
 * (a stop is BIZ_OK) and counts it in *failed when it does not hold.
 */
struct json;
struct sink;
void check_start(struct json *w, const char *name, int ok);

/*
 * A money figure of a check: as json_key_dec() writes it, or past int64
 * (a total of the whole database) its exact decimal text.
 */
void check_key_money(struct json *w, const char *key, dec_wide value,
		     int scale);
int check_put(struct sink *out, struct json *w, int ok, int *failed);

/*
 * The procure-to-pay checks (check_purchase.c), one record each to out:
 * GRNI equals the value received on purchases and not billed; the open
 * bills equal what bills and their payments left on Accounts Payable.
 * Adds to *failed the number that do not hold.
 */
struct sink;
int check_purchases(struct db *db, struct sink *out, int *failed);

/*
 * The order-to-cash checks (check_sales.c), one record each to out:
 * reserved stock is within what is on hand (per item and warehouse) and
 * is what the sales orders hold; the open invoices sum to Accounts
 * Receivable.  Adds to *failed the number that do not hold.
 */
int check_sales(struct db *db, struct sink *out, int *failed);

/*
 * Checks the file itself: SQLite's quick_check, or with deep its
 * integrity_check (every index against its table; slower).  Puts
 * {check: "storage", ok, mode, problems: [SQLite's first 20 lines]} to
 * out; *failed is 1 when the file is damaged.
 */
struct sink;
int check_storage(struct db *db, int deep, struct sink *out, int *failed);

/*
 * Puts one record per check to out (json.h's rule): {check, ok, ...the
 * figures compared}; *failed is set to the number of checks that do not
 * hold.
 */
struct sink;
int check_each(struct db *db, struct sink *out, int *failed);

#endif
