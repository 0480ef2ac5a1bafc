/*
 * payable.c - what follows an order: receipts through the stock path
 * (Inventory / GRNI), bills (GRNI / Accounts Payable, the difference to
 * Purchase Price Variance), payments (Accounts Payable / Cash), and the
 * open bills ledger-aging --ap and biz-check read.
 */
#include "purchase_impl.h"

#include <stdlib.h>
#include <string.h>

#include "aging.h"
#include "array.h"
#include "biz.h"
#include "config.h"
#include "decimal.h"
#include "event.h"
#include "ledger.h"
#include "record.h"
#include "stock.h"
#include "timeutil.h"
#include "banned.h"

/* ---- receipts ---------------------------------------------------------- */

/*
 * Where the receipt's move records go: kept as an array for the event,
 * the value of the last one read for its line.
 */
struct move_capture {
	struct sink sink;
	jv moves;
	int64_t value;
	int scale;
};

static int capture_move(struct sink *sink, const char *json, size_t len)
{
	struct move_capture *c = (struct move_capture *)sink;
	jv move = jv_parse_sized(json, (int)len);

	if (jv_get_kind(move) != JV_KIND_OBJECT ||
	    dec_from_jv(jv_object_get(jv_copy(move), jv_string("value")),
			c->scale, &c->value)) {
		jv_free(move);
		return biz_fail(BIZ_INTERNAL, "receipt wrote no move value");
	}
	c->moves = jv_array_append(c->moves, move);
	return 0;
}

static int record_receipt(struct db *db, int64_t id, struct pline *l,
			  int64_t qty, int64_t value)
{
	static const char sql[] =
		"UPDATE purchase_line SET received = received + ?, "
		"received_value = received_value + ? "
		"WHERE purchase_id = ? AND line = ?";
	struct db_stmt *stmt = db_stmt(db, sql);

	db_bind_int64(stmt, 1, qty);
	db_bind_int64(stmt, 2, value);
	db_bind_int64(stmt, 3, id);
	db_bind_int64(stmt, 4, l->line);
	l->received += qty;
	l->received_value += value;
	return db_done(db, stmt);
}

/*
 * Receives qty of line l through doc as goods of lot (may be NULL) with
 * serials (one a unit, or none), recording what it was worth.
 */
static int receive_line(struct db *db, struct purchase *p,
			struct stock_doc *doc, struct pline *l, int64_t qty,
			const struct purchase_receipt_in *in,
			const char *const *serials, struct move_capture *moves)
{
	struct stock_line sl;
	int status;

	memset(&sl, 0, sizeof(sl));
	sl.sku = l->sku;
	sl.wh = p->wh;
	sl.qty = qty;
	sl.cost = l->price;
	sl.has_cost = 1;
	sl.lot = in->lot;
	sl.expiry = in->expiry;
	if (serials) {
		sl.serials = serials;
		sl.serial_count = (size_t)(qty / QTY_ONE);
	}
	if ((status = stock_receive(db, doc, &sl, &moves->sink)))
		return status;
	return record_receipt(db, p->id, l, qty, moves->value);
}

/*
 * With a lot or serials, the receipt must take one SKU, and the serials
 * must be one a unit of it.
 */
static int check_tracking(const struct purchase *p,
			  const struct purchase_receipt_in *in,
			  const int64_t *take)
{
	const char *sku = NULL;
	int64_t units = 0;
	char buf[DEC_BUFSZ];

	if (!in->lot && !in->expiry && !in->serial_count)
		return BIZ_OK;
	for (size_t i = 0; i < p->count; i++) {
		if (!take[i])
			continue;
		if (sku && strcmp(sku, p->lines[i].sku))
			return biz_fail(BIZ_DATAERR, "a lot or serials are of "
					"one item: this receipt takes '%s' "
					"and '%s'", sku, p->lines[i].sku);
		sku = p->lines[i].sku;
		units += take[i];
	}
	if (in->serial_count &&
	    (int64_t)in->serial_count * QTY_ONE != units)
		return biz_fail(BIZ_DATAERR, "'%s': %zu serials for %s units",
				sku ? sku : "", in->serial_count,
				purchase_qty_text(units, buf));
	return BIZ_OK;
}

