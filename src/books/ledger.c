/* ledger.c - accounts, and balanced entries posted by hand or by rule. */
#include "ledger.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "biz.h"
#include "decimal.h"
#include "event.h"
#include "record.h"
#include "timeutil.h"
#include "banned.h"

static const char *const account_types[] = {
	"asset", "liability", "equity", "income", "expense", NULL
};

static int valid_date(const char *date)
{
	int64_t t;

	return date && date_parse(date, &t) == 0;
}

/* ---- the accounts a transaction has met ------------------------------ */

struct known_account {
	char *text;			/* a code or a name; NULL: free */
	char code[LEDGER_CODE_MAX];
};

/*
 * The accounts resolved in the open transaction, by the text that named
 * them: a batch names the same few accounts entry after entry, and this
 * saves a query each time.  Every code here exists.  Accounts are only
 * added, through ledger_account_add() (which empties the map), and the
 * transaction holds the write lock, so an answer holds until it ends;
 * db->transaction tells the next one apart.
 */
static struct {
	uint64_t transaction;
	size_t cap, used;
	struct known_account *slots;
} known;

static size_t text_hash(const char *text)
{
	size_t h = 2166136261u;

	for (; *text; text++)
		h = (h ^ (unsigned char)*text) * 16777619u;
	return h;
}

static void known_forget(void)
{
	for (size_t i = 0; i < known.cap; i++) {
		free(known.slots[i].text);
		known.slots[i].text = NULL;
	}
	known.used = 0;
}

/* The slot of text: its own, or the free one where it would go. */
static struct known_account *known_slot(const char *text)
{
	size_t i = text_hash(text) & (known.cap - 1);

	while (known.slots[i].text && strcmp(known.slots[i].text, text))
		i = (i + 1) & (known.cap - 1);
	return &known.slots[i];
}

/* The code text names in db's open transaction if known, else NULL. */
static const char *known_code(struct db *db, const char *text)
{
	struct known_account *slot;

	if (!text || !db->in_transaction || !known.used ||
	    known.transaction != db->transaction)
		return NULL;
	slot = known_slot(text);
	return slot->text ? slot->code : NULL;
}

/* Remembers, for db's open transaction, that text names account code. */
static void known_add(struct db *db, const char *text, const char *code)
{
	struct known_account *slot;

	if (!db->in_transaction)
		return;
	if (known.transaction != db->transaction) {
		known_forget();
		known.transaction = db->transaction;
	}
	if ((known.used + 1) * 2 > known.cap) {
		struct known_account *old = known.slots;
		size_t old_cap = known.cap;

		known.cap = old_cap ? 2 * old_cap : 32;
		known.slots = xmalloc(known.cap * sizeof(*known.slots));
		memset(known.slots, 0, known.cap * sizeof(*known.slots));
		for (size_t i = 0; i < old_cap; i++)
			if (old[i].text)
				*known_slot(old[i].text) = old[i];
		free(old);
	}
	slot = known_slot(text);
	if (!slot->text) {
		slot->text = xstrdup(text);
		known.used++;
	}
	snprintf(slot->code, sizeof(slot->code), "%s", code);
}

/*
 * The code of the account that text names, into code (LEDGER_CODE_MAX
 * bytes): text as a code, or with by_name also as a name.  An answer the
 * open transaction already had skips the query.  None is BIZ_DATAERR.
 */
