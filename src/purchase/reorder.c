/*
 * reorder.c - replenishment suggestions: reorder points from the daily
 * demand of the window's whole days before today.
 *
 * Demand is read in one pass over the issue moves of the window in date
 * order (the move_date index gives that order without a sort): each item
 * and warehouse keeps the sum of its current day, squared into the total
 * when a later day comes, so the mean and the population deviation of
 * the daily demand (days without issues counting zero) come from exact
 * integer sums; only the statistics past that are doubles.  Stock,
 * reservations and what is on order are read once each, grouped; the
 * stock's figures come through stock.h (stock_demand_each(),
 * stock_position_each()).
 */
#include "purchase_impl.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "array.h"
#include "biz.h"
#include "decimal.h"
#include "hash.h"
#include "item.h"
#include "record.h"
#include "stock.h"
#include "timeutil.h"
#include "banned.h"

/* What is known of one item in one warehouse. */
struct cell {
	char *key;		/* "SKU\037WH" */
	int64_t sum;		/* demand over the window, thousandths */
	__int128 sumsq;		/* sum of squared daily demand */
	int64_t days;		/* days with demand */
	char day[12];		/* the day being summed */
	int64_t day_sum;
	int64_t on_hand, reserved, on_order, open_purchase;
};

struct reorder {
	struct db *db;
	const struct reorder_options *opt;
	struct hash cells;
	struct cell **all;
	size_t count, cap;
	struct strbuf key;
	char from[TS_BUFSZ], today[TS_BUFSZ];
	char **whs;
	size_t wh_count, wh_cap;
};

static const char *cell_key(struct reorder *r, const char *sku,
			    const char *wh)
{
	strbuf_reset(&r->key);
	strbuf_addstr(&r->key, sku);
	strbuf_add(&r->key, "\037", 1);
	strbuf_addstr(&r->key, wh);
	return r->key.buf;
}

/* The cell of sku in wh, made when create is set (else NULL if none). */
static struct cell *cell_of(struct reorder *r, const char *sku,
			    const char *wh, int create)
{
	struct cell *c = hash_get(&r->cells, cell_key(r, sku, wh));

	if (c || !create)
		return c;
	c = xmalloc(sizeof(*c));
	memset(c, 0, sizeof(*c));
	c->key = xstrdup(r->key.buf);
	hash_put(&r->cells, c->key, c);
	ARRAY_PUSH(r->all, r->count, r->cap, c);
	return c;
}

/*
 * Adds the day summed to the window: 0, or -1 if a sum would pass its
 * type (a day's demand near int64 comes only from stock turned over many
 * times that day, but a wrong reorder point is never printed).
 */
static int close_day(struct cell *c)
{
	__int128 square = (__int128)c->day_sum * c->day_sum;

	if (!c->day_sum)
		return 0;
	if (dec_add(&c->sum, c->day_sum) ||
	    __builtin_add_overflow(c->sumsq, square, &c->sumsq))
		return -1;
	c->days++;
	c->day_sum = 0;
	return 0;
}

/* The failure of a cell whose demand would pass int64: 65 naming it. */
static int demand_overflow(const struct cell *c)
{
	return dec_sum_fail("demand of '%.*s' in '%s'",
			    (int)strcspn(c->key, "\037"), c->key,
			    c->key + strcspn(c->key, "\037") +
			    (c->key[strcspn(c->key, "\037")] != '\0'));
}

/* One issue of the window (stock_demand_each() gives them by date). */
static int add_demand(void *arg, const char *sku, const char *wh,
		      const char *day, int64_t qty)
{
	struct cell *c = cell_of(arg, sku, wh, 1);

	if (strcmp(c->day, day)) {
		if (close_day(c))
			return demand_overflow(c);
		snprintf(c->day, sizeof(c->day), "%s", day);
	}
	if (dec_add(&c->day_sum, qty))
		return demand_overflow(c);
	return 0;
}

static int read_demand(struct reorder *r)
{
	int status = stock_demand_each(r->db, r->from, r->today, r->opt->wh,
				       add_demand, r);

	if (status)
		return status;
	for (size_t i = 0; i < r->count; i++)
		if (close_day(r->all[i]))
			return demand_overflow(r->all[i]);
	return BIZ_OK;
}

static int add_position(void *arg, const char *sku, const char *wh,
			int64_t on_hand, int64_t reserved)
{
	struct cell *c = cell_of(arg, sku, wh, 1);

	c->on_hand = on_hand;
	c->reserved = reserved;
	return 0;
}

