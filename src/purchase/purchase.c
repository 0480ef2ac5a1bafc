/*
 * purchase.c - purchase requests, approval, ordering, cancellation, and
 * the purchase record.  Receipts, bills and payments: payable.c.
 */
#include "purchase_impl.h"

#include <stdlib.h>
#include <string.h>

#include "array.h"
#include "biz.h"
#include "config.h"
#include "decimal.h"
#include "event.h"
#include "item.h"
#include "record.h"
#include "stock.h"
#include "timeutil.h"
#include "banned.h"

const char *const purchase_statuses[] = {
	"requested", "approved", "ordered", "partial", "received", "billed",
	"paid", "cancelled", NULL
};

static int64_t pow10_i(int n)
{
	int64_t v = 1;

	while (n-- > 0)
		v *= 10;
	return v;
}

int64_t purchase_line_value(struct db *db, int64_t qty, int64_t price)
{
	return dec_muldiv(price, qty, pow10_i(QTY_SCALE +
			  stock_cost_scale(db) - db->money_scale));
}

const char *purchase_qty_text(int64_t qty, char *buf)
{
	return dec_format(qty, QTY_SCALE, buf);
}

int purchase_load(struct db *db, int64_t id, struct purchase *p)
{
	static const char head_sql[] =
		"SELECT supplier, wh, status, requested_by FROM purchase "
		"WHERE id = ?";
	static const char lines_sql[] =
		"SELECT line, sku, qty, price, received, received_value, "
		"billed, billed_value, cancelled FROM purchase_line "
		"WHERE purchase_id = ? ORDER BY line";
	struct db_stmt *stmt = db_stmt(db, head_sql);
	size_t cap = 0;
	int rc;

	memset(p, 0, sizeof(*p));
	p->id = id;
	if ((rc = db_one_id(db, stmt, id, "purchase")))
		return rc;
	snprintf(p->supplier, sizeof(p->supplier), "%s",
		 db_column_text(stmt, 0));
	snprintf(p->wh, sizeof(p->wh), "%s", db_column_text(stmt, 1));
	snprintf(p->status, sizeof(p->status), "%s", db_column_text(stmt, 2));
	snprintf(p->requested_by, sizeof(p->requested_by), "%s",
		 db_column_text(stmt, 3));
	db_reset(stmt);
	stmt = db_stmt(db, lines_sql);
	db_bind_int64(stmt, 1, id);
	while ((rc = db_row(db, stmt)) == DB_ROW) {
		struct pline *l;

		ARRAY_GROW(p->lines, p->count + 1, cap);
		l = &p->lines[p->count++];
		l->line = db_column_int64(stmt, 0);
		snprintf(l->sku, sizeof(l->sku), "%s",
			 db_column_text(stmt, 1));
		l->qty = db_column_int64(stmt, 2);
		l->price = db_column_int64(stmt, 3);
		l->received = db_column_int64(stmt, 4);
		l->received_value = db_column_int64(stmt, 5);
		l->billed = db_column_int64(stmt, 6);
		l->billed_value = db_column_int64(stmt, 7);
		l->cancelled = db_column_int64(stmt, 8);
	}
	return rc == DB_DONE ? BIZ_OK : rc;
}

void purchase_unload(struct purchase *p)
{
	free(p->lines);
	p->lines = NULL;
	p->count = 0;
}

int purchase_set_status(struct db *db, struct purchase *p,
			const char *status, const char *kind, jv data)
{
	static const char sql[] =
		"UPDATE purchase SET status = ?, updated_at = ?, "
		"approved_by = CASE WHEN ?3 = 'approved' THEN ?4 "
		"ELSE approved_by END, "
		"approved_at = CASE WHEN ?3 = 'approved' THEN ?2 "
		"ELSE approved_at END, "
		"ordered_at = CASE WHEN ?3 = 'ordered' THEN ?2 "
		"ELSE ordered_at END WHERE id = ?5";
	struct db_stmt *stmt = db_stmt(db, sql);
	char at[TS_BUFSZ];
	int rc;

	db_bind_text(stmt, 1, status);
	db_bind_text(stmt, 2, time_format(db->now, at));
	db_bind_text(stmt, 3, status);
	db_bind_text(stmt, 4, db->actor);
	db_bind_int64(stmt, 5, p->id);
	if ((rc = db_done(db, stmt))) {
		jv_free(data);
		return rc;
	}
	snprintf(p->status, sizeof(p->status), "%s", status);
	rec_set_str(&data, "status", status);
	return event_append_id(db, kind, "purchase", p->id, data);
}

