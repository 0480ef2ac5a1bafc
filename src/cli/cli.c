/* cli.c - the shared set-up and tear-down of every command. */
#include "cli.h"

#include <pwd.h>
#include <stddef.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "array.h"
#include "decimal.h"
#include "record.h"
#include "timeutil.h"
#include "code.h"
#include "banned.h"

/*
 * Every argument is UTF-8 text (code.h's text_valid()), or 64: a SKU or a
 * name with an invalid byte would be stored with U+FFFD in its place.
 * The database's path is a file name, whatever its bytes.
 */
static void check_text_arguments(struct cli *cli)
{
	for (int i = 1; i < cli->argc; i++) {
		const char *arg = cli->argv[i];

		if (!strcmp(arg, "--db") && i + 1 < cli->argc) {
			i++;
			continue;
		}
		if (!strncmp(arg, "--db=", 5) ||
		    text_valid(arg, strlen(arg)))
			continue;
		cli_usage_error(cli, "argument %d is not UTF-8 text", i);
	}
}

void cli_start(struct cli *cli, int argc, char **argv, const char *usage)
{
	const char *slash = strrchr(argv[0], '/');

	memset(cli, 0, sizeof(*cli));
	biz_progname = slash ? slash + 1 : argv[0];
	cli->usage = usage;
	cli->argc = argc;
	cli->argv = argv;
	cli->input_format = INPUT_AUTO;
	cli->input_map = jv_invalid();
	cli->noted = jv_invalid();
	cli->output.limit = -1;
	/* Before any option is read: its errors must come out right too. */
	for (int i = 1; i < argc; i++) {
		if (!strcmp(argv[i], "--errors=json") ||
		    (!strcmp(argv[i], "--errors") && i + 1 < argc &&
		     !strcmp(argv[i + 1], "json")))
			biz_errors_json = 1;
		if (!strcmp(argv[i], "--"))
			break;
	}
	check_text_arguments(cli);
}

static void print_usage(struct cli *cli, FILE *fp)
{
	fputs(cli->usage, fp);
	fputs(CLI_COMMON_USAGE, fp);
}

/* Every verb's synopsis, "usage: " before the first, aligned after. */
static char *verbs_usage(const struct cli_verb *verbs)
{
	struct strbuf sb = { 0 };

	for (const struct cli_verb *v = verbs; v->run; v++)
		strbuf_addf(&sb, "%s%s", v == verbs ? "usage: " : "       ",
			    v->usage);
	return sb.buf;
}

/*
 * The index in argv of the verb: the first operand, skipping the shared
 * options (and their values) that may come before it.  0 when none.
 */
static int verb_index(int argc, char **argv)
{
	static const char *const with_value[] = {
		"--db", "-f", "--format", "--jq", "--where", "--actor",
		"--input-format", "-o", "--fields", "--sort", "--limit",
		"--errors", NULL
	};

	for (int i = 1; i < argc; i++) {
		int takes_value = 0;

		if (argv[i][0] != '-')
			return i;
		for (int k = 0; with_value[k]; k++)
			takes_value |= !strcmp(argv[i], with_value[k]);
		i += takes_value;
	}
	return 0;
}

int cli_run_verbs(int argc, char **argv, const struct cli_verb *verbs,
		  void *arg)
{
	/* Static, with the usage texts: the command may exit from anywhere. */
	static struct cli cli;
	static char *usage;
	static struct strbuf verb_usage;
	const struct cli_verb *verb = verbs;
	int at = 0, status;

	usage = verbs_usage(verbs);
	cli_start(&cli, argc, argv, usage);
	if (verbs->name) {
		at = verb_index(argc, argv);
		if (!at) {
			/* -h and -V before any verb. */
			cli_next_option(&cli);
			cli_usage_error(&cli, "a subcommand is needed");
		}
		while (verb->run && strcmp(verb->name, argv[at]))
			verb++;
		if (!verb->run)
			cli_usage_error(&cli, "unknown subcommand '%s'",
					argv[at]);
		/* The verb leaves argv; getopt_long sees the rest. */
		for (int i = at; i + 1 < argc; i++)
			argv[i] = argv[i + 1];
		cli.argc = argc - 1;
	}
	cli.verb = verb;
	cli.usage = verb->usage;
	if (verbs->name) {
		/* A verb's usage line: "crm-lead list ...", after "usage: ". */
		strbuf_addf(&verb_usage, "usage: %s", verb->usage);
		cli.usage = verb_usage.buf;
	} else {
		cli.usage = usage;
	}
	status = verb->run(&cli, arg);
	return cli_finish(&cli, status);
}

