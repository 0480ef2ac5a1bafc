/*
 * code.h - what a code is: SKUs, warehouse codes, rep handles, account
 * codes, supplier codes and tags are any UTF-8 text without whitespace or
 * control characters ("茶杯-01", "上海仓"); one rule for all of them
 * (DESIGN.md, codes and names).
 */
#ifndef CODE_H
#define CODE_H

#include <stddef.h>

/*
 * Whether text is a code: not empty, shorter than max bytes (0: no
 * limit), valid UTF-8, and no whitespace (ASCII, U+0085, U+00A0,
 * U+1680, U+2000..U+200A, U+2028, U+2029, U+202F, U+205F, U+3000) nor
 * control character (C0, DEL, C1).  NULL is not a code.
 */
int code_valid(const char *text, size_t max);

/*
 * Whether the len bytes at text are text bizutils takes in: valid UTF-8
 * (as code_valid() decodes it) without a NUL byte.  Input that is not is
 * refused, never stored with U+FFFD in place of its bytes.
 */
int text_valid(const char *text, size_t len);

/* The words every refusal of a code ends with. */
#define CODE_RULE "no whitespace or control characters"

#endif
