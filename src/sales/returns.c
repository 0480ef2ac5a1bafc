/*
 * returns.c - goods back from a customer: into stock at the value they
 * left with, and a credit for what of them was billed.
 */
#include "sales_internal.h"

#include <stdlib.h>
#include <string.h>

#include "event.h"
#include "item.h"
#include "record.h"
#include "reserve.h"
#include "stock.h"
#include "banned.h"

/* Value of taking qty out of remaining worth value: the last unit takes
 * the rest, as the stock layers do. */
static int64_t share(int64_t value, int64_t qty, int64_t remaining)
{
	return qty >= remaining ? value : dec_muldiv(value, qty, remaining);
}

/* The request as text, to tell a replay from another return. */
static char *request_text(const struct sales_line *lines, size_t count,
			  const char *const *serials, size_t serial_count)
{
	struct strbuf sb = { 0 };
	char buf[DEC_BUFSZ];

	strbuf_addstr(&sb, "");
	for (size_t i = 0; i < count; i++)
		strbuf_addf(&sb, "%s%s:%s", i ? " " : "", lines[i].sku,
			    dec_format(lines[i].qty, QTY_SCALE, buf));
	for (size_t i = 0; i < serial_count; i++)
		strbuf_addf(&sb, " serial:%s", serials[i]);
	return sb.buf;
}

static int return_replay(struct db *db, const char *ref, int64_t order,
			 const char *request, int *replay)
{
	static const char sql[] =
		"SELECT id, order_id, request FROM sales_return WHERE ref = ?";
	struct db_stmt *stmt = db_stmt(db, sql);
	int rc, status = BIZ_OK;

	*replay = 0;
	if (!ref)
		return BIZ_OK;
	if (!*ref)
		return biz_fail(BIZ_DATAERR, "ref: an empty ref");
	db_bind_text(stmt, 1, ref);
	rc = db_one(db, stmt);
	if (rc == DB_ROW) {
		if (db_column_int64(stmt, 1) != order ||
		    strcmp(db_column_text(stmt, 2), request))
			status = biz_fail(BIZ_REFUSED, "ref '%s' is return "
					  "%lld with another %s", ref,
					  (long long)db_column_int64(stmt, 0),
					  db_column_int64(stmt, 1) != order ?
					  "order" : "lines");
		*replay = 1;
		db_reset(stmt);
		return status;
	}
	return rc == DB_DONE ? BIZ_OK : rc;
}

struct shipped_piece {
	int64_t move, qty, value;
	char lot[104];
};

/* What of line's shipments is still out, newest first. */
static int shipped_pieces(struct db *db, int64_t line_id,
			  struct shipped_piece **out, size_t *count)
{
	static const char sql[] =
		"SELECT move_id, qty - returned_qty, value - returned_value, "
		"lot FROM sales_shipment WHERE line_id = ? AND "
		"returned_qty < qty ORDER BY move_id DESC";
	struct db_stmt *stmt = db_stmt(db, sql);
	struct shipped_piece *p = NULL;
	size_t n = 0;
	int rc;

	db_bind_int64(stmt, 1, line_id);
	while ((rc = db_row(db, stmt)) == DB_ROW) {
		p = xrealloc(p, (n + 1) * sizeof(*p));
		p[n].move = db_column_int64(stmt, 0);
		p[n].qty = db_column_int64(stmt, 1);
		p[n].value = db_column_int64(stmt, 2);
		snprintf(p[n].lot, sizeof(p[n].lot), "%s",
			 db_column_text(stmt, 3));
		n++;
	}
	*out = p;
	*count = n;
	return rc == DB_DONE ? BIZ_OK : rc;
}

/* The serials a return names, and how many of them it has taken. */
struct return_serials {
	const char *const *named;
	size_t count, used;
};

static int named(const struct return_serials *rs, const char *serial)
{
	for (size_t i = 0; i < rs->count; i++)
		if (!strcmp(rs->named[i], serial))
			return 1;
	return 0;
}

/*
 * Up to want serials of sku that move shipped and are still out (named
 * ones only, when the return names any), into chosen (borrowed from
 * *list, which the caller frees).
 */
