/* customer.c - customers: parsing, deduplication, storage, tags. */
#include "crm.h"

#include <stdlib.h>
#include <string.h>

#include "biz.h"
#include "decimal.h"
#include "event.h"
#include "json.h"
#include "record.h"
#include "sales.h"
#include "service.h"
#include "timeutil.h"
#include "code.h"
#include "banned.h"

static int in_list(const char *const list[], const char *name);

/* A customer's own fields that input sets, in record order. */
static const char *const customer_fields[] = {
	"name", "email", "phone", "industry", "size", "region", "terms", NULL
};

/*
 * Fields of a printed customer record that input does not set: a record
 * printed by crm-customer can be fed back in without them turning into
 * custom fields.
 */
static const char *const customer_derived[] = {
	"id", "tags", "revenue", "last_purchase", "balance", "created_at",
	"op", "deals", "activities", "leads", "orders", "shipments",
	"open_invoices", "tickets", "open_tickets", "avg_csat",
	"csat_answered", "rfm", "segment", "recency_days", "frequency",
	"monetary", NULL
};

static int in_list(const char *const *list, const char *name)
{
	for (int i = 0; list[i]; i++)
		if (!strcmp(list[i], name))
			return 1;
	return 0;
}

int crm_tag_valid(const char *tag)
{
	return code_valid(tag, 0);
}

/*
 * Tags as a JSON array of checked strings, from a JSON array or text
 * split at commas and white space ("vip,export").  value is consumed.
 */
static int parse_tags(jv value, jv *out)
{
	jv tags = jv_array();
	int status = BIZ_OK;

	if (jv_get_kind(value) == JV_KIND_STRING) {
		const char *s = jv_string_value(value);

		while (*s) {
			size_t n = strcspn(s, ", \t\n");

			if (n)
				tags = jv_array_append(tags,
						       jv_string_sized(s, (int)n));
			s += n + (s[n] != '\0');
		}
	} else if (jv_get_kind(value) == JV_KIND_ARRAY) {
		jv_array_foreach(value, i, item) {
			if (jv_get_kind(item) != JV_KIND_STRING) {
				jv_free(item);
				status = biz_fail(BIZ_DATAERR,
						  "tags: not a list of text");
				break;
			}
			tags = jv_array_append(tags, item);
		}
	} else if (jv_get_kind(value) != JV_KIND_NULL) {
		status = biz_fail(BIZ_DATAERR, "tags: not a list of text");
	}
	jv_free(value);
	if (status == BIZ_OK) {
		jv_array_foreach(tags, i, tag) {
			if (status == BIZ_OK &&
			    !crm_tag_valid(jv_string_value(tag)))
				status = biz_fail(BIZ_DATAERR, "tag '%s': no "
						  "spaces or control characters",
						  jv_string_value(tag));
			jv_free(tag);
		}
	}
	if (status) {
		jv_free(tags);
		return status;
	}
	*out = tags;
	return BIZ_OK;
}

/*
 * Splits input fields (consumed) into *own (the customer's fields,
 * checked: text, size and terms numbers), *tags and *extra (the custom
 * fields).  An empty value is no value.
 */