/* A line's own status from its quantities. */
static const char *line_status(int64_t qty, int64_t received,
			       int64_t cancelled)
{
	if (received + cancelled >= qty)
		return received ? "received" : "cancelled";
	return received ? "partial" : "open";
}

static jv purchase_record(struct db *db, struct db_stmt *head,
			  const struct purchase *p)
{
	int cs = stock_cost_scale(db), ms = db->money_scale;
	int64_t total = 0, received = 0, billed = 0;
	jv rec = jv_object(), lines = jv_array();

	for (size_t i = 0; i < p->count; i++) {
		const struct pline *l = &p->lines[i];
		jv line = jv_object();

		rec_set(&line, "line", jv_number((double)l->line));
		rec_set_str(&line, "sku", l->sku);
		rec_set(&line, "qty", dec_to_jv(l->qty, QTY_SCALE));
		rec_set(&line, "price", dec_to_jv(l->price, cs));
		rec_set(&line, "received", dec_to_jv(l->received, QTY_SCALE));
		rec_set(&line, "billed", dec_to_jv(l->billed, QTY_SCALE));
		rec_set(&line, "cancelled", dec_to_jv(l->cancelled,
						      QTY_SCALE));
		rec_set(&line, "received_value", dec_to_jv(l->received_value,
							   ms));
		rec_set_str(&line, "status", line_status(l->qty, l->received,
							 l->cancelled));
		lines = jv_array_append(lines, line);
		total += purchase_line_value(db, l->qty, l->price);
		received += l->received_value;
		billed += l->billed_value;
	}
	rec_set(&rec, "id", jv_number((double)p->id));
	rec_set_str(&rec, "supplier", p->supplier);
	rec_set_str(&rec, "status", p->status);
	rec_set_str(&rec, "wh", p->wh);
	rec_set(&rec, "ref", db_column_jv(head, 0));
	rec_set(&rec, "date", db_column_jv(head, 1));
	rec_set_str(&rec, "requested_by", p->requested_by);
	rec_set(&rec, "approved_by", db_column_jv(head, 2));
	rec_set(&rec, "lines", lines);
	rec_set(&rec, "total", dec_to_jv(total, ms));
	rec_set(&rec, "received_value", dec_to_jv(received, ms));
	rec_set(&rec, "billed_value", dec_to_jv(billed, ms));
	rec_set(&rec, "billed", dec_to_jv(db_column_int64(head, 3), ms));
	rec_set(&rec, "paid", dec_to_jv(db_column_int64(head, 4), ms));
	rec_set(&rec, "balance", dec_to_jv(db_column_int64(head, 3) -
					   db_column_int64(head, 4), ms));
	return rec;
}

int purchase_get(struct db *db, int64_t id, jv *out)
{
	static const char sql[] =
		"SELECT p.ref, p.date, p.approved_by, "
		"(SELECT coalesce(sum(amount), 0) FROM bill "
		" WHERE purchase_id = p.id), "
		"(SELECT coalesce(sum(paid), 0) FROM bill "
		" WHERE purchase_id = p.id) FROM purchase p WHERE p.id = ?";
	struct purchase p;
	struct db_stmt *stmt;
	int rc, status;

	if ((status = purchase_load(db, id, &p)))
		return status;
	stmt = db_stmt(db, sql);
	db_bind_int64(stmt, 1, id);
	rc = db_one(db, stmt);
	if (rc == DB_ROW)
		*out = purchase_record(db, stmt, &p);
	db_reset(stmt);
	purchase_unload(&p);
	return rc == DB_ROW ? BIZ_OK : rc == DB_DONE ?
	       biz_fail(BIZ_DATAERR, "no such purchase %lld", (long long)id) :
	       rc;
}

int purchase_result(struct db *db, int64_t id, const char *op, jv *out)
{
	int status = purchase_get(db, id, out);

	if (!status && op)
		rec_set_str(out, "op", op);
	return status;
}

