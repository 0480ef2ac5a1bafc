/*
 * control.c - control accounts: accounts whose balance a subledger
 * stands behind (Inventory 1300 the stock value, GRNI 2100 the receipts
 * not yet invoiced, Accounts Receivable 1100 and Payable 2000 the open
 * invoices and bills), so only the documents that own them post to them.
 * A manual entry there would break what biz-check compares.
 */
#include <string.h>

#include "biz.h"
#include "event.h"
#include "ledger.h"
#include "record.h"
#include "banned.h"

/* What to use instead of a manual posting to account code. */
static const char *control_hint(const char *code)
{
	if (!strcmp(code, "1300"))
		return "the stock commands post to it (inv-receive, "
		       "inv-issue, inv-move; inv-count for a correction)";
	if (!strcmp(code, "2100"))
		return "purchase receipts post to it and bills clear it "
		       "(inv-purchase receive, inv-purchase bill)";
	if (!strcmp(code, "1100"))
		return "invoices, returns and payments post to it (crm-order "
		       "invoice, return, pay)";
	if (!strcmp(code, "2000"))
		return "bills and their payments post to it (inv-purchase "
		       "bill, pay)";
	return "only the documents that own it post to it";
}

int ledger_control_check(struct db *db, const struct entry_in *e)
{
	static const char sql[] =
		"SELECT name FROM account WHERE code = ? AND control";
	struct db_stmt *stmt;
	int rc;

	if (e->source && strcmp(e->source, "manual"))
		return BIZ_OK;
	for (size_t i = 0; i < e->count; i++) {
		const char *code = e->postings[i].account;

		stmt = db_stmt(db, sql);
		db_bind_text(stmt, 1, code);
		rc = db_one(db, stmt);
		if (rc == DB_DONE)
			continue;
		if (rc != DB_ROW)
			return rc;
		rc = biz_fail(BIZ_REFUSED, "account '%s' (%s) is a control "
			      "account: %s; 'ledger-account set %s "
			      "--no-control' allows manual postings", code,
			      db_column_text(stmt, 0), control_hint(code),
			      code);
		db_reset(stmt);
		return rc;
	}
	return BIZ_OK;
}

int ledger_account_set_control(struct db *db, const char *code,
			       int control, jv *out)
{
	static const char get_sql[] =
		"SELECT name, control FROM account WHERE code = ?";
	static const char set_sql[] =
		"UPDATE account SET control = ? WHERE code = ?";
	struct db_stmt *stmt = db_stmt(db, get_sql);
	int rc, was;
	jv data;

	db_bind_text(stmt, 1, code);
	rc = db_one(db, stmt);
	if (rc == DB_DONE)
		return biz_fail(BIZ_DATAERR, "no account '%s'", code);
	if (rc != DB_ROW)
		return rc;
	*out = jv_object();
	rec_set_str(out, "code", code);
	rec_set_str(out, "name", db_column_text(stmt, 0));
	was = db_column_int64(stmt, 1) != 0;
	db_reset(stmt);
	rec_set(out, "control", jv_bool(control));
	rec_set_str(out, "op", was == control ? "unchanged" : "updated");
	if (was == control)
		return BIZ_OK;
	stmt = db_stmt(db, set_sql);
	db_bind_int64(stmt, 1, control);
	db_bind_text(stmt, 2, code);
	if ((rc = db_done(db, stmt)))
		return rc;
	data = jv_object();
	rec_set_str(&data, "code", code);
	rec_set(&data, "control", jv_bool(control));
	return event_append(db, "ledger.account_changed", "account", code,
			    data);
}
