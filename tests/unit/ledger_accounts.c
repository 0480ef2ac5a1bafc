/*
 * ledger_accounts - the accounts a transaction has resolved are kept for
 * it (ledger.c's known map): answers must stay what a query would say
 * when an account is added in the transaction, after a rollback and
 * outside a transaction.
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "biz.h"
#include "ledger.h"
#include "record.h"
#include "setup.h"
#include "tap.h"

static char dir[] = "/tmp/biz-unit-ledger.XXXXXX";

/* ledger_account_resolve(text) gives want (NULL: refused, no account). */
static void resolves(struct db *db, const char *text, const char *want,
		     const char *when)
{
	char code[LEDGER_CODE_MAX] = "";
	int status = ledger_account_resolve(db, text, code);

	if (!ok(want ? status == BIZ_OK && !strcmp(code, want) :
		       status == BIZ_DATAERR,
		"'%s' resolves to %s %s", text, want ? want : "nothing",
		when))
		diag("status %d, code '%s', %s", status, code, biz_error());
}

static jv account(const char *code, const char *name, const char *type)
{
	jv fields = jv_object();

	rec_set_str(&fields, "code", code);
	rec_set_str(&fields, "name", name);
	rec_set_str(&fields, "type", type);
	return fields;
}

/* ledger_post of 1.00 from debit to credit: its status. */
static int post(struct db *db, const char *debit, const char *credit)
{
	struct posting_in postings[2] = { { debit, 100 }, { credit, -100 } };
	struct entry_in e = { "2026-11-27", "test", NULL, NULL, 0, postings,
			      2 };
	int64_t id;

	return ledger_post(db, &e, &id);
}

int main(void)
{
	struct db *db;
	char path[256];

	if (!mkdtemp(dir))
		biz_dief(BIZ_INTERNAL, "cannot make %s", dir);
	snprintf(path, sizeof(path), "%s/t.db", dir);
	if (db_open(path, 1, &db))
		biz_dief(BIZ_INTERNAL, "open: %s", biz_error());
	db->actor = "test";
	if (setup_init(db, NULL, -1, NULL))
		biz_dief(BIZ_INTERNAL, "setup: %s", biz_error());

	resolves(db, "Cash", "1000", "outside a transaction");
	resolves(db, "Rent", NULL, "outside a transaction");

	ok(db_begin(db) == BIZ_OK, "begin");
	resolves(db, "Cash", "1000", "by name");
	resolves(db, "cash", "1000", "by name in any case");
	resolves(db, "Cash", "1000", "by name a second time");
	resolves(db, "1000", "1000", "by code");
	ok(post(db, "Cash", "4000") == BIZ_DATAERR,
	   "a posting names its account by code, not by name");
	ok(post(db, "1000", "4000") == BIZ_OK, "a posting by code");
	ok(post(db, "1000", "9999") == BIZ_DATAERR,
	   "a posting to no account is refused");
	/* A code that was another account's name takes over the text. */
	ok(ledger_account_add(db, account("Cash", "Petty cash", "asset"),
			      NULL) == BIZ_OK, "add account 'Cash'");
	resolves(db, "Cash", "Cash", "once 'Cash' is a code");
	resolves(db, "cash", "1000", "by name (not a code: codes are exact)");
	ok(post(db, "Cash", "4000") == BIZ_OK,
	   "a posting to the new account");
	db_rollback(db);

	ok(db_begin(db) == BIZ_OK, "begin another");
	resolves(db, "Cash", "1000", "once the new account is rolled back");
	ok(post(db, "Cash", "4000") == BIZ_DATAERR,
	   "no posting to the rolled-back account");
	db_rollback(db);

	db_close(db);
	unlink(path);
	{
		char wal[300];

		snprintf(wal, sizeof(wal), "%s-wal", path);
		unlink(wal);
		snprintf(wal, sizeof(wal), "%s-shm", path);
		unlink(wal);
	}
	rmdir(dir);
	return tap_done();
}
