/*
 * cli.h - what every command shares: the common options, verb tables,
 * opening the database, the output writer, and the final check of stdout.
 *
 * Adding a command (git's builtin.h checklist):
 *  1. src/cmd/NAME.c: a verb table (struct cli_verb: one entry with a
 *     NULL name for a verb command such as inv-issue, one per subcommand
 *     for a noun command such as crm-lead), each verb with its usage in
 *     BSD order mirroring the man page synopsis, its own option table
 *     ending in CLI_OPTIONS, and its flags; a function per verb that
 *     reads its options with cli_next_option(), checks its arguments and
 *     calls the library; and cmd_NAME returning cli_run_verbs(), with its
 *     line in src/cmd/commands.h.  No SQL, no sqlite3.h or csv.h.
 *  2. man/man1/NAME.1 with the same synopsis (tests compare them).
 *  3. completions/bash/NAME, completions/zsh/_NAME, completions/fish/NAME.fish.
 *  4. tests/tNNNN-NAME.sh: the normal path, bad input, a business refusal,
 *     an idempotent rerun.
 *  5. A line in README.md's tour.
 */
#ifndef CLI_H
#define CLI_H

#include <getopt.h>
#include <stdint.h>

#include "biz.h"
#include "db.h"
#include "input.h"
#include "output.h"
#include "filter.h"
#include "json.h"
#include "timeutil.h"

enum {
	CLI_DB = 0x1000,
	CLI_JQ,
	CLI_WHERE,
	CLI_DRY_RUN,
	CLI_ACTOR,
	CLI_INPUT_FORMAT,
	CLI_SORT,
	CLI_LIMIT,
	CLI_TOTAL,
	CLI_ERRORS,
	CLI_FIRST_OWN		/* commands number their long options here */
};

/* The shared long options; end every command's table with it. */
#define CLI_OPTIONS                                                     \
	{ "db", required_argument, NULL, CLI_DB },                      \
	{ "format", required_argument, NULL, 'f' },                     \
	{ "jq", required_argument, NULL, CLI_JQ },                      \
	{ "where", required_argument, NULL, CLI_WHERE },                \
	{ "dry-run", no_argument, NULL, CLI_DRY_RUN },                  \
	{ "actor", required_argument, NULL, CLI_ACTOR },                \
	{ "input-format", required_argument, NULL, CLI_INPUT_FORMAT },  \
	{ "fields", required_argument, NULL, 'o' },                     \
	{ "sort", required_argument, NULL, CLI_SORT },                  \
	{ "limit", required_argument, NULL, CLI_LIMIT },                \
	{ "total", no_argument, NULL, CLI_TOTAL },                      \
	{ "errors", required_argument, NULL, CLI_ERRORS },              \
	{ "quiet", no_argument, NULL, 'q' },                            \
	{ "help", no_argument, NULL, 'h' },                             \
	{ "version", no_argument, NULL, 'V' },                          \
	{ NULL, 0, NULL, 0 }

/* The options every usage text ends with. */
#define CLI_COMMON_USAGE \
	"common options: [--db PATH] [-f json|jsonl|csv|tsv|table] " \
	"[--jq FILTER]\n" \
	"                [--where JQ] [--dry-run] [--actor NAME] " \
	"[--input-format csv|jsonl|json]\n" \
	"                [-o FIELD,...] [--sort FIELD,...] [--limit N] " \
	"[--total]\n" \
	"                [--errors text|json] [-q] [-h] [-V]\n"

struct cli;

/* What the dispatcher sets up for a verb once its options are read. */
enum {
	CLI_NEEDS_DB = 1 << 0,	/* opens the database (69 when missing) */
	CLI_WRITES = 1 << 1,	/* output held back until the commit */
	CLI_CREATES_DB = 1 << 2	/* opens or creates it (biz-init) */
};

/*
 * One verb of a command.  run() reads its options with
 * cli_next_option() and returns a status for cli_finish().  An option
 * that is not in the verb's table is a usage error (64), even when
 * another verb of the same command takes it.
 */
struct cli_verb {
	const char *name;		/* NULL: the command's only verb */
	int (*run)(struct cli *cli, void *arg);
	const char *shortopts;		/* the verb's own letters */
	const struct option *options;	/* ends with CLI_OPTIONS */
	const char *usage;		/* the verb's synopsis lines */
	unsigned flags;			/* CLI_NEEDS_DB, CLI_WRITES... */
};

