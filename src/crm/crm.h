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
struct json;

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
	int unroutable;		/* only leads crm-assign found no rep for */
};

/* Whether name is a field of the lead record (else a custom field). */
int lead_field_known(const char *name);

/* Puts each lead that passes filter to out, by id, as public records. */
/* The statuses of a lead, ending with NULL. */
extern const char *const lead_status_names[];

int lead_each(struct db *db, const struct lead_filter *filter,
	      struct sink *out);

/*
 * The deduplication keys of leads and customers (newly allocated, NULL
 * for NULL): an email in lower-case ASCII; a phone number's digits, NULL
 * when it has none.
 */
char *crm_email_key(const char *email);
char *crm_phone_key(const char *phone);

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
/* The kinds of an activity, ending with NULL. */
extern const char *const crm_activity_kinds[];

int activity_add(struct db *db, jv fields, struct sink *out);

struct activity_filter {
	int64_t lead, customer, deal;	/* 0: any */
	const char *rep;		/* NULL: any */
};

/* Puts each activity that passes filter to out, by time then id. */
int activity_each(struct db *db, const struct activity_filter *filter,
		  struct sink *out);

/* ---- customers (customer.c) --------------------------------------- */

/*
 * Whether tag is a valid tag: UTF-8 text, not empty, without white
 * space or control characters (as codes and handles).
 */
int crm_tag_valid(const char *tag);

/*
 * record (consumed) with the members of extra (consumed; ignored unless
 * an object) added after its own fields, none of which they replace.
 */
jv crm_merge_custom(jv record, jv extra);

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

/* 1 when an input field of that name is not a custom field. */
int customer_field_known(const char *name);

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
 * Puts the 360-degree view of customer id to out: its record, "deals"
 * (its deals, newest first) and "activities" (the latest ten, newest
 * first); BIZ_DATAERR "no such customer ID" if there is none.
 */
int customer_show(struct db *db, int64_t id, struct sink *out);

struct customer_filter {
	const char *const *tags;	/* every one of them */
	size_t ntags;
	const char *industry;
	const char *region;
	/*
	 * When set, called for each customer that passes with its record
	 * still open in w: it may add members; 1 leaves the customer out,
	 * another non-zero status stops.
	 */
	int (*extend)(struct db *db, int64_t id, struct json *w, void *arg);
	void *extend_arg;
};

/* Puts each customer that passes filter to out, by id. */
int customer_each(struct db *db, const struct customer_filter *filter,
		  struct sink *out);

/* ---- segments (segment.c) ------------------------------------------- */

struct crm_segment {
	const char *const *tags;	/* every one of them */
	size_t ntags;
	const char *industry;
	const char *region;
	int has_min_revenue;
	int64_t min_revenue;		/* lifetime revenue, money scale */
	const char *since;		/* last_purchase on or after, or NULL */
	int rfm;			/* add the RFM scores */
	int64_t window_days;		/* of frequency and monetary */
};

/*
 * Puts each customer record that passes q's filters (all of them) to
 * out, by id; with rfm each record also has recency_days frequency
 * monetary rfm ("545") and segment, scored among the customers with an
 * invoice as crm-segment(1) says.
 */
int crm_segment(struct db *db, const struct crm_segment *q,
		struct sink *out);

/* The segment name of scores r, f, m (crm-segment(1)'s table). */
const char *crm_rfm_segment(int r, int f, int m);

/* ---- deals (deal.c) ------------------------------------------------ */

struct deal_filter {
	int64_t customer;	/* 0: any */
	const char *stage;	/* NULL: any */
	const char *owner;	/* NULL: any */
	int open;		/* only deals in an open stage */
	int newest_first;	/* by id descending */
};

/*
 * Puts each deal that passes filter to out (records: id customer title
 * amount stage probability owner close closed_at created_at lost_reason
 * lead stage_at, then custom fields), by id.
 */
int deal_each(struct db *db, const struct deal_filter *filter,
	      struct sink *out);

/* The same deals written into w as one array (a record's member). */
struct json;
int deal_write_each(struct db *db, const struct deal_filter *filter,
		    struct json *w);

/* Deal id as a record, or BIZ_DATAERR "no such deal ID" (out NULL: check). */
int deal_get(struct db *db, int64_t id, jv *out);

/* What a stage does to a deal in it. */
enum deal_kind { DEAL_OPEN, DEAL_WON, DEAL_LOST };

struct deal_stage {
	char *name;
	int probability;	/* percent, 0 to 100 */
	int64_t position;
	enum deal_kind kind;
};

/* The stages in their order. */
struct deal_stages {
	struct deal_stage *list;
	size_t len, cap;
};

int deal_stages_load(struct db *db, struct deal_stages *stages);
void deal_stages_release(struct deal_stages *stages);

