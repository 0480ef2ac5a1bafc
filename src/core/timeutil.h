/*
 * timeutil.h - timestamps and business dates, always UTC.
 *
 * "Now" is $BIZ_NOW when set (tests, backfills), else the clock.
 * Timestamps print as 2026-11-27T08:00:00Z, dates as 2026-11-27.
 */
#ifndef TIMEUTIL_H
#define TIMEUTIL_H

#include <stdint.h>

#define TS_BUFSZ 24

/* Seconds since the epoch for "now"; -1 when $BIZ_NOW is malformed. */
int64_t time_now(void);

/* Formats epoch seconds as a UTC timestamp or date. */
char *time_format(int64_t t, char buf[TS_BUFSZ]);
char *date_format(int64_t t, char buf[TS_BUFSZ]);

/*
 * Parses "YYYY-MM-DD", "YYYY-MM-DDTHH:MM[:SS]Z" (or with a space) into
 * epoch seconds.  Returns 0 or -1 for anything else, including 02-30.
 */
int time_parse(const char *s, int64_t *out);

/* Parses exactly "YYYY-MM-DD" into epoch seconds at 00:00 UTC. */
int date_parse(const char *s, int64_t *out);

/* Which end of a month a date option means ("2026-11"). */
enum date_end {
	DATE_FIRST,	/* --from: 2026-11-01 */
	DATE_LAST,	/* --to, --as-of, --at, --expiry: 2026-11-30 */
	DATE_EXACT	/* --date of a document: a day, not a month */
};

/*
 * Parses a date as users give one: "YYYY-MM-DD"; "YYYY-MM" (its first
 * or last day, by end); "today", "yesterday"; "Nd" (N days before
 * today).  Today is now's UTC date.  Writes the date, "YYYY-MM-DD", into
 * buf.  Returns 0 or -1.
 */
int date_parse_user(const char *s, int64_t now, enum date_end end,
		    char buf[TS_BUFSZ]);

/*
 * A time as users give one: a timestamp (time_parse()), or a date as
 * date_parse_user() reads it, at its first second (DATE_FIRST) or just
 * after its last (DATE_LAST: the next day at 00:00, an exclusive bound).
 * Returns 0 or -1.
 */
int time_parse_user(const char *s, int64_t now, enum date_end end,
		    int64_t *out);

/* Days since 1970-01-01 of a civil date (proleptic Gregorian). */
int64_t days_from_civil(int64_t y, unsigned m, unsigned d);

#endif
