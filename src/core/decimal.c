/* decimal.c - exact fixed-point parsing, printing and scaling. */
#include "decimal.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "biz.h"
#include "banned.h"

_Static_assert(QTY_ONE == 1000 && QTY_SCALE == 3, "QTY_ONE is 10^QTY_SCALE");

int dec_parse(const char *s, int scale, int64_t *out)
{
	int negative = 0, places = -1, digits = 0;
	uint64_t v = 0, limit, max = DEC_INPUT_LIMIT;

	if (*s == '-' || *s == '+')
		negative = *s++ == '-';
	limit = negative ? (uint64_t)INT64_MAX + 1 : (uint64_t)INT64_MAX;
	for (; *s; s++) {
		if (*s == '.') {
			if (places >= 0)
				return -1;
			places = 0;
			continue;
		}
		if (*s < '0' || *s > '9')
			return -1;
		if (places >= 0 && ++places > scale) {
			/* Trailing zeros past the scale lose nothing. */
			if (*s != '0')
				return -1;
			continue;
		}
		if (v > (limit - (*s - '0')) / 10)
			return -1;
		v = v * 10 + (*s - '0');
		digits++;
	}
	if (!digits)
		return -1;
	for (places = places < 0 ? 0 : places; places < scale; places++) {
		if (v > limit / 10)
			return -1;
		v *= 10;
	}
	/* DEC_INPUT_LIMIT units or more, or past DEC_TOTAL_LIMIT: refused */
	for (places = 0; places < scale && max <= UINT64_MAX / 10; places++)
		max *= 10;
	if (v >= max || v > (uint64_t)DEC_TOTAL_LIMIT)
		return -1;
	*out = negative ? (int64_t)(0 - v) : (int64_t)v;
	return 0;
}

/*
 * Lays out n digits (last first, at least scale + 1 of them) as a
 * decimal at scale into buf: a sign, the whole part, and the places
 * without their trailing zeros.  Returns buf.
 */
static inline char *lay_out(const char *digits, int n, int negative,
			    int scale, char *buf)
{
	int last = 0;	/* the lowest place printed */
	char *p = buf;

	while (last < scale && digits[last] == '0')
		last++;
	if (negative)
		*p++ = '-';
	for (int i = n - 1; i >= scale; i--)
		*p++ = digits[i];
	if (last < scale) {
		*p++ = '.';
		for (int i = scale - 1; i >= last; i--)
			*p++ = digits[i];
	}
	*p = '\0';
	return buf;
}

char *dec_format(int64_t v, int scale, char buf[DEC_BUFSZ])
{
	uint64_t u = v < 0 ? 0 - (uint64_t)v : (uint64_t)v;
	char digits[24];	/* last first: 20 digits and the zeros */
	int n = 0;

	/* Digit by digit in 64 bits: snprintf weighs on a batch's every
	 * amount, and 128-bit division would too. */
	do {
		digits[n++] = (char)('0' + u % 10);
		u /= 10;
	} while (u || n <= scale);
	return lay_out(digits, n, v < 0, scale, buf);
}

/*
 * The shortest "%.*e" text of x that reads back as x, rewritten as plain
 * decimal digits ("1e+03" -> "1000").  Returns -1 for text that would not
 * fit.
 */
static int shortest_decimal(double x, char *out, size_t outsz)
{
	char sci[40], digits[24], *e;
	int precision, exponent, ndigits = 0, point;
	size_t n = 0;

	for (precision = 0; precision < 17; precision++) {
		snprintf(sci, sizeof(sci), "%.*e", precision, x);
		if (strtod(sci, NULL) == x)
			break;
	}
	e = strchr(sci, 'e');
	if (!e)
		return -1;
	exponent = atoi(e + 1);
	for (char *p = sci; p < e; p++)
		if (*p >= '0' && *p <= '9')
			digits[ndigits++] = *p;
	point = exponent + 1;	/* digits before the decimal point */
	if (point > 19 || point < -20)
		return -1;
	if (x < 0)
		out[n++] = '-';
	if (point <= 0) {
		out[n++] = '0';
		out[n++] = '.';
		for (int i = 0; i < -point; i++)
			out[n++] = '0';
		for (int i = 0; i < ndigits; i++)
			out[n++] = digits[i];
	} else {
		for (int i = 0; i < point; i++)
			out[n++] = i < ndigits ? digits[i] : '0';
		if (ndigits > point) {
			out[n++] = '.';
			for (int i = point; i < ndigits; i++)
				out[n++] = digits[i];
		}
	}
	if (n >= outsz)
		return -1;
	out[n] = '\0';
	return 0;
}