static int customer_parse(jv fields, jv *own, jv *tags, jv *extra)
{
	int status = BIZ_OK;

	*own = jv_object();
	*tags = jv_array();
	*extra = jv_object();
	if (jv_get_kind(fields) != JV_KIND_OBJECT) {
		jv_free(fields);
		return biz_fail(BIZ_DATAERR, "a customer is an object");
	}
	jv_object_foreach(fields, key, value) {
		char number[REC_NUMBER_BUFSZ];
		const char *name = jv_string_value(key);
		const char *text = rec_value_text(value, number);
		int64_t n;

		if (status) {
			jv_free(key);
			jv_free(value);
			continue;
		}
		if (!strcmp(name, "extra") &&
		    jv_get_kind(value) == JV_KIND_OBJECT) {
			*extra = jv_object_merge(*extra, value);
		} else if (!strcmp(name, "tags")) {
			jv parsed;

			if ((status = parse_tags(value, &parsed)) == BIZ_OK) {
				jv_free(*tags);
				*tags = parsed;
			}
		} else if (in_list(customer_fields, name)) {
			if (!text) {
				jv_free(value);
			} else if (!strcmp(name, "size") ||
				   !strcmp(name, "terms")) {
				status = field_integer(name, text, 0,
						       !strcmp(name, "terms") ?
						       36500 : INT32_MAX, &n);
				if (!status)
					rec_set(own, name,
						jv_number((double)n));
				jv_free(value);
			} else if (!strcmp(name, "email") &&
				   !strchr(text, '@')) {
				status = biz_fail(BIZ_DATAERR, "email: '%s' "
						  "has no @", text);
				jv_free(value);
			} else {
				rec_set_str(own, name, text);
				jv_free(value);
			}
		} else if (in_list(customer_derived, name) ||
			   (jv_get_kind(value) == JV_KIND_STRING &&
			    !jv_string_length_bytes(jv_copy(value)))) {
			jv_free(value);
		} else {
			*extra = jv_object_set(*extra, jv_copy(key), value);
		}
		jv_free(key);
	}
	jv_free(fields);
	return status;
}

int customer_field_known(const char *name)
{
	return in_list(customer_fields, name) ||
	       in_list(customer_derived, name) || !strcmp(name, "extra");
}

jv crm_merge_custom(jv record, jv extra)
{
	if (jv_get_kind(extra) == JV_KIND_OBJECT) {
		jv_object_foreach(extra, key, value) {
			/* A custom field never hides one of the record's own. */
			if (jv_object_has(jv_copy(record), jv_copy(key))) {
				jv_free(key);
				jv_free(value);
			} else {
				record = jv_object_set(record, key, value);
			}
		}
	}
	jv_free(extra);
	return record;
}

/* ---- reading ---------------------------------------------------------- */

#define CUSTOMER_SELECT \
	"SELECT id, name, email, phone, industry, size, region, terms, " \
	"created_at, extra FROM customer "

/* Appends customer id's tags, in order, to *tags. */
static int customer_tags(struct db *db, int64_t id, jv *tags)
{
	static const char sql[] =
		"SELECT tag FROM customer_tag WHERE customer_id = ? ORDER BY tag";
	struct db_stmt *stmt = db_stmt(db, sql);
	int rc;

	db_bind_int64(stmt, 1, id);
	while ((rc = db_row(db, stmt)) == DB_ROW)
		*tags = jv_array_append(*tags, db_column_jv(stmt, 0));
	return rc == DB_DONE ? BIZ_OK : rc;
}

/*
 * The record of the customer row stmt is on: its fields, tags (read
 * by another statement), the sales figures, then its custom fields.
 * With reset, stmt is reset once its columns are read.
 */
static int customer_from_row(struct db *db, struct db_stmt *stmt, int reset,
			     jv *out)
{
	static const char *const columns[] = {
		"id", "name", "email", "phone", "industry", "size", "region",
		"terms"
	};
	jv record = jv_object(), tags = jv_array(), created, extra;
	int64_t id = db_column_int64(stmt, 0), revenue, balance;
	char last[32];
	int status;

	for (int i = 0; i < 8; i++)
		rec_set(&record, columns[i], db_column_jv(stmt, i));
	created = db_column_jv(stmt, 8);
	extra = jv_parse(db_column_text(stmt, 9));
	if (reset)
		db_reset(stmt);
	if ((status = customer_tags(db, id, &tags))) {
		jv_free(record);
		jv_free(tags);
		jv_free(created);
		jv_free(extra);
		return status;
	}
	rec_set(&record, "tags", tags);
	/* The sales module's figures: invoices, returns and orders. */
	if ((status = sales_customer_figures(db, id, &revenue, last,
					     &balance))) {
		jv_free(record);
		jv_free(created);
		jv_free(extra);
		return status;
	}
	rec_set(&record, "revenue", dec_to_jv(revenue, db->money_scale));
	rec_set_str(&record, "last_purchase", *last ? last : NULL);
	rec_set(&record, "balance", dec_to_jv(balance, db->money_scale));
	rec_set(&record, "created_at", created);
	*out = crm_merge_custom(record, extra);
	return BIZ_OK;
}

