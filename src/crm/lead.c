/* lead.c - leads: parsing, deduplication, storage, assignment. */
#include "crm.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "biz.h"
#include "array.h"
#include "event.h"
#include "json.h"
#include "record.h"
#include "timeutil.h"
#include "banned.h"

/*
 * A lead's own fields, in record order; everything else in an input
 * record is a custom field kept in "extra".
 */
static const char *const lead_fields[] = {
	"name", "company", "email", "phone", "source", "external_id",
	"region", "industry", "size", NULL
};

int lead_field_known(const char *name)
{
	static const char *const record_only[] = {
		"id", "status", "owner", "assigned_at", "first_contact_at",
		"created_at", "op", NULL
	};

	for (int i = 0; lead_fields[i]; i++)
		if (!strcmp(name, lead_fields[i]))
			return 1;
	for (int i = 0; record_only[i]; i++)
		if (!strcmp(name, record_only[i]))
			return 1;
	return 0;
}

/* The columns of a lead row before "extra", in record order. */
static const char *const lead_columns[] = {
	"id", "name", "company", "email", "phone", "source", "external_id",
	"region", "industry", "size", "status", "owner", "assigned_at",
	"first_contact_at", "created_at", NULL
};

/* The columns lead_from_row() reads, for a WHERE to follow. */
#define LEAD_SELECT \
	"SELECT id, name, company, email, phone, source, external_id, " \
	"region, industry, size, status, owner, assigned_at, " \
	"first_contact_at, created_at, extra FROM lead "
/* The index of "extra" in LEAD_SELECT, after lead_columns[]. */
#define LEAD_EXTRA_COLUMN 15

/* The internal record of a lead row: its fields plus "extra". */
static jv lead_from_row(struct db_stmt *stmt)
{
	jv lead = jv_object();
	int i;

	for (i = 0; lead_columns[i]; i++)
		rec_set(&lead, lead_columns[i], db_column_jv(stmt, i));
	rec_set(&lead, "extra", jv_parse(db_column_text(stmt, i)));
	return lead;
}

jv lead_public(jv lead)
{
	jv extra = jv_object_get(jv_copy(lead), jv_string("extra"));

	lead = rec_delete(lead, "extra");
	if (jv_get_kind(extra) != JV_KIND_OBJECT) {
		jv_free(extra);
		return lead;
	}
	jv_object_foreach(extra, key, value) {
		/* A custom field never hides one of the lead's own. */
		if (jv_object_has(jv_copy(lead), jv_copy(key))) {
			jv_free(key);
			jv_free(value);
		} else {
			lead = jv_object_set(lead, key, value);
		}
	}
	jv_free(extra);
	return lead;
}

/* Lead id's row in *stmt (db_reset() it), or BIZ_DATAERR: no such lead. */
static int lead_row(struct db *db, int64_t id, struct db_stmt **stmt)
{
	int rc;

	*stmt = db_stmt(db, LEAD_SELECT "WHERE id = ?");
	db_bind_int64(*stmt, 1, id);
	rc = db_one(db, *stmt);
	if (rc == DB_DONE)
		return biz_fail(BIZ_DATAERR, "no lead %lld", (long long)id);
	return rc == DB_ROW ? BIZ_OK : rc;
}

int lead_load(struct db *db, int64_t id, jv *out)
{
	struct db_stmt *stmt;
	int status = lead_row(db, id, &stmt);

	if (status)
		return status;
	*out = lead_from_row(stmt);
	db_reset(stmt);
	return BIZ_OK;
}

/*
 * Whether a custom field of extra_text (the extra column) is to be left
 * out of a record or given the op: one named as a lead column, or "op"
 * when a record carries one.  Most leads have none, and their custom
 * fields are copied as stored.
 */
static int custom_clashes(const char *extra_text, const char *op)
{
	char quoted[40];

	if (op && strstr(extra_text, "\"op\":"))
		return 1;
	for (int i = 0; lead_columns[i]; i++) {
		snprintf(quoted, sizeof(quoted), "\"%s\":", lead_columns[i]);
		if (strstr(extra_text, quoted))
			return 1;
	}
	return 0;
}

/*
 * Writes the lead of the row (lead_load()'s columns) as its public record
 * into w: the columns, then the custom fields that no column hides, then
 * "op" unless op is NULL (a custom "op" takes op's value in its place).
 */
