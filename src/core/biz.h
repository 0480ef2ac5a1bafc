/*
 * biz.h - what every part of bizutils shares: exit statuses, the error
 * message of the last failure, and small string helpers.
 *
 * Library functions never print or exit.  They return one of the BIZ_*
 * statuses below and leave a one-line message for biz_error(); the command
 * prints it as "PROG: message" and exits with the status.
 */
#ifndef BIZ_H
#define BIZ_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#define BIZ_VERSION "0.1.0"

/* Exit statuses, the contract's list (sysexits.h numbers). */
enum {
	BIZ_OK = 0,
	BIZ_REFUSED = 1,	/* a business rule said no */
	BIZ_USAGE = 64,
	BIZ_DATAERR = 65,	/* bad input data */
	BIZ_NOINPUT = 66,	/* input file missing */
	BIZ_UNAVAILABLE = 69,	/* database missing or not ours */
	BIZ_INTERNAL = 70,
	BIZ_IOERR = 74,		/* output could not be written (a full disk) */
	BIZ_TEMPFAIL = 75,	/* database busy past the timeout */
	BIZ_NOPERM = 77		/* a write to a database we may only read */
};

/* Sets the message of the current failure and returns status. */
int biz_fail(int status, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/*
 * biz_fail() for a record of an input file: the message reads
 * "FILE:LINE: message", and the file and line are kept apart for
 * BIZ_ERRORS=json.  A later biz_fail() whose message quotes that prefix
 * (a caller adding context) keeps them.
 */
int biz_fail_at(int status, const char *file, int line, const char *fmt,
		...) __attribute__((format(printf, 4, 5)));

/*
 * Whether errors go out as one JSON object a line on stderr:
 * {"prog","status","message","file","line","field"} (BIZ_ERRORS=json,
 * or --errors json, which sets it).  -1 until decided: then BIZ_ERRORS
 * is read at the first error.
 */
extern int biz_errors_json;
int biz_errors_as_json(void);

/* The message set by the last biz_fail(), "" if none. */
const char *biz_error(void);

/* The command's name for messages, set once by cli_start(). */
extern const char *biz_progname;

/* Prints "PROG: message" for the last failure and exits with status. */
void biz_die(int status) __attribute__((noreturn));

/* Prints "PROG: message" and exits with status. */
void biz_dief(int status, const char *fmt, ...)
	__attribute__((noreturn, format(printf, 2, 3)));

/* Prints "PROG: message" as a warning (unless --quiet). */
void biz_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
extern int biz_quiet;

/* malloc and friends that exit 70 when memory runs out. */
void *xmalloc(size_t n);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);

/* Growable byte buffer, always NUL-terminated. */
struct strbuf {
	char *buf;
	size_t len, cap;
};
/* Makes room for n more bytes (and the NUL) without writing them. */
void strbuf_grow(struct strbuf *sb, size_t n);
void strbuf_add(struct strbuf *sb, const char *s, size_t n);
void strbuf_addstr(struct strbuf *sb, const char *s);
void strbuf_addf(struct strbuf *sb, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void strbuf_reset(struct strbuf *sb);
void strbuf_release(struct strbuf *sb);

/*
 * Parses a whole decimal integer in [min, max] like OpenBSD's strtonum;
 * returns 0 on success, -1 on anything else.
 */
int parse_i64(const char *s, int64_t min, int64_t max, int64_t *out);

#endif
