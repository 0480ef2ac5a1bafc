/* ledger.c - posting: balanced entries, by hand or by rule, and the totals. */
#include "ledger.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "biz.h"
#include "books.h"
#include "decimal.h"
#include "event.h"
#include "json.h"
#include "record.h"
#include "timeutil.h"
#include "lock.h"
#include "banned.h"

static int valid_date(const char *date)
{
	int64_t t;

	return date && date_parse(date, &t) == 0;
}

/* ---- posting ----------------------------------------------------------- */

/* Writes e's postings as [{account, amount}]. */
static void write_postings(struct json *w, const struct entry_in *e,
			   int scale)
{
	json_array(w);
	for (size_t i = 0; i < e->count; i++) {
		json_object(w);
		json_key_str(w, "account", e->postings[i].account);
		json_key_dec(w, "amount", e->postings[i].amount, scale);
		json_end_object(w);
	}
	json_end_array(w);
}

/* One account's share of an entry: what it adds to its day's totals. */
struct day_total {
	const char *account;
	int64_t debit, credit;
};

/*
 * Adds e's postings to the day's debit and credit totals of their
 * accounts (account_day: the totals every report reads), one row per
 * account the entry touches.
 */
static int add_to_totals(struct db *db, const struct entry_in *e)
{
	static const char update_sql[] =
		"UPDATE account_day SET debit = debit + ?3, "
		"credit = credit + ?4 WHERE account = ?1 AND date = ?2";
	static const char insert_sql[] =
		"INSERT INTO account_day(account, date, debit, credit) "
		"VALUES (?1, ?2, ?3, ?4)";
	struct day_total few[8];
	struct day_total *totals = e->count <= 8 ? few :
				   xmalloc(e->count * sizeof(*totals));
	size_t n = 0;
	int status = BIZ_OK;

	for (size_t i = 0; i < e->count; i++) {
		int64_t amount = e->postings[i].amount;
		int64_t debit = amount > 0 ? amount : 0;
		int64_t credit = amount < 0 ? -amount : 0;
		size_t j;

		for (j = 0; j < n; j++) {
			struct day_total *t = &totals[j];
			int64_t d, c;

			/* A sum that would overflow gets a row of its own. */
			if (!strcmp(t->account, e->postings[i].account) &&
			    !__builtin_add_overflow(t->debit, debit, &d) &&
			    !__builtin_add_overflow(t->credit, credit, &c)) {
				t->debit = d;
				t->credit = c;
				break;
			}
		}
		if (j == n)
			totals[n++] = (struct day_total){
				e->postings[i].account, debit, credit };
	}
	for (size_t i = 0; i < n && status == BIZ_OK; i++) {
		const char *sql = update_sql;

		/* Most days are there already: no need to try an insert. */
		for (int pass = 0; pass < 2; pass++) {
			struct db_stmt *stmt = db_stmt(db, sql);

			db_bind_text(stmt, 1, totals[i].account);
			db_bind_text(stmt, 2, e->date);
			db_bind_int64(stmt, 3, totals[i].debit);
			db_bind_int64(stmt, 4, totals[i].credit);
			if ((status = db_done(db, stmt)) ||
			    db_changes(db) > 0)
				break;
			sql = insert_sql;
		}
	}
	if (totals != few)
		free(totals);
	return status;
}

int post_entry(struct db *db, const struct entry_in *e, int64_t *entry_id,
	       struct json *postings)
{
	static const char entry_sql[] =
		"INSERT INTO entry(date, memo, source, ref, reverses, at, actor) "
		"VALUES (?, ?, ?, ?, ?, ?, ?)";
	static const char posting_sql[] =
		"INSERT INTO posting(entry_id, account, date, amount) "
		"VALUES (?, ?, ?, ?)";
	struct json data = { 0 };
	const char *source = e->source ? e->source : "manual";
	struct db_stmt *stmt;
	char at[TS_BUFSZ], amount[DEC_BUFSZ], code[LEDGER_CODE_MAX], id[24];
	int64_t sum = 0;
	int status;

