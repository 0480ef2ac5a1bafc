/* ledger-post - post balanced journal entries, or reverse one. */
#include <string.h>

#include "cli.h"
#include "commands.h"
#include "ledger.h"
#include "record.h"

static const char usage[] =
	"usage: ledger-post [--date D] --memo M [--ref R] ACCOUNT=[AMOUNT]...\n"
	"       ledger-post --reverse ID [--date D] [--memo M] [--ref R]\n"
	"       ledger-post FILE|-\n";

enum { OPT_DATE = CLI_FIRST_OWN, OPT_MEMO, OPT_REF, OPT_REVERSE };

static const struct option options[] = {
	{ "date", required_argument, NULL, OPT_DATE },
	{ "memo", required_argument, NULL, OPT_MEMO },
	{ "ref", required_argument, NULL, OPT_REF },
	{ "reverse", required_argument, NULL, OPT_REVERSE },
	CLI_OPTIONS
};

struct request {
	const char *date, *memo, *ref;
	int64_t reverse;
	jv entry;
};

/* Says on stderr that an entry already posted was left as it is. */
static void warn_unchanged(jv entry)
{
	if (jv_is_valid(entry) && rec_text(entry, "op") &&
	    !strcmp(rec_text(entry, "op"), "unchanged"))
		biz_warn("ref '%s' is already posted as entry %s: nothing "
			 "posted", rec_text(entry, "ref"),
			 rec_text(entry, "id"));
}

static int write_entry(struct db *db, void *arg, jv *record)
{
	struct request *req = arg;
	int status;

	if (req->reverse)
		status = ledger_reverse(db, req->reverse, req->date, req->memo,
					req->ref, record);
	else
		status = ledger_post_record(db, jv_copy(req->entry), record);
	if (status == BIZ_OK)
		warn_unchanged(*record);
	return status;
}

/* Posts one entry of a batch and prints it as its JSON text. */
static int apply_entry(struct db *db, jv record, jv *out, void *arg)
{
	/* Kept between calls: a batch posts entry after entry. */
	static struct strbuf json;
	struct cli *cli = arg;
	int status;

	strbuf_reset(&json);
	status = ledger_post_record_json(db, record, out, &json);
	if (status == BIZ_OK && json.len)
		cli_print_json(cli, json.buf, json.len);
	if (status == BIZ_OK)
		warn_unchanged(*out);
	return status;
}

int cmd_ledger_post(int argc, char **argv)
{
	struct cli cli;
	struct request req = { NULL, NULL, NULL, 0, jv_null() };
	int c, nargs, status;
	char **args;

	cli_start(&cli, argc, argv, usage);
	while ((c = cli_getopt(&cli, "", options)) != -1) {
		if (c == OPT_DATE)
			req.date = cli_data_date(&cli, "--date", optarg,
						 DATE_EXACT);
		else if (c == OPT_MEMO)
			req.memo = optarg;
		else if (c == OPT_REF)
			req.ref = optarg;
		else if (c == OPT_REVERSE)
			req.reverse = cli_integer(&cli, "--reverse", optarg, 1,
						  INT64_MAX);
	}
	nargs = cli_args(&cli, &args);
	if (req.reverse) {
		if (nargs)
			cli_usage_error(&cli, "--reverse takes no postings");
		status = cli_write(&cli, write_entry, &req);
	} else if (nargs == 1 && !strchr(args[0], '=')) {
		if (req.date || req.memo || req.ref)
			cli_usage_error(&cli, "entries from a file carry their "
					"own date, memo and ref");
		status = cli_batch(&cli, args[0], apply_entry, &cli);
	} else if (nargs >= 1) {
		jv postings = jv_array();

		if (!req.memo)
			cli_usage_error(&cli, "an entry needs --memo");
		for (int i = 0; i < nargs; i++) {
			char *eq = strrchr(args[i], '=');
			jv posting = jv_object();

			if (!eq || eq == args[i])
				cli_usage_error(&cli, "'%s' is not "
						"ACCOUNT=AMOUNT", args[i]);
			rec_set(&posting, "account",
				jv_string_sized(args[i],
						(int)(eq - args[i])));
			rec_set(&posting, "amount", eq[1] ?
				jv_string(eq + 1) : jv_null());
			postings = jv_array_append(postings, posting);
		}
		req.entry = jv_object();
		if (req.date)
			rec_set_str(&req.entry, "date", req.date);
		rec_set_str(&req.entry, "memo", req.memo);
		if (req.ref)
			rec_set_str(&req.entry, "ref", req.ref);
		rec_set(&req.entry, "postings", postings);
		status = cli_write(&cli, write_entry, &req);
	} else {
		cli_usage_error(&cli, "postings ACCOUNT=AMOUNT, a FILE or - "
				"are needed");
	}
	jv_free(req.entry);
	return cli_finish(&cli, status);
}
