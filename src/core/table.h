/*
 * table.h - an aligned table for a terminal: widths in terminal cells
 * (East Asian wide characters take two), numeric columns right-aligned,
 * the widest text columns cut with an ellipsis to fit a width.
 */
#ifndef TABLE_H
#define TABLE_H

#include <jq.h>
#include <stddef.h>
#include <stdio.h>

/* The cells UTF-8 text s takes on a terminal. */
size_t text_width(const char *s);

/*
 * Prints rows (borrowed: an array of arrays of strings, the first the
 * header) to fp.  right[c] right-aligns column c.  width, when not 0,
 * is the terminal's: the widest columns not right-aligned are cut (an
 * ellipsis ends a cut cell) until a line fits, as far as they can be.
 */
void table_print(FILE *fp, jv rows, const int *right, int ncols,
		 size_t width);

#endif
