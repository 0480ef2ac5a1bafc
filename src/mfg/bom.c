/* bom.c - bills of materials: what a product is made of, every level. */
#include "mfg.h"

#include <string.h>

#include "biz.h"
#include "decimal.h"
#include "event.h"
#include "item.h"
#include "record.h"
#include "timeutil.h"
#include "banned.h"

/* Deeper than this is taken for a bill gone wrong, not a product. */
#define BOM_MAX_DEPTH 64

static int line_out(struct sink *out, const char *product,
		    const char *component, int64_t qty, const char *op)
{
	struct json w = { 0 };
	int status;

	json_object(&w);
	json_key_str(&w, "product", product);
	json_key_str(&w, "component", component);
	json_key_dec(&w, "qty", qty, QTY_SCALE);
	if (op)
		json_key_str(&w, "op", op);
	json_end_object(&w);
	status = sink_put(out, &w);
	json_release(&w);
	return status == BIZ_STOP ? BIZ_OK : status;
}

static int bom_event(struct db *db, const char *kind, const char *product,
		     const char *component, int64_t qty)
{
	jv data = jv_object();

	rec_set_str(&data, "product", product);
	rec_set_str(&data, "component", component);
	rec_set(&data, "qty", dec_to_jv(qty, QTY_SCALE));
	return event_append(db, kind, "bom", product, data);
}

/*
 * Whether product is reachable from component through the bills
 * (component contains product at some depth): adding the line would
 * close a cycle.
 */
static int contains(struct db *db, const char *component,
		    const char *product, int *found)
{
	static const char sql[] =
		"WITH RECURSIVE sub(sku, depth) AS ("
		"  SELECT ?1, 0"
		"  UNION SELECT b.component, s.depth + 1 FROM bom b"
		"  JOIN sub s ON b.product = s.sku WHERE s.depth < ?3) "
		"SELECT 1 FROM sub WHERE sku = ?2 LIMIT 1";
	struct db_stmt *stmt = db_stmt(db, sql);
	int rc;

	db_bind_text(stmt, 1, component);
	db_bind_text(stmt, 2, product);
	db_bind_int64(stmt, 3, BOM_MAX_DEPTH);
	rc = db_one(db, stmt);
	*found = rc == DB_ROW;
	db_reset(stmt);
	return rc == DB_ROW || rc == DB_DONE ? BIZ_OK : rc;
}

int bom_add(struct db *db, const char *product, const char *component,
	    int64_t qty, struct sink *out)
{
	static const char find_sql[] =
		"SELECT qty FROM bom WHERE product = ? AND component = ?";
	static const char upsert_sql[] =
		"INSERT INTO bom(product, component, qty, created_at) "
		"VALUES (?1, ?2, ?3, ?4) ON CONFLICT(product, component) "
		"DO UPDATE SET qty = ?3";
	struct item_info fg, part;
	struct db_stmt *stmt;
	char at[TS_BUFSZ], buf[DEC_BUFSZ];
	int64_t old = 0;
	int rc, status, cycle;

	if ((status = item_lookup(db, product, 0, &fg)) ||
	    (status = item_lookup(db, component, 0, &part)))
		return status;
	if (qty <= 0)
		return biz_fail(BIZ_DATAERR, "quantity of '%s' in '%s' must "
				"be more than zero, not %s", component, product,
				dec_format(qty, QTY_SCALE, buf));
	if (!strcmp(fg.sku, part.sku))
		return biz_fail(BIZ_DATAERR, "'%s' cannot be a component of "
				"itself", fg.sku);
	if ((status = contains(db, part.sku, fg.sku, &cycle)))
		return status;
	if (cycle)
		return biz_fail(BIZ_DATAERR, "'%s' already contains '%s': "
				"the bill would be a cycle", part.sku, fg.sku);
	stmt = db_stmt(db, find_sql);
	db_bind_text(stmt, 1, fg.sku);
	db_bind_text(stmt, 2, part.sku);
	rc = db_one(db, stmt);
	if (rc == DB_ROW)
		old = db_column_int64(stmt, 0);
	db_reset(stmt);
	if (rc != DB_ROW && rc != DB_DONE)
		return rc;
	if (old == qty)
		return line_out(out, fg.sku, part.sku, qty, "unchanged");
	stmt = db_stmt(db, upsert_sql);
	db_bind_text(stmt, 1, fg.sku);
	db_bind_text(stmt, 2, part.sku);
	db_bind_int64(stmt, 3, qty);
	db_bind_text(stmt, 4, time_format(db->now, at));
	if ((status = db_done(db, stmt)) ||
	    (status = bom_event(db, old ? "bom.updated" : "bom.added",
				fg.sku, part.sku, qty)))
		return status;
	return line_out(out, fg.sku, part.sku, qty,
			old ? "updated" : "created");
}

