/*
 * invoice.c - what follows a confirmed order: shipments through the one
 * stock path, invoices, payments and returns, each with its entry.
 */
#include "sales_internal.h"

#include <stdlib.h>
#include <string.h>

#include "config.h"
#include "event.h"
#include "item.h"
#include "ledger.h"
#include "record.h"
#include "reserve.h"
#include "stock.h"
#include "banned.h"

int sales_post(struct db *db, int sign, const char *date,
	       const char *memo, const char *ref, int64_t net, int64_t tax,
	       int64_t *entry_id)
{
	char debit[LEDGER_CODE_MAX], credit[LEDGER_CODE_MAX];
	const char *tax_account = config_text(db, "sales.tax_account");
	char tax_code[LEDGER_CODE_MAX];
	const char *rule = sign > 0 ? "invoice" : "sales_return";
	struct posting_in p[3];
	struct entry_in e = { date, memo, rule, ref, 0, p, 0 };
	int status;

	snprintf(tax_code, sizeof(tax_code), "%s",
		 tax_account ? tax_account : "2200");
	if ((status = ledger_rule_accounts(db, rule, debit, credit)))
		return status;
	if (sign > 0) {
		p[e.count++] = (struct posting_in){ debit, net + tax };
		if (net)
			p[e.count++] = (struct posting_in){ credit, -net };
		if (tax)
			p[e.count++] = (struct posting_in){ tax_code, -tax };
	} else {
		if (net)
			p[e.count++] = (struct posting_in){ debit, net };
		if (tax)
			p[e.count++] = (struct posting_in){ tax_code, tax };
		p[e.count++] = (struct posting_in){ credit, -(net + tax) };
	}
	return ledger_post(db, &e, entry_id);
}

/* ---- shipping --------------------------------------------------------- */

struct reservation {
	char lot[104];
	int64_t qty;
};

/* The line's reservations, lots by first expiry. */
static int line_reservations(struct db *db, int64_t line_id,
			     struct reservation **out, size_t *count)
{
	static const char sql[] =
		"SELECT r.lot, r.qty FROM sales_reservation r "
		"JOIN sales_order_line ol ON ol.id = r.line_id "
		"LEFT JOIN lot l ON l.sku = ol.sku AND l.code = r.lot "
		"WHERE r.line_id = ? ORDER BY l.expiry IS NULL, l.expiry, "
		"l.first_move, r.lot";
	struct db_stmt *stmt = db_stmt(db, sql);
	struct reservation *r = NULL;
	size_t n = 0;
	int rc;

	db_bind_int64(stmt, 1, line_id);
	while ((rc = db_row(db, stmt)) == DB_ROW) {
		r = xrealloc(r, (n + 1) * sizeof(*r));
		snprintf(r[n].lot, sizeof(r[n].lot), "%s",
			 db_column_text(stmt, 0));
		r[n++].qty = db_column_int64(stmt, 1);
	}
	*out = r;
	*count = n;
	return rc == DB_DONE ? BIZ_OK : rc;
}

static int reservation_take(struct db *db, int64_t line_id, const char *lot,
			    int64_t qty)
{
	static const char take_sql[] =
		"UPDATE sales_reservation SET qty = qty - ?3 "
		"WHERE line_id = ?1 AND lot = ?2";
	static const char drop_sql[] =
		"DELETE FROM sales_reservation WHERE line_id = ? AND lot = ? "
		"AND qty = 0";
	struct db_stmt *stmt = db_stmt(db, take_sql);
	int status;

	db_bind_int64(stmt, 1, line_id);
	db_bind_text(stmt, 2, lot);
	db_bind_int64(stmt, 3, qty);
	if ((status = db_done(db, stmt)))
		return status;
	stmt = db_stmt(db, drop_sql);
	db_bind_int64(stmt, 1, line_id);
	db_bind_text(stmt, 2, lot);
	return db_done(db, stmt);
}

/* Where a shipment's move records go: counted, and handed on. */
struct ship_sink {
	struct sink sink;
	int64_t moves;
	struct sink *out;	/* where the records go on, or NULL */
};

static int ship_put(struct sink *sink, const char *json, size_t len)
{
	struct ship_sink *ss = (struct ship_sink *)sink;
	int status = BIZ_OK;

	ss->moves++;
	if (ss->out && (status = ss->out->put(ss->out, json, len)) ==
	    BIZ_STOP)
		status = BIZ_OK;
	return status;
}

