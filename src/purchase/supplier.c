/* supplier.c - who goods are bought from: lead times and payment terms. */
#include "purchase.h"

#include <string.h>

#include "biz.h"
#include "decimal.h"
#include "event.h"
#include "record.h"
#include "timeutil.h"
#include "code.h"
#include "banned.h"

/* The parsed fields; has_* say which were given. */
struct supplier_row {
	const char *code, *name, *email;
	int64_t lead_time, lead_time_sd, terms;
	int has_lead_time, has_lead_time_sd, has_terms;
};

static int parse_days(const char *field, const char *text, int scale,
		      int64_t *out, int *has)
{
	if (!text)
		return BIZ_OK;
	*has = 1;
	if (dec_parse(text, scale, out) || *out < 0)
		return biz_fail(BIZ_DATAERR, "%s: '%s' is not a number of "
				"days from 0%s", field, text,
				scale ? " with at most 3 decimal places" : "");
	return BIZ_OK;
}

static int parse_in(const struct supplier_in *in, struct supplier_row *r)
{
	int status;

	memset(r, 0, sizeof(*r));
	r->code = in->code;
	r->name = in->name;
	r->email = in->email;
	if (!code_valid(in->code, 0))
		return biz_fail(BIZ_DATAERR, "code: '%s' is not a supplier "
				"code (" CODE_RULE ")", in->code ? in->code : "");
	if (in->name && !*in->name)
		return biz_fail(BIZ_DATAERR, "name: an empty name");
	if ((status = parse_days("lead_time", in->lead_time, 3,
				 &r->lead_time, &r->has_lead_time)) ||
	    (status = parse_days("lead_time_sd", in->lead_time_sd, 3,
				 &r->lead_time_sd, &r->has_lead_time_sd)) ||
	    (status = parse_days("terms", in->terms, 0, &r->terms,
				 &r->has_terms)))
		return status;
	return BIZ_OK;
}

static const char select_sql[] =
	"SELECT code, name, email, lead_time, lead_time_sd, terms "
	"FROM supplier WHERE code = ?";

static jv supplier_record(struct db_stmt *stmt)
{
	jv rec = jv_object();

	rec_set(&rec, "code", db_column_jv(stmt, 0));
	rec_set(&rec, "name", db_column_jv(stmt, 1));
	rec_set(&rec, "email", db_column_jv(stmt, 2));
	rec_set(&rec, "lead_time", db_column_dec(stmt, 3, 3));
	rec_set(&rec, "lead_time_sd", db_column_dec(stmt, 4, 3));
	rec_set(&rec, "terms", db_column_jv(stmt, 5));
	return rec;
}

int supplier_get(struct db *db, const char *code, jv *out)
{
	struct db_stmt *stmt = db_stmt(db, select_sql);
	int rc;

	db_bind_text(stmt, 1, code);
	rc = db_one(db, stmt);
	if (rc == DB_DONE)
		return biz_fail(BIZ_DATAERR, "no such supplier '%s'", code);
	if (rc != DB_ROW)
		return rc;
	*out = supplier_record(stmt);
	db_reset(stmt);
	return BIZ_OK;
}

int supplier_check(struct db *db, const char *code)
{
	jv rec;
	int status = supplier_get(db, code, &rec);

	if (!status)
		jv_free(rec);
	return status;
}

static void bind_optional(struct db_stmt *stmt, int index, int has,
			  int64_t v)
{
	if (has)
		db_bind_int64(stmt, index, v);
	else
		db_bind_null(stmt, index);
}

/* Whether record has the values of r (the fields r gives). */
static int same_fields(struct db *db, jv rec, const struct supplier_row *r)
{
	jv want = jv_object();
	int same = 1;

	(void)db;
	rec_set_str(&want, "name", r->name);
	rec_set_str(&want, "email", r->email);
	rec_set(&want, "lead_time", r->has_lead_time ?
		dec_to_jv(r->lead_time, 3) : jv_null());
	rec_set(&want, "lead_time_sd", r->has_lead_time_sd ?
		dec_to_jv(r->lead_time_sd, 3) : jv_null());
	rec_set(&want, "terms", r->has_terms ?
		jv_number((double)r->terms) : jv_null());
	jv_object_foreach(want, key, value) {
		jv have = jv_object_get(jv_copy(rec), key);

		if (!jv_equal(have, value))
			same = 0;
	}
	jv_free(want);
	return same;
}

