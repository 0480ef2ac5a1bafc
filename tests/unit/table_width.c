/*
 * table_width.c - text_width: the cells a terminal gives UTF-8 text
 * (East Asian wide characters two, combining marks none).
 */
#include <string.h>

#include "table.h"
#include "tap.h"

static void width_is(const char *text, size_t want, const char *why)
{
	size_t got = text_width(text);

	if (!ok(got == want, "width of \"%s\" is %zu: %s", text, want, why))
		diag("got %zu", got);
}

int main(void)
{
	width_is("", 0, "empty");
	width_is("BOLT-M6", 7, "ASCII, one each");
	width_is("Cé", 2, "é is one cell");
	width_is("e\xcc\x81", 1, "e and a combining acute: one cell");
	width_is("茶杯", 4, "two CJK ideographs, two cells each");
	width_is("茶杯 Tea", 8, "4 + 1 + 3");
	width_is("上海仓", 6, "three ideographs");
	width_is("ｶ", 1, "a halfwidth katakana is one cell");
	width_is("Ａ", 2, "a fullwidth A is two");
	width_is("한국", 4, "Hangul syllables are wide");
	width_is("\xf0\x9f\x93\xa6", 2, "an emoji (package) is wide");
	width_is("\xe2\x80\xa6", 1, "the ellipsis is one cell");
	width_is("\xff" "a", 2, "a bad byte counts as one");
	return tap_done();
}
