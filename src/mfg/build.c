/*
 * build.c - production: components out, the product in at their cost.
 *
 * A build is planned before anything is written: every component's need
 * (quantity per unit times the quantity built, rounded up to the
 * thousandth) against what is available, with --explode the missing
 * sub-assemblies planned as builds of their own, first.  A plan short of
 * anything refuses naming every item short, so nothing is half-built.
 * Each build of the plan then issues its components as an issue of
 * reason production (FIFO or AVCO, lots first-expiry-first-out: what
 * stock_issue() does for every issue, and what inv-reorder counts as
 * demand) and receives the product by a build document through
 * stock_adjust(): one cost layer worth exactly the components' value.
 * The issue posts Cost of Goods Sold / Inventory by issue_production; the
 * build document posts the same rule reversed, so the components' cost
 * moves from component to product inside Inventory and 5000 nets to zero
 * for every build.
 */
#include "mfg.h"

#include <stdlib.h>
#include <string.h>

#include "array.h"
#include "biz.h"
#include "decimal.h"
#include "event.h"
#include "hash.h"
#include "item.h"
#include "record.h"
#include "stock.h"
#include "timeutil.h"
#include "banned.h"

#define BUILD_MAX_DEPTH 64

/* One component of a bill. */
struct part {
	char sku[128];
	int64_t per;		/* per unit of the product */
};

/* One build of the plan, sub-assemblies before what they go into. */
struct planned {
	char sku[128];
	int64_t qty;
	size_t parent;		/* index in the plan; the top: itself */
	struct part *parts;
	size_t part_count;
	int64_t id;
};

/* What is left of an item to plan with. */
struct stock_left {
	char sku[128];
	int64_t initial, left, short_by;
	int is_short;
};

struct plan {
	struct db *db;
	const char *wh;
	int explode;
	struct planned *builds;
	size_t count, cap;
	struct hash left;		/* sku -> struct stock_left */
	struct stock_left **shorts;
	size_t short_count, short_cap;
};

static void plan_release(struct plan *p)
{
	for (size_t i = 0; i < p->count; i++)
		free(p->builds[i].parts);
	free(p->builds);
	for (size_t i = 0; i < p->left.cap; i++)
		if (p->left.keys[i])
			free(p->left.values[i]);
	hash_clear(&p->left);
	free(p->shorts);
}

/* The lines of sku's bill into *parts (none: *count 0). */
static int bill_of(struct db *db, const char *sku, struct part **parts,
		   size_t *count)
{
	static const char sql[] =
		"SELECT component, qty FROM bom WHERE product = ? "
		"ORDER BY component";
	struct db_stmt *stmt = db_stmt(db, sql);
	size_t cap = 0;
	int rc;

	*parts = NULL;
	*count = 0;
	db_bind_text(stmt, 1, sku);
	while ((rc = db_row(db, stmt)) == DB_ROW) {
		ARRAY_GROW(*parts, *count + 1, cap);
		snprintf((*parts)[*count].sku, sizeof((*parts)[0].sku), "%s",
			 db_column_text(stmt, 0));
		(*parts)[(*count)++].per = db_column_int64(stmt, 1);
	}
	if (rc != DB_DONE) {
		free(*parts);
		*parts = NULL;
		*count = 0;
		return rc;
	}
	return BIZ_OK;
}

static int has_bill(struct db *db, const char *sku, int *has)
{
	static const char sql[] = "SELECT 1 FROM bom WHERE product = ? LIMIT 1";
	struct db_stmt *stmt = db_stmt(db, sql);
	int rc;

	db_bind_text(stmt, 1, sku);
	rc = db_one(db, stmt);
	*has = rc == DB_ROW;
	db_reset(stmt);
	return rc == DB_ROW || rc == DB_DONE ? BIZ_OK : rc;
}

/* per units a product times qty products, rounded up to a thousandth. */
static int need_of(int64_t per, int64_t qty, int64_t *need)
{
	__int128 n = ((__int128)per * qty + 999) / 1000;

	if (n > INT64_MAX)
		return biz_fail(BIZ_DATAERR, "quantity too large");
	*need = (int64_t)n;
	return BIZ_OK;
}

