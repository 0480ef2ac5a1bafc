/*
 * filter.h - jq programs over records, with libjq.
 *
 * A program is compiled once and run per record.  jq 1.6's numbers are
 * doubles: programs select and reshape records, they never compute money.
 */
#ifndef FILTER_H
#define FILTER_H

#include <jq.h>

struct filter;

/* How deep a program's brackets may nest: deeper ones are refused. */
#define FILTER_MAX_DEPTH 64

/*
 * Compiles program.  Returns NULL on error with the message (jq's first
 * complaint) set for biz_error().
 */
struct filter *filter_compile(const char *program);
void filter_free(struct filter *f);

/*
 * Compiles f with libjq now if it was not (a program the native
 * predicates know is compiled only when needed): 0, or -1 with jq's
 * message set, for a program that must run whole (--jq).
 */
int filter_prepare(struct filter *f);

/*
 * Runs f on input (consumed) and returns the array of what it emitted, or
 * an invalid jv carrying the error message.
 */
jv filter_run(struct filter *f, jv input);

/*
 * Whether f's first output for input (not consumed) is truthy: neither
 * false nor null, nor an error.  *error, if given, receives 1 when the
 * program raised an error.
 */
int filter_holds(struct filter *f, jv input, int *error);

#endif
