/* ledger-post - post balanced journal entries, or reverse one. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "commands.h"
#include "ledger.h"
#include "record.h"

enum { OPT_DATE = CLI_FIRST_OWN, OPT_MEMO, OPT_REF, OPT_REVERSE };

static const struct option options[] = {
	{ "date", required_argument, NULL, OPT_DATE },
	{ "memo", required_argument, NULL, OPT_MEMO },
	{ "ref", required_argument, NULL, OPT_REF },
	{ "reverse", required_argument, NULL, OPT_REVERSE },
	CLI_OPTIONS
};

struct request {
	struct cli *cli;
	const char *date, *memo, *ref;
	int64_t reverse;
	jv entry;
};

/* Says on stderr that an entry already posted was left as it is. */
static void warn_unchanged(const char *ref, int64_t id)
{
	if (id)
		biz_warn("ref '%s' is already posted as entry %lld: nothing "
			 "posted", ref, (long long)id);
}

static int write_entry(struct db *db, void *arg, jv *record)
{
	struct request *req = arg;
	int64_t unchanged;
	int status;

	(void)record;
	if (req->reverse)
		status = ledger_reverse(db, req->reverse, req->date, req->memo,
					req->ref, cli_sink(req->cli),
					&unchanged);
	else
		status = ledger_post_record(db, jv_copy(req->entry),
					    cli_sink(req->cli), &unchanged);
	if (status == BIZ_OK)
		warn_unchanged(req->ref, unchanged);
	return status;
}

/* Posts one entry of a batch; the record goes to the command's sink. */
static int apply_entry(struct db *db, jv record, jv *out, void *arg)
{
	struct request *req = arg;
	char *ref = NULL;
	int64_t unchanged;
	int status;

	(void)out;
	if (jv_get_kind(record) == JV_KIND_OBJECT) {
		jv value = jv_object_get(jv_copy(record), jv_string("ref"));

		if (jv_get_kind(value) == JV_KIND_STRING)
			ref = xstrdup(jv_string_value(value));
		jv_free(value);
	}
	status = ledger_post_record(db, record, cli_sink(req->cli),
				    &unchanged);
	if (status == BIZ_OK)
		warn_unchanged(ref, unchanged);
	free(ref);
	return status;
}

/* The entry of the postings ACCOUNT=[AMOUNT] given as operands. */
static jv entry_from_args(struct cli *cli, struct request *req, int n,
			  char **args)
{
	jv postings = jv_array(), entry = jv_object();

	for (int i = 0; i < n; i++) {
		char *eq = strrchr(args[i], '=');
		jv posting = jv_object();

		/* A bare ACCOUNT is ACCOUNT=: its amount is inferred. */
		if (!eq)
			eq = args[i] + strlen(args[i]);
		if (eq == args[i])
			cli_usage_error(cli, "'%s' is not ACCOUNT=AMOUNT",
					args[i]);
		rec_set(&posting, "account",
			jv_string_sized(args[i], (int)(eq - args[i])));
		rec_set(&posting, "amount", *eq && eq[1] ?
			jv_string(eq + 1) : jv_null());
		postings = jv_array_append(postings, posting);
	}
	if (req->date)
		rec_set_str(&entry, "date", req->date);
	rec_set_str(&entry, "memo", req->memo);
	if (req->ref)
		rec_set_str(&entry, "ref", req->ref);
	rec_set(&entry, "postings", postings);
	return entry;
}

static int run_post(struct cli *cli, void *arg)
{
	struct request *req = arg;
	int c, nargs, status;
	char **args;

	req->cli = cli;
	req->entry = jv_null();
	while ((c = cli_next_option(cli)) != -1) {
		if (c == OPT_DATE)
			req->date = cli_data_date(cli, "--date", optarg,
						  DATE_EXACT);
		else if (c == OPT_MEMO)
			req->memo = optarg;
		else if (c == OPT_REF)
			req->ref = optarg;
		else if (c == OPT_REVERSE)
			req->reverse = cli_integer(cli, "--reverse", optarg, 1,
						   INT64_MAX);
	}
	nargs = cli_operands(cli, 0, -1, &args);
	if (req->reverse) {
		if (nargs)
			cli_usage_error(cli, "--reverse takes no postings");
		return cli_write(cli, write_entry, req);
	}
	if (nargs == 1 && !strchr(args[0], '=')) {
		if (req->date || req->memo || req->ref)
			cli_usage_error(cli, "entries from a file carry their "
					"own date, memo and ref");
		return cli_batch(cli, args[0], apply_entry, req);
	}
	if (!nargs)
		cli_usage_error(cli, "postings ACCOUNT=AMOUNT, a FILE or - "
				"are needed");
	if (!req->memo)
		cli_usage_error(cli, "an entry needs --memo");
	req->entry = entry_from_args(cli, req, nargs, args);
	status = cli_write(cli, write_entry, req);
	jv_free(req->entry);
	return status;
}

static const struct cli_verb verbs[] = {
	{ NULL, run_post, "", options,
	  "ledger-post [--date D] --memo M [--ref R] ACCOUNT=[AMOUNT]...\n"
	  "       ledger-post --reverse ID [--date D] [--memo M] [--ref R]\n"
	  "       ledger-post FILE|-\n", CLI_NEEDS_DB | CLI_WRITES },
	{ NULL, NULL, NULL, NULL, NULL, 0 }
};

int cmd_ledger_post(int argc, char **argv)
{
	struct request req = { 0 };

	return cli_run_verbs(argc, argv, verbs, &req);
}