/*
 * How much of each line to receive: all that remains, or the lines
 * asked for, spread over the purchase's lines of that SKU in order.
 */
static int plan_receipt(struct purchase *p,
			const struct purchase_line_in *in, size_t count,
			int64_t *take)
{
	char a[DEC_BUFSZ], b[DEC_BUFSZ];

	for (size_t i = 0; i < p->count; i++)
		take[i] = count ? 0 : p->lines[i].qty - p->lines[i].received -
					p->lines[i].cancelled;
	for (size_t j = 0; j < count; j++) {
		int64_t want = in[j].qty, left = want, room;

		if (want <= 0)
			return biz_fail(BIZ_DATAERR, "qty of '%s' must be "
					"above 0", in[j].sku);
		for (size_t i = 0; i < p->count && left; i++) {
			if (strcmp(p->lines[i].sku, in[j].sku))
				continue;
			room = p->lines[i].qty - p->lines[i].received -
			       p->lines[i].cancelled - take[i];
			if (room <= 0)
				continue;
			room = room < left ? room : left;
			take[i] += room;
			left -= room;
		}
		if (left)
			return biz_fail(BIZ_REFUSED, "purchase %lld: %s of "
					"'%s' asked, only %s left to receive",
					(long long)p->id,
					purchase_qty_text(want, a), in[j].sku,
					purchase_qty_text(want - left, b));
	}
	return BIZ_OK;
}

/*
 * What receipt doc (begun, with a ref) was asked: one row a line asked
 * (or one row for all that remains), the lot, expiry and serials on the
 * first; the head keeps the purchase, date and hold.  A rerun under the
 * ref with other lines, hold, lot or serials is refused by
 * stock_doc_finish(), naming what differs.
 */
static int request_receipt(struct db *db, struct stock_doc *doc,
			   const struct purchase_receipt_in *in)
{
	size_t rows = in->count ? in->count : 1;
	int status = BIZ_OK;

	for (size_t j = 0; j < rows && !status; j++) {
		struct stock_line sl;

		memset(&sl, 0, sizeof(sl));
		if (in->count) {
			sl.sku = in->lines[j].sku;
			sl.qty = in->lines[j].qty;
		}
		if (!j) {
			sl.lot = in->lot;
			sl.expiry = in->expiry;
			sl.serials = in->serials;
			sl.serial_count = in->serial_count;
		}
		status = stock_doc_request(db, doc, &sl);
	}
	return status;
}