int customer_get(struct db *db, int64_t id, jv *out)
{
	static const char sql[] = CUSTOMER_SELECT "WHERE id = ?";
	struct db_stmt *stmt = db_stmt(db, sql);
	int rc;

	if ((rc = db_one_id(db, stmt, id, "customer")))
		return rc;
	if (!out) {
		db_reset(stmt);
		return BIZ_OK;
	}
	return customer_from_row(db, stmt, 1, out);
}

/* The extra column of customer id, as an object. */
static int customer_extra(struct db *db, int64_t id, jv *out)
{
	static const char sql[] = "SELECT extra FROM customer WHERE id = ?";
	struct db_stmt *stmt = db_stmt(db, sql);
	int rc;

	if ((rc = db_one_id(db, stmt, id, "customer")))
		return rc;
	*out = jv_parse(db_column_text(stmt, 0));
	db_reset(stmt);
	return BIZ_OK;
}

int customer_find(struct db *db, const char *email, const char *name,
		  int64_t *id)
{
	static const char by_email[] =
		"SELECT id FROM customer WHERE email_key = ? ORDER BY id "
		"LIMIT 1";
	static const char by_name[] =
		"SELECT id FROM customer WHERE name = ? ORDER BY id LIMIT 1";
	char *key = crm_email_key(email);
	int status = BIZ_OK;

	*id = 0;
	if (key)
		status = db_id_by_text(db, by_email, key, id);
	free(key);
	if (!status && !*id && name)
		status = db_id_by_text(db, by_name, name, id);
	return status;
}

/*
 * What customer_each() reads for all customers at once: a customer's
 * tags and its sales figures (NULL: none, all zero).
 */
struct customer_known {
	jv tags;
	const struct sales_figures *figures;
};

/* Writes column index of stmt under key as db_column_jv() gives it. */
static void customer_write_column(struct json *w, const char *key,
				  struct db_stmt *stmt, int index)
{
	jv value = db_column_jv(stmt, index);

	json_key(w, key);
	json_jv(w, value);
	jv_free(value);
}

/*
 * Writes the customer record of the row stmt is on into w, left open
 * for more members: customer_from_row()'s record, member for member,
 * straight to the writer.  Its tags and figures are known's (consumed)
 * or, without known, read for this customer.
 */
static int customer_write_open(struct db *db, struct db_stmt *stmt,
			       struct customer_known *known, struct json *w)
{
	/* The integer columns (id, size, terms) are printed as jv numbers. */
	static const char *const columns[] = {
		"id", "name", "email", "phone", "industry", "size", "region",
		"terms"
	};
	static const struct sales_figures none = { 0 };
	struct sales_figures figures = { 0 };
	struct customer_known own = { 0 };
	const struct sales_figures *f;
	const char *extra = db_column_text(stmt, 9);
	int64_t id = db_column_int64(stmt, 0);
	struct strbuf text = { 0 };
	jv record;
	int status;

	/* Custom fields (rare): the record built and merged, then dumped. */
	if (extra && strcmp(extra, "{}")) {
		if (known)
			jv_free(known->tags);
		if ((status = customer_from_row(db, stmt, 0, &record)))
			return status;
		rec_dump(&text, record);
		jv_free(record);
		json_object(w);
		json_members(w, text.buf);
		strbuf_release(&text);
		return BIZ_OK;
	}
	if (!known) {
		own.tags = jv_array();
		if ((status = customer_tags(db, id, &own.tags)) ||
		    (status = sales_customer_figures(db, id, &figures.revenue,
						     figures.last,
						     &figures.balance))) {
			jv_free(own.tags);
			return status;
		}
		own.figures = &figures;
		known = &own;
	}
	f = known->figures ? known->figures : &none;
	json_object(w);
	for (int i = 0; i < 8; i++) {
		if (i == 0 || i == 5 || i == 7)
			customer_write_column(w, columns[i], stmt, i);
		else
			db_json_column(w, columns[i], stmt, i);
	}
	json_key(w, "tags");
	json_jv(w, known->tags);
	jv_free(known->tags);
	json_key_dec(w, "revenue", f->revenue, db->money_scale);
	json_key_str(w, "last_purchase", *f->last ? f->last : NULL);
	json_key_dec(w, "balance", f->balance, db->money_scale);
	db_json_column(w, "created_at", stmt, 8);
	return BIZ_OK;
}