/* The index of the stage called name in stages, -1 if none. */
int deal_stage_index(const struct deal_stages *stages, const char *name);

/* Puts each stage (name probability order kind) to out, in order. */
int deal_stage_each(struct db *db, struct sink *out);

/*
 * Creates or changes stage name: probability (percent; -1 keeps it, a new
 * stage needs one) and order (its place from 1, the others shifting;
 * 0 keeps it, a new stage goes after the last open one).
 */
int deal_stage_set(struct db *db, const char *name, int probability,
		   int64_t order, jv *out);

/* Parses an amount (consumed): exact at the money scale, not negative. */
int deal_parse_amount(struct db *db, jv value, int64_t *amount);

/*
 * Opens a deal from fields (consumed): customer (must exist), title,
 * amount, and optional stage (default the first open one), close (a
 * date), owner (a rep), lead; others become custom fields.  The opening
 * is the deal's first history row.
 */
int deal_add(struct db *db, jv fields, jv *out);

/*
 * Moves deal id to stage (or, with stage NULL, to the first stage of
 * kind: won, lost), keeping the change in the history with its time and
 * actor.  A closing stage stamps closed_at (reason: a lost deal's
 * reason); an open one clears it (reopening).  The same stage is
 * "unchanged".  An unknown stage is BIZ_DATAERR naming the known ones.
 */
int deal_move(struct db *db, int64_t id, const char *stage, int kind,
	      const char *reason, jv *out);

/*
 * Puts deal id's record to out with "history": its stage changes
 * {from to at actor}, oldest first; BIZ_DATAERR if there is none.
 */
int deal_show(struct db *db, int64_t id, struct sink *out);

/* ---- pipeline reports (pipeline.c) ---------------------------------- */

struct sink;

/*
 * A report's period: timestamps from_at (inclusive) to to_at (exclusive)
 * for events, and the same days as dates from_date to to_date (both
 * inclusive) for expected close dates.  An end not given is open.
 */
struct crm_period {
	int has_from, has_to;
	char from_at[24], to_at[24];
	char from_date[24], to_date[24];
};

/*
 * Reads --from and --to (either NULL): YYYY-MM-DD, YYYY-MM (the month:
 * its first day for from, its last for to), today, yesterday, Nd (N days
 * before today) or a timestamp.  A bad one is BIZ_USAGE.
 */
int crm_period_parse(struct db *db, const char *from, const char *to,
		     struct crm_period *period);

struct crm_funnel {
	struct crm_period period;
	const char *owner;	/* NULL: every deal */
};

/*
 * One record per stage, in order: stage probability entered (deals that
 * entered it in the period, once each) now (deals in it now) next
 * conversion (entered next / entered, 4 places; null with none) stays
 * (stays begun in the period that ended) avg_days (their mean, 2 places).
 */
int crm_funnel(struct db *db, const struct crm_funnel *q, struct sink *out);

enum forecast_by { FORECAST_BY_MONTH, FORECAST_BY_REP, FORECAST_BY_STAGE };

struct crm_forecast {
	struct crm_period period;	/* of the expected close dates */
	enum forecast_by by;
};

/*
 * One record per month of expected close (rep, stage): month deals
 * weighted historical best_case won_deals won.  See crm-forecast(1) for
 * the arithmetic and its rounding.
 */
int crm_forecast(struct db *db, const struct crm_forecast *q,
		 struct sink *out);

struct crm_stats {
	struct crm_period period;
	const char *rep;	/* NULL: every rep */
};

/*
 * One record per rep: rep activities call visit email meeting quote note
 * leads_assigned median_hours_to_first_contact deals_won deals_lost
 * amount_won win_rate avg_cycle_days.
 */
int crm_stats(struct db *db, const struct crm_stats *q, struct sink *out);

/* ---- lead conversion (convert.c) ------------------------------------ */

/*
 * Whether lead id may go from status from to status to: forward only
 * (new, assigned, contacted, qualified, converted), lost from any but
 * converted, and lost back to new (reopened).  BIZ_REFUSED otherwise.
 */
int lead_status_allowed(int64_t id, const char *from, const char *to);

struct lead_conversion {
	int64_t customer;	/* 0: found by email, else company, or new */
	const char *amount;	/* NULL: 0 */
	const char *title;	/* NULL: the company, else the lead's name */
	const char *close;	/* the expected close date, or NULL */
};

/*
 * Converts lead id: finds its customer (the one asked for, else by the
 * lead's email, else by its company name) or creates it, opens a deal in
 * the first stage owned by the lead's owner, marks the lead converted and
 * links it to both.  *out is {lead, customer, deal}.  A lead already
 * converted (or lost) is refused (BIZ_REFUSED), a missing one BIZ_DATAERR.
 */
int lead_convert(struct db *db, int64_t id, const struct lead_conversion *c,
		 jv *out);

#endif