int purchase_receive(struct db *db, int64_t id,
		     const struct purchase_receipt_in *in, jv *out)
{
	const char *const *serials = in->serial_count ? in->serials : NULL;
	struct purchase p;
	struct stock_doc doc;
	char po[32];
	int64_t *take = NULL, left = 0;
	struct move_capture moves = { { capture_move }, jv_array(), 0,
				      db->money_scale };
	jv data;
	int status;

	memset(&doc, 0, sizeof(doc));
	if ((status = purchase_load(db, id, &p)))
		goto done;
	if (in->wh && strcmp(in->wh, p.wh)) {
		status = biz_fail(BIZ_REFUSED, "purchase %lld is received "
				  "into '%s', not '%s'", (long long)id, p.wh,
				  in->wh);
		goto done;
	}
	snprintf(po, sizeof(po), "%lld", (long long)id);
	doc.kind = "receipt";
	doc.po = po;
	doc.ref = in->ref;
	doc.date = in->date;
	doc.hold = in->hold;
	if (in->ref) {
		if ((status = stock_doc_begin(db, &doc, &moves.sink)))
			goto done;
		if ((status = request_receipt(db, &doc, in)))
			goto done;
		if (doc.replay) {
			if (!(status = stock_doc_finish(db, &doc)))
				status = purchase_result(db, id, "unchanged",
							 out);
			goto done;
		}
	}
	if (strcmp(p.status, "ordered") && strcmp(p.status, "partial")) {
		int done_already = !in->count && (!strcmp(p.status, "received") ||
					      !strcmp(p.status, "billed") ||
					      !strcmp(p.status, "paid"));

		status = done_already ?
			 purchase_result(db, id, "unchanged", out) :
			 biz_fail(BIZ_REFUSED, "purchase %lld is %s: only an "
				  "ordered purchase is received",
				  (long long)id, p.status);
		goto done;
	}
	take = xmalloc((p.count + 1) * sizeof(*take));
	if ((status = plan_receipt(&p, in->lines, in->count, take)) ||
	    (status = check_tracking(&p, in, take)))
		goto done;
	for (size_t i = 0; i < p.count && !status; i++) {
		if (!take[i])
			continue;
		status = receive_line(db, &p, &doc, &p.lines[i], take[i], in,
				      serials, &moves);
		if (serials)
			serials += take[i] / QTY_ONE;
	}
	if (status || (status = stock_doc_finish(db, &doc)))
		goto done;
	for (size_t i = 0; i < p.count; i++)
		left += p.lines[i].qty - p.lines[i].received -
			p.lines[i].cancelled;
	data = jv_object();
	rec_set(&data, "receipt", jv_number((double)doc.id));
	rec_set(&data, "moves", jv_copy(moves.moves));
	if ((status = purchase_set_status(db, &p, left ? "partial" :
					  "received", "purchase.received",
					  data)))
		goto done;
	status = purchase_result(db, id, "updated", out);
	if (!status)
		rec_set(out, "receipt", jv_number((double)doc.id));
done:
	stock_doc_release(&doc);
	jv_free(moves.moves);
	free(take);
	purchase_unload(&p);
	return status;
}

/* ---- bills and payments ------------------------------------------------ */

/* Posts a bill: Dr GRNI cleared, Dr/Cr PPV the rest, Cr AP amount. */
static int post_bill(struct db *db, int64_t id, const char *date,
		     const char *ref, int64_t cleared, int64_t amount,
		     int64_t *entry_id)
{
	char grni[LEDGER_CODE_MAX], ap[LEDGER_CODE_MAX];
	char ppv[LEDGER_CODE_MAX], ap2[LEDGER_CODE_MAX], memo[80];
	struct posting_in postings[3];
	struct entry_in e = { date, memo, "bill", ref, 0, postings, 0 };
	int status;

	if ((status = ledger_rule_accounts(db, "bill", grni, ap)) ||
	    (status = ledger_rule_accounts(db, "bill_variance", ppv, ap2)))
		return status;
	snprintf(memo, sizeof(memo), "Bill for purchase %lld", (long long)id);
	*entry_id = 0;
	if (cleared)
		postings[e.count++] = (struct posting_in){ grni, cleared };
	if (amount - cleared)
		postings[e.count++] = (struct posting_in){ ppv,
							   amount - cleared };
	if (amount)
		postings[e.count++] = (struct posting_in){ ap, -amount };
	if (e.count < 2)
		return BIZ_OK;
	return ledger_post(db, &e, entry_id);
}

