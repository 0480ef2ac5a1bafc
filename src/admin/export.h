/*
 * export.h - data ownership: every table of the database to files one
 * can read without bizutils (JSON Lines or CSV) with a manifest, and back
 * into a new database.  Export, import and export again give the same
 * files.
 */
#ifndef EXPORT_H
#define EXPORT_H

#include "db.h"
#include "json.h"

enum export_format { EXPORT_JSONL, EXPORT_CSV };

/* Called with its arg after each row written or read (progress), or NULL. */
struct export_tick {
	void (*fn)(void *arg);
	void *arg;
};

/*
 * Writes each table of db into dir (made 0700 if missing; it must hold
 * no manifest.json yet) as TABLE.jsonl or TABLE.csv, files made 0600,
 * rows in storage order, then manifest.json: {bizutils, schema_version,
 * format, tables: [{name, file, rows, columns}]}.  Each table's entry is
 * also handed to sink as a record; tick (may be NULL) after each row.
 * Returns a status.
 *
 * jsonl: one object a row, integers exact, text as strings, null.
 * csv: a header row of the columns; NULL is an empty field, empty text
 * is "" (quoted), so the two stay apart.
 */
int export_dir(struct db *db, const char *dir, enum export_format format,
	       struct sink *sink, const struct export_tick *tick);

/*
 * Loads the export in dir into db, a database just created: every table
 * emptied and filled from its file, in one transaction (foreign keys
 * checked at the commit).  The manifest's schema version must be this
 * build's (BIZ_DATAERR otherwise), and each file's rows its count in the
 * manifest.  Each table's entry goes to sink; tick (may be NULL) after
 * each row.
 */
int import_dir(struct db *db, const char *dir, struct sink *sink,
	       const struct export_tick *tick);

#endif
