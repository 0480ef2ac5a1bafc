/*
 * ref.c - what a document with a ref was asked to do, kept beside it, so
 * that a rerun of the same request is a no-op and another request under
 * the same ref is refused, naming what differs (DESIGN.md, idempotency).
 *
 * The request is text: a head (the document's own fields) and one row a
 * line, each "key=value" pairs split by US (0x1f), rows by a newline.
 * Documents posted before the request was kept have none: their replays
 * are taken as they always were.
 */
#include "stock_internal.h"

#include <stdlib.h>
#include <string.h>

#include "biz.h"
#include "decimal.h"
#include "banned.h"

#define SEP "\x1f"

static void add_pair(struct strbuf *sb, const char *key, const char *value)
{
	if (!value)
		return;
	strbuf_addf(sb, "%s=%s" SEP, key, value);
}

/* The head: the document's fields, once, before its first line. */
static void add_head(struct strbuf *sb, const struct stock_doc *doc)
{
	add_pair(sb, "date", doc->date);
	add_pair(sb, "reason", doc->reason ? doc->reason :
		 !strcmp(doc->kind, "issue") ? "sale" : NULL);
	add_pair(sb, "po", doc->po);
	add_pair(sb, "order", doc->order);
	add_pair(sb, "hold", doc->hold ? "yes" : NULL);
}

/* Adds line's text to doc's request (the head first). */
static void request_add(const struct db *db, struct stock_doc *doc,
			const struct stock_line *line)
{
	struct stock_doc_state *s = stock_doc_get_state(db, doc);
	struct strbuf *sb = &s->request;
	char buf[DEC_BUFSZ];

	if (!sb->len) {
		add_head(sb, doc);
		strbuf_addstr(sb, "\n");
	}
	add_pair(sb, line->scan ? "barcode" : "sku", line->sku);
	add_pair(sb, "wh", line->wh);
	add_pair(sb, "to", line->to);
	add_pair(sb, "lot", line->lot);
	add_pair(sb, "expiry", line->expiry);
	if (line->qty)
		add_pair(sb, "qty", dec_format(line->qty, QTY_SCALE, buf));
	if (line->has_cost)
		add_pair(sb, "cost", dec_format(line->cost,
						stock_cost_scale(db), buf));
	for (size_t i = 0; i < line->serial_count; i++)
		add_pair(sb, "serial", line->serials[i]);
	strbuf_addstr(sb, "\n");
}

/* The length of the row or pair at s ending at stop (or NUL). */
static size_t span(const char *s, int stop)
{
	const char *end = strchr(s, stop);

	return end ? (size_t)(end - s) : strlen(s);
}

/* A pair's text "key=value" of length n, as key and value for messages. */
static void pair_text(const char *pair, size_t n, struct strbuf *key,
		      struct strbuf *value)
{
	size_t k = 0;

	while (k < n && pair[k] != '=')
		k++;
	strbuf_add(key, pair, k);
	if (k < n)
		strbuf_add(value, pair + k + 1, n - k - 1);
}

/*
 * The pairs at the first difference of a row have other keys (key of the
 * stored row a of length n, other asked): names the one the stored row
 * lacks (asked, none stored), else the stored one (none asked).
 */
static void other_key(const char *a, size_t n, struct strbuf *key,
		      struct strbuf *was, struct strbuf *other,
		      struct strbuf *now)
{
	int stored_has = 0;

	for (size_t i = 0; i + other->len < n && !stored_has; i++)
		stored_has = (!i || a[i - 1] == SEP[0]) &&
			     !memcmp(a + i, other->buf, other->len) &&
			     a[i + other->len] == '=';
	if (!stored_has) {
		strbuf_reset(key);
		strbuf_addstr(key, other->buf);
		strbuf_reset(was);
	} else
		strbuf_reset(now);
}

/*
 * Refuses request asked under doc's ref when it is not stored: names the
 * first field that differs, with its values (stored first).
 */