static int find_bill_ref(struct db *db, const struct purchase *p,
			 const char *ref, int64_t amount, int *found)
{
	static const char sql[] =
		"SELECT purchase_id, amount FROM bill WHERE supplier = ? "
		"AND ref = ?";
	struct db_stmt *stmt = db_stmt(db, sql);
	int rc, same;

	*found = 0;
	db_bind_text(stmt, 1, p->supplier);
	db_bind_text(stmt, 2, ref);
	rc = db_one(db, stmt);
	if (rc == DB_DONE)
		return BIZ_OK;
	if (rc != DB_ROW)
		return rc;
	same = db_column_int64(stmt, 0) == p->id &&
	       db_column_int64(stmt, 1) == amount;
	db_reset(stmt);
	if (!same)
		return biz_fail(BIZ_REFUSED, "bill ref '%s' of '%s' was posted "
				"for another purchase or amount", ref,
				p->supplier);
	*found = 1;
	return BIZ_OK;
}

/* The bill's due date: date + the supplier's terms (else 30 days). */
static int due_date(struct db *db, const struct purchase *p,
		    const char *date, char *due)
{
	jv supplier;
	int64_t day, terms = 30;
	int status;

	if ((status = supplier_get(db, p->supplier, &supplier)))
		return status;
	if (jv_get_kind(jv_object_get(jv_copy(supplier),
				      jv_string("terms"))) == JV_KIND_NUMBER)
		terms = (int64_t)jv_number_value(jv_object_get(
				jv_copy(supplier), jv_string("terms")));
	jv_free(supplier);
	if (date_parse(date, &day))
		return biz_fail(BIZ_DATAERR, "date: '%s' is not a date such as "
				"2026-11-27", date);
	date_format(day + terms * 86400, due);
	return BIZ_OK;
}

/*
 * The value of purchase id's receipts that failed quality control (their
 * GRNI posting reversed) and that no bill has netted out yet.
 */
static int returned_open(struct db *db, int64_t id, int64_t *out)
{
	static const char sql[] =
		"SELECT coalesce((SELECT -sum(m.value) FROM stock_doc f "
		"JOIN stock_doc r ON r.id = f.source_doc "
		"JOIN move m ON m.doc_id = f.id WHERE f.kind = 'qc_fail' "
		"AND r.kind = 'receipt' AND r.po = CAST(?1 AS TEXT)), 0) - "
		"(SELECT coalesce(sum(returned), 0) FROM bill "
		"WHERE purchase_id = ?1)";
	struct db_stmt *stmt = db_stmt(db, sql);

	db_bind_int64(stmt, 1, id);
	return db_int64(db, stmt, out);
}

static int insert_bill(struct db *db, const struct purchase *p,
		       const char *ref, const char *date, const char *due,
		       int64_t amount, const int64_t *cleared_returned,
		       int64_t entry_id, int64_t *bill_id)
{
	static const char sql[] =
		"INSERT INTO bill(purchase_id, supplier, ref, date, due, "
		"amount, cleared, returned, entry_id, at, actor) "
		"VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
	static const char lines_sql[] =
		"UPDATE purchase_line SET billed = received, "
		"billed_value = received_value WHERE purchase_id = ?";
	struct db_stmt *stmt = db_stmt(db, sql);
	char at[TS_BUFSZ];
	int status;

	db_bind_int64(stmt, 1, p->id);
	db_bind_text(stmt, 2, p->supplier);
	db_bind_text(stmt, 3, ref);
	db_bind_text(stmt, 4, date);
	db_bind_text(stmt, 5, due);
	db_bind_int64(stmt, 6, amount);
	db_bind_int64(stmt, 7, cleared_returned[0]);
	db_bind_int64(stmt, 8, cleared_returned[1]);
	if (entry_id)
		db_bind_int64(stmt, 9, entry_id);
	else
		db_bind_null(stmt, 9);
	db_bind_text(stmt, 10, time_format(db->now, at));
	db_bind_text(stmt, 11, db->actor);
	if ((status = db_done(db, stmt)))
		return status;
	*bill_id = db_last_id(db);
	stmt = db_stmt(db, lines_sql);
	db_bind_int64(stmt, 1, p->id);
	return db_done(db, stmt);
}

