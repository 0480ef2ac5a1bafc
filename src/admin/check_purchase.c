/* check_purchase.c - the invariants of procure to pay, for biz-check. */
#include "check.h"

#include "biz.h"
#include "json.h"
#include "ledger.h"
#include "purchase.h"
#include "banned.h"

/*
 * Goods Received Not Invoiced (a credit balance) equals the value
 * received on purchases and not billed yet.
 */
static int check_grni(struct db *db, struct sink *out, struct json *w,
		      int *failed)
{
	dec_wide account, unbilled;
	int status, ok;

	if ((status = ledger_account_balance(db, CHECK_GRNI_ACCOUNT,
					     &account)) ||
	    (status = purchase_unbilled_total(db, &unbilled)))
		return status;
	ok = -account == unbilled;
	check_start(w, "grni", ok);
	json_key_str(w, "account", CHECK_GRNI_ACCOUNT);
	check_key_money(w, "account_balance", account, db->money_scale);
	check_key_money(w, "received_not_billed", unbilled, db->money_scale);
	return check_put(out, w, ok, failed);
}

/*
 * The open bills sum to what bills and bill payments left on Accounts
 * Payable (a credit balance); receipts without a purchase order and
 * manual entries post to it outside the bills.
 */
static int check_payables(struct db *db, struct sink *out, struct json *w,
			  int *failed)
{
	dec_wide open, from_bills, account;
	int status, ok;

	if ((status = purchase_open_bills_total(db, &open)) ||
	    (status = purchase_payables_posted(db, CHECK_AP_ACCOUNT,
					       &from_bills)) ||
	    (status = ledger_account_balance(db, CHECK_AP_ACCOUNT, &account)))
		return status;
	ok = -from_bills == open;
	check_start(w, "payables", ok);
	json_key_str(w, "account", CHECK_AP_ACCOUNT);
	check_key_money(w, "account_balance", account, db->money_scale);
	check_key_money(w, "from_bills", from_bills, db->money_scale);
	check_key_money(w, "open_bills", open, db->money_scale);
	return check_put(out, w, ok, failed);
}

int check_purchases(struct db *db, struct sink *out, int *failed)
{
	struct json w = { 0 };
	int status;

	if (!(status = check_grni(db, out, &w, failed)))
		status = check_payables(db, out, &w, failed);
	json_release(&w);
	return status;
}
