/* table.c - print a table in terminal cells. */
#include "table.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "biz.h"
#include "banned.h"

/* A column is not cut below this many cells (ellipsis included). */
#define MIN_CUT_WIDTH 4

static const char ellipsis[] = "\xe2\x80\xa6";	/* U+2026, one cell */

/*
 * Code points a terminal draws two cells wide: Unicode's East Asian Wide
 * and Fullwidth ranges (EastAsianWidth.txt, W and F) and the emoji
 * blocks terminals draw wide.  Sorted, for a binary search.
 */
static const uint32_t wide[][2] = {
	{ 0x1100, 0x115F }, { 0x231A, 0x231B }, { 0x2329, 0x232A },
	{ 0x23E9, 0x23EC }, { 0x23F0, 0x23F0 }, { 0x23F3, 0x23F3 },
	{ 0x25FD, 0x25FE }, { 0x2614, 0x2615 }, { 0x2648, 0x2653 },
	{ 0x267F, 0x267F }, { 0x2693, 0x2693 }, { 0x26A1, 0x26A1 },
	{ 0x26AA, 0x26AB }, { 0x26BD, 0x26BE }, { 0x26C4, 0x26C5 },
	{ 0x26CE, 0x26CE }, { 0x26D4, 0x26D4 }, { 0x26EA, 0x26EA },
	{ 0x26F2, 0x26F3 }, { 0x26F5, 0x26F5 }, { 0x26FA, 0x26FA },
	{ 0x26FD, 0x26FD }, { 0x2705, 0x2705 }, { 0x270A, 0x270B },
	{ 0x2728, 0x2728 }, { 0x274C, 0x274C }, { 0x274E, 0x274E },
	{ 0x2753, 0x2755 }, { 0x2757, 0x2757 }, { 0x2795, 0x2797 },
	{ 0x27B0, 0x27B0 }, { 0x27BF, 0x27BF }, { 0x2B1B, 0x2B1C },
	{ 0x2B50, 0x2B50 }, { 0x2B55, 0x2B55 }, { 0x2E80, 0x303E },
	{ 0x3041, 0x33FF }, { 0x3400, 0x4DBF }, { 0x4E00, 0x9FFF },
	{ 0xA000, 0xA4CF }, { 0xA960, 0xA97F }, { 0xAC00, 0xD7A3 },
	{ 0xF900, 0xFAFF }, { 0xFE10, 0xFE19 }, { 0xFE30, 0xFE6F },
	{ 0xFF00, 0xFF60 }, { 0xFFE0, 0xFFE6 }, { 0x16FE0, 0x16FE4 },
	{ 0x17000, 0x18CFF }, { 0x1B000, 0x1B2FF }, { 0x1F004, 0x1F004 },
	{ 0x1F0CF, 0x1F0CF }, { 0x1F18E, 0x1F18E }, { 0x1F191, 0x1F19A },
	{ 0x1F200, 0x1F251 }, { 0x1F300, 0x1F64F }, { 0x1F680, 0x1F6FF },
	{ 0x1F7E0, 0x1F7EB }, { 0x1F90C, 0x1F9FF }, { 0x1FA70, 0x1FAFF },
	{ 0x20000, 0x2FFFD }, { 0x30000, 0x3FFFD },
};

/* Code points drawn over the one before: combining marks, joiners. */
static const uint32_t zero[][2] = {
	{ 0x0300, 0x036F }, { 0x0483, 0x0489 }, { 0x0591, 0x05BD },
	{ 0x0610, 0x061A }, { 0x064B, 0x065F }, { 0x0E31, 0x0E31 },
	{ 0x0E34, 0x0E3A }, { 0x0E47, 0x0E4E }, { 0x1AB0, 0x1AFF },
	{ 0x1DC0, 0x1DFF }, { 0x200B, 0x200F }, { 0x20D0, 0x20FF },
	{ 0x302A, 0x302D }, { 0x3099, 0x309A }, { 0xFE00, 0xFE0F },
	{ 0xFE20, 0xFE2F }, { 0xFEFF, 0xFEFF }, { 0xE0100, 0xE01EF },
};

static int in_ranges(uint32_t cp, const uint32_t (*r)[2], size_t n)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;

		if (cp < r[mid][0])
			hi = mid;
		else if (cp > r[mid][1])
			lo = mid + 1;
		else
			return 1;
	}
	return 0;
}