static int piece_serials(struct db *db, int64_t move, const char *sku,
			 const struct return_serials *rs, size_t want,
			 jv *list, const char **chosen, size_t *n)
{
	static const char move_sql[] = "SELECT serials FROM move WHERE id = ?";
	static const char out_sql[] =
		"SELECT 1 FROM serial WHERE sku = ? AND serial = ? AND "
		"NOT in_stock";
	struct db_stmt *stmt = db_stmt(db, move_sql);
	int rc, len;

	*n = 0;
	db_bind_int64(stmt, 1, move);
	rc = db_one(db, stmt);
	if (rc != DB_ROW)
		return rc == DB_DONE ? db_failure(db) : rc;
	*list = db_column_null(stmt, 0) ? jv_array() :
		jv_parse(db_column_text(stmt, 0));
	db_reset(stmt);
	if (jv_get_kind(*list) != JV_KIND_ARRAY)
		return biz_fail(BIZ_INTERNAL, "move %lld: serials are not a "
				"list", (long long)move);
	len = jv_array_length(jv_copy(*list));
	for (int i = 0; i < len && *n < want; i++) {
		jv v = jv_array_get(jv_copy(*list), i);
		const char *serial;

		if (jv_get_kind(v) != JV_KIND_STRING) {
			jv_free(v);
			continue;
		}
		serial = jv_string_value(v);	/* lives in *list */
		jv_free(v);
		if (rs->count && !named(rs, serial))
			continue;
		stmt = db_stmt(db, out_sql);
		db_bind_text(stmt, 1, sku);
		db_bind_text(stmt, 2, serial);
		rc = db_one(db, stmt);
		if (rc == DB_ROW) {
			db_reset(stmt);
			chosen[(*n)++] = serial;
		} else if (rc != DB_DONE) {
			return rc;
		}
	}
	return BIZ_OK;
}

/* The serials as a JSON array text (a new string). */
static char *serials_text(const char **serials, size_t n)
{
	struct strbuf sb = { 0 };

	strbuf_addstr(&sb, "[");
	for (size_t i = 0; i < n; i++) {
		if (i)
			strbuf_addstr(&sb, ",");
		rec_dump_text(&sb, serials[i], strlen(serials[i]));
	}
	strbuf_addstr(&sb, "]");
	return sb.buf;
}

/*
 * Brings q of line l back into wh, newest shipment first, each part at
 * the value it left with; a serial-tracked line brings back serials it
 * shipped (those rs names, or the first still out).
 */
static int return_goods(struct db *db, struct stock_doc *doc,
			const char *wh, const struct order_line *l,
			int64_t q, struct return_serials *rs)
{
	static const char back_sql[] =
		"UPDATE sales_shipment SET returned_qty = returned_qty + ?2, "
		"returned_value = returned_value + ?3 WHERE move_id = ?1";
	struct shipped_piece *p = NULL;
	struct item_info item;
	size_t n = 0;
	int status;

	if ((status = item_lookup(db, l->sku, 0, &item)) ||
	    (status = shipped_pieces(db, l->id, &p, &n)))
		return status;
	for (size_t i = 0; i < n && q > 0 && !status; i++) {
		struct stock_move m;
		int64_t take = p[i].qty < q ? p[i].qty : q;
		const char **chosen = NULL;
		size_t got = 0;
		char *text = NULL;
		jv list = jv_null();
		struct db_stmt *stmt;

		if (item.tracking == TRACK_SERIAL) {
			chosen = xmalloc((size_t)(take / 1000 + 1) *
					 sizeof(*chosen));
			status = piece_serials(db, p[i].move, l->sku, rs,
					       (size_t)(take / 1000), &list,
					       chosen, &got);
			take = (int64_t)got * 1000;
			text = serials_text(chosen, got);
		}
		memset(&m, 0, sizeof(m));
		m.item = &item;
		m.wh = wh;
		m.lot = p[i].lot;
		m.qty = take;
		m.value = share(p[i].value, take, p[i].qty);
		m.posting = "return_receipt";
		m.posting_sign = 1;
		m.event = "stock.returned";
		m.serials = text;
		if (!status && take &&
		    !(status = stock_apply_move(db, doc, &m, NULL)) &&
		    !(status = stock_serials_back(db, l->sku, wh, chosen, got,
						  m.id))) {
			stmt = db_stmt(db, back_sql);
			db_bind_int64(stmt, 1, p[i].move);
			db_bind_int64(stmt, 2, take);
			db_bind_int64(stmt, 3, m.value);
			status = db_done(db, stmt);
			rs->used += got;
		}
		q -= take;
		free(text);
		free(chosen);
		jv_free(list);
	}
	free(p);
	if (!status && q > 0)
		status = biz_fail(BIZ_REFUSED, "'%s': the serials %s were not "
				  "shipped on this order or are back already",
				  l->sku, rs->count ? "named" : "to return");
	return status;
}