/* Whether every line is received (or cancelled) and billed. */
static int all_billed(const struct purchase *p)
{
	for (size_t i = 0; i < p->count; i++)
		if (p->lines[i].received + p->lines[i].cancelled <
		    p->lines[i].qty ||
		    p->lines[i].billed < p->lines[i].received)
			return 0;
	return 1;
}

int purchase_bill(struct db *db, int64_t id, int64_t amount,
		  const char *ref, const char *date, jv *out)
{
	struct purchase p;
	char today[TS_BUFSZ], due[TS_BUFSZ];
	int64_t cleared = 0, unbilled = 0, returned, entry_id, bill_id;
	int status, found;
	jv data;

	if ((status = purchase_load(db, id, &p)))
		return status;
	if (!date)
		date = date_format(db->now, today);
	if (ref && (status = find_bill_ref(db, &p, ref, amount, &found)))
		goto done;
	if (ref && found) {
		status = purchase_result(db, id, "unchanged", out);
		goto done;
	}
	if (amount < 0) {
		status = biz_fail(BIZ_DATAERR, "amount must not be negative");
		goto done;
	}
	if (!strcmp(p.status, "cancelled")) {
		status = biz_fail(BIZ_REFUSED, "purchase %lld is cancelled: "
				  "there is nothing to bill", (long long)id);
		goto done;
	}
	for (size_t i = 0; i < p.count; i++) {
		cleared += p.lines[i].received_value - p.lines[i].billed_value;
		unbilled += p.lines[i].received - p.lines[i].billed;
	}
	if (!unbilled) {
		status = biz_fail(BIZ_REFUSED, "purchase %lld has nothing "
				  "received and not billed", (long long)id);
		goto done;
	}
	/* Goods sent back after a failed check are not billed. */
	if ((status = returned_open(db, id, &returned)))
		goto done;
	cleared -= returned;
	if ((status = due_date(db, &p, date, due)) ||
	    (status = post_bill(db, id, date, ref, cleared, amount,
				&entry_id)) ||
	    (status = insert_bill(db, &p, ref, date, due, amount,
				  (int64_t[]){ cleared, returned }, entry_id,
				  &bill_id)))
		goto done;
	for (size_t i = 0; i < p.count; i++) {
		p.lines[i].billed = p.lines[i].received;
		p.lines[i].billed_value = p.lines[i].received_value;
	}
	data = jv_object();
	rec_set(&data, "bill", jv_number((double)bill_id));
	rec_set(&data, "amount", dec_to_jv(amount, db->money_scale));
	rec_set(&data, "cleared", dec_to_jv(cleared, db->money_scale));
	rec_set_str(&data, "due", due);
	if ((status = purchase_set_status(db, &p, all_billed(&p) ? "billed" :
					  p.status, "purchase.billed", data)))
		goto done;
	if (!(status = purchase_result(db, id, "updated", out)))
		rec_set(out, "bill", jv_number((double)bill_id));
done:
	purchase_unload(&p);
	return status;
}

/* Settles amount of the purchase's open bills, oldest first. */
static int settle_bills(struct db *db, int64_t id, int64_t amount)
{
	static const char open_sql[] =
		"SELECT id, amount - paid FROM bill WHERE purchase_id = ? "
		"AND paid < amount ORDER BY due, id";
	static const char pay_sql[] =
		"UPDATE bill SET paid = paid + ? WHERE id = ?";
	struct open_bill { int64_t id, open; } *bills = NULL, b;
	size_t n = 0, cap = 0;
	struct db_stmt *stmt = db_stmt(db, open_sql);
	int rc, status = BIZ_OK;

	db_bind_int64(stmt, 1, id);
	while ((rc = db_row(db, stmt)) == DB_ROW) {
		b.id = db_column_int64(stmt, 0);
		b.open = db_column_int64(stmt, 1);
		ARRAY_PUSH(bills, n, cap, b);
	}
	if (rc != DB_DONE)
		status = rc;
	for (size_t i = 0; i < n && amount && !status; i++) {
		int64_t part = bills[i].open < amount ? bills[i].open : amount;

		stmt = db_stmt(db, pay_sql);
		db_bind_int64(stmt, 1, part);
		db_bind_int64(stmt, 2, bills[i].id);
		status = db_done(db, stmt);
		amount -= part;
	}
	free(bills);
	return status;
}