/* Decodes one code point at s; *len is its bytes (1 for a bad byte). */
static uint32_t decode(const unsigned char *s, size_t *len)
{
	uint32_t cp = s[0];
	size_t n = cp < 0x80 ? 1 : cp >= 0xF0 ? 4 : cp >= 0xE0 ? 3 :
		   cp >= 0xC0 ? 2 : 1;

	if (n > 1)
		cp &= 0x3F >> (n - 1);
	for (size_t i = 1; i < n; i++) {
		if ((s[i] & 0xC0) != 0x80) {
			*len = 1;
			return s[0];
		}
		cp = cp << 6 | (s[i] & 0x3F);
	}
	*len = n;
	return cp;
}

static size_t cp_width(uint32_t cp)
{
	if (cp < 0x300)
		return 1;
	if (in_ranges(cp, zero, sizeof(zero) / sizeof(zero[0])))
		return 0;
	return in_ranges(cp, wide, sizeof(wide) / sizeof(wide[0])) ? 2 : 1;
}

size_t text_width(const char *s)
{
	size_t width = 0, len;

	while (*s) {
		width += cp_width(decode((const unsigned char *)s, &len));
		s += len;
	}
	return width;
}

/* Prints s cut to at most width cells, an ellipsis ending a cut. */
static size_t put_cut(FILE *fp, const char *s, size_t width)
{
	size_t used = 0, len, w;
	const char *p = s;

	if (text_width(s) <= width) {
		fputs(s, fp);
		return text_width(s);
	}
	while (*p) {
		w = cp_width(decode((const unsigned char *)p, &len));
		if (used + w + 1 > width)
			break;
		used += w;
		p += len;
	}
	fwrite(s, 1, (size_t)(p - s), fp);
	fputs(ellipsis, fp);
	return used + 1;
}

/* Narrows the widest cuttable columns until the line fits in width. */
static void fit(size_t *widths, const int *right, int ncols, size_t width)
{
	size_t total = ncols > 1 ? 2 * (size_t)(ncols - 1) : 0;

	for (int c = 0; c < ncols; c++)
		total += widths[c];
	while (total > width) {
		int widest = -1;

		for (int c = 0; c < ncols; c++)
			if (!right[c] && widths[c] > MIN_CUT_WIDTH &&
			    (widest < 0 || widths[c] > widths[widest]))
				widest = c;
		if (widest < 0)
			return;
		widths[widest]--;
		total--;
	}
}

/* Whether row's cell c (borrowed row) is the empty string. */
static int cell_empty(jv row, int c)
{
	jv cell = jv_array_get(jv_copy(row), c);
	int empty = !*jv_string_value(cell);

	jv_free(cell);
	return empty;
}

void table_print(FILE *fp, jv rows, const int *right, int ncols,
		 size_t width)
{
	size_t *widths = xmalloc((ncols ? ncols : 1) * sizeof(*widths));
	int nrows = jv_array_length(jv_copy(rows));

	memset(widths, 0, (ncols ? ncols : 1) * sizeof(*widths));
	for (int r = 0; r < nrows; r++) {
		jv row = jv_array_get(jv_copy(rows), r);

		jv_array_foreach(row, c, cell) {
			size_t w = text_width(jv_string_value(cell));

			if (c < ncols && w > widths[c])
				widths[c] = w;
			jv_free(cell);
		}
		jv_free(row);
	}
	if (width)
		fit(widths, right, ncols, width);
	for (int r = 0; r < nrows; r++) {
		jv row = jv_array_get(jv_copy(rows), r);
		int n = jv_array_length(jv_copy(row));

		/* Empty cells at the end of a line print nothing. */
		while (n > 0 && cell_empty(row, n - 1))
			n--;
		jv_array_foreach(row, c, cell) {
			const char *s = jv_string_value(cell);
			size_t w = text_width(s), pad;

			if (c >= ncols || c >= n) {
				jv_free(cell);
				continue;
			}
			pad = w < widths[c] ? widths[c] - w : 0;
			if (right[c])
				fprintf(fp, "%*s", (int)pad, "");
			w = put_cut(fp, s, widths[c]);
			if (c + 1 < n && !right[c])
				fprintf(fp, "%*s", (int)(widths[c] - w), "");
			if (c + 1 < n)
				fputs("  ", fp);
			jv_free(cell);
		}
		fputc('\n', fp);
		jv_free(row);
	}
	free(widths);
}
