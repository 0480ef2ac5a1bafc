/* order.c - sales orders: create, confirm (reserve), cancel, read. */
#include "sales_internal.h"

#include <stdlib.h>
#include <string.h>

#include "crm.h"
#include "event.h"
#include "item.h"
#include "record.h"
#include "reserve.h"
#include "banned.h"

const char *const sales_order_statuses[] = {
	"draft", "confirmed", "partially_reserved", "backordered",
	"partially_shipped", "shipped", "invoiced", "paid", "cancelled", NULL
};

/* ---- money and small rules ------------------------------------------ */

int64_t sales_half_up(int64_t a, int64_t b, int64_t d)
{
	__int128 p = ((__int128)a * b + d / 2) / d;

	/* Clamped, never wrapped: no order, invoice or posting takes it. */
	return p > INT64_MAX ? INT64_MAX : p < INT64_MIN ? INT64_MIN :
	       (int64_t)p;
}

int64_t sales_net(int64_t qty, int64_t price)
{
	int64_t one = 1;

	for (int i = 0; i < QTY_SCALE; i++)
		one *= 10;
	return sales_half_up(qty, price, one);
}

int64_t sales_tax(int64_t net, int64_t rate)
{
	int64_t d = 100;

	for (int i = 0; i < SALES_TAX_SCALE; i++)
		d *= 10;
	return sales_half_up(net, rate, d);
}

int sales_date(const struct db *db, const char *date, char out[TS_BUFSZ])
{
	int64_t day;

	if (!date) {
		date_format(db->now, out);
		return BIZ_OK;
	}
	if (date_parse(date, &day))
		return biz_fail(BIZ_DATAERR, "date: '%s' is not a date such as "
				"2026-11-27", date);
	snprintf(out, TS_BUFSZ, "%s", date);
	return BIZ_OK;
}

int sales_tax_parse(const char *text, int64_t *rate)
{
	if (!text || dec_parse(text, SALES_TAX_SCALE, rate) || *rate < 0 ||
	    *rate > 100 * 10000)
		return biz_fail(BIZ_DATAERR, "tax: '%s' is not a percentage "
				"from 0 to 100 with at most %d places",
				text ? text : "", SALES_TAX_SCALE);
	return BIZ_OK;
}

int sales_line_parse(struct db *db, const char *text, int with_price,
		     struct sales_line *line)
{
	const char *last = strrchr(text, ':'), *qty_at = last;
	char qty[DEC_BUFSZ + 8];
	size_t n;

	memset(line, 0, sizeof(*line));
	if (!last || last == text)
		goto bad;
	if (with_price) {
		for (qty_at = last - 1; qty_at > text && *qty_at != ':';
		     qty_at--)
			;
		if (qty_at == text)
			goto bad;
		if (dec_parse(last + 1, db->money_scale, &line->price) ||
		    line->price < 0)
			return biz_fail(BIZ_DATAERR, "line '%s': price '%s' is "
					"not an amount with at most %d places",
					text, last + 1, db->money_scale);
	}
	n = (size_t)((with_price ? last : text + strlen(text)) - qty_at - 1);
	if (n >= sizeof(qty))
		goto bad;
	memcpy(qty, qty_at + 1, n);
	qty[n] = '\0';
	if (dec_parse(qty, QTY_SCALE, &line->qty) || line->qty <= 0)
		return biz_fail(BIZ_DATAERR, "line '%s': quantity '%s' is not "
				"more than zero with at most 3 places", text,
				qty);
	line->sku = text;	/* up to qty_at: the caller cuts it there */
	return BIZ_OK;
bad:
	return biz_fail(BIZ_DATAERR, "line '%s' is not SKU:QTY%s", text,
			with_price ? ":PRICE" : "");
}

/* ---- customers ------------------------------------------------------- */

int sales_customer(struct db *db, int64_t id, int64_t *terms)
{
	jv customer, t;
	int status;

	*terms = -1;
	if (id <= 0)
		return biz_fail(BIZ_DATAERR, "no such customer %lld",
				(long long)id);
	if ((status = customer_get(db, id, &customer)))
		return status;
	t = jv_object_get(customer, jv_string("terms"));
	if (jv_get_kind(t) == JV_KIND_NUMBER)
		*terms = (int64_t)jv_number_value(t);
	jv_free(t);
	return BIZ_OK;
}

