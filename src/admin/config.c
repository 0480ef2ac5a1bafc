/* config.c - the settings of biz-config: one table of keys. */
#include "config.h"

#include <string.h>

#include "biz.h"
#include "decimal.h"
#include "event.h"
#include "ledger.h"
#include "record.h"
#include "timeutil.h"
#include "banned.h"

enum config_kind { CONFIG_MONEY, CONFIG_DAYS, CONFIG_ACCOUNT, CONFIG_DATE };

static const char *const kind_names[] = {
	[CONFIG_MONEY] = "money", [CONFIG_DAYS] = "days",
	[CONFIG_ACCOUNT] = "account", [CONFIG_DATE] = "date"
};

/*
 * Every setting, by key.  Add a row here (in key order) for a new one;
 * its kind decides how a value is checked and stored.
 */
static const struct config_key {
	const char *key;
	enum config_kind kind;
	const char *fallback;	/* the default, NULL for none */
	const char *description;
	const char *type;	/* an account's required type, or NULL */
} keys[] = {
	{ "ledger.lock_date", CONFIG_DATE, NULL,
	  "no ledger entry dated on or before it", NULL },
	{ "purchase.approval_limit", CONFIG_MONEY, NULL,
	  "a purchase above it is approved by someone other than its "
	  "requester", NULL },
	{ "sales.tax_account", CONFIG_ACCOUNT, "2200",
	  "the account sales tax is posted to", "liability" },
	{ "sales.terms_days", CONFIG_DAYS, "30",
	  "payment terms of a customer without their own, in days", NULL },
};

#define KEY_COUNT (sizeof(keys) / sizeof(keys[0]))

static const struct config_key *find_key(const char *key)
{
	for (size_t i = 0; i < KEY_COUNT; i++)
		if (!strcmp(keys[i].key, key))
			return &keys[i];
	return NULL;
}

static int unknown_key(const char *key)
{
	return biz_fail(BIZ_USAGE, "unknown setting '%s' (biz-config list "
			"shows them)", key);
}

/* The value as a JSON value of its kind: money a number, days too. */
static jv value_jv(struct db *db, const struct config_key *k,
		   const char *text)
{
	int64_t v;

	if (!text)
		return jv_null();
	if (k->kind == CONFIG_MONEY && !dec_parse(text, db->money_scale, &v))
		return dec_to_jv(v, db->money_scale);
	if (k->kind == CONFIG_DAYS && !parse_i64(text, 0, 100000, &v))
		return jv_number((double)v);
	return jv_string(text);
}

static jv setting_record(struct db *db, const struct config_key *k)
{
	jv rec = jv_object();
	const char *stored = db_setting(db, k->key);

	rec_set_str(&rec, "key", k->key);
	rec_set_str(&rec, "kind", kind_names[k->kind]);
	rec_set(&rec, "value", value_jv(db, k, stored ? stored : k->fallback));
	rec_set(&rec, "default", value_jv(db, k, k->fallback));
	rec_set_str(&rec, "description", k->description);
	return rec;
}

int config_get(struct db *db, const char *key, jv *out)
{
	const struct config_key *k = find_key(key);

	if (!k)
		return unknown_key(key);
	*out = setting_record(db, k);
	return BIZ_OK;
}

int config_each(struct db *db, int (*fn)(jv setting, void *arg), void *arg)
{
	int status = BIZ_OK;

	for (size_t i = 0; i < KEY_COUNT && !status; i++)
		status = fn(setting_record(db, &keys[i]), arg);
	return status;
}

/*
 * An account setting names an account of k->type (if any) that is not a
 * control account: a control account's balance is what its documents
 * post (biz-check compares it with them), so a setting that sends other
 * postings there would break it.  BIZ_REFUSED naming the account if not.
 */
static int account_fits(struct db *db, const struct config_key *k,
			const char *code)
{
	static const char sql[] =
		"SELECT name, type, control FROM account WHERE code = ?";
	struct db_stmt *stmt = db_stmt(db, sql);
	int rc;

	db_bind_text(stmt, 1, code);
	rc = db_one(db, stmt);
	if (rc == DB_DONE)
		return biz_fail(BIZ_DATAERR, "%s: no such account '%s'",
				k->key, code);
	if (rc != DB_ROW)
		return rc;
	if (db_column_int64(stmt, 2))
		rc = biz_fail(BIZ_REFUSED, "%s: account '%s' (%s) is a "
			      "control account: only its documents post to "
			      "it", k->key, code, db_column_text(stmt, 0));
	else if (k->type && strcmp(db_column_text(stmt, 1), k->type))
		rc = biz_fail(BIZ_REFUSED, "%s: account '%s' (%s) is an %s "
			      "account, not a %s one", k->key, code,
			      db_column_text(stmt, 0), db_column_text(stmt, 1),
			      k->type);
	else
		rc = BIZ_OK;
	db_reset(stmt);
	return rc;
}

