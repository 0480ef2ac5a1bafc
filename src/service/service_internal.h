/*
 * service_internal.h - what ticket.c and ticket_report.c share: the
 * ticket row they read and the arithmetic of the targets.
 */
#ifndef SERVICE_INTERNAL_H
#define SERVICE_INTERNAL_H

#include <stdint.h>
#include <jq.h>

#include "db.h"
#include "json.h"

/* A ticket row with its priority's targets, in ticket_write()'s order. */
#define TICKET_SELECT \
	"SELECT t.id, t.customer_id, t.subject, t.priority, t.channel, " \
	"t.status, t.owner, t.opened_at, t.first_response_at, " \
	"t.resolved_at, t.closed_at, t.csat, g.response_minutes, " \
	"g.resolution_minutes, t.extra, r.ref FROM ticket t " \
	"JOIN ticket_target g ON g.priority = t.priority " \
	"LEFT JOIN ticket_ref r ON r.ticket_id = t.id "

enum {
	TICKET_COL_STATUS = 5,
	TICKET_COL_OWNER = 6,
	TICKET_COL_OPENED = 7,
	TICKET_COL_RESPONSE = 8,
	TICKET_COL_RESOLVED = 9,
	TICKET_COL_CLOSED = 10,
	TICKET_COL_CSAT = 11,
	TICKET_COL_RESPONSE_MIN = 12,
	TICKET_COL_RESOLUTION_MIN = 13,
	TICKET_COL_EXTRA = 14,
	TICKET_COL_REF = 15
};

/* A ticket's times, epoch seconds (-1: not yet), and its targets. */
struct ticket_times {
	int64_t opened, first_response, resolved, closed;
	int64_t response_minutes, resolution_minutes;
};

/* The fields of a ticket to open: own[1..4] subject priority channel owner. */
struct ticket_in {
	int64_t customer;
	char *own[6];		/* customer subject priority channel owner
				   ref, as text */
	jv extra;
};

void ticket_times_read(struct db_stmt *stmt, struct ticket_times *t);

/* Whether the ticket is past its response and resolution targets at now. */
void ticket_breaches(const struct ticket_times *t, int64_t now,
		     int *response, int *resolution);

/* db_row_writer for a TICKET_SELECT row; arg is the struct db. */
void ticket_write(struct json *w, struct db_stmt *stmt, void *arg);

#endif