char *sales_customer_name(struct db *db, int64_t id)
{
	struct rec_texts texts = { .used = 0 };
	jv customer;
	const char *name;
	char *out = NULL;

	if (customer_get(db, id, &customer))
		return NULL;
	name = rec_text(&texts, customer, "name");
	if (name)
		out = xstrdup(name);
	jv_free(customer);
	return out;
}

/* ---- reading an order ------------------------------------------------- */

int sales_order_head(struct db *db, int64_t id, struct order_head *head)
{
	static const char sql[] =
		"SELECT customer_id, tax_rate, status, wh, date, "
		"confirmed_at IS NOT NULL FROM sales_order WHERE id = ?";
	struct db_stmt *stmt = db_stmt(db, sql);
	int rc;

	memset(head, 0, sizeof(*head));
	if ((rc = db_one_id(db, stmt, id, "order")))
		return rc;
	head->id = id;
	head->customer = db_column_int64(stmt, 0);
	head->tax_rate = db_column_int64(stmt, 1);
	snprintf(head->status, sizeof(head->status), "%s",
		 db_column_text(stmt, 2));
	snprintf(head->wh, sizeof(head->wh), "%s", db_column_text(stmt, 3));
	snprintf(head->date, sizeof(head->date), "%s",
		 db_column_text(stmt, 4));
	head->confirmed = (int)db_column_int64(stmt, 5);
	db_reset(stmt);
	return BIZ_OK;
}

int sales_order_find(struct db *db, const char *text, int64_t *id)
{
	static const char sql[] = "SELECT 1 FROM sales_order WHERE id = ?";
	struct db_stmt *stmt;
	int64_t n;
	int rc;

	*id = 0;
	if (parse_i64(text, 1, INT64_MAX, &n))
		return BIZ_OK;
	stmt = db_stmt(db, sql);
	db_bind_int64(stmt, 1, n);
	rc = db_one(db, stmt);
	if (rc == DB_ROW) {
		*id = n;
		db_reset(stmt);
	}
	return rc == DB_ROW || rc == DB_DONE ? BIZ_OK : rc;
}

int sales_order_lines(struct db *db, int64_t id, struct order_line **lines,
		      size_t *count)
{
	static const char sql[] =
		"SELECT id, sku, qty, price, reserved, shipped, invoiced, "
		"returned, credited FROM sales_order_line WHERE order_id = ? "
		"ORDER BY id";
	struct db_stmt *stmt = db_stmt(db, sql);
	struct order_line *l = NULL;
	size_t n = 0;
	int rc;

	db_bind_int64(stmt, 1, id);
	while ((rc = db_row(db, stmt)) == DB_ROW) {
		struct order_line *p;

		l = xrealloc(l, (n + 1) * sizeof(*l));
		p = &l[n++];
		p->id = db_column_int64(stmt, 0);
		snprintf(p->sku, sizeof(p->sku), "%s",
			 db_column_text(stmt, 1));
		p->qty = db_column_int64(stmt, 2);
		p->price = db_column_int64(stmt, 3);
		p->reserved = db_column_int64(stmt, 4);
		p->shipped = db_column_int64(stmt, 5);
		p->invoiced = db_column_int64(stmt, 6);
		p->returned = db_column_int64(stmt, 7);
		p->credited = db_column_int64(stmt, 8);
	}
	*lines = l;
	*count = n;
	if (rc != DB_DONE) {
		free(l);
		*lines = NULL;
		return rc;
	}
	return BIZ_OK;
}

/* What of a line is shipped and not yet billed (nor returned unbilled). */
static int64_t line_to_bill(const struct order_line *l)
{
	return l->shipped - l->invoiced - (l->returned - l->credited);
}

static const char *line_status(const struct order_head *h,
			       const struct order_line *l)
{
	if (!strcmp(h->status, "cancelled"))
		return "cancelled";
	if (!h->confirmed)
		return "draft";
	if (l->shipped >= l->qty)
		return line_to_bill(l) == 0 ? "invoiced" : "shipped";
	if (l->shipped > 0)
		return "partially_shipped";
	if (l->reserved >= l->qty)
		return "reserved";
	return l->reserved > 0 ? "partially_reserved" : "backordered";
}