static void lead_write_row(struct json *w, struct db_stmt *stmt,
			   const char *op)
{
	const char *extra_text = db_column_text(stmt, LEAD_EXTRA_COLUMN);
	int i, wrote_op = 0;
	jv extra;

	json_object(w);
	for (i = 0; lead_columns[i]; i++)
		db_json_column(w, lead_columns[i], stmt, i);
	if (!extra_text || !custom_clashes(extra_text, op)) {
		json_members(w, extra_text);
	} else {
		extra = jv_parse(extra_text);
		if (jv_get_kind(extra) == JV_KIND_OBJECT) {
			jv_object_foreach(extra, key, value) {
				const char *name = jv_string_value(key);
				int hidden = 0;

				for (i = 0; lead_columns[i]; i++)
					hidden |= !strcmp(name,
							  lead_columns[i]);
				if (op && !strcmp(name, "op")) {
					json_key_str(w, "op", op);
					wrote_op = 1;
				} else if (!hidden) {
					json_key(w, name);
					json_jv(w, value);
				}
				jv_free(key);
				jv_free(value);
			}
		}
		jv_free(extra);
	}
	if (op && !wrote_op)
		json_key_str(w, "op", op);
	json_end_object(w);
}

/* db_put_rows()'s writer. */
static void lead_row_record(struct json *w, struct db_stmt *stmt, void *arg)
{
	(void)arg;
	lead_write_row(w, stmt, NULL);
}

/* Puts lead id to out as its public record with "op" op. */
static int lead_put(struct db *db, int64_t id, const char *op,
		    struct sink *out)
{
	struct db_stmt *stmt;
	struct json w = { 0 };
	int status = lead_row(db, id, &stmt);

	if (status)
		return status;
	lead_write_row(&w, stmt, op);
	db_reset(stmt);
	status = sink_done(sink_put(out, &w));
	json_release(&w);
	return status;
}

int lead_get(struct db *db, int64_t id, struct sink *out)
{
	return lead_put(db, id, NULL, out);
}

const char *const lead_status_names[] = {
	"new", "assigned", "contacted", "qualified", "converted", "lost", NULL
};

/* Whether text is a lead status. */
static int lead_status_known(const char *text)
{
	for (int i = 0; lead_status_names[i]; i++)
		if (!strcmp(text, lead_status_names[i]))
			return 1;
	return 0;
}

int lead_each(struct db *db, const struct lead_filter *filter,
	      struct sink *out)
{
	static const char sql[] = LEAD_SELECT
		"WHERE (?1 IS NULL OR status = ?1) AND (?2 IS NULL OR "
		"owner = ?2) AND (?3 IS NULL OR source = ?3) AND "
		"(NOT ?4 OR owner IS NULL) AND (NOT ?5 OR (owner IS NULL AND "
		"id IN (SELECT lead_id FROM lead_route))) ORDER BY id";
	struct db_stmt *stmt;
	int status;

	/* A value outside the closed set is usage; an unknown rep, data. */
	if (filter->status && !lead_status_known(filter->status))
		return biz_fail(BIZ_USAGE, "status: '%s' is not one of new, "
				"assigned, contacted, qualified, converted, "
				"lost", filter->status);
	if (filter->owner && (status = rep_exists(db, filter->owner)))
		return status;
	stmt = db_stmt(db, sql);
	db_bind_text(stmt, 1, filter->status);
	db_bind_text(stmt, 2, filter->owner);
	db_bind_text(stmt, 3, filter->source);
	db_bind_int64(stmt, 4, filter->unassigned);
	db_bind_int64(stmt, 5, filter->unroutable);
	return db_put_rows(db, stmt, lead_row_record, NULL, out);
}

/* Lower-case ASCII of an email: the deduplication key (crm.h). */
char *crm_email_key(const char *email)
{
	char *key;

	if (!email)
		return NULL;
	key = xstrdup(email);
	for (char *p = key; *p; p++)
		*p = (char)tolower((unsigned char)*p);
	return key;
}

/* The digits of a phone number, NULL if it has none (crm.h). */
char *crm_phone_key(const char *phone)
{
	char *key, *k;

	if (!phone)
		return NULL;
	k = key = xmalloc(strlen(phone) + 1);
	for (; *phone; phone++)
		if (*phone >= '0' && *phone <= '9')
			*k++ = *phone;
	*k = '\0';
	if (!*key) {
		free(key);
		return NULL;
	}
	return key;
}