/* On hand and reserved; on order and the oldest open purchase. */
static int read_positions(struct reorder *r)
{
	static const char order_sql[] =
		"SELECT l.sku, p.wh, sum(CASE WHEN p.status IN ('ordered', "
		"'partial') THEN l.qty - l.received - l.cancelled ELSE 0 END), "
		"min(p.id) FROM purchase_line l JOIN purchase p "
		"ON p.id = l.purchase_id WHERE p.status IN ('requested', "
		"'approved', 'ordered', 'partial') AND l.received + "
		"l.cancelled < l.qty AND (?1 IS NULL OR p.wh = ?1) "
		"GROUP BY l.sku, p.wh";
	struct db_stmt *stmt;
	struct cell *c;
	int rc, status;

	if ((status = stock_position_each(r->db, r->opt->wh, add_position, r)))
		return status;
	stmt = db_stmt(r->db, order_sql);
	db_bind_text(stmt, 1, r->opt->wh);
	while ((rc = db_row(r->db, stmt)) == DB_ROW) {
		c = cell_of(r, db_column_text(stmt, 0),
			    db_column_text(stmt, 1), 1);
		c->on_order = db_column_int64(stmt, 2);
		c->open_purchase = db_column_int64(stmt, 3);
	}
	return rc == DB_DONE ? BIZ_OK : rc;
}

static int read_warehouses(struct reorder *r)
{
	static const char sql[] = "SELECT code FROM warehouse ORDER BY code";
	struct db_stmt *stmt;
	int rc, status;

	if (r->opt->wh) {
		if ((status = warehouse_check(r->db, r->opt->wh)))
			return status;
		ARRAY_PUSH(r->whs, r->wh_count, r->wh_cap,
			   xstrdup(r->opt->wh));
		return BIZ_OK;
	}
	stmt = db_stmt(r->db, sql);
	while ((rc = db_row(r->db, stmt)) == DB_ROW)
		ARRAY_PUSH(r->whs, r->wh_count, r->wh_cap,
			   xstrdup(db_column_text(stmt, 0)));
	return rc == DB_DONE ? BIZ_OK : rc;
}

/* An item's replenishment settings (NULL columns: -1). */
struct item_plan {
	const char *sku, *supplier;
	int64_t lead_time, lead_time_sd, service_level;
	int64_t min, max, multiple;
};

/* The figures of one suggestion. */
struct figures {
	double d, sd, L, sL, z, ss, rop, target, raw;
	int64_t projected, qty;
	int history, due;
};

static int64_t column_or(struct db_stmt *stmt, int i, int64_t fallback)
{
	return db_column_null(stmt, i) ? fallback :
	       db_column_int64(stmt, i);
}

static void compute(const struct reorder *r, const struct item_plan *it,
		    const struct cell *c, struct figures *f)
{
	int64_t n = r->opt->window, q;
	double var;

	memset(f, 0, sizeof(*f));
	if (c) {
		f->projected = c->on_hand - c->reserved + c->on_order;
		f->history = c->sum != 0;
		f->d = (double)c->sum / n / 1000.0;
		var = (double)((__int128)n * c->sumsq -
			       (__int128)c->sum * c->sum) / ((double)n * n) /
		      1e6;
		f->sd = var > 0 ? sqrt(var) : 0;
	}
	f->L = it->lead_time > 0 ? it->lead_time / 1000.0 : 0;
	f->sL = it->lead_time_sd > 0 ? it->lead_time_sd / 1000.0 : 0;
	f->z = normal_quantile((it->service_level > 0 ? it->service_level :
				r->opt->service_level) / 10000.0);
	if (f->history) {
		f->ss = f->z * sqrt(f->L * f->sd * f->sd +
				    f->d * f->d * f->sL * f->sL);
		f->rop = f->d * f->L + f->ss;
		f->target = it->max >= 0 ? it->max / 1000.0 : f->rop + f->ss;
		f->due = f->projected / 1000.0 <= f->rop;
	} else if (it->min >= 0) {
		f->rop = it->min / 1000.0;
		f->target = it->max >= 0 ? it->max / 1000.0 : f->rop;
		f->due = f->projected <= it->min;
	}
	if (!f->due)
		return;
	f->raw = f->target - f->projected / 1000.0;
	/* Up to a whole thousandth; 1e-6 of one absorbs a double's error. */
	q = (int64_t)ceil(f->raw * 1000.0 - 1e-6);
	if (q > 0 && it->multiple > 0)
		q = (q + it->multiple - 1) / it->multiple * it->multiple;
	f->qty = q > 0 ? q : 0;
	f->due = f->qty > 0;
}

