/* record.c - helpers for jv records. */
#include "record.h"

#include "biz.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "banned.h"

#define NUMBER_BUFSZ REC_NUMBER_BUFSZ

void rec_set(jv *record, const char *key, jv value)
{
	*record = jv_object_set(*record, jv_string(key), value);
}

void rec_set_str(jv *record, const char *key, const char *text)
{
	rec_set(record, key, text ? jv_string(text) : jv_null());
}

/*
 * A number as jq 1.6 prints it.  Whole numbers below 1e15 print as plain
 * integers there; they are nearly all we meet, so they skip jq's dtoa.
 */
static void number_text(double d, char buf[NUMBER_BUFSZ])
{
	jv dumped;

	if (fabs(d) < 1e15 && d == (double)(int64_t)d &&
	    !(d == 0 && signbit(d))) {
		snprintf(buf, NUMBER_BUFSZ, "%lld", (long long)d);
		return;
	}
	dumped = jv_dump_string(jv_number(d), 0);
	snprintf(buf, NUMBER_BUFSZ, "%s", jv_string_value(dumped));
	jv_free(dumped);
}

const char *rec_value_text(jv value, char number[NUMBER_BUFSZ])
{
	const char *text = NULL;

	if (jv_get_kind(value) == JV_KIND_STRING) {
		text = jv_string_value(value);
		if (!*text)
			text = NULL;
	} else if (jv_get_kind(value) == JV_KIND_NUMBER) {
		number_text(jv_number_value(value), number);
		text = number;
	}
	return text;
}

const char *rec_field_text(jv record, const char *key,
			   char number[NUMBER_BUFSZ])
{
	jv value;
	const char *text;

	if (jv_get_kind(record) != JV_KIND_OBJECT)
		return NULL;
	value = jv_object_get(jv_copy(record), jv_string(key));
	/* record still holds a reference, so a string's text lives on. */
	text = rec_value_text(value, number);
	jv_free(value);
	return text;
}

const char *rec_text(struct rec_texts *texts, jv record, const char *key)
{
	char number[NUMBER_BUFSZ];
	const char *text = rec_field_text(record, key, number);

	if (text != number)
		return text;
	if (texts->used == REC_TEXTS_MAX) {
		fprintf(stderr, "bizutils: bug: more than %d numbers read "
			"through one struct rec_texts\n", REC_TEXTS_MAX);
		abort();
	}
	return memcpy(texts->number[texts->used++], number, sizeof(number));
}

void rec_dump_text(struct strbuf *sb, const char *s, size_t len)
{
	const char *end = s + len;
	const char *run = s;
	char escape[8];

	/* Most text needs no escape: room for it and its quotes at once. */
	strbuf_grow(sb, len + 2);
	sb->buf[sb->len++] = '"';
	for (; s < end; s++) {
		unsigned char c = (unsigned char)*s;

		if (c >= 0x20 && c != '"' && c != '\\' && c != 0x7F)
			continue;
		strbuf_add(sb, run, (size_t)(s - run));
		run = s + 1;
		switch (c) {
		case '"': strbuf_add(sb, "\\\"", 2); break;
		case '\\': strbuf_add(sb, "\\\\", 2); break;
		case '\b': strbuf_add(sb, "\\b", 2); break;
		case '\t': strbuf_add(sb, "\\t", 2); break;
		case '\r': strbuf_add(sb, "\\r", 2); break;
		case '\n': strbuf_add(sb, "\\n", 2); break;
		case '\f': strbuf_add(sb, "\\f", 2); break;
		default:
			snprintf(escape, sizeof(escape), "\\u%04x", c);
			strbuf_add(sb, escape, 6);
		}
	}
	strbuf_add(sb, run, (size_t)(s - run));
	strbuf_add(sb, "\"", 1);
}

/* A string as jq 1.6 escapes it: '"', '\\' and control characters. */
static void dump_string(struct strbuf *sb, jv string)
{
	rec_dump_text(sb, jv_string_value(string),
		      (size_t)jv_string_length_bytes(jv_copy(string)));
}

void rec_dump(struct strbuf *sb, jv value)
{
	char number[NUMBER_BUFSZ];
	jv text;
	int first = 1;

	switch (jv_get_kind(value)) {
	case JV_KIND_NULL:
		strbuf_add(sb, "null", 4);
		break;
	case JV_KIND_TRUE:
		strbuf_add(sb, "true", 4);
		break;
	case JV_KIND_FALSE:
		strbuf_add(sb, "false", 5);
		break;
	case JV_KIND_NUMBER:
		number_text(jv_number_value(value), number);
		strbuf_addstr(sb, number);
		break;
	case JV_KIND_STRING:
		dump_string(sb, value);
		break;
	case JV_KIND_ARRAY:
		strbuf_add(sb, "[", 1);
		jv_array_foreach(value, i, item) {
			if (i)
				strbuf_add(sb, ",", 1);
			rec_dump(sb, item);
			jv_free(item);
		}
		strbuf_add(sb, "]", 1);
		break;
	case JV_KIND_OBJECT:
		strbuf_add(sb, "{", 1);
		jv_object_foreach(value, key, item) {
			if (!first)
				strbuf_add(sb, ",", 1);
			first = 0;
			dump_string(sb, key);
			strbuf_add(sb, ":", 1);
			rec_dump(sb, item);
			jv_free(key);
			jv_free(item);
		}
		strbuf_add(sb, "}", 1);
		break;
	default:
		/* Not in a record; jq knows how it looks. */
		text = jv_dump_string(jv_copy(value), 0);
		strbuf_addstr(sb, jv_string_value(text));
		jv_free(text);
	}
}

int rec_has(jv record, const char *key)
{
	return jv_get_kind(record) == JV_KIND_OBJECT &&
	       jv_object_has(jv_copy(record), jv_string(key));
}

jv rec_delete(jv record, const char *key)
{
	return jv_object_delete(record, jv_string(key));
}

/* An object with only the known fields (record.h). */
int rec_known_fields(jv record, const char *const known[])
{
	int status = BIZ_OK;

	if (jv_get_kind(record) != JV_KIND_OBJECT)
		return biz_fail(BIZ_DATAERR, "a record is needed");
	jv_object_foreach(record, key, value) {
		int ok = 0;

		for (int i = 0; known[i]; i++)
			ok |= !strcmp(jv_string_value(key), known[i]);
		if (!ok && !status)
			status = biz_fail(BIZ_DATAERR, "unknown field '%s'",
					  jv_string_value(key));
		jv_free(key);
		jv_free(value);
	}
	return status;
}

/* A whole-number field in [min, max]; NULL text leaves *out alone. */
int field_integer(const char *what, const char *text, int64_t min,
		  int64_t max, int64_t *out)
{
	if (!text)
		return BIZ_OK;
	if (parse_i64(text, min, max, out))
		return biz_fail(BIZ_DATAERR, "%s: '%s' is not a whole number "
				"from %lld to %lld", what, text,
				(long long)min, (long long)max);
	return BIZ_OK;
}
