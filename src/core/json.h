/*
 * json.h - the one JSON writer, and where records go.
 *
 * A domain function builds each record once, as JSON text in a struct
 * json, and hands it to a struct sink; the command's sink prints it (the
 * output module copies the text as is to json and jsonl, and parses it
 * only for --jq, csv, tsv and table).  Records are never dumped to text
 * and parsed back inside the library.
 *
 *	struct json w = { 0 };
 *
 *	json_object(&w);
 *	json_key_str(&w, "sku", sku);
 *	json_key_dec(&w, "qty", qty, QTY_SCALE);
 *	json_end_object(&w);
 *	status = sink_put(out, &w);
 *	json_release(&w);
 *
 * Object keys keep the order they are written in, which is the column
 * order of csv and table output.
 */
#ifndef JSON_H
#define JSON_H

#include <stdint.h>
#include <jq.h>

#include "biz.h"

struct json {
	struct strbuf text;
	/* The next value needs a comma before it. */
	int comma;
};

/* Opens an object or an array; the json_end_ calls close them. */
void json_object(struct json *w);
void json_array(struct json *w);
void json_end_object(struct json *w);
void json_end_array(struct json *w);

/* Writes a key; the next call writes its value. */
void json_key(struct json *w, const char *key);

/* Values: text (NULL writes null), integers, exact decimals at scale. */
void json_str(struct json *w, const char *text);
void json_int(struct json *w, int64_t value);
void json_dec(struct json *w, int64_t value, int scale);
void json_bool(struct json *w, int value);
void json_null(struct json *w);

/* A value given as JSON text already (stored JSON, a nested record). */
void json_raw(struct json *w, const char *json_text);

/* A value given as a jv (borrowed): a custom field from an input record. */
void json_jv(struct json *w, jv value);

/* key and value in one call. */
void json_key_str(struct json *w, const char *key, const char *text);
void json_key_int(struct json *w, const char *key, int64_t value);
void json_key_dec(struct json *w, const char *key, int64_t value,
		  int scale);
void json_key_bool(struct json *w, const char *key, int value);
void json_key_raw(struct json *w, const char *key, const char *json_text);

/*
 * The members of a stored JSON object's text ("{...}") written into the
 * open object: custom fields merged into a record.  "{}" writes nothing.
 */
void json_members(struct json *w, const char *object_text);

/* Empties w for the next record, keeping its memory. */
void json_reset(struct json *w);
void json_release(struct json *w);

/*
 * Where a function's records go.  put() takes one record's JSON text
 * (borrowed) and returns 0 to go on, BIZ_STOP to stop early (a --limit
 * reached: not a failure) or a status.  A NULL sink discards records.
 *
 * The one rule for every function that hands records out (every _each
 * of the library, and the writes that give back what they wrote): the
 * records go to a struct sink *, the function stops at put()'s first
 * non-zero answer, and returns sink_done() of it: BIZ_STOP becomes
 * BIZ_OK (stopping early is no failure), any other status is returned
 * as it is.  A function that returns one record for its caller's own use
 * (lead_load, for another domain) returns a jv instead.
 */
enum { BIZ_STOP = -1 };
struct sink {
	int (*put)(struct sink *sink, const char *json, size_t len);
};

/* Hands w's record to sink (NULL: none).  Returns put()'s answer. */
int sink_put(struct sink *sink, const struct json *w);

/* What a function that put records returns for put()'s last answer. */
static inline int sink_done(int status)
{
	return status == BIZ_STOP ? BIZ_OK : status;
}

#endif
