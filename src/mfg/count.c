/*
 * count.c - cycle counts: a snapshot of what a warehouse should hold,
 * what was counted, and the adjustments that make the books agree.
 *
 * The snapshot is the quantity of each item and lot when the count
 * starts, and the id of the last move then written (stock_count.
 * last_move).  Stock keeps moving while people count, so a line's
 * variance is counted - (expected + moved), where moved is what moved
 * after the snapshot: a sale during the count is not a loss.  Posting
 * writes one adjustment move per line with a variance through
 * stock_adjust() (losses at their FIFO or AVCO cost, gains at the
 * current unit cost) and one ledger entry for the net: count_loss when
 * more was lost than found, count_gain otherwise.
 *
 * A serial-tracked item is counted by serial: a line a serial (held in
 * the line's lot column, which such an item never uses), expected one
 * when it was in stock at the snapshot; a serial missing goes out by
 * name, a serial found comes in at the current unit cost.
 */
#include "mfg.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "array.h"
#include "biz.h"
#include "decimal.h"
#include "event.h"
#include "hash.h"
#include "item.h"
#include "ledger.h"
#include "record.h"
#include "stock.h"
#include "timeutil.h"
#include "banned.h"

struct count_head {
	int64_t id, last_move, doc_id, entry_id;
	char wh[128];
	char status[16];
	char started_at[TS_BUFSZ], closed_at[TS_BUFSZ];
};

/* One line of a count as diff and post see it. */
struct count_line {
	char *sku, *lot;	/* lot: the serial of a serial line */
	int64_t expected, moved, counted, variance, cost, value;
	int has_counted, has_variance, serial;
};

static int count_load(struct db *db, int64_t id, struct count_head *h)
{
	static const char sql[] =
		"SELECT wh, status, last_move, started_at, closed_at, doc_id, "
		"entry_id FROM stock_count WHERE id = ?";
	struct db_stmt *stmt = db_stmt(db, sql);
	int rc;

	memset(h, 0, sizeof(*h));
	db_bind_int64(stmt, 1, id);
	rc = db_one(db, stmt);
	if (rc == DB_ROW) {
		h->id = id;
		snprintf(h->wh, sizeof(h->wh), "%s", db_column_text(stmt, 0));
		snprintf(h->status, sizeof(h->status), "%s",
			 db_column_text(stmt, 1));
		h->last_move = db_column_int64(stmt, 2);
		snprintf(h->started_at, sizeof(h->started_at), "%s",
			 db_column_text(stmt, 3));
		if (db_column_text(stmt, 4))
			snprintf(h->closed_at, sizeof(h->closed_at), "%s",
				 db_column_text(stmt, 4));
		h->doc_id = db_column_int64(stmt, 5);
		h->entry_id = db_column_int64(stmt, 6);
	}
	db_reset(stmt);
	if (rc == DB_DONE)
		return biz_fail(BIZ_DATAERR, "no such count %lld",
				(long long)id);
	return rc == DB_ROW ? BIZ_OK : rc;
}

/* Refuses a change to a count that is not open. */
static int count_open(const struct count_head *h)
{
	if (strcmp(h->status, "open"))
		return biz_fail(BIZ_REFUSED, "count %lld is %s", (long long)h->id,
				!strcmp(h->status, "posted") ? "already posted" :
				"cancelled");
	return BIZ_OK;
}

static void lines_free(struct count_line *lines, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(lines[i].sku);
		free(lines[i].lot);
	}
	free(lines);
}

/* ---- reading the lines ---------------------------------------------- */

struct moved_map {
	struct hash hash;	/* "sku\x1flot" -> struct moved */
};

struct moved {
	char *key;
	int64_t qty;
};

static char *moved_key(const char *sku, const char *lot)
{
	struct strbuf sb = { 0 };

	strbuf_addf(&sb, "%s\x1f%s", sku, lot ? lot : "");
	return sb.buf;
}

static int moved_put(const char *sku, const char *lot, int64_t qty,
		     void *arg)
{
	struct moved_map *map = arg;
	struct moved *m = xmalloc(sizeof(*m));

	m->key = moved_key(sku, lot);
	m->qty = qty;
	hash_put(&map->hash, m->key, m);
	return BIZ_OK;
}