/* The order's billed total and what is still owed on it. */
static int order_money(struct db *db, int64_t id, int64_t *invoiced,
		       int64_t *paid, int64_t *credited)
{
	static const char sql[] =
		"SELECT coalesce((SELECT sum(total) FROM invoice "
		"WHERE order_id = ?1), 0), coalesce((SELECT sum(s.amount) "
		"FROM invoice_settlement s JOIN invoice i ON i.id = "
		"s.invoice_id WHERE i.order_id = ?1 AND s.kind = 'payment'), "
		"0), coalesce((SELECT sum(s.amount) FROM invoice_settlement s "
		"JOIN invoice i ON i.id = s.invoice_id WHERE i.order_id = ?1 "
		"AND s.kind = 'credit'), 0)";
	struct db_stmt *stmt = db_stmt(db, sql);
	int rc;

	db_bind_int64(stmt, 1, id);
	rc = db_one(db, stmt);
	if (rc != DB_ROW)
		return rc == DB_DONE ? db_failure(db) : rc;
	*invoiced = db_column_int64(stmt, 0);
	*paid = db_column_int64(stmt, 1);
	*credited = db_column_int64(stmt, 2);
	db_reset(stmt);
	return BIZ_OK;
}

int sales_order_update_status(struct db *db, int64_t id)
{
	static const char sql[] =
		"UPDATE sales_order SET status = ?2, updated_at = ?3 "
		"WHERE id = ?1";
	struct order_head h;
	struct order_line *l;
	size_t n;
	int64_t invoiced, paid, credited;
	int all_shipped = 1, any_shipped = 0, all_billed = 1;
	int all_reserved = 1, any_reserved = 0, status;
	const char *s;
	char at[TS_BUFSZ];
	struct db_stmt *stmt;

	if ((status = sales_order_head(db, id, &h)))
		return status;
	if (!strcmp(h.status, "cancelled") || !h.confirmed)
		return BIZ_OK;
	if ((status = sales_order_lines(db, id, &l, &n)) ||
	    (status = order_money(db, id, &invoiced, &paid, &credited))) {
		return status;
	}
	for (size_t i = 0; i < n; i++) {
		all_shipped &= l[i].shipped >= l[i].qty;
		any_shipped |= l[i].shipped > 0;
		all_billed &= line_to_bill(&l[i]) == 0;
		all_reserved &= l[i].reserved + l[i].shipped >= l[i].qty;
		any_reserved |= l[i].reserved > 0;
	}
	free(l);
	if (all_shipped && all_billed)
		s = invoiced > 0 && invoiced - paid - credited <= 0 ? "paid" :
		    "invoiced";
	else if (all_shipped)
		s = "shipped";
	else if (any_shipped)
		s = "partially_shipped";
	else if (all_reserved)
		s = "confirmed";
	else
		s = any_reserved ? "partially_reserved" : "backordered";
	stmt = db_stmt(db, sql);
	db_bind_int64(stmt, 1, id);
	db_bind_text(stmt, 2, s);
	db_bind_text(stmt, 3, time_format(db->now, at));
	return db_done(db, stmt);
}

