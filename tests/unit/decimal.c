/*
 * decimal.c - exact fixed-point: dec_parse, dec_format, dec_from_jv,
 * dec_muldiv.  Expected values are worked out by hand in the comments.
 */
#include <stdint.h>
#include <string.h>

#include "decimal.h"
#include "tap.h"

/* dec_parse(text, scale) gives want. */
static void parse_ok(const char *text, int scale, int64_t want)
{
	int64_t got = 0;
	int rc = dec_parse(text, scale, &got);

	if (!ok(rc == 0 && got == want, "dec_parse(\"%s\", %d) = %lld", text,
		scale, (long long)want))
		diag("rc %d, got %lld", rc, (long long)got);
}

/* dec_parse(text, scale) refuses and leaves *out alone. */
static void parse_refused(const char *text, int scale, const char *why)
{
	int64_t got = 4242;
	int rc = dec_parse(text, scale, &got);

	if (!ok(rc == -1 && got == 4242, "dec_parse(\"%s\", %d) refused: %s",
		text, scale, why))
		diag("rc %d, got %lld", rc, (long long)got);
}

static void format_is(int64_t v, int scale, const char *want)
{
	char buf[DEC_BUFSZ];

	dec_format(v, scale, buf);
	if (!ok(!strcmp(buf, want), "dec_format(%lld, %d) = \"%s\"",
		(long long)v, scale, want))
		diag("got \"%s\"", buf);
}

/* dec_from_jv(value, scale): rc 0 with want, or -1 when refused. */
static void from_jv(jv value, int scale, int want_rc, int64_t want,
		    const char *what)
{
	int64_t got = 0;
	int rc = dec_from_jv(value, scale, &got);

	if (!ok(rc == want_rc && (rc != 0 || got == want),
		"dec_from_jv(%s, %d) %s %lld", what, scale,
		want_rc ? "refused, not" : "=", (long long)want))
		diag("rc %d, got %lld", rc, (long long)got);
}

/* Whether dec_format_json(v, scale) is jq's text of dec_to_jv(v, scale). */
static int json_same(int64_t v, int scale)
{
	char buf[DEC_BUFSZ];
	jv want = jv_dump_string(dec_to_jv(v, scale), 0);
	int same = !strcmp(dec_format_json(v, scale, buf),
			   jv_string_value(want));

	if (!same)
		diag("dec_format_json(%lld, %d) = \"%s\", jq \"%s\"",
		     (long long)v, scale, buf, jv_string_value(want));
	jv_free(want);
	return same;
}

/*
 * dec_format_json against jq at every scale biz-init allows and one
 * beyond: every value near zero, random values of every magnitude, and
 * the edges of its plain range (15 digits) and of int64.
 */
static void format_json_matches_jq(void)
{
	static const int64_t edges[] = {
		999999999999999LL, 1000000000000000LL, 1000000000000001LL,
		9007199254740993LL, INT64_MAX, INT64_MIN + 1, INT64_MIN,
	};
	uint64_t x = 0x9e3779b97f4a7c15ULL;

	for (int scale = 0; scale <= 5; scale++) {
		int bad = 0;

		for (int64_t v = -100000; v <= 100000 && bad < 5; v++)
			bad += !json_same(v, scale);
		for (int i = 0; i < 200000 && bad < 5; i++) {
			int64_t v;

			x ^= x << 13;
			x ^= x >> 7;
			x ^= x << 17;
			/* A magnitude of 1 to 63 bits, either sign. */
			v = (int64_t)(x >> (1 + x % 63));
			bad += !json_same(x & 1 ? -v : v, scale);
		}
		for (size_t i = 0; i < sizeof(edges) / sizeof(edges[0]); i++) {
			bad += !json_same(edges[i], scale);
			if (edges[i] != INT64_MIN)
				bad += !json_same(-edges[i], scale);
		}
		ok(bad == 0, "dec_format_json at scale %d writes jq's text",
		   scale);
	}
}

