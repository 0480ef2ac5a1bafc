/* item.c - warehouses and items: validation and storage. */
#include "item.h"
#include "stock_internal.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "biz.h"
#include "decimal.h"
#include "event.h"
#include "json.h"
#include "record.h"
#include "timeutil.h"
#include "code.h"
#include "banned.h"

const char *const item_trackings[] = { "none", "lot", "serial", NULL };
const char *const item_costings[] = { "fifo", "avco", NULL };

/* Whether text is one of names (ending with NULL). */
static int name_in(const char *text, const char *const *names)
{
	for (int i = 0; names[i]; i++)
		if (!strcmp(text, names[i]))
			return 1;
	return 0;
}

/* Codes (SKUs, warehouses): code.h's rule, shorter than item_info.sku. */
static int valid_code(const char *code)
{
	return code_valid(code, 128);
}

/* ---- warehouses ----------------------------------------------------- */

int warehouse_check(struct db *db, const char *code)
{
	static const char sql[] = "SELECT 1 FROM warehouse WHERE code = ?";
	struct db_stmt *stmt = db_stmt(db, sql);
	int rc;

	db_bind_text(stmt, 1, code);
	rc = db_one(db, stmt);
	db_reset(stmt);
	if (rc == DB_DONE)
		return biz_fail(BIZ_DATAERR, "unknown warehouse '%s'",
				code ? code : "");
	return rc == DB_ROW ? BIZ_OK : rc;
}

static jv warehouse_from_row(struct db_stmt *stmt)
{
	jv wh = jv_object();

	rec_set(&wh, "code", db_column_jv(stmt, 0));
	rec_set(&wh, "name", db_column_jv(stmt, 1));
	rec_set(&wh, "created_at", db_column_jv(stmt, 2));
	return wh;
}

int warehouse_add(struct db *db, const char *code, const char *name,
		  jv *out)
{
	static const char find_sql[] =
		"SELECT code, name, created_at FROM warehouse WHERE code = ?";
	static const char insert_sql[] =
		"INSERT INTO warehouse(code, name, created_at) VALUES (?, ?, ?)";
	struct db_stmt *stmt;
	char at[TS_BUFSZ];
	int rc, status;

	if (!valid_code(code))
		return biz_fail(BIZ_DATAERR, "'%s' is not a warehouse code "
				"(" CODE_RULE ")", code ? code : "");
	if (!name || !*name)
		return biz_fail(BIZ_DATAERR, "warehouse '%s' needs a name",
				code);
	stmt = db_stmt(db, find_sql);
	db_bind_text(stmt, 1, code);
	rc = db_one(db, stmt);
	if (rc == DB_ROW) {
		int same = !strcmp(db_column_text(stmt, 1), name);

		*out = warehouse_from_row(stmt);
		db_reset(stmt);
		if (!same) {
			jv_free(*out);
			*out = jv_invalid();
			return biz_fail(BIZ_REFUSED, "warehouse '%s' exists "
					"with another name", code);
		}
		rec_set_str(out, "op", "unchanged");
		return BIZ_OK;
	}
	if (rc != DB_DONE)
		return rc;
	stmt = db_stmt(db, insert_sql);
	db_bind_text(stmt, 1, code);
	db_bind_text(stmt, 2, name);
	db_bind_text(stmt, 3, time_format(db->now, at));
	if ((status = db_done(db, stmt)))
		return status;
	*out = jv_object();
	rec_set_str(out, "code", code);
	rec_set_str(out, "name", name);
	rec_set_str(out, "created_at", at);
	if ((status = event_append(db, "warehouse.created", "warehouse", code,
				   jv_copy(*out))))
		return status;
	rec_set_str(out, "op", "created");
	return BIZ_OK;
}

int warehouse_each(struct db *db, struct sink *out)
{
	static const char sql[] =
		"SELECT code, name, created_at FROM warehouse ORDER BY code";
	struct db_stmt *stmt = db_stmt(db, sql);
	struct json w = { 0 };
	int rc, status = BIZ_OK;

	while (status == BIZ_OK && (rc = db_row(db, stmt)) == DB_ROW) {
		json_reset(&w);
		json_object(&w);
		json_key_str(&w, "code", db_column_text(stmt, 0));
		json_key_str(&w, "name", db_column_text(stmt, 1));
		json_key_str(&w, "created_at", db_column_text(stmt, 2));
		json_end_object(&w);
		status = sink_put(out, &w);
	}
	json_release(&w);
	return stock_list_end(stmt, status, rc);
}

