/* rep.c - sales reps: validation and storage. */
#include "crm.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "biz.h"
#include "event.h"
#include "json.h"
#include "record.h"
#include "timeutil.h"
#include "code.h"
#include "banned.h"

/*
 * A list field as a JSON array of strings: a JSON array as is, or text
 * split at commas ("north,south").  Returns an invalid jv if malformed.
 */
static jv list_field(jv value)
{
	jv list = jv_array();

	if (jv_get_kind(value) == JV_KIND_ARRAY) {
		jv_array_foreach(value, i, item) {
			if (jv_get_kind(item) != JV_KIND_STRING) {
				jv_free(item);
				jv_free(list);
				jv_free(value);
				return jv_invalid();
			}
			list = jv_array_append(list, item);
		}
	} else if (jv_get_kind(value) == JV_KIND_STRING) {
		const char *s = jv_string_value(value);

		while (*s) {
			size_t n = strcspn(s, ",");

			if (n)
				list = jv_array_append(list,
						       jv_string_sized(s, (int)n));
			s += n + (s[n] == ',');
		}
	} else if (jv_get_kind(value) != JV_KIND_NULL) {
		jv_free(list);
		list = jv_invalid();
	}
	jv_free(value);
	return list;
}

/* The columns rep_from_row() reads, for a WHERE to follow. */
#define REP_SELECT \
	"SELECT handle, name, email, regions, industries, capacity, " \
	"weight, team, active, (SELECT count(*) FROM lead WHERE " \
	"owner = rep.handle AND status IN " LEAD_OPEN_STATUSES ") " \
	"FROM rep "

static jv rep_from_row(struct db_stmt *stmt)
{
	jv rep = jv_object();

	rec_set(&rep, "handle", db_column_jv(stmt, 0));
	rec_set(&rep, "name", db_column_jv(stmt, 1));
	rec_set(&rep, "email", db_column_jv(stmt, 2));
	rec_set(&rep, "regions", jv_parse(db_column_text(stmt, 3)));
	rec_set(&rep, "industries", jv_parse(db_column_text(stmt, 4)));
	rec_set(&rep, "capacity", db_column_jv(stmt, 5));
	rec_set(&rep, "weight", db_column_jv(stmt, 6));
	rec_set(&rep, "team", db_column_jv(stmt, 7));
	rec_set(&rep, "active", jv_bool(db_column_int64(stmt, 8)));
	rec_set(&rep, "open_leads", db_column_jv(stmt, 9));
	return rep;
}

/* Writes the rep of the row as a record, with op unless it is NULL. */
static void rep_write_row(struct json *w, struct db_stmt *stmt,
			  const char *op)
{
	json_object(w);
	db_json_column(w, "handle", stmt, 0);
	db_json_column(w, "name", stmt, 1);
	db_json_column(w, "email", stmt, 2);
	/* Stored as jv_dump_string() wrote them: compact JSON arrays. */
	json_key_raw(w, "regions", db_column_text(stmt, 3));
	json_key_raw(w, "industries", db_column_text(stmt, 4));
	db_json_column(w, "capacity", stmt, 5);
	db_json_column(w, "weight", stmt, 6);
	db_json_column(w, "team", stmt, 7);
	json_key_bool(w, "active", db_column_int64(stmt, 8) != 0);
	db_json_column(w, "open_leads", stmt, 9);
	if (op)
		json_key_str(w, "op", op);
	json_end_object(w);
}

/* db_put_rows()'s writer. */
static void rep_row_record(struct json *w, struct db_stmt *stmt, void *arg)
{
	(void)arg;
	rep_write_row(w, stmt, NULL);
}

/* The rep's row in stmt, or BIZ_DATAERR if there is none. */
static int rep_row(struct db *db, const char *handle,
		   struct db_stmt **stmt)
{
	int rc;

	*stmt = db_stmt(db, REP_SELECT "WHERE handle = ?");
	db_bind_text(*stmt, 1, handle);
	rc = db_one(db, *stmt);
	if (rc == DB_DONE)
		return biz_fail(BIZ_DATAERR, "no rep '%s'", handle);
	return rc == DB_ROW ? BIZ_OK : rc;
}

/* The rep as an internal record, or BIZ_DATAERR if there is none. */
static int rep_load(struct db *db, const char *handle, jv *out)
{
	struct db_stmt *stmt;
	int status = rep_row(db, handle, &stmt);

	if (status)
		return status;
	*out = rep_from_row(stmt);
	db_reset(stmt);
	return BIZ_OK;
}

