/* entry.c - entries as records: read, posted from input, reversed. */
#include "ledger.h"

#include <stdlib.h>
#include <string.h>

#include "biz.h"
#include "array.h"
#include "books.h"
#include "json.h"
#include "decimal.h"
#include "record.h"
#include "timeutil.h"
#include "banned.h"

/* ---- entries ----------------------------------------------------------- */

/*
 * Writes entry id as a record into w: id date memo ref postings[] source
 * reverses, and op unless it is NULL.  No such entry is BIZ_DATAERR.
 */
static int entry_write(struct db *db, int64_t id, const char *op,
		       struct json *w)
{
	static const char entry_sql[] =
		"SELECT id, date, memo, ref, source, reverses FROM entry "
		"WHERE id = ?";
	static const char posting_sql[] =
		"SELECT account, amount FROM posting WHERE entry_id = ? "
		"ORDER BY id";
	struct db_stmt *stmt = db_stmt(db, entry_sql);
	struct json tail = { 0 };
	int rc;

	db_bind_int64(stmt, 1, id);
	rc = db_one(db, stmt);
	if (rc == DB_DONE)
		return biz_fail(BIZ_DATAERR, "no entry %lld", (long long)id);
	if (rc != DB_ROW)
		return rc;
	json_object(w);
	db_json_column(w, "id", stmt, 0);
	db_json_column(w, "date", stmt, 1);
	db_json_column(w, "memo", stmt, 2);
	db_json_column(w, "ref", stmt, 3);
	/* source and reverses come after the postings. */
	tail.comma = 1;
	db_json_column(&tail, "source", stmt, 4);
	db_json_column(&tail, "reverses", stmt, 5);
	db_reset(stmt);
	stmt = db_stmt(db, posting_sql);
	db_bind_int64(stmt, 1, id);
	json_key(w, "postings");
	json_array(w);
	while ((rc = db_row(db, stmt)) == DB_ROW) {
		json_object(w);
		db_json_column(w, "account", stmt, 0);
		db_json_dec(w, "amount", stmt, 1, db->money_scale);
		json_end_object(w);
	}
	json_end_array(w);
	strbuf_add(&w->text, tail.text.buf, tail.text.len);
	json_release(&tail);
	if (rc != DB_DONE)
		return rc;
	if (op)
		json_key_str(w, "op", op);
	json_end_object(w);
	return BIZ_OK;
}

int ledger_entry_get(struct db *db, int64_t id, struct sink *out)
{
	struct json w = { 0 };
	int status = entry_write(db, id, NULL, &w);

	if (status == BIZ_OK)
		status = sink_done(sink_put(out, &w));
	json_release(&w);
	return status;
}

/* The manual entry with ref, or 0 when there is none. */
static int entry_by_ref(struct db *db, const char *ref, int64_t *id)
{
	static const char sql[] =
		"SELECT id FROM entry WHERE source = 'manual' AND ref = ?";

	return db_id_by_text(db, sql, ref, id);
}

/* Appends one posting as text ("ACCOUNT AMOUNT, ") to sb. */
static void posting_text(struct strbuf *sb, const struct db *db,
			 const char *account, int64_t amount)
{
	char buf[DEC_BUFSZ];

	strbuf_addf(sb, "%s%s %s", sb->len ? ", " : "", account,
		    dec_format(amount, db->money_scale, buf));
}

/*
 * Whether the manual entry id (posted under e->ref) is the request e:
 * the same date and memo when e gives them, the same postings in any
 * order.  Another request is refused (BIZ_REFUSED) naming what differs:
 * a cron job's rerun is harmless, a reused ref never hides a mistake.
 */