int purchase_each(struct db *db, const struct purchase_filter *filter,
		  int (*fn)(jv purchase, void *arg), void *arg)
{
	static const char sql[] =
		"SELECT id FROM purchase WHERE (?1 IS NULL OR status = ?1) "
		"AND (?2 IS NULL OR supplier = ?2) ORDER BY id";
	struct db_stmt *stmt;
	int64_t *ids = NULL;
	size_t n = 0, cap = 0;
	int rc, status = BIZ_OK, known = !filter->status;

	for (int i = 0; purchase_statuses[i] && !known; i++)
		known = !strcmp(purchase_statuses[i], filter->status);
	if (!known)
		return biz_fail(BIZ_USAGE, "--status: '%s' is not one of "
				"requested, approved, ordered, partial, "
				"received, billed, paid, cancelled",
				filter->status);
	if (filter->supplier && (status = supplier_check(db,
							 filter->supplier)))
		return status;
	stmt = db_stmt(db, sql);
	db_bind_text(stmt, 1, filter->status);
	db_bind_text(stmt, 2, filter->supplier);
	while ((rc = db_row(db, stmt)) == DB_ROW)
		ARRAY_PUSH(ids, n, cap, db_column_int64(stmt, 0));
	if (rc != DB_DONE) {
		free(ids);
		return rc;
	}
	for (size_t i = 0; i < n && !status; i++) {
		jv rec;

		if (!(status = purchase_get(db, ids[i], &rec)))
			status = fn(rec, arg);
	}
	free(ids);
	return status;
}

int purchase_on_order(struct db *db, const char *sku, const char *wh,
		      int64_t *out)
{
	static const char sql[] =
		"SELECT coalesce(sum(l.qty - l.received - l.cancelled), 0) "
		"FROM purchase_line l JOIN purchase p ON p.id = l.purchase_id "
		"WHERE l.sku = ? AND p.wh = ? AND p.status IN ('ordered', "
		"'partial')";
	struct db_stmt *stmt = db_stmt(db, sql);

	db_bind_text(stmt, 1, sku);
	db_bind_text(stmt, 2, wh);
	return db_int64(db, stmt, out);
}

/* ---- requests ---------------------------------------------------------- */

int purchase_parse_line(struct db *db, char *text,
			struct purchase_line_in *line)
{
	char *colon = strchr(text, ':'), *second;
	char qty[64];
	size_t n;

	memset(line, 0, sizeof(*line));
	if (!colon || colon == text)
		return biz_fail(BIZ_DATAERR, "line: '%s' is not SKU:QTY or "
				"SKU:QTY:PRICE", text);
	second = strchr(colon + 1, ':');
	n = second ? (size_t)(second - colon - 1) : strlen(colon + 1);
	if (n >= sizeof(qty))
		n = sizeof(qty) - 1;
	memcpy(qty, colon + 1, n);
	qty[n] = '\0';
	if (dec_parse(qty, QTY_SCALE, &line->qty) || line->qty <= 0)
		return biz_fail(BIZ_DATAERR, "line '%s': quantity '%s' is not "
				"a number above 0 with at most 3 decimal "
				"places", text, qty);
	if (second) {
		if (dec_parse(second + 1, stock_cost_scale(db), &line->price) ||
		    line->price < 0)
			return biz_fail(BIZ_DATAERR, "line '%s': price '%s' is "
					"not an amount from 0", text,
					second + 1);
		line->has_price = 1;
	}
	*colon = '\0';
	line->sku = text;
	return BIZ_OK;
}

/* The last price this supplier was asked for sku, else 0. */
static int last_price(struct db *db, const char *supplier, const char *sku,
		      int64_t *out)
{
	static const char sql[] =
		"SELECT l.price FROM purchase_line l JOIN purchase p "
		"ON p.id = l.purchase_id WHERE l.sku = ? AND p.supplier = ? "
		"AND p.status <> 'cancelled' ORDER BY p.id DESC, l.line DESC "
		"LIMIT 1";
	struct db_stmt *stmt = db_stmt(db, sql);
	int rc;

	*out = 0;
	db_bind_text(stmt, 1, sku);
	db_bind_text(stmt, 2, supplier);
	rc = db_one(db, stmt);
	if (rc == DB_ROW)
		*out = db_column_int64(stmt, 0);
	db_reset(stmt);
	return rc == DB_ROW || rc == DB_DONE ? BIZ_OK : rc;
}

/* Whether purchase id asks for exactly in's lines from in's supplier. */
static int same_request(struct db *db, int64_t id,
			const struct purchase_in *in, const int64_t *prices,
			const char *wh)
{
	struct purchase p;
	int same;

	if (purchase_load(db, id, &p))
		return 0;
	same = !strcmp(p.supplier, in->supplier) && !strcmp(p.wh, wh) &&
	       p.count == in->count;
	for (size_t i = 0; same && i < p.count; i++)
		same = !strcmp(p.lines[i].sku, in->lines[i].sku) &&
		       p.lines[i].qty == in->lines[i].qty &&
		       p.lines[i].price == prices[i];
	purchase_unload(&p);
	return same;
}