/* ---- items ---------------------------------------------------------- */

int item_lookup(struct db *db, const char *code, int scan,
		struct item_info *out)
{
	static const char sql[] =
		"SELECT sku, tracking, costing FROM item WHERE sku = ?1 "
		"UNION ALL SELECT sku, tracking, costing FROM item "
		"WHERE ?2 AND barcode = ?1 LIMIT 1";
	static const char scan_sql[] =
		"SELECT sku, tracking, costing FROM item WHERE barcode = ?1 "
		"UNION ALL SELECT sku, tracking, costing FROM item "
		"WHERE ?2 AND sku = ?1 LIMIT 1";
	struct db_stmt *stmt = db_stmt(db, scan ? scan_sql : sql);
	const char *tracking, *costing;
	int rc;

	if (!code || !*code)
		return biz_fail(BIZ_DATAERR, "an item SKU is needed");
	db_bind_text(stmt, 1, code);
	db_bind_int64(stmt, 2, scan);
	rc = db_one(db, stmt);
	if (rc == DB_DONE)
		return biz_fail(BIZ_DATAERR, "unknown item '%s'", code);
	if (rc != DB_ROW)
		return rc;
	snprintf(out->sku, sizeof(out->sku), "%s", db_column_text(stmt, 0));
	tracking = db_column_text(stmt, 1);
	costing = db_column_text(stmt, 2);
	out->tracking = !strcmp(tracking, "lot") ? TRACK_LOT :
			!strcmp(tracking, "serial") ? TRACK_SERIAL : TRACK_NONE;
	out->costing = !strcmp(costing, "avco") ? COST_AVCO : COST_FIFO;
	db_reset(stmt);
	return BIZ_OK;
}

/* An item's own fields, in record order. */
static const char *const item_fields[] = {
	"sku", "name", "unit", "tracking", "costing", "barcode", "parent",
	"attrs", "lead_time", "lead_time_sd", "service_level", "min", "max",
	"multiple", "supplier", NULL
};

static int is_item_field(const char *name)
{
	for (int i = 0; item_fields[i]; i++)
		if (!strcmp(name, item_fields[i]))
			return 1;
	return 0;
}

int item_field_known(const char *name)
{
	return is_item_field(name) || !strcmp(name, "variant_of") ||
	       !strcmp(name, "extra");
}

/* The internal record of an item row: its fields plus "extra". */
static jv item_from_row(struct db_stmt *stmt)
{
	jv item = jv_object();

	for (int i = 0; i < 7; i++)
		rec_set(&item, item_fields[i], db_column_jv(stmt, i));
	rec_set(&item, "attrs", jv_parse(db_column_text(stmt, 7)));
	rec_set(&item, "lead_time", db_column_dec(stmt, 8, 3));
	rec_set(&item, "lead_time_sd", db_column_dec(stmt, 9, 3));
	rec_set(&item, "service_level", db_column_dec(stmt, 10, 4));
	rec_set(&item, "min", db_column_dec(stmt, 11, QTY_SCALE));
	rec_set(&item, "max", db_column_dec(stmt, 12, QTY_SCALE));
	rec_set(&item, "multiple", db_column_dec(stmt, 13, QTY_SCALE));
	rec_set(&item, "supplier", db_column_jv(stmt, 14));
	rec_set(&item, "extra", jv_parse(db_column_text(stmt, 15)));
	return item;
}

/* The record as printed: custom fields merged after the item's own. */
static jv item_public(jv item)
{
	jv extra = jv_object_get(jv_copy(item), jv_string("extra"));

	item = rec_delete(item, "extra");
	if (jv_get_kind(extra) == JV_KIND_OBJECT) {
		jv_object_foreach(extra, key, value) {
			if (jv_object_has(jv_copy(item), jv_copy(key))) {
				jv_free(key);
				jv_free(value);
			} else {
				item = jv_object_set(item, key, value);
			}
		}
	}
	jv_free(extra);
	return item;
}

