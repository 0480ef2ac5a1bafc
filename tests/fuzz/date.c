/*
 * The date and time parsers: what date_parse or time_parse accepts
 * formats back to text that parses to the same instant.
 */
#include "fuzz.h"

#include "timeutil.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = fuzz_text(data, size), buf[TS_BUFSZ];
	int64_t t, again;

	if (date_parse(text, &t) == 0) {
		date_format(t, buf);
		if (date_parse(buf, &again) || again != t)
			fuzz_fail("date '%s' -> %lld -> '%s'", text,
				  (long long)t, buf);
	}
	if (time_parse(text, &t) == 0) {
		time_format(t, buf);
		if (time_parse(buf, &again) || again != t)
			fuzz_fail("time '%s' -> %lld -> '%s'", text,
				  (long long)t, buf);
	}
	free(text);
	return 0;
}