/* Puts rep handle to out with "op" op (NULL: none). */
static int rep_put(struct db *db, const char *handle, const char *op,
		   struct sink *out)
{
	struct db_stmt *stmt;
	struct json w = { 0 };
	int status = rep_row(db, handle, &stmt);

	if (status)
		return status;
	rep_write_row(&w, stmt, op);
	db_reset(stmt);
	status = sink_done(sink_put(out, &w));
	json_release(&w);
	return status;
}

int rep_get(struct db *db, const char *handle, struct sink *out)
{
	return rep_put(db, handle, NULL, out);
}

int rep_exists(struct db *db, const char *handle)
{
	struct db_stmt *stmt;
	int status = rep_row(db, handle, &stmt);

	if (status == BIZ_OK)
		db_reset(stmt);
	return status;
}

int rep_each(struct db *db, int all, struct sink *out)
{
	static const char sql[] =
		REP_SELECT "WHERE ?1 OR active ORDER BY handle";
	struct db_stmt *stmt = db_stmt(db, sql);

	db_bind_int64(stmt, 1, all);
	return db_put_rows(db, stmt, rep_row_record, NULL, out);
}

/*
 * Merges fields into rep (both consumed) after checking them; the
 * result, or an invalid jv with the failure set in *status.
 */
static jv rep_merge(jv rep, jv fields, int *status)
{
	int64_t number;
	jv_object_foreach(fields, key, value) {
		const char *name = jv_string_value(key);

		if (!strcmp(name, "regions") || !strcmp(name, "industries")) {
			value = list_field(value);
			if (!jv_is_valid(value)) {
				*status = biz_fail(BIZ_DATAERR, "%s: a list of "
						   "names is needed", name);
				goto fail;
			}
		} else if (!strcmp(name, "capacity") ||
			   !strcmp(name, "weight")) {
			jv one = JV_OBJECT_2(jv_copy(key), value);
			char buf[REC_NUMBER_BUFSZ];
			const char *text = rec_field_text(one, name, buf);

			number = -1;
			*status = field_integer(name, text,
						!strcmp(name, "weight"),
						1000000, &number);
			jv_free(one);
			if (!*status && number < 0 && !strcmp(name, "weight"))
				*status = biz_fail(BIZ_DATAERR, "weight: a whole "
						   "number from 1 is needed");
			if (*status)
				goto fail;
			value = number < 0 ? jv_null() : jv_number(number);
		} else if (!strcmp(name, "active")) {
			if (jv_get_kind(value) != JV_KIND_TRUE &&
			    jv_get_kind(value) != JV_KIND_FALSE) {
				*status = biz_fail(BIZ_DATAERR, "active: true "
						   "or false");
				goto fail;
			}
		} else if (strcmp(name, "handle") && strcmp(name, "name") &&
			   strcmp(name, "email") && strcmp(name, "team")) {
			*status = biz_fail(BIZ_DATAERR, "a rep has no field "
					   "'%s'", name);
			goto fail;
		} else if (jv_get_kind(value) != JV_KIND_STRING &&
			   jv_get_kind(value) != JV_KIND_NULL) {
			*status = biz_fail(BIZ_DATAERR, "%s: text is needed",
					   name);
			goto fail;
		}
		rep = jv_object_set(rep, key, value);
		continue;
fail:
		jv_free(key);
		jv_free(value);
		jv_free(rep);
		jv_free(fields);
		return jv_invalid();
	}
	jv_free(fields);
	*status = BIZ_OK;
	return rep;
}

static int valid_handle(const char *handle)
{
	return code_valid(handle, 0);
}

/* Writes the rep record's columns, inserting or replacing the row. */
static int rep_store(struct db *db, jv rep)
{
	static const char sql[] =
		"INSERT INTO rep(handle, name, email, regions, industries, "
		"capacity, weight, team, active, created_at) "
		"VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
		"ON CONFLICT(handle) DO UPDATE SET name = excluded.name, "
		"email = excluded.email, regions = excluded.regions, "
		"industries = excluded.industries, capacity = excluded.capacity, "
		"weight = excluded.weight, team = excluded.team, "
		"active = excluded.active";
	struct rec_texts texts = { .used = 0 };
	struct db_stmt *stmt = db_stmt(db, sql);
	jv regions = jv_dump_string(jv_object_get(jv_copy(rep),
						  jv_string("regions")), 0);
	jv industries = jv_dump_string(jv_object_get(jv_copy(rep),
						     jv_string("industries")), 0);
	jv capacity = jv_object_get(jv_copy(rep), jv_string("capacity"));
	char at[TS_BUFSZ], number[REC_NUMBER_BUFSZ];
	int status;

	db_bind_text(stmt, 1, rec_text(&texts, rep, "handle"));
	db_bind_text(stmt, 2, rec_text(&texts, rep, "name"));
	db_bind_text(stmt, 3, rec_text(&texts, rep, "email"));
	db_bind_text(stmt, 4, jv_string_value(regions));
	db_bind_text(stmt, 5, jv_string_value(industries));
	if (jv_get_kind(capacity) == JV_KIND_NUMBER)
		db_bind_int64(stmt, 6, (int64_t)jv_number_value(capacity));
	db_bind_int64(stmt, 7, atoll(rec_field_text(rep, "weight", number)));
	db_bind_text(stmt, 8, rec_text(&texts, rep, "team"));
	db_bind_int64(stmt, 9, jv_get_kind(jv_object_get(jv_copy(rep),
				  jv_string("active"))) == JV_KIND_TRUE);
	db_bind_text(stmt, 10, time_format(db->now, at));
	status = db_done(db, stmt);
	jv_free(regions);
	jv_free(industries);
	jv_free(capacity);
	return status;
}