int supplier_add(struct db *db, const struct supplier_in *in, jv *out)
{
	static const char sql[] =
		"INSERT INTO supplier(code, name, email, lead_time, "
		"lead_time_sd, terms, created_at, updated_at) "
		"VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
	struct supplier_row r;
	struct db_stmt *stmt;
	char at[TS_BUFSZ];
	jv rec;
	int status;

	if ((status = parse_in(in, &r)))
		return status;
	if (!r.name)
		return biz_fail(BIZ_DATAERR, "name: a supplier needs a name");
	if (!supplier_get(db, r.code, &rec)) {
		if (!same_fields(db, rec, &r)) {
			jv_free(rec);
			return biz_fail(BIZ_REFUSED, "supplier '%s' exists "
					"with other fields (use inv-supplier "
					"set)", r.code);
		}
		rec_set_str(&rec, "op", "unchanged");
		*out = rec;
		return BIZ_OK;
	}
	stmt = db_stmt(db, sql);
	time_format(db->now, at);
	db_bind_text(stmt, 1, r.code);
	db_bind_text(stmt, 2, r.name);
	db_bind_text(stmt, 3, r.email);
	bind_optional(stmt, 4, r.has_lead_time, r.lead_time);
	bind_optional(stmt, 5, r.has_lead_time_sd, r.lead_time_sd);
	bind_optional(stmt, 6, r.has_terms, r.terms);
	db_bind_text(stmt, 7, at);
	db_bind_text(stmt, 8, at);
	if ((status = db_done(db, stmt)) ||
	    (status = supplier_get(db, r.code, out)))
		return status;
	if ((status = event_append(db, "supplier.added", "supplier", r.code,
				   jv_copy(*out))))
		return status;
	rec_set_str(out, "op", "created");
	return BIZ_OK;
}

int supplier_set(struct db *db, const struct supplier_in *in, jv *out)
{
	static const char sql[] =
		"UPDATE supplier SET name = coalesce(?2, name), "
		"email = CASE WHEN ?3 IS NULL THEN email ELSE ?3 END, "
		"lead_time = CASE WHEN ?4 THEN ?5 ELSE lead_time END, "
		"lead_time_sd = CASE WHEN ?6 THEN ?7 ELSE lead_time_sd END, "
		"terms = CASE WHEN ?8 THEN ?9 ELSE terms END, "
		"updated_at = ?10 WHERE code = ?1";
	struct supplier_row r;
	struct db_stmt *stmt;
	char at[TS_BUFSZ];
	jv before;
	int status;

	if ((status = parse_in(in, &r)) ||
	    (status = supplier_get(db, r.code, &before)))
		return status;
	stmt = db_stmt(db, sql);
	db_bind_text(stmt, 1, r.code);
	db_bind_text(stmt, 2, r.name);
	db_bind_text(stmt, 3, r.email);
	db_bind_int64(stmt, 4, r.has_lead_time);
	db_bind_int64(stmt, 5, r.lead_time);
	db_bind_int64(stmt, 6, r.has_lead_time_sd);
	db_bind_int64(stmt, 7, r.lead_time_sd);
	db_bind_int64(stmt, 8, r.has_terms);
	db_bind_int64(stmt, 9, r.terms);
	db_bind_text(stmt, 10, time_format(db->now, at));
	if ((status = db_done(db, stmt)) ||
	    (status = supplier_get(db, r.code, out))) {
		jv_free(before);
		return status;
	}
	if (jv_equal(jv_copy(before), jv_copy(*out))) {
		jv_free(before);
		rec_set_str(out, "op", "unchanged");
		return BIZ_OK;
	}
	jv_free(before);
	if ((status = event_append(db, "supplier.updated", "supplier",
				   r.code, jv_copy(*out))))
		return status;
	rec_set_str(out, "op", "updated");
	return BIZ_OK;
}

int supplier_each(struct db *db, int (*fn)(jv supplier, void *arg),
		  void *arg)
{
	static const char sql[] =
		"SELECT code, name, email, lead_time, lead_time_sd, terms "
		"FROM supplier ORDER BY code";
	struct db_stmt *stmt = db_stmt(db, sql);
	int rc, status = BIZ_OK;

	while (!status && (rc = db_row(db, stmt)) == DB_ROW)
		status = fn(supplier_record(stmt), arg);
	db_reset(stmt);
	if (!status && rc != DB_DONE)
		return rc;
	return status;
}