static int left_of(struct plan *p, const char *sku, struct stock_left **out)
{
	struct stock_left *l = hash_get(&p->left, sku);
	int status;

	if (!l) {
		l = xmalloc(sizeof(*l));
		memset(l, 0, sizeof(*l));
		snprintf(l->sku, sizeof(l->sku), "%s", sku);
		if ((status = stock_available_qty(p->db, sku, p->wh,
						  &l->initial))) {
			free(l);
			return status;
		}
		l->left = l->initial;
		hash_put(&p->left, l->sku, l);
	}
	*out = l;
	return BIZ_OK;
}

/* Plans qty of sku (and what it needs first); appends it to p. */
static int plan_build(struct plan *p, const char *sku, int64_t qty,
		      int depth, size_t *index)
{
	struct part *parts;
	size_t count, me, child, first = p->count;
	int status, has;

	if (depth > BUILD_MAX_DEPTH)
		return biz_fail(BIZ_DATAERR, "the bill of '%s' is deeper than "
				"%d levels", sku, BUILD_MAX_DEPTH);
	if ((status = bill_of(p->db, sku, &parts, &count)))
		return status;
	if (!count)
		return biz_fail(BIZ_DATAERR, "'%s' has no bill of materials",
				sku);
	for (size_t i = 0; i < count && !status; i++) {
		struct stock_left *l;
		int64_t need = 0;

		if ((status = need_of(parts[i].per, qty, &need)) ||
		    (status = left_of(p, parts[i].sku, &l)))
			break;
		if (l->left >= need) {
			l->left -= need;
			continue;
		}
		has = 0;
		if (p->explode &&
		    (status = has_bill(p->db, parts[i].sku, &has)))
			break;
		if (has) {
			status = plan_build(p, parts[i].sku, need - l->left,
					    depth + 1, &child);
			l->left = 0;
			continue;
		}
		if (!l->is_short) {
			l->is_short = 1;
			ARRAY_GROW(p->shorts, p->short_count + 1,
				   p->short_cap);
			p->shorts[p->short_count++] = l;
		}
		l->short_by += need - l->left;
		l->left = 0;
	}
	if (status) {
		free(parts);
		return status;
	}
	ARRAY_GROW(p->builds, p->count + 1, p->cap);
	me = p->count++;
	memset(&p->builds[me], 0, sizeof(p->builds[me]));
	snprintf(p->builds[me].sku, sizeof(p->builds[me].sku), "%s", sku);
	p->builds[me].qty = qty;
	p->builds[me].parent = me;
	p->builds[me].parts = parts;
	p->builds[me].part_count = count;
	/* The sub-builds planned above now know what they go into. */
	for (size_t i = first; i < me; i++)
		if (p->builds[i].parent == i)
			p->builds[i].parent = me;
	*index = me;
	return BIZ_OK;
}

/* Refuses a plan short of anything, naming every item short. */
static int refuse_short(struct plan *p, const char *sku, int64_t qty)
{
	struct strbuf sb = { 0 };
	char a[DEC_BUFSZ], b[DEC_BUFSZ], c[DEC_BUFSZ];
	int status;

	for (size_t i = 0; i < p->short_count; i++) {
		struct stock_left *l = p->shorts[i];

		strbuf_addf(&sb, "%s'%s' %s short (%s needed, %s available)",
			    i ? ", " : "", l->sku,
			    dec_format(l->short_by, QTY_SCALE, a),
			    dec_format(l->initial + l->short_by, QTY_SCALE, b),
			    dec_format(l->initial, QTY_SCALE, c));
	}
	status = biz_fail(BIZ_REFUSED, "cannot build %s '%s' in '%s': %s",
			  dec_format(qty, QTY_SCALE, a), sku, p->wh, sb.buf);
	strbuf_release(&sb);
	return status;
}

/* ---- writing -------------------------------------------------------- */

/*
 * What a build's issue wrote: each move record the issue hands to sink
 * is added to parts (the components' JSON array) and value.
 */
struct build_write {
	struct sink sink;
	const struct db *db;
	int64_t value;
	struct json parts;
};