static void moved_clear(struct moved_map *map)
{
	for (size_t i = 0; i < map->hash.cap; i++) {
		if (map->hash.keys[i]) {
			struct moved *m = map->hash.values[i];

			free(m->key);
			free(m);
		}
	}
	hash_clear(&map->hash);
}

static int64_t moved_get(struct moved_map *map, const char *sku,
			 const char *lot)
{
	char *key = moved_key(sku, lot);
	struct moved *m = hash_get(&map->hash, key);

	free(key);
	return m ? m->qty : 0;
}

int64_t mfg_unit_cost(const struct db *db, int64_t value, int64_t qty)
{
	int64_t scale = 1;

	for (int i = db->money_scale; i < stock_cost_scale(db); i++)
		scale *= 10;
	if (value < 0)
		value = -value;
	if (qty < 0)
		qty = -qty;
	return dec_muldiv(value * scale, 1000, qty);
}

/*
 * The lines of count h by SKU and lot into *out: what was posted for a
 * posted count; else computed now, uncounted lines at zero with
 * zero_uncounted, values at the current unit cost.
 */
static int count_lines(struct db *db, const struct count_head *h,
		       int zero_uncounted, struct count_line **out,
		       size_t *count)
{
	static const char sql[] =
		"SELECT l.sku, l.lot, l.expected, l.counted, l.moved, "
		"l.variance, l.value, i.tracking = 'serial' FROM count_line l "
		"JOIN item i ON i.sku = l.sku WHERE l.count_id = ? "
		"ORDER BY l.sku, l.lot";
	struct moved_map map = { { 0, 0, NULL, NULL } };
	struct count_line *lines = NULL;
	size_t n = 0, cap = 0;
	struct db_stmt *stmt;
	int posted = !strcmp(h->status, "posted");
	int rc, status = BIZ_OK;
	char last_sku[128] = "";
	int64_t cost = 0;

	*out = NULL;
	*count = 0;
	if (!posted && (status = stock_moved_since(db, h->wh, h->last_move,
						   NULL, NULL, moved_put,
						   &map)))
		goto done;
	stmt = db_stmt(db, sql);
	db_bind_int64(stmt, 1, h->id);
	while ((rc = db_row(db, stmt)) == DB_ROW) {
		struct count_line *l;

		ARRAY_GROW(lines, n + 1, cap);
		l = &lines[n++];
		memset(l, 0, sizeof(*l));
		l->sku = xstrdup(db_column_text(stmt, 0));
		l->lot = xstrdup(db_column_text(stmt, 1));
		l->expected = db_column_int64(stmt, 2);
		l->has_counted = !db_column_null(stmt, 3);
		l->counted = db_column_int64(stmt, 3);
		l->serial = (int)db_column_int64(stmt, 7);
		if (posted) {
			l->moved = db_column_int64(stmt, 4);
			l->has_variance = !db_column_null(stmt, 5);
			l->variance = db_column_int64(stmt, 5);
			l->value = db_column_int64(stmt, 6);
			if (l->variance)
				l->cost = mfg_unit_cost(db, l->value, l->variance);
		}
	}
	if (rc != DB_DONE) {
		status = rc;
		goto done;
	}
	for (size_t i = 0; !posted && i < n; i++) {
		struct count_line *l = &lines[i];

		l->moved = moved_get(&map, l->sku, l->lot);
		if (!l->has_counted && !zero_uncounted)
			continue;
		if (strcmp(last_sku, l->sku)) {
			if ((status = stock_current_cost(db, l->sku, h->wh,
							 &cost)))
				goto done;
			snprintf(last_sku, sizeof(last_sku), "%s", l->sku);
		}
		l->has_variance = 1;
		l->variance = l->counted - (l->expected + l->moved);
		l->cost = cost;
		l->value = stock_cost_value(db, cost, l->variance);
	}
done:
	moved_clear(&map);
	if (status) {
		lines_free(lines, n);
		return status;
	}
	*out = lines;
	*count = n;
	return BIZ_OK;
}

