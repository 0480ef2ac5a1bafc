/*
 * hash.h - one hash table from text keys to pointers, open addressing.
 *
 * Keys are borrowed: the caller keeps each key's text alive while it is in
 * the table (usually the value holds it).  No removal: the tables of
 * bizutils live for one run (items and warehouses seen, accounts known).
 */
#ifndef HASH_H
#define HASH_H

#include <stddef.h>

struct hash {
	size_t cap, count;
	const char **keys;
	void **values;
};

/* FNV-1a of text: the one hash function of bizutils. */
size_t hash_text(const char *text);

/* The value for key, or NULL. */
void *hash_get(const struct hash *h, const char *key);

/* Sets key's value (replacing one there); key is borrowed. */
void hash_put(struct hash *h, const char *key, void *value);

/* Frees the table (not the keys or values) and empties it. */
void hash_clear(struct hash *h);

#endif