/* Whether customer id has tag. */
static int customer_has_tag(struct db *db, int64_t id, const char *tag,
			    int *has)
{
	static const char sql[] =
		"SELECT 1 FROM customer_tag WHERE customer_id = ? AND tag = ?";
	struct db_stmt *stmt = db_stmt(db, sql);
	int rc;

	db_bind_int64(stmt, 1, id);
	db_bind_text(stmt, 2, tag);
	rc = db_one(db, stmt);
	db_reset(stmt);
	*has = rc == DB_ROW;
	return rc == DB_ROW || rc == DB_DONE ? BIZ_OK : rc;
}

/*
 * Moves *tag_rc's statement tags (on customer_id, tag order) past the
 * customers before id, then gathers id's tags into *tags.
 */
static int customer_tags_next(struct db *db, struct db_stmt *tags_stmt,
			      int *tag_rc, int64_t id, jv *tags)
{
	*tags = jv_array();
	while (*tag_rc == DB_ROW && db_column_int64(tags_stmt, 0) < id)
		*tag_rc = db_row(db, tags_stmt);
	while (*tag_rc == DB_ROW && db_column_int64(tags_stmt, 0) == id) {
		*tags = jv_array_append(*tags, db_column_jv(tags_stmt, 1));
		*tag_rc = db_row(db, tags_stmt);
	}
	return *tag_rc == DB_ROW || *tag_rc == DB_DONE ? BIZ_OK : *tag_rc;
}

int customer_each(struct db *db, const struct customer_filter *filter,
		  struct sink *out)
{
	static const char sql[] = CUSTOMER_SELECT
		"WHERE (?1 IS NULL OR industry = ?1) AND "
		"(?2 IS NULL OR region = ?2) AND (?3 IS NULL OR id IN "
		"(SELECT customer_id FROM customer_tag WHERE tag = ?3)) "
		"ORDER BY id";
	/* Every customer's tags and figures read at once, walked along. */
	static const char tags_sql[] =
		"SELECT customer_id, tag FROM customer_tag "
		"ORDER BY customer_id, tag";
	struct db_stmt *stmt = db_stmt(db, sql), *tags_stmt;
	struct sales_figures *figures = NULL;
	size_t nfigures = 0, next = 0;
	struct json w = { 0 };
	int status, rc = DB_DONE, tag_rc;

	if ((status = sales_customer_figures_all(db, &figures, &nfigures)))
		return sink_done(status);
	tags_stmt = db_stmt(db, tags_sql);
	tag_rc = db_row(db, tags_stmt);
	db_bind_text(stmt, 1, filter->industry);
	db_bind_text(stmt, 2, filter->region);
	db_bind_text(stmt, 3, filter->ntags ? filter->tags[0] : NULL);
	while (status == BIZ_OK && (rc = db_row(db, stmt)) == DB_ROW) {
		int64_t id = db_column_int64(stmt, 0);
		struct customer_known known = { 0 };
		int all = 1;

		/* The first tag is the query's; the others are looked up. */
		for (size_t t = 1; t < filter->ntags && all &&
		     status == BIZ_OK; t++)
			status = customer_has_tag(db, id, filter->tags[t],
						  &all);
		if (status || !all)
			continue;
		if ((status = customer_tags_next(db, tags_stmt, &tag_rc, id,
						 &known.tags))) {
			jv_free(known.tags);
			break;
		}
		while (next < nfigures && figures[next].customer < id)
			next++;
		if (next < nfigures && figures[next].customer == id)
			known.figures = &figures[next];
		json_reset(&w);
		if ((status = customer_write_open(db, stmt, &known, &w)))
			break;
		/* A caller's own members, or its 1: leave this one out. */
		if (filter->extend &&
		    (status = filter->extend(db, id, &w, filter->extend_arg))) {
			status = status == 1 ? BIZ_OK : status;
			continue;
		}
		json_end_object(&w);
		status = sink_put(out, &w);
	}
	db_reset(stmt);
	db_reset(tags_stmt);
	json_release(&w);
	free(figures);
	if (status == BIZ_OK && rc != DB_DONE)
		return rc;
	return sink_done(status);
}

