/* json.c - the one JSON writer. */
#include "json.h"

#include <string.h>

#include "decimal.h"
#include "record.h"
#include "banned.h"

/* A comma before a value that follows another. */
static void separate(struct json *w)
{
	if (w->comma)
		strbuf_add(&w->text, ",", 1);
	w->comma = 1;
}

void json_object(struct json *w)
{
	separate(w);
	strbuf_add(&w->text, "{", 1);
	w->comma = 0;
}

void json_array(struct json *w)
{
	separate(w);
	strbuf_add(&w->text, "[", 1);
	w->comma = 0;
}

void json_end_object(struct json *w)
{
	strbuf_add(&w->text, "}", 1);
	w->comma = 1;
}

void json_end_array(struct json *w)
{
	strbuf_add(&w->text, "]", 1);
	w->comma = 1;
}

void json_key(struct json *w, const char *key)
{
	separate(w);
	rec_dump_text(&w->text, key, strlen(key));
	strbuf_add(&w->text, ":", 1);
	w->comma = 0;
}

void json_str(struct json *w, const char *text)
{
	size_t len;
	jv value;

	separate(w);
	if (!text) {
		strbuf_add(&w->text, "null", 4);
		return;
	}
	/* ASCII as it is; other bytes as jv_string() makes them valid. */
	for (len = 0; text[len]; len++)
		if ((unsigned char)text[len] >= 0x80)
			break;
	if (!text[len]) {
		rec_dump_text(&w->text, text, len);
		return;
	}
	value = jv_string(text);
	rec_dump(&w->text, value);
	jv_free(value);
}

void json_int(struct json *w, int64_t value)
{
	separate(w);
	strbuf_addf(&w->text, "%lld", (long long)value);
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
