/* record.c - helpers for jv records. */
#include "record.h"

#include <string.h>

#include "banned.h"

void rec_set(jv *record, const char *key, jv value)
{
	*record = jv_object_set(*record, jv_string(key), value);
}

void rec_set_str(jv *record, const char *key, const char *text)
{
	rec_set(record, key, text ? jv_string(text) : jv_null());
}

const char *rec_text(jv record, const char *key)
{
	jv value;
	const char *text = NULL;

	if (jv_get_kind(record) != JV_KIND_OBJECT)
		return NULL;
	value = jv_object_get(jv_copy(record), jv_string(key));
	if (jv_get_kind(value) == JV_KIND_STRING) {
		/* record still holds a reference, so the text lives on. */
		text = jv_string_value(value);
		if (!*text)
			text = NULL;
	} else if (jv_get_kind(value) == JV_KIND_NUMBER) {
		/* The text lives in a small ring: enough for one record. */
		static jv cache[8];
		static int next, ready;
		jv dumped = jv_dump_string(jv_copy(value), 0);

		if (!ready) {
			for (int i = 0; i < 8; i++)
				cache[i] = jv_null();
			ready = 1;
		}
		jv_free(cache[next]);
		cache[next] = dumped;
		text = jv_string_value(dumped);
		next = (next + 1) % 8;
	}
	jv_free(value);
	return text;
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
