/*
 * feed.h - following the event log from cron: where a date starts it,
 * and a cursor file that remembers the last event a run printed.
 */
#ifndef FEED_H
#define FEED_H

#include <stdint.h>

#include "db.h"

/*
 * Sets *id to the last event before time t (epoch seconds), 0 when none:
 * "the events since t" are those after *id.  Returns a status.
 */
int feed_id_before(struct db *db, int64_t t, int64_t *id);

/*
 * Reads the event id stored in the cursor file at path.  A missing file
 * sets *found to 0 and returns BIZ_OK; a file that is not one id is
 * BIZ_DATAERR.
 */
int feed_cursor_read(const char *path, int64_t *id, int *found);

/*
 * Stores id in the cursor file at path atomically: written to a new
 * file beside it (0600, never through a symlink), synced, renamed over
 * it.  A run killed at any moment leaves the old id or the new one.
 */
int feed_cursor_write(const char *path, int64_t id);

#endif
