/* check.c - verify the invariants that tie stock and books together. */
#include "check.h"

#include <string.h>

#include "biz.h"
#include "decimal.h"
#include "ledger.h"
#include "record.h"
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

int check_storage(struct db *db, int deep,
		  int (*fn)(jv result, void *arg), void *arg, int *failed)
{
	static const char quick_sql[] = "PRAGMA quick_check(20)";
	static const char deep_sql[] = "PRAGMA integrity_check(20)";
	struct db_stmt *stmt = db_stmt(db, deep ? deep_sql : quick_sql);
	jv problems = jv_array(), rec;
	int rc, ok;

	*failed = 0;
	while ((rc = db_row(db, stmt)) == DB_ROW) {
		const char *line = db_column_text(stmt, 0), *end;

		if (!line || !strcmp(line, "ok"))
			continue;
		/* SQLite may give several complaints a row, one a line. */
		for (; *line; line = *end ? end + 1 : end) {
			end = strchr(line, '\n');
			if (!end)
				end = line + strlen(line);
			if (end > line && !strstr(line, "*** in database") &&
			    jv_array_length(jv_copy(problems)) < 20)
				problems = jv_array_append(problems,
					jv_string_sized(line, (int)(end - line)));
		}
	}
	if (rc != DB_DONE) {
		jv_free(problems);
		return rc;
	}
	ok = jv_array_length(jv_copy(problems)) == 0;
	rec = jv_object();
	rec_set_str(&rec, "check", "storage");
	rec_set(&rec, "ok", jv_bool(ok));
	rec_set_str(&rec, "mode", deep ? "deep" : "quick");
	rec_set(&rec, "problems", problems);
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
	return report(fn, arg, rec, account == stock_value, failed);
}