static int find_payment_ref(struct db *db, int64_t id, const char *ref,
			    int64_t amount, int *found)
{
	static const char sql[] =
		"SELECT amount FROM bill_payment WHERE purchase_id = ? "
		"AND ref = ?";
	struct db_stmt *stmt = db_stmt(db, sql);
	int rc, same;

	*found = 0;
	db_bind_int64(stmt, 1, id);
	db_bind_text(stmt, 2, ref);
	rc = db_one(db, stmt);
	if (rc == DB_DONE)
		return BIZ_OK;
	if (rc != DB_ROW)
		return rc;
	same = db_column_int64(stmt, 0) == amount;
	db_reset(stmt);
	if (!same)
		return biz_fail(BIZ_REFUSED, "payment ref '%s' of purchase "
				"%lld was posted with another amount", ref,
				(long long)id);
	*found = 1;
	return BIZ_OK;
}

static int open_of_purchase(struct db *db, int64_t id, int64_t *out)
{
	static const char sql[] =
		"SELECT coalesce(sum(amount - paid), 0) FROM bill "
		"WHERE purchase_id = ?";
	struct db_stmt *stmt = db_stmt(db, sql);

	db_bind_int64(stmt, 1, id);
	return db_int64(db, stmt, out);
}

int purchase_pay(struct db *db, int64_t id, int64_t amount,
		 const char *ref, const char *date, jv *out)
{
	static const char sql[] =
		"INSERT INTO bill_payment(purchase_id, date, amount, ref, "
		"entry_id, at, actor) VALUES (?, ?, ?, ?, ?, ?, ?)";
	struct purchase p;
	struct db_stmt *stmt;
	char today[TS_BUFSZ], at[TS_BUFSZ], memo[80];
	char a[DEC_BUFSZ], b[DEC_BUFSZ];
	int64_t open, entry_id;
	int status, found;
	jv data;

	if ((status = purchase_load(db, id, &p)))
		return status;
	if (!date)
		date = date_format(db->now, today);
	if (ref && (status = find_payment_ref(db, id, ref, amount, &found)))
		goto done;
	if (ref && found) {
		status = purchase_result(db, id, "unchanged", out);
		goto done;
	}
	if (amount <= 0) {
		status = biz_fail(BIZ_DATAERR, "amount must be above 0");
		goto done;
	}
	if ((status = open_of_purchase(db, id, &open)))
		goto done;
	if (amount > open) {
		status = biz_fail(BIZ_REFUSED, "purchase %lld owes %s on its "
				  "bills: %s is more", (long long)id,
				  dec_format(open, db->money_scale, a),
				  dec_format(amount, db->money_scale, b));
		goto done;
	}
	snprintf(memo, sizeof(memo), "Payment for purchase %lld",
		 (long long)id);
	if ((status = ledger_post_auto(db, "bill_payment", date, memo,
				       "bill_payment", ref, amount,
				       &entry_id)) ||
	    (status = settle_bills(db, id, amount)))
		goto done;
	stmt = db_stmt(db, sql);
	db_bind_int64(stmt, 1, id);
	db_bind_text(stmt, 2, date);
	db_bind_int64(stmt, 3, amount);
	db_bind_text(stmt, 4, ref);
	db_bind_int64(stmt, 5, entry_id);
	db_bind_text(stmt, 6, time_format(db->now, at));
	db_bind_text(stmt, 7, db->actor);
	if ((status = db_done(db, stmt)))
		goto done;
	data = jv_object();
	rec_set(&data, "amount", dec_to_jv(amount, db->money_scale));
	if ((status = purchase_set_status(db, &p, amount == open &&
					  !strcmp(p.status, "billed") ?
					  "paid" : p.status, "purchase.paid",
					  data)))
		goto done;
	status = purchase_result(db, id, "updated", out);
done:
	purchase_unload(&p);
	return status;
}