/* Writes line l's fields into the open object of w. */
static void line_json(struct json *w, const struct db *db,
		      const struct count_line *l, int full)
{
	json_key_str(w, "sku", l->sku);
	json_key_str(w, "lot", *l->lot && !l->serial ? l->lot : NULL);
	json_key_str(w, "serial", l->serial ? l->lot : NULL);
	json_key_dec(w, "expected", l->expected, QTY_SCALE);
	if (full)
		json_key_dec(w, "moved", l->moved, QTY_SCALE);
	json_key(w, "counted");
	if (l->has_counted)
		json_dec(w, l->counted, QTY_SCALE);
	else
		json_null(w);
	json_key(w, "variance");
	if (l->has_variance)
		json_dec(w, l->variance, QTY_SCALE);
	else
		json_null(w);
	if (full) {
		json_key(w, "unit_cost");
		if (l->has_variance)
			json_dec(w, l->cost, stock_cost_scale(db));
		else
			json_null(w);
	}
	json_key(w, "value");
	if (l->has_variance)
		json_dec(w, l->value, db->money_scale);
	else
		json_null(w);
}

/* The count record of h to out, with its lines and op (may be NULL). */
static int count_out(struct db *db, const struct count_head *h,
		     const char *op, struct sink *out)
{
	struct count_line *lines;
	struct json w = { 0 };
	size_t n;
	int status;

	if ((status = count_lines(db, h, 0, &lines, &n)))
		return status;
	json_object(&w);
	json_key_int(&w, "id", h->id);
	json_key_str(&w, "wh", h->wh);
	json_key_str(&w, "status", h->status);
	json_key_str(&w, "started_at", h->started_at);
	json_key_str(&w, "closed_at", *h->closed_at ? h->closed_at : NULL);
	json_key(&w, "entry");
	if (h->entry_id)
		json_int(&w, h->entry_id);
	else
		json_null(&w);
	json_key(&w, "lines");
	json_array(&w);
	for (size_t i = 0; i < n; i++) {
		json_object(&w);
		line_json(&w, db, &lines[i], 0);
		json_end_object(&w);
	}
	json_end_array(&w);
	if (op)
		json_key_str(&w, "op", op);
	json_end_object(&w);
	status = sink_put(out, &w);
	json_release(&w);
	lines_free(lines, n);
	return status == BIZ_STOP ? BIZ_OK : status;
}

int count_show(struct db *db, int64_t id, struct sink *out)
{
	struct count_head h;
	int status;

	if ((status = count_load(db, id, &h)))
		return status;
	return count_out(db, &h, NULL, out);
}

int count_diff(struct db *db, int64_t id, struct sink *out)
{
	struct count_head h;
	struct count_line *lines;
	struct json w = { 0 };
	size_t n;
	int status;

	if ((status = count_load(db, id, &h)) ||
	    (status = count_lines(db, &h, 0, &lines, &n)))
		return status;
	for (size_t i = 0; i < n && !status; i++) {
		json_reset(&w);
		json_object(&w);
		json_key_int(&w, "count", h.id);
		line_json(&w, db, &lines[i], 1);
		json_end_object(&w);
		status = sink_put(out, &w);
	}
	json_release(&w);
	lines_free(lines, n);
	return status == BIZ_STOP ? BIZ_OK : status;
}

/* ---- starting ------------------------------------------------------- */

struct snapshot {
	struct db *db;
	const char *wh;
	int64_t id;
	int all;
	int64_t lines;
	const char *only;	/* the SKU being snapshot, or NULL */
	int found;
	struct sink items;	/* --all: every item, to snapshot_item() */
};

static int line_insert(struct db *db, int64_t id, const char *sku,
		       const char *lot, int64_t expected, int64_t *added)
{
	static const char sql[] =
		"INSERT INTO count_line(count_id, sku, lot, expected) "
		"VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING";
	struct db_stmt *stmt = db_stmt(db, sql);
	int status;

	db_bind_int64(stmt, 1, id);
	db_bind_text(stmt, 2, sku);
	db_bind_text(stmt, 3, lot);
	db_bind_int64(stmt, 4, expected);
	if ((status = db_done(db, stmt)))
		return status;
	*added += db_changes(db);
	return BIZ_OK;
}

