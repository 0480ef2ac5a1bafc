/* code.c - the one check of codes, handles and tags (code.h). */
#include "code.h"

#include <string.h>

#include "banned.h"

/* Whether code point c is whitespace or a control character. */
static int code_point_refused(unsigned long c)
{
	if (c <= 0x20 || (c >= 0x7f && c <= 0xa0))
		return 1;	/* C0, space, DEL, C1 (U+0085), U+00A0 */
	return c == 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
	       c == 0x2028 || c == 0x2029 || c == 0x202f || c == 0x205f ||
	       c == 0x3000 || c == 0xfeff;
}

int code_valid(const char *text, size_t max)
{
	const unsigned char *p = (const unsigned char *)text;
	size_t len = text ? strlen(text) : 0;

	if (!len || (max && len >= max))
		return 0;
	while (*p) {
		unsigned long c;
		int more;

		if (*p < 0x80) {
			c = *p;
			more = 0;
		} else if ((*p & 0xe0) == 0xc0 && *p >= 0xc2) {
			c = *p & 0x1f;
			more = 1;
		} else if ((*p & 0xf0) == 0xe0) {
			c = *p & 0x0f;
			more = 2;
		} else if ((*p & 0xf8) == 0xf0 && *p <= 0xf4) {
			c = *p & 0x07;
			more = 3;
		} else {
			return 0;
		}
		p++;
		for (int i = 0; i < more; i++, p++) {
			if ((*p & 0xc0) != 0x80)
				return 0;
			c = c << 6 | (*p & 0x3f);
		}
		/* Overlong forms, surrogates, past U+10FFFF. */
		if ((more == 2 && c < 0x800) || (more == 3 && c < 0x10000) ||
		    (c >= 0xd800 && c <= 0xdfff) || c > 0x10ffff)
			return 0;
		if (code_point_refused(c))
			return 0;
	}
	return 1;
}
