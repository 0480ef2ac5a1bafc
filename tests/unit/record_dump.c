/*
 * record_dump - rec_dump() must write the bytes jv_dump_string(v, 0)
 * gives: records reach stdout and the event log through it, and scripts
 * compare that text with jq's.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "record.h"
#include "tap.h"

/* Whether rec_dump and jq agree on value (consumed); says how if not. */
static int same_as_jq(jv value)
{
	struct strbuf sb = { 0 };
	jv want = jv_dump_string(jv_copy(value), 0);
	const char *text = jv_string_value(want);
	int same;

	rec_dump(&sb, value);
	same = sb.len == strlen(text) && !memcmp(sb.buf, text, sb.len);
	if (!same)
		diag("rec_dump wrote %s, jq %s", sb.buf, text);
	strbuf_release(&sb);
	jv_free(want);
	jv_free(value);
	return same;
}

int main(void)
{
	static const char *const texts[] = {
		"null", "true", "false", "[]", "{}", "0", "-0", "7", "-42",
		"999999999999999", "-999999999999999", "1e15", "1e16",
		"123456789012345678", "1.5", "0.1", "1e-5", "0.0001", "1e300",
		"-1e-300", "1.7976931348623157e308", "\"\"", "\"plain\"",
		"\"q \\\" b \\\\ s / t \\t n \\n r \\r b \\b f \\f\"",
		"\"nul \\u0000 us \\u001f del \\u007f é 日本 😀\"",
		"[1,\"a\",null,[2,{}],{\"k\":[true,false]}]",
		"{\"b\":1,\"a\":{\"z\":\"y\",\"\\u0001\":2},\"c\":[]}",
	};
	int bad = 0;
	char s[24];

	for (size_t i = 0; i < sizeof(texts) / sizeof(texts[0]); i++)
		ok(same_as_jq(jv_parse(texts[i])), "%s", texts[i]);
	/* Numbers either side of the integer shortcut, and fractions. */
	srand(1);
	for (int i = 0; i < 200000; i++) {
		double d = i % 3 == 0 ? (double)(rand() % 2000001 - 1000000) :
			   i % 3 == 1 ? ldexp(rand(), rand() % 120 - 60) :
			   1e15 + (rand() % 9) - 4;

		bad += !same_as_jq(jv_number(i % 2 ? d : -d));
	}
	ok(bad == 0, "200000 numbers print as jq prints them");
	bad = 0;
	for (int i = 0; i < 100000; i++) {
		int len = rand() % (int)sizeof(s);

		for (int j = 0; j < len; j++)
			s[j] = (char)(rand() % 256);
		bad += !same_as_jq(jv_string_sized(s, len));
	}
	ok(bad == 0, "100000 strings of random bytes escape as jq's do");
	return tap_done();
}