int cli_next_option(struct cli *cli)
{
	static const struct option shared_only[] = { CLI_OPTIONS };
	const struct cli_verb *v = cli->verb;
	int c = cli_getopt(cli, v && v->shortopts ? v->shortopts : "",
			   v && v->options ? v->options : shared_only);

	if (c != -1 || !v)
		return c;
	if (v->flags & CLI_WRITES)
		cli->spool = 1;
	/*
	 * The database opens at its first use (cli_db()), after the
	 * command has checked its operands and required options: a usage
	 * error is 64 whether the database is there or not.
	 */
	return -1;
}

int cli_operands(struct cli *cli, int min, int max, char ***args)
{
	int n = cli_args(cli, args);

	if (n < min)
		cli_usage_error(cli, "%s", n ? "too few arguments"
					     : "an argument is needed");
	if (max >= 0 && n > max)
		cli_usage_error(cli, "unexpected argument '%s'",
				(*args)[max]);
	return n;
}

void cli_usage_error(struct cli *cli, const char *fmt, ...)
{
	va_list ap;
	char *message;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	message = xmalloc((size_t)n + 1);
	va_start(ap, fmt);
	vsnprintf(message, (size_t)n + 1, fmt, ap);
	va_end(ap);
	/* A program reading JSON errors gets the one line, no usage. */
	if (biz_errors_as_json())
		biz_dief(BIZ_USAGE, "%s", message);
	fprintf(stderr, "%s: %s\n", biz_progname, message);
	print_usage(cli, stderr);
	exit(BIZ_USAGE);
}

/* Exits 64 with jq's words on the program of option. */
static void __attribute__((noreturn)) compile_failed(const char *option)
{
	char *message = xstrdup(biz_error());

	biz_dief(BIZ_USAGE, "%s: %s", option, message);
}

/* Compiles a jq program from an option, or exits 64 with jq's words. */
static struct filter *compile_option(const char *option, const char *text)
{
	struct filter *f = filter_compile(text);

	if (f)
		return f;
	compile_failed(option);
}

int cli_getopt(struct cli *cli, const char *shortopts,
	       const struct option *longopts)
{
	char all[128];
	int c, n;

	/* ':' first: a missing value returns ':'; options may follow
	 * operands, as with GNU tools. */
	snprintf(all, sizeof(all), ":%sf:o:qhV", shortopts);
	opterr = 0;
	while ((c = getopt_long(cli->argc, cli->argv, all, longopts,
				NULL)) != -1) {
		switch (c) {
		case CLI_DB:
			cli->db_path = optarg;
			break;
		case 'f':
			cli->format = format_from_name(optarg);
			if (cli->format == FORMAT_DEFAULT)
				cli_usage_error(cli, "unknown format '%s'",
						optarg);
			break;
		case CLI_JQ:
			filter_free(cli->jq);
			cli->jq = compile_option("--jq", optarg);
			/* libjq may refuse what the native parser takes */
			if (filter_prepare(cli->jq))
				compile_failed("--jq");
			break;
		case CLI_WHERE:
			filter_free(cli->where);
			cli->where = compile_option("--where", optarg);
			break;
		case CLI_DRY_RUN:
			cli->dry_run = 1;
			break;
		case CLI_ACTOR:
			cli->actor = optarg;
			break;
		case CLI_ERRORS:
			if (strcmp(optarg, "json") && strcmp(optarg, "text"))
				cli_usage_error(cli, "--errors: '%s' is not "
						"json or text", optarg);
			biz_errors_json = !strcmp(optarg, "json");
			break;
		case CLI_INPUT_FORMAT:
			n = input_format_from_name(optarg);
			if (n < 0)
				cli_usage_error(cli, "unknown input format "
						"'%s'", optarg);
			cli->input_format = n;
			break;
		case 'o':
		case CLI_SORT:
			if (output_check_fields(optarg, c == CLI_SORT))
				cli_usage_error(cli, "%s: '%s' is not a list "
						"of fields such as %s",
						c == 'o' ? "-o" : "--sort",
						optarg, c == 'o' ? "sku,value"
						: "wh,-value");
			*(c == 'o' ? &cli->output.fields : &cli->output.sort) =
				optarg;
			break;
		case CLI_LIMIT:
			cli->output.limit = cli_integer(cli, "--limit", optarg,
							0, INT64_MAX);
			break;
		case CLI_TOTAL:
			cli->output.totals = 1;
			break;
		case 'q':
			biz_quiet = 1;
			break;
		case 'h':
			print_usage(cli, stdout);
			exit(BIZ_OK);
		case 'V':
			printf("%s (bizutils) %s\n", biz_progname,
			       BIZ_VERSION);
			exit(BIZ_OK);
		case '?':
			if (optopt && optopt < 0x100)
				cli_usage_error(cli, "unknown option '-%c'",
						optopt);
			cli_usage_error(cli, "unknown option '%s'",
					cli->argv[optind - 1]);
		case ':':
			cli_usage_error(cli, "option '%s' needs a value",
					cli->argv[optind - 1]);
		default:
			return c;
		}
	}
	return -1;
}