struct cli {
	const char *usage;
	const struct cli_verb *verb;	/* the verb being run */
	const char *db_path;
	enum format format;
	enum input_format input_format;
	jv input_map;		/* --map HEADER=field: an object, or invalid */
	jv noted;		/* cli_note_custom()'s names, or invalid */
	int batch_line;		/* cli_batch(): the record's first line */
	struct filter *jq;	/* --jq, applied to every record printed */
	struct filter *where;	/* --where, a predicate for list commands */
	struct output_options output;	/* -o, --sort, --limit, --total */
	char **kept;		/* cli_date()'s strings, freed by cli_finish() */
	size_t nkept, kept_cap;
	int dry_run;
	int spool;		/* hold output until cli_finish() succeeds */
	const char *actor;
	struct db *db;
	struct output *out;
	struct sink sink;	/* cli_sink(): records to out */
	int argc;
	char **argv;
};

/* Sets the program name and usage; call first. */
void cli_start(struct cli *cli, int argc, char **argv, const char *usage);

/*
 * Runs a command from its verb table (ended by an entry with a NULL run):
 * picks the verb named by the first argument (or the only, unnamed one),
 * runs it with arg and finishes (cli_finish()).  -h prints every verb's
 * usage; no verb or an unknown one is a usage error.  Returns the exit
 * status for main().
 */
int cli_run_verbs(int argc, char **argv, const struct cli_verb *verbs,
		  void *arg);

/*
 * The verb's next own option, as cli_getopt() returns it, over the verb's
 * table.  At the end (-1) it does the verb's set-up from its flags: the
 * database opened (cli->db), output held back for a write.
 */
int cli_next_option(struct cli *cli);

/*
 * The operands after the options; fewer than min or more than max (-1:
 * any) is a usage error.  Returns their number.
 */
int cli_operands(struct cli *cli, int min, int max, char ***args);

/*
 * getopt_long over the command's options: shortopts are its own letters
 * (the shared -f -q -h -V are added), longopts its table ending in
 * CLI_OPTIONS.  Shared options are handled here; the command's own are
 * returned; -1 at the end.  Bad options exit 64 with the usage.
 */
int cli_getopt(struct cli *cli, const char *shortopts,
	       const struct option *longopts);

/* Prints "PROG: message" and the usage on stderr, exits 64. */
void cli_usage_error(struct cli *cli, const char *fmt, ...)
	__attribute__((noreturn, format(printf, 2, 3)));

/* The remaining arguments after the options. */
int cli_args(struct cli *cli, char ***args);

/* Opens the existing database (exits 69 or 75 on failure). */
struct db *cli_db(struct cli *cli);

/* Opens or creates the database (biz-init). */
struct db *cli_db_create(struct cli *cli);

/*
 * The writer for records, in the chosen format and with --jq.  Write
 * commands set cli->spool first: their records then reach stdout only when
 * cli_finish() is called with success, so a batch that fails half-way
 * prints nothing of what it rolled back.
 */
struct output *cli_output(struct cli *cli);

/*
 * Prints a record (consumed) through the writer; exits 65 on jq error.
 * An array prints each of its elements as a record.
 */
void cli_print(struct cli *cli, jv record);

/* Same, for a record given as its JSON text (len bytes). */
void cli_print_json(struct cli *cli, const char *text, size_t len);

/*
 * The sink for the library's records: each record's JSON text is printed
 * through the output (with --jq), when --where holds for it; once
 * the output has taken --limit records (and no --sort waits for more) it
 * answers BIZ_STOP, so the query stops.
 */
struct sink *cli_sink(struct cli *cli);

/* The format records are printed in (resolved as cli_output() does). */
enum format cli_format(struct cli *cli);

/*
 * Whether --where holds for record (not consumed): 1 holds (also without
 * one), 0 not, -1 the program raised an error on it (jq's message set by
 * biz_fail as BIZ_DATAERR, as --jq reports one: not counted as false).
 */
int cli_where(struct cli *cli, jv record);

/*
 * Prints record (consumed) when --where holds for it: the callback for
 * the library's functions that pass records one by one (arg is the
 * struct cli).  Returns 0, or BIZ_DATAERR when --where raised an error.
 */
int cli_print_where(jv record, void *arg);

/*
 * Finishes output, closes the database, checks stdout for write errors,
 * prints the failure message when status is not 0; returns the exit
 * status for main().
 */
int cli_finish(struct cli *cli, int status);

/* Parses an option's exact decimal or integer, or exits 64 naming it. */
int64_t cli_decimal(struct cli *cli, const char *option, const char *text,
		    int scale);
int64_t cli_integer(struct cli *cli, const char *option, const char *text,
		    int64_t min, int64_t max);

