/*
 * convert.c - a lead becomes a customer and a deal; lead statuses only
 * move forward.
 */
#include "crm.h"

#include <string.h>

#include "biz.h"
#include "event.h"
#include "record.h"
#include "timeutil.h"
#include "banned.h"

/* The statuses in their order; lost is a side exit, not a step. */
static const char *const lead_statuses[] = {
	"new", "assigned", "contacted", "qualified", "converted", NULL
};

static int status_rank(const char *status)
{
	for (int i = 0; lead_statuses[i]; i++)
		if (!strcmp(lead_statuses[i], status))
			return i;
	return -1;
}

int lead_status_allowed(int64_t id, const char *from, const char *to)
{
	if (!from || !to || !strcmp(from, to))
		return BIZ_OK;
	if (!strcmp(from, "converted"))
		return biz_fail(BIZ_REFUSED, "lead %lld is converted: its "
				"status stays", (long long)id);
	if (!strcmp(from, "lost")) {
		if (!strcmp(to, "new"))
			return BIZ_OK;
		return biz_fail(BIZ_REFUSED, "lead %lld is lost: reopen it as "
				"new first", (long long)id);
	}
	if (!strcmp(to, "lost"))
		return BIZ_OK;
	if (status_rank(to) < status_rank(from))
		return biz_fail(BIZ_REFUSED, "lead %lld is %s: a status moves "
				"forward only (new, assigned, contacted, "
				"qualified, converted), not back to %s",
				(long long)id, from, to);
	return BIZ_OK;
}

/*
 * The customer for lead: the one asked for, else the one with its email,
 * else the one named as its company, else a new one from its fields.
 */
static int convert_customer(struct db *db, jv lead, int64_t asked,
			    jv *customer)
{
	struct rec_texts texts = { .used = 0 };
	const char *company = rec_text(&texts, lead, "company");
	int64_t id = asked;
	int status;
	jv fields;

	if (id)
		return customer_get(db, id, customer);
	if ((status = customer_find(db, rec_text(&texts, lead, "email"),
				    company, &id)))
		return status;
	if (id) {
		if ((status = customer_get(db, id, customer)) == BIZ_OK)
			rec_set_str(customer, "op", "unchanged");
		return status;
	}
	fields = jv_object();
	rec_set_str(&fields, "name", company ? company :
				     rec_text(&texts, lead, "name"));
	if (company)
		rec_set_str(&fields, "contact", rec_text(&texts, lead, "name"));
	rec_set_str(&fields, "email", rec_text(&texts, lead, "email"));
	rec_set_str(&fields, "phone", rec_text(&texts, lead, "phone"));
	rec_set_str(&fields, "industry", rec_text(&texts, lead, "industry"));
	rec_set_str(&fields, "region", rec_text(&texts, lead, "region"));
	rec_set_str(&fields, "size", rec_text(&texts, lead, "size"));
	return customer_upsert(db, fields, customer);
}

/* The "id" of a record (borrowed). */
static int64_t record_id(jv record)
{
	jv id = jv_object_get(jv_copy(record), jv_string("id"));
	int64_t value = jv_get_kind(id) == JV_KIND_NUMBER ?
			(int64_t)jv_number_value(id) : 0;

	jv_free(id);
	return value;
}

/* Marks lead id converted and links it to its customer and deal. */
static int convert_mark(struct db *db, int64_t id, int64_t customer,
			int64_t deal)
{
	static const char update[] =
		"UPDATE lead SET status = 'converted', updated_at = ?2 "
		"WHERE id = ?1";
	static const char link[] =
		"INSERT INTO lead_conversion(lead_id, customer_id, deal_id, at) "
		"VALUES (?1, ?2, ?3, ?4)";
	struct db_stmt *stmt = db_stmt(db, update);
	char at[TS_BUFSZ];
	int status;

	time_format(db->now, at);
	db_bind_int64(stmt, 1, id);
	db_bind_text(stmt, 2, at);
	if ((status = db_done(db, stmt)))
		return status;
	stmt = db_stmt(db, link);
	db_bind_int64(stmt, 1, id);
	db_bind_int64(stmt, 2, customer);
	db_bind_int64(stmt, 3, deal);
	db_bind_text(stmt, 4, at);
	if ((status = db_done(db, stmt)))
		return status;
	return event_append_id(db, "lead.converted", "lead", id,
			       JV_OBJECT(jv_string("customer"),
					 jv_number((double)customer),
					 jv_string("deal"),
					 jv_number((double)deal)));
}

int lead_convert(struct db *db, int64_t id, const struct lead_conversion *c,
		 jv *out)
{
	struct rec_texts texts = { .used = 0 };
	jv lead, customer = jv_null(), deal = jv_null(), fields;
	const char *lead_status, *title;
	int64_t customer_id, deal_id;
	int status;

	if (lead_load(db, id, &lead))
		return biz_fail(BIZ_DATAERR, "no such lead %lld",
				(long long)id);
	lead_status = rec_text(&texts, lead, "status");
	if (!strcmp(lead_status, "converted")) {
		status = biz_fail(BIZ_REFUSED, "lead %lld is already "
				  "converted", (long long)id);
		goto done;
	}
	if (!strcmp(lead_status, "lost")) {
		status = biz_fail(BIZ_REFUSED, "lead %lld is lost: reopen it "
				  "as new first", (long long)id);
		goto done;
	}
	if ((status = convert_customer(db, lead, c->customer, &customer)))
		goto done;
	customer_id = record_id(customer);
	title = c->title ? c->title : rec_text(&texts, lead, "company");
	if (!title)
		title = rec_text(&texts, lead, "name");
	fields = jv_object();
	rec_set(&fields, "customer", jv_number((double)customer_id));
	rec_set_str(&fields, "title", title);
	rec_set_str(&fields, "amount", c->amount ? c->amount : "0");
	rec_set_str(&fields, "close", c->close);
	rec_set_str(&fields, "owner", rec_text(&texts, lead, "owner"));
	rec_set(&fields, "lead", jv_number((double)id));
	if ((status = deal_add(db, fields, &deal)))
		goto done;
	deal_id = record_id(deal);
	if ((status = convert_mark(db, id, customer_id, deal_id)))
		goto done;
	jv_free(lead);
	if ((status = lead_load(db, id, &lead)))
		goto done;
	*out = JV_OBJECT(jv_string("lead"), lead_public(jv_copy(lead)),
			 jv_string("customer"), customer,
			 jv_string("deal"), deal);
	customer = deal = jv_null();
done:
	jv_free(lead);
	jv_free(customer);
	jv_free(deal);
	return status;
}
