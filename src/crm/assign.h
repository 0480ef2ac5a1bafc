/*
 * assign.h - lead distribution: which rep gets each new lead.
 *
 * A run loads every rep and its open-lead count once, decides in memory
 * and writes each decision through lead_assign().  Rules come from a JSON
 * file: the first rule whose jq predicate holds for the lead picks one of
 * its reps by its strategy; without rules a rep is eligible when the
 * lead's region and industry are in the rep's lists (or the list is
 * empty).  Inactive reps and reps whose open leads reach their capacity
 * are never chosen.  Rotation positions persist per rule in assign_state.
 *
 * assign_run() neither begins nor ends the transaction: the caller wraps
 * the whole run in one, so two runs at once never share a lead or push a
 * rep past capacity (the second waits for the first's lock, then sees its
 * work).
 */
#ifndef ASSIGN_H
#define ASSIGN_H

#include <stddef.h>
#include <stdint.h>
#include <jq.h>

#include "db.h"

struct sink;

enum assign_strategy {
	ASSIGN_ROUND_ROBIN,
	ASSIGN_LEAST_LOADED,
	ASSIGN_WEIGHTED
};

/* The strategy named name ("round-robin", ...), -1 if none. */
int assign_strategy_from_name(const char *name);
const char *assign_strategy_name(int strategy);

struct assign_rules;

/*
 * Reads and checks the rules file at path: a JSON array of objects with
 * "name", optional "when" (a jq predicate over the lead, compiled here),
 * "reps" (an array of handles or "*") and optional "strategy".  Returns
 * BIZ_NOINPUT for a missing file, BIZ_DATAERR naming the file or rule for
 * anything wrong, and sets *out.  Whether the reps exist is checked by
 * assign_run(), inside the transaction.
 */
int assign_rules_load(const char *path, struct assign_rules **out);
void assign_rules_free(struct assign_rules *rules);

struct assign_request {
	struct assign_rules *rules;	/* NULL: territory matching */
	int strategy;			/* for rules that name none */
	int64_t stale_hours;		/* < 0: no reassignment */
	int named;			/* assign only ids, not every new lead */
	const int64_t *ids;
	size_t nids;
	struct sink *out;		/* each assignment record */
	int all;			/* print every lead left with no rep,
					   not only those whose reason is new */
	size_t unassigned;		/* out: leads left with no rep */
};

/*
 * Assigns the leads of req and reassigns stale ones, putting one record
 * per lead to req->out (json.h's rule): {"lead", "rep", "rule", "strategy", "reason"} ("rep" null and
 * a reason when no rep is eligible; a reassignment adds "from").  Named
 * leads that are not new (someone owns them) are skipped.  Returns a
 * status: BIZ_DATAERR for a rule naming an unknown rep or a lead id that
 * does not exist.  A lead left with no rep is printed by the run that
 * first finds it, and again only when its reason changes (or with
 * req->all): the reason is kept in lead_route, which crm-lead list
 * --unroutable reads; an assignment clears it.
 */
int assign_run(struct db *db, struct assign_request *req);

#endif