int cli_args(struct cli *cli, char ***args)
{
	*args = cli->argv + optind;
	return cli->argc - optind;
}

static const char *login_name(void)
{
	struct passwd *pw = getpwuid(getuid());

	return pw && pw->pw_name ? pw->pw_name : "unknown";
}

static struct db *open_db(struct cli *cli, int create)
{
	const char *actor = cli->actor ? cli->actor : getenv("BIZ_ACTOR");
	char *path;
	int status;

	if (cli->db)
		return cli->db;
	path = db_default_path(cli->db_path);
	status = db_open(path, create, &cli->db);
	free(path);
	if (status)
		biz_die(status);
	cli->db->dry_run = cli->dry_run;
	cli->db->actor = actor && *actor ? actor : login_name();
	cli->db->now = time_now();
	if (cli->db->now < 0)
		biz_dief(BIZ_USAGE, "BIZ_NOW: '%s' is not a UTC time such as "
			 "2026-11-27T08:00:00Z", getenv("BIZ_NOW"));
	return cli->db;
}

struct db *cli_db(struct cli *cli)
{
	return open_db(cli, cli->verb &&
		       (cli->verb->flags & CLI_CREATES_DB));
}

struct db *cli_db_create(struct cli *cli)
{
	return open_db(cli, 1);
}

/* The terminal's width in cells: $COLUMNS, else stdout's; 0 unknown. */
static int terminal_width(void)
{
	const char *env = getenv("COLUMNS");
	struct winsize ws;
	int64_t n;

	if (env && !parse_i64(env, 1, 100000, &n))
		return (int)n;
	if (isatty(STDOUT_FILENO) && !ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws))
		return ws.ws_col;
	return 0;
}

struct output *cli_output(struct cli *cli)
{
	enum format format = cli->format;
	const char *env = getenv("BIZ_FORMAT");

	if (cli->out)
		return cli->out;
	if (format == FORMAT_DEFAULT && env && *env) {
		format = format_from_name(env);
		if (format == FORMAT_DEFAULT)
			biz_dief(BIZ_USAGE, "BIZ_FORMAT: unknown format '%s'",
				 env);
	}
	if (format == FORMAT_DEFAULT)
		format = isatty(STDOUT_FILENO) ? FORMAT_TABLE : FORMAT_JSONL;
	cli->format = format;
	cli->out = output_new(format, cli->jq, cli->spool);
	/* Money prints at the database's places: open it now. */
	if (!cli->db && cli->verb &&
	    (cli->verb->flags & (CLI_NEEDS_DB | CLI_CREATES_DB)))
		cli_db(cli);
	cli->output.money_scale = cli->db ? cli->db->money_scale : 2;
	cli->output.width = format == FORMAT_TABLE ? terminal_width() : 0;
	output_configure(cli->out, &cli->output);
	return cli->out;
}

void cli_print(struct cli *cli, jv record)
{
	int status;

	if (jv_get_kind(record) == JV_KIND_ARRAY) {
		jv_array_foreach(record, i, item)
			cli_print(cli, item);
		jv_free(record);
		return;
	}
	status = output_record(cli_output(cli), record);
	if (status)
		biz_die(status);
}

void cli_print_json(struct cli *cli, const char *text, size_t len)
{
	int status = output_json(cli_output(cli), text, len);

	if (status)
		biz_die(status);
}