static int item_get_internal(struct db *db, const char *sku, jv *out)
{
	static const char sql[] =
		"SELECT sku, name, unit, tracking, costing, barcode, parent, "
		"attrs, lead_time, lead_time_sd, service_level, min_qty, "
		"max_qty, multiple, supplier, extra FROM item WHERE sku = ?";
	struct db_stmt *stmt = db_stmt(db, sql);
	int rc;

	db_bind_text(stmt, 1, sku);
	rc = db_one(db, stmt);
	if (rc == DB_DONE)
		return biz_fail(BIZ_DATAERR, "unknown item '%s'",
				sku ? sku : "");
	if (rc != DB_ROW)
		return rc;
	*out = item_from_row(stmt);
	db_reset(stmt);
	return BIZ_OK;
}

int item_get(struct db *db, const char *sku, jv *out)
{
	int status = item_get_internal(db, sku, out);

	if (status == BIZ_OK)
		*out = item_public(*out);
	return status;
}

/* attrs as an object of strings: an object, or text "k=v,k=v". */
static jv attrs_field(jv value)
{
	jv attrs = jv_object();

	if (jv_get_kind(value) == JV_KIND_OBJECT) {
		jv_object_foreach(value, key, v) {
			char number[REC_NUMBER_BUFSZ];
			jv probe = JV_OBJECT_2(jv_copy(key), v);
			const char *text = rec_field_text(probe,
							  jv_string_value(key),
							  number);

			if (!text) {
				jv_free(probe);
				jv_free(key);
				jv_free(attrs);
				jv_free(value);
				return jv_invalid();
			}
			attrs = jv_object_set(attrs, key, jv_string(text));
			jv_free(probe);
		}
	} else if (jv_get_kind(value) == JV_KIND_STRING) {
		const char *s = jv_string_value(value);

		while (*s) {
			size_t n = strcspn(s, ",");
			const char *eq = memchr(s, '=', n);

			if (n) {
				if (!eq || eq == s) {
					jv_free(attrs);
					jv_free(value);
					return jv_invalid();
				}
				attrs = jv_object_set(attrs,
					jv_string_sized(s, (int)(eq - s)),
					jv_string_sized(eq + 1,
						(int)(n - (size_t)(eq - s) - 1)));
			}
			s += n + (s[n] == ',');
		}
	} else if (jv_get_kind(value) != JV_KIND_NULL) {
		jv_free(attrs);
		attrs = jv_invalid();
	}
	jv_free(value);
	return attrs;
}

/*
 * A decimal field at scale in [0, max] as a canonical JSON number, or
 * null.  service_level also takes a percentage (95 for 0.95).
 */
static int number_field(struct db *db, const char *name, jv value,
			int scale, jv *out)
{
	struct rec_texts texts = { .used = 0 };
	int64_t v;
	jv probe = JV_OBJECT_2(jv_string(name), value);
	const char *text = rec_text(&texts, probe, name);
	int status = BIZ_OK;

	(void)db;
	if (!text) {
		*out = jv_null();
	} else if (dec_parse(text, scale, &v) || v < 0) {
		status = biz_fail(BIZ_DATAERR, "%s: '%s' is not a number from "
				  "0 with at most %d decimal places", name,
				  text, scale);
	} else {
		if (!strcmp(name, "service_level")) {
			if (v >= 10000 && v < 1000000)
				v /= 100;
			if (v <= 0 || v >= 10000 || v % 1)
				status = biz_fail(BIZ_DATAERR, "service_level: "
						  "'%s' is not a probability "
						  "such as 0.95 or 95", text);
		}
		*out = dec_to_jv(v, scale);
	}
	jv_free(probe);
	return status;
}