/* Checks text as a value of k and writes its canonical text to canon. */
static int canonical(struct db *db, const struct config_key *k,
		     const char *text, struct strbuf *canon)
{
	char buf[DEC_BUFSZ], code[LEDGER_CODE_MAX];
	int64_t v;
	int status;

	switch (k->kind) {
	case CONFIG_MONEY:
		if (dec_parse(text, db->money_scale, &v) || v < 0)
			return biz_fail(BIZ_DATAERR, "%s: '%s' is not an "
					"amount from 0 with at most %d decimal "
					"places", k->key, text,
					db->money_scale);
		strbuf_addstr(canon, dec_format(v, db->money_scale, buf));
		return BIZ_OK;
	case CONFIG_DAYS:
		if (parse_i64(text, 0, 100000, &v))
			return biz_fail(BIZ_DATAERR, "%s: '%s' is not a whole "
					"number of days", k->key, text);
		strbuf_addf(canon, "%lld", (long long)v);
		return BIZ_OK;
	case CONFIG_ACCOUNT:
		if (ledger_account_resolve(db, text, code))
			return biz_fail(BIZ_DATAERR, "%s: no such account "
					"'%s'", k->key, text);
		if ((status = account_fits(db, k, code)))
			return status;
		strbuf_addstr(canon, code);
		return BIZ_OK;
	case CONFIG_DATE:
		/*
		 * The forms of every date option, fixed when set: "yesterday"
		 * stores yesterday's date, and a month its last day (locking
		 * 2026-10 closes all of October).
		 */
		if (date_parse_user(text, db->now, DATE_LAST, buf))
			return biz_fail(BIZ_DATAERR, "%s: '%s' is not a date "
					"such as 2026-11-27, 2026-11, today, "
					"yesterday or 7d", k->key, text);
		strbuf_addstr(canon, buf);
		return BIZ_OK;
	}
	return biz_fail(BIZ_INTERNAL, "%s: unknown kind", k->key);
}

static int remove_setting(struct db *db, const char *key)
{
	static const char sql[] = "DELETE FROM setting WHERE key = ?";
	struct db_stmt *stmt = db_stmt(db, sql);

	db_bind_text(stmt, 1, key);
	return db_done(db, stmt);
}

int config_set(struct db *db, const char *key, const char *value, jv *out)
{
	const struct config_key *k = find_key(key);
	struct strbuf canon = { 0 };
	const char *old;
	int status, same;
	jv data;

	if (!k)
		return unknown_key(key);
	if (value && (status = canonical(db, k, value, &canon))) {
		strbuf_release(&canon);
		return status;
	}
	old = db_setting(db, key);
	same = value ? old && !strcmp(old, canon.buf) : !old;
	if (!same) {
		data = jv_object();
		rec_set_str(&data, "old", old);
		rec_set_str(&data, "value", value ? canon.buf : NULL);
		status = value ? db_set_setting(db, key, canon.buf)
			       : remove_setting(db, key);
		if (!status)
			status = event_append(db, "config.set", "setting",
					      key, data);
		else
			jv_free(data);
	}
	strbuf_release(&canon);
	if (status)
		return status;
	*out = setting_record(db, k);
	rec_set_str(out, "op", same ? "unchanged" : "updated");
	return BIZ_OK;
}

const char *config_text(struct db *db, const char *key)
{
	const struct config_key *k = find_key(key);
	const char *text = db_setting(db, key);

	return text ? text : k ? k->fallback : NULL;
}

int config_money(struct db *db, const char *key, int64_t *out, int *found)
{
	const char *text = config_text(db, key);

	*found = 0;
	if (!text)
		return BIZ_OK;
	if (dec_parse(text, db->money_scale, out))
		return biz_fail(BIZ_DATAERR, "%s: stored value '%s' is not an "
				"amount", key, text);
	*found = 1;
	return BIZ_OK;
}

int config_integer(struct db *db, const char *key, int64_t *out)
{
	const char *text = config_text(db, key);

	if (!text || parse_i64(text, INT64_MIN, INT64_MAX, out))
		return biz_fail(BIZ_DATAERR, "%s: no whole-number value", key);
	return BIZ_OK;
}