/* A statistic at 4 places. */
static void key_stat(struct json *w, const char *key, double x)
{
	json_key_dec(w, key, (int64_t)llround(x * 10000.0), 4);
}

static void key_qty_or_null(struct json *w, const char *key, int64_t v)
{
	if (v >= 0)
		json_key_dec(w, key, v, QTY_SCALE);
	else
		json_key_str(w, key, NULL);
}

static void write_suggestion(const struct reorder *r, struct json *w,
			     const struct item_plan *it, const char *wh,
			     const struct cell *c, const struct figures *f)
{
	json_reset(w);
	json_object(w);
	json_key_str(w, "sku", it->sku);
	json_key_str(w, "wh", wh);
	json_key_dec(w, "on_hand", c ? c->on_hand : 0, QTY_SCALE);
	json_key_dec(w, "reserved", c ? c->reserved : 0, QTY_SCALE);
	json_key_dec(w, "on_order", c ? c->on_order : 0, QTY_SCALE);
	json_key_dec(w, "projected", f->projected, QTY_SCALE);
	json_key_int(w, "window", r->opt->window);
	json_key_int(w, "demand_days", c ? c->days : 0);
	json_key_dec(w, "demand", c ? c->sum : 0, QTY_SCALE);
	key_stat(w, "avg_daily_demand", f->d);
	key_stat(w, "demand_sd", f->sd);
	key_stat(w, "lead_time", f->L);
	key_stat(w, "lead_time_sd", f->sL);
	json_key_dec(w, "service_level", it->service_level > 0 ?
		     it->service_level : r->opt->service_level, 4);
	key_stat(w, "z", f->z);
	key_stat(w, "safety_stock", f->ss);
	key_stat(w, "reorder_point", f->rop);
	json_key_str(w, "method", f->history ? "demand" :
		     it->min >= 0 ? "min_max" : NULL);
	key_qty_or_null(w, "min", it->min);
	key_qty_or_null(w, "max", it->max);
	key_qty_or_null(w, "multiple", it->multiple);
	key_stat(w, "order_up_to", f->target);
	key_stat(w, "raw_qty", f->due ? f->raw : 0);
	json_key_dec(w, "suggested_qty", f->qty, QTY_SCALE);
	json_key_bool(w, "due", f->due);
	json_key_str(w, "supplier", it->supplier);
	if (c && c->open_purchase)
		json_key_int(w, "open_purchase", c->open_purchase);
	else
		json_key_str(w, "open_purchase", NULL);
}

/* A suggestion kept for --create: its record closed after grouping. */
struct pending {
	char *text;		/* the record so far, without its "}" */
	char *sku, *wh, *supplier;
	int64_t qty, open_purchase, purchase;
};

struct run {
	struct reorder *r;
	struct sink *sink;
	struct pending *pend;
	size_t count, cap;
	struct json w;
};

static int emit(struct run *run, const char *text, int64_t purchase,
		int create)
{
	struct json w = { 0 };
	int status;

	json_reset(&w);
	strbuf_addstr(&w.text, text);
	w.comma = 1;
	if (create) {
		if (purchase)
			json_key_int(&w, "purchase", purchase);
		else
			json_key_str(&w, "purchase", NULL);
	}
	json_end_object(&w);
	status = sink_put(run->sink, &w);
	json_release(&w);
	return status == BIZ_STOP ? BIZ_OK : status;
}

static int evaluate(struct run *run, const struct item_plan *it,
		    const char *wh)
{
	struct reorder *r = run->r;
	struct cell *c = cell_of(r, it->sku, wh, 0);
	struct figures f;
	struct pending p;

	compute(r, it, c, &f);
	if (!f.due && !r->opt->all)
		return BIZ_OK;
	write_suggestion(r, &run->w, it, wh, c, &f);
	if (!r->opt->create)
		return emit(run, run->w.text.buf, 0, 0);
	memset(&p, 0, sizeof(p));
	p.text = xstrdup(run->w.text.buf);
	p.sku = xstrdup(it->sku);
	p.wh = xstrdup(wh);
	p.supplier = it->supplier ? xstrdup(it->supplier) : NULL;
	p.qty = f.due ? f.qty : 0;
	p.open_purchase = c ? c->open_purchase : 0;
	ARRAY_PUSH(run->pend, run->count, run->cap, p);
	return BIZ_OK;
}