/* Checks one field's value and puts it in canonical form. */
static int item_field(struct db *db, const char *name, jv value, jv *out)
{
	struct rec_texts texts = { .used = 0 };
	jv probe;
	const char *text;
	int status = BIZ_OK;

	if (!strcmp(name, "attrs")) {
		*out = attrs_field(value);
		if (!jv_is_valid(*out))
			return biz_fail(BIZ_DATAERR, "attrs: k=v pairs are "
					"needed");
		return BIZ_OK;
	}
	*out = jv_null();
	if (jv_get_kind(value) != JV_KIND_STRING &&
	    jv_get_kind(value) != JV_KIND_NUMBER &&
	    jv_get_kind(value) != JV_KIND_NULL) {
		status = biz_fail(BIZ_DATAERR, "%s: %s is not a string or "
				  "a number", name,
				  jv_kind_name(jv_get_kind(value)));
		jv_free(value);
		return status;
	}
	if (!strcmp(name, "lead_time") || !strcmp(name, "lead_time_sd"))
		return number_field(db, name, value, 3, out);
	if (!strcmp(name, "service_level"))
		return number_field(db, name, value, 4, out);
	if (!strcmp(name, "min") || !strcmp(name, "max") ||
	    !strcmp(name, "multiple"))
		return number_field(db, name, value, QTY_SCALE, out);
	probe = JV_OBJECT_2(jv_string(name), value);
	text = rec_text(&texts, probe, name);
	if (!strcmp(name, "tracking") && text &&
	    !name_in(text, item_trackings))
		status = biz_fail(BIZ_DATAERR, "tracking: '%s' is not one of "
				  "none, lot, serial", text);
	else if (!strcmp(name, "costing") && text &&
		 !name_in(text, item_costings))
		status = biz_fail(BIZ_DATAERR, "costing: '%s' is not one of "
				  "fifo, avco", text);
	else if (!strcmp(name, "sku") && !valid_code(text))
		status = biz_fail(BIZ_DATAERR, "'%s' is not a SKU (" CODE_RULE ")",
				  text ? text : "");
	*out = text ? jv_string(text) : jv_null();
	jv_free(probe);
	return status;
}

/*
 * Merges fields (consumed) into the internal record item (consumed):
 * own fields checked, variant_of read as parent, "extra" and unknown
 * keys into extra.  Returns the result or an invalid jv with *status.
 */
static jv item_merge(struct db *db, jv item, jv fields, int *status)
{
	jv extra = jv_object_get(jv_copy(item), jv_string("extra"));

	*status = BIZ_OK;
	if (jv_get_kind(extra) != JV_KIND_OBJECT) {
		jv_free(extra);
		extra = jv_object();
	}
	jv_object_foreach(fields, key, value) {
		const char *name = jv_string_value(key);
		jv clean;

		/* An empty CSV cell gives nothing; a JSON null clears,
		 * except where the item must have a value. */
		if ((jv_get_kind(value) == JV_KIND_STRING &&
		     !*jv_string_value(value)) ||
		    (jv_get_kind(value) == JV_KIND_NULL &&
		     (!strcmp(name, "name") || !strcmp(name, "unit") ||
		      !strcmp(name, "tracking") || !strcmp(name, "costing") ||
		      !strcmp(name, "sku") || !strcmp(name, "attrs")))) {
			jv_free(key);
			jv_free(value);
			continue;
		}

		if (!strcmp(name, "extra") &&
		    jv_get_kind(value) == JV_KIND_OBJECT) {
			extra = jv_object_merge(extra, value);
			jv_free(key);
			continue;
		}
		if (!strcmp(name, "variant_of")) {
			jv_free(key);
			key = jv_string("parent");
			name = "parent";
		}
		if (!is_item_field(name)) {
			extra = jv_object_set(extra, key, value);
			continue;
		}
		if ((*status = item_field(db, name, value, &clean))) {
			jv_free(clean);
			jv_free(key);
			break;
		}
		item = jv_object_set(item, key, clean);
	}
	jv_free(fields);
	if (*status) {
		jv_free(item);
		jv_free(extra);
		return jv_invalid();
	}
	rec_set(&item, "extra", extra);
	return item;
}

/* The fields of a new item before any are given. */
static jv item_blank(void)
{
	jv item = jv_object();

	for (int i = 0; item_fields[i]; i++)
		rec_set(&item, item_fields[i], jv_null());
	rec_set_str(&item, "unit", "ea");
	rec_set_str(&item, "tracking", "none");
	rec_set_str(&item, "costing", "fifo");
	rec_set(&item, "attrs", jv_object());
	rec_set(&item, "extra", jv_object());
	return item;
}