/* The order's invoices dated up to date (or all), oldest first. */
static int credit_invoices(struct db *db, int64_t order, const char *date,
			   int64_t total, int64_t source)
{
	static const char list_sql[] =
		"SELECT i.id, i.total - coalesce((SELECT sum(amount) FROM "
		"invoice_settlement s WHERE s.invoice_id = i.id), 0) "
		"FROM invoice i WHERE i.order_id = ?1 "
		"ORDER BY i.date > ?2, i.date, i.id";
	static const char sql[] =
		"INSERT INTO invoice_settlement(invoice_id, kind, source_id, "
		"date, amount) VALUES (?, 'credit', ?, ?, ?)";
	struct db_stmt *stmt = db_stmt(db, list_sql);
	int64_t *ids = NULL, *open = NULL;
	size_t n = 0;
	int rc, status = BIZ_OK;

	db_bind_int64(stmt, 1, order);
	db_bind_text(stmt, 2, date);
	while ((rc = db_row(db, stmt)) == DB_ROW) {
		ids = xrealloc(ids, (n + 1) * sizeof(*ids));
		open = xrealloc(open, (n + 1) * sizeof(*open));
		ids[n] = db_column_int64(stmt, 0);
		open[n++] = db_column_int64(stmt, 1);
	}
	if (rc != DB_DONE)
		status = rc;
	for (size_t i = 0; i < n && total > 0 && !status; i++) {
		int64_t take = open[i] > 0 && open[i] < total ? open[i] :
			       total;

		if (open[i] <= 0 && i < n - 1)
			continue;
		if (i == n - 1)
			take = total;
		stmt = db_stmt(db, sql);
		db_bind_int64(stmt, 1, ids[i]);
		db_bind_int64(stmt, 2, source);
		db_bind_text(stmt, 3, date);
		db_bind_int64(stmt, 4, take);
		status = db_done(db, stmt);
		total -= take;
	}
	free(ids);
	free(open);
	return status;
}

/* Checks every line can go back; sets which order line takes what. */
static int return_plan(const struct order_head *h, struct order_line *l,
		       size_t n, const struct sales_line *lines,
		       size_t count, int64_t *take)
{
	char a[DEC_BUFSZ], b[DEC_BUFSZ];

	for (size_t i = 0; i < n; i++)
		take[i] = 0;
	for (size_t k = 0; k < count; k++) {
		int64_t left = lines[k].qty, out = 0;
		int found = 0;

		for (size_t i = 0; i < n; i++) {
			int64_t room;

			if (strcmp(l[i].sku, lines[k].sku))
				continue;
			found = 1;
			room = l[i].shipped - l[i].returned - take[i];
			out += room;
			room = room < left ? room : left;
			take[i] += room;
			left -= room;
		}
		if (!found)
			return biz_fail(BIZ_DATAERR, "order %lld has no line "
					"'%s'", (long long)h->id, lines[k].sku);
		if (left > 0)
			return biz_fail(BIZ_REFUSED, "order %lld: %s '%s' to "
					"return, %s shipped and not returned",
					(long long)h->id,
					dec_format(lines[k].qty, QTY_SCALE, a),
					lines[k].sku,
					dec_format(out, QTY_SCALE, b));
	}
	return BIZ_OK;
}

