/* setup.h - a new database's settings and seed data. */
#ifndef SETUP_H
#define SETUP_H

#include <jq.h>

#include "db.h"

/*
 * Records the currency (NULL: USD) and money scale (-1: 2) and seeds the
 * default chart of accounts, the automatic posting rules and warehouse
 * MAIN, once.  On a database already set up it changes nothing; asking
 * for another currency or scale then is refused.  The record that
 * describes the database, with "op" created or unchanged, goes to out.
 */
struct sink;
int setup_init(struct db *db, const char *currency, int scale,
	       struct sink *out);

#endif