/* ---- writing ---------------------------------------------------------- */

/*
 * Writes the own fields of fields (all of customer_fields) into
 * customer id (0: a new one, *id set) with extra as custom fields.
 */
static int customer_store(struct db *db, int64_t *id, jv own, jv extra)
{
	static const char insert[] =
		"INSERT INTO customer(name, email, phone, industry, size, "
		"region, terms, email_key, phone_key, extra, created_at, "
		"updated_at) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, "
		"?11, ?11)";
	static const char update[] =
		"UPDATE customer SET name = ?1, email = ?2, phone = ?3, "
		"industry = ?4, size = ?5, region = ?6, terms = ?7, "
		"email_key = ?8, phone_key = ?9, extra = ?10, updated_at = ?11 "
		"WHERE id = ?12";
	struct rec_texts texts = { .used = 0 };
	struct db_stmt *stmt = db_stmt(db, *id ? update : insert);
	char *email = crm_email_key(rec_text(&texts, own, "email"));
	char *phone = crm_phone_key(rec_text(&texts, own, "phone"));
	struct strbuf text = { 0 };
	char at[TS_BUFSZ];
	int status;

	rec_dump(&text, extra);
	for (int i = 0; customer_fields[i]; i++)
		db_bind_text(stmt, i + 1,
			     rec_text(&texts, own, customer_fields[i]));
	db_bind_text(stmt, 8, email);
	db_bind_text(stmt, 9, phone);
	db_bind_text(stmt, 10, text.buf);
	db_bind_text(stmt, 11, time_format(db->now, at));
	if (*id)
		db_bind_int64(stmt, 12, *id);
	status = db_done(db, stmt);
	if (status == BIZ_OK && !*id)
		*id = db_last_id(db);
	free(email);
	free(phone);
	strbuf_release(&text);
	return status;
}

/* Adds (add) or removes tag on customer id; *changed when it did. */
static int customer_tag_one(struct db *db, int64_t id, const char *tag,
			    int add, int *changed)
{
	static const char insert[] =
		"INSERT INTO customer_tag(customer_id, tag) VALUES (?, ?) "
		"ON CONFLICT DO NOTHING";
	static const char delete[] =
		"DELETE FROM customer_tag WHERE customer_id = ? AND tag = ?";
	struct db_stmt *stmt = db_stmt(db, add ? insert : delete);
	int status;

	db_bind_int64(stmt, 1, id);
	db_bind_text(stmt, 2, tag);
	if ((status = db_done(db, stmt)))
		return status;
	*changed += db_changes(db) > 0;
	return BIZ_OK;
}

/*
 * The id of the customer own's email or phone duplicates (its name when
 * it has neither), 0 if none.
 */
static int customer_duplicate(struct db *db, jv own, int64_t *id)
{
	static const char by_phone[] =
		"SELECT id FROM customer WHERE phone_key = ? ORDER BY id "
		"LIMIT 1";
	struct rec_texts texts = { .used = 0 };
	char *phone;
	int status, rc = DB_DONE;

	if ((status = customer_find(db, rec_text(&texts, own, "email"), NULL,
				    id)) || *id)
		return status;
	phone = crm_phone_key(rec_text(&texts, own, "phone"));
	if (!phone && !rec_text(&texts, own, "email"))
		/* Nothing else to go by: the same name is the same party. */
		return customer_find(db, NULL, rec_text(&texts, own, "name"),
				     id);
	if (phone) {
		struct db_stmt *stmt = db_stmt(db, by_phone);

		db_bind_text(stmt, 1, phone);
		rc = db_one(db, stmt);
		if (rc == DB_ROW)
			*id = db_column_int64(stmt, 0);
		db_reset(stmt);
		free(phone);
	}
	return rc == DB_ROW || rc == DB_DONE ? BIZ_OK : rc;
}