static int snapshot_serial(const char *sku, const char *serial, void *arg)
{
	struct snapshot *s = arg;

	s->found = 1;
	return line_insert(s->db, s->id, sku, serial, QTY_ONE, &s->lines);
}

static int snapshot_row(const struct stock_balance_row *row, void *arg)
{
	struct snapshot *s = arg;

	if (row->tracking == TRACK_SERIAL)
		return stock_serials_each(s->db, s->wh, row->sku,
					  snapshot_serial, s);
	if (!row->qty && !s->all && !s->only)
		return BIZ_OK;
	s->found = 1;
	return line_insert(s->db, s->id, row->sku, row->lot, row->qty,
			   &s->lines);
}

/*
 * --all: a zero line for each untracked item with no balance row; the
 * items come as records to this sink (snapshot.items).
 */
static int snapshot_item(struct sink *sink, const char *json, size_t len)
{
	struct rec_texts texts = { .used = 0 };
	struct snapshot *s = (struct snapshot *)((char *)sink -
					       offsetof(struct snapshot,
							items));
	jv item = jv_parse_sized(json, (int)len);
	const char *tracking = rec_text(&texts, item, "tracking");
	int status = BIZ_OK;

	if (!tracking || !strcmp(tracking, "none"))
		status = line_insert(s->db, s->id,
				     rec_text(&texts, item, "sku"), "", 0,
				     &s->lines);
	jv_free(item);
	return status;
}

int count_start(struct db *db, const struct count_request *req,
		struct sink *out)
{
	static const char sql[] =
		"INSERT INTO stock_count(wh, status, last_move, started_at, "
		"actor) VALUES (?, 'open', ?, ?, ?)";
	struct snapshot s = { db, req->wh, 0, req->all, 0, NULL, 0,
			      { snapshot_item } };
	struct count_head h;
	struct db_stmt *stmt;
	char at[TS_BUFSZ];
	int64_t last;
	jv data;
	int status;

	if ((status = warehouse_check(db, req->wh)))
		return status;
	for (size_t i = 0; i < req->sku_count; i++) {
		struct item_info item;

		if ((status = item_lookup(db, req->skus[i], 0, &item)))
			return status;
	}
	if ((status = stock_last_move(db, &last)))
		return status;
	stmt = db_stmt(db, sql);
	db_bind_text(stmt, 1, req->wh);
	db_bind_int64(stmt, 2, last);
	db_bind_text(stmt, 3, time_format(db->now, at));
	db_bind_text(stmt, 4, db->actor);
	if ((status = db_done(db, stmt)))
		return status;
	s.id = db_last_id(db);
	if (!req->sku_count) {
		status = stock_balance_each(db, req->wh, NULL, snapshot_row,
					    &s);
		if (!status && req->all) {
			struct item_filter filter = { NULL, jv_null() };

			status = item_each(db, &filter, &s.items);
		}
	}
	for (size_t i = 0; i < req->sku_count && !status; i++) {
		struct item_info item;

		s.only = req->skus[i];
		s.found = 0;
		if ((status = item_lookup(db, req->skus[i], 0, &item)) ||
		    (status = stock_balance_each(db, req->wh, item.sku,
						 snapshot_row, &s)))
			break;
		if (!s.found && item.tracking == TRACK_NONE)
			status = line_insert(db, s.id, item.sku, "", 0,
					     &s.lines);
	}
	if (status)
		return status;
	data = jv_object();
	rec_set_str(&data, "wh", req->wh);
	rec_set(&data, "lines", jv_number((double)s.lines));
	rec_set(&data, "last_move", jv_number((double)last));
	if ((status = event_append_id(db, "count.started", "stock_count",
				      s.id, data)) ||
	    (status = count_load(db, s.id, &h)))
		return status;
	return count_out(db, &h, "created", out);
}

/* ---- recording -------------------------------------------------------- */

struct expected_at {
	const char *lot;
	int64_t qty;
};

static int balance_of_lot(const struct stock_balance_row *row, void *arg)
{
	struct expected_at *e = arg;

	if (!strcmp(row->lot, e->lot))
		e->qty += row->qty;
	return BIZ_OK;
}