/* ---- open bills -------------------------------------------------------- */

int purchase_open_bills(struct db *db, const char *as_of,
			int (*fn)(const struct aging_doc *doc, void *arg),
			void *arg)
{
	/*
	 * What a bill still owes at as_of: its amount less the payments of
	 * its purchase dated by then, given to its bills oldest first.
	 */
	static const char sql[] =
		"WITH b AS (SELECT id, purchase_id, supplier, date, due, amount,"
		" sum(amount) OVER (PARTITION BY purchase_id ORDER BY due, id)"
		" - amount AS before FROM bill WHERE date <= ?1),"
		" p AS (SELECT purchase_id, sum(amount) AS paid FROM"
		" bill_payment WHERE date <= ?1 GROUP BY purchase_id)"
		" SELECT b.supplier, s.name, b.id, b.date, b.due,"
		" b.amount - max(0, min(b.amount, coalesce(p.paid, 0)"
		" - b.before)) AS open"
		" FROM b JOIN supplier s ON s.code = b.supplier"
		" LEFT JOIN p ON p.purchase_id = b.purchase_id"
		" WHERE b.amount - max(0, min(b.amount, coalesce(p.paid, 0)"
		" - b.before)) > 0 ORDER BY b.supplier, b.due, b.id";
	struct db_stmt *stmt = db_stmt(db, sql);
	struct aging_doc doc;
	int rc, status = BIZ_OK;

	db_bind_text(stmt, 1, as_of);
	while (!status && (rc = db_row(db, stmt)) == DB_ROW) {
		doc.party = db_column_text(stmt, 0);
		doc.name = db_column_text(stmt, 1);
		doc.doc = db_column_int64(stmt, 2);
		doc.date = db_column_text(stmt, 3);
		doc.due = db_column_text(stmt, 4);
		doc.open = db_column_int64(stmt, 5);
		status = fn(&doc, arg);
	}
	db_reset(stmt);
	if (!status && rc != DB_DONE)
		return rc;
	return status;
}

/* The totals of the whole database below are added up row by row in
 * 128 bits (db_sum_wide): SQL's sum() fails past int64. */
int purchase_open_bills_total(struct db *db, dec_wide *out)
{
	static const char sql[] = "SELECT amount - paid FROM bill";

	return db_sum_wide(db, db_stmt(db, sql), out);
}

int purchase_unbilled_total(struct db *db, dec_wide *out)
{
	/*
	 * Received and not billed, less what failed quality control (its
	 * moves are negative) and no bill netted out.
	 */
	static const char sql[] =
		"SELECT received_value - billed_value FROM purchase_line "
		"UNION ALL SELECT m.value "
		"FROM stock_doc f JOIN stock_doc r ON r.id = f.source_doc "
		"JOIN purchase p ON CAST(p.id AS TEXT) = r.po "
		"JOIN move m ON m.doc_id = f.id WHERE f.kind = 'qc_fail' "
		"AND r.kind = 'receipt' "
		"UNION ALL SELECT returned FROM bill";

	return db_sum_wide(db, db_stmt(db, sql), out);
}

int purchase_payables_posted(struct db *db, const char *account,
			     dec_wide *out)
{
	static const char sql[] =
		"SELECT p.amount FROM posting p "
		"JOIN entry e ON e.id = p.entry_id WHERE p.account = ? "
		"AND e.source IN ('bill', 'bill_payment')";
	struct db_stmt *stmt = db_stmt(db, sql);

	db_bind_text(stmt, 1, account);
	return db_sum_wide(db, stmt, out);
}