/* Binds the decimal field name of item at scale, NULL when null. */
static void bind_decimal(struct db_stmt *stmt, int index, jv item,
			 const char *name, int scale)
{
	jv value = jv_object_get(jv_copy(item), jv_string(name));
	int64_t v;

	if (jv_get_kind(value) == JV_KIND_NUMBER &&
	    dec_from_jv(value, scale, &v) == 0)
		db_bind_int64(stmt, index, v);
	else if (jv_get_kind(value) != JV_KIND_NUMBER)
		jv_free(value);
}

static int item_store(struct db *db, jv item)
{
	static const char sql[] =
		"INSERT INTO item(sku, name, unit, tracking, costing, barcode, "
		"parent, attrs, lead_time, lead_time_sd, service_level, "
		"min_qty, max_qty, multiple, supplier, extra, created_at, "
		"updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, "
		"?11, ?12, ?13, ?14, ?15, ?16, ?17, ?17) "
		"ON CONFLICT(sku) DO UPDATE SET name = excluded.name, "
		"unit = excluded.unit, tracking = excluded.tracking, "
		"costing = excluded.costing, barcode = excluded.barcode, "
		"parent = excluded.parent, attrs = excluded.attrs, "
		"lead_time = excluded.lead_time, "
		"lead_time_sd = excluded.lead_time_sd, "
		"service_level = excluded.service_level, "
		"min_qty = excluded.min_qty, max_qty = excluded.max_qty, "
		"multiple = excluded.multiple, supplier = excluded.supplier, "
		"extra = excluded.extra, updated_at = excluded.updated_at";
	struct rec_texts texts = { .used = 0 };
	struct db_stmt *stmt = db_stmt(db, sql);
	jv attrs = jv_dump_string(jv_object_get(jv_copy(item),
						jv_string("attrs")), 0);
	jv extra = jv_dump_string(jv_object_get(jv_copy(item),
						jv_string("extra")), 0);
	char at[TS_BUFSZ];
	int status;

	for (int i = 0; i < 7; i++)
		db_bind_text(stmt, i + 1,
			     rec_text(&texts, item, item_fields[i]));
	db_bind_text(stmt, 8, jv_string_value(attrs));
	bind_decimal(stmt, 9, item, "lead_time", 3);
	bind_decimal(stmt, 10, item, "lead_time_sd", 3);
	bind_decimal(stmt, 11, item, "service_level", 4);
	bind_decimal(stmt, 12, item, "min", QTY_SCALE);
	bind_decimal(stmt, 13, item, "max", QTY_SCALE);
	bind_decimal(stmt, 14, item, "multiple", QTY_SCALE);
	db_bind_text(stmt, 15, rec_text(&texts, item, "supplier"));
	db_bind_text(stmt, 16, jv_string_value(extra));
	db_bind_text(stmt, 17, time_format(db->now, at));
	status = db_done(db, stmt);
	jv_free(attrs);
	jv_free(extra);
	return status;
}

/*
 * Whether any stock of sku was ever moved: every move keeps its balance
 * row, never deleted (biz-check holds the two together), and the
 * balance's key starts with the SKU where move has no index on it.
 */
static int item_has_moves(struct db *db, const char *sku, int *out)
{
	static const char sql[] =
		"SELECT 1 FROM stock_balance WHERE sku = ? LIMIT 1";
	struct db_stmt *stmt = db_stmt(db, sql);
	int rc;

	db_bind_text(stmt, 1, sku);
	rc = db_one(db, stmt);
	db_reset(stmt);
	if (rc != DB_ROW && rc != DB_DONE)
		return rc;
	*out = rc == DB_ROW;
	return BIZ_OK;
}

