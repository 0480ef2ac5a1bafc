/* check.c - verify the invariants that tie stock and books together. */
#include "check.h"

#include "biz.h"
#include "decimal.h"
#include "ledger.h"
#include "purchase.h"
#include "record.h"
#include "sales.h"
#include "banned.h"

/* The first column of a one-row, integer-valued query; ?1 unused. */
static int query_int(struct db *db, const char *sql, int64_t *a,
		     int64_t *b)
{
	struct db_stmt *stmt = db_stmt(db, sql);
	int rc = db_one(db, stmt);

	if (rc != DB_ROW)
		return rc == DB_DONE ? db_failure(db) : rc;
	*a = db_column_int64(stmt, 0);
	if (b)
		*b = db_column_int64(stmt, 1);
	db_reset(stmt);
	return BIZ_OK;
}

static int report(int (*fn)(jv, void *), void *arg, jv rec, int ok,
		  int *failed)
{
	if (!ok)
		(*failed)++;
	return fn(rec, arg);
}

/*
 * Reserved stock: per item and warehouse no more than is on hand (out
 * of quarantine), and what the balances hold reserved is what the sales
 * orders hold.
 */
static int check_reservations(struct db *db, int (*fn)(jv, void *),
			      void *arg, int *failed)
{
	int64_t bad;
	int status;
	jv rec;

	if ((status = sales_reservation_breaches(db, &bad)))
		return status;
	rec = jv_object();
	rec_set_str(&rec, "check", "reservations");
	rec_set(&rec, "ok", jv_bool(bad == 0));
	rec_set(&rec, "mismatched", jv_number((double)bad));
	return report(fn, arg, rec, bad == 0, failed);
}

/* The open invoices sum to the Accounts Receivable balance. */
static int check_receivables(struct db *db, int (*fn)(jv, void *),
			     void *arg, int *failed)
{
	int64_t open, account;
	int ms = db->money_scale, status;
	jv rec;

	if ((status = sales_open_total(db, &open)) ||
	    (status = ledger_account_balance(db, CHECK_RECEIVABLE_ACCOUNT,
					     &account)))
		return status;
	rec = jv_object();
	rec_set_str(&rec, "check", "receivables");
	rec_set(&rec, "ok", jv_bool(open == account));
	rec_set_str(&rec, "account", CHECK_RECEIVABLE_ACCOUNT);
	rec_set(&rec, "account_balance", dec_to_jv(account, ms));
	rec_set(&rec, "open_invoices", dec_to_jv(open, ms));
	return report(fn, arg, rec, open == account, failed);
}

/*
 * Goods Received Not Invoiced (a credit balance) equals the value
 * received on purchases and not billed yet.
 */
static int check_grni(struct db *db, int (*fn)(jv, void *), void *arg,
		      int *failed)
{
	int64_t account, unbilled;
	int status, ok;
	jv rec;

	if ((status = ledger_account_balance(db, CHECK_GRNI_ACCOUNT,
					     &account)) ||
	    (status = purchase_unbilled_total(db, &unbilled)))
		return status;
	ok = -account == unbilled;
	rec = jv_object();
	rec_set_str(&rec, "check", "grni");
	rec_set(&rec, "ok", jv_bool(ok));
	rec_set_str(&rec, "account", CHECK_GRNI_ACCOUNT);
	rec_set(&rec, "account_balance", dec_to_jv(account, db->money_scale));
	rec_set(&rec, "received_not_billed", dec_to_jv(unbilled,
						      db->money_scale));
	return report(fn, arg, rec, ok, failed);
}

/*
 * The open bills sum to what bills and bill payments left on Accounts
 * Payable (a credit balance); receipts without a purchase order and
 * manual entries post to it outside the bills.
 */
static int check_payables(struct db *db, int (*fn)(jv, void *), void *arg,
			  int *failed)
{
	static const char sql[] =
		"SELECT coalesce(sum(p.amount), 0), (SELECT coalesce("
		"sum(debit - credit), 0) FROM account_day WHERE account = "
		"'" CHECK_AP_ACCOUNT "') FROM posting p JOIN entry e "
		"ON e.id = p.entry_id WHERE p.account = '" CHECK_AP_ACCOUNT
		"' AND e.source IN ('bill', 'bill_payment')";
	int64_t open, from_bills, account;
	int status, ok;
	jv rec;

	if ((status = purchase_open_bills_total(db, &open)) ||
	    (status = query_int(db, sql, &from_bills, &account)))
		return status;
	ok = -from_bills == open;
	rec = jv_object();
	rec_set_str(&rec, "check", "payables");
	rec_set(&rec, "ok", jv_bool(ok));
	rec_set_str(&rec, "account", CHECK_AP_ACCOUNT);
	rec_set(&rec, "account_balance", dec_to_jv(account, db->money_scale));
	rec_set(&rec, "from_bills", dec_to_jv(from_bills, db->money_scale));
	rec_set(&rec, "open_bills", dec_to_jv(open, db->money_scale));
	return report(fn, arg, rec, ok, failed);
}