static int entry_same(struct db *db, int64_t id, const struct entry_in *e)
{
	static const char entry_sql[] =
		"SELECT date, memo FROM entry WHERE id = ?";
	static const char posting_sql[] =
		"SELECT account, amount FROM posting WHERE entry_id = ? "
		"ORDER BY id";
	struct strbuf was = { 0 }, now = { 0 };
	struct db_stmt *stmt = db_stmt(db, entry_sql);
	unsigned char *used = xmalloc(e->count + 1);
	size_t n = 0, matched = 0;
	int rc, status = BIZ_OK;

	memset(used, 0, e->count + 1);
	db_bind_int64(stmt, 1, id);
	if ((rc = db_one(db, stmt)) != DB_ROW) {
		free(used);
		return rc == DB_DONE ? biz_fail(BIZ_DATAERR, "no entry %lld",
						(long long)id) : rc;
	}
	if (e->date && strcmp(e->date, db_column_text(stmt, 0)))
		status = biz_fail(BIZ_REFUSED, "ref '%s' is entry %lld dated "
				  "%s, not %s", e->ref, (long long)id,
				  db_column_text(stmt, 0), e->date);
	else if (e->memo && strcmp(e->memo, db_column_text(stmt, 1)))
		status = biz_fail(BIZ_REFUSED, "ref '%s' is entry %lld with "
				  "memo '%s', not '%s'", e->ref,
				  (long long)id, db_column_text(stmt, 1),
				  e->memo);
	db_reset(stmt);
	if (status) {
		free(used);
		return status;
	}
	stmt = db_stmt(db, posting_sql);
	db_bind_int64(stmt, 1, id);
	while ((rc = db_row(db, stmt)) == DB_ROW) {
		const char *account = db_column_text(stmt, 0);
		int64_t amount = db_column_int64(stmt, 1);

		posting_text(&was, db, account, amount);
		n++;
		for (size_t i = 0; i < e->count; i++)
			if (!used[i] && amount == e->postings[i].amount &&
			    !strcmp(account, e->postings[i].account)) {
				used[i] = 1;
				matched++;
				break;
			}
	}
	if (rc == DB_DONE && (matched != n || n != e->count)) {
		for (size_t i = 0; i < e->count; i++)
			posting_text(&now, db, e->postings[i].account,
				     e->postings[i].amount);
		status = biz_fail(BIZ_REFUSED, "ref '%s' is entry %lld with "
				  "postings %s, not %s", e->ref,
				  (long long)id, was.buf, now.buf);
	} else if (rc != DB_DONE) {
		status = rc;
	}
	strbuf_release(&was);
	strbuf_release(&now);
	free(used);
	return status;
}

/* Puts entry id to out with "op" set to op. */
static int entry_result(struct db *db, int64_t id, const char *op,
			struct sink *out)
{
	struct json w = { 0 };
	int status = entry_write(db, id, op, &w);

	if (status == BIZ_OK)
		status = sink_done(sink_put(out, &w));
	json_release(&w);
	return status;
}

