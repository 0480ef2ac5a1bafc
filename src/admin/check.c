/* check.c - verify the invariants that tie stock and books together. */
#include "check.h"

#include <stdlib.h>
#include <string.h>

#include "biz.h"
#include "decimal.h"
#include "json.h"
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

/* Opens check's record in w: {"check": name, "ok": ok, ...}. */
void check_start(struct json *w, const char *name, int ok)
{
	json_reset(w);
	json_object(w);
	json_key_str(w, "check", name);
	json_key_bool(w, "ok", ok);
}

void check_key_money(struct json *w, const char *key, dec_wide value,
		     int scale)
{
	char text[DEC_WIDE_BUFSZ];

	if (value >= INT64_MIN && value <= INT64_MAX)
		json_key_dec(w, key, (int64_t)value, scale);
	else
		json_key_raw(w, key, dec_format_wide(value, scale, text));
}

/* Closes w's record and puts it to out, counting a check that failed. */
static int report(struct sink *out, struct json *w, int ok, int *failed)
{
	if (!ok)
		(*failed)++;
	json_end_object(w);
	return sink_put(out, w);
}

/* report() for a group of checks that goes on after --limit's stop. */
int check_put(struct sink *out, struct json *w, int ok, int *failed)
{
	return sink_done(report(out, w, ok, failed));
}

/* check_each() writing into w. */
static int check_all(struct db *db, struct sink *out, struct json *w,
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
		"b.value OR coalesce(l.h, 0) <> b.quarantine), 0";
	/* The totals of the whole database: row by row in 128 bits. */
	static const char layer_value_sql[] =
		"SELECT remaining_value FROM cost_layer";
	static const char negative_sql[] =
		"SELECT count(*), 0 FROM stock_balance WHERE qty < 0 OR "
		"quarantine < 0 OR reserved < 0 OR quarantine > qty OR "
		"(qty = 0 AND value <> 0) OR "
		"(SELECT count(*) FROM cost_layer WHERE remaining_qty < 0 OR "
		"(remaining_qty = 0 AND remaining_value <> 0)) > 0";
	static const char value_sql[] = "SELECT value FROM stock_balance";
	int64_t rows, bad, unbalanced;
	dec_wide layer_value, stock_value, account;
	int ms = db->money_scale, status;

	if ((status = query_int(db, balances_sql, &rows, &bad)))
		return status;
	check_start(w, "stock_balances", bad == 0);
	json_key_int(w, "balances", rows);
	json_key_int(w, "mismatched", bad);
	if ((status = report(out, w, bad == 0, failed)))
		return status;

	if ((status = db_sum_wide(db, db_stmt(db, value_sql),
				  &stock_value)) ||
	    (status = db_sum_wide(db, db_stmt(db, layer_value_sql),
				  &layer_value)) ||
	    (status = query_int(db, layers_sql, &bad, NULL)))
		return status;
	check_start(w, "cost_layers", bad == 0 && layer_value == stock_value);
	check_key_money(w, "stock_value", stock_value, ms);
	check_key_money(w, "layer_value", layer_value, ms);
	json_key_int(w, "mismatched", bad);
	if ((status = report(out, w, bad == 0 && layer_value == stock_value,
			     failed)))
		return status;

	if ((status = query_int(db, negative_sql, &bad, NULL)))
		return status;
	check_start(w, "stock_not_negative", bad == 0);
	json_key_int(w, "negative", bad);
	if ((status = report(out, w, bad == 0, failed)))
		return status;

	if ((status = ledger_unbalanced_count(db, &unbalanced)))
		return status;
	check_start(w, "entries_balanced", unbalanced == 0);
	json_key_int(w, "unbalanced", unbalanced);
	if ((status = report(out, w, unbalanced == 0, failed)))
		return status;

	/* Reports read the per-day totals: they must equal the postings. */
	if ((status = ledger_totals_mismatch_count(db, &unbalanced)))
		return status;
	check_start(w, "ledger_totals", unbalanced == 0);
	json_key_int(w, "mismatched", unbalanced);
	if ((status = report(out, w, unbalanced == 0, failed)))
		return status;

	if ((status = ledger_account_balance(db, CHECK_INVENTORY_ACCOUNT,
					     &account)))
		return status;
	check_start(w, "inventory_account", account == stock_value);
	json_key_str(w, "account", CHECK_INVENTORY_ACCOUNT);
	check_key_money(w, "account_balance", account, ms);
	check_key_money(w, "stock_value", stock_value, ms);
	if ((status = report(out, w, account == stock_value, failed)) ||
	    (status = check_purchases(db, out, failed)))
		return status;
	return check_sales(db, out, failed);
}

int check_storage(struct db *db, int deep, struct sink *out, int *failed)
{
	static const char quick_sql[] = "PRAGMA quick_check(20)";
	static const char deep_sql[] = "PRAGMA integrity_check(20)";
	struct db_stmt *stmt = db_stmt(db, deep ? deep_sql : quick_sql);
	struct json w = { 0 }, list = { 0 };
	int rc, problems = 0, status;

	*failed = 0;
	json_array(&list);
	while ((rc = db_row(db, stmt)) == DB_ROW) {
		const char *line = db_column_text(stmt, 0), *end;

		if (!line || !strcmp(line, "ok"))
			continue;
		/* SQLite may give several complaints a row, one a line. */
		for (; *line; line = *end ? end + 1 : end) {
			char *one;

			end = strchr(line, '\n');
			if (!end)
				end = line + strlen(line);
			if (end == line || problems >= 20 ||
			    !strncmp(line, "*** in database", 15))
				continue;
			one = xmalloc((size_t)(end - line) + 1);
			memcpy(one, line, (size_t)(end - line));
			one[end - line] = '\0';
			json_str(&list, one);
			free(one);
			problems++;
		}
	}
	json_end_array(&list);
	if (rc != DB_DONE) {
		json_release(&list);
		return rc;
	}
	check_start(&w, "storage", problems == 0);
	json_key_str(&w, "mode", deep ? "deep" : "quick");
	json_key_raw(&w, "problems", list.text.buf);
	status = report(out, &w, problems == 0, failed);
	json_release(&w);
	json_release(&list);
	return sink_done(status);
}

int check_each(struct db *db, struct sink *out, int *failed)
{
	struct json w = { 0 };
	int status;

	*failed = 0;
	status = check_all(db, out, &w, failed);
	json_release(&w);
	return sink_done(status);
}
