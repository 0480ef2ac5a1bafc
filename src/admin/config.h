/*
 * config.h - the settings a business changes with biz-config, kept in the
 * setting table.  Each key is one row of config.c's key table (its kind,
 * default and meaning): a new setting is one more row there.  Values are
 * checked by kind and stored in canonical text.
 */
#ifndef CONFIG_H
#define CONFIG_H

#include <stdint.h>
#include <jq.h>

#include "db.h"

/*
 * The setting record of key: key kind value default description.
 * Unknown key: BIZ_USAGE.
 */
int config_get(struct db *db, const char *key, jv *out);

/* Calls fn with each setting record, in key order. */
int config_each(struct db *db, int (*fn)(jv setting, void *arg), void *arg);

/*
 * Sets key to value (checked: BIZ_DATAERR when bad; NULL removes it, the
 * default applies again) inside the caller's transaction, with a
 * config.set event.  *out is the setting record with op updated or
 * unchanged.  Unknown key: BIZ_USAGE.
 */
int config_set(struct db *db, const char *key, const char *value, jv *out);

/*
 * The value of key as text (its default when unset; NULL when neither),
 * valid until the next call.
 */
const char *config_text(struct db *db, const char *key);

/*
 * The value of a money key at db's scale; *found is 0 (and *out left
 * alone) when it has no value.
 */
int config_money(struct db *db, const char *key, int64_t *out, int *found);

/* The value of a whole-number key. */
int config_integer(struct db *db, const char *key, int64_t *out);

#endif
