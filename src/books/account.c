/* account.c - the chart of accounts, and the accounts an entry names. */
#include "ledger.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "biz.h"
#include "books.h"
#include "decimal.h"
#include "event.h"
#include "hash.h"
#include "json.h"
#include "record.h"
#include "timeutil.h"
#include "code.h"
#include "banned.h"

const char *const ledger_account_types[] = {
	"asset", "liability", "equity", "income", "expense", NULL
};

/* ---- the accounts a transaction has met ------------------------------ */

struct known_account {
	char *text;			/* a code or a name: the key */
	char code[LEDGER_CODE_MAX];
};

/*
 * The accounts resolved in the open transaction, by the text that named
 * them: a batch names the same few accounts entry after entry, and this
 * saves a query each time.  Every code here exists.  Accounts are only
 * added, through ledger_account_add() (which empties the map), and the
 * transaction holds the write lock, so an answer holds until it ends;
 * db->transaction tells the next one apart.  A cache, not scratch: what
 * it holds is true for the whole transaction.
 */
static struct {
	uint64_t transaction;
	struct hash map;		/* text -> struct known_account */
} known;

static void known_forget(void)
{
	for (size_t i = 0; i < known.map.cap; i++) {
		struct known_account *k = known.map.values[i];

		if (known.map.keys[i]) {
			free(k->text);
			free(k);
		}
	}
	hash_clear(&known.map);
}

/* The code text names in db's open transaction if known, else NULL. */
static const char *known_code(struct db *db, const char *text)
{
	struct known_account *k;

	if (!text || !db->in_transaction || !known.map.count ||
	    known.transaction != db->transaction)
		return NULL;
	k = hash_get(&known.map, text);
	return k ? k->code : NULL;
}

/* Remembers, for db's open transaction, that text names account code. */
static void known_add(struct db *db, const char *text, const char *code)
{
	struct known_account *k;

	if (!db->in_transaction)
		return;
	if (known.transaction != db->transaction) {
		known_forget();
		known.transaction = db->transaction;
	}
	k = hash_get(&known.map, text);
	if (!k) {
		k = xmalloc(sizeof(*k));
		k->text = xstrdup(text);
		hash_put(&known.map, k->text, k);
	}
	snprintf(k->code, sizeof(k->code), "%s", code);
}

/*
 * The code of the account that text names, into code (LEDGER_CODE_MAX
 * bytes): text as a code, or with by_name also as a name.  An answer the
 * open transaction already had skips the query.  None is BIZ_DATAERR.
 */
int account_lookup(struct db *db, const char *text, int by_name,
		   char *code)
{
	static const char code_sql[] =
		"SELECT code FROM account WHERE code = ?1";
	static const char name_sql[] =
		"SELECT code FROM account WHERE code = ?1 "
		"UNION ALL SELECT code FROM account WHERE name = ?1 LIMIT 1";
	const char *known_as = known_code(db, text);
	struct db_stmt *stmt;
	int rc;

	if (known_as && (by_name || !strcmp(known_as, text))) {
		snprintf(code, LEDGER_CODE_MAX, "%s", known_as);
		return BIZ_OK;
	}
	stmt = db_stmt(db, by_name ? name_sql : code_sql);
	db_bind_text(stmt, 1, text);
	rc = db_one(db, stmt);
	if (rc == DB_DONE)
		return biz_fail(BIZ_DATAERR, "no account '%s'",
				text ? text : "");
	if (rc != DB_ROW)
		return rc;
	snprintf(code, LEDGER_CODE_MAX, "%s", db_column_text(stmt, 0));
	db_reset(stmt);
	known_add(db, text, code);
	return BIZ_OK;
}

/* ---- accounts ---------------------------------------------------------- */

static int valid_code(const char *code)
{
	return code_valid(code, LEDGER_CODE_MAX);
}

static int valid_name(const char *name)
{
	if (!name || !*name || isspace((unsigned char)*name))
		return 0;
	for (; *name; name++)
		if ((unsigned char)*name < 0x20 || *name == 0x7f)
			return 0;
	return isspace((unsigned char)name[-1]) == 0;
}

static int valid_type(const char *type)
{
	for (int i = 0; ledger_account_types[i]; i++)
		if (!strcmp(type, ledger_account_types[i]))
			return 1;
	return 0;
}

