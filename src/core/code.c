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

/*
 * Decodes the UTF-8 character at *p (before end) into *c and steps *p
 * past it; 0 for an invalid sequence (a stray or missing continuation
 * byte, an overlong form, a surrogate, past U+10FFFF).
 */
static int utf8_next(const unsigned char **p, const unsigned char *end,
		     unsigned long *c)
{
	const unsigned char *s = *p;
	int more;

	if (*s < 0x80) {
		*c = *s;
		more = 0;
	} else if ((*s & 0xe0) == 0xc0 && *s >= 0xc2) {
		*c = *s & 0x1f;
		more = 1;
	} else if ((*s & 0xf0) == 0xe0) {
		*c = *s & 0x0f;
		more = 2;
	} else if ((*s & 0xf8) == 0xf0 && *s <= 0xf4) {
		*c = *s & 0x07;
		more = 3;
	} else {
		return 0;
	}
	if (end - s <= more)
		return 0;
	for (s++; more > 0; more--, s++) {
		if ((*s & 0xc0) != 0x80)
			return 0;
		*c = *c << 6 | (*s & 0x3f);
	}
	if ((s - *p == 3 && *c < 0x800) || (s - *p == 4 && *c < 0x10000) ||
	    (*c >= 0xd800 && *c <= 0xdfff) || *c > 0x10ffff)
		return 0;
	*p = s;
	return 1;
}

int code_valid(const char *text, size_t max)
{
	const unsigned char *p = (const unsigned char *)text;
	size_t len = text ? strlen(text) : 0;
	const unsigned char *end = p + len;
	unsigned long c;

	if (!len || (max && len >= max))
		return 0;
	while (p < end)
		if (!utf8_next(&p, end, &c) || code_point_refused(c))
			return 0;
	return 1;
}

int text_valid(const char *text, size_t len)
{
	const unsigned char *p = (const unsigned char *)text;
	const unsigned char *end = p + len;
	unsigned long c;

	while (p < end) {
		/* Most input is ASCII: one test a byte. */
		if (*p >= 0x01 && *p < 0x80) {
			p++;
			continue;
		}
		if (!*p || !utf8_next(&p, end, &c))
			return 0;
	}
	return 1;
}