/* Checks the record as a whole, stores it if changed, prints it. */
static int item_save(struct db *db, jv before, jv item, const char *op,
		     jv *out)
{
	struct rec_texts texts = { .used = 0 };
	char sku[128];
	const char *barcode = rec_text(&texts, item, "barcode");
	const char *parent = rec_text(&texts, item, "parent");
	int status = BIZ_OK, changed, moved = 0;
	jv other;

	snprintf(sku, sizeof(sku), "%s", rec_text(&texts, item, "sku"));
	if (!rec_text(&texts, item, "name")) {
		status = biz_fail(BIZ_DATAERR, "item '%s' needs a name", sku);
		goto done;
	}
	if (parent) {
		if (!strcmp(parent, sku)) {
			status = biz_fail(BIZ_DATAERR, "item '%s' cannot be a "
					  "variant of itself", sku);
			goto done;
		}
		if ((status = item_get_internal(db, parent, &other)))
			goto done;
		jv_free(other);
	}
	if (barcode) {
		static const char sql[] =
			"SELECT sku FROM item WHERE barcode = ? AND sku <> ?";
		struct db_stmt *stmt = db_stmt(db, sql);
		int rc;

		db_bind_text(stmt, 1, barcode);
		db_bind_text(stmt, 2, sku);
		rc = db_one(db, stmt);
		if (rc == DB_ROW)
			status = biz_fail(BIZ_DATAERR, "barcode '%s' is "
					  "already item '%s'", barcode,
					  db_column_text(stmt, 0));
		else if (rc != DB_DONE)
			status = rc;
		db_reset(stmt);
		if (status)
			goto done;
	}
	changed = !jv_equal(jv_copy(before), jv_copy(item));
	if (changed && jv_get_kind(before) == JV_KIND_OBJECT &&
	    jv_object_length(jv_copy(before)) > 0 &&
	    (strcmp(rec_text(&texts, before, "tracking"),
		    rec_text(&texts, item, "tracking")) ||
	     strcmp(rec_text(&texts, before, "costing"),
		    rec_text(&texts, item, "costing")))) {
		if ((status = item_has_moves(db, sku, &moved)))
			goto done;
		if (moved) {
			status = biz_fail(BIZ_REFUSED, "item '%s' has stock "
					  "moves: its tracking and costing "
					  "cannot change", sku);
			goto done;
		}
	}
	if (changed &&
	    ((status = item_store(db, item)) ||
	     (status = event_append(db, !strcmp(op, "created") ?
				    "item.created" : "item.updated", "item",
				    sku, item_public(jv_copy(item))))))
		goto done;
	if ((status = item_get(db, sku, out)))
		goto done;
	rec_set_str(out, "op", changed ? op : "unchanged");
done:
	jv_free(before);
	jv_free(item);
	return status;
}

int item_add(struct db *db, jv fields, jv *out)
{
	struct rec_texts texts = { .used = 0 };
	const char *sku = rec_text(&texts, fields, "sku");
	jv existing, item;
	int status;

	if (!valid_code(sku)) {
		status = biz_fail(BIZ_DATAERR, "'%s' is not a SKU (" CODE_RULE ")",
				  sku ? sku : "");
		jv_free(fields);
		return status;
	}
	if (item_get_internal(db, sku, &existing) == BIZ_OK) {
		item = item_merge(db, jv_copy(existing), fields, &status);
		if (status) {
			jv_free(existing);
			return status;
		}
		if (!jv_equal(jv_copy(existing), jv_copy(item))) {
			status = biz_fail(BIZ_REFUSED, "item '%s' exists with "
					  "other fields (use inv-item set)",
					  rec_text(&texts, existing, "sku"));
			jv_free(existing);
			jv_free(item);
			return status;
		}
		return item_save(db, existing, item, "created", out);
	}
	item = item_merge(db, item_blank(), fields, &status);
	if (status)
		return status;
	return item_save(db, jv_object(), item, "created", out);
}

int item_set(struct db *db, const char *sku, jv fields, jv *out)
{
	struct rec_texts texts = { .used = 0 };
	const char *named;
	jv existing, item;
	int status;

	if ((status = item_get_internal(db, sku, &existing))) {
		jv_free(fields);
		return status;
	}
	if (rec_has(fields, "sku") &&
	    strcmp((named = rec_text(&texts, fields, "sku")) ? named : "",
		   sku)) {
		jv_free(fields);
		jv_free(existing);
		return biz_fail(BIZ_DATAERR, "an item's SKU cannot change");
	}
	item = item_merge(db, jv_copy(existing), fields, &status);
	if (status) {
		jv_free(existing);
		return status;
	}
	return item_save(db, existing, item, "updated", out);
}