/*
 * Records the moves doc_id wrote after move *last for line_id as its
 * shipment, with the value each left with (a return brings it back at
 * that value), and moves *last on.  Read back from the moves rather than
 * parsed from their records: parsing took a quarter of a shipment's
 * instructions (callgrind, 1,000 orders of 3 lines: 897 M before, 769 M
 * after).
 */
static int shipment_record(struct db *db, int64_t doc_id, int64_t line_id,
			   int64_t *last)
{
	static const char sql[] =
		"INSERT INTO sales_shipment(move_id, line_id, lot, qty, value) "
		"SELECT m.id, ?2, m.lot, -m.qty, -m.value FROM move m "
		"WHERE m.doc_id = ?1 AND m.id > ?3 ORDER BY m.id";
	struct db_stmt *stmt = db_stmt(db, sql);
	int status;

	db_bind_int64(stmt, 1, doc_id);
	db_bind_int64(stmt, 2, line_id);
	db_bind_int64(stmt, 3, *last);
	if (!(status = db_done(db, stmt)) && db_changes(db) > 0)
		*last = db_last_id(db);
	return status;
}

/* The given serials that are serials of sku (borrowed pointers). */
static size_t serials_of(struct db *db, const char *sku,
			 const struct sales_ship_in *in, const char **out)
{
	static const char sql[] =
		"SELECT 1 FROM serial WHERE sku = ? AND serial = ?";
	size_t n = 0;

	for (size_t i = 0; i < in->serial_count; i++) {
		struct db_stmt *stmt = db_stmt(db, sql);

		db_bind_text(stmt, 1, sku);
		db_bind_text(stmt, 2, in->serials[i]);
		if (db_one(db, stmt) == DB_ROW) {
			out[n++] = in->serials[i];
			db_reset(stmt);
		}
	}
	return n;
}

/* Issues want of line l (reserved in wh) as lines of doc. */
static int ship_line(struct db *db, struct stock_doc *doc, const char *wh,
		     const struct order_line *l, int64_t want,
		     const struct sales_ship_in *in, int64_t *moves,
		     int64_t *last)
{
	static const char line_sql[] =
		"UPDATE sales_order_line SET reserved = reserved - ?2, "
		"shipped = shipped + ?2 WHERE id = ?1";
	struct reservation *r = NULL;
	struct ship_sink sink = { { ship_put }, 0, in->moves };
	struct item_info item;
	const char **serials = NULL;
	size_t n = 0, serial_count = 0;
	int64_t left = want;
	struct db_stmt *stmt;
	int status;

	if ((status = item_lookup(db, l->sku, 0, &item)) ||
	    (status = line_reservations(db, l->id, &r, &n)))
		return status;
	if (item.tracking == TRACK_SERIAL && in->serial_count) {
		serials = xmalloc(in->serial_count * sizeof(*serials));
		serial_count = serials_of(db, l->sku, in, serials);
	}
	for (size_t i = 0; i < n && left > 0 && !status; i++) {
		struct stock_line sl;
		int64_t take = r[i].qty < left ? r[i].qty : left;

		memset(&sl, 0, sizeof(sl));
		sl.sku = l->sku;
		sl.wh = wh;
		sl.lot = r[i].lot[0] ? r[i].lot : NULL;
		sl.qty = take;
		sl.serials = serials;
		sl.serial_count = serial_count;
		if (!(status = stock_unreserve(db, l->sku, wh, r[i].lot,
					       take)) &&
		    !(status = reservation_take(db, l->id, r[i].lot, take)) &&
		    !(status = stock_issue(db, doc, &sl, &sink.sink)))
			status = shipment_record(db, doc->id, l->id, last);
		left -= take;
	}
	free(r);
	free(serials);
	*moves += sink.moves;
	if (status)
		return status;
	stmt = db_stmt(db, line_sql);
	db_bind_int64(stmt, 1, l->id);
	db_bind_int64(stmt, 2, want);
	return db_done(db, stmt);
}

