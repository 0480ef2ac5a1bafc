/*
 * json_hash.c - the JSON writer and the hash table of src/core.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "array.h"
#include "hash.h"
#include "json.h"
#include "tap.h"

struct collect {
	struct sink sink;
	char last[256];
	int calls;
};

static int collect_put(struct sink *sink, const char *json, size_t len)
{
	struct collect *c = (struct collect *)sink;

	snprintf(c->last, sizeof(c->last), "%.*s", (int)len, json);
	return ++c->calls >= 2 ? BIZ_STOP : BIZ_OK;
}

int main(void)
{
	struct json w = { 0 };
	struct collect c = { { collect_put }, "", 0 };
	struct hash h = { 0 };
	char keys[1000][8];
	int *numbers = NULL, found = 0;
	size_t count = 0, cap = 0;

	json_object(&w);
	json_key_int(&w, "id", 7);
	json_key_str(&w, "name", "Tea \"cup\"\n");
	json_key_str(&w, "lot", NULL);
	/* 12345 thousandths is 12.345; -5 minor units at scale 2 is -0.05. */
	json_key_dec(&w, "qty", 12345, 3);
	json_key_dec(&w, "value", -5, 2);
	json_key(&w, "serials");
	json_array(&w);
	json_str(&w, "A1");
	json_str(&w, "A2");
	json_end_array(&w);
	json_members(&w, "{\"tier\":\"gold\",\"n\":1}");
	json_members(&w, "{}");
	json_key_bool(&w, "ok", 1);
	json_end_object(&w);
	diag("the writer");
	ok(!strcmp(w.text.buf, "{\"id\":7,\"name\":\"Tea \\\"cup\\\"\\n\","
		   "\"lot\":null,\"qty\":12.345,\"value\":-0.05,"
		   "\"serials\":[\"A1\",\"A2\"],\"tier\":\"gold\",\"n\":1,"
		   "\"ok\":true}"), "a record with every kind of value: %s",
	   w.text.buf);
	ok(sink_put(&c.sink, &w) == BIZ_OK && !strcmp(c.last, w.text.buf),
	   "sink_put hands the text over");
	json_reset(&w);
	json_array(&w);
	json_end_array(&w);
	ok(!strcmp(w.text.buf, "[]"), "reset empties the writer: %s",
	   w.text.buf);
	ok(sink_put(&c.sink, &w) == BIZ_STOP, "a sink may ask to stop");
	ok(sink_put(NULL, &w) == BIZ_OK, "a NULL sink discards");
	json_release(&w);

	for (int i = 0; i < 1000; i++) {
		snprintf(keys[i], sizeof(keys[i]), "k%d", i);
		hash_put(&h, keys[i], keys[i]);
	}
	hash_put(&h, "k5", keys[6]);
	for (int i = 0; i < 1000; i++)
		found += hash_get(&h, keys[i]) == (i == 5 ? keys[6] : keys[i]);
	ok(found == 1000 && h.count == 1000 && !hash_get(&h, "k1000"),
	   "1,000 keys found again, one replaced, none invented");
	ok(h.cap >= 2 * h.count, "the table stays at most half full");
	hash_clear(&h);
	ok(!hash_get(&h, "k1") && h.count == 0, "a cleared table is empty");

	for (int i = 0; i < 100; i++)
		ARRAY_PUSH(numbers, count, cap, i * i);
	ok(count == 100 && cap >= 100 && numbers[99] == 99 * 99,
	   "ARRAY_PUSH keeps 100 values");
	free(numbers);
	return tap_done();
}