static int sink_print(struct sink *sink, const char *json, size_t len)
{
	struct cli *cli = (struct cli *)((char *)sink -
					 offsetof(struct cli, sink));
	jv record;
	int status;

	if (cli->where) {
		int holds;

		record = jv_parse_sized(json, (int)len);
		holds = cli_where(cli, record);
		jv_free(record);
		if (holds <= 0)
			return holds < 0 ? BIZ_DATAERR : BIZ_OK;
	}
	status = output_json(cli_output(cli), json, len);
	/* --limit reached (and no --sort waiting): the query may stop. */
	if (status == BIZ_OK && output_full(cli->out))
		return BIZ_STOP;
	return status;
}

struct sink *cli_sink(struct cli *cli)
{
	cli->sink.put = sink_print;
	return &cli->sink;
}

enum format cli_format(struct cli *cli)
{
	cli_output(cli);
	return cli->format;
}

int cli_where(struct cli *cli, jv record)
{
	int error;
	int holds;

	if (!cli->where)
		return 1;
	holds = filter_holds(cli->where, record, &error);
	if (error) {
		/* Reported as --jq reports one: jq's message, exit 65. */
		jv result = filter_run(cli->where, jv_copy(record));

		if (!jv_is_valid(result) &&
		    jv_invalid_has_msg(jv_copy(result))) {
			jv msg = jv_invalid_get_msg(result);

			biz_fail(BIZ_DATAERR, "--where: %s",
				 jv_get_kind(msg) == JV_KIND_STRING ?
				 jv_string_value(msg) : "an error");
			jv_free(msg);
		} else {
			jv_free(result);
			biz_fail(BIZ_DATAERR, "--where: the program raised "
				 "an error");
		}
		return -1;
	}
	return holds;
}

int cli_print_where(jv record, void *arg)
{
	struct cli *cli = arg;

	int holds = cli_where(cli, record);

	if (holds > 0)
		cli_print(cli, record);
	else
		jv_free(record);
	return holds < 0 ? BIZ_DATAERR : 0;
}

int cli_finish(struct cli *cli, int status)
{
	if (cli->out && cli->db)
		output_money_scale(cli->out, cli->db->money_scale);
	if (cli->out)
		output_finish(cli->out, status == BIZ_OK);
	cli->out = NULL;
	db_close(cli->db);
	cli->db = NULL;
	filter_free(cli->jq);
	filter_free(cli->where);
	jv_free(cli->input_map);
	cli->input_map = jv_invalid();
	jv_free(cli->noted);
	cli->noted = jv_invalid();
	for (size_t i = 0; i < cli->nkept; i++)
		free(cli->kept[i]);
	free(cli->kept);
	cli->kept = NULL;
	cli->nkept = cli->kept_cap = 0;
	if (status)
		biz_die(status);
	if (fflush(stdout) || ferror(stdout))
		biz_dief(BIZ_IOERR, "error writing to standard output");
	return BIZ_OK;
}

int64_t cli_decimal(struct cli *cli, const char *option, const char *text,
		    int scale)
{
	int64_t v;

	if (!dec_parse(text, scale, &v))
		return v;
	/* Well formed but too large is data (65), as in a file. */
	if (dec_too_large(text, scale))
		biz_die(dec_parse_fail(option, text, scale));
	cli_usage_error(cli, "%s: '%s' is not a number with at most %d "
			"decimal places", option, text, scale);
	return v;
}

int64_t cli_integer(struct cli *cli, const char *option, const char *text,
		    int64_t min, int64_t max)
{
	int64_t v;

	if (parse_i64(text, min, max, &v))
		cli_usage_error(cli, "%s: '%s' is not a whole number from "
				"%lld to %lld", option, text, (long long)min,
				(long long)max);
	return v;
}

void cli_choice(struct cli *cli, const char *option, const char *text,
		const char *const *choices)
{
	struct strbuf sb = { 0 };

	for (int i = 0; choices[i]; i++) {
		if (!strcmp(text, choices[i]))
			return;
		strbuf_addf(&sb, "%s%s", i ? ", " : "", choices[i]);
	}
	cli_usage_error(cli, "%s: '%s' is not one of %s", option, text,
			sb.buf);
}

