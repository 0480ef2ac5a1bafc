/*
 * output.h - records out: json, jsonl, csv, tsv or an aligned table.
 *
 * Records are jv objects whose keys keep the order they were set in; that
 * order is the column order.  CSV, TSV and the table hold every record
 * until output_finish(): their columns are the first record's fields,
 * then every other field that appears in any record, in the order they
 * first appear.  Money fields (output_money_field()) print with the
 * currency's places there; JSON keeps numbers as numbers.
 *
 * A record whose "total" is true is a total row: printed by the table,
 * by the other formats only when asked (--total), and always last.
 */
#ifndef OUTPUT_H
#define OUTPUT_H

#include <jq.h>
#include <stdint.h>
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
/*
 * Whether --limit records are taken and no --sort is waiting for more:
 * whoever feeds the output may stop reading.
 */
int output_full(const struct output *out);

int output_json(struct output *out, const char *text, size_t len);

/*
 * Finishes the array or table and frees out; a spool is copied to stdout
 * when keep is true, else thrown away.
 */
void output_finish(struct output *out, int keep);

/* What the shared output options ask (cli.c fills it). */
struct output_options {
	const char *fields;	/* -o: "f1,f2": these columns, in order */
	const char *sort;	/* --sort "f1,-f2": -f2 descending */
	int64_t limit;		/* --limit: at most this many; -1 any */
	int totals;		/* --total: total rows in every format */
	int money_scale;	/* places money prints with */
	int width;		/* table: the terminal's cells; 0 no limit */
	int stream;		/* csv, tsv: print each record as it comes,
				   the columns the first record's (--follow) */
};

/* Sets out's options; call before the first record. */
void output_configure(struct output *out, const struct output_options *o);

/* The places money prints with, once the database says (cli_finish). */
void output_money_scale(struct output *out, int scale);

/*
 * Whether field name is money in every record that has it (amount,
 * value, debit, a month column "2026-11"...): the contract's record
 * table keeps one meaning for each field name.
 */
int output_money_field(const char *name);

/*
 * Checks a -o or --sort list: names separated by commas, none empty
 * ("-" before a name only with sort).  Returns 0 or -1.
 */
int output_check_fields(const char *list, int sort);

/* Writes s as one CSV field, quoted only when it needs to be. */
void csv_write_field(FILE *fp, const char *s);

#endif
