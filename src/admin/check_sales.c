/* check_sales.c - the invariants of order to cash, for biz-check. */
#include "check.h"

#include "biz.h"
#include "json.h"
#include "ledger.h"
#include "sales.h"
#include "banned.h"

/*
 * Reserved stock: per item and warehouse no more than is on hand (out
 * of quarantine), and what the balances hold reserved is what the sales
 * orders hold.
 */
static int check_reservations(struct db *db, struct sink *out,
			      struct json *w, int *failed)
{
	int64_t bad;
	int status;

	if ((status = sales_reservation_breaches(db, &bad)))
		return status;
	check_start(w, "reservations", bad == 0);
	json_key_int(w, "mismatched", bad);
	return check_put(out, w, bad == 0, failed);
}

/* The open invoices sum to the Accounts Receivable balance. */
static int check_receivables(struct db *db, struct sink *out,
			     struct json *w, int *failed)
{
	dec_wide open, account;
	int status;

	if ((status = sales_open_total(db, &open)) ||
	    (status = ledger_account_balance(db, CHECK_RECEIVABLE_ACCOUNT,
					     &account)))
		return status;
	check_start(w, "receivables", open == account);
	json_key_str(w, "account", CHECK_RECEIVABLE_ACCOUNT);
	check_key_money(w, "account_balance", account, db->money_scale);
	check_key_money(w, "open_invoices", open, db->money_scale);
	return check_put(out, w, open == account, failed);
}

int check_sales(struct db *db, struct sink *out, int *failed)
{
	struct json w = { 0 };
	int status;

	if (!(status = check_reservations(db, out, &w, failed)))
		status = check_receivables(db, out, &w, failed);
	json_release(&w);
	return status;
}
