/* schema.h - the append-only list of schema migrations. */
#ifndef SCHEMA_H
#define SCHEMA_H

#include <stddef.h>

/* schema_migrations[i] takes a database from version i to i + 1. */
extern const char *const schema_migrations[];
extern const size_t schema_migration_count;

#endif