static int account_lookup(struct db *db, const char *text, int by_name,
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

/* ---- posting ----------------------------------------------------------- */

/* Appends text as rec_dump() writes jv_string(text), NULL as null. */
static void add_json_text(struct strbuf *sb, const char *text)
{
	size_t len;
	jv value;

	if (!text) {
		strbuf_add(sb, "null", 4);
		return;
	}
	/* jv_string() keeps ASCII as it is; other bytes it checks. */
	for (len = 0; text[len]; len++)
		if ((unsigned char)text[len] >= 0x80)
			break;
	if (!text[len]) {
		rec_dump_text(sb, text, len);
		return;
	}
	value = jv_string(text);
	rec_dump(sb, value);
	jv_free(value);
}

/* Appends e's postings as the JSON text of [{account, amount}]. */
static void add_json_postings(struct strbuf *sb, const struct entry_in *e,
			      int scale)
{
	char amount[DEC_BUFSZ];

	strbuf_add(sb, "[", 1);
	for (size_t i = 0; i < e->count; i++) {
		strbuf_addstr(sb, i ? ",{\"account\":" : "{\"account\":");
		add_json_text(sb, e->postings[i].account);
		strbuf_addstr(sb, ",\"amount\":");
		strbuf_addstr(sb, dec_format_json(e->postings[i].amount,
						  scale, amount));
		strbuf_add(sb, "}", 1);
	}
	strbuf_add(sb, "]", 1);
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

/*
 * ledger_post(), which also appends the JSON text of the entry's
 * postings to postings: the record's and its event's.
 */
static int post_entry(struct db *db, const struct entry_in *e,
		      int64_t *entry_id, struct strbuf *postings)
{
	static const char entry_sql[] =
		"INSERT INTO entry(date, memo, source, ref, reverses, at, actor) "
		"VALUES (?, ?, ?, ?, ?, ?, ?)";
	static const char posting_sql[] =
		"INSERT INTO posting(entry_id, account, date, amount) "
		"VALUES (?, ?, ?, ?)";
	/* Kept between calls: a batch posts entry after entry. */
	static struct strbuf data;
	const char *source = e->source ? e->source : "manual";
	struct db_stmt *stmt;
	char at[TS_BUFSZ], amount[DEC_BUFSZ], code[LEDGER_CODE_MAX], id[24];
	int64_t sum = 0;
	int status;

	if (!valid_date(e->date))
		return biz_fail(BIZ_DATAERR, "date: '%s' is not a date such "
				"as 2026-11-27", e->date ? e->date : "");
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
	add_json_postings(postings, e, db->money_scale);
	strbuf_reset(&data);
	strbuf_addstr(&data, "{\"date\":");
	add_json_text(&data, e->date);
	strbuf_addstr(&data, ",\"memo\":");
	add_json_text(&data, e->memo);
	strbuf_addstr(&data, ",\"source\":");
	add_json_text(&data, source);
	strbuf_addstr(&data, ",\"ref\":");
	add_json_text(&data, e->ref);
	if (e->reverses)
		strbuf_addf(&data, ",\"reverses\":%lld",
			    (long long)e->reverses);
	strbuf_addstr(&data, ",\"postings\":");
	strbuf_add(&data, postings->buf, postings->len);
	strbuf_add(&data, "}", 1);
	snprintf(id, sizeof(id), "%lld", (long long)*entry_id);
	return event_append_json(db, "ledger.posted", "entry", id, data.buf);
}

int ledger_post(struct db *db, const struct entry_in *e, int64_t *entry_id)
{
	static struct strbuf postings;

	strbuf_reset(&postings);
	return post_entry(db, e, entry_id, &postings);
}

int ledger_post_auto(struct db *db, const char *kind, const char *date,
		     const char *memo, const char *source, const char *ref,
		     int64_t amount, int64_t *entry_id)
{
	static const char sql[] =
		"SELECT debit, credit FROM posting_rule WHERE kind = ?";
	struct db_stmt *stmt = db_stmt(db, sql);
	char debit[LEDGER_CODE_MAX], credit[LEDGER_CODE_MAX];
	struct posting_in postings[2];
	struct entry_in e = { date, memo, source, ref, 0, postings, 2 };
	int rc;

	*entry_id = 0;
	if (amount == 0)
		return BIZ_OK;
	db_bind_text(stmt, 1, kind);
	rc = db_one(db, stmt);
	if (rc == DB_DONE)
		return biz_fail(BIZ_INTERNAL, "no posting rule for '%s'", kind);
	if (rc != DB_ROW)
		return rc;
	snprintf(debit, sizeof(debit), "%s", db_column_text(stmt, 0));
	snprintf(credit, sizeof(credit), "%s", db_column_text(stmt, 1));
	db_reset(stmt);
	postings[0] = (struct posting_in){ debit, amount };
	postings[1] = (struct posting_in){ credit, -amount };
	return ledger_post(db, &e, entry_id);
}

int ledger_account_balance(struct db *db, const char *code, int64_t *out)
{
	static const char sql[] =
		"SELECT coalesce(sum(debit - credit), 0) FROM account_day "
		"WHERE account = ?";
	struct db_stmt *stmt = db_stmt(db, sql);

	db_bind_text(stmt, 1, code);
	return db_int64(db, stmt, out);
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

/* ---- accounts ---------------------------------------------------------- */

static int valid_code(const char *code)
{
	size_t n = code ? strlen(code) : 0;

	if (n == 0 || n >= LEDGER_CODE_MAX)
		return 0;
	for (; *code; code++)
		if (!isalnum((unsigned char)*code) && !strchr("._-", *code))
			return 0;
	return 1;
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
	for (int i = 0; account_types[i]; i++)
		if (!strcmp(type, account_types[i]))
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

int ledger_account_each(struct db *db, const char *type,
			int (*fn)(jv account, void *arg), void *arg)
{
	static const char sql[] =
		ACCOUNT_SELECT "WHERE ?1 IS NULL OR type = ?1 ORDER BY code";
	struct db_stmt *stmt = db_stmt(db, sql);
	int rc, status = BIZ_OK;

	db_bind_text(stmt, 1, type);
	while (status == BIZ_OK && (rc = db_row(db, stmt)) == DB_ROW)
		status = fn(account_from_row(stmt, db->money_scale), arg);
	db_reset(stmt);
	if (status == BIZ_OK && rc != DB_DONE)
		return rc;
	return status;
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
	const char *p = rec_text(a, "parent");

	return !strcmp(rec_text(a, "name"), name) &&
	       !strcmp(rec_text(a, "type"), type) &&
	       ((!p && !parent) || (p && parent && !strcmp(p, parent)));
}

int ledger_account_add(struct db *db, jv fields, jv *out)
{
	static const char sql[] =
		"INSERT INTO account(code, name, type, parent, created_at) "
		"VALUES (?, ?, ?, ?, ?)";
	static const char name_sql[] =
		"SELECT code FROM account WHERE name = ?";
	const char *code, *name, *type, *parent;
	char at[TS_BUFSZ], parent_code[LEDGER_CODE_MAX];
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
	code = rec_text(fields, "code");
	name = rec_text(fields, "name");
	type = rec_text(fields, "type");
	parent = rec_text(fields, "parent");
	if (!valid_code(code)) {
		status = biz_fail(BIZ_DATAERR, "account code '%s': letters, "
				  "digits, '.', '_' and '-' only",
				  code ? code : "");
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
			type = rec_text(parent_account, "type");
		if (strcmp(type, rec_text(parent_account, "type"))) {
			status = biz_fail(BIZ_DATAERR, "account '%s' is %s, "
					  "its parent '%s' %s", code, type,
					  parent_code,
					  rec_text(parent_account, "type"));
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
			rec_set_str(&existing, "op", "unchanged");
			*out = existing;
		} else {
			status = biz_fail(BIZ_REFUSED, "account '%s' exists "
					  "as '%s' (%s)", code,
					  rec_text(existing, "name"),
					  rec_text(existing, "type"));
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
	if ((status = account_get(db, code, out)))
		goto done;
	rec_set_str(out, "op", "created");
done:
	jv_free(parent_account);
	jv_free(fields);
	return status;
}

/* ---- entries ----------------------------------------------------------- */

int ledger_entry_get(struct db *db, int64_t id, jv *out)
{
	static const char entry_sql[] =
		"SELECT id, date, memo, ref, source, reverses FROM entry "
		"WHERE id = ?";
	static const char posting_sql[] =
		"SELECT account, amount FROM posting WHERE entry_id = ? "
		"ORDER BY id";
	struct db_stmt *stmt = db_stmt(db, entry_sql);
	jv entry, postings = jv_array();
	int rc;

	db_bind_int64(stmt, 1, id);
	rc = db_one(db, stmt);
	if (rc == DB_DONE) {
		jv_free(postings);
		return biz_fail(BIZ_DATAERR, "no entry %lld", (long long)id);
	}
	if (rc != DB_ROW) {
		jv_free(postings);
		return rc;
	}
	entry = jv_object();
	rec_set(&entry, "id", db_column_jv(stmt, 0));
	rec_set(&entry, "date", db_column_jv(stmt, 1));
	rec_set(&entry, "memo", db_column_jv(stmt, 2));
	rec_set(&entry, "ref", db_column_jv(stmt, 3));
	rec_set(&entry, "postings", jv_null());
	rec_set(&entry, "source", db_column_jv(stmt, 4));
	rec_set(&entry, "reverses", db_column_jv(stmt, 5));
	db_reset(stmt);
	stmt = db_stmt(db, posting_sql);
	db_bind_int64(stmt, 1, id);
	while ((rc = db_row(db, stmt)) == DB_ROW) {
		jv posting = jv_object();

		rec_set(&posting, "account", db_column_jv(stmt, 0));
		rec_set(&posting, "amount",
			db_column_dec(stmt, 1, db->money_scale));
		postings = jv_array_append(postings, posting);
	}
	db_reset(stmt);
	if (rc != DB_DONE) {
		jv_free(postings);
		jv_free(entry);
		return rc;
	}
	rec_set(&entry, "postings", postings);
	*out = entry;
	return BIZ_OK;
}

/* The manual entry with ref, or 0 when there is none. */
static int entry_by_ref(struct db *db, const char *ref, int64_t *id)
{
	static const char sql[] =
		"SELECT id FROM entry WHERE source = 'manual' AND ref = ?";
	struct db_stmt *stmt = db_stmt(db, sql);
	int rc;

	*id = 0;
	db_bind_text(stmt, 1, ref);
	rc = db_one(db, stmt);
	if (rc == DB_ROW)
		*id = db_column_int64(stmt, 0);
	db_reset(stmt);
	return rc == DB_ROW || rc == DB_DONE ? BIZ_OK : rc;
}

/* *out = entry id with "op" set to op. */
static int entry_result(struct db *db, int64_t id, const char *op, jv *out)
{
	int status = ledger_entry_get(db, id, out);

	if (status == BIZ_OK)
		rec_set_str(out, "op", op);
	return status;
}

/* An optional text field of an entry record; non-text is BIZ_DATAERR. */
static int text_field(jv record, const char *key, const char **out)
{
	jv value = jv_object_get(jv_copy(record), jv_string(key));
	jv_kind kind = jv_get_kind(value);

	/* record still holds value, so its text lives on ("" is NULL). */
	*out = kind == JV_KIND_STRING ? rec_value_text(value) : NULL;
	jv_free(value);
	if (kind == JV_KIND_INVALID || kind == JV_KIND_NULL ||
	    kind == JV_KIND_STRING)
		return BIZ_OK;
	return biz_fail(BIZ_DATAERR, "%s: text is needed", key);
}

/*
 * Reads list, the postings of an entry record (consumed), into *out
 * (accounts resolved into codes, which the caller frees), inferring the
 * one amount left out.
 */
static int read_postings(struct db *db, jv list, struct posting_in **out,
			 size_t *count)
{
	struct posting_in *p;
	size_t n, missing = (size_t)-1;
	int64_t sum = 0;
	int status = BIZ_OK;

	if (jv_get_kind(list) != JV_KIND_ARRAY) {
		jv_free(list);
		return biz_fail(BIZ_DATAERR, "postings: a list of "
				"{\"account\", \"amount\"} is needed");
	}
	n = (size_t)jv_array_length(jv_copy(list));
	p = xmalloc((n ? n : 1) * sizeof(*p));
	memset(p, 0, (n ? n : 1) * sizeof(*p));
	*out = p;
	*count = 0;
	for (size_t i = 0; i < n && status == BIZ_OK; i++) {
		jv posting = jv_array_get(jv_copy(list), (int)i), amount;
		char code[LEDGER_CODE_MAX];
		const char *account;
		jv_kind kind;

		if (jv_get_kind(posting) != JV_KIND_OBJECT) {
			jv_free(posting);
			status = biz_fail(BIZ_DATAERR, "postings: a list of "
					  "{\"account\", \"amount\"} is "
					  "needed");
			break;
		}
		account = rec_text(posting, "account");
		if ((status = ledger_account_resolve(db, account, code))) {
			jv_free(posting);
			break;
		}
		p[i].account = xstrdup(code);
		*count = i + 1;
		amount = jv_object_get(jv_copy(posting), jv_string("amount"));
		kind = jv_get_kind(amount);
		if (kind == JV_KIND_INVALID || kind == JV_KIND_NULL ||
		    (kind == JV_KIND_STRING &&
		     !*jv_string_value(amount))) {
			jv_free(amount);
			jv_free(posting);
			if (missing != (size_t)-1) {
				status = biz_fail(BIZ_DATAERR, "two amounts "
						  "are missing: only one can "
						  "be inferred");
				break;
			}
			missing = i;
			continue;
		}
		if (dec_from_jv(amount, db->money_scale, &p[i].amount)) {
			const char *text = rec_text(posting, "amount");

			status = biz_fail(BIZ_DATAERR, "amount '%s' of '%s' is "
					  "not a number with at most %d "
					  "decimal places", text ? text : "",
					  account, db->money_scale);
			jv_free(posting);
			break;
		}
		jv_free(posting);
		if (__builtin_add_overflow(sum, p[i].amount, &sum))
			status = biz_fail(BIZ_DATAERR, "amounts too large");
	}
	jv_free(list);
	if (status == BIZ_OK && missing != (size_t)-1) {
		if (sum == INT64_MIN)
			return biz_fail(BIZ_DATAERR, "amounts too large");
		p[missing].amount = -sum;
	}
	return status;
}

static void free_postings(struct posting_in *p, size_t count)
{
	for (size_t i = 0; i < count; i++)
		free((char *)p[i].account);
	free(p);
}

/*
 * Appends entry id (e, the JSON text of whose postings is postings) as
 * the record ledger_entry_get() reads back, with op: rec_dump()'s text.
 */
static void add_json_entry(struct strbuf *sb, int64_t id,
			   const struct entry_in *e,
			   const struct strbuf *postings, const char *op)
{
	strbuf_addf(sb, "{\"id\":%lld,\"date\":", (long long)id);
	add_json_text(sb, e->date);
	strbuf_addstr(sb, ",\"memo\":");
	add_json_text(sb, e->memo);
	strbuf_addstr(sb, ",\"ref\":");
	add_json_text(sb, e->ref);
	strbuf_addstr(sb, ",\"postings\":");
	strbuf_add(sb, postings->buf, postings->len);
	strbuf_addstr(sb, ",\"source\":");
	add_json_text(sb, e->source ? e->source : "manual");
	if (e->reverses)
		strbuf_addf(sb, ",\"reverses\":%lld", (long long)e->reverses);
	else
		strbuf_addstr(sb, ",\"reverses\":null");
	strbuf_addstr(sb, ",\"op\":");
	add_json_text(sb, op);
	strbuf_add(sb, "}", 1);
}

int ledger_post_record_json(struct db *db, jv record, jv *out,
			    struct strbuf *json)
{
	static struct strbuf posted;
	const char *date = NULL, *memo = NULL, *ref = NULL;
	char today[TS_BUFSZ];
	struct posting_in *postings = NULL;
	struct entry_in e;
	size_t count = 0;
	int64_t id;
	int status = BIZ_OK;

	if (jv_get_kind(record) != JV_KIND_OBJECT) {
		jv_free(record);
		return biz_fail(BIZ_DATAERR, "an entry is a JSON object");
	}
	jv_object_foreach(record, key, value) {
		const char *k = jv_string_value(key);

		if (status == BIZ_OK && strcmp(k, "date") &&
		    strcmp(k, "memo") && strcmp(k, "ref") &&
		    strcmp(k, "postings") && strcmp(k, "id") &&
		    strcmp(k, "source") && strcmp(k, "reverses") &&
		    strcmp(k, "op"))
			status = biz_fail(BIZ_DATAERR, "an entry has no field "
					  "'%s'", k);
		jv_free(key);
		jv_free(value);
	}
	if (status || (status = text_field(record, "date", &date)) ||
	    (status = text_field(record, "memo", &memo)) ||
	    (status = text_field(record, "ref", &ref)))
		goto done;
	if (!date)
		date = date_format(db->now, today);
	if (ref) {
		if ((status = entry_by_ref(db, ref, &id)))
			goto done;
		if (id) {
			status = entry_result(db, id, "unchanged", out);
			goto done;
		}
	}
	if ((status = read_postings(db, jv_object_get(jv_copy(record),
						      jv_string("postings")),
				    &postings, &count)))
		goto done;
	if (count < 2) {
		status = biz_fail(BIZ_DATAERR, "an entry needs two postings "
				  "or more");
		goto done;
	}
	e = (struct entry_in){ date, memo, NULL, ref, 0, postings, count };
	strbuf_reset(&posted);
	if ((status = post_entry(db, &e, &id, &posted)))
		goto done;
	add_json_entry(json, id, &e, &posted, "created");
done:
	if (postings)
		free_postings(postings, count);
	jv_free(record);
	return status;
}

int ledger_post_record(struct db *db, jv record, jv *out)
{
	static struct strbuf json;
	int status;

	strbuf_reset(&json);
	status = ledger_post_record_json(db, record, out, &json);
	if (status == BIZ_OK && json.len)
		*out = jv_parse_sized(json.buf, (int)json.len);
	return status;
}

int ledger_reverse(struct db *db, int64_t id, const char *date,
		   const char *memo, const char *ref, jv *out)
{
	static const char reversed_sql[] =
		"SELECT id FROM entry WHERE reverses = ? LIMIT 1";
	static const char posting_sql[] =
		"SELECT account, amount FROM posting WHERE entry_id = ? "
		"ORDER BY id";
	char today[TS_BUFSZ];
	struct strbuf default_memo = { 0 }, posted = { 0 }, json = { 0 };
	struct posting_in *postings = NULL;
	struct entry_in e;
	size_t count = 0, cap = 0;
	struct db_stmt *stmt;
	int64_t existing, new_id;
	jv original;
	int rc, status;

	if (ref) {
		if ((status = entry_by_ref(db, ref, &existing)))
			return status;
		if (existing)
			return entry_result(db, existing, "unchanged", out);
	}
	if ((status = ledger_entry_get(db, id, &original)))
		return status;
	stmt = db_stmt(db, reversed_sql);
	db_bind_int64(stmt, 1, id);
	rc = db_one(db, stmt);
	if (rc == DB_ROW) {
		existing = db_column_int64(stmt, 0);
		db_reset(stmt);
		jv_free(original);
		return biz_fail(BIZ_REFUSED, "entry %lld is already reversed "
				"by entry %lld", (long long)id,
				(long long)existing);
	}
	if (rc != DB_DONE) {
		jv_free(original);
		return rc;
	}
	if (!memo) {
		strbuf_addf(&default_memo, "Reversal of entry %lld: %s",
			    (long long)id, rec_text(original, "memo"));
		memo = default_memo.buf;
	}
	if (!date)
		date = date_format(db->now, today);
	stmt = db_stmt(db, posting_sql);
	db_bind_int64(stmt, 1, id);
	while ((rc = db_row(db, stmt)) == DB_ROW) {
		if (count == cap) {
			cap = cap ? 2 * cap : 4;
			postings = xrealloc(postings, cap * sizeof(*postings));
		}
		postings[count].account = xstrdup(db_column_text(stmt, 0));
		postings[count].amount = -db_column_int64(stmt, 1);
		count++;
	}
	db_reset(stmt);
	if (rc != DB_DONE) {
		status = rc;
		goto done;
	}
	e = (struct entry_in){ date, memo, NULL, ref, id, postings, count };
	if ((status = post_entry(db, &e, &new_id, &posted)))
		goto done;
	add_json_entry(&json, new_id, &e, &posted, "created");
	*out = jv_parse_sized(json.buf, (int)json.len);
done:
	free_postings(postings, count);
	strbuf_release(&default_memo);
	strbuf_release(&posted);
	strbuf_release(&json);
	jv_free(original);
	return status;
}