/* Indexes into lead_fields[]. */
enum {
	LEAD_NAME, LEAD_COMPANY, LEAD_EMAIL, LEAD_PHONE, LEAD_SOURCE,
	LEAD_EXTERNAL_ID, LEAD_REGION, LEAD_INDUSTRY, LEAD_SIZE, LEAD_NFIELDS
};

#define LEAD_NUMBER_BUFSZ REC_NUMBER_BUFSZ

/*
 * A lead's fields as one input record gives them, checked: its own as C
 * text (a string's borrowed from the record, a number's copied here), in
 * the record's order, and the rest as the custom fields object.  An
 * import writes the lead from it without building another jv object.
 */
struct lead_input {
	jv record;			/* holds the borrowed text */
	const char *text[LEAD_NFIELDS];	/* NULL: null, empty or absent */
	char number[LEAD_NFIELDS][LEAD_NUMBER_BUFSZ];
	int64_t size;
	int given[LEAD_NFIELDS];	/* the fields present, in order */
	int ngiven;
	jv extra;
	char *email_key, *phone_key;
};

static int lead_field_index(const char *name)
{
	for (int i = 0; lead_fields[i]; i++)
		if (!strcmp(name, lead_fields[i]))
			return i;
	return -1;
}

static void lead_input_release(struct lead_input *in)
{
	jv_free(in->record);
	jv_free(in->extra);
	free(in->email_key);
	free(in->phone_key);
}

/*
 * Splits input fields (consumed) into a lead's own (checked: text, or a
 * whole number for size) and custom ones.  Release *in whatever the
 * status.
 */
static int lead_parse(struct lead_input *in, jv fields)
{
	int status = BIZ_OK;

	memset(in->text, 0, sizeof(in->text));
	in->ngiven = 0;
	in->record = fields;
	in->extra = jv_object();
	in->email_key = in->phone_key = NULL;
	jv_object_foreach(fields, key, value) {
		const char *name = jv_string_value(key);
		int field = lead_field_index(name);
		/* Borrowed from value, which fields still holds, or written
		 * in the field's own buffer. */
		const char *text = field < 0 ? NULL :
				   rec_value_text(value, in->number[field]);

		if (!strcmp(name, "extra") &&
		    jv_get_kind(value) == JV_KIND_OBJECT) {
			/* A record printed by crm-lead keeps its customs
			 * flat; one from the database has them here. */
			in->extra = jv_object_merge(in->extra, value);
			jv_free(key);
			continue;
		}
		if (field < 0) {
			/* An empty CSV cell is no value, not an empty one. */
			if (jv_get_kind(value) == JV_KIND_STRING &&
			    !jv_string_length_bytes(jv_copy(value))) {
				jv_free(key);
				jv_free(value);
			} else {
				in->extra = jv_object_set(in->extra, key,
							  value);
			}
			continue;
		}
		if (field == LEAD_SIZE && text) {
			if (field_integer("size", text, 0, INT32_MAX,
					  &in->size))
				status = BIZ_DATAERR;
			else
				snprintf(in->number[field], LEAD_NUMBER_BUFSZ,
					 "%lld", (long long)in->size);
			text = in->number[field];
		} else if (field == LEAD_EMAIL && text && !strchr(text, '@')) {
			status = biz_fail(BIZ_DATAERR, "email: '%s' has no @",
					  text);
		}
		in->text[field] = text;
		in->given[in->ngiven++] = field;
		jv_free(key);
		jv_free(value);
		if (status)
			break;
	}
	if (status == BIZ_OK) {
		in->email_key = crm_email_key(in->text[LEAD_EMAIL]);
		in->phone_key = crm_phone_key(in->text[LEAD_PHONE]);
	}
	return status;
}

/* Own field f of in as a jv: text, size as a number, or null. */
static jv lead_input_value(const struct lead_input *in, int f)
{
	if (!in->text[f])
		return jv_null();
	if (f == LEAD_SIZE)
		return jv_number((double)in->size);
	return jv_string(in->text[f]);
}

/*
 * in as a jv object: the fields given, in their order, and "extra", the
 * custom fields.  The merge and lead_set work on this shape.
 */
static jv lead_input_jv(const struct lead_input *in)
{
	jv lead = jv_object();

	for (int i = 0; i < in->ngiven; i++)
		rec_set(&lead, lead_fields[in->given[i]],
			lead_input_value(in, in->given[i]));
	rec_set(&lead, "extra", jv_copy(in->extra));
	return lead;
}

