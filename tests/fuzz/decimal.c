/*
 * The decimal parser: dec_parse at every scale, and what it accepts
 * prints back (dec_format) as text that parses to the same number, under
 * the input limit; dec_from_jv on the text as a string agrees.
 */
#include "fuzz.h"

#include "decimal.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text, buf[DEC_BUFSZ];
	int64_t v, again;
	int scale;

	if (size < 1)
		return 0;
	scale = data[0] % (DEC_MAX_SCALE + 1);
	text = fuzz_text(data + 1, size - 1);
	if (dec_parse(text, scale, &v) == 0) {
		int64_t units = v;

		for (int i = 0; i < scale; i++)
			units /= 10;
		if (units >= DEC_INPUT_LIMIT || units <= -DEC_INPUT_LIMIT)
			fuzz_fail("'%s' at scale %d: %lld is past the limit",
				  text, scale, (long long)v);
		dec_format(v, scale, buf);
		if (dec_parse(buf, scale, &again) || again != v)
			fuzz_fail("'%s' at scale %d: %lld printed '%s'", text,
				  scale, (long long)v, buf);
		if (dec_from_jv(jv_string(text), scale, &again) ||
		    again != v)
			fuzz_fail("'%s': dec_from_jv disagrees", text);
	}
	/*
	 * As a JSON number: what reads back prints back.  (strtod, not
	 * jv_parse: libjq 1.6's parser leaks a string on some bad input.)
	 */
	char *end;
	double x = strtod(text, &end);

	if (end != text && !*end &&
	    dec_from_jv(jv_number(x), scale, &v) == 0) {
		dec_format(v, scale, buf);
		if (dec_parse(buf, scale, &again) || again != v)
			fuzz_fail("JSON '%s': %lld printed '%s'", text,
				  (long long)v, buf);
	}
	free(text);
	return 0;
}
