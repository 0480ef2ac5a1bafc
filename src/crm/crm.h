/*
 * crm.h - the CRM: sales reps (rep.c), leads (lead.c) and the activity
 * log (activity.c).
 *
 * Writes take their fields as a jv object (from options or an input
 * record: strings or JSON values) and give back the record as printed,
 * with "op" created, merged, updated or unchanged.  They do not begin or
 * end transactions: the caller wraps one record or a whole batch.
 */
#ifndef CRM_H
#define CRM_H

#include <stdint.h>
#include <jq.h>

#include "biz.h"
#include "db.h"

/* Lead statuses that count against a rep's capacity. */
#define LEAD_OPEN_STATUSES "('assigned', 'contacted', 'qualified')"

/*
 * Adds rep fields["handle"].  Adding a handle that exists with the same
 * fields is "unchanged"; with other fields it is refused (use rep_set).
 * fields is consumed.
 */
int rep_add(struct db *db, jv fields, jv *out);

/* Changes the fields given of an existing rep; fields is consumed. */
int rep_set(struct db *db, const char *handle, jv fields, jv *out);

/* The rep as a record, or BIZ_REFUSED if there is none. */
int rep_get(struct db *db, const char *handle, jv *out);

/* Calls fn for each rep (inactive ones only with all), by handle. */
int rep_each(struct db *db, int all, int (*fn)(jv rep, void *arg),
	     void *arg);

/*
 * Adds a lead, or merges it into the lead it duplicates: the same email
 * (case-insensitive), the same phone (digits only) or the same source and
 * external id.  A merge fills the existing lead's empty fields and new
 * custom fields, overwriting nothing.  Fields other than the lead's own
 * become custom fields.  fields is consumed.
 */
int lead_upsert(struct db *db, jv fields, jv *out);

/*
 * lead_upsert() for an import: record gets the JSON text of the record
 * (rec_dump()'s, as lead_upsert() would give it) instead of a jv.
 */
int lead_import(struct db *db, jv fields, struct strbuf *record);

/* Overwrites the fields given of lead id (custom ones too). */
int lead_set(struct db *db, int64_t id, jv fields, jv *out);

/* Lead id as a record, or BIZ_REFUSED if there is none. */
int lead_get(struct db *db, int64_t id, jv *out);

struct lead_filter {
	const char *status;
	const char *owner;
	const char *source;
	int unassigned;
	int64_t limit;		/* 0: no limit */
};

/*
 * Calls fn for each lead that passes filter, by id; stops at fn's first
 * non-zero status (1 from fn means "stop, no error": the limit was met).
 */
int lead_each(struct db *db, const struct lead_filter *filter,
	      int (*fn)(jv lead, void *arg), void *arg);

/*
 * Gives lead id to rep (or takes it back with rep NULL, status new),
 * stamping assigned_at and logging a lead.assigned event with data.
 * data is consumed.
 */
int lead_assign(struct db *db, int64_t id, const char *rep, jv data);

/*
 * Marks lead id contacted (first_contact_at = at) if it is still
 * "assigned", logging lead.contacted with the rep and the activity id.
 */
int lead_mark_contacted(struct db *db, int64_t id, const char *rep,
			const char *at, int64_t activity);

/* The "extra" object of an internal lead record merged into it. */
jv lead_public(jv lead);

/* ---- lead distribution and activities (crm-assign, crm-log) ------- */

/* A growable list of lead ids. */
struct lead_ids {
	int64_t *ids;
	size_t len, cap;
};
void lead_ids_release(struct lead_ids *list);

/* Appends the ids of the leads nobody owns that are still new, by id. */
int lead_unassigned_ids(struct db *db, struct lead_ids *list);

/*
 * Appends the ids of the leads still "assigned" (not contacted) whose
 * assigned_at is before the timestamp before and that have no activity
 * logged since, by id.
 */
int lead_stale_ids(struct db *db, const char *before, struct lead_ids *list);

/*
 * Logs an activity from fields (consumed): kind, rep, one of lead,
 * customer, deal, and optional outcome, minutes, at (default now).  The
 * first activity on an assigned lead marks it contacted and stamps
 * first_contact_at.  *out is the activity record with "op".
 */
int activity_add(struct db *db, jv fields, jv *out);

struct activity_filter {
	int64_t lead, customer, deal;	/* 0: any */
	const char *rep;		/* NULL: any */
};

/* Calls fn for each activity that passes filter, by time then id. */
int activity_each(struct db *db, const struct activity_filter *filter,
		  int (*fn)(jv activity, void *arg), void *arg);

/* ---- customers (customer.c) --------------------------------------- */

/*
 * Whether tag is a valid tag: UTF-8 text, not empty, without white
 * space or control characters (as codes and handles).
 */
int crm_tag_valid(const char *tag);

/*
 * Adds a customer, or merges it into the customer it duplicates: the same
 * email (case-insensitive) or the same phone (digits only).  A merge
 * fills the existing customer's empty fields and new custom fields and
 * adds its tags, overwriting nothing; *out has "op" created, merged or
 * unchanged (a merge that adds nothing).  Fields: name email phone
 * industry size region terms (days) tags (an array, or text split at
 * commas); others become custom fields.  fields is consumed.
 */
int customer_upsert(struct db *db, jv fields, jv *out);

/*
 * Overwrites the fields given of customer id (an empty one clears it);
 * "op" updated or unchanged.  fields is consumed.
 */
int customer_set(struct db *db, int64_t id, jv fields, jv *out);

/*
 * Customer id as a record (id name email phone industry size region terms
 * tags revenue last_purchase balance created_at, then custom fields), or
 * BIZ_DATAERR "no such customer ID".  With out NULL it only checks that
 * the customer exists.
 */
int customer_get(struct db *db, int64_t id, jv *out);

/*
 * The id of the first customer with email (case-insensitive), else the
 * first named name exactly (either may be NULL); 0 when none.
 */
int customer_find(struct db *db, const char *email, const char *name,
		  int64_t *id);

/* Adds (add) or removes tags (consumed, an array) on customer id. */
int customer_tag(struct db *db, int64_t id, jv tags, int add, jv *out);

/*
 * The 360-degree view of customer id: its record, "deals" (its deals,
 * newest first) and "activities" (the latest ten, newest first).
 */
int customer_show(struct db *db, int64_t id, jv *out);

struct customer_filter {
	const char *const *tags;	/* every one of them */
	size_t ntags;
	const char *industry;
	const char *region;
	int64_t limit;			/* 0: no limit */
};

/*
 * Calls fn for each customer that passes filter, by id; stops at fn's
 * first non-zero status (1 means "stop, no error").
 */
int customer_each(struct db *db, const struct customer_filter *filter,
		  int (*fn)(jv customer, void *arg), void *arg);

/* ---- deals (deal.c) ------------------------------------------------ */

struct deal_filter {
	int64_t customer;	/* 0: any */
	const char *stage;	/* NULL: any */
	const char *owner;	/* NULL: any */
	int open;		/* only deals in an open stage */
	int newest_first;	/* by id descending */
	int64_t limit;		/* 0: no limit */
};

/*
 * Calls fn for each deal that passes filter (records: id customer title
 * amount stage probability owner close closed_at created_at lost_reason
 * lead stage_at, then custom fields); stops at fn's first non-zero
 * status (1: "stop, no error").
 */
int deal_each(struct db *db, const struct deal_filter *filter,
	      int (*fn)(jv deal, void *arg), void *arg);

#endif