/* Rewrites the columns of lead id from an internal lead record. */
static int lead_store(struct db *db, jv lead, int64_t id)
{
	static const char sql[] =
		"UPDATE lead SET name = ?1, company = ?2, email = ?3, "
		"phone = ?4, source = ?5, external_id = ?6, region = ?7, "
		"industry = ?8, size = ?9, email_key = ?10, phone_key = ?11, "
		"extra = ?12, updated_at = ?13, status = ?14, owner = ?15, "
		"assigned_at = ?16, first_contact_at = ?17 WHERE id = ?18";
	static const char *const tail[] = {
		"status", "owner", "assigned_at", "first_contact_at"
	};
	struct db_stmt *stmt = db_stmt(db, sql);
	char number[REC_NUMBER_BUFSZ];
	char *email = crm_email_key(rec_field_text(lead, "email", number));
	char *phone = crm_phone_key(rec_field_text(lead, "phone", number));
	jv extra = jv_object_get(jv_copy(lead), jv_string("extra"));
	struct strbuf extra_text = { 0 };
	char at[TS_BUFSZ];
	int status;

	rec_dump(&extra_text, extra);
	jv_free(extra);
	/* Each text is bound (copied) before the buffer is reused. */
	for (int i = 0; lead_fields[i]; i++)
		db_bind_text(stmt, i + 1,
			     rec_field_text(lead, lead_fields[i], number));
	db_bind_text(stmt, 10, email);
	db_bind_text(stmt, 11, phone);
	db_bind_text(stmt, 12, extra_text.buf);
	db_bind_text(stmt, 13, time_format(db->now, at));
	for (int i = 0; i < 4; i++)
		db_bind_text(stmt, 14 + i,
			     rec_field_text(lead, tail[i], number));
	db_bind_int64(stmt, 18, id);
	status = db_done(db, stmt);
	free(email);
	free(phone);
	strbuf_release(&extra_text);
	return status;
}

/* Inserts a new lead from in, its custom fields' JSON text extra. */
static int lead_insert(struct db *db, const struct lead_input *in,
		       const char *extra, const char *at, int64_t *id)
{
	static const char sql[] =
		"INSERT INTO lead(name, company, email, phone, source, "
		"external_id, region, industry, size, email_key, phone_key, "
		"extra, created_at, updated_at) VALUES (?1, ?2, ?3, ?4, ?5, "
		"?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?13)";
	struct db_stmt *stmt = db_stmt(db, sql);
	int status;

	for (int i = 0; i < LEAD_NFIELDS; i++)
		db_bind_text(stmt, i + 1, in->text[i]);
	db_bind_text(stmt, 10, in->email_key);
	db_bind_text(stmt, 11, in->phone_key);
	db_bind_text(stmt, 12, extra);
	db_bind_text(stmt, 13, at);
	status = db_done(db, stmt);
	if (status == BIZ_OK)
		*id = db_last_id(db);
	return status;
}

/* ---- a created lead as a record -------------------------------------- */

/*
 * A new lead is written straight from its lead_input, in the three
 * shapes it takes: the extra column (the custom fields), the
 * lead.created event (the fields given, then the custom ones) and the
 * record (every column, the custom fields, "op"), without reading the
 * row back.  The record is what lead_write_row() writes of the row.
 */

/* Writes own field f of in as a member. */
static void lead_write_field(struct json *w, const struct lead_input *in,
			     int f)
{
	const char *text = in->text[f];

	if (text && f == LEAD_SIZE)
		json_key_int(w, lead_fields[f], in->size);
	else
		json_key_str(w, lead_fields[f], text);
}

enum lead_shape { SHAPE_EVENT, SHAPE_RECORD };

/*
 * Whether a custom field called name is left out of shape, because a
 * field of the lead's own takes the name there.
 */
static int custom_hidden(const struct lead_input *in, enum lead_shape shape,
			 const char *name)
{
	if (shape == SHAPE_EVENT) {
		for (int i = 0; i < in->ngiven; i++)
			if (!strcmp(name, lead_fields[in->given[i]]))
				return 1;
		return 0;
	}
	for (int i = 0; lead_columns[i]; i++)
		if (!strcmp(name, lead_columns[i]))
			return 1;
	return 0;
}

/*
 * Writes in's custom fields as members, extra_text being their JSON
 * text, less those hidden in shape.  In a record, a custom "op" takes
 * the value op (it keeps its place).  Returns whether "op" was written.
 */
