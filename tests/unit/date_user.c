/*
 * date_user.c - date_parse_user and time_parse_user: the forms every date
 * option takes, relative to a fixed now.  Dates worked out by hand.
 */
#include <stdint.h>
#include <string.h>

#include "timeutil.h"
#include "tap.h"

/* 2026-11-27T08:00:00Z: day 20784 (see timeutil.c) * 86400 + 8 h. */
#define NOW INT64_C(1795766400)
#define DAY_1127 INT64_C(1795737600)

static void user_date_is(const char *text, enum date_end end,
			 const char *want)
{
	char buf[TS_BUFSZ] = "";
	int rc = date_parse_user(text, NOW, end, buf);

	if (!ok(rc == 0 && !strcmp(buf, want), "\"%s\" (%s) is %s", text,
		end == DATE_FIRST ? "first" : end == DATE_LAST ? "last" :
		"exact", want))
		diag("rc %d, got '%s'", rc, buf);
}

static void user_date_refused(const char *text, enum date_end end,
			      const char *why)
{
	char buf[TS_BUFSZ] = "untouched";
	int rc = date_parse_user(text, NOW, end, buf);

	if (!ok(rc == -1 && !strcmp(buf, "untouched"), "\"%s\" refused: %s",
		text, why))
		diag("rc %d, got '%s'", rc, buf);
}

int main(void)
{
	int64_t t = 0;

	user_date_is("2026-11-03", DATE_FIRST, "2026-11-03");
	user_date_is("today", DATE_LAST, "2026-11-27");
	user_date_is("yesterday", DATE_FIRST, "2026-11-26");
	user_date_is("0d", DATE_FIRST, "2026-11-27");
	/* 27 days back from the 27th is the last day of October. */
	user_date_is("27d", DATE_FIRST, "2026-10-31");
	/* 2026-11-27 is day 20784; 365 days back is 2025-11-27. */
	user_date_is("365d", DATE_FIRST, "2025-11-27");
	user_date_is("2026-11", DATE_FIRST, "2026-11-01");
	user_date_is("2026-11", DATE_LAST, "2026-11-30");
	user_date_is("2024-02", DATE_LAST, "2024-02-29");
	user_date_is("2026-02", DATE_LAST, "2026-02-28");
	user_date_is("1900-02", DATE_LAST, "1900-02-28");
	user_date_is("2026-12", DATE_LAST, "2026-12-31");
	user_date_refused("2026-11", DATE_EXACT, "a month is not a day");
	user_date_refused("2026-13", DATE_LAST, "month 13");
	user_date_refused("2026-00", DATE_FIRST, "month 0");
	user_date_refused("d", DATE_FIRST, "no number");
	user_date_refused("-3d", DATE_FIRST, "a sign");
	user_date_refused("3 d", DATE_FIRST, "a space");
	user_date_refused("tomorrow", DATE_FIRST, "not a form");
	user_date_refused("Today", DATE_FIRST, "capitals");
	user_date_refused("2026-02-30", DATE_FIRST, "February 30th");
	user_date_refused("2026-11-27T08:00:00Z", DATE_FIRST, "a time");

	ok(time_parse_user("2026-11-27", NOW, DATE_FIRST, &t) == 0 &&
		   t == DAY_1127, "a date as a time: its first second");
	ok(time_parse_user("2026-11", NOW, DATE_LAST, &t) == 0 &&
		   t == DAY_1127 + 4 * 86400,
	   "a month as an end: 2026-12-01T00:00 (27th + 4 days)");
	ok(time_parse_user("yesterday", NOW, DATE_FIRST, &t) == 0 &&
		   t == DAY_1127 - 86400, "yesterday at 00:00");
	ok(time_parse_user("2026-11-27T08:30:00Z", NOW, DATE_FIRST, &t) == 0
		   && t == NOW + 1800, "a timestamp as it is");
	ok(time_parse_user("soon", NOW, DATE_FIRST, &t) == -1,
	   "a word is refused");
	return tap_done();
}