/* Adds each of tags (borrowed) to customer id, counting in *changed. */
static int customer_add_tags(struct db *db, int64_t id, jv tags,
			     int *changed)
{
	int status = BIZ_OK;

	jv_array_foreach(tags, i, tag) {
		if (status == BIZ_OK)
			status = customer_tag_one(db, id, jv_string_value(tag),
						  1, changed);
		jv_free(tag);
	}
	return status;
}

/* Merges own, tags and extra into customer id; *filled what changed. */
static int customer_merge(struct db *db, int64_t id, jv own, jv tags,
			  jv extra, jv *filled)
{
	struct rec_texts texts = { .used = 0 };
	jv existing, old_extra;
	int status, changed = 0;

	*filled = jv_object();
	if ((status = customer_get(db, id, &existing)))
		return status;
	if ((status = customer_extra(db, id, &old_extra))) {
		jv_free(existing);
		return status;
	}
	jv_object_foreach(own, key, value) {
		if (!rec_text(&texts, existing, jv_string_value(key))) {
			*filled = jv_object_set(*filled, jv_copy(key),
						jv_copy(value));
			existing = jv_object_set(existing, key, value);
		} else {
			jv_free(key);
			jv_free(value);
		}
	}
	jv_object_foreach(extra, key, value) {
		if (!jv_object_has(jv_copy(old_extra), jv_copy(key))) {
			*filled = jv_object_set(*filled, jv_copy(key),
						jv_copy(value));
			old_extra = jv_object_set(old_extra, key, value);
		} else {
			jv_free(key);
			jv_free(value);
		}
	}
	if ((status = customer_add_tags(db, id, tags, &changed)))
		goto done;
	if (changed)
		rec_set(filled, "tags", jv_copy(tags));
	if (jv_object_length(jv_copy(*filled)) > 0 &&
	    (status = customer_store(db, &id, existing, old_extra)))
		goto done;
done:
	jv_free(existing);
	jv_free(old_extra);
	return status;
}

int customer_upsert(struct db *db, jv fields, jv *out)
{
	struct rec_texts texts = { .used = 0 };
	jv own, tags, extra, filled = jv_null();
	int64_t id = 0;
	const char *op;
	int status, changed = 0;

	if ((status = customer_parse(fields, &own, &tags, &extra)) ||
	    (status = customer_duplicate(db, own, &id)))
		goto done;
	if (id) {
		if ((status = customer_merge(db, id, own, tags, extra,
					     &filled)))
			goto done;
		op = jv_object_length(jv_copy(filled)) ? "merged" : "unchanged";
		if (!strcmp(op, "merged") &&
		    (status = event_append_id(db, "customer.merged",
					      "customer", id,
					      jv_copy(filled))))
			goto done;
	} else {
		if (!rec_text(&texts, own, "name")) {
			status = biz_fail(BIZ_DATAERR, "a customer needs a "
					  "name");
			goto done;
		}
		op = "created";
		if ((status = customer_store(db, &id, own, extra)) ||
		    (status = customer_add_tags(db, id, tags, &changed)))
			goto done;
	}
	if ((status = customer_get(db, id, out)))
		goto done;
	if (!strcmp(op, "created") &&
	    (status = event_append_id(db, "customer.created", "customer", id,
				      jv_copy(*out)))) {
		jv_free(*out);
		goto done;
	}
	rec_set_str(out, "op", op);
done:
	jv_free(own);
	jv_free(tags);
	jv_free(extra);
	jv_free(filled);
	return status;
}