static int lead_write_custom(struct json *w, const struct lead_input *in,
			     const char *extra_text, enum lead_shape shape,
			     const char *op)
{
	int whole = 1, wrote_op = 0;

	jv_object_foreach(in->extra, key, value) {
		const char *name = jv_string_value(key);

		if (custom_hidden(in, shape, name) ||
		    (shape == SHAPE_RECORD && !strcmp(name, "op")))
			whole = 0;
		jv_free(key);
		jv_free(value);
	}
	if (whole) {
		/* The members as the extra column holds them. */
		json_members(w, extra_text);
		return 0;
	}
	jv_object_foreach(in->extra, key, value) {
		const char *name = jv_string_value(key);

		if (shape == SHAPE_RECORD && !strcmp(name, "op")) {
			json_key_str(w, "op", op);
			wrote_op = 1;
		} else if (!custom_hidden(in, shape, name)) {
			json_key(w, name);
			json_jv(w, value);
		}
		jv_free(key);
		jv_free(value);
	}
	return wrote_op;
}

/* The lead.created event's data: the fields given, then the customs. */
static void lead_write_event(struct json *w, const struct lead_input *in,
			     const char *extra_text)
{
	json_object(w);
	for (int i = 0; i < in->ngiven; i++)
		lead_write_field(w, in, in->given[i]);
	lead_write_custom(w, in, extra_text, SHAPE_EVENT, NULL);
	json_end_object(w);
}

/*
 * The record of lead id just created from in, as lead_write_row() would
 * write it, with "op":"created".
 */
static void lead_write_created(struct json *w, const struct lead_input *in,
			       const char *extra_text, int64_t id,
			       const char *at)
{
	json_object(w);
	json_key_int(w, "id", id);
	for (int i = 0; i < LEAD_NFIELDS; i++)
		lead_write_field(w, in, i);
	json_key_str(w, "status", "new");
	json_key_str(w, "owner", NULL);
	json_key_str(w, "assigned_at", NULL);
	json_key_str(w, "first_contact_at", NULL);
	json_key_str(w, "created_at", at);
	if (!lead_write_custom(w, in, extra_text, SHAPE_RECORD, "created"))
		json_key_str(w, "op", "created");
	json_end_object(w);
}

/* ---- deduplication and merging --------------------------------------- */

/* The id of the lead that in duplicates, 0 if none. */
static int lead_find_duplicate(struct db *db, const struct lead_input *in,
			       int64_t *id)
{
	static const char by_email[] =
		"SELECT id FROM lead WHERE email_key = ? ORDER BY id LIMIT 1";
	static const char by_phone[] =
		"SELECT id FROM lead WHERE phone_key = ? ORDER BY id LIMIT 1";
	static const char by_external[] =
		"SELECT id FROM lead WHERE source IS ? AND external_id = ? "
		"ORDER BY id LIMIT 1";
	const char *sqls[] = { by_email, by_phone, by_external };
	const char *keys[] = {
		in->email_key, in->phone_key, in->text[LEAD_EXTERNAL_ID]
	};
	int rc = DB_DONE;

	*id = 0;
	for (int i = 0; i < 3 && !*id; i++) {
		struct db_stmt *stmt;
		int n = 1;

		if (!keys[i])
			continue;
		stmt = db_stmt(db, sqls[i]);
		if (i == 2)
			db_bind_text(stmt, n++, in->text[LEAD_SOURCE]);
		db_bind_text(stmt, n, keys[i]);
		rc = db_one(db, stmt);
		if (rc == DB_ROW)
			*id = db_column_int64(stmt, 0);
		db_reset(stmt);
		if (rc != DB_ROW && rc != DB_DONE)
			break;
	}
	return rc == DB_ROW || rc == DB_DONE ? BIZ_OK : rc;
}

/*
 * Fills existing's empty fields and missing custom fields from lead.
 * Returns the merged record (existing consumed) and the fields filled.
 */