static int refuse(const struct stock_doc *doc, const char *stored,
		  const char *asked)
{
	struct strbuf key = { 0 }, was = { 0 }, now = { 0 };
	const char *a = stored, *b = asked;
	size_t row = 0, na, nb;
	int status;

	/* The first row that differs. */
	while (*a && *b && (na = span(a, '\n')) == (nb = span(b, '\n')) &&
	       !memcmp(a, b, na)) {
		a += na + (a[na] != '\0');
		b += nb + (b[nb] != '\0');
		row++;
	}
	if (!*a || !*b) {
		size_t rows_a = 0, rows_b = 0;

		for (const char *p = stored; *p; p++)
			rows_a += *p == '\n';
		for (const char *p = asked; *p; p++)
			rows_b += *p == '\n';
		return biz_fail(BIZ_REFUSED, "ref '%s' is %s %lld with %zu "
				"lines, not %zu", doc->ref, doc->kind,
				(long long)doc->id, rows_a - 1, rows_b - 1);
	}
	/* The first pair of that row that differs. */
	na = span(a, '\n');
	nb = span(b, '\n');
	for (;;) {
		size_t pa = span(a, SEP[0]), pb = span(b, SEP[0]);

		if (pa > na)
			pa = na;
		if (pb > nb)
			pb = nb;
		if (pa != pb || memcmp(a, b, pa)) {
			struct strbuf other = { 0 };

			pair_text(a, pa, &key, &was);
			pair_text(b, pb, &other, &now);
			if (!key.len)
				strbuf_addstr(&key, other.buf ? other.buf :
					      "");
			else if (other.len && strcmp(key.buf, other.buf))
				other_key(a, na, &key, &was, &other, &now);
			strbuf_release(&other);
			break;
		}
		if (pa >= na || pb >= nb)
			break;
		a += pa + 1, na -= pa + 1;
		b += pb + 1, nb -= pb + 1;
	}
	if (row == 0)
		status = biz_fail(BIZ_REFUSED, "ref '%s' is %s %lld with "
				  "%s '%s', not '%s'", doc->ref, doc->kind,
				  (long long)doc->id, key.len ? key.buf :
				  "another request", was.len ? was.buf : "",
				  now.len ? now.buf : "");
	else
		status = biz_fail(BIZ_REFUSED, "ref '%s' is %s %lld whose "
				  "line %zu has %s '%s', not '%s'", doc->ref,
				  doc->kind, (long long)doc->id, row,
				  key.len ? key.buf : "another field",
				  was.len ? was.buf : "",
				  now.len ? now.buf : "");
	strbuf_release(&key);
	strbuf_release(&was);
	strbuf_release(&now);
	return status;
}

/*
 * The request stored with replayed doc, read once into its state; NULL
 * when it has none (posted before requests were kept: not compared).
 */
static int stored_request(struct db *db, struct stock_doc *doc,
			  const char **out)
{
	static const char sql[] =
		"SELECT request FROM stock_doc_request WHERE doc_id = ?";
	struct stock_doc_state *s = stock_doc_get_state(db, doc);
	struct db_stmt *stmt;
	int rc;

	if (!s->stored_read) {
		stmt = db_stmt(db, sql);
		db_bind_int64(stmt, 1, doc->id);
		rc = db_one(db, stmt);
		if (rc == DB_ROW)
			s->stored = xstrdup(db_column_text(stmt, 0));
		db_reset(stmt);
		if (rc != DB_ROW && rc != DB_DONE)
			return rc;
		s->stored_read = 1;
	}
	*out = s->stored;
	return BIZ_OK;
}

int stock_doc_request_line(struct db *db, struct stock_doc *doc,
			   const struct stock_line *line)
{
	struct stock_doc_state *s;
	const char *stored;
	int status;

	request_add(db, doc, line);
	if (!doc->replay)
		return BIZ_OK;
	/*
	 * A replay is compared line by line, so that a batch's error names
	 * the line that differs: what was asked so far must begin the
	 * stored request.
	 */
	if ((status = stored_request(db, doc, &stored)) || !stored)
		return status;
	s = doc->state;
	if (strlen(stored) < s->request.len ||
	    memcmp(stored, s->request.buf, s->request.len))
		return refuse(doc, stored, s->request.buf);
	return BIZ_OK;
}

int stock_doc_request(struct db *db, struct stock_doc *doc,
		      const struct stock_line *line)
{
	return doc->ref ? stock_doc_request_line(db, doc, line) : BIZ_OK;
}

int stock_doc_request_end(struct db *db, struct stock_doc *doc)
{
	static const char insert_sql[] =
		"INSERT INTO stock_doc_request(doc_id, request) VALUES (?, ?)";
	struct stock_doc_state *s = doc->state;
	struct db_stmt *stmt;
	const char *stored;
	int status;

	if (!doc->ref || !doc->id || !s || !s->request.len)
		return BIZ_OK;
	if (!doc->replay) {
		stmt = db_stmt(db, insert_sql);
		db_bind_int64(stmt, 1, doc->id);
		db_bind_text(stmt, 2, s->request.buf);
		return db_done(db, stmt);
	}
	/* Every line asked matched: fewer lines is what can still differ. */
	if ((status = stored_request(db, doc, &stored)) || !stored)
		return status;
	return strcmp(stored, s->request.buf) ?
	       refuse(doc, stored, s->request.buf) : BIZ_OK;
}