/* The columns account_from_row() reads, for a WHERE to follow. */
#define ACCOUNT_SELECT \
	"SELECT code, name, type, parent, (SELECT coalesce(sum(debit - " \
	"credit), 0) FROM account_day d WHERE d.account = a.code) " \
	"FROM account a "

static jv account_from_row(struct db_stmt *stmt, int scale)
{
	jv account = jv_object();

	rec_set(&account, "code", db_column_jv(stmt, 0));
	rec_set(&account, "name", db_column_jv(stmt, 1));
	rec_set(&account, "type", db_column_jv(stmt, 2));
	rec_set(&account, "parent", db_column_jv(stmt, 3));
	rec_set(&account, "balance", db_column_dec(stmt, 4, scale));
	return account;
}

static int account_get(struct db *db, const char *code, jv *out)
{
	static const char sql[] = ACCOUNT_SELECT "WHERE code = ?";
	struct db_stmt *stmt = db_stmt(db, sql);
	int rc;

	db_bind_text(stmt, 1, code);
	rc = db_one(db, stmt);
	if (rc == DB_DONE)
		return biz_fail(BIZ_DATAERR, "no account '%s'", code);
	if (rc != DB_ROW)
		return rc;
	*out = account_from_row(stmt, db->money_scale);
	db_reset(stmt);
	return BIZ_OK;
}

/* Writes the account of the row as a record, with op unless NULL. */
static void account_write(struct json *w, struct db_stmt *stmt, int scale,
			  const char *op)
{
	json_object(w);
	db_json_column(w, "code", stmt, 0);
	db_json_column(w, "name", stmt, 1);
	db_json_column(w, "type", stmt, 2);
	db_json_column(w, "parent", stmt, 3);
	db_json_dec(w, "balance", stmt, 4, scale);
	if (op)
		json_key_str(w, "op", op);
	json_end_object(w);
}

/* Puts account code to out with "op" op. */
static int account_put(struct db *db, const char *code, const char *op,
		       struct sink *out)
{
	static const char sql[] = ACCOUNT_SELECT "WHERE code = ?";
	struct db_stmt *stmt = db_stmt(db, sql);
	struct json w = { 0 };
	int rc;

	db_bind_text(stmt, 1, code);
	rc = db_one(db, stmt);
	if (rc == DB_DONE)
		return biz_fail(BIZ_DATAERR, "no account '%s'", code);
	if (rc != DB_ROW)
		return rc;
	account_write(&w, stmt, db->money_scale, op);
	db_reset(stmt);
	rc = sink_done(sink_put(out, &w));
	json_release(&w);
	return rc;
}

/* db_put_rows()'s writer: arg is the money scale. */
static void account_row(struct json *w, struct db_stmt *stmt, void *arg)
{
	account_write(w, stmt, *(const int *)arg, NULL);
}

int ledger_account_each(struct db *db, const char *type, struct sink *out)
{
	static const char sql[] =
		ACCOUNT_SELECT "WHERE ?1 IS NULL OR type = ?1 ORDER BY code";
	struct db_stmt *stmt;
	int type_known = !type;

	/* A type outside the closed set is usage (64), not an empty list. */
	for (int i = 0; !type_known && ledger_account_types[i]; i++)
		type_known = !strcmp(type, ledger_account_types[i]);
	if (!type_known)
		return biz_fail(BIZ_USAGE, "type: '%s' is not one of asset, "
				"liability, equity, income, expense", type);
	stmt = db_stmt(db, sql);
	db_bind_text(stmt, 1, type);
	return db_put_rows(db, stmt, account_row, &db->money_scale, out);
}

int ledger_account_resolve(struct db *db, const char *text, char *code)
{
	if (!text || !*text)
		return biz_fail(BIZ_DATAERR, "a posting needs an account");
	return account_lookup(db, text, 1, code);
}

/* Whether account record a has the same name, type and parent. */
static int same_account(jv a, const char *name, const char *type,
			const char *parent)
{
	struct rec_texts texts = { .used = 0 };
	const char *p = rec_text(&texts, a, "parent");

	return !strcmp(rec_text(&texts, a, "name"), name) &&
	       !strcmp(rec_text(&texts, a, "type"), type) &&
	       ((!p && !parent) || (p && parent && !strcmp(p, parent)));
}