static int take_move(struct sink *sink, const char *json, size_t len)
{
	struct rec_texts texts = { .used = 0 };
	struct build_write *w = (struct build_write *)sink;
	jv move = jv_parse_sized(json, (int)len);
	int64_t qty = 0, value = 0;
	const char *lot = rec_text(&texts, move, "lot");
	int status = BIZ_OK;

	if (dec_from_jv(jv_object_get(jv_copy(move), jv_string("qty")),
			QTY_SCALE, &qty) ||
	    dec_from_jv(jv_object_get(jv_copy(move), jv_string("value")),
			w->db->money_scale, &value))
		status = biz_fail(BIZ_INTERNAL, "a move record without its "
				  "qty or value");
	if (!status) {
		json_object(&w->parts);
		json_key_str(&w->parts, "sku", rec_text(&texts, move, "sku"));
		json_key_str(&w->parts, "lot", lot);
		json_key_dec(&w->parts, "qty", -qty, QTY_SCALE);
		json_key_dec(&w->parts, "value", -value, w->db->money_scale);
		json_end_object(&w->parts);
		w->value -= value;
	}
	jv_free(move);
	return status;
}

static int insert_build(struct db *db, const struct build_request *req,
			struct planned *b, int64_t parent, int top)
{
	static const char sql[] =
		"INSERT INTO build(sku, wh, qty, ref, parent, date, at, actor) "
		"VALUES (?, ?, ?, ?, nullif(?, 0), ?, ?, ?)";
	struct db_stmt *stmt = db_stmt(db, sql);
	char at[TS_BUFSZ], today[TS_BUFSZ];
	int status;

	db_bind_text(stmt, 1, b->sku);
	db_bind_text(stmt, 2, req->wh);
	db_bind_int64(stmt, 3, b->qty);
	db_bind_text(stmt, 4, top ? req->ref : NULL);
	db_bind_int64(stmt, 5, parent);
	db_bind_text(stmt, 6, req->date ? req->date :
		     date_format(db->now, today));
	db_bind_text(stmt, 7, time_format(db->now, at));
	db_bind_text(stmt, 8, db->actor);
	if ((status = db_done(db, stmt)))
		return status;
	b->id = db_last_id(db);
	return BIZ_OK;
}

/* Writes planned build b: its issue, its receipt, its row. */
static int write_build(struct db *db, const struct build_request *req,
		       struct planned *b, int top)
{
	static const char sql[] =
		"UPDATE build SET lot = ?2, value = ?3, components = ?4, "
		"issue_doc = ?5, build_doc = ?6 WHERE id = ?1";
	struct build_write w = { { take_move }, db, 0, { { 0 }, 0 } };
	struct stock_doc issue, made;
	struct stock_adjustment a;
	struct item_info item;
	struct db_stmt *stmt;
	char order[40], lot[40];
	const char *product_lot = top ? req->lot : NULL;
	int status = BIZ_OK;

	if ((status = item_lookup(db, b->sku, 0, &item)))
		return status;
	/* --serial names the top product's units only. */
	if (item.tracking == TRACK_SERIAL && !top)
		return biz_fail(BIZ_REFUSED, "'%s' is serial-tracked: build "
				"it on its own, with its serials", item.sku);
	snprintf(order, sizeof(order), "build:%lld", (long long)b->id);
	if (item.tracking == TRACK_LOT && !product_lot) {
		snprintf(lot, sizeof(lot), "B%lld", (long long)b->id);
		product_lot = lot;
	}
	memset(&issue, 0, sizeof(issue));
	issue.kind = "issue";
	issue.reason = "production";
	issue.order = order;
	issue.date = req->date;
	json_array(&w.parts);
	for (size_t i = 0; i < b->part_count && !status; i++) {
		struct stock_line line;

		memset(&line, 0, sizeof(line));
		line.sku = b->parts[i].sku;
		line.wh = req->wh;
		if ((status = need_of(b->parts[i].per, b->qty, &line.qty)))
			break;
		status = stock_issue(db, &issue, &line, &w.sink);
	}
	json_end_array(&w.parts);
	if (!status)
		status = stock_doc_finish(db, &issue);
	stock_doc_release(&issue);
	memset(&made, 0, sizeof(made));
	made.kind = "build";
	made.order = order;
	made.date = req->date;
	memset(&a, 0, sizeof(a));
	a.sku = item.sku;
	a.wh = req->wh;
	a.lot = product_lot;
	if (top) {
		a.serials = req->serials;
		a.serial_count = req->serial_count;
	}
	a.qty = b->qty;
	a.value = w.value;
	a.posting = "issue_production";
	a.posting_sign = -1;
	a.event = "stock.built";
	if (!status)
		status = stock_adjust(db, &made, &a, NULL);
	if (!status)
		status = stock_doc_finish(db, &made);
	stock_doc_release(&made);
	if (!status) {
		stmt = db_stmt(db, sql);
		db_bind_int64(stmt, 1, b->id);
		db_bind_text(stmt, 2, product_lot ? product_lot : "");
		db_bind_int64(stmt, 3, w.value);
		db_bind_text(stmt, 4, w.parts.text.buf);
		db_bind_int64(stmt, 5, issue.id);
		db_bind_int64(stmt, 6, made.id);
		status = db_done(db, stmt);
	}
	if (!status) {
		jv data = jv_object();

		rec_set_str(&data, "sku", item.sku);
		rec_set_str(&data, "wh", req->wh);
		rec_set(&data, "qty", dec_to_jv(b->qty, QTY_SCALE));
		rec_set(&data, "value", dec_to_jv(w.value, db->money_scale));
		status = event_append_id(db, "build.created", "build", b->id,
					 data);
	}
	json_release(&w.parts);
	return status;
}