/* How much of each line to ship: all reserved, or in's lines. */
static int ship_plan(const struct order_head *h, struct order_line *l,
		     size_t n, const struct sales_ship_in *in, int64_t *want)
{
	char a[DEC_BUFSZ], b[DEC_BUFSZ];
	int64_t any = 0;

	for (size_t i = 0; i < n; i++)
		want[i] = in->count ? 0 : l[i].reserved;
	for (size_t k = 0; k < in->count; k++) {
		int64_t left = in->lines[k].qty, reserved = 0;
		int found = 0;

		for (size_t i = 0; i < n; i++) {
			int64_t take;

			if (strcmp(l[i].sku, in->lines[k].sku))
				continue;
			found = 1;
			reserved += l[i].reserved - want[i];
			take = l[i].reserved - want[i] < left ?
			       l[i].reserved - want[i] : left;
			want[i] += take;
			left -= take;
		}
		if (!found)
			return biz_fail(BIZ_DATAERR, "order %lld has no line "
					"'%s'", (long long)h->id,
					in->lines[k].sku);
		if (left > 0)
			return biz_fail(BIZ_REFUSED, "order %lld: %s '%s' "
					"asked, %s reserved", (long long)h->id,
					dec_format(in->lines[k].qty, QTY_SCALE,
						   a), in->lines[k].sku,
					dec_format(reserved, QTY_SCALE, b));
	}
	for (size_t i = 0; i < n; i++)
		any += want[i];
	if (!any)
		return biz_fail(BIZ_REFUSED, "order %lld has nothing reserved "
				"to ship", (long long)h->id);
	return BIZ_OK;
}

int order_ship(struct db *db, const struct sales_ship_in *in,
	       struct json *out)
{
	struct order_head h;
	struct order_line *l = NULL;
	struct stock_doc doc;
	int64_t *want = NULL, moves = 0, last = 0;
	char order[24];
	size_t n = 0;
	jv data;
	int status;

	memset(&doc, 0, sizeof(doc));
	if ((status = sales_order_head(db, in->id, &h)))
		goto done;
	if (!strcmp(h.status, "cancelled") || !h.confirmed) {
		status = biz_fail(BIZ_REFUSED, "order %lld is %s: nothing to "
				  "ship", (long long)in->id, h.status);
		goto done;
	}
	if (in->wh && strcmp(in->wh, h.wh)) {
		status = biz_fail(BIZ_DATAERR, "order %lld ships from '%s', "
				  "not '%s'", (long long)in->id, h.wh, in->wh);
		goto done;
	}
	if ((status = sales_order_lines(db, in->id, &l, &n)))
		goto done;
	want = xmalloc((n + 1) * sizeof(*want));
	if ((status = ship_plan(&h, l, n, in, want)))
		goto done;
	snprintf(order, sizeof(order), "%lld", (long long)in->id);
	doc.kind = "issue";
	doc.order = order;
	doc.date = in->date;
	for (size_t i = 0; i < n && !status; i++)
		if (want[i])
			status = ship_line(db, &doc, h.wh, &l[i], want[i], in,
					   &moves, &last);
	if (status || (status = stock_doc_finish(db, &doc)) ||
	    (status = sales_order_update_status(db, in->id)))
		goto done;
	data = jv_object();
	rec_set(&data, "doc", jv_number((double)doc.id));
	rec_set(&data, "moves", jv_number((double)moves));
	if (!(status = event_append_id(db, "order.shipped", "order", in->id,
				       data)))
		status = order_get(db, in->id, "updated", out);
done:
	stock_doc_release(&doc);
	free(want);
	free(l);
	return status;
}

/* ---- invoices --------------------------------------------------------- */

int sales_invoice_get(struct db *db, int64_t id, const char *op,
		      struct json *out)
{
	static const char sql[] =
		"SELECT i.order_id, i.customer_id, i.date, i.due, i.net, "
		"i.tax, i.total, coalesce((SELECT sum(amount) FROM "
		"invoice_settlement WHERE invoice_id = i.id AND kind = "
		"'payment'), 0), coalesce((SELECT sum(amount) FROM "
		"invoice_settlement WHERE invoice_id = i.id AND kind = "
		"'credit'), 0), i.entry_id FROM invoice i WHERE i.id = ?";
	struct db_stmt *stmt = db_stmt(db, sql);
	int64_t total, paid, credited, balance;
	int ms = db->money_scale, rc;