static int minus_moved(const char *sku, const char *lot, int64_t qty,
		       void *arg)
{
	struct expected_at *e = arg;

	(void)sku;
	(void)lot;
	e->qty -= qty;
	return BIZ_OK;
}

/*
 * What the snapshot of h would have held of sku and lot (a serial line:
 * its serial): on hand now less what moved since.  For a line counted
 * that the snapshot left out.
 */
static int expected_then(struct db *db, const struct count_head *h,
			 const char *sku, const char *lot, int serial,
			 int64_t *out)
{
	struct expected_at e = { lot, 0 };
	struct stock_serial_info where;
	int status;

	if (serial) {
		if ((status = stock_serial_find(db, lot, sku, &where)))
			return status;
		/* Found here, it is in the books elsewhere: a move, not a
		 * gain (its post would fail on the serial in stock). */
		if (where.in_stock && strcmp(where.wh, h->wh))
			return biz_fail(BIZ_DATAERR, "serial '%s' of '%s' is in "
					"stock in '%s': move it with inv-move "
					"--serial, then count it", lot, sku,
					where.wh);
		if (where.in_stock)
			e.qty = QTY_ONE;
	} else if ((status = stock_balance_each(db, h->wh, sku,
						balance_of_lot, &e))) {
		return status;
	}
	if ((status = stock_moved_since(db, h->wh, h->last_move, sku, lot,
					minus_moved, &e)))
		return status;
	*out = e.qty;
	return BIZ_OK;
}

/*
 * The line key of a counted record of item: its lot, or for a serial-
 * tracked item its serial (counted once however often it is seen: qty
 * 1, or 0 for not there).  A status when they do not fit the item.
 */
static int line_key(const struct item_info *item, const char *lot,
		    const char *serial, int64_t qty, const char **key)
{
	char buf[DEC_BUFSZ];

	*key = lot;
	if (item->tracking == TRACK_SERIAL) {
		if (lot || !serial)
			return biz_fail(BIZ_DATAERR, "'%s' is serial-tracked: "
					"a serial is needed%s", item->sku,
					lot ? ", not a lot" : "");
		if (qty != 0 && qty != QTY_ONE)
			return biz_fail(BIZ_DATAERR, "serial '%s' of '%s' is "
					"one unit: qty 1 or 0, not %s", serial,
					item->sku,
					dec_format(qty, QTY_SCALE, buf));
		*key = serial;
		return BIZ_OK;
	}
	if (serial)
		return biz_fail(BIZ_DATAERR, "'%s' is not serial-tracked: no "
				"serial", item->sku);
	if (item->tracking == TRACK_LOT && !lot)
		return biz_fail(BIZ_DATAERR, "'%s' is lot-tracked: a lot is "
				"needed", item->sku);
	if (item->tracking != TRACK_LOT && lot)
		return biz_fail(BIZ_DATAERR, "'%s' is not lot-tracked: no "
				"lot", item->sku);
	if (qty < 0)
		return biz_fail(BIZ_DATAERR, "counted quantity of '%s' must "
				"not be below zero, not %s", item->sku,
				dec_format(qty, QTY_SCALE, buf));
	if (!*key)
		*key = "";
	return BIZ_OK;
}