static jv lead_fill(jv existing, jv lead, jv *filled)
{
	char number[REC_NUMBER_BUFSZ];	/* a numeric field's text, unused */
	jv extra = jv_object_get(jv_copy(existing), jv_string("extra"));
	jv new_extra = jv_object_get(jv_copy(lead), jv_string("extra"));

	*filled = jv_object();
	for (int i = 0; lead_fields[i]; i++) {
		jv value = jv_object_get(jv_copy(lead),
					 jv_string(lead_fields[i]));

		if (jv_get_kind(value) != JV_KIND_NULL &&
		    jv_is_valid(value) &&
		    !rec_field_text(existing, lead_fields[i], number)) {
			rec_set(filled, lead_fields[i], jv_copy(value));
			rec_set(&existing, lead_fields[i], value);
		} else {
			jv_free(value);
		}
	}
	jv_object_foreach(new_extra, key, value) {
		if (!jv_object_has(jv_copy(extra), jv_copy(key))) {
			*filled = jv_object_set(*filled, jv_copy(key),
						jv_copy(value));
			extra = jv_object_set(extra, key, value);
		} else {
			jv_free(key);
			jv_free(value);
		}
	}
	jv_free(new_extra);
	rec_set(&existing, "extra", extra);
	return existing;
}

/* Merges in into lead id; the merged lead's record goes to out. */
static int lead_merge(struct db *db, const struct lead_input *in,
		      int64_t id, struct sink *out)
{
	jv existing, filled, lead;
	const char *op;
	int status;

	if ((status = lead_load(db, id, &existing)))
		return status;
	lead = lead_input_jv(in);
	existing = lead_fill(existing, lead, &filled);
	jv_free(lead);
	if (jv_object_length(jv_copy(filled)) > 0 &&
	    ((status = lead_store(db, existing, id)) ||
	     (status = event_append_id(db, "lead.merged", "lead", id,
				       jv_copy(filled))))) {
		jv_free(existing);
		jv_free(filled);
		return status;
	}
	/* A rerun that fills nothing changed nothing: it says so. */
	op = jv_object_length(jv_copy(filled)) > 0 ? "merged" : "unchanged";
	jv_free(filled);
	jv_free(existing);
	return lead_put(db, id, op, out);
}

int lead_upsert(struct db *db, jv fields, struct sink *out)
{
	struct lead_input in;
	struct strbuf extra = { 0 };
	struct json w = { 0 };
	char at[TS_BUFSZ], id_text[24];
	int64_t id;
	int status;

	if ((status = lead_parse(&in, fields)) ||
	    (status = lead_find_duplicate(db, &in, &id)))
		goto done;
	if (id) {
		status = lead_merge(db, &in, id, out);
		goto done;
	}
	if (!in.text[LEAD_NAME]) {
		status = biz_fail(BIZ_DATAERR, "a lead needs a name");
		goto done;
	}
	rec_dump(&extra, in.extra);
	time_format(db->now, at);
	if ((status = lead_insert(db, &in, extra.buf, at, &id)))
		goto done;
	lead_write_event(&w, &in, extra.buf);
	snprintf(id_text, sizeof(id_text), "%lld", (long long)id);
	if ((status = event_append_json(db, "lead.created", "lead", id_text,
					w.text.buf)))
		goto done;
	json_reset(&w);
	lead_write_created(&w, &in, extra.buf, id, at);
	status = sink_done(sink_put(out, &w));
done:
	lead_input_release(&in);
	strbuf_release(&extra);
	json_release(&w);
	return status;
}

int lead_set(struct db *db, int64_t id, jv fields, struct sink *out)
{
	struct rec_texts texts = { .used = 0 };
	struct lead_input in;
	jv existing, before, changes, extra;
	const char *status_text = rec_text(&texts, fields, "status");
	int status, known = 0;

	if (status_text) {
		known = lead_status_known(status_text);
		if (!known) {
			/* The text lives in fields: report before freeing. */
			status = biz_fail(BIZ_DATAERR, "status: '%s' is not one "
					  "of new, assigned, contacted, "
					  "qualified, converted, lost",
					  status_text);
			jv_free(fields);
			return status;
		}
		status_text = NULL;
	}
	if ((status = lead_load(db, id, &existing))) {
		jv_free(fields);
		return status;
	}
	before = jv_copy(existing);
	if ((status = lead_status_allowed(id,
					  rec_text(&texts, existing, "status"),
					  rec_text(&texts, fields, "status")))) {
		jv_free(fields);
		goto done;
	}
	if (rec_has(fields, "status")) {
		rec_set(&existing, "status", jv_object_get(jv_copy(fields),
							   jv_string("status")));
		fields = rec_delete(fields, "status");
	}
	status = lead_parse(&in, fields);
	changes = status ? jv_invalid() : lead_input_jv(&in);
	lead_input_release(&in);
	if (status)
		goto done;
	extra = jv_object_merge(jv_object_get(jv_copy(existing),
					      jv_string("extra")),
				jv_object_get(jv_copy(changes),
					      jv_string("extra")));
	changes = rec_delete(changes, "extra");
	existing = jv_object_merge(existing, changes);
	rec_set(&existing, "extra", extra);
	if (!jv_equal(jv_copy(before), jv_copy(existing)) &&
	    ((status = lead_store(db, existing, id)) ||
	     (status = event_append_id(db, "lead.updated", "lead", id,
				       lead_public(jv_copy(existing))))))
		goto done;
	status = lead_put(db, id, jv_equal(jv_copy(before),
					   jv_copy(existing)) ?
				  "unchanged" : "updated", out);
done:
	jv_free(before);
	jv_free(existing);
	return status;
}