void cli_key_value(struct cli *cli, const char *option, const char *text,
		   jv *obj)
{
	const char *eq = strchr(text, '=');

	if (!eq || eq == text)
		cli_usage_error(cli, "%s: '%s' is not key=value", option,
				text);
	*obj = jv_object_set(*obj, jv_string_sized(text, (int)(eq - text)),
			     jv_string(eq + 1));
}

void cli_set_field(struct cli *cli, jv *fields, const char *text)
{
	cli_key_value(cli, "--set", text, fields);
}

/* text without the blanks around it, as a jv string. */
static jv trimmed(const char *text, size_t n)
{
	while (n && (*text == ' ' || *text == '\t')) {
		text++;
		n--;
	}
	while (n && (text[n - 1] == ' ' || text[n - 1] == '\t'))
		n--;
	return jv_string_sized(text, (int)n);
}

void cli_map_option(struct cli *cli, const char *text)
{
	const char *eq = strchr(text, '=');
	jv header, field;

	if (!eq)
		cli_usage_error(cli, "--map: '%s' is not HEADER=field", text);
	header = trimmed(text, (size_t)(eq - text));
	field = trimmed(eq + 1, strlen(eq + 1));
	if (!jv_string_length_bytes(jv_copy(header)) ||
	    !jv_string_length_bytes(jv_copy(field))) {
		jv_free(header);
		jv_free(field);
		cli_usage_error(cli, "--map: '%s' is not HEADER=field", text);
	}
	if (!jv_is_valid(cli->input_map))
		cli->input_map = jv_object();
	cli->input_map = jv_object_set(cli->input_map, header, field);
}

/* The field map (borrowed) gives the column key, or invalid. */
static jv mapped_name(jv map, const char *key)
{
	jv_object_foreach(map, header, field) {
		int same = !strcasecmp(jv_string_value(header), key);

		jv_free(header);
		if (same)
			return field;
		jv_free(field);
	}
	return jv_invalid();
}

char *cli_scan_code(char *line, ssize_t len, int line_no)
{
	char *code = line;

	while (len > 0 && strchr("\r\n \t", line[len - 1]))
		line[--len] = '\0';
	if (line_no == 1 && !strncmp(code, "\xEF\xBB\xBF", 3))
		code += 3;
	while (*code == ' ' || *code == '\t')
		code++;
	return code;
}

void cli_note_custom(struct cli *cli, jv record, int (*known)(const char *))
{
	if (jv_get_kind(record) != JV_KIND_OBJECT)
		return;
	if (!jv_is_valid(cli->noted))
		cli->noted = jv_object();
	jv_object_foreach(record, key, value) {
		const char *name = jv_string_value(key);

		jv_free(value);
		if (known(name) || jv_object_has(jv_copy(cli->noted),
						 jv_copy(key))) {
			jv_free(key);
			continue;
		}
		biz_warn("column '%s' is a custom field", name);
		cli->noted = jv_object_set(cli->noted, key, jv_true());
	}
}

/* record (consumed) with its columns renamed by map (borrowed). */
static jv map_record(jv map, jv record)
{
	jv out;

	if (!jv_is_valid(map) || jv_get_kind(record) != JV_KIND_OBJECT)
		return record;
	out = jv_object();
	jv_object_foreach(record, key, value) {
		jv field = mapped_name(map, jv_string_value(key));

		if (jv_is_valid(field)) {
			jv_free(key);
			key = field;
		}
		out = jv_object_set(out, key, value);
	}
	jv_free(record);
	return out;
}

void cli_option_field(jv *fields, const char *const names[], int option,
		      const char *text)
{
	rec_set_str(fields, names[option - CLI_FIRST_OWN], text);
}

/* "now" for a relative date: the database's, else $BIZ_NOW or the clock. */
static int64_t option_now(struct cli *cli)
{
	int64_t now = cli->db ? cli->db->now : time_now();

	if (now < 0)
		biz_dief(BIZ_USAGE, "BIZ_NOW: '%s' is not a UTC time such as "
			 "2026-11-27T08:00:00Z", getenv("BIZ_NOW"));
	return now;
}

/* A copy of text the command holds until cli_finish(). */
static char *cli_keep(struct cli *cli, const char *text)
{
	ARRAY_GROW(cli->kept, cli->nkept + 1, cli->kept_cap);
	return cli->kept[cli->nkept++] = xstrdup(text);
}

char *cli_date(struct cli *cli, const char *option, const char *text,
	       enum date_end end)
{
	char buf[TS_BUFSZ];