int order_get(struct db *db, int64_t id, const char *op, struct json *out)
{
	static const char sql[] =
		"SELECT ref, created_at, confirmed_at FROM sales_order "
		"WHERE id = ?";
	struct order_head h;
	struct order_line *l = NULL;
	struct db_stmt *stmt;
	size_t n;
	int64_t net = 0, tax = 0, total, invoiced, paid, credited;
	int ms = db->money_scale, status, rc, overflow = 0;

	if ((status = sales_order_head(db, id, &h)) ||
	    (status = sales_order_lines(db, id, &l, &n)) ||
	    (status = order_money(db, id, &invoiced, &paid, &credited))) {
		free(l);
		return status;
	}
	json_reset(out);
	json_object(out);
	json_key_int(out, "id", id);
	json_key_int(out, "customer", h.customer);
	json_key_str(out, "status", h.status);
	json_key_str(out, "wh", h.wh);
	stmt = db_stmt(db, sql);
	db_bind_int64(stmt, 1, id);
	rc = db_one(db, stmt);
	json_key_str(out, "ref", rc == DB_ROW ? db_column_text(stmt, 0) :
		     NULL);
	json_key_str(out, "date", h.date);
	json_key_dec(out, "tax_rate", h.tax_rate, SALES_TAX_SCALE);
	json_key(out, "lines");
	json_array(out);
	for (size_t i = 0; i < n; i++) {
		int64_t line_net = sales_net(l[i].qty, l[i].price);

		/* An order stored before the limit could pass int64. */
		if (dec_add(&net, line_net) ||
		    dec_add(&tax, sales_tax(line_net, h.tax_rate)))
			overflow = 1;
		json_object(out);
		json_key_str(out, "sku", l[i].sku);
		json_key_dec(out, "qty", l[i].qty, QTY_SCALE);
		json_key_dec(out, "price", l[i].price, ms);
		json_key_dec(out, "reserved", l[i].reserved, QTY_SCALE);
		json_key_dec(out, "shipped", l[i].shipped, QTY_SCALE);
		json_key_dec(out, "invoiced", l[i].invoiced, QTY_SCALE);
		json_key_dec(out, "returned", l[i].returned, QTY_SCALE);
		json_key_str(out, "status", line_status(&h, &l[i]));
		json_end_object(out);
	}
	json_end_array(out);
	total = net;
	if (overflow || dec_add(&total, tax)) {
		if (rc == DB_ROW)
			db_reset(stmt);
		free(l);
		return dec_sum_fail("order %lld", (long long)id);
	}
	json_key_dec(out, "net", net, ms);
	json_key_dec(out, "tax", tax, ms);
	json_key_dec(out, "total", total, ms);
	json_key_dec(out, "invoiced", invoiced, ms);
	json_key_dec(out, "paid", paid, ms);
	json_key_dec(out, "credited", credited, ms);
	json_key_dec(out, "balance", invoiced - paid - credited, ms);
	json_key_str(out, "created_at", rc == DB_ROW ?
		     db_column_text(stmt, 1) : NULL);
	json_key_str(out, "confirmed_at", rc == DB_ROW ?
		     db_column_text(stmt, 2) : NULL);
	if (rc == DB_ROW)
		db_reset(stmt);
	if (op)
		json_key_str(out, "op", op);
	json_end_object(out);
	free(l);
	return rc == DB_ROW ? BIZ_OK : rc == DB_DONE ? db_failure(db) : rc;
}

int order_each(struct db *db, const struct order_filter *filter,
	       struct sink *sink)
{
	static const char sql[] =
		"SELECT id FROM sales_order WHERE (?1 IS NULL OR status = ?1) "
		"AND (?2 = 0 OR customer_id = ?2) ORDER BY id";
	struct json w = { 0 };
	int64_t *ids = NULL, terms;
	size_t n = 0;
	struct db_stmt *stmt;
	int rc, status = BIZ_OK, known = !filter->status;

	for (int i = 0; filter->status && sales_order_statuses[i]; i++)
		known |= !strcmp(filter->status, sales_order_statuses[i]);
	if (!known)
		return biz_fail(BIZ_USAGE, "--status: '%s' is not one of draft, "
				"confirmed, partially_reserved, backordered, "
				"partially_shipped, shipped, invoiced, paid, "
				"cancelled", filter->status);
	if (filter->customer &&
	    (status = sales_customer(db, filter->customer, &terms)))
		return status;
	/* Ids first: reading each order runs other statements. */
	stmt = db_stmt(db, sql);
	db_bind_text(stmt, 1, filter->status);
	db_bind_int64(stmt, 2, filter->customer);
	while ((rc = db_row(db, stmt)) == DB_ROW) {
		ids = xrealloc(ids, (n + 1) * sizeof(*ids));
		ids[n++] = db_column_int64(stmt, 0);
	}
	if (rc != DB_DONE)
		status = rc;
	for (size_t i = 0; i < n && !status; i++) {
		if (filter->limit && (int64_t)i >= filter->limit)
			break;
		if ((status = order_get(db, ids[i], NULL, &w)))
			break;
		status = sink_put(sink, &w);
	}
	free(ids);
	json_release(&w);
	return status == BIZ_STOP ? BIZ_OK : status;
}

