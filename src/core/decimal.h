/*
 * decimal.h - exact fixed-point numbers.
 *
 * Quantities carry QTY_SCALE places and money the database's scale (2 by
 * default); both are held as int64_t counts of the smallest unit.  Text is
 * parsed digit by digit, never through a double.
 */
#ifndef DECIMAL_H
#define DECIMAL_H

#include <stdint.h>
#include <jq.h>

#define QTY_SCALE 3
/* One unit as a quantity: 10^QTY_SCALE. */
#define QTY_ONE 1000
#define DEC_MAX_SCALE 6
/* Room for "-9223372036854775808" with a point. */
#define DEC_BUFSZ 32

/*
 * Every quantity and amount stored, added up by a report or printed stays
 * within DEC_TOTAL_LIMIT of its smallest unit: under 10^15, where a JSON
 * number (a double, as jq reads it) still holds every decimal exactly, so
 * nothing printed is rounded: 9,999,999,999,999.99 at two places,
 * 999,999,999,999.999 units of a quantity.  Input is also held under
 * 10^13 units (DEC_INPUT_LIMIT), whichever is less.  A write past the
 * limit is refused (1, schema.c's triggers); a report that would add up
 * past it is 65 (dec_add).
 */
#define DEC_INPUT_LIMIT 10000000000000LL
#define DEC_TOTAL_LIMIT 999999999999999LL
#define DEC_TOTAL_LIMIT_TEXT "10^15"

/*
 * Whether text, which dec_parse() refused, is a well-formed number (a
 * sign, digits, at most scale places that are not zero) refused only for
 * its size: past DEC_INPUT_LIMIT or DEC_TOTAL_LIMIT.
 */
int dec_too_large(const char *text, int scale);

/*
 * The refusal of text for what (a field or an option): BIZ_DATAERR with
 * "WHAT: 'TEXT' is not a number with at most N decimal places", or, for
 * a number refused for its size, "... is past the largest figure taken
 * (under 10^13 units and 10^15 of its smallest unit)".
 */
int dec_parse_fail(const char *what, const char *text, int scale);

/*
 * Parses "-12.5" into 1250 at scale 2.  Accepts an optional sign, digits
 * and at most scale decimal places; refuses exponents, thousands
 * separators, spaces and magnitudes of DEC_INPUT_LIMIT or more.  Returns
 * 0 or -1.
 */
int dec_parse(const char *s, int scale, int64_t *out);

/* Formats v at scale without trailing zeros beyond the point ("12.5"). */
char *dec_format(int64_t v, int scale, char buf[DEC_BUFSZ]);

/*
 * Reads a JSON value (string or number) at scale.  A number goes through
 * its shortest decimal text, so 1.1 reads as 1.1; one that needs more
 * digits than a double holds exactly is refused.  Returns 0 or -1.
 * Consumes v.
 */
int dec_from_jv(jv v, int scale, int64_t *out);

/* A JSON number whose shortest text is v's decimal text. */
jv dec_to_jv(int64_t v, int scale);

/*
 * The JSON text of dec_to_jv(v, scale) as rec_dump() writes it, without
 * the trip through a double where that text is dec_format()'s: up to 15
 * digits at a scale of 4 or less (jq writes those plainly, "0.0001" and
 * "-12.5").  Returns buf.
 */
char *dec_format_json(int64_t v, int scale, char buf[DEC_BUFSZ]);

/*
 * value * num / den rounded half to even, exact for |value * num| < 2^127.
 * den must be positive.  A result beyond int64 is clamped to INT64_MAX or
 * INT64_MIN (never wrapped), which no stored total accepts.
 */
int64_t dec_muldiv(int64_t value, int64_t num, int64_t den);

/*
 * The sums a report adds up: *sum += v (dec_add), *sum -= v (dec_sub),
 * unless the result would pass DEC_TOTAL_LIMIT (or int64 on the way);
 * then -1, *sum left as it was.  Each stored total is within the limit,
 * but a report adds many of them: two of them can pass it.
 */
static inline int dec_add(int64_t *sum, int64_t v)
{
	int64_t r;

	if (__builtin_add_overflow(*sum, v, &r) || r > DEC_TOTAL_LIMIT ||
	    r < -DEC_TOTAL_LIMIT)
		return -1;
	*sum = r;
	return 0;
}

static inline int dec_sub(int64_t *sum, int64_t v)
{
	int64_t r;

	if (__builtin_sub_overflow(*sum, v, &r) || r > DEC_TOTAL_LIMIT ||
	    r < -DEC_TOTAL_LIMIT)
		return -1;
	*sum = r;
	return 0;
}

/*
 * A sum of the whole database that may pass int64 (biz-check's totals:
 * every balance within DEC_TOTAL_LIMIT, but any number of them), and its
 * decimal text ("-1234.5" at scale 2), 40 digits at most.
 */
typedef __int128 dec_wide;
#define DEC_WIDE_BUFSZ 48
char *dec_format_wide(dec_wide v, int scale, char buf[DEC_WIDE_BUFSZ]);

/*
 * The failure of a report whose total would pass DEC_TOTAL_LIMIT: 65 (the data
 * cannot be shown as asked, nothing wrong is printed), the message
 * "WHAT: the total passes ...", WHAT formatted as printf does.
 */
int dec_sum_fail(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
