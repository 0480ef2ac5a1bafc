/*
 * service.h - after-sales service: tickets (ticket.c), their targets and
 * reports (ticket_report.c).
 *
 * A ticket is opened for a customer with a priority (low, normal, high,
 * urgent) and a channel; its status goes open -> resolved -> closed, and
 * reopen brings a resolved or closed one back to open.  The first reply
 * stamps first_response_at.  Each priority has a target for the first
 * response and one for the resolution (minutes, data in ticket_target):
 * a ticket is breached on a target when the time it took (or, still
 * waiting, the time up to now) passes it.  Every change is kept in the
 * ticket's history with its time and actor, and appends an event.
 *
 * Writes run in the caller's transaction and write the ticket's record,
 * with "op", into *out; lists and reports put their records to a sink
 * (json.h's rule).  Nothing here prints or exits.
 */
#ifndef SERVICE_H
#define SERVICE_H

#include <stdint.h>
#include <jq.h>

#include "db.h"
#include "json.h"

/* Whether text is one of the priorities: low normal high urgent. */
int ticket_priority_valid(const char *text);

/* Whether text is one of the statuses: open resolved closed. */
int ticket_status_valid(const char *text);

/*
 * Opens a ticket from fields (consumed): customer (must exist: else
 * BIZ_DATAERR), subject, and optional priority (default normal), channel,
 * owner (a rep); other fields become custom fields.
 */
int ticket_open(struct db *db, jv fields, struct json *out);

/* Whether name is one of a ticket's own fields (else a custom one). */
int ticket_field_known(const char *name);

/* Gives ticket id to rep owner; the same owner is "unchanged". */
int ticket_assign(struct db *db, int64_t id, const char *owner,
		  struct json *out);

/*
 * Records a reply (note may be NULL) on an open ticket; the first one
 * stamps first_response_at.  A resolved or closed ticket is refused.
 */
int ticket_reply(struct db *db, int64_t id, const char *note,
		 struct json *out);

/* Open -> resolved, stamping resolved_at; otherwise refused. */
int ticket_resolve(struct db *db, int64_t id, const char *note,
		   struct json *out);

/*
 * Open or resolved -> closed, stamping closed_at (and resolved_at when
 * not yet resolved), with csat 1 to 5 (0: not given; anything else is
 * BIZ_DATAERR).  A closed ticket is refused.
 */
int ticket_close(struct db *db, int64_t id, int64_t csat, struct json *out);

/*
 * Resolved or closed -> open, clearing resolved_at, closed_at and csat
 * (the history keeps them).  An open ticket is refused.
 */
int ticket_reopen(struct db *db, int64_t id, const char *note,
		  struct json *out);

/*
 * Ticket id's record (id customer subject priority channel status owner
 * opened_at first_response_at resolved_at closed_at csat response_due
 * resolution_due breached[] + custom fields), with history, its changes
 * oldest first, when history is set; BIZ_DATAERR when there is none.
 */
int ticket_get(struct db *db, int64_t id, int history, struct json *out);

struct ticket_filter {
	int64_t customer;	/* 0: any */
	const char *status;	/* NULL: any */
	const char *owner;	/* NULL: any */
	const char *priority;	/* NULL: any */
	int open;		/* status open only */
	int breached;		/* open and past a target now */
	int newest_first;
	int64_t limit;		/* 0: no limit */
};

/* Puts each ticket that passes filter to out, by id. */
int ticket_each(struct db *db, const struct ticket_filter *filter,
		struct sink *out);

/* Puts each priority's targets (priority response_hours resolution_hours). */
int ticket_target_each(struct db *db, struct sink *out);

/*
 * Sets the targets of priority, in minutes (0 keeps one); "op" updated
 * or unchanged.
 */
int ticket_target_set(struct db *db, const char *priority,
		      int64_t response_minutes, int64_t resolution_minutes,
		      struct json *out);

enum ticket_period { TICKET_BY_MONTH, TICKET_BY_DAY, TICKET_BY_ALL };

struct ticket_stats {
	const char *from_at, *to_at;	/* [from, to): NULL open-ended */
	enum ticket_period period;
	const char *owner;		/* NULL: every rep */
};

/*
 * One record per period and rep (owner null: unassigned), by period
 * then rep: period rep opened resolved median_response_hours
 * median_resolution_hours breaches avg_csat csat_answered.  See
 * crm-ticket(1) for which time puts a ticket in a period.
 */
int ticket_stats(struct db *db, const struct ticket_stats *q,
		 struct sink *out);

/* A customer's service figures for its 360-degree view. */
struct service_figures {
	int64_t tickets, open_tickets, csat_sum, csat_answered;
};

/* Sets *figures over every ticket of customer. */
int service_customer_figures(struct db *db, int64_t customer,
			     struct service_figures *figures);

/*
 * Writes the member "tickets" into w: customer's latest tickets (newest
 * first, at most limit; 0: all) as their records.
 */
int service_customer_write_tickets(struct db *db, int64_t customer,
				   int64_t limit, struct json *w);

#endif