static int find_ref(struct db *db, const char *ref, int64_t *id)
{
	static const char sql[] = "SELECT id FROM purchase WHERE ref = ?";

	return db_id_by_text(db, sql, ref, id);
}

static int insert_lines(struct db *db, int64_t id,
			const struct purchase_in *in, const int64_t *prices)
{
	static const char sql[] =
		"INSERT INTO purchase_line(purchase_id, line, sku, qty, price) "
		"VALUES (?, ?, ?, ?, ?)";
	int status = BIZ_OK;

	for (size_t i = 0; i < in->count && !status; i++) {
		struct db_stmt *stmt = db_stmt(db, sql);

		db_bind_int64(stmt, 1, id);
		db_bind_int64(stmt, 2, (int64_t)i + 1);
		db_bind_text(stmt, 3, in->lines[i].sku);
		db_bind_int64(stmt, 4, in->lines[i].qty);
		db_bind_int64(stmt, 5, prices[i]);
		status = db_done(db, stmt);
	}
	return status;
}

/* Checks in's supplier, warehouse, items and quantities; sets prices. */
static int check_request(struct db *db, const struct purchase_in *in,
			 const char *wh, int64_t *prices)
{
	struct item_info item;
	int64_t total = 0;
	int status;

	if (!in->supplier)
		return biz_fail(BIZ_DATAERR, "supplier: a purchase needs one");
	if ((status = supplier_check(db, in->supplier)) ||
	    (status = warehouse_check(db, wh)))
		return status;
	if (!in->count)
		return biz_fail(BIZ_DATAERR, "a purchase needs a line");
	for (size_t i = 0; i < in->count; i++) {
		const struct purchase_line_in *l = &in->lines[i];

		if ((status = item_lookup(db, l->sku, 0, &item)))
			return status;
		if (l->qty <= 0)
			return biz_fail(BIZ_DATAERR, "qty of '%s' must be "
					"above 0", l->sku);
		prices[i] = l->price;
		if (!l->has_price &&
		    (status = last_price(db, in->supplier, l->sku,
					 &prices[i])))
			return status;
		/* Within the stored limit, as its receipts and bills are;
		 * a wrapped total also slipped past the approval limit. */
		if (dec_add(&total, purchase_line_value(db, l->qty,
							prices[i])) ||
		    total > DEC_TOTAL_LIMIT)
			return biz_fail(BIZ_REFUSED, "a purchase too large: "
					"its total passes 10^17 of the "
					"smallest unit at line %zu ('%s')",
					i + 1, l->sku);
	}
	if (in->date && date_parse(in->date, &(int64_t){ 0 }))
		return biz_fail(BIZ_DATAERR, "date: '%s' is not a date such as "
				"2026-11-27", in->date);
	return BIZ_OK;
}

int purchase_request(struct db *db, const struct purchase_in *in, jv *out)
{
	static const char sql[] =
		"INSERT INTO purchase(supplier, wh, ref, status, date, "
		"requested_by, created_at, updated_at) "
		"VALUES (?, ?, ?, 'requested', ?, ?, ?, ?)";
	const char *wh = in->wh ? in->wh : "MAIN";
	int64_t *prices = xmalloc((in->count + 1) * sizeof(*prices));
	char at[TS_BUFSZ], today[TS_BUFSZ];
	struct db_stmt *stmt;
	int64_t id = 0;
	int status;
	jv data;

	if ((status = check_request(db, in, wh, prices)))
		goto done;
	if (in->ref && (status = find_ref(db, in->ref, &id)))
		goto done;
	if (id) {
		if (!same_request(db, id, in, prices, wh)) {
			status = biz_fail(BIZ_REFUSED, "ref '%s' is purchase "
					  "%lld, with another supplier, "
					  "warehouse or lines", in->ref,
					  (long long)id);
			goto done;
		}
		status = purchase_result(db, id, "unchanged", out);
		goto done;
	}
	stmt = db_stmt(db, sql);
	time_format(db->now, at);
	db_bind_text(stmt, 1, in->supplier);
	db_bind_text(stmt, 2, wh);
	db_bind_text(stmt, 3, in->ref);
	db_bind_text(stmt, 4, in->date ? in->date : date_format(db->now,
								today));
	db_bind_text(stmt, 5, db->actor);
	db_bind_text(stmt, 6, at);
	db_bind_text(stmt, 7, at);
	if ((status = db_done(db, stmt)))
		goto done;
	id = db_last_id(db);
	if ((status = insert_lines(db, id, in, prices)) ||
	    (status = purchase_result(db, id, NULL, out)))
		goto done;
	data = jv_copy(*out);
	if ((status = event_append_id(db, "purchase.requested", "purchase",
				      id, data)))
		goto done;
	rec_set_str(out, "op", "created");
done:
	free(prices);
	return status;
}

