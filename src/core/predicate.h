/*
 * predicate.h - the common jq predicates, evaluated natively.
 *
 * libjq 1.6 spends some 10 microseconds running a predicate on a record
 * and some 20 milliseconds compiling one (it compiles its builtins for
 * every program).  The predicates of --where and of crm-assign's rules
 * are nearly always paths, literals, comparisons, and, or, not: those are
 * parsed here into a small tree evaluated with libjq's own jv_equal and
 * jv_cmp, so the answer is jq's.  filter.c uses this form when the
 * program has one and libjq for everything else.
 */
#ifndef PREDICATE_H
#define PREDICATE_H

#include <jq.h>

struct predicate;

/*
 * How deep the native form may go (parentheses, "| not"s): beyond it
 * predicate_parse() declines, so evaluation needs a bounded stack.
 */
#define PREDICATE_MAX_DEPTH 64

/*
 * The native form of a jq program, or NULL when it is beyond the subset
 * (paths, literals, == != < <= > >=, and, or, parentheses, | not).  What
 * it accepts is valid jq.
 */
struct predicate *predicate_parse(const char *text);
void predicate_free(struct predicate *p);

/*
 * Whether p holds for input (not consumed), with jq's truth: neither
 * false nor null.  *error, if given, is set where jq would raise one
 * (a field of a number, say); the predicate then does not hold.
 */
int predicate_holds(const struct predicate *p, jv input, int *error);

/* jq's truth of a value (not consumed). */
int predicate_truthy(jv value);

#endif