/* ---- reading -------------------------------------------------------- */

static int build_out(struct db *db, int64_t id, const char *op,
		     struct sink *out)
{
	static const char sql[] =
		"SELECT sku, wh, lot, qty, value, components, ref, date, "
		"parent, (SELECT serials FROM move WHERE doc_id = "
		"build.build_doc AND qty > 0) FROM build WHERE id = ?";
	static const char subs_sql[] =
		"SELECT id FROM build WHERE parent = ? ORDER BY id";
	struct db_stmt *stmt = db_stmt(db, sql);
	struct json w = { 0 };
	const char *lot;
	int64_t qty, value;
	int rc, status;

	db_bind_int64(stmt, 1, id);
	rc = db_one(db, stmt);
	if (rc != DB_ROW) {
		db_reset(stmt);
		if (rc == DB_DONE)
			return biz_fail(BIZ_DATAERR, "no such build %lld",
					(long long)id);
		return rc;
	}
	qty = db_column_int64(stmt, 3);
	value = db_column_int64(stmt, 4);
	lot = db_column_text(stmt, 2);
	json_object(&w);
	json_key_int(&w, "id", id);
	json_key_str(&w, "sku", db_column_text(stmt, 0));
	json_key_str(&w, "wh", db_column_text(stmt, 1));
	json_key_str(&w, "lot", lot && *lot ? lot : NULL);
	json_key_raw(&w, "serials", db_column_text(stmt, 9));
	json_key_dec(&w, "qty", qty, QTY_SCALE);
	json_key_dec(&w, "value", value, db->money_scale);
	json_key_dec(&w, "unit_cost", mfg_unit_cost(db, value, qty),
		     stock_cost_scale(db));
	json_key_str(&w, "ref", db_column_text(stmt, 6));
	json_key_str(&w, "date", db_column_text(stmt, 7));
	json_key(&w, "parent");
	if (db_column_null(stmt, 8))
		json_null(&w);
	else
		json_int(&w, db_column_int64(stmt, 8));
	json_key_raw(&w, "components", db_column_text(stmt, 5));
	db_reset(stmt);
	json_key(&w, "builds");
	json_array(&w);
	stmt = db_stmt(db, subs_sql);
	db_bind_int64(stmt, 1, id);
	while ((rc = db_row(db, stmt)) == DB_ROW)
		json_int(&w, db_column_int64(stmt, 0));
	json_end_array(&w);
	if (op)
		json_key_str(&w, "op", op);
	json_end_object(&w);
	status = rc == DB_DONE ? sink_put(out, &w) : rc;
	json_release(&w);
	return status == BIZ_STOP ? BIZ_OK : status;
}

/*
 * A ref built before: the same request is unchanged, another refused
 * (for a serial-tracked product, other serials too).
 */