/* The fields of a new rep before any are given. */
static jv rep_blank(const char *handle)
{
	jv rep = jv_object();

	rec_set_str(&rep, "handle", handle);
	rec_set(&rep, "name", jv_null());
	rec_set(&rep, "email", jv_null());
	rec_set(&rep, "regions", jv_array());
	rec_set(&rep, "industries", jv_array());
	rec_set(&rep, "capacity", jv_null());
	rec_set(&rep, "weight", jv_number(1));
	rec_set(&rep, "team", jv_null());
	rec_set(&rep, "active", jv_true());
	return rep;
}

/* Stores rep if it differs from before (consumed), logs it, reloads. */
static int rep_save(struct db *db, jv before, jv rep, const char *op,
		    struct sink *out)
{
	struct rec_texts texts = { .used = 0 };
	char handle[256];
	int status = BIZ_OK, changed;

	snprintf(handle, sizeof(handle), "%s", rec_text(&texts, rep, "handle"));
	if (!rec_text(&texts, rep, "name")) {
		status = biz_fail(BIZ_DATAERR, "rep '%s' needs a name",
				  handle);
		goto done;
	}
	before = rec_delete(before, "open_leads");
	changed = !jv_equal(jv_copy(before), jv_copy(rep));
	if (changed &&
	    ((status = rep_store(db, rep)) ||
	     (status = event_append(db, !strcmp(op, "created") ?
				    "rep.created" : "rep.updated", "rep",
				    handle, jv_copy(rep)))))
		goto done;
	status = rep_put(db, handle, changed ? op : "unchanged", out);
done:
	jv_free(before);
	jv_free(rep);
	return status;
}

int rep_add(struct db *db, jv fields, struct sink *out)
{
	struct rec_texts texts = { .used = 0 };
	const char *handle = rec_text(&texts, fields, "handle");
	jv existing, rep;
	int status;

	if (!valid_handle(handle)) {
		status = biz_fail(BIZ_DATAERR, "'%s' is not a rep handle "
				  "(" CODE_RULE ")",
				  handle ? handle : "");
		jv_free(fields);
		return status;
	}
	if (rep_load(db, handle, &existing) == BIZ_OK) {
		/* A rerun of the same add is harmless; a different one is
		 * a mistake that set would make on purpose. */
		existing = rec_delete(existing, "open_leads");
		rep = rep_merge(jv_copy(existing), fields, &status);
		if (status) {
			jv_free(existing);
			return status;
		}
		if (!jv_equal(jv_copy(existing), jv_copy(rep))) {
			jv_free(existing);
			jv_free(rep);
			return biz_fail(BIZ_REFUSED, "rep '%s' exists with other "
					"fields (use crm-rep set)", handle);
		}
		return rep_save(db, existing, rep, "created", out);
	}
	rep = rep_merge(rep_blank(handle), fields, &status);
	if (status)
		return status;
	return rep_save(db, jv_object(), rep, "created", out);
}

int rep_set(struct db *db, const char *handle, jv fields, struct sink *out)
{
	jv existing, rep;
	int status;

	if ((status = rep_load(db, handle, &existing))) {
		jv_free(fields);
		return status;
	}
	existing = rec_delete(existing, "open_leads");
	if (rec_has(fields, "handle")) {
		jv_free(fields);
		jv_free(existing);
		return biz_fail(BIZ_DATAERR, "a rep's handle cannot change");
	}
	rep = rep_merge(jv_copy(existing), fields, &status);
	if (status) {
		jv_free(existing);
		return status;
	}
	return rep_save(db, existing, rep, "updated", out);
}
