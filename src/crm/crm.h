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

#endif
