/*
 * record_text - rec_text() gives texts that stay valid while the
 * function that asked for them runs: each number's text has a place of
 * the caller's struct rec_texts, never reused (a ring of eight places
 * once let a ninth number overwrite the first: a SKU read as 123 could
 * turn into a serial's digits before the line was written).
 */
#include <stdio.h>
#include <string.h>

#include "record.h"
#include "tap.h"

int main(void)
{
	struct rec_texts texts = { .used = 0 };
	const char *text[REC_TEXTS_MAX];
	char key[8], want[16];
	jv record = jv_object();
	int kept = 1;

	/* Fields n0..n15 hold the numbers 100..115; s holds a string. */
	for (int i = 0; i < REC_TEXTS_MAX; i++) {
		snprintf(key, sizeof(key), "n%d", i);
		record = jv_object_set(record, jv_string(key),
				       jv_number(100 + i));
	}
	record = jv_object_set(record, jv_string("s"), jv_string("MAIN"));
	for (int i = 0; i < REC_TEXTS_MAX; i++) {
		snprintf(key, sizeof(key), "n%d", i);
		text[i] = rec_text(&texts, record, key);
	}
	for (int i = 0; i < REC_TEXTS_MAX; i++) {
		snprintf(want, sizeof(want), "%d", 100 + i);
		if (!text[i] || strcmp(text[i], want)) {
			diag("n%d reads '%s', not %s", i,
			     text[i] ? text[i] : "(null)", want);
			kept = 0;
		}
	}
	ok(kept, "%d numbers read through one rec_texts keep their texts",
	   REC_TEXTS_MAX);
	ok(texts.used == REC_TEXTS_MAX, "each number took one place (%d)",
	   texts.used);
	ok(!strcmp(rec_text(&texts, record, "s"), "MAIN") &&
	   texts.used == REC_TEXTS_MAX,
	   "a string is borrowed from the record and takes no place");
	ok(rec_text(&texts, record, "missing") == NULL,
	   "a missing field is NULL");
	jv_free(record);
	return tap_done();
}