int customer_set(struct db *db, int64_t id, jv fields, jv *out)
{
	jv own, tags, extra, existing, before, old_extra, cleared;
	int status, extra_changed = 0;

	/* An empty value given to set clears the field (not the name). */
	cleared = jv_array();
	jv_object_foreach(fields, key, value) {
		if (in_list(customer_fields, jv_string_value(key)) &&
		    jv_get_kind(value) == JV_KIND_STRING &&
		    !jv_string_length_bytes(jv_copy(value)))
			cleared = jv_array_append(cleared, jv_copy(key));
		jv_free(key);
		jv_free(value);
	}
	if (rec_has(fields, "tags")) {
		jv_free(fields);
		jv_free(cleared);
		return biz_fail(BIZ_DATAERR, "tags: change them with tag and "
				"untag");
	}
	if ((status = customer_parse(fields, &own, &tags, &extra))) {
		jv_free(own);
		jv_free(tags);
		jv_free(extra);
		jv_free(cleared);
		return status;
	}
	jv_free(tags);
	if ((status = customer_get(db, id, &existing)) ||
	    (status = customer_extra(db, id, &old_extra))) {
		if (status == BIZ_OK)
			jv_free(existing);
		jv_free(own);
		jv_free(extra);
		jv_free(cleared);
		return status;
	}
	before = jv_copy(existing);
	jv_array_foreach(cleared, i, key) {
		if (!strcmp(jv_string_value(key), "name"))
			status = biz_fail(BIZ_DATAERR, "a customer needs a "
					  "name");
		existing = jv_object_set(existing, key, jv_null());
	}
	existing = jv_object_merge(existing, own);
	jv_object_foreach(extra, key, value) {
		if (!jv_equal(jv_object_get(jv_copy(old_extra), jv_copy(key)),
			      jv_copy(value)))
			extra_changed = 1;
		old_extra = jv_object_set(old_extra, key, value);
	}
	jv_free(extra);
	if (status)
		goto done;
	if (extra_changed || !jv_equal(jv_copy(before), jv_copy(existing))) {
		if ((status = customer_store(db, &id, existing, old_extra)))
			goto done;
		if ((status = customer_get(db, id, out)))
			goto done;
		if ((status = event_append_id(db, "customer.updated",
					      "customer", id,
					      jv_copy(*out)))) {
			jv_free(*out);
			goto done;
		}
		rec_set_str(out, "op", "updated");
	} else {
		if ((status = customer_get(db, id, out)))
			goto done;
		rec_set_str(out, "op", "unchanged");
	}
done:
	jv_free(before);
	jv_free(existing);
	jv_free(old_extra);
	jv_free(cleared);
	return status;
}

int customer_tag(struct db *db, int64_t id, jv tags, int add, jv *out)
{
	int status, changed = 0;

	if ((status = customer_get(db, id, NULL)))
		goto done;
	jv_array_foreach(tags, i, tag) {
		if (status == BIZ_OK && !crm_tag_valid(jv_string_value(tag)))
			status = biz_fail(BIZ_DATAERR, "tag '%s': no spaces "
					  "or control characters",
					  jv_string_value(tag));
		if (status == BIZ_OK)
			status = customer_tag_one(db, id, jv_string_value(tag),
						  add, &changed);
		jv_free(tag);
	}
	if (status)
		goto done;
	if (changed &&
	    (status = event_append_id(db, add ? "customer.tagged" :
					  "customer.untagged", "customer", id,
				      JV_OBJECT(jv_string("tags"),
						jv_copy(tags)))))
		goto done;
	if ((status = customer_get(db, id, out)))
		goto done;
	rec_set_str(out, "op", changed ? "updated" : "unchanged");
done:
	jv_free(tags);
	return status;
}

/* ---- the 360-degree view ---------------------------------------------- */

/* How many of the latest activities show prints. */
#define CUSTOMER_SHOW_ACTIVITIES 10
/* And its latest orders. */
#define CUSTOMER_SHOW_ORDERS 10
/* And its latest shipments and tickets. */
#define CUSTOMER_SHOW_SHIPMENTS 20
#define CUSTOMER_SHOW_TICKETS 20