static int count_add(struct db *db, const struct count_head *h,
		     const char *code, int scan, const char *lot,
		     const char *serial, int64_t qty, struct sink *out)
{
	static const char add_sql[] =
		"UPDATE count_line SET counted = coalesce(counted, 0) + ?4 "
		"WHERE count_id = ?1 AND sku = ?2 AND lot = ?3 "
		"RETURNING counted";
	static const char set_sql[] =
		"UPDATE count_line SET counted = ?4 "
		"WHERE count_id = ?1 AND sku = ?2 AND lot = ?3 "
		"RETURNING counted";
	static const char new_sql[] =
		"INSERT INTO count_line(count_id, sku, lot, expected, counted) "
		"VALUES (?, ?, ?, ?, ?)";
	struct item_info item;
	struct db_stmt *stmt;
	struct json w = { 0 };
	char id[24];
	int64_t counted = qty, expected = 0;
	int rc, status;

	if ((status = item_lookup(db, code, scan, &item)) ||
	    (status = line_key(&item, lot, serial, qty, &lot)))
		return status;
	stmt = db_stmt(db, serial ? set_sql : add_sql);
	db_bind_int64(stmt, 1, h->id);
	db_bind_text(stmt, 2, item.sku);
	db_bind_text(stmt, 3, lot);
	db_bind_int64(stmt, 4, qty);
	rc = db_one(db, stmt);
	if (rc == DB_ROW)
		counted = db_column_int64(stmt, 0);
	db_reset(stmt);
	if (rc == DB_DONE) {
		if ((status = expected_then(db, h, item.sku, lot,
					    serial != NULL, &expected)))
			return status;
		stmt = db_stmt(db, new_sql);
		db_bind_int64(stmt, 1, h->id);
		db_bind_text(stmt, 2, item.sku);
		db_bind_text(stmt, 3, lot);
		db_bind_int64(stmt, 4, expected);
		db_bind_int64(stmt, 5, qty);
		if ((status = db_done(db, stmt)))
			return status;
	} else if (rc != DB_ROW) {
		return rc;
	}
	json_object(&w);
	json_key_int(&w, "count", h->id);
	json_key_str(&w, "sku", item.sku);
	json_key_str(&w, "lot", *lot && !serial ? lot : NULL);
	json_key_str(&w, "serial", serial);
	json_key_dec(&w, "qty", qty, QTY_SCALE);
	json_key_dec(&w, "counted", counted, QTY_SCALE);
	json_end_object(&w);
	snprintf(id, sizeof(id), "%lld", (long long)h->id);
	status = event_append_json(db, "count.recorded", "stock_count", id,
				   w.text.buf);
	if (!status)
		status = sink_put(out, &w);
	json_release(&w);
	return status == BIZ_STOP ? BIZ_OK : status;
}

int count_record(struct db *db, int64_t id, jv record, struct sink *out)
{
	static const char *const known[] = {
		"sku", "barcode", "lot", "serial", "qty", "count", NULL
	};
	struct rec_texts texts = { .used = 0 };
	struct count_head h;
	const char *code, *qty_text, *serial;
	int64_t qty = QTY_ONE;
	int status = BIZ_OK, scan = 0;

	if ((status = rec_known_fields(record, known)))
		goto done;
	code = rec_text(&texts, record, "sku");
	if (!code && (code = rec_text(&texts, record, "barcode")))
		scan = 1;
	qty_text = rec_text(&texts, record, "qty");
	serial = rec_text(&texts, record, "serial");
	if (!code)
		status = biz_fail(BIZ_DATAERR, "sku: a SKU is needed");
	else if (!qty_text && !serial)
		status = biz_fail(BIZ_DATAERR, "qty: a quantity is needed");
	else if (qty_text && dec_parse(qty_text, QTY_SCALE, &qty))
		status = dec_parse_fail("qty", qty_text, QTY_SCALE);
	if (!status && !(status = count_load(db, id, &h)) &&
	    !(status = count_open(&h)))
		status = count_add(db, &h, code, scan,
				   rec_text(&texts, record, "lot"), serial,
				   qty, out);
done:
	jv_free(record);
	return status;
}

int count_scan_code(struct db *db, int64_t id, const char *code,
		    int64_t units, struct sink *out)
{
	struct count_head h;
	struct stock_serial_info serial;
	int status;

	if ((status = count_load(db, id, &h)) || (status = count_open(&h)))
		return status;
	/* A code that is no item's may be a serial: seen once is one. */
	status = count_add(db, &h, code, 1, NULL, NULL, units, out);
	if (status != BIZ_DATAERR ||
	    stock_serial_find(db, code, NULL, &serial) || !serial.found)
		return status;
	return count_add(db, &h, serial.sku, 0, NULL, code, QTY_ONE, out);
}

/* ---- posting and cancelling ----------------------------------------- */