/* An optional text field of an entry record; non-text is BIZ_DATAERR. */
static int text_field(jv record, const char *key, const char **out)
{
	jv value = jv_object_get(jv_copy(record), jv_string(key));
	jv_kind kind = jv_get_kind(value);

	/* record still holds value, so its text lives on ("" is NULL). */
	*out = NULL;
	if (kind == JV_KIND_STRING && *jv_string_value(value))
		*out = jv_string_value(value);
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
		char code[LEDGER_CODE_MAX], number[REC_NUMBER_BUFSZ];
		char amount_number[REC_NUMBER_BUFSZ];
		const char *account;
		jv_kind kind;

		if (jv_get_kind(posting) != JV_KIND_OBJECT) {
			jv_free(posting);
			status = biz_fail(BIZ_DATAERR, "postings: a list of "
					  "{\"account\", \"amount\"} is "
					  "needed");
			break;
		}
		account = rec_field_text(posting, "account", number);
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
			const char *text = rec_field_text(posting, "amount",
							  amount_number);

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
 * Puts entry id just posted from e (its postings written in postings) to
 * out, as entry_write() would read it back, with "op" "created".
 */
static int entry_created(int64_t id, const struct entry_in *e,
			 const struct json *postings, struct sink *out)
{
	struct json w = { 0 };
	int status;

	json_object(&w);
	json_key_int(&w, "id", id);
	json_key_str(&w, "date", e->date);
	json_key_str(&w, "memo", e->memo);
	json_key_str(&w, "ref", e->ref);
	json_key_raw(&w, "postings", postings->text.buf);
	json_key_str(&w, "source", e->source ? e->source : "manual");
	json_key(&w, "reverses");
	if (e->reverses)
		json_int(&w, e->reverses);
	else
		json_null(&w);
	json_key_str(&w, "op", "created");
	json_end_object(&w);
	status = sink_done(sink_put(out, &w));
	json_release(&w);
	return status;
}

int ledger_post_record(struct db *db, jv record, struct sink *out,
		       int64_t *unchanged)
{
	const char *date = NULL, *memo = NULL, *ref = NULL;
	char today[TS_BUFSZ];
	struct posting_in *postings = NULL;
	struct json posted = { 0 };
	struct entry_in e;
	size_t count = 0;
	int64_t id;
	int status = BIZ_OK;

	*unchanged = 0;
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
	if ((status = read_postings(db, jv_object_get(jv_copy(record),
						      jv_string("postings")),
				    &postings, &count)))
		goto done;
	if (ref) {
		if ((status = entry_by_ref(db, ref, &id)))
			goto done;
		e = (struct entry_in){ date, memo, NULL, ref, 0, postings,
				       count };
		if (id && !(status = entry_same(db, id, &e))) {
			*unchanged = id;
			status = entry_result(db, id, "unchanged", out);
		}
		if (id)
			goto done;
	}
	if (!date)
		date = date_format(db->now, today);
	if (count < 2) {
		status = biz_fail(BIZ_DATAERR, "an entry needs two postings "
				  "or more");
		goto done;
	}
	e = (struct entry_in){ date, memo, NULL, ref, 0, postings, count };
	if ((status = post_entry(db, &e, &id, &posted)))
		goto done;
	status = entry_created(id, &e, &posted, out);
done:
	if (postings)
		free_postings(postings, count);
	json_release(&posted);
	jv_free(record);
	return status;
}

/* Appends the memo of entry id to memo; no such entry is BIZ_DATAERR. */
static int entry_memo(struct db *db, int64_t id, struct strbuf *memo)
{
	static const char sql[] = "SELECT memo FROM entry WHERE id = ?";
	struct db_stmt *stmt = db_stmt(db, sql);
	int rc;

	db_bind_int64(stmt, 1, id);
	rc = db_one(db, stmt);
	if (rc == DB_DONE)
		return biz_fail(BIZ_DATAERR, "no entry %lld", (long long)id);
	if (rc != DB_ROW)
		return rc;
	strbuf_addstr(memo, db_column_text(stmt, 0));
	db_reset(stmt);
	return BIZ_OK;
}

int ledger_reverse(struct db *db, int64_t id, const char *date,
		   const char *memo, const char *ref, struct sink *out,
		   int64_t *unchanged)
{
	static const char reversed_sql[] =
		"SELECT id FROM entry WHERE reverses = ? LIMIT 1";
	static const char posting_sql[] =
		"SELECT account, amount FROM posting WHERE entry_id = ? "
		"ORDER BY id";
	char today[TS_BUFSZ];
	struct strbuf original = { 0 }, default_memo = { 0 };
	struct json posted = { 0 };
	struct posting_in *postings = NULL, posting;
	struct entry_in e;
	size_t count = 0, cap = 0;
	struct db_stmt *stmt;
	int64_t existing, new_id;
	int rc, status;

	*unchanged = 0;
	if (ref) {
		if ((status = entry_by_ref(db, ref, &existing)))
			return status;
		if (existing) {
			*unchanged = existing;
			return entry_result(db, existing, "unchanged", out);
		}
	}
	if ((status = entry_memo(db, id, &original)))
		goto done;
	stmt = db_stmt(db, reversed_sql);
	db_bind_int64(stmt, 1, id);
	rc = db_one(db, stmt);
	if (rc == DB_ROW) {
		existing = db_column_int64(stmt, 0);
		db_reset(stmt);
		status = biz_fail(BIZ_REFUSED, "entry %lld is already "
				  "reversed by entry %lld", (long long)id,
				  (long long)existing);
		goto done;
	}
	if (rc != DB_DONE) {
		status = rc;
		goto done;
	}
	if (!memo) {
		strbuf_addf(&default_memo, "Reversal of entry %lld: %s",
			    (long long)id, original.buf);
		memo = default_memo.buf;
	}
	if (!date)
		date = date_format(db->now, today);
	stmt = db_stmt(db, posting_sql);
	db_bind_int64(stmt, 1, id);
	while ((rc = db_row(db, stmt)) == DB_ROW) {
		posting.account = xstrdup(db_column_text(stmt, 0));
		posting.amount = -db_column_int64(stmt, 1);
		ARRAY_PUSH(postings, count, cap, posting);
	}
	if (rc != DB_DONE) {
		status = rc;
		goto done;
	}
	e = (struct entry_in){ date, memo, NULL, ref, id, postings, count };
	if ((status = post_entry(db, &e, &new_id, &posted)))
		goto done;
	status = entry_created(new_id, &e, &posted, out);
done:
	free_postings(postings, count);
	strbuf_release(&original);
	strbuf_release(&default_memo);
	json_release(&posted);
	return status;
}