int lead_assign(struct db *db, int64_t id, const char *rep, jv data)
{
	static const char sql[] =
		"UPDATE lead SET owner = ?2, status = CASE WHEN ?2 IS NULL "
		"THEN 'new' ELSE 'assigned' END, assigned_at = CASE WHEN ?2 "
		"IS NULL THEN NULL ELSE ?3 END, updated_at = ?3 WHERE id = ?1";
	struct db_stmt *stmt = db_stmt(db, sql);
	char at[TS_BUFSZ];
	int status;

	db_bind_int64(stmt, 1, id);
	db_bind_text(stmt, 2, rep);
	db_bind_text(stmt, 3, time_format(db->now, at));
	if ((status = db_done(db, stmt))) {
		jv_free(data);
		return status;
	}
	rec_set_str(&data, "rep", rep);
	return event_append_id(db, "lead.assigned", "lead", id, data);
}

/* ---- lead distribution and activities ------------------------------ */

void lead_ids_release(struct lead_ids *list)
{
	free(list->ids);
	list->ids = NULL;
	list->len = list->cap = 0;
}

/* Appends column 0 of every row of stmt (already bound) to list. */
static int collect_ids(struct db *db, struct db_stmt *stmt,
		       struct lead_ids *list)
{
	int rc;

	while ((rc = db_row(db, stmt)) == DB_ROW)
		ARRAY_PUSH(list->ids, list->len, list->cap,
			   db_column_int64(stmt, 0));
	return rc == DB_DONE ? BIZ_OK : rc;
}

int lead_unassigned_ids(struct db *db, struct lead_ids *list)
{
	static const char sql[] =
		"SELECT id FROM lead WHERE status = 'new' AND owner IS NULL "
		"ORDER BY id";

	return collect_ids(db, db_stmt(db, sql), list);
}

int lead_stale_ids(struct db *db, const char *before, struct lead_ids *list)
{
	/* owner IN rep, not IS NOT NULL (the same leads: owner references
	 * rep): one lookup per rep in lead_owner (owner, status). */
	static const char sql[] =
		"SELECT id FROM lead WHERE status = 'assigned' AND "
		"owner IN (SELECT handle FROM rep) AND assigned_at < ?1 AND "
		"NOT EXISTS "
		"(SELECT 1 FROM activity WHERE activity.lead_id = lead.id "
		"AND activity.at >= lead.assigned_at) ORDER BY id";
	struct db_stmt *stmt = db_stmt(db, sql);

	db_bind_text(stmt, 1, before);
	return collect_ids(db, stmt, list);
}

/* Marks lead id contacted at the time at if it is still "assigned". */
int lead_mark_contacted(struct db *db, int64_t id, const char *rep,
			       const char *at, int64_t activity)
{
	static const char sql[] =
		"UPDATE lead SET status = 'contacted', first_contact_at = "
		"coalesce(first_contact_at, ?2), updated_at = ?3 "
		"WHERE id = ?1 AND status = 'assigned'";
	struct db_stmt *stmt = db_stmt(db, sql);
	char now[TS_BUFSZ];
	int status;

	db_bind_int64(stmt, 1, id);
	db_bind_text(stmt, 2, at);
	db_bind_text(stmt, 3, time_format(db->now, now));
	if ((status = db_done(db, stmt)))
		return status;
	if (!db_changes(db))
		return BIZ_OK;
	return event_append_id(db, "lead.contacted", "lead", id,
			       JV_OBJECT(jv_string("rep"), jv_string(rep),
					 jv_string("at"), jv_string(at),
					 jv_string("activity"),
					 jv_number((double)activity)));
}
