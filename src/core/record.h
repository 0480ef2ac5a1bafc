/*
 * record.h - small helpers for the jv objects records travel in.
 */
#ifndef RECORD_H
#define RECORD_H

#include <stdint.h>
#include <jq.h>

#include "biz.h"

/* record[key] = value (consumed). */
void rec_set(jv *record, const char *key, jv value);

/* record[key] = text, or null for NULL. */
void rec_set_str(jv *record, const char *key, const char *text);

/* Room for any number as jq prints it ("-1.7976931348623157e+308"). */
#define REC_NUMBER_BUFSZ 32

/*
 * value (borrowed) as text: a string's borrowed from value (valid while
 * something holds value), a number's written in its shortest form into
 * number, the caller's; NULL for anything else and for "".
 */
const char *rec_value_text(jv value, char number[REC_NUMBER_BUFSZ]);

/* record[key] (borrowed) as rec_value_text() gives it; NULL if missing. */
const char *rec_field_text(jv record, const char *key,
			   char number[REC_NUMBER_BUFSZ]);

/*
 * Room for the text of the numbers one function reads from records with
 * rec_text(): the caller's, on its stack, so every text it was given
 * stays valid while the function runs (no ring that a later call
 * reuses).  A number takes one place; a string is borrowed from its
 * record and takes none.
 */
#define REC_TEXTS_MAX 16
struct rec_texts {
	int used;
	char number[REC_TEXTS_MAX][REC_NUMBER_BUFSZ];
};

/*
 * rec_field_text() with a number's text in a place of texts.  A function
 * that reads more than REC_TEXTS_MAX numbers through one texts is a bug:
 * it aborts rather than reuse a place.  A loop over records or fields
 * passes rec_field_text() a buffer of its own instead.
 */
const char *rec_text(struct rec_texts *texts, jv record, const char *key);

/*
 * Appends the JSON text of value (borrowed) to sb: byte for byte what
 * jv_dump_string(value, 0) gives, without building a jv string.
 */
void rec_dump(struct strbuf *sb, jv value);

/*
 * Appends text (len bytes, NUL bytes included) to sb as a JSON string,
 * escaped as rec_dump() escapes a jv string.
 */
void rec_dump_text(struct strbuf *sb, const char *text, size_t len);

/* Whether record has key. */
int rec_has(jv record, const char *key);

/* record without key (consumed). */
jv rec_delete(jv record, const char *key);

/*
 * Whether record (not consumed) is an object whose fields are all among
 * known (NULL-ended): BIZ_OK, else BIZ_DATAERR "a record is needed" or
 * "unknown field 'K'" for the first one that is not.
 */
int rec_known_fields(jv record, const char *const known[]);

/*
 * Parses text as a whole number in [min, max] into *out, or fails with
 * BIZ_DATAERR naming what; NULL text leaves *out alone.
 */
int field_integer(const char *what, const char *text, int64_t min,
		  int64_t max, int64_t *out);

#endif