int check_each(struct db *db, int (*fn)(jv result, void *arg), void *arg,
	       int *failed)
{
	/* Balances against their moves, both ways round. */
	static const char balances_sql[] =
		"WITH m AS (SELECT sku, wh, lot, sum(qty) q, "
		"sum(quarantine) h, sum(value) v FROM move "
		"GROUP BY sku, wh, lot) "
		"SELECT (SELECT count(*) FROM stock_balance), "
		"(SELECT count(*) FROM stock_balance b LEFT JOIN m "
		"ON m.sku = b.sku AND m.wh = b.wh AND m.lot = b.lot "
		"WHERE coalesce(m.q, 0) <> b.qty OR coalesce(m.h, 0) <> "
		"b.quarantine OR coalesce(m.v, 0) <> b.value) + "
		"(SELECT count(*) FROM m LEFT JOIN stock_balance b "
		"ON m.sku = b.sku AND m.wh = b.wh AND m.lot = b.lot "
		"WHERE b.sku IS NULL)";
	static const char layers_sql[] =
		"WITH l AS (SELECT sku, wh, lot, sum(remaining_qty) q, "
		"sum(remaining_value) v, sum(CASE WHEN held THEN "
		"remaining_qty ELSE 0 END) h FROM cost_layer "
		"WHERE remaining_qty <> 0 OR remaining_value <> 0 "
		"GROUP BY sku, wh, lot) "
		"SELECT (SELECT count(*) FROM stock_balance b LEFT JOIN l "
		"ON l.sku = b.sku AND l.wh = b.wh AND l.lot = b.lot "
		"WHERE coalesce(l.q, 0) <> b.qty OR coalesce(l.v, 0) <> "
		"b.value OR coalesce(l.h, 0) <> b.quarantine), "
		"(SELECT coalesce(sum(remaining_value), 0) FROM cost_layer)";
	static const char negative_sql[] =
		"SELECT count(*), 0 FROM stock_balance WHERE qty < 0 OR "
		"quarantine < 0 OR reserved < 0 OR quarantine > qty OR "
		"(qty = 0 AND value <> 0) OR "
		"(SELECT count(*) FROM cost_layer WHERE remaining_qty < 0 OR "
		"(remaining_qty = 0 AND remaining_value <> 0)) > 0";
	static const char value_sql[] =
		"SELECT coalesce(sum(value), 0), count(*) FROM stock_balance";
	int64_t rows, bad, layer_value, stock_value, unbalanced, account;
	int ms = db->money_scale, status;
	jv rec;

	*failed = 0;
	if ((status = query_int(db, balances_sql, &rows, &bad)))
		return status;
	rec = jv_object();
	rec_set_str(&rec, "check", "stock_balances");
	rec_set(&rec, "ok", jv_bool(bad == 0));
	rec_set(&rec, "balances", jv_number((double)rows));
	rec_set(&rec, "mismatched", jv_number((double)bad));
	if ((status = report(fn, arg, rec, bad == 0, failed)))
		return status;

	if ((status = query_int(db, value_sql, &stock_value, &rows)) ||
	    (status = query_int(db, layers_sql, &bad, &layer_value)))
		return status;
	rec = jv_object();
	rec_set_str(&rec, "check", "cost_layers");
	rec_set(&rec, "ok", jv_bool(bad == 0 && layer_value == stock_value));
	rec_set(&rec, "stock_value", dec_to_jv(stock_value, ms));
	rec_set(&rec, "layer_value", dec_to_jv(layer_value, ms));
	rec_set(&rec, "mismatched", jv_number((double)bad));
	if ((status = report(fn, arg, rec, bad == 0 &&
			     layer_value == stock_value, failed)))
		return status;

	if ((status = query_int(db, negative_sql, &bad, NULL)))
		return status;
	rec = jv_object();
	rec_set_str(&rec, "check", "stock_not_negative");
	rec_set(&rec, "ok", jv_bool(bad == 0));
	rec_set(&rec, "negative", jv_number((double)bad));
	if ((status = report(fn, arg, rec, bad == 0, failed)))
		return status;

	if ((status = ledger_unbalanced_count(db, &unbalanced)))
		return status;
	rec = jv_object();
	rec_set_str(&rec, "check", "entries_balanced");
	rec_set(&rec, "ok", jv_bool(unbalanced == 0));
	rec_set(&rec, "unbalanced", jv_number((double)unbalanced));
	if ((status = report(fn, arg, rec, unbalanced == 0, failed)))
		return status;

	/* Reports read the per-day totals: they must equal the postings. */
	if ((status = ledger_totals_mismatch_count(db, &unbalanced)))
		return status;
	rec = jv_object();
	rec_set_str(&rec, "check", "ledger_totals");
	rec_set(&rec, "ok", jv_bool(unbalanced == 0));
	rec_set(&rec, "mismatched", jv_number((double)unbalanced));
	if ((status = report(fn, arg, rec, unbalanced == 0, failed)))
		return status;

	if ((status = ledger_account_balance(db, CHECK_INVENTORY_ACCOUNT,
					     &account)))
		return status;
	rec = jv_object();
	rec_set_str(&rec, "check", "inventory_account");
	rec_set(&rec, "ok", jv_bool(account == stock_value));
	rec_set_str(&rec, "account", CHECK_INVENTORY_ACCOUNT);
	rec_set(&rec, "account_balance", dec_to_jv(account, ms));
	rec_set(&rec, "stock_value", dec_to_jv(stock_value, ms));
	if ((status = report(fn, arg, rec, account == stock_value, failed)) ||
	    (status = check_reservations(db, fn, arg, failed)) ||
	    (status = check_receivables(db, fn, arg, failed)) ||
	    (status = check_grni(db, fn, arg, failed)))
		return status;
	return check_payables(db, fn, arg, failed);
}
