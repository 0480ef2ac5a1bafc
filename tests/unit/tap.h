/*
 * tap.h - a tiny TAP producer for the C unit tests, in mblaze's manner.
 *
 * ok(cond, fmt, ...) prints "ok N - what" or "not ok N - what";
 * diag(fmt, ...) prints a "# " line; tap_done() prints the count and
 * returns the exit status for main(): 1 when any test failed.
 * Header-only: each test program includes it once.
 */
#ifndef TAP_H
#define TAP_H

#include <stdarg.h>
#include <stdio.h>

static int tap_count, tap_failed;

__attribute__((format(printf, 2, 3)))
static int ok(int cond, const char *fmt, ...)
{
	va_list ap;

	tap_count++;
	if (!cond)
		tap_failed++;
	printf("%sok %d - ", cond ? "" : "not ", tap_count);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
	fflush(stdout);
	return cond;
}

__attribute__((format(printf, 1, 2)))
static void diag(const char *fmt, ...)
{
	va_list ap;

	fputs("# ", stdout);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
}

/* Ends like tests/lib.sh's test_done: "# NAME: N tests, N failed". */
static int tap_done_(const char *file)
{
	printf("# %s: %d tests, %d failed\n", file, tap_count, tap_failed);
	return tap_failed != 0;
}
#define tap_done() tap_done_(__FILE__)

#endif