/*
 * Checks an option's value against its closed set (choices, ending with
 * NULL); anything else exits 64, "OPTION: 'TEXT' is not one of a, b, c".
 * Read in the options loop, so a bad value is usage before the database
 * is opened (DESIGN: a value outside a closed set is 64, not 69).
 */
void cli_choice(struct cli *cli, const char *option, const char *text,
		const char *const *choices);

/*
 * An option's KEY=VALUE (text) as the string field KEY of the object *obj
 * (a later one of the same key wins); anything else, or an empty KEY, exits
 * 64 naming option.
 */
void cli_key_value(struct cli *cli, const char *option, const char *text,
		   jv *obj);

/* --set KEY=VALUE: cli_key_value() for --set, into the fields *fields. */
void cli_set_field(struct cli *cli, jv *fields, const char *text);

/*
 * --map HEADER=field: cli_batch() renames the input column HEADER (any
 * case, spaces around ignored) to field.  Exits 64 without '=' or with
 * either side empty.
 */
void cli_map_option(struct cli *cli, const char *text);

/*
 * The code on one line of a --scan (len bytes at line, changed in place):
 * without the blanks around it, nor, on line 1, a UTF-8 byte order
 * mark.  "" for a blank line.
 */
char *cli_scan_code(char *line, ssize_t len, int line_no);

/*
 * Names on stderr, once per run and not with -q, each key of record
 * (borrowed) that known() does not know: it becomes a custom field.
 */
void cli_note_custom(struct cli *cli, jv record, int (*known)(const char *));

/*
 * A field option's value (text) as a string field of *fields: names[] maps
 * each of the command's options, from CLI_FIRST_OWN, to the field it sets.
 */
void cli_option_field(jv *fields, const char *const names[], int option,
		      const char *text);

/*
 * A date option's value as YYYY-MM-DD (held until cli_finish()): the forms of
 * date_parse_user(), "2026-11" its first or last day by end; else exits
 * 64 naming option as the user typed it.
 */
char *cli_date(struct cli *cli, const char *option, const char *text,
	       enum date_end end);

/*
 * The same for a date that is data (a document's --date, an --expiry):
 * a bad one exits 65, as the same field in an input file does.
 */
char *cli_data_date(struct cli *cli, const char *option, const char *text,
		    enum date_end end);

/*
 * A time that is data (crm-log's --at) as a UTC timestamp (held until
 * cli_finish()): a date is its first second; a bad one exits 65.
 */
char *cli_data_time(struct cli *cli, const char *option, const char *text);

/* A time option's value in epoch seconds (time_parse_user()), or 64. */
int64_t cli_time(struct cli *cli, const char *option, const char *text,
		 enum date_end end);

/*
 * Progress of a long run (imports, exports, batches) on stderr, only when
 * stderr is a terminal and not with -q: "PROG: 10000 records read" every
 * 10,000 ticks, rewritten in place, and the total once at the end.
 */
struct cli_progress {
	const char *what;	/* "records read", "rows written" */
	int64_t done;
	int shown;
};

/* Counts one more record, showing the count every 10,000. */
void cli_progress_tick(struct cli_progress *p);

/* Ends the line with the total, if any count was shown. */
void cli_progress_end(struct cli_progress *p);

/* One write of a command: fn(db, arg, &record) inside one transaction. */
typedef int (*cli_write_fn)(struct db *db, void *arg, jv *record);

/*
 * Runs fn in one transaction (BEGIN IMMEDIATE; COMMIT, or ROLLBACK on
 * failure or --dry-run) and prints the record it returns.  Returns a
 * status for cli_finish().
 */
int cli_write(struct cli *cli, cli_write_fn fn, void *arg);

/* Applies one input record: consumes record, sets *out to print. */
typedef int (*cli_apply_fn)(struct db *db, jv record, jv *out, void *arg);

/*
 * Reads every record of path ("-" or NULL: stdin) and applies each in one
 * transaction for the whole batch, printing what apply returns (spooled:
 * a failure prints nothing).  A failing record rolls everything back and
 * fails with "FILE:LINE: message".  Returns a status.
 */
int cli_batch(struct cli *cli, const char *path, cli_apply_fn apply,
	      void *arg);

/* What a batch does after its last record, before the commit. */
typedef int (*cli_end_fn)(struct db *db, void *arg);

/* cli_batch() that calls end (when not NULL) after the last record. */
int cli_batch_end(struct cli *cli, const char *path, cli_apply_fn apply,
		  cli_end_fn end, void *arg);
#endif