int ledger_account_add(struct db *db, jv fields, struct sink *out)
{
	static const char sql[] =
		"INSERT INTO account(code, name, type, parent, created_at) "
		"VALUES (?, ?, ?, ?, ?)";
	static const char name_sql[] =
		"SELECT code FROM account WHERE name = ?";
	struct rec_texts texts = { .used = 0 };
	const char *code, *name, *type, *parent;
	char at[TS_BUFSZ], parent_code[LEDGER_CODE_MAX];
	char numbers[4][REC_NUMBER_BUFSZ];
	jv existing, parent_account = jv_invalid(), data;
	struct db_stmt *stmt;
	int status, rc;

	jv_object_foreach(fields, key, value) {
		const char *k = jv_string_value(key);

		if (strcmp(k, "code") && strcmp(k, "name") &&
		    strcmp(k, "type") && strcmp(k, "parent")) {
			status = biz_fail(BIZ_DATAERR, "an account has no "
					  "field '%s'", k);
			jv_free(key);
			jv_free(value);
			jv_free(fields);
			return status;
		}
		jv_free(key);
		jv_free(value);
	}
	code = rec_field_text(fields, "code", numbers[0]);
	name = rec_field_text(fields, "name", numbers[1]);
	type = rec_field_text(fields, "type", numbers[2]);
	parent = rec_field_text(fields, "parent", numbers[3]);
	if (!valid_code(code)) {
		status = biz_fail(BIZ_DATAERR, "account code '%s': "
				  CODE_RULE, code ? code : "");
		goto done;
	}
	if (!valid_name(name)) {
		status = biz_fail(BIZ_DATAERR, "account '%s' needs a name "
				  "(no control characters, no leading or "
				  "trailing space)", code);
		goto done;
	}
	if (parent) {
		if ((status = ledger_account_resolve(db, parent,
						     parent_code)))
			goto done;
		if ((status = account_get(db, parent_code, &parent_account)))
			goto done;
		if (!type)
			type = rec_text(&texts, parent_account, "type");
		if (strcmp(type, rec_text(&texts, parent_account, "type"))) {
			status = biz_fail(BIZ_DATAERR, "account '%s' is %s, "
					  "its parent '%s' %s", code, type,
					  parent_code,
					  rec_text(&texts, parent_account,
						   "type"));
			goto done;
		}
		parent = parent_code;
	}
	if (!type || !valid_type(type)) {
		status = biz_fail(BIZ_DATAERR, "account '%s': type must be "
				  "asset, liability, equity, income or "
				  "expense", code);
		goto done;
	}
	status = account_get(db, code, &existing);
	if (status == BIZ_OK) {
		if (same_account(existing, name, type, parent)) {
			status = account_put(db, code, "unchanged", out);
			jv_free(existing);
		} else {
			status = biz_fail(BIZ_REFUSED, "account '%s' exists "
					  "as '%s' (%s)", code,
					  rec_text(&texts, existing, "name"),
					  rec_text(&texts, existing, "type"));
			jv_free(existing);
		}
		goto done;
	}
	if (status != BIZ_DATAERR)
		goto done;
	stmt = db_stmt(db, name_sql);
	db_bind_text(stmt, 1, name);
	rc = db_one(db, stmt);
	if (rc == DB_ROW) {
		status = biz_fail(BIZ_REFUSED, "account '%s' is already "
				  "named '%s'", db_column_text(stmt, 0), name);
		db_reset(stmt);
		goto done;
	}
	if (rc != DB_DONE) {
		status = rc;
		goto done;
	}
	stmt = db_stmt(db, sql);
	db_bind_text(stmt, 1, code);
	db_bind_text(stmt, 2, name);
	db_bind_text(stmt, 3, type);
	db_bind_text(stmt, 4, parent);
	db_bind_text(stmt, 5, time_format(db->now, at));
	if ((status = db_done(db, stmt)))
		goto done;
	/* The new code may be a text that named another account. */
	known_forget();
	data = jv_object();
	rec_set_str(&data, "name", name);
	rec_set_str(&data, "type", type);
	rec_set_str(&data, "parent", parent);
	if ((status = event_append(db, "ledger.account_added", "account",
				   code, data)))
		goto done;
	status = account_put(db, code, "created", out);
done:
	jv_free(parent_account);
	jv_free(fields);
	return status;
}