/* ---- create ----------------------------------------------------------- */

/* Whether the stored order id is the request in (same head and lines). */
static int same_order(struct db *db, int64_t id,
		      const struct sales_order_in *in, const char *wh,
		      const char **differs)
{
	struct order_head h;
	struct order_line *l;
	size_t n;
	int same;

	if (sales_order_head(db, id, &h) || sales_order_lines(db, id, &l, &n))
		return 0;
	*differs = h.customer != in->customer ? "customer" :
		   strcmp(h.wh, wh) ? "wh" :
		   h.tax_rate != in->tax_rate ? "tax" :
		   n != in->count ? "lines" : NULL;
	for (size_t i = 0; !*differs && i < n; i++)
		if (strcmp(l[i].sku, in->lines[i].sku) ||
		    l[i].qty != in->lines[i].qty ||
		    l[i].price != in->lines[i].price)
			*differs = "lines";
	same = !*differs;
	free(l);
	return same;
}

/* The order with ref, or 0. */
static int order_by_ref(struct db *db, const char *ref, int64_t *id)
{
	static const char sql[] = "SELECT id FROM sales_order WHERE ref = ?";

	return db_id_by_text(db, sql, ref, id);
}

/*
 * Adds a line's net and tax to an order's: whether the total would pass
 * DEC_TOTAL_LIMIT (10^17 of the smallest unit), as no stored total may.
 */
static int order_too_large(int64_t *net, int64_t *tax, int64_t line_net,
			   int64_t rate)
{
	int64_t total;

	return dec_add(net, line_net) ||
	       dec_add(tax, sales_tax(line_net, rate)) ||
	       __builtin_add_overflow(*net, *tax, &total) ||
	       total > DEC_TOTAL_LIMIT || *net > DEC_TOTAL_LIMIT;
}

int order_create(struct db *db, const struct sales_order_in *in,
		 struct json *out)
{
	static const char order_sql[] =
		"INSERT INTO sales_order(customer_id, wh, ref, tax_rate, date, "
		"created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)";
	static const char line_sql[] =
		"INSERT INTO sales_order_line(order_id, sku, qty, price) "
		"VALUES (?, ?, ?, ?)";
	const char *wh = in->wh ? in->wh : "MAIN", *differs = NULL;
	char date[TS_BUFSZ], at[TS_BUFSZ];
	struct item_info item;
	struct db_stmt *stmt;
	int64_t id, terms, net = 0, tax = 0;
	int status;
	jv data;

	if (in->ref && !*in->ref)
		return biz_fail(BIZ_DATAERR, "ref: an empty ref");
	if (!in->count)
		return biz_fail(BIZ_DATAERR, "an order needs a line");
	if ((status = sales_customer(db, in->customer, &terms)) ||
	    (status = warehouse_check(db, wh)) ||
	    (status = sales_date(db, in->date, date)))
		return status;
	for (size_t i = 0; i < in->count; i++) {
		if ((status = item_lookup(db, in->lines[i].sku, 0, &item)))
			return status;
		if (in->lines[i].qty <= 0 || in->lines[i].price < 0)
			return biz_fail(BIZ_DATAERR, "line '%s': quantity "
					"must be more than zero",
					in->lines[i].sku);
		/* Its invoices and postings stay within the stored limit. */
		if (order_too_large(&net, &tax, sales_net(in->lines[i].qty,
			in->lines[i].price), in->tax_rate))
			return biz_fail(BIZ_REFUSED, "an order too large: "
					"its total passes 10^17 of the "
					"smallest unit at line %zu ('%s')",
					i + 1, in->lines[i].sku);
	}
	if (in->ref) {
		if ((status = order_by_ref(db, in->ref, &id)))
			return status;
		if (id) {
			if (!same_order(db, id, in, wh, &differs))
				return biz_fail(BIZ_REFUSED, "ref '%s' is "
						"order %lld with another %s",
						in->ref, (long long)id,
						differs ? differs : "request");
			return order_get(db, id, "unchanged", out);
		}
	}
	stmt = db_stmt(db, order_sql);
	db_bind_int64(stmt, 1, in->customer);
	db_bind_text(stmt, 2, wh);
	db_bind_text(stmt, 3, in->ref);
	db_bind_int64(stmt, 4, in->tax_rate);
	db_bind_text(stmt, 5, date);
	db_bind_text(stmt, 6, time_format(db->now, at));
	if ((status = db_done(db, stmt)))
		return status;
	id = db_last_id(db);
	for (size_t i = 0; i < in->count && !status; i++) {
		stmt = db_stmt(db, line_sql);
		db_bind_int64(stmt, 1, id);
		db_bind_text(stmt, 2, in->lines[i].sku);
		db_bind_int64(stmt, 3, in->lines[i].qty);
		db_bind_int64(stmt, 4, in->lines[i].price);
		status = db_done(db, stmt);
	}
	if (status)
		return status;
	data = jv_object();
	rec_set(&data, "customer", jv_number((double)in->customer));
	rec_set_str(&data, "ref", in->ref);
	rec_set(&data, "lines", jv_number((double)in->count));
	if ((status = event_append_id(db, "order.created", "order", id,
				      data)))
		return status;
	return order_get(db, id, "created", out);
}

