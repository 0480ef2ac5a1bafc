/* rep.c - sales reps: validation and storage. */
#include "crm.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "biz.h"
#include "event.h"
#include "record.h"
#include "timeutil.h"
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

int rep_get(struct db *db, const char *handle, jv *out)
{
	static const char sql[] =
		"SELECT handle, name, email, regions, industries, capacity, "
		"weight, team, active, (SELECT count(*) FROM lead WHERE "
		"owner = rep.handle AND status IN " LEAD_OPEN_STATUSES ") "
		"FROM rep WHERE handle = ?";
	struct db_stmt *stmt = db_stmt(db, sql);
	int rc;

	db_bind_text(stmt, 1, handle);
	rc = db_one(db, stmt);
	if (rc == DB_DONE)
		return biz_fail(BIZ_REFUSED, "no rep '%s'", handle);
	if (rc != DB_ROW)
		return rc;
	*out = rep_from_row(stmt);
	db_reset(stmt);
	return BIZ_OK;
}

int rep_each(struct db *db, int all, int (*fn)(jv rep, void *arg),
	     void *arg)
{
	static const char sql[] =
		"SELECT handle, name, email, regions, industries, capacity, "
		"weight, team, active, (SELECT count(*) FROM lead WHERE "
		"owner = rep.handle AND status IN " LEAD_OPEN_STATUSES ") "
		"FROM rep WHERE ?1 OR active ORDER BY handle";
	struct db_stmt *stmt = db_stmt(db, sql);
	int rc, status = BIZ_OK;

	db_bind_int64(stmt, 1, all);
	while (status == BIZ_OK && (rc = db_row(db, stmt)) == DB_ROW)
		status = fn(rep_from_row(stmt), arg);
	db_reset(stmt);
	if (status == BIZ_OK && rc != DB_DONE)
		return rc;
	return status;
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
			const char *text = rec_text(one, name);

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
	if (!handle || !*handle)
		return 0;
	for (; *handle; handle++)
		if (!isalnum((unsigned char)*handle) &&
		    !strchr("._-@", *handle))
			return 0;
	return 1;
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
	struct db_stmt *stmt = db_stmt(db, sql);
	jv regions = jv_dump_string(jv_object_get(jv_copy(rep),
						  jv_string("regions")), 0);
	jv industries = jv_dump_string(jv_object_get(jv_copy(rep),
						     jv_string("industries")), 0);
	jv capacity = jv_object_get(jv_copy(rep), jv_string("capacity"));
	char at[TS_BUFSZ];
	int status;

	db_bind_text(stmt, 1, rec_text(rep, "handle"));
	db_bind_text(stmt, 2, rec_text(rep, "name"));
	db_bind_text(stmt, 3, rec_text(rep, "email"));
	db_bind_text(stmt, 4, jv_string_value(regions));
	db_bind_text(stmt, 5, jv_string_value(industries));
	if (jv_get_kind(capacity) == JV_KIND_NUMBER)
		db_bind_int64(stmt, 6, (int64_t)jv_number_value(capacity));
	db_bind_int64(stmt, 7, atoll(rec_text(rep, "weight")));
	db_bind_text(stmt, 8, rec_text(rep, "team"));
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
		    jv *out)
{
	char handle[256];
	int status = BIZ_OK, changed;

	snprintf(handle, sizeof(handle), "%s", rec_text(rep, "handle"));
	if (!rec_text(rep, "name")) {
		status = biz_fail(BIZ_DATAERR, "rep '%s' needs a --name",
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
	if ((status = rep_get(db, handle, out)))
		goto done;
	rec_set_str(out, "op", changed ? op : "unchanged");
done:
	jv_free(before);
	jv_free(rep);
	return status;
}

int rep_add(struct db *db, jv fields, jv *out)
{
	const char *handle = rec_text(fields, "handle");
	jv existing, rep;
	int status;

	if (!valid_handle(handle)) {
		status = biz_fail(BIZ_DATAERR, "'%s' is not a rep handle "
				  "(letters, digits, . _ - @)",
				  handle ? handle : "");
		jv_free(fields);
		return status;
	}
	if (rep_get(db, handle, &existing) == BIZ_OK) {
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

int rep_set(struct db *db, const char *handle, jv fields, jv *out)
{
	jv existing, rep;
	int status;

	if ((status = rep_get(db, handle, &existing))) {
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