static void muldiv_is(int64_t value, int64_t num, int64_t den, int64_t want,
		      const char *arithmetic)
{
	int64_t got = dec_muldiv(value, num, den);

	if (!ok(got == want, "dec_muldiv(%lld, %lld, %lld) = %lld: %s",
		(long long)value, (long long)num, (long long)den,
		(long long)want, arithmetic))
		diag("got %lld", (long long)got);
}

int main(void)
{
	/* dec_parse: the plain cases. */
	parse_ok("12.34", 2, 1234);
	parse_ok("12.3", 2, 1230);
	parse_ok("12", 2, 1200);
	parse_ok("0.05", 2, 5);
	parse_ok(".5", 2, 50);
	parse_ok("5.", 2, 500);
	parse_ok("+5", 2, 500);
	parse_ok("-12.5", 2, -1250);
	parse_ok("-0", 2, 0);
	parse_ok("007", 0, 7);
	parse_ok("1.234", QTY_SCALE, 1234);
	/* Trailing zeros past the scale lose nothing. */
	parse_ok("1.500", 2, 150);
	parse_ok("-1.5000000", 2, -150);
	parse_refused("1.501", 2, "a non-zero third place");
	parse_refused("12.345", 2, "three places at scale 2");
	parse_refused("0.5", 0, "a fraction at scale 0");
	parse_refused("1e3", 2, "an exponent");
	parse_refused("12,00", 2, "a comma");
	parse_refused("1,000", 0, "a thousands separator");
	parse_refused(" 1", 2, "a leading space");
	parse_refused("1 ", 2, "a trailing space");
	parse_refused("", 2, "empty");
	parse_refused("-", 2, "a sign alone");
	parse_refused(".", 2, "a point alone");
	parse_refused("1.2.3", 2, "two points");
	parse_refused("--1", 2, "two signs");
	parse_refused("0x10", 0, "hexadecimal");
	parse_refused("NaN", 2, "not a number");

	/*
	 * The input limit, under 10^13 at every scale: 9999999999999 is the
	 * largest whole number, 9999999999999.99 at scale 2 is
	 * 999999999999999 hundredths; 10^13 = 10000000000000 is refused.
	 */
	parse_ok("9999999999999", 0, 9999999999999LL);
	parse_ok("-9999999999999", 0, -9999999999999LL);
	parse_refused("10000000000000", 0, "10^13");
	parse_refused("-10000000000000", 0, "-10^13");
	parse_ok("9999999999999.99", 2, 999999999999999LL);
	parse_refused("10000000000000.00", 2, "10^13 at scale 2");
	parse_ok("9999999999999.999", QTY_SCALE, 9999999999999999LL);
	parse_refused("10000000000000", QTY_SCALE, "10^13 units");
	/* At scale 6 int64 ends first: 2^63 - 1 millionths. */
	parse_ok("9223372036854.775807", DEC_MAX_SCALE, INT64_MAX);
	parse_refused("9223372036854.775808", DEC_MAX_SCALE, "int64 at scale 6");
	parse_refused("10000000000000", DEC_MAX_SCALE, "10^13 at scale 6");
	parse_ok("00000000000000000000001", 0, 1);
	/* INT64 limits: 2^63 - 1 = 9223372036854775807, refused anyway. */
	parse_refused("9223372036854775807", 0, "INT64_MAX");
	parse_refused("9223372036854775808", 0, "INT64_MAX + 1");
	parse_refused("-9223372036854775809", 0, "INT64_MIN - 1");
	parse_refused("92233720368547758.07", 2, "INT64_MAX at scale 2");
	parse_refused("92233720368547758.08", 2, "INT64_MAX + 1 at scale 2");
	/* 92233720368547759 * 100 overflows only when scaled up. */
	parse_refused("92233720368547759", 2, "overflow while scaling");
	parse_refused("99999999999999999999", 0, "20 digits");

	/* dec_format: no trailing zeros, no point for whole numbers. */
	format_is(1234, 2, "12.34");
	format_is(1250, 2, "12.5");
	format_is(1200, 2, "12");
	format_is(5, 2, "0.05");
	format_is(-5, 2, "-0.05");
	format_is(-1250, 2, "-12.5");
	format_is(0, 2, "0");
	format_is(1001, QTY_SCALE, "1.001");
	format_is(7, 0, "7");
	format_is(INT64_MAX, 0, "9223372036854775807");
	format_is(INT64_MIN, 0, "-9223372036854775808");
	format_is(INT64_MAX, 2, "92233720368547758.07");
	format_is(INT64_MIN, 2, "-92233720368547758.08");
	format_is(INT64_MIN, DEC_MAX_SCALE, "-9223372036854.775808");

	/* dec_from_jv: strings are parsed as text. */
	from_jv(jv_string("12.34"), 2, 0, 1234, "\"12.34\"");
	from_jv(jv_string("08"), 0, 0, 8, "\"08\"");
	from_jv(jv_string("12.345"), 2, -1, 0, "\"12.345\"");
	from_jv(jv_string(""), 2, -1, 0, "\"\"");
	/* Numbers go through their shortest text: 1.1 is "1.1", 110. */
	from_jv(jv_number(1.1), 2, 0, 110, "1.1");
	from_jv(jv_number(1.10), 2, 0, 110, "1.10");
	from_jv(jv_number(0.07), 2, 0, 7, "0.07");
	from_jv(jv_number(-2.5), QTY_SCALE, 0, -2500, "-2.5");
	from_jv(jv_number(1e3), 2, 0, 100000, "1e3");
	from_jv(jv_number(0), 2, 0, 0, "0");
	from_jv(jv_number(1.1), 0, -1, 0, "1.1 at scale 0");
	/* 0.1 + 0.2 is 0.30000000000000004: more places than scale 2. */
	from_jv(jv_number(0.1 + 0.2), 2, -1, 0, "0.1 + 0.2");
	/* jq reads 20 digits into a double: the digits are lost. */
	from_jv(jv_parse("12345678901234567890"), 0, -1, 0,
		"12345678901234567890 (parsed)");
	from_jv(jv_number(12345678901234567890.0), 2, -1, 0,
		"12345678901234567890");
	from_jv(jv_number(-12345678901234567890.0), 0, -1, 0,
		"-12345678901234567890");
	/* 15 significant digits always survive a double (DBL_DIG). */
	from_jv(jv_parse("9999999999999"), 0, 0, 9999999999999LL,
		"9999999999999 (13 digits, the limit)");
	from_jv(jv_parse("999999999999999"), 0, -1, 0,
		"999999999999999 (15 digits, over the limit)");
	from_jv(jv_parse("9999999999999.99"), 2, 0, 999999999999999LL,
		"9999999999999.99 (15 digits)");
	/*
	 * 16 do not: 80000000000000.01 and 80000000000000.02 are the same
	 * double (its spacing there is 2^-6 = 0.015625), so both must be
	 * refused rather than one of them read as the other.
	 */
	from_jv(jv_parse("80000000000000.01"), 2, -1, 0,
		"80000000000000.01 (16 digits)");
	/* 1234567890123456.1 is the double 1234567890123456: refused. */
	from_jv(jv_parse("1234567890123456.1"), 0, -1, 0,
		"1234567890123456.1");
	from_jv(jv_null(), 2, -1, 0, "null");
	from_jv(jv_true(), 2, -1, 0, "true");
	from_jv(jv_array(), 2, -1, 0, "[]");

	/* dec_to_jv and back. */
	{
		int64_t back = 0;
		jv num = dec_to_jv(1234, 2);

		ok(jv_get_kind(jv_copy(num)) == JV_KIND_NUMBER &&
			   dec_from_jv(num, 2, &back) == 0 && back == 1234,
		   "dec_to_jv(1234, 2) reads back as 1234");
	}

	format_json_matches_jq();

	/* dec_muldiv rounds half to even. */
	muldiv_is(25, 1, 10, 2, "2.5 -> 2 (2 is even)");
	muldiv_is(35, 1, 10, 4, "3.5 -> 4 (4 is even)");
	muldiv_is(26, 1, 10, 3, "2.6 -> 3");
	muldiv_is(24, 1, 10, 2, "2.4 -> 2");
	muldiv_is(-25, 1, 10, -2, "-2.5 -> -2");
	muldiv_is(-35, 1, 10, -4, "-3.5 -> -4");
	muldiv_is(-26, 1, 10, -3, "-2.6 -> -3");
	muldiv_is(100, 1, 3, 33, "100/3 = 33.33 -> 33");
	muldiv_is(200, 1, 3, 67, "200/3 = 66.67 -> 67");
	muldiv_is(-200, 1, 3, -67, "-200/3 = -66.67 -> -67");
	/* 19.99 a unit (1999 cents) x 2.5 units (2500 at scale 3):
	 * 1999 * 2500 / 1000 = 4997.5 cents, 4997 odd -> 4998. */
	muldiv_is(1999, 2500, 1000, 4998, "19.99 x 2.500 = 49.975 -> 49.98");
	/* 10.01 x 0.500 = 5.005: 1001 * 500 / 1000 = 500.5, 500 even. */
	muldiv_is(1001, 500, 1000, 500, "10.01 x 0.500 = 5.005 -> 5.00");
	/* Averaging cost: 1000 cents over 3 units (3000 at scale 3) for
	 * 1 unit: 1000 * 1000 / 3000 = 333.33 -> 333. */
	muldiv_is(1000, 1000, 3000, 333, "10.00 / 3 -> 3.33");
	muldiv_is(0, 123, 7, 0, "0 x anything = 0");
	muldiv_is(7, 0, 3, 0, "x 0 = 0");
	/* The product needs 127 bits: (2^63-1)^2 / (2^63-1). */
	muldiv_is(INT64_MAX, INT64_MAX, INT64_MAX, INT64_MAX,
		  "INT64_MAX^2 / INT64_MAX without overflow");
	muldiv_is(INT64_MIN, 2, 4, INT64_MIN / 2,
		  "INT64_MIN x 2 / 4 = INT64_MIN / 2");
	/* 2^62 * 3 / 2 = 3 * 2^61 = 6917529027641081856. */
	muldiv_is(INT64_C(4611686018427387904), 3, 2,
		  INT64_C(6917529027641081856), "2^62 x 3 / 2 = 3 x 2^61");

	/* dec_add, dec_sub: checked, the sum left as it was on overflow. */
	{
		int64_t sum = INT64_MAX - 1;

		ok(dec_add(&sum, 1) == 0 && sum == INT64_MAX,
		   "dec_add reaches INT64_MAX");
		ok(dec_add(&sum, 1) == -1 && sum == INT64_MAX,
		   "dec_add past INT64_MAX: -1, sum kept");
		sum = INT64_MIN;
		ok(dec_sub(&sum, 1) == -1 && sum == INT64_MIN,
		   "dec_sub past INT64_MIN: -1, sum kept");
		/* 92 of 99,999,000,000,000,000 fit; the 93rd passes. */
		sum = 0;
		for (int i = 0; i < 92; i++)
			dec_add(&sum, 99999000000000000LL);
		ok(sum == 9199908000000000000LL &&
		   dec_add(&sum, 99999000000000000LL) == -1,
		   "92 of 9.9999 * 10^16 fit in int64, 93 do not");
	}

	/* dec_format_wide: past int64, exact. */
	{
		char buf[DEC_WIDE_BUFSZ];
		dec_wide v = (dec_wide)93 * 99999000000000000LL;

		ok(!strcmp(dec_format_wide(v, 2, buf), "92999070000000000"),
		   "dec_format_wide(93 * 9.9999e16, 2) = \"%s\"", buf);
		ok(!strcmp(dec_format_wide(-v - 1, 2, buf),
			   "-92999070000000000.01"),
		   "dec_format_wide, negative = \"%s\"", buf);
		ok(!strcmp(dec_format_wide(5, 2, buf), "0.05"),
		   "dec_format_wide(5, 2) = \"%s\"", buf);
		ok(!strcmp(dec_format_wide((dec_wide)INT64_MAX * 10, 0, buf),
			   "92233720368547758070"),
		   "dec_format_wide(INT64_MAX * 10, 0) = \"%s\"", buf);
	}
	return tap_done();
}
