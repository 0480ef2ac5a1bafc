/*
 * output.h - records out: json, jsonl, csv, tsv or an aligned table.
 *
 * Records are jv objects whose keys keep the order they were set in; that
 * order is the column order.  CSV, TSV and the table take their columns
 * from the first record: keys later records add are left out there (use
 * --jq or jsonl to see them).
 */
#ifndef OUTPUT_H
#define OUTPUT_H

#include <jq.h>
#include <stdio.h>

#include "filter.h"

enum format {
	FORMAT_DEFAULT,
	FORMAT_JSON,
	FORMAT_JSONL,
	FORMAT_CSV,
	FORMAT_TSV,
	FORMAT_TABLE
};

/* The format named by name, or FORMAT_DEFAULT if none has that name. */
enum format format_from_name(const char *name);

struct output;

/*
 * A writer to stdout.  jq, if not NULL, is applied to each record and
 * what it emits is printed instead.  With spool, what is printed waits in
 * memory, then a temporary file, until output_finish().
 */
struct output *output_new(enum format format, struct filter *jq, int spool);

/*
 * Prints record (consumed).  Returns BIZ_OK, or BIZ_DATAERR when the jq
 * program failed on it (the message set).
 */
int output_record(struct output *out, jv record);

/*
 * Prints a record given as its JSON text (len bytes, as rec_dump() writes
 * it): copied as is to json and jsonl without --jq, parsed otherwise.
 */
int output_json(struct output *out, const char *text, size_t len);

/*
 * Finishes the array or table and frees out; a spool is copied to stdout
 * when keep is true, else thrown away.
 */
void output_finish(struct output *out, int keep);

/* Writes s as one CSV field, quoted only when it needs to be. */
void csv_write_field(FILE *fp, const char *s);

#endif