	db_bind_int64(stmt, 1, id);
	rc = db_one(db, stmt);
	if (rc != DB_ROW)
		return rc == DB_DONE ? biz_fail(BIZ_DATAERR, "no such invoice "
						"%lld", (long long)id) : rc;
	total = db_column_int64(stmt, 6);
	paid = db_column_int64(stmt, 7);
	credited = db_column_int64(stmt, 8);
	balance = total - paid - credited;
	json_reset(out);
	json_object(out);
	json_key_int(out, "id", id);
	json_key_int(out, "order", db_column_int64(stmt, 0));
	json_key_int(out, "customer", db_column_int64(stmt, 1));
	json_key_str(out, "date", db_column_text(stmt, 2));
	json_key_str(out, "due", db_column_text(stmt, 3));
	json_key_dec(out, "net", db_column_int64(stmt, 4), ms);
	json_key_dec(out, "tax", db_column_int64(stmt, 5), ms);
	json_key_dec(out, "total", total, ms);
	json_key_dec(out, "paid", paid, ms);
	json_key_dec(out, "credited", credited, ms);
	json_key_dec(out, "balance", balance, ms);
	json_key_str(out, "status", balance > 0 ? "open" : balance == 0 ?
		     "paid" : "credit");
	json_key_int(out, "entry", db_column_int64(stmt, 9));
	if (op)
		json_key_str(out, "op", op);
	json_end_object(out);
	db_reset(stmt);
	return BIZ_OK;
}

/* date + the customer's terms (or sales.terms_days) as a date. */
static int due_date(struct db *db, int64_t customer, const char *date,
		    char due[TS_BUFSZ])
{
	int64_t terms, day;
	int status;

	if ((status = sales_customer(db, customer, &terms)))
		return status;
	if (terms < 0 && config_integer(db, "sales.terms_days", &terms))
		terms = 30;
	date_parse(date, &day);
	date_format(day + terms * 86400, due);
	return BIZ_OK;
}

int order_invoice(struct db *db, int64_t id, const char *date_in,
		  struct json *out)
{
	static const char invoice_sql[] =
		"INSERT INTO invoice(order_id, customer_id, date, due, net, "
		"tax, total, created_at) VALUES (?, ?, ?, ?, 0, 0, 0, ?)";
	static const char line_sql[] =
		"INSERT INTO invoice_line(invoice_id, line_id, qty, net, tax) "
		"VALUES (?, ?, ?, ?, ?)";
	static const char billed_sql[] =
		"UPDATE sales_order_line SET invoiced = invoiced + ? "
		"WHERE id = ?";
	static const char total_sql[] =
		"UPDATE invoice SET net = ?2, tax = ?3, total = ?2 + ?3, "
		"entry_id = ?4 WHERE id = ?1";
	struct order_head h;
	struct order_line *l = NULL;
	struct db_stmt *stmt;
	char date[TS_BUFSZ], due[TS_BUFSZ], at[TS_BUFSZ], memo[64], ref[32];
	int64_t inv, net = 0, tax = 0, entry = 0;
	size_t n = 0, billed = 0;
	int status;
	jv data;

