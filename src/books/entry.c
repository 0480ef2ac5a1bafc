/* entry.c - entries as records: read, posted from input, reversed. */
#include "ledger.h"

#include <stdlib.h>
#include <string.h>

#include "biz.h"
#include "books.h"
#include "decimal.h"
#include "record.h"
#include "timeutil.h"
#include "banned.h"

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