/* Writes the member "leads": the leads converted into customer id. */
static int customer_write_leads(struct db *db, int64_t id, struct json *w)
{
	static const char sql[] =
		"SELECT l.id, l.name, l.company, l.email, l.source, l.owner, "
		"c.deal_id, c.at FROM lead_conversion c JOIN lead l "
		"ON l.id = c.lead_id WHERE c.customer_id = ? "
		"ORDER BY c.at, c.lead_id";
	static const char *const columns[] = {
		"id", "name", "company", "email", "source", "owner", "deal",
		"converted_at"
	};
	struct db_stmt *stmt = db_stmt(db, sql);

	db_bind_int64(stmt, 1, id);
	return db_json_rows(db, stmt, w, "leads", columns, 8);
}

/*
 * Writes the service module's figures: how many tickets are open, the
 * mean satisfaction of those closed with one (2 places, half up; null
 * without) and how many answered.
 */
static int customer_write_service(struct db *db, int64_t id, struct json *w)
{
	struct service_figures f = { 0 };
	int status;

	if ((status = service_customer_figures(db, id, &f)))
		return status;
	json_key_int(w, "open_tickets", f.open_tickets);
	json_key(w, "avg_csat");
	if (f.csat_answered)
		json_dec(w, (f.csat_sum * 200 + f.csat_answered) /
			 (2 * f.csat_answered), 2);
	else
		json_null(w);
	json_key_int(w, "csat_answered", f.csat_answered);
	return BIZ_OK;
}

/* Writes the member "activities": customer id's latest, newest first. */
static int customer_write_activities(struct db *db, int64_t id,
				     struct json *w)
{
	static const char sql[] =
		"SELECT id, kind, rep, lead_id, customer_id, deal_id, outcome, "
		"minutes, at FROM activity WHERE customer_id = ? "
		"ORDER BY at DESC, id DESC LIMIT ?";
	static const char *const columns[] = {
		"id", "kind", "rep", "lead", "customer", "deal", "outcome",
		"minutes", "at"
	};
	struct db_stmt *stmt = db_stmt(db, sql);

	db_bind_int64(stmt, 1, id);
	db_bind_int64(stmt, 2, CUSTOMER_SHOW_ACTIVITIES);
	return db_json_rows(db, stmt, w, "activities", columns, 9);
}

int customer_show(struct db *db, int64_t id, struct sink *out)
{
	static const char sql[] = CUSTOMER_SELECT "WHERE id = ?";
	struct db_stmt *stmt = db_stmt(db, sql);
	struct deal_filter filter = { 0 };
	struct json w = { 0 };
	int rc, status;

	if ((rc = db_one_id(db, stmt, id, "customer")))
		return rc;
	status = customer_write_open(db, stmt, NULL, &w);
	db_reset(stmt);
	filter.customer = id;
	filter.newest_first = 1;
	if (status == BIZ_OK &&
	    (status = customer_write_service(db, id, &w)) == BIZ_OK &&
	    (status = customer_write_leads(db, id, &w)) == BIZ_OK) {
		json_key(&w, "deals");
		status = deal_write_each(db, &filter, &w);
	}
	/* Other domains' documents: the latest orders, open invoices. */
	if (status == BIZ_OK)
		status = sales_customer_write(db, id, CUSTOMER_SHOW_ORDERS,
					      &w);
	if (status == BIZ_OK)
		status = sales_customer_write_shipments(db, id,
				CUSTOMER_SHOW_SHIPMENTS, &w);
	if (status == BIZ_OK)
		status = service_customer_write_tickets(db, id,
				CUSTOMER_SHOW_TICKETS, &w);
	if (status == BIZ_OK &&
	    (status = customer_write_activities(db, id, &w)) == BIZ_OK) {
		json_end_object(&w);
		status = sink_done(sink_put(out, &w));
	}
	json_release(&w);
	return status;
}