/* ---- confirm and cancel ----------------------------------------------- */

struct reserve_ctx {
	struct db *db;
	int64_t line_id;
};

/* Records part of a line's reservation (stock_reserve()'s callback). */
static int reservation_add(const char *lot, int64_t qty, void *arg)
{
	static const char sql[] =
		"INSERT INTO sales_reservation(line_id, lot, qty) "
		"VALUES (?1, ?2, ?3) ON CONFLICT(line_id, lot) "
		"DO UPDATE SET qty = qty + ?3";
	struct reserve_ctx *ctx = arg;
	struct db_stmt *stmt = db_stmt(ctx->db, sql);

	db_bind_int64(stmt, 1, ctx->line_id);
	db_bind_text(stmt, 2, lot);
	db_bind_int64(stmt, 3, qty);
	return db_done(ctx->db, stmt);
}

static int line_set_reserved(struct db *db, int64_t line_id, int64_t add)
{
	static const char sql[] =
		"UPDATE sales_order_line SET reserved = reserved + ? "
		"WHERE id = ?";
	struct db_stmt *stmt = db_stmt(db, sql);

	db_bind_int64(stmt, 1, add);
	db_bind_int64(stmt, 2, line_id);
	return db_done(db, stmt);
}

static int order_mark_confirmed(struct db *db, int64_t id)
{
	static const char sql[] =
		"UPDATE sales_order SET confirmed_at = coalesce(confirmed_at, "
		"?2), status = CASE status WHEN 'draft' THEN 'confirmed' "
		"ELSE status END WHERE id = ?1";
	struct db_stmt *stmt = db_stmt(db, sql);
	char at[TS_BUFSZ];

	db_bind_int64(stmt, 1, id);
	db_bind_text(stmt, 2, time_format(db->now, at));
	return db_done(db, stmt);
}

int order_confirm(struct db *db, int64_t id, int partial, struct json *out)
{
	struct order_head h;
	struct order_line *l = NULL;
	struct item_info item;
	size_t n;
	int64_t need_all = 0, got_all = 0;
	char a[DEC_BUFSZ], b[DEC_BUFSZ];
	int status;
	jv data;

	if ((status = sales_order_head(db, id, &h)))
		return status;
	if (!strcmp(h.status, "cancelled"))
		return biz_fail(BIZ_REFUSED, "order %lld is cancelled",
				(long long)id);
	if ((status = sales_order_lines(db, id, &l, &n)))
		return status;
	for (size_t i = 0; i < n && !status; i++) {
		struct reserve_ctx ctx = { db, l[i].id };
		int64_t need = l[i].qty - l[i].shipped - l[i].reserved, got;

		if (need <= 0)
			continue;
		need_all += need;
		if ((status = item_lookup(db, l[i].sku, 0, &item)) ||
		    (status = stock_reserve(db, &item, h.wh, need,
					    reservation_add, &ctx, &got)))
			break;
		got_all += got;
		if (got < need && !partial)
			status = biz_fail(BIZ_REFUSED, "not enough '%s' in "
					  "'%s' for order %lld: %s available, "
					  "%s needed (--partial reserves what "
					  "there is)", l[i].sku, h.wh,
					  (long long)id,
					  dec_format(got, QTY_SCALE, a),
					  dec_format(need, QTY_SCALE, b));
		else if (got)
			status = line_set_reserved(db, l[i].id, got);
	}
	free(l);
	if (status)
		return status;
	if (h.confirmed && !need_all)
		return order_get(db, id, "unchanged", out);
	if ((status = order_mark_confirmed(db, id)) ||
	    (status = sales_order_update_status(db, id)))
		return status;
	data = jv_object();
	rec_set(&data, "reserved", dec_to_jv(got_all, QTY_SCALE));
	rec_set(&data, "backordered", dec_to_jv(need_all - got_all,
						QTY_SCALE));
	if ((status = event_append_id(db, "order.confirmed", "order", id,
				      data)))
		return status;
	return order_get(db, id, "updated", out);
}

