/*
 * event.h - the append-only event log: the audit trail and the feed
 * integrations follow with biz-events.  Every change appends its event in
 * the transaction that makes the change.
 */
#ifndef EVENT_H
#define EVENT_H

#include <jq.h>

#include "db.h"

/*
 * Appends an event: kind such as "lead.assigned", the entity's table and
 * id, and data (consumed, an object).  The actor is db's session actor.
 */
int event_append(struct db *db, const char *kind, const char *entity,
		 const char *entity_id, jv data);

/* Same, with data already as the JSON text of an object. */
int event_append_json(struct db *db, const char *kind, const char *entity,
		      const char *entity_id, const char *data);

/* Same as event_append(), for an integer id. */
int event_append_id(struct db *db, const char *kind, const char *entity,
		    int64_t entity_id, jv data);

/*
 * BIZ_OK when prefix can name events: a kind in the log starts with it,
 * or it is (the start of) an entity that logs events ("lead", "stock.",
 * "purchase.billed"); else BIZ_DATAERR naming it, so a typo ("leed")
 * is not an empty feed forever.
 */
int event_kind_check(struct db *db, const char *prefix);

/*
 * Puts each event after since_id whose kind starts with prefix (NULL for
 * all), oldest first, as records of the contract's event shape, to out
 * (json.h's rule); *last_id is the id of the last one read, set before
 * each event is handed to out (biz-events reads it there).
 */
struct sink;
int event_each(struct db *db, int64_t since_id, const char *prefix,
	       struct sink *out, int64_t *last_id);

#endif