	if (date_parse_user(text, option_now(cli), end, buf))
		cli_usage_error(cli, "%s: '%s' is not a date such as "
				"2026-11-27, 2026-11, today, yesterday or 7d",
				option, text);
	return cli_keep(cli, buf);
}

char *cli_data_date(struct cli *cli, const char *option, const char *text,
		    enum date_end end)
{
	char buf[TS_BUFSZ];

	if (date_parse_user(text, option_now(cli), end, buf))
		biz_dief(BIZ_DATAERR, "%s: '%s' is not a date such as "
			 "2026-11-27, %stoday, yesterday or 7d", option, text,
			 end == DATE_EXACT ? "" : "2026-11, ");
	return cli_keep(cli, buf);
}

char *cli_data_time(struct cli *cli, const char *option, const char *text)
{
	char buf[TS_BUFSZ];
	int64_t t;

	if (time_parse_user(text, option_now(cli), DATE_FIRST, &t))
		biz_dief(BIZ_DATAERR, "%s: '%s' is not a time such as "
			 "2026-11-27T08:00:00Z, a date such as 2026-11-27, "
			 "today, yesterday or 7d", option, text);
	return cli_keep(cli, time_format(t, buf));
}

int64_t cli_time(struct cli *cli, const char *option, const char *text,
		 enum date_end end)
{
	int64_t t;

	if (time_parse_user(text, option_now(cli), end, &t))
		cli_usage_error(cli, "%s: '%s' is not a time such as "
				"2026-11-27T08:00:00Z, a date such as "
				"2026-11-27, 2026-11, today or 7d", option,
				text);
	return t;
}

int cli_write(struct cli *cli, cli_write_fn fn, void *arg)
{
	struct db *db = cli_db(cli);
	jv record = jv_invalid();
	int status;

	if ((status = db_begin(db)))
		return status;
	if ((status = fn(db, arg, &record))) {
		db_rollback(db);
		return status;
	}
	if ((status = db_commit(db))) {
		jv_free(record);
		return status;
	}
	if (jv_is_valid(record))
		cli_print(cli, record);
	else
		jv_free(record);
	return BIZ_OK;
}

int cli_batch(struct cli *cli, const char *path, cli_apply_fn apply,
	      void *arg)
{
	return cli_batch_end(cli, path, apply, NULL, arg);
}

/*
 * Progress of a long run on stderr, only when stderr is a terminal (a
 * cron job's mail and a pipe's log stay clean) and not with -q: a line
 * rewritten every PROGRESS_STEP records, ended once the run is done.
 */
#define PROGRESS_STEP 10000

void cli_progress_tick(struct cli_progress *p)
{
	if (++p->done % PROGRESS_STEP || biz_quiet || !isatty(STDERR_FILENO))
		return;
	fprintf(stderr, "\r%s: %lld %s", biz_progname, (long long)p->done,
		p->what);
	p->shown = 1;
}

void cli_progress_end(struct cli_progress *p)
{
	if (p->shown)
		fprintf(stderr, "\r%s: %lld %s\n", biz_progname,
			(long long)p->done, p->what);
}

int cli_batch_end(struct cli *cli, const char *path, cli_apply_fn apply,
		  cli_end_fn end, void *arg)
{
	struct cli_progress progress = { "records read", 0, 0 };
	struct db *db = cli_db(cli);
	struct reader *r;
	jv record, out;
	int rc, status;

	if ((status = reader_open(path, cli->input_format, 1, &r)))
		return status;
	cli->spool = 1;
	cli_output(cli);
	if ((status = db_begin(db))) {
		reader_close(r);
		return status;
	}
	while ((rc = reader_next(r, &record)) == 1) {
		record = map_record(cli->input_map, record);
		out = jv_invalid();
		cli->batch_line = reader_line(r);
		if ((status = apply(db, record, &out, arg))) {
			char *message = xstrdup(biz_error());

			reader_fail(r, status, "%s", message);
			free(message);
			break;
		}
		if (jv_is_valid(out))
			cli_print(cli, out);
		cli_progress_tick(&progress);
	}
	cli_progress_end(&progress);
	if (rc > 1)
		status = rc;
	if (!status && end)
		status = end(db, arg);
	reader_close(r);
	if (status) {
		db_rollback(db);
		return status;
	}
	return db_commit(db);
}