/* ---- approval, ordering, cancellation ---------------------------------- */

static int refuse_status(const struct purchase *p, const char *what)
{
	return biz_fail(BIZ_REFUSED, "purchase %lld is %s: it cannot be %s",
			(long long)p->id, p->status, what);
}

int purchase_approve(struct db *db, int64_t id, jv *out)
{
	struct purchase p;
	int64_t total = 0, limit = 0;
	int status, has_limit;
	char a[DEC_BUFSZ], b[DEC_BUFSZ];

	if ((status = purchase_load(db, id, &p)))
		return status;
	if (strcmp(p.status, "requested")) {
		status = strcmp(p.status, "approved") ?
			 refuse_status(&p, "approved") :
			 purchase_result(db, id, "unchanged", out);
		goto done;
	}
	for (size_t i = 0; i < p.count; i++)
		if (dec_add(&total, purchase_line_value(db, p.lines[i].qty,
							p.lines[i].price))) {
			status = dec_sum_fail("total of purchase %lld",
					      (long long)id);
			goto done;
		}
	if ((status = config_money(db, "purchase.approval_limit", &limit,
				   &has_limit)))
		goto done;
	if (has_limit && total > limit && !strcmp(db->actor,
						  p.requested_by)) {
		status = biz_fail(BIZ_REFUSED, "purchase %lld totals %s, above "
				  "the approval limit %s: '%s' requested it "
				  "and cannot approve it", (long long)id,
				  dec_format(total, db->money_scale, a),
				  dec_format(limit, db->money_scale, b),
				  db->actor);
		goto done;
	}
	if (!(status = purchase_set_status(db, &p, "approved",
					   "purchase.approved", jv_object())))
		status = purchase_result(db, id, "updated", out);
done:
	purchase_unload(&p);
	return status;
}

int purchase_order(struct db *db, int64_t id, jv *out)
{
	struct purchase p;
	int status;

	if ((status = purchase_load(db, id, &p)))
		return status;
	if (!strcmp(p.status, "approved")) {
		if (!(status = purchase_set_status(db, &p, "ordered",
						   "purchase.ordered",
						   jv_object())))
			status = purchase_result(db, id, "updated", out);
	} else if (!strcmp(p.status, "requested")) {
		status = biz_fail(BIZ_REFUSED, "purchase %lld is not approved "
				  "yet", (long long)id);
	} else if (!strcmp(p.status, "cancelled")) {
		status = refuse_status(&p, "ordered");
	} else {
		status = purchase_result(db, id, "unchanged", out);
	}
	purchase_unload(&p);
	return status;
}

int purchase_cancel(struct db *db, int64_t id, jv *out)
{
	static const char sql[] =
		"UPDATE purchase_line SET cancelled = qty - received "
		"WHERE purchase_id = ?";
	struct purchase p;
	struct db_stmt *stmt;
	int64_t received = 0;
	int status;

	if ((status = purchase_load(db, id, &p)))
		return status;
	if (!strcmp(p.status, "cancelled")) {
		status = purchase_result(db, id, "unchanged", out);
		goto done;
	}
	if (strcmp(p.status, "requested") && strcmp(p.status, "approved") &&
	    strcmp(p.status, "ordered") && strcmp(p.status, "partial")) {
		status = refuse_status(&p, "cancelled: everything is "
				       "received");
		goto done;
	}
	for (size_t i = 0; i < p.count; i++)
		received += p.lines[i].received;
	stmt = db_stmt(db, sql);
	db_bind_int64(stmt, 1, id);
	if ((status = db_done(db, stmt)) ||
	    (status = purchase_set_status(db, &p, received ? "received" :
					  "cancelled", "purchase.cancelled",
					  jv_object())))
		goto done;
	status = purchase_result(db, id, "updated", out);
done:
	purchase_unload(&p);
	return status;
}