static int line_update(struct db *db, int64_t id, const struct count_line *l)
{
	static const char sql[] =
		"UPDATE count_line SET counted = ?4, moved = ?5, "
		"variance = ?6, value = ?7 WHERE count_id = ?1 AND sku = ?2 "
		"AND lot = ?3";
	struct db_stmt *stmt = db_stmt(db, sql);

	db_bind_int64(stmt, 1, id);
	db_bind_text(stmt, 2, l->sku);
	db_bind_text(stmt, 3, l->lot);
	if (l->has_variance) {
		db_bind_int64(stmt, 4, l->counted);
		db_bind_int64(stmt, 6, l->variance);
		db_bind_int64(stmt, 7, l->value);
	} else {
		db_bind_null(stmt, 4);
		db_bind_null(stmt, 6);
		db_bind_null(stmt, 7);
	}
	db_bind_int64(stmt, 5, l->moved);
	return db_done(db, stmt);
}

static int close_count(struct db *db, struct count_head *h,
		       const char *state, int64_t doc_id, int64_t entry_id)
{
	static const char sql[] =
		"UPDATE stock_count SET status = ?2, closed_at = ?3, "
		"doc_id = nullif(?4, 0), entry_id = nullif(?5, 0) "
		"WHERE id = ?1";
	struct db_stmt *stmt = db_stmt(db, sql);

	time_format(db->now, h->closed_at);
	snprintf(h->status, sizeof(h->status), "%s", state);
	h->doc_id = doc_id;
	h->entry_id = entry_id;
	db_bind_int64(stmt, 1, h->id);
	db_bind_text(stmt, 2, state);
	db_bind_text(stmt, 3, h->closed_at);
	db_bind_int64(stmt, 4, doc_id);
	db_bind_int64(stmt, 5, entry_id);
	return db_done(db, stmt);
}

/* The count's adjustment moves; *loss and *gain get their values. */
/*
 * A loss is taken from the free stock: units on hold (inv-qc) or
 * reserved by an order cannot be written off by a count, so it is
 * refused naming what to do (it failed on the cost layers' sum).
 */
static int loss_is_free(struct db *db, const struct count_head *h,
			const struct count_line *l)
{
	char lost[DEC_BUFSZ], free_text[DEC_BUFSZ];
	int64_t free_qty;
	int status;

	if (l->variance >= 0)
		return BIZ_OK;
	if ((status = stock_available_qty(db, l->sku, h->wh, &free_qty)))
		return status;
	if (free_qty >= -l->variance)
		return BIZ_OK;
	return biz_fail(BIZ_REFUSED, "'%s' in '%s': the count finds %s fewer, "
			"but only %s are free of holds and reservations: pass "
			"or fail the held units (inv-qc) or ship the orders "
			"first", l->sku, h->wh,
			dec_format(-l->variance, QTY_SCALE, lost),
			dec_format(free_qty < 0 ? 0 : free_qty, QTY_SCALE,
				   free_text));
}

static int adjust_lines(struct db *db, const struct count_head *h,
			struct stock_doc *doc, struct count_line *lines,
			size_t n, int64_t *loss, int64_t *gain)
{
	int status = BIZ_OK;

	for (size_t i = 0; i < n && !status; i++) {
		struct count_line *l = &lines[i];
		struct stock_adjustment a;

		if (l->has_variance && l->variance) {
			const char *serial = l->lot;

			memset(&a, 0, sizeof(a));
			a.sku = l->sku;
			a.wh = h->wh;
			a.lot = *l->lot && !l->serial ? l->lot : NULL;
			if (l->serial) {
				/* One unit in or out; more is not one serial. */
				a.serials = &serial;
				a.serial_count = 1;
			}
			a.qty = l->variance;
			a.value = l->variance > 0 ? l->value : 0;
			a.event = l->variance > 0 ? "stock.count_gain" :
				  "stock.count_loss";
			/* Only the values are kept: moves print nowhere. */
			if ((status = loss_is_free(db, h, l)) ||
			    (status = stock_adjust(db, doc, &a, NULL)))
				break;
			l->value = a.value;
			/* Posted as one entry: within the stored limit. */
			if ((a.value < 0 ? dec_sub(loss, a.value) :
			     dec_add(gain, a.value)) ||
			    *loss > DEC_TOTAL_LIMIT ||
			    *gain > DEC_TOTAL_LIMIT) {
				status = biz_fail(BIZ_REFUSED, "a count too "
						  "large: its gains or losses "
						  "pass " DEC_TOTAL_LIMIT_TEXT
						  " of the smallest unit at "
						  "'%s'", l->sku);
				break;
			}
		}
		if (l->has_variance && !l->has_counted)
			l->counted = 0;
		status = line_update(db, h->id, l);
	}
	return status;
}

