/*
 * timeutil.c - days_from_civil, time_parse, date_parse, time_format and
 * $BIZ_NOW.  Epoch values are worked out by hand in the comments.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "timeutil.h"
#include "tap.h"

static void days_is(int64_t y, unsigned m, unsigned d, int64_t want,
		    const char *arithmetic)
{
	int64_t got = days_from_civil(y, m, d);

	if (!ok(got == want, "days_from_civil(%04lld-%02u-%02u) = %lld: %s",
		(long long)y, m, d, (long long)want, arithmetic))
		diag("got %lld", (long long)got);
}

static void time_is(const char *text, int64_t want)
{
	int64_t got = -1;
	int rc = time_parse(text, &got);

	if (!ok(rc == 0 && got == want, "time_parse(\"%s\") = %lld", text,
		(long long)want))
		diag("rc %d, got %lld", rc, (long long)got);
}

static void time_refused(const char *text, const char *why)
{
	int64_t got = 4242;
	int rc = time_parse(text, &got);

	if (!ok(rc == -1 && got == 4242, "time_parse(\"%s\") refused: %s",
		text, why))
		diag("rc %d, got %lld", rc, (long long)got);
}

static void date_is(const char *text, int64_t want)
{
	int64_t got = -1;
	int rc = date_parse(text, &got);

	if (!ok(rc == 0 && got == want, "date_parse(\"%s\") = %lld", text,
		(long long)want))
		diag("rc %d, got %lld", rc, (long long)got);
}

static void date_refused(const char *text, const char *why)
{
	int64_t got = 4242;
	int rc = date_parse(text, &got);

	if (!ok(rc == -1 && got == 4242, "date_parse(\"%s\") refused: %s",
		text, why))
		diag("rc %d, got %lld", rc, (long long)got);
}

int main(void)
{
	char buf[TS_BUFSZ];
	int64_t t;

	days_is(1970, 1, 1, 0, "the epoch");
	days_is(1969, 12, 31, -1, "the day before");
	days_is(1970, 3, 1, 59, "31 + 28");
	/* 1970..1999: 30 years, 7 leap days (72 76 80 84 88 92 96). */
	days_is(2000, 1, 1, 10957, "30 * 365 + 7");
	/* 2000 is a leap year (divisible by 400): Feb has 29 days. */
	days_is(2000, 2, 29, 10957 + 31 + 28, "2000-01-01 + 59");
	days_is(2000, 3, 1, 10957 + 31 + 29, "2000-01-01 + 60");
	/* 1970..2023: 54 years, 13 leap days (1972..2020). */
	days_is(2024, 2, 29, 54 * 365 + 13 + 31 + 28, "19723 + 59");
	/* 1970..2025: 56 years, 14 leap days (1972..2024); Jan..Oct 2026
	 * = 304 days; + 26. */
	days_is(2026, 11, 27, 56 * 365 + 14 + 304 + 26, "20454 + 330");
	/* 1900 is not a leap year: 1900..1969 = 70 years, 17 leap days
	 * (1904..1968), so 1900-01-01 is -25567, + 31 + 28. */
	days_is(1900, 3, 1, -(70 * 365 + 17) + 59, "-25567 + 59");
	/* 1969 years from 0001: 1969 * 365 + 492 - 19 + 4 leap days. */
	days_is(1, 1, 1, -(1969 * 365 + 477), "-719162");

	/* 2026-11-27 is day 20784: 20784 * 86400 = 1795737600. */
	date_is("2026-11-27", INT64_C(1795737600));
	date_is("1970-01-01", 0);
	date_is("1969-12-31", -86400);
	date_is("2024-02-29", INT64_C(19782) * 86400);
	date_is("2000-02-29", INT64_C(11016) * 86400);
	date_refused("2026-02-29", "2026 is not a leap year");
	date_refused("1900-02-29", "1900 is not a leap year");
	date_refused("2100-02-29", "2100 is not a leap year");
	date_refused("2026-02-30", "February 30th");
	date_refused("2026-04-31", "April 31st");
	date_refused("2026-13-01", "month 13");
	date_refused("2026-00-10", "month 0");
	date_refused("2026-01-00", "day 0");
	date_refused("2026-1-27", "a one-digit month");
	date_refused("26-11-27", "a two-digit year");
	date_refused("2026/11/27", "slashes");
	date_refused("2026-11-27T08:00:00Z", "a time in a date");
	date_refused("2026-11-27 ", "a trailing space");
	date_refused("", "empty");

	/* + 8 * 3600 = 28800. */
	time_is("2026-11-27T08:00:00Z", INT64_C(1795766400));
	time_is("2026-11-27T08:00Z", INT64_C(1795766400));
	time_is("2026-11-27 08:00:00", INT64_C(1795766400));
	time_is("2026-11-27", INT64_C(1795737600));
	time_is("2026-11-27T23:59:59Z", INT64_C(1795737600) + 86399);
	time_is("2024-02-29T12:30:15Z",
		INT64_C(19782) * 86400 + 12 * 3600 + 30 * 60 + 15);
	time_refused("2026-02-29T08:00:00Z", "2026-02-29");
	time_refused("2026-11-27T24:00:00Z", "hour 24");
	time_refused("2026-11-27T08:60:00Z", "minute 60");
	time_refused("2026-11-27T08:00:61Z", "second 61");
	time_refused("2026-11-27T08:00:00+01:00", "an offset");
	time_refused("2026-11-27T8:00:00Z", "a one-digit hour");
	time_refused("2026-11-27T", "a T alone");
	time_refused("2026-11-27x08:00:00Z", "a wrong separator");
	time_refused("2026-11-27T08:00:00ZZ", "text after Z");
	time_refused("now", "a word");

	ok(!strcmp(time_format(INT64_C(1795766400), buf),
		   "2026-11-27T08:00:00Z"),
	   "time_format(1795766400) = 2026-11-27T08:00:00Z");
	ok(!strcmp(date_format(INT64_C(1795766400), buf), "2026-11-27"),
	   "date_format(1795766400) = 2026-11-27");
	ok(!strcmp(time_format(-1, buf), "1969-12-31T23:59:59Z"),
	   "time_format(-1) = 1969-12-31T23:59:59Z");
	ok(time_parse(time_format(INT64_C(951782400), buf), &t) == 0 &&
		   t == INT64_C(951782400),
	   "time_format and time_parse round trip (2000-02-29)");

	/* Found by tests/fuzz/date.c: years under 1000 kept their zeros. */
	ok(date_parse("0224-02-29", &t) == 0 &&
		   !strcmp(date_format(t, buf), "0224-02-29"),
	   "date_format keeps a year's four digits (0224-02-29)");
	ok(time_parse("0001-01-01T00:00:00Z", &t) == 0 &&
		   !strcmp(time_format(t, buf), "0001-01-01T00:00:00Z"),
	   "time_format keeps a year's four digits (0001-01-01)");

	/* Also found by the fuzzer: this printed as 10000-01-01. */
	ok(time_parse("9999-12-31T23:59:60Z", &t) == -1,
	   "a leap second past the end of 9999 is refused");
	ok(time_parse("9999-12-31T23:59:59Z", &t) == 0 &&
		   !strcmp(time_format(t, buf), "9999-12-31T23:59:59Z"),
	   "9999-12-31T23:59:59Z is the last time");

	setenv("BIZ_NOW", "2026-11-27T08:00:00Z", 1);
	ok(time_now() == INT64_C(1795766400), "$BIZ_NOW fixes time_now()");
	setenv("BIZ_NOW", "2026-02-29", 1);
	ok(time_now() == -1, "a malformed $BIZ_NOW gives -1");
	unsetenv("BIZ_NOW");
	ok(time_now() > INT64_C(1700000000), "without $BIZ_NOW, the clock");

	return tap_done();
}
