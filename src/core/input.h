/*
 * input.h - records in: CSV with a header row, JSON Lines, a JSON array.
 *
 * The format is taken from the first byte that is not blank (after a UTF-8
 * byte order mark): '{' JSON Lines (any stream of JSON objects), '[' a
 * JSON array of objects, anything else CSV.  CSV follows RFC 4180 strictly
 * (libcsv): values stay strings ("08123" keeps its zero), spaces are data,
 * quoted fields may hold commas, quotes and line breaks, CRLF or LF ends a
 * row.  A blank line between records is skipped: it carries no record.
 * Input is read as a stream, so memory does not grow with the file (a
 * JSON array is the exception: it is held whole).
 */
#ifndef INPUT_H
#define INPUT_H

#include <jq.h>

enum input_format { INPUT_AUTO, INPUT_CSV, INPUT_JSONL, INPUT_JSON };

/* The format named by name ("csv", "jsonl", "json"), -1 if none. */
int input_format_from_name(const char *name);

struct reader;

/*
 * Opens path ("-" or NULL for stdin).  header is 1 for records keyed by a
 * CSV header row, 0 for raw CSV rows as arrays of strings.  Returns a
 * status (BIZ_NOINPUT when the file is missing) and sets *out.
 */
int reader_open(const char *path, enum input_format format, int header,
		struct reader **out);

/*
 * The next record into *record.  Returns 1 for a record, 0 at the end,
 * or BIZ_DATAERR with "FILE:LINE: message" set.
 */
int reader_next(struct reader *r, jv *record);

/* The line the last record started on, and the input's name. */
int reader_line(const struct reader *r);
const char *reader_name(const struct reader *r);

/*
 * Sets a "FILE:LINE: message" failure for the last record read and
 * returns status.
 */
int reader_fail(const struct reader *r, int status, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

void reader_close(struct reader *r);

#endif