int count_post(struct db *db, int64_t id, int zero_uncounted,
	       struct sink *out)
{
	struct count_head h;
	struct count_line *lines;
	struct stock_doc doc;
	char memo[200], ref[32], today[TS_BUFSZ];
	int64_t loss = 0, gain = 0, entry_id = 0;
	size_t n;
	jv data;
	int status;

	if ((status = count_load(db, id, &h)) || (status = count_open(&h)) ||
	    (status = count_lines(db, &h, zero_uncounted, &lines, &n)))
		return status;
	memset(&doc, 0, sizeof(doc));
	doc.kind = "count";
	snprintf(ref, sizeof(ref), "%lld", (long long)id);
	doc.order = ref;
	status = adjust_lines(db, &h, &doc, lines, n, &loss, &gain);
	lines_free(lines, n);
	if (!status)
		status = stock_doc_finish(db, &doc);
	stock_doc_release(&doc);
	if (status)
		return status;
	/* One entry for the net: the rule of whichever side is larger. */
	snprintf(memo, sizeof(memo), "count %lld of %s", (long long)id, h.wh);
	if (loss != gain &&
	    ((status = ledger_post_auto(db, loss > gain ? "count_loss" :
					"count_gain", date_format(db->now, today), memo, "count",
					NULL, loss > gain ? loss - gain :
					gain - loss, &entry_id)) ||
	     (status = stock_doc_set_entry(db, &doc, entry_id))))
		return status;
	if ((status = close_count(db, &h, "posted", doc.id, entry_id)))
		return status;
	data = jv_object();
	rec_set(&data, "loss", dec_to_jv(loss, db->money_scale));
	rec_set(&data, "gain", dec_to_jv(gain, db->money_scale));
	rec_set(&data, "entry", entry_id ? jv_number((double)entry_id) :
		jv_null());
	if ((status = event_append_id(db, "count.posted", "stock_count", id,
				      data)))
		return status;
	return count_out(db, &h, "updated", out);
}

int count_cancel(struct db *db, int64_t id, struct sink *out)
{
	struct count_head h;
	int status;

	if ((status = count_load(db, id, &h)) || (status = count_open(&h)) ||
	    (status = close_count(db, &h, "cancelled", 0, 0)) ||
	    (status = event_append_id(db, "count.cancelled", "stock_count",
				      id, jv_object())))
		return status;
	return count_out(db, &h, "updated", out);
}

const char *const count_statuses[] = { "open", "posted", "cancelled", NULL };

static void count_row(struct json *w, struct db_stmt *stmt, void *arg)
{
	static const char *const names[] = {
		"id", "wh", "status", "started_at", "closed_at", "entry",
		"lines", "counted"
	};

	(void)arg;
	json_object(w);
	for (int i = 0; i < 8; i++)
		db_json_column(w, names[i], stmt, i);
	json_end_object(w);
}

int count_each(struct db *db, const char *status, const char *wh,
	       struct sink *out)
{
	static const char sql[] =
		"SELECT c.id, c.wh, c.status, c.started_at, c.closed_at, "
		"c.entry_id, (SELECT count(*) FROM count_line l WHERE "
		"l.count_id = c.id), (SELECT count(counted) FROM count_line l "
		"WHERE l.count_id = c.id) FROM stock_count c "
		"WHERE (?1 IS NULL OR c.status = ?1) AND "
		"(?2 IS NULL OR c.wh = ?2) ORDER BY c.id";
	struct db_stmt *stmt;
	int rc;

	if (wh && (rc = warehouse_check(db, wh)))
		return rc;
	stmt = db_stmt(db, sql);
	db_bind_text(stmt, 1, status);
	db_bind_text(stmt, 2, wh);
	return db_put_rows(db, stmt, count_row, NULL, out);
}
