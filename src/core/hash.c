/* hash.c - text keys to pointers, open addressing, linear probing. */
#include "hash.h"

#include <stdlib.h>
#include <string.h>

#include "biz.h"
#include "banned.h"

size_t hash_text(const char *text)
{
	size_t h = 2166136261u;

	for (; *text; text++)
		h = (h ^ (unsigned char)*text) * 16777619u;
	return h;
}

/* The slot of key, or the empty slot where it would go. */
static size_t slot_of(const struct hash *h, const char *key)
{
	size_t i = hash_text(key) & (h->cap - 1);

	while (h->keys[i] && strcmp(h->keys[i], key))
		i = (i + 1) & (h->cap - 1);
	return i;
}

void *hash_get(const struct hash *h, const char *key)
{
	size_t i;

	if (!h->cap)
		return NULL;
	i = slot_of(h, key);
	return h->keys[i] ? h->values[i] : NULL;
}

/* Doubles the table (from 16), keeping it at most half full. */
static void grow(struct hash *h)
{
	struct hash bigger = { h->cap ? h->cap * 2 : 16, 0, NULL, NULL };

	bigger.keys = xmalloc(bigger.cap * sizeof(*bigger.keys));
	bigger.values = xmalloc(bigger.cap * sizeof(*bigger.values));
	memset(bigger.keys, 0, bigger.cap * sizeof(*bigger.keys));
	for (size_t i = 0; i < h->cap; i++)
		if (h->keys[i])
			hash_put(&bigger, h->keys[i], h->values[i]);
	hash_clear(h);
	*h = bigger;
}

void hash_put(struct hash *h, const char *key, void *value)
{
	size_t i;

	if ((h->count + 1) * 2 > h->cap)
		grow(h);
	i = slot_of(h, key);
	if (!h->keys[i]) {
		h->keys[i] = key;
		h->count++;
	}
	h->values[i] = value;
}

void hash_clear(struct hash *h)
{
	free(h->keys);
	free(h->values);
	memset(h, 0, sizeof(*h));
}
