/* setup.c - settings and seed data of a new database. */
#include "setup.h"

#include <stdlib.h>
#include <string.h>

#include "biz.h"
#include "record.h"
#include "event.h"
#include "json.h"
#include "timeutil.h"
#include "banned.h"

/*
 * The default chart and which accounts each kind of automatic posting
 * uses: data, so a business can remap them without code.
 */
static const char seed_sql[] =
	"INSERT INTO account(code, name, type, created_at) VALUES"
	" ('1000', 'Cash', 'asset', ?1),"
	" ('1100', 'Accounts Receivable', 'asset', ?1),"
	" ('1300', 'Inventory', 'asset', ?1),"
	" ('2000', 'Accounts Payable', 'liability', ?1),"
	" ('2100', 'Goods Received Not Invoiced', 'liability', ?1),"
	" ('2200', 'Sales Tax Payable', 'liability', ?1),"
	" ('3000', 'Equity', 'equity', ?1),"
	" ('4000', 'Sales', 'income', ?1),"
	" ('4100', 'Sales Returns', 'income', ?1),"
	" ('5000', 'Cost of Goods Sold', 'expense', ?1),"
	" ('5100', 'Inventory Adjustments', 'expense', ?1),"
	" ('5200', 'Purchase Price Variance', 'expense', ?1);"
	"UPDATE account SET control = 1"
	" WHERE code IN ('1100', '1300', '2000', '2100');"
	"INSERT INTO posting_rule(kind, debit, credit) VALUES"
	" ('receipt_po', '1300', '2100'),"
	" ('receipt', '1300', '2000'),"
	" ('issue_sale', '5000', '1300'),"
	" ('issue_production', '5000', '1300'),"
	" ('issue_sample', '5000', '1300'),"
	" ('issue_scrap', '5100', '1300'),"
	" ('count_loss', '5100', '1300'),"
	" ('count_gain', '1300', '5100'),"
	" ('invoice', '1100', '4000'),"
	" ('payment', '1000', '1100'),"
	" ('bill', '2100', '2000'),"
	" ('bill_variance', '5200', '2000'),"
	" ('bill_payment', '2000', '1000'),"
	" ('sales_return', '4100', '1100'),"
	" ('return_receipt', '1300', '5000');"
	"INSERT INTO warehouse(code, name, created_at) VALUES"
	" ('MAIN', 'Main warehouse', ?1);";

static int seed(struct db *db, const char *at)
{
	return db_script(db, seed_sql, at);
}

static int valid_currency(const char *code)
{
	size_t n = strlen(code);

	if (n < 3 || n > 10)
		return 0;
	for (; *code; code++)
		if (!((*code >= 'A' && *code <= 'Z') ||
		      (*code >= '0' && *code <= '9')))
			return 0;
	return 1;
}

int setup_init(struct db *db, const char *currency, int scale,
	       struct sink *out)
{
	char at[TS_BUFSZ], scale_text[16];
	struct json w = { 0 };
	char *stored;
	int found, status, created = 0;

	if (currency && !valid_currency(currency))
		return biz_fail(BIZ_USAGE, "currency: '%s' is not a code "
				"such as USD or EUR", currency);
	db_checkpoint_at_close(db);
	if ((status = db_begin(db)))
		return status;
	stored = db_setting(db, "currency");
	found = stored != NULL;
	free(stored);
	if (found) {
		if ((currency && strcmp(currency, db->currency)) ||
		    (scale >= 0 && scale != db->money_scale)) {
			db_rollback(db);
			return biz_fail(BIZ_REFUSED, "'%s' is already set up "
					"with %s at %d decimal places", db->path,
					db->currency, db->money_scale);
		}
	} else {
		created = 1;
		free(db->currency);
		db->currency = xstrdup(currency ? currency : "USD");
		db->money_scale = scale >= 0 ? scale : 2;
		snprintf(scale_text, sizeof(scale_text), "%d",
			 db->money_scale);
		time_format(db->now, at);
		if ((status = db_set_setting(db, "currency", db->currency)) ||
		    (status = db_set_setting(db, "money_scale", scale_text)) ||
		    (status = db_set_setting(db, "created_at", at)) ||
		    (status = seed(db, at)) ||
		    (status = event_append(db, "db.created", "database",
					    db->path, jv_object()))) {
			db_rollback(db);
			return status;
		}
	}
	if ((status = db_commit(db)))
		return status;
	json_object(&w);
	json_key_str(&w, "db", db->path);
	json_key_int(&w, "schema_version", db_schema_version());
	json_key_str(&w, "currency", db->currency);
	json_key_int(&w, "scale", db->money_scale);
	json_key_str(&w, "op", created ? "created" : "unchanged");
	json_end_object(&w);
	status = sink_done(sink_put(out, &w));
	json_release(&w);
	return status;
}
