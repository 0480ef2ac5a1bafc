/*
 * crm.h - the CRM: sales reps (rep.c), leads (lead.c) and the activity
 * log (activity.c).
 *
 * Writes take their fields as a jv object (from options or an input
 * record: strings or JSON values) and put the record they wrote to a
 * struct sink, with "op" created, merged, updated or unchanged; lists
 * put theirs there too (json.h's rule).  They do not begin or end
 * transactions: the caller wraps one record or a whole batch.
 */
#ifndef CRM_H
#define CRM_H

#include <stdint.h>
#include <jq.h>

#include "biz.h"
#include "db.h"

struct sink;

/* Lead statuses that count against a rep's capacity. */
#define LEAD_OPEN_STATUSES "('assigned', 'contacted', 'qualified')"

/*
 * Adds rep fields["handle"].  Adding a handle that exists with the same
 * fields is "unchanged"; with other fields it is refused (use rep_set).
 * fields is consumed.
 */
int rep_add(struct db *db, jv fields, struct sink *out);

/* Changes the fields given of an existing rep; fields is consumed. */
int rep_set(struct db *db, const char *handle, jv fields, struct sink *out);

/* Puts rep handle to out, or is BIZ_REFUSED if there is none. */
int rep_get(struct db *db, const char *handle, struct sink *out);

/* Whether rep handle exists: BIZ_OK, or BIZ_REFUSED naming it. */
int rep_exists(struct db *db, const char *handle);

/* Puts each rep (inactive ones only with all) to out, by handle. */
int rep_each(struct db *db, int all, struct sink *out);

/*
 * Adds a lead, or merges it into the lead it duplicates: the same email
 * (case-insensitive), the same phone (digits only) or the same source and
 * external id.  A merge fills the existing lead's empty fields and new
 * custom fields, overwriting nothing.  Fields other than the lead's own
 * become custom fields.  fields is consumed; the lead goes to out.
 */
int lead_upsert(struct db *db, jv fields, struct sink *out);

/* Overwrites the fields given of lead id (custom ones too). */
int lead_set(struct db *db, int64_t id, jv fields, struct sink *out);

/* Puts lead id to out as its public record, or is BIZ_REFUSED. */
int lead_get(struct db *db, int64_t id, struct sink *out);

/*
 * Lead id as an internal record (its custom fields in "extra": see
 * lead_public()) for the caller's own use (assignment, another domain),
 * or BIZ_REFUSED if there is none.
 */
int lead_load(struct db *db, int64_t id, jv *out);

struct lead_filter {
	const char *status;
	const char *owner;
	const char *source;
	int unassigned;
};

/* Puts each lead that passes filter to out, by id, as public records. */
int lead_each(struct db *db, const struct lead_filter *filter,
	      struct sink *out);

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
 * first_contact_at.  The activity record, with "op", goes to out.
 */
int activity_add(struct db *db, jv fields, struct sink *out);

struct activity_filter {
	int64_t lead, customer, deal;	/* 0: any */
	const char *rep;		/* NULL: any */
};

/* Puts each activity that passes filter to out, by time then id. */
int activity_each(struct db *db, const struct activity_filter *filter,
		  struct sink *out);

#endif
