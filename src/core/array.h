/*
 * array.h - one growable array, as git's ALLOC_GROW.
 *
 *	struct pick *picks = NULL;
 *	size_t count = 0, cap = 0;
 *
 *	ARRAY_GROW(picks, count + 1, cap);
 *	picks[count++] = pick;
 *
 * The capacity grows by half again (at least 16), so n appends cost
 * O(n) copies; memory that runs out exits 70 (xrealloc).
 */
#ifndef ARRAY_H
#define ARRAY_H

#include "biz.h"

/* Makes room in array for at least need elements; cap is updated. */
#define ARRAY_GROW(array, need, cap)                                       \
	do {                                                               \
		if ((size_t)(need) > (cap)) {                              \
			(cap) = (cap) + (cap) / 2 > 16 ? (cap) + (cap) / 2 \
						      : 16;                \
			if ((cap) < (size_t)(need))                        \
				(cap) = (need);                            \
			(array) = xrealloc((array),                        \
					   (cap) * sizeof(*(array)));      \
		}                                                          \
	} while (0)

/* Appends value to array of count elements, growing it. */
#define ARRAY_PUSH(array, count, cap, value)                               \
	do {                                                               \
		ARRAY_GROW(array, (count) + 1, cap);                       \
		(array)[(count)++] = (value);                              \
	} while (0)

#endif