static int build_replay(struct db *db, const struct build_request *req,
			const char *sku, int64_t *id)
{
	static const char sql[] =
		"SELECT id, sku, wh, qty, lot, (SELECT serials FROM move "
		"WHERE doc_id = build.build_doc AND qty > 0) "
		"FROM build WHERE ref = ?";
	struct db_stmt *stmt = db_stmt(db, sql);
	char a[DEC_BUFSZ], b[DEC_BUFSZ];
	char *serials = stock_serials_json(req->serials, req->serial_count);
	const char *built;
	int rc, status = BIZ_OK;

	*id = 0;
	db_bind_text(stmt, 1, req->ref);
	rc = db_one(db, stmt);
	if (rc == DB_ROW) {
		*id = db_column_int64(stmt, 0);
		if (strcmp(db_column_text(stmt, 1), sku) ||
		    strcmp(db_column_text(stmt, 2), req->wh) ||
		    db_column_int64(stmt, 3) != req->qty ||
		    (req->lot && strcmp(db_column_text(stmt, 4), req->lot)))
			status = biz_fail(BIZ_REFUSED, "ref '%s' is build %lld "
					  "of %s '%s' in '%s', not of %s '%s' "
					  "in '%s'", req->ref,
					  (long long)*id,
					  dec_format(db_column_int64(stmt, 3),
						     QTY_SCALE, a),
					  db_column_text(stmt, 1),
					  db_column_text(stmt, 2),
					  dec_format(req->qty, QTY_SCALE, b),
					  sku, req->wh);
		else if ((built = db_column_text(stmt, 5)) && serials &&
			 strcmp(built, serials))
			status = biz_fail(BIZ_REFUSED, "ref '%s' is build %lld "
					  "of serials %s, not %s", req->ref,
					  (long long)*id, built, serials);
	} else if (rc != DB_DONE) {
		status = rc;
	}
	db_reset(stmt);
	free(serials);
	return status;
}

int build_run(struct db *db, const struct build_request *req,
	      struct sink *out)
{
	struct plan p;
	struct item_info item;
	char buf[DEC_BUFSZ];
	int64_t day, replay;
	size_t top;
	int status;

	if ((status = item_lookup(db, req->sku, 0, &item)) ||
	    (status = warehouse_check(db, req->wh)))
		return status;
	if (req->qty <= 0)
		return biz_fail(BIZ_DATAERR, "quantity of '%s' must be more "
				"than zero, not %s", item.sku,
				dec_format(req->qty, QTY_SCALE, buf));
	if (item.tracking == TRACK_SERIAL &&
	    (int64_t)req->serial_count * QTY_ONE != req->qty)
		return biz_fail(BIZ_DATAERR, "'%s' is serial-tracked: %s units "
				"need a serial each, %zu given", item.sku,
				dec_format(req->qty, QTY_SCALE, buf),
				req->serial_count);
	if (item.tracking != TRACK_SERIAL && req->serial_count)
		return biz_fail(BIZ_DATAERR, "'%s' is not serial-tracked: no "
				"serial", item.sku);
	if (req->lot && !*req->lot)
		return biz_fail(BIZ_DATAERR, "lot: an empty lot");
	if (req->lot && item.tracking != TRACK_LOT)
		return biz_fail(BIZ_DATAERR, "'%s' is not lot-tracked: no lot",
				item.sku);
	if (req->date && date_parse(req->date, &day))
		return biz_fail(BIZ_DATAERR, "--date: '%s' is not a date such "
				"as 2026-11-27", req->date);
	if (req->ref && !*req->ref)
		return biz_fail(BIZ_DATAERR, "--ref: an empty ref");
	if (req->ref && (status = build_replay(db, req, item.sku, &replay)))
		return status;
	if (req->ref && replay)
		return build_out(db, replay, "unchanged", out);
	memset(&p, 0, sizeof(p));
	p.db = db;
	p.wh = req->wh;
	p.explode = req->explode;
	status = plan_build(&p, item.sku, req->qty, 0, &top);
	if (!status && p.short_count)
		status = refuse_short(&p, item.sku, req->qty);
	/* Rows parents first, so a sub-build can name what it goes into. */
	for (size_t i = p.count; i-- > 0 && !status;) {
		struct planned *b = &p.builds[i];

		status = insert_build(db, req, b, b->parent == i ? 0 :
				      p.builds[b->parent].id, i == top);
	}
	for (size_t i = 0; i < p.count && !status; i++)
		status = write_build(db, req, &p.builds[i], i == top);
	if (!status)
		status = build_out(db, p.builds[top].id, "created", out);
	plan_release(&p);
	return status;
}
