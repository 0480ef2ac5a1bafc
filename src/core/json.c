/* json.c - the one JSON writer. */
#include "json.h"

#include <string.h>

#include "decimal.h"
#include "record.h"
#include "banned.h"

/* Room a record takes at first: most fit, and grow once at most. */
#define JSON_FIRST_ROOM 256

/* Appends one byte (room for it made). */
static void put_byte(struct json *w, char c)
{
	struct strbuf *sb = &w->text;

	if (sb->len + 2 > sb->cap)
		strbuf_grow(sb, sb->cap ? 1 : JSON_FIRST_ROOM);
	sb->buf[sb->len++] = c;
	sb->buf[sb->len] = '\0';
}

/* A comma before a value that follows another. */
static void separate(struct json *w)
{
	if (w->comma)
		put_byte(w, ',');
	w->comma = 1;
}

void json_object(struct json *w)
{
	separate(w);
	put_byte(w, '{');
	w->comma = 0;
}

void json_array(struct json *w)
{
	separate(w);
	put_byte(w, '[');
	w->comma = 0;
}

void json_end_object(struct json *w)
{
	put_byte(w, '}');
	w->comma = 1;
}

void json_end_array(struct json *w)
{
	put_byte(w, ']');
	w->comma = 1;
}

/*
 * The length of text, and whether it is plain: ASCII that JSON takes
 * as it is (no control character, quote, backslash or DEL), and so no
 * escape or UTF-8 check is needed.  One pass: records are mostly this.
 */
static size_t scan_plain(const char *text, int *plain)
{
	/* 1: a byte JSON takes as it is (ASCII but controls, '"', '\\',
	 * DEL); 0 also ends the text. */
	static const unsigned char as_is[256] = {
		[0x20] = 1, [0x21] = 1, [0x23 ... 0x5B] = 1,
		[0x5D ... 0x7E] = 1
	};
	const unsigned char *p = (const unsigned char *)text;

	while (as_is[*p])
		p++;
	if (!*p) {
		*plain = 1;
		return (size_t)(p - (const unsigned char *)text);
	}
	*plain = 0;
	return strlen(text);
}

/* Appends plain text (scan_plain()) as a JSON string, and then tail. */
static void put_plain(struct json *w, const char *text, size_t len,
		      const char *tail, size_t tail_len)
{
	struct strbuf *sb = &w->text;

	strbuf_grow(sb, len + 2 + tail_len);
	sb->buf[sb->len++] = '"';
	memcpy(sb->buf + sb->len, text, len);
	sb->len += len;
	sb->buf[sb->len++] = '"';
	memcpy(sb->buf + sb->len, tail, tail_len);
	sb->len += tail_len;
	sb->buf[sb->len] = '\0';
}

void json_key(struct json *w, const char *key)
{
	int plain;
	size_t len = scan_plain(key, &plain);

	separate(w);
	if (plain) {
		/* A field name: written as it is, in one go. */
		put_plain(w, key, len, ":", 1);
	} else {
		/* A key from input: escaped as jq escapes it. */
		w->comma = 0;
		json_str(w, key);
		put_byte(w, ':');
	}
	w->comma = 0;
}

void json_str(struct json *w, const char *text)
{
	size_t len, i;
	int plain;
	jv value;

	separate(w);
	if (!text) {
		strbuf_add(&w->text, "null", 4);
		return;
	}
	len = scan_plain(text, &plain);
	if (plain) {
		put_plain(w, text, len, "", 0);
		return;
	}
	/* ASCII escaped as jq escapes it; other bytes as jv_string() makes
	 * them valid UTF-8. */
	for (i = 0; i < len; i++)
		if ((unsigned char)text[i] >= 0x80)
			break;
	if (i == len) {
		rec_dump_text(&w->text, text, len);
		return;
	}
	value = jv_string(text);
	rec_dump(&w->text, value);
	jv_free(value);
}

void json_int(struct json *w, int64_t value)
{
	char buf[DEC_BUFSZ];

	separate(w);
	/* dec_format() at scale 0: digit by digit, no printf. */
	strbuf_addstr(&w->text, dec_format(value, 0, buf));
}

void json_dec(struct json *w, int64_t value, int scale)
{
	char buf[DEC_BUFSZ];

	separate(w);
	strbuf_addstr(&w->text, dec_format_json(value, scale, buf));
}

void json_bool(struct json *w, int value)
{
	separate(w);
	strbuf_addstr(&w->text, value ? "true" : "false");
}

void json_null(struct json *w)
{
	separate(w);
	strbuf_add(&w->text, "null", 4);
}

void json_raw(struct json *w, const char *json_text)
{
	separate(w);
	strbuf_addstr(&w->text, json_text ? json_text : "null");
}

void json_jv(struct json *w, jv value)
{
	separate(w);
	rec_dump(&w->text, value);
}

void json_key_str(struct json *w, const char *key, const char *text)
{
	json_key(w, key);
	json_str(w, text);
}

void json_key_int(struct json *w, const char *key, int64_t value)
{
	json_key(w, key);
	json_int(w, value);
}

void json_key_dec(struct json *w, const char *key, int64_t value, int scale)
{
	json_key(w, key);
	json_dec(w, value, scale);
}

void json_key_bool(struct json *w, const char *key, int value)
{
	json_key(w, key);
	json_bool(w, value);
}

void json_key_raw(struct json *w, const char *key, const char *json_text)
{
	json_key(w, key);
	json_raw(w, json_text);
}

void json_members(struct json *w, const char *object_text)
{
	size_t len;

	if (!object_text)
		return;
	while (*object_text == ' ')
		object_text++;
	len = strlen(object_text);
	/* Stored objects are compact, written by this writer or jv_dump. */
	if (len < 2 || object_text[0] != '{' || object_text[len - 1] != '}')
		return;
	if (len == 2)
		return;
	separate(w);
	strbuf_add(&w->text, object_text + 1, len - 2);
}

void json_reset(struct json *w)
{
	strbuf_reset(&w->text);
	w->comma = 0;
}

void json_release(struct json *w)
{
	strbuf_release(&w->text);
	w->comma = 0;
}

int sink_put(struct sink *sink, const struct json *w)
{
	if (!sink)
		return BIZ_OK;
	return sink->put(sink, w->text.buf ? w->text.buf : "",
			 w->text.len);
}
