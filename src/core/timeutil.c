/* timeutil.c - UTC time without the local time zone or timegm(). */
#include "timeutil.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "banned.h"

/* Howard Hinnant's days_from_civil: exact for every Gregorian date. */
int64_t days_from_civil(int64_t y, unsigned m, unsigned d)
{
	int64_t era;
	unsigned yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = (unsigned)(y - era * 400);
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + (int64_t)doe - 719468;
}

static int days_in_month(int y, int m)
{
	static const int days[] = { 31, 28, 31, 30, 31, 30,
				    31, 31, 30, 31, 30, 31 };
	int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;

	return m == 2 && leap ? 29 : days[m - 1];
}

/* Reads exactly n digits. */
static int digits(const char **s, int n, int *out)
{
	int v = 0;

	for (int i = 0; i < n; i++, (*s)++) {
		if (**s < '0' || **s > '9')
			return -1;
		v = v * 10 + (**s - '0');
	}
	*out = v;
	return 0;
}

static int parse(const char *s, int date_only, int64_t *out)
{
	int y, mo, d, h = 0, mi = 0, se = 0;

	if (digits(&s, 4, &y) || *s++ != '-' || digits(&s, 2, &mo) ||
	    *s++ != '-' || digits(&s, 2, &d))
		return -1;
	if (mo < 1 || mo > 12 || d < 1 || d > days_in_month(y, mo))
		return -1;
	if (*s && !date_only) {
		if (*s != 'T' && *s != ' ')
			return -1;
		s++;
		if (digits(&s, 2, &h) || *s++ != ':' || digits(&s, 2, &mi))
			return -1;
		if (*s == ':' && (s++, digits(&s, 2, &se)))
			return -1;
		if (*s == 'Z')
			s++;
		if (h > 23 || mi > 59 || se > 60)
			return -1;
	}
	if (*s)
		return -1;
	*out = days_from_civil(y, mo, d) * 86400 + h * 3600 + mi * 60 + se;
	/* A leap second at the end of 9999 would print as year 10000. */
	if (*out > days_from_civil(9999, 12, 31) * 86400 + 86399)
		return -1;
	return 0;
}

int time_parse(const char *s, int64_t *out)
{
	return parse(s, 0, out);
}

int date_parse(const char *s, int64_t *out)
{
	return parse(s, 1, out);
}

/* Floor division of seconds into days, right for times before 1970. */
static int64_t day_of(int64_t t)
{
	return t >= 0 ? t / 86400 : -((-t + 86399) / 86400);
}

/* Parses s as a day number (days since 1970-01-01) or fails. */
static int user_day(const char *s, int64_t now, enum date_end end,
		    int64_t *day)
{
	int64_t t, n;
	int y, mo;
	const char *p = s;
	size_t len = strlen(s);

	if (!strcmp(s, "today") || !strcmp(s, "yesterday")) {
		*day = day_of(now) - (s[0] == 'y');
		return 0;
	}
	if (len >= 2 && s[len - 1] == 'd' && s[0] >= '0' && s[0] <= '9') {
		n = 0;
		for (p = s; p < s + len - 1; p++) {
			if (*p < '0' || *p > '9' || n > 1000000)
				return -1;
			n = n * 10 + (*p - '0');
		}
		*day = day_of(now) - n;
		return 0;
	}
	if (len == 7 && end != DATE_EXACT && !digits(&p, 4, &y) &&
	    *p++ == '-' &&
	    !digits(&p, 2, &mo) && !*p) {
		if (mo < 1 || mo > 12)
			return -1;
		*day = days_from_civil(y, (unsigned)mo,
				       end == DATE_FIRST ? 1u :
				       (unsigned)days_in_month(y, mo));
		return 0;
	}
	if (date_parse(s, &t))
		return -1;
	*day = t / 86400;
	return 0;
}

int date_parse_user(const char *s, int64_t now, enum date_end end,
		    char buf[TS_BUFSZ])
{
	int64_t day;

	if (user_day(s, now, end, &day))
		return -1;
	date_format(day * 86400, buf);
	return 0;
}

int time_parse_user(const char *s, int64_t now, enum date_end end,
		    int64_t *out)
{
	int64_t day;

	if (!user_day(s, now, end, &day)) {
		*out = (day + (end == DATE_LAST)) * 86400;
		return 0;
	}
	return time_parse(s, out);
}

int64_t time_now(void)
{
	const char *fixed = getenv("BIZ_NOW");
	int64_t t;

	if (!fixed || !*fixed)
		return (int64_t)time(NULL);
	return time_parse(fixed, &t) ? -1 : t;
}

/*
 * tm as "YYYY-MM-DD" (with time: "YYYY-MM-DDTHH:MM:SSZ") into buf.  The
 * year takes four digits at least, as the parser reads it: strftime's %Y
 * prints year 224 as "224" (found by tests/fuzz/date.c).
 */
static void format_tm(const struct tm *tm, int with_time, char *buf)
{
	char text[80];
	size_t n;

	if (with_time)
		snprintf(text, sizeof(text), "%04d-%02d-%02dT%02d:%02d:%02dZ",
			 tm->tm_year + 1900, tm->tm_mon + 1, tm->tm_mday,
			 tm->tm_hour, tm->tm_min, tm->tm_sec);
	else
		snprintf(text, sizeof(text), "%04d-%02d-%02d",
			 tm->tm_year + 1900, tm->tm_mon + 1, tm->tm_mday);
	n = strlen(text);
	if (n >= TS_BUFSZ)
		n = TS_BUFSZ - 1;
	memcpy(buf, text, n);
	buf[n] = '\0';
}

char *time_format(int64_t t, char buf[TS_BUFSZ])
{
	/* A run stamps its one "now" on row after row: keep the last. */
	static int64_t last_t;
	static char last[TS_BUFSZ];
	time_t tt = (time_t)t;
	struct tm tm;

	if (!last[0] || t != last_t) {
		gmtime_r(&tt, &tm);
		format_tm(&tm, 1, last);
		last_t = t;
	}
	memcpy(buf, last, TS_BUFSZ);
	return buf;
}

char *date_format(int64_t t, char buf[TS_BUFSZ])
{
	time_t tt = (time_t)t;
	struct tm tm;

	gmtime_r(&tt, &tm);
	format_tm(&tm, 0, buf);
	return buf;
}