	if ((status = sales_order_head(db, id, &h)) ||
	    (status = sales_date(db, date_in, date)) ||
	    (status = sales_order_lines(db, id, &l, &n)))
		return status;
	for (size_t i = 0; i < n; i++)
		billed += l[i].shipped - l[i].invoiced -
			  (l[i].returned - l[i].credited) > 0;
	if (!billed) {
		free(l);
		return biz_fail(BIZ_REFUSED, "order %lld has nothing shipped "
				"that is not invoiced", (long long)id);
	}
	if ((status = due_date(db, h.customer, date, due)))
		goto done;
	stmt = db_stmt(db, invoice_sql);
	db_bind_int64(stmt, 1, id);
	db_bind_int64(stmt, 2, h.customer);
	db_bind_text(stmt, 3, date);
	db_bind_text(stmt, 4, due);
	db_bind_text(stmt, 5, time_format(db->now, at));
	if ((status = db_done(db, stmt)))
		goto done;
	inv = db_last_id(db);
	for (size_t i = 0; i < n && !status; i++) {
		int64_t q = l[i].shipped - l[i].invoiced -
			    (l[i].returned - l[i].credited);
		int64_t ln, lt;

		if (q <= 0)
			continue;
		ln = sales_net(q, l[i].price);
		lt = sales_tax(ln, h.tax_rate);
		net += ln;
		tax += lt;
		stmt = db_stmt(db, line_sql);
		db_bind_int64(stmt, 1, inv);
		db_bind_int64(stmt, 2, l[i].id);
		db_bind_int64(stmt, 3, q);
		db_bind_int64(stmt, 4, ln);
		db_bind_int64(stmt, 5, lt);
		if ((status = db_done(db, stmt)))
			break;
		stmt = db_stmt(db, billed_sql);
		db_bind_int64(stmt, 1, q);
		db_bind_int64(stmt, 2, l[i].id);
		status = db_done(db, stmt);
	}
	if (status)
		goto done;
	snprintf(memo, sizeof(memo), "Invoice %lld, order %lld",
		 (long long)inv, (long long)id);
	snprintf(ref, sizeof(ref), "INV-%lld", (long long)inv);
	if (net + tax != 0 &&
	    (status = sales_post(db, 1, date, memo, ref, net, tax, &entry)))
		goto done;
	stmt = db_stmt(db, total_sql);
	db_bind_int64(stmt, 1, inv);
	db_bind_int64(stmt, 2, net);
	db_bind_int64(stmt, 3, tax);
	if (entry)
		db_bind_int64(stmt, 4, entry);
	else
		db_bind_null(stmt, 4);
	if ((status = db_done(db, stmt)) ||
	    (status = sales_order_update_status(db, id)))
		goto done;
	data = jv_object();
	rec_set(&data, "order", jv_number((double)id));
	rec_set(&data, "total", dec_to_jv(net + tax, db->money_scale));
	if (!(status = event_append_id(db, "invoice.posted", "invoice", inv,
				       data)))
		status = sales_invoice_get(db, inv, "created", out);
done:
	free(l);
	return status;
}

/* ---- settlements: payments and credits -------------------------------- */

struct open_invoice {
	int64_t id, open;
};

/* The order's invoices billed on or before date, oldest first. */
static int open_invoices(struct db *db, int64_t order, const char *date,
			 struct open_invoice **out, size_t *count)
{
	static const char sql[] =
		"SELECT i.id, i.total - coalesce((SELECT sum(amount) FROM "
		"invoice_settlement s WHERE s.invoice_id = i.id), 0) "
		"FROM invoice i WHERE i.order_id = ?1 AND i.date <= ?2 "
		"ORDER BY i.date, i.id";
	struct db_stmt *stmt = db_stmt(db, sql);
	struct open_invoice *v = NULL;
	size_t n = 0;
	int rc;

	db_bind_int64(stmt, 1, order);
	db_bind_text(stmt, 2, date);
	while ((rc = db_row(db, stmt)) == DB_ROW) {
		v = xrealloc(v, (n + 1) * sizeof(*v));
		v[n].id = db_column_int64(stmt, 0);
		v[n++].open = db_column_int64(stmt, 1);
	}
	*out = v;
	*count = n;
	return rc == DB_DONE ? BIZ_OK : rc;
}

/*
 * Settles amount over the invoices, oldest open first; what is left
 * (a credit larger than what is open) goes on the last one.
 */
static int settle(struct db *db, struct open_invoice *v, size_t n,
		  const char *kind, int64_t source, const char *date,
		  int64_t amount)
{
	static const char sql[] =
		"INSERT INTO invoice_settlement(invoice_id, kind, source_id, "
		"date, amount) VALUES (?, ?, ?, ?, ?)";
	int status = BIZ_OK;

	for (size_t i = 0; i < n && amount > 0 && !status; i++) {
		int64_t take = v[i].open < amount ? v[i].open : amount;
		struct db_stmt *stmt;

		if (i == n - 1)
			take = amount;
		if (take <= 0)
			continue;
		stmt = db_stmt(db, sql);
		db_bind_int64(stmt, 1, v[i].id);
		db_bind_text(stmt, 2, kind);
		db_bind_int64(stmt, 3, source);
		db_bind_text(stmt, 4, date);
		db_bind_int64(stmt, 5, take);
		status = db_done(db, stmt);
		amount -= take;
	}
	return status;
}