int dec_from_jv(jv v, int scale, int64_t *out)
{
	char text[64];
	int rc = -1;

	switch (jv_get_kind(v)) {
	case JV_KIND_STRING:
		rc = dec_parse(jv_string_value(v), scale, out);
		break;
	case JV_KIND_NUMBER: {
		double x = jv_number_value(v);

		/* Beyond 2^53 a double no longer holds every integer. */
		if (isfinite(x) && fabs(x) < 9007199254740992.0 &&
		    shortest_decimal(x, text, sizeof(text)) == 0)
			rc = dec_parse(text, scale, out);
		/*
		 * A double tells apart every decimal of up to 15 significant
		 * digits (DBL_DIG), not more: 80000000000000.01 and .02 are
		 * one double, so 16 digits in minor units are refused.
		 */
		if (rc == 0 && (*out >= 1000000000000000LL ||
				*out <= -1000000000000000LL))
			rc = -1;
		break;
	}
	default:
		break;
	}
	jv_free(v);
	return rc;
}

jv dec_to_jv(int64_t v, int scale)
{
	char buf[DEC_BUFSZ];

	return jv_number(strtod(dec_format(v, scale, buf), NULL));
}

char *dec_format_json(int64_t v, int scale, char buf[DEC_BUFSZ])
{
	jv text;

	/*
	 * A decimal of 15 digits or fewer is the shortest text of its
	 * double (DBL_DIG), and jq writes it without an exponent from
	 * 0.0001 up to 15 digits before the point.
	 */
	if (scale <= 4 && v > -1000000000000000LL && v < 1000000000000000LL)
		return dec_format(v, scale, buf);
	text = jv_dump_string(dec_to_jv(v, scale), 0);
	snprintf(buf, DEC_BUFSZ, "%s", jv_string_value(text));
	jv_free(text);
	return buf;
}

int64_t dec_muldiv(int64_t value, int64_t num, int64_t den)
{
	__int128 product = (__int128)value * num;
	__int128 quotient = product / den, remainder = product % den;
	__int128 twice = remainder < 0 ? -2 * remainder : 2 * remainder;

	if (twice > den || (twice == den && (quotient & 1)))
		quotient += product < 0 ? -1 : 1;
	if (quotient > INT64_MAX)
		return INT64_MAX;
	if (quotient < INT64_MIN)
		return INT64_MIN;
	return (int64_t)quotient;
}

char *dec_format_wide(dec_wide v, int scale, char buf[DEC_WIDE_BUFSZ])
{
	unsigned __int128 u = v < 0 ? -(unsigned __int128)v :
			      (unsigned __int128)v;
	char digits[DEC_WIDE_BUFSZ];	/* last first */
	int n = 0;

	do {
		digits[n++] = (char)('0' + (int)(u % 10));
		u /= 10;
	} while (u || n <= scale);
	return lay_out(digits, n, v < 0, scale, buf);
}

int dec_sum_fail(const char *fmt, ...)
{
	char what[512];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(what, sizeof(what), fmt, ap);
	va_end(ap);
	return biz_fail(BIZ_DATAERR, "%s: the total passes %s of the "
			"smallest unit, the most a report adds up and prints "
			"exactly; report fewer rows at a time (by item, "
			"warehouse, account or dates)", what,
			DEC_TOTAL_LIMIT_TEXT);
}

int dec_too_large(const char *text, int scale)
{
	const char *s = text + (*text == '-' || *text == '+');
	int digits = 0, places = -1;

	for (; *s; s++) {
		if (*s == '.' && places < 0) {
			places = 0;
			continue;
		}
		if (*s < '0' || *s > '9')
			return 0;
		digits++;
		if (places >= 0 && ++places > scale && *s != '0')
			return 0;
	}
	return digits > 0;
}

int dec_parse_fail(const char *what, const char *text, int scale)
{
	if (dec_too_large(text, scale))
		return biz_fail(BIZ_DATAERR, "%s: '%s' is past the largest "
				"figure taken (under 10^13 units and "
				DEC_TOTAL_LIMIT_TEXT " of its smallest unit)",
				what, text);
	return biz_fail(BIZ_DATAERR, "%s: '%s' is not a number with at most "
			"%d decimal places", what, text, scale);
}