static int each_item(struct run *run)
{
	static const char sql[] =
		"SELECT i.sku, i.supplier, coalesce(i.lead_time, s.lead_time), "
		"coalesce(i.lead_time_sd, s.lead_time_sd), i.service_level, "
		"i.min_qty, i.max_qty, i.multiple FROM item i "
		"LEFT JOIN supplier s ON s.code = i.supplier ORDER BY i.sku";
	struct db_stmt *stmt = db_stmt(run->r->db, sql);
	struct item_plan it;
	int rc, status = BIZ_OK;

	while (!status && (rc = db_row(run->r->db, stmt)) == DB_ROW) {
		it.sku = db_column_text(stmt, 0);
		it.supplier = db_column_text(stmt, 1);
		it.lead_time = column_or(stmt, 2, -1);
		it.lead_time_sd = column_or(stmt, 3, -1);
		it.service_level = column_or(stmt, 4, -1);
		it.min = column_or(stmt, 5, -1);
		it.max = column_or(stmt, 6, -1);
		it.multiple = column_or(stmt, 7, -1);
		for (size_t w = 0; w < run->r->wh_count && !status; w++)
			status = evaluate(run, &it, run->r->whs[w]);
	}
	db_reset(stmt);
	if (!status && rc != DB_DONE)
		return rc;
	return status;
}

/* One request per supplier and warehouse, of the due lines. */
static int create_requests(struct run *run)
{
	struct purchase_line_in *lines;
	int status = BIZ_OK;

	lines = xmalloc((run->count + 1) * sizeof(*lines));
	for (size_t i = 0; i < run->count && !status; i++) {
		struct pending *head = &run->pend[i];
		struct purchase_in in = { head->supplier, head->wh, NULL,
					  NULL, lines, 0 };
		jv rec;

		if (!head->qty || head->open_purchase || head->purchase ||
		    !head->supplier)
			continue;
		for (size_t j = i; j < run->count; j++) {
			struct pending *p = &run->pend[j];

			if (!p->qty || p->open_purchase || !p->supplier ||
			    strcmp(p->supplier, head->supplier) ||
			    strcmp(p->wh, head->wh))
				continue;
			lines[in.count++] = (struct purchase_line_in){
				p->sku, p->qty, 0, 0 };
			p->purchase = -1;
		}
		if ((status = purchase_request(run->r->db, &in, &rec)))
			break;
		for (size_t j = i; j < run->count; j++)
			if (run->pend[j].purchase == -1)
				run->pend[j].purchase = (int64_t)
					jv_number_value(jv_object_get(
						jv_copy(rec), jv_string("id")));
		jv_free(rec);
	}
	free(lines);
	for (size_t i = 0; i < run->count && !status; i++) {
		if (run->pend[i].qty && !run->pend[i].supplier)
			biz_warn("'%s' has no supplier: no request raised",
				 run->pend[i].sku);
		status = emit(run, run->pend[i].text, run->pend[i].purchase, 1);
	}
	return status;
}

int reorder_run(struct db *db, const struct reorder_options *opt,
		struct sink *sink)
{
	struct reorder r;
	struct run run;
	int status;

	if (opt->window < 1)
		return biz_fail(BIZ_USAGE, "--window: at least one day");
	if (opt->service_level <= 0 || opt->service_level >= 10000)
		return biz_fail(BIZ_USAGE, "--service-level: a probability "
				"between 0 and 1");
	memset(&r, 0, sizeof(r));
	memset(&run, 0, sizeof(run));
	r.db = db;
	r.opt = opt;
	run.r = &r;
	run.sink = sink;
	date_format(db->now - (db->now % 86400), r.today);
	date_format(db->now - (db->now % 86400) -
		    (int64_t)opt->window * 86400, r.from);
	if (!(status = read_warehouses(&r)) &&
	    !(status = read_demand(&r)) &&
	    !(status = read_positions(&r)) &&
	    !(status = each_item(&run)) && opt->create)
		status = create_requests(&run);
	for (size_t i = 0; i < run.count; i++) {
		free(run.pend[i].text);
		free(run.pend[i].sku);
		free(run.pend[i].wh);
		free(run.pend[i].supplier);
	}
	free(run.pend);
	json_release(&run.w);
	for (size_t i = 0; i < r.count; i++) {
		free(r.all[i]->key);
		free(r.all[i]);
	}
	free(r.all);
	hash_clear(&r.cells);
	strbuf_release(&r.key);
	for (size_t i = 0; i < r.wh_count; i++)
		free(r.whs[i]);
	free(r.whs);
	return status;
}