/* Marks q of line returned, credit_q of them credited. */
static int line_returned(struct db *db, int64_t line_id, int64_t q,
			 int64_t credit_q)
{
	static const char sql[] =
		"UPDATE sales_order_line SET returned = returned + ?2, "
		"credited = credited + ?3 WHERE id = ?1";
	struct db_stmt *stmt = db_stmt(db, sql);

	db_bind_int64(stmt, 1, line_id);
	db_bind_int64(stmt, 2, q);
	db_bind_int64(stmt, 3, credit_q);
	return db_done(db, stmt);
}

int order_return(struct db *db, int64_t id, const struct sales_line *lines,
		 size_t count, const char *const *serials,
		 size_t serial_count, const char *ref, const char *date_in,
		 struct json *out)
{
	static const char sql[] =
		"INSERT INTO sales_return(order_id, ref, request, date, net, "
		"tax, total, doc_id, entry_id, created_at) "
		"VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
	struct order_head h;
	struct order_line *l = NULL;
	struct stock_doc doc;
	struct db_stmt *stmt;
	char date[TS_BUFSZ], at[TS_BUFSZ], memo[64];
	char *request = request_text(lines, count, serials, serial_count);
	struct return_serials rs = { serials, serial_count, 0 };
	int64_t *take = NULL, net = 0, tax = 0, entry = 0, ret;
	size_t n = 0;
	int status, replay;
	jv data;

	memset(&doc, 0, sizeof(doc));
	if (!count) {
		status = biz_fail(BIZ_DATAERR, "a return needs a line");
		goto done;
	}
	if ((status = sales_order_head(db, id, &h)) ||
	    (status = return_replay(db, ref, id, request, &replay)))
		goto done;
	if (replay) {
		status = order_get(db, id, "unchanged", out);
		goto done;
	}
	if ((status = sales_date(db, date_in, date)) ||
	    (status = sales_order_lines(db, id, &l, &n)))
		goto done;
	take = xmalloc((n + 1) * sizeof(*take));
	if ((status = return_plan(&h, l, n, lines, count, take)))
		goto done;
	doc.kind = "return";
	doc.date = date;
	for (size_t i = 0; i < n && !status; i++) {
		int64_t credit_q, ln;

		if (!take[i])
			continue;
		credit_q = l[i].invoiced - l[i].credited;
		credit_q = credit_q < take[i] ? credit_q : take[i];
		ln = sales_net(credit_q, l[i].price);
		net += ln;
		tax += sales_tax(ln, h.tax_rate);
		if (!(status = return_goods(db, &doc, h.wh, &l[i], take[i],
					    &rs)))
			status = line_returned(db, l[i].id, take[i], credit_q);
	}
	if (!status && rs.used < rs.count)
		status = biz_fail(BIZ_DATAERR, "%zu of the serials named are "
				  "not of the lines returned",
				  rs.count - rs.used);
	if (status || (status = stock_doc_finish(db, &doc)))
		goto done;
	snprintf(memo, sizeof(memo), "Return on order %lld", (long long)id);
	if (net + tax && (status = sales_post(db, -1, date, memo, ref, net,
					      tax, &entry)))
		goto done;
	stmt = db_stmt(db, sql);
	db_bind_int64(stmt, 1, id);
	db_bind_text(stmt, 2, ref);
	db_bind_text(stmt, 3, request);
	db_bind_text(stmt, 4, date);
	db_bind_int64(stmt, 5, net);
	db_bind_int64(stmt, 6, tax);
	db_bind_int64(stmt, 7, net + tax);
	db_bind_int64(stmt, 8, doc.id);
	if (entry)
		db_bind_int64(stmt, 9, entry);
	else
		db_bind_null(stmt, 9);
	db_bind_text(stmt, 10, time_format(db->now, at));
	if ((status = db_done(db, stmt)))
		goto done;
	ret = db_last_id(db);
	if ((status = credit_invoices(db, id, date, net + tax, ret)) ||
	    (status = sales_order_update_status(db, id)))
		goto done;
	data = jv_object();
	rec_set(&data, "return", jv_number((double)ret));
	rec_set_str(&data, "lines", request);
	rec_set(&data, "credit", dec_to_jv(net + tax, db->money_scale));
	if (!(status = event_append_id(db, "order.returned", "order", id,
				       data)))
		status = order_get(db, id, "updated", out);
done:
	stock_doc_release(&doc);
	free(request);
	free(take);
	free(l);
	return status;
}