int bom_remove(struct db *db, const char *product, const char *component,
	       struct sink *out)
{
	static const char sql[] =
		"DELETE FROM bom WHERE product = ? AND component = ? "
		"RETURNING qty";
	struct db_stmt *stmt = db_stmt(db, sql);
	int64_t qty = 0;
	int rc, status;

	db_bind_text(stmt, 1, product);
	db_bind_text(stmt, 2, component);
	rc = db_one(db, stmt);
	if (rc == DB_ROW)
		qty = db_column_int64(stmt, 0);
	db_reset(stmt);
	if (rc == DB_DONE)
		return biz_fail(BIZ_DATAERR, "'%s' is not a component of "
				"'%s'", component, product);
	if (rc != DB_ROW)
		return rc;
	if ((status = bom_event(db, "bom.removed", product, component, qty)))
		return status;
	return line_out(out, product, component, qty, "removed");
}

/* One bom line as bom_list() prints it (db_put_rows()'s writer). */
static void list_row(struct json *w, struct db_stmt *stmt, void *arg)
{
	(void)arg;
	json_object(w);
	json_key_str(w, "product", db_column_text(stmt, 0));
	json_key_str(w, "component", db_column_text(stmt, 1));
	json_key_dec(w, "qty", db_column_int64(stmt, 2), QTY_SCALE);
	json_key_str(w, "unit", db_column_text(stmt, 3));
	json_key_str(w, "name", db_column_text(stmt, 4));
	json_end_object(w);
}

int bom_list(struct db *db, const char *product, struct sink *out)
{
	static const char sql[] =
		"SELECT b.product, b.component, b.qty, i.unit, i.name "
		"FROM bom b JOIN item i ON i.sku = b.component "
		"WHERE ?1 IS NULL OR b.product = ?1 "
		"ORDER BY b.product, b.component";
	struct db_stmt *stmt;
	struct item_info fg;
	int status;

	if (product && (status = item_lookup(db, product, 0, &fg)))
		return status;
	stmt = db_stmt(db, sql);
	db_bind_text(stmt, 1, product ? fg.sku : NULL);
	return db_put_rows(db, stmt, list_row, NULL, out);
}

/* The product shown and how many lines its tree gave. */
struct show_rows {
	const char *sku;
	int rows;
};

/* One line of the tree as bom_show() prints it. */
static void show_row(struct json *w, struct db_stmt *stmt, void *arg)
{
	struct show_rows *show = arg;

	show->rows++;
	json_object(w);
	json_key_str(w, "product", show->sku);
	json_key_int(w, "level", db_column_int64(stmt, 0));
	json_key_str(w, "parent", db_column_text(stmt, 1));
	json_key_str(w, "component", db_column_text(stmt, 2));
	json_key_dec(w, "qty", db_column_int64(stmt, 3), QTY_SCALE);
	json_key_dec(w, "total", db_column_int64(stmt, 4), QTY_SCALE);
	json_key_str(w, "unit", db_column_text(stmt, 5));
	json_end_object(w);
}

int bom_show(struct db *db, const char *product, struct sink *out)
{
	/*
	 * Depth first: path orders each line after its parent's; total is
	 * the quantity per unit of the product, kept in thousandths.
	 */
	static const char sql[] =
		"WITH RECURSIVE t(level, parent, component, qty, total, path) "
		"AS (SELECT 1, product, component, qty, qty, component "
		"    FROM bom WHERE product = ?1"
		"  UNION ALL SELECT t.level + 1, b.product, b.component, b.qty,"
		"    t.total * b.qty / 1000, t.path || char(31) || b.component"
		"    FROM bom b JOIN t ON b.product = t.component"
		"    WHERE t.level < ?2) "
		"SELECT t.level, t.parent, t.component, t.qty, t.total, i.unit "
		"FROM t JOIN item i ON i.sku = t.component ORDER BY t.path";
	struct db_stmt *stmt;
	struct item_info fg;
	struct show_rows show = { NULL, 0 };
	int status;

	if ((status = item_lookup(db, product, 0, &fg)))
		return status;
	show.sku = fg.sku;
	stmt = db_stmt(db, sql);
	db_bind_text(stmt, 1, fg.sku);
	db_bind_int64(stmt, 2, BOM_MAX_DEPTH);
	if ((status = db_put_rows(db, stmt, show_row, &show, out)))
		return status;
	if (!show.rows)
		return biz_fail(BIZ_DATAERR, "'%s' has no bill of materials",
				fg.sku);
	return BIZ_OK;
}