	if (!valid_date(e->date))
		return biz_fail(BIZ_DATAERR, "date: '%s' is not a date such "
				"as 2026-11-27", e->date ? e->date : "");
	if (ledger_date_locked(db, e->date))
		return BIZ_REFUSED;
	if (!e->memo || !*e->memo)
		return biz_fail(BIZ_DATAERR, "an entry needs a memo");
	if (e->count < 2)
		return biz_fail(BIZ_REFUSED, "an entry needs two postings or "
				"more");
	for (size_t i = 0; i < e->count; i++)
		if (__builtin_add_overflow(sum, e->postings[i].amount, &sum) ||
		    e->postings[i].amount == INT64_MIN)
			return biz_fail(BIZ_DATAERR, "amounts too large");
	if (sum != 0)
		return biz_fail(BIZ_REFUSED, "entry does not balance: debits "
				"minus credits is %s",
				dec_format(sum, db->money_scale, amount));
	/* Accounts by code only: a name here is no account. */
	for (size_t i = 0; i < e->count; i++)
		if ((status = account_lookup(db, e->postings[i].account, 0,
					     code)))
			return status;
	if ((status = ledger_control_check(db, e)))
		return status;
	stmt = db_stmt(db, entry_sql);
	db_bind_text(stmt, 1, e->date);
	db_bind_text(stmt, 2, e->memo);
	db_bind_text(stmt, 3, source);
	db_bind_text(stmt, 4, e->ref);
	if (e->reverses)
		db_bind_int64(stmt, 5, e->reverses);
	db_bind_text(stmt, 6, time_format(db->now, at));
	db_bind_text(stmt, 7, db->actor);
	if ((status = db_done(db, stmt)))
		return status;
	*entry_id = db_last_id(db);
	for (size_t i = 0; i < e->count; i++) {
		stmt = db_stmt(db, posting_sql);
		db_bind_int64(stmt, 1, *entry_id);
		db_bind_text(stmt, 2, e->postings[i].account);
		db_bind_text(stmt, 3, e->date);
		db_bind_int64(stmt, 4, e->postings[i].amount);
		if ((status = db_done(db, stmt)))
			return status;
	}
	if ((status = add_to_totals(db, e)))
		return status;
	write_postings(postings, e, db->money_scale);
	json_object(&data);
	json_key_str(&data, "date", e->date);
	json_key_str(&data, "memo", e->memo);
	json_key_str(&data, "source", source);
	json_key_str(&data, "ref", e->ref);
	if (e->reverses)
		json_key_int(&data, "reverses", e->reverses);
	json_key_raw(&data, "postings", postings->text.buf);
	json_end_object(&data);
	snprintf(id, sizeof(id), "%lld", (long long)*entry_id);
	status = event_append_json(db, "ledger.posted", "entry", id,
				   data.text.buf);
	json_release(&data);
	return status;
}

int ledger_post(struct db *db, const struct entry_in *e, int64_t *entry_id)
{
	struct json postings = { 0 };
	int status = post_entry(db, e, entry_id, &postings);

	json_release(&postings);
	return status;
}

int ledger_rule_accounts(struct db *db, const char *kind, char *debit,
			 char *credit)
{
	static const char sql[] =
		"SELECT debit, credit FROM posting_rule WHERE kind = ?";
	struct db_stmt *stmt = db_stmt(db, sql);
	int rc;

	db_bind_text(stmt, 1, kind);
	rc = db_one(db, stmt);
	if (rc == DB_DONE)
		return biz_fail(BIZ_INTERNAL, "no posting rule for '%s'", kind);
	if (rc != DB_ROW)
		return rc;
	snprintf(debit, LEDGER_CODE_MAX, "%s", db_column_text(stmt, 0));
	snprintf(credit, LEDGER_CODE_MAX, "%s", db_column_text(stmt, 1));
	db_reset(stmt);
	return BIZ_OK;
}

int ledger_post_auto(struct db *db, const char *kind, const char *date,
		     const char *memo, const char *source, const char *ref,
		     int64_t amount, int64_t *entry_id)
{
	char debit[LEDGER_CODE_MAX], credit[LEDGER_CODE_MAX];
	struct posting_in postings[2];
	struct entry_in e = { date, memo, source, ref, 0, postings, 2 };
	int status;

	*entry_id = 0;
	if (amount == 0)
		return BIZ_OK;
	if ((status = ledger_rule_accounts(db, kind, debit, credit)))
		return status;
	postings[0] = (struct posting_in){ debit, amount };
	postings[1] = (struct posting_in){ credit, -amount };
	return ledger_post(db, &e, entry_id);
}

int ledger_account_balance(struct db *db, const char *code, dec_wide *out)
{
	/* A day's debits and credits are each within 10^17. */
	static const char sql[] =
		"SELECT debit - credit FROM account_day WHERE account = ?";
	struct db_stmt *stmt = db_stmt(db, sql);

	db_bind_text(stmt, 1, code);
	return db_sum_wide(db, stmt, out);
}

int ledger_unbalanced_count(struct db *db, int64_t *out)
{
	static const char sql[] =
		"SELECT count(*) FROM (SELECT entry_id FROM posting "
		"GROUP BY entry_id HAVING sum(amount) <> 0)";
	return db_int64(db, db_stmt(db, sql), out);
}

int ledger_totals_mismatch_count(struct db *db, int64_t *out)
{
	static const char sql[] =
		"WITH p AS (SELECT account, date, "
		"  sum(CASE WHEN amount > 0 THEN amount ELSE 0 END) AS debit, "
		"  sum(CASE WHEN amount < 0 THEN -amount ELSE 0 END) AS credit "
		"  FROM posting GROUP BY account, date) "
		"SELECT (SELECT count(*) FROM p LEFT JOIN account_day d "
		"  ON d.account = p.account AND d.date = p.date "
		"  WHERE d.debit IS NOT p.debit OR d.credit IS NOT p.credit) + "
		"(SELECT count(*) FROM account_day d WHERE (d.debit <> 0 OR "
		"  d.credit <> 0) AND NOT EXISTS (SELECT 1 FROM posting q "
		"  WHERE q.account = d.account AND q.date = d.date))";
	return db_int64(db, db_stmt(db, sql), out);
}

