/* ledger.c - post balanced entries, by hand or by posting rule. */
#include "ledger.h"

#include <string.h>

#include "biz.h"
#include "decimal.h"
#include "event.h"
#include "record.h"
#include "timeutil.h"
#include "banned.h"

int ledger_post(struct db *db, const struct entry_in *e, int64_t *entry_id)
{
	static const char entry_sql[] =
		"INSERT INTO entry(date, memo, source, ref, reverses, at, actor) "
		"VALUES (?, ?, ?, ?, ?, ?, ?)";
	static const char posting_sql[] =
		"INSERT INTO posting(entry_id, account, date, amount) "
		"SELECT ?1, code, ?3, ?4 FROM account WHERE code = ?2";
	sqlite3_stmt *stmt;
	char at[TS_BUFSZ], amount[DEC_BUFSZ];
	int64_t sum = 0;
	jv postings = jv_array(), data;
	int status;

	if (e->count < 2)
		return biz_fail(BIZ_REFUSED, "an entry needs two postings or "
				"more");
	for (size_t i = 0; i < e->count; i++) {
		if (__builtin_add_overflow(sum, e->postings[i].amount, &sum))
			return biz_fail(BIZ_DATAERR, "amounts too large");
	}
	if (sum != 0)
		return biz_fail(BIZ_REFUSED, "entry does not balance: debits "
				"minus credits is %s",
				dec_format(sum, db->money_scale, amount));
	stmt = db_stmt(db, entry_sql);
	db_bind_text(stmt, 1, e->date);
	db_bind_text(stmt, 2, e->memo);
	db_bind_text(stmt, 3, e->source ? e->source : "manual");
	db_bind_text(stmt, 4, e->ref);
	if (e->reverses)
		sqlite3_bind_int64(stmt, 5, e->reverses);
	db_bind_text(stmt, 6, time_format(db->now, at));
	db_bind_text(stmt, 7, db->actor);
	if ((status = db_done(db, stmt)))
		return status;
	*entry_id = sqlite3_last_insert_rowid(db->handle);
	stmt = db_stmt(db, posting_sql);
	for (size_t i = 0; i < e->count; i++) {
		jv posting = jv_object();

		sqlite3_reset(stmt);
		sqlite3_bind_int64(stmt, 1, *entry_id);
		db_bind_text(stmt, 2, e->postings[i].account);
		db_bind_text(stmt, 3, e->date);
		sqlite3_bind_int64(stmt, 4, e->postings[i].amount);
		if ((status = db_done(db, stmt))) {
			jv_free(postings);
			return status;
		}
		if (sqlite3_changes(db->handle) != 1) {
			jv_free(postings);
			return biz_fail(BIZ_DATAERR, "no account '%s'",
					e->postings[i].account);
		}
		rec_set_str(&posting, "account", e->postings[i].account);
		rec_set(&posting, "amount", dec_to_jv(e->postings[i].amount,
						      db->money_scale));
		postings = jv_array_append(postings, posting);
	}
	data = jv_object();
	rec_set_str(&data, "date", e->date);
	rec_set_str(&data, "memo", e->memo);
	rec_set_str(&data, "source", e->source ? e->source : "manual");
	rec_set_str(&data, "ref", e->ref);
	rec_set(&data, "postings", postings);
	return event_append_id(db, "ledger.posted", "entry", *entry_id, data);
}

int ledger_post_auto(struct db *db, const char *kind, const char *date,
		     const char *memo, const char *source, const char *ref,
		     int64_t amount, int64_t *entry_id)
{
	static const char sql[] =
		"SELECT debit, credit FROM posting_rule WHERE kind = ?";
	sqlite3_stmt *stmt = db_stmt(db, sql);
	char debit[64], credit[64];
	struct posting_in postings[2];
	struct entry_in e = { date, memo, source, ref, 0, postings, 2 };
	int rc;

	*entry_id = 0;
	if (amount == 0)
		return BIZ_OK;
	db_bind_text(stmt, 1, kind);
	rc = db_step(db, stmt);
	if (rc == SQLITE_DONE)
		return biz_fail(BIZ_INTERNAL, "no posting rule for '%s'", kind);
	if (rc != SQLITE_ROW)
		return rc;
	snprintf(debit, sizeof(debit), "%s", db_column_text(stmt, 0));
	snprintf(credit, sizeof(credit), "%s", db_column_text(stmt, 1));
	sqlite3_reset(stmt);
	postings[0] = (struct posting_in){ debit, amount };
	postings[1] = (struct posting_in){ credit, -amount };
	return ledger_post(db, &e, entry_id);
}

int ledger_account_balance(struct db *db, const char *code, int64_t *out)
{
	static const char sql[] =
		"SELECT coalesce(sum(amount), 0) FROM posting WHERE account = ?";
	sqlite3_stmt *stmt = db_stmt(db, sql);
	int rc;

	db_bind_text(stmt, 1, code);
	rc = db_step(db, stmt);
	if (rc != SQLITE_ROW)
		return rc;
	*out = sqlite3_column_int64(stmt, 0);
	sqlite3_reset(stmt);
	return BIZ_OK;
}

int ledger_unbalanced_count(struct db *db, int64_t *out)
{
	static const char sql[] =
		"SELECT count(*) FROM (SELECT entry_id FROM posting "
		"GROUP BY entry_id HAVING sum(amount) <> 0)";
	sqlite3_stmt *stmt = db_stmt(db, sql);
	int rc = db_step(db, stmt);

	if (rc != SQLITE_ROW)
		return rc;
	*out = sqlite3_column_int64(stmt, 0);
	sqlite3_reset(stmt);
	return BIZ_OK;
}