int item_import(struct db *db, jv fields, jv *out)
{
	struct rec_texts texts = { .used = 0 };
	const char *sku = rec_text(&texts, fields, "sku");
	jv existing;
	char key[128];

	if (sku && valid_code(sku) &&
	    item_get_internal(db, sku, &existing) == BIZ_OK) {
		jv_free(existing);
		snprintf(key, sizeof(key), "%s", sku);
		return item_set(db, key, fields, out);
	}
	return item_add(db, fields, out);
}

/* Whether every key of want is in attrs with the same value. */
static int attrs_match(jv attrs, jv want)
{
	int match = 1;

	jv_object_foreach(want, key, value) {
		jv have = jv_object_get(jv_copy(attrs), key);

		if (!jv_equal(have, value))
			match = 0;
	}
	jv_free(want);
	return match;
}

/* A decimal column at scale, or null. */
static void json_key_column_dec(struct json *w, const char *key,
				struct db_stmt *stmt, int index, int scale)
{
	json_key(w, key);
	if (db_column_null(stmt, index))
		json_null(w);
	else
		json_dec(w, db_column_int64(stmt, index), scale);
}

/*
 * Writes the public record of an item row (item_each's columns) into w,
 * emptied first: what item_public(item_from_row()) gives, custom fields
 * after the item's own.
 */
static void item_json(struct json *w, struct db_stmt *stmt)
{
	const char *extra = db_column_text(stmt, 15);

	json_reset(w);
	json_object(w);
	for (int i = 0; i < 7; i++)
		json_key_str(w, item_fields[i], db_column_text(stmt, i));
	/* Stored compact by jv_dump_string(), as printing writes it. */
	json_key_raw(w, "attrs", db_column_text(stmt, 7));
	json_key_column_dec(w, "lead_time", stmt, 8, 3);
	json_key_column_dec(w, "lead_time_sd", stmt, 9, 3);
	json_key_column_dec(w, "service_level", stmt, 10, 4);
	json_key_column_dec(w, "min", stmt, 11, QTY_SCALE);
	json_key_column_dec(w, "max", stmt, 12, QTY_SCALE);
	json_key_column_dec(w, "multiple", stmt, 13, QTY_SCALE);
	json_key_str(w, "supplier", db_column_text(stmt, 14));
	if (extra && strcmp(extra, "{}")) {
		jv fields = jv_parse(extra);

		if (jv_get_kind(fields) == JV_KIND_OBJECT) {
			jv_object_foreach(fields, key, value) {
				if (!is_item_field(jv_string_value(key))) {
					jv text = jv_dump_string(value, 0);

					json_key_raw(w, jv_string_value(key),
						     jv_string_value(text));
					jv_free(text);
				} else {
					jv_free(value);
				}
				jv_free(key);
			}
		}
		jv_free(fields);
	}
	json_end_object(w);
}

int item_each(struct db *db, const struct item_filter *filter,
	      struct sink *out)
{
	static const char sql[] =
		"SELECT sku, name, unit, tracking, costing, barcode, parent, "
		"attrs, lead_time, lead_time_sd, service_level, min_qty, "
		"max_qty, multiple, supplier, extra FROM item "
		"WHERE ?1 IS NULL OR parent = ?1 ORDER BY sku";
	struct db_stmt *stmt = db_stmt(db, sql);
	struct json w = { 0 };
	int rc, status = BIZ_OK;
	int has_attrs = jv_get_kind(filter->attrs) == JV_KIND_OBJECT;

	db_bind_text(stmt, 1, filter->parent);
	while (status == BIZ_OK && (rc = db_row(db, stmt)) == DB_ROW) {
		if (has_attrs) {
			jv attrs = jv_parse(db_column_text(stmt, 7));
			int match = attrs_match(attrs, jv_copy(filter->attrs));

			jv_free(attrs);
			if (!match)
				continue;
		}
		item_json(&w, stmt);
		status = sink_put(out, &w);
	}
	json_release(&w);
	return stock_list_end(stmt, status, rc);
}