int sales_line_release(struct db *db, const char *wh,
		       const struct order_line *line)
{
	static const char read_sql[] =
		"SELECT lot, qty FROM sales_reservation WHERE line_id = ?";
	static const char drop_sql[] =
		"DELETE FROM sales_reservation WHERE line_id = ?";
	static const char line_sql[] =
		"UPDATE sales_order_line SET reserved = 0 WHERE id = ?";
	struct db_stmt *stmt = db_stmt(db, read_sql);
	char **lots = NULL;
	int64_t *qtys = NULL;
	size_t n = 0;
	int rc, status = BIZ_OK;

	db_bind_int64(stmt, 1, line->id);
	while ((rc = db_row(db, stmt)) == DB_ROW) {
		lots = xrealloc(lots, (n + 1) * sizeof(*lots));
		qtys = xrealloc(qtys, (n + 1) * sizeof(*qtys));
		lots[n] = xstrdup(db_column_text(stmt, 0));
		qtys[n++] = db_column_int64(stmt, 1);
	}
	if (rc != DB_DONE)
		status = rc;
	for (size_t i = 0; i < n && !status; i++)
		status = stock_unreserve(db, line->sku, wh, lots[i], qtys[i]);
	for (size_t i = 0; i < n; i++)
		free(lots[i]);
	free(lots);
	free(qtys);
	if (status)
		return status;
	stmt = db_stmt(db, drop_sql);
	db_bind_int64(stmt, 1, line->id);
	if ((status = db_done(db, stmt)))
		return status;
	stmt = db_stmt(db, line_sql);
	db_bind_int64(stmt, 1, line->id);
	return db_done(db, stmt);
}

int order_cancel(struct db *db, int64_t id, struct json *out)
{
	static const char sql[] =
		"UPDATE sales_order SET status = 'cancelled', updated_at = ? "
		"WHERE id = ?";
	struct order_head h;
	struct order_line *l = NULL;
	struct db_stmt *stmt;
	char at[TS_BUFSZ];
	size_t n;
	int status;

	if ((status = sales_order_head(db, id, &h)))
		return status;
	if (!strcmp(h.status, "cancelled"))
		return order_get(db, id, "unchanged", out);
	if ((status = sales_order_lines(db, id, &l, &n)))
		return status;
	for (size_t i = 0; i < n && !status; i++)
		if (l[i].shipped > 0)
			status = biz_fail(BIZ_REFUSED, "order %lld has shipped "
					  "'%s': it cannot be cancelled (return "
					  "it instead)", (long long)id,
					  l[i].sku);
	for (size_t i = 0; i < n && !status; i++)
		if (l[i].reserved > 0)
			status = sales_line_release(db, h.wh, &l[i]);
	free(l);
	if (status)
		return status;
	stmt = db_stmt(db, sql);
	db_bind_text(stmt, 1, time_format(db->now, at));
	db_bind_int64(stmt, 2, id);
	if ((status = db_done(db, stmt)) ||
	    (status = event_append_id(db, "order.cancelled", "order", id,
				      jv_object())))
		return status;
	return order_get(db, id, "updated", out);
}