/* A payment ref used before: the same payment is *id, another refused. */
static int payment_replay(struct db *db, const char *ref, int64_t order,
			  int64_t amount, int64_t *id)
{
	static const char sql[] =
		"SELECT id, order_id, amount FROM sales_payment WHERE ref = ?";
	struct db_stmt *stmt = db_stmt(db, sql);
	int rc, status = BIZ_OK;

	*id = 0;
	if (!ref)
		return BIZ_OK;
	if (!*ref)
		return biz_fail(BIZ_DATAERR, "ref: an empty ref");
	db_bind_text(stmt, 1, ref);
	rc = db_one(db, stmt);
	if (rc == DB_ROW) {
		*id = db_column_int64(stmt, 0);
		if (db_column_int64(stmt, 1) != order ||
		    db_column_int64(stmt, 2) != amount)
			status = biz_fail(BIZ_REFUSED, "ref '%s' is payment "
					  "%lld with another %s", ref,
					  (long long)*id,
					  db_column_int64(stmt, 1) != order ?
					  "order" : "amount");
		db_reset(stmt);
		return status;
	}
	return rc == DB_DONE ? BIZ_OK : rc;
}

int order_pay(struct db *db, int64_t id, int64_t amount, const char *date_in,
	      const char *ref, struct json *out)
{
	static const char sql[] =
		"INSERT INTO sales_payment(order_id, date, amount, ref, "
		"created_at) VALUES (?, ?, ?, ?, ?)";
	static const char entry_sql[] =
		"UPDATE sales_payment SET entry_id = ? WHERE id = ?";
	struct order_head h;
	struct open_invoice *v = NULL;
	struct db_stmt *stmt;
	char date[TS_BUFSZ], at[TS_BUFSZ], memo[64], a[DEC_BUFSZ],
	     b[DEC_BUFSZ];
	int64_t owed = 0, pay, entry;
	size_t n = 0;
	int status;
	jv data;

	if (amount <= 0)
		return biz_fail(BIZ_DATAERR, "amount must be more than zero");
	if ((status = sales_order_head(db, id, &h)) ||
	    (status = payment_replay(db, ref, id, amount, &pay)))
		return status;
	if (pay)
		return order_get(db, id, "unchanged", out);
	if ((status = sales_date(db, date_in, date)) ||
	    (status = open_invoices(db, id, date, &v, &n)))
		goto done;
	for (size_t i = 0; i < n; i++)
		owed += v[i].open > 0 ? v[i].open : 0;
	if (amount > owed) {
		status = biz_fail(BIZ_REFUSED, "order %lld owes %s at %s: a "
				  "payment of %s is more", (long long)id,
				  dec_format(owed, db->money_scale, a), date,
				  dec_format(amount, db->money_scale, b));
		goto done;
	}
	stmt = db_stmt(db, sql);
	db_bind_int64(stmt, 1, id);
	db_bind_text(stmt, 2, date);
	db_bind_int64(stmt, 3, amount);
	db_bind_text(stmt, 4, ref);
	db_bind_text(stmt, 5, time_format(db->now, at));
	if ((status = db_done(db, stmt)))
		goto done;
	pay = db_last_id(db);
	/* Only invoices with something open take a payment. */
	for (size_t i = 0; i < n; i++)
		if (v[i].open < 0)
			v[i].open = 0;
	snprintf(memo, sizeof(memo), "Payment %lld, order %lld",
		 (long long)pay, (long long)id);
	if ((status = settle(db, v, n, "payment", pay, date, amount)) ||
	    (status = ledger_post_auto(db, "payment", date, memo, "payment",
				       ref, amount, &entry)))
		goto done;
	stmt = db_stmt(db, entry_sql);
	db_bind_int64(stmt, 1, entry);
	db_bind_int64(stmt, 2, pay);
	if ((status = db_done(db, stmt)) ||
	    (status = sales_order_update_status(db, id)))
		goto done;
	data = jv_object();
	rec_set(&data, "order", jv_number((double)id));
	rec_set(&data, "amount", dec_to_jv(amount, db->money_scale));
	rec_set_str(&data, "ref", ref);
	if (!(status = event_append_id(db, "payment.received", "payment",
				       pay, data)))
		status = order_get(db, id, "updated", out);
done:
	free(v);
	return status;
}
