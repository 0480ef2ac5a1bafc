/* ledger-account - add and list the accounts of the chart. */
#include "cli.h"
#include "commands.h"
#include "ledger.h"
#include "record.h"

enum { OPT_NAME = CLI_FIRST_OWN, OPT_TYPE, OPT_PARENT, OPT_CONTROL,
       OPT_NO_CONTROL };

static const struct option add_options[] = {
	{ "name", required_argument, NULL, OPT_NAME },
	{ "type", required_argument, NULL, OPT_TYPE },
	{ "parent", required_argument, NULL, OPT_PARENT },
	CLI_OPTIONS
};
static const struct option list_options[] = {
	{ "type", required_argument, NULL, OPT_TYPE },
	CLI_OPTIONS
};
static const struct option set_options[] = {
	{ "control", no_argument, NULL, OPT_CONTROL },
	{ "no-control", no_argument, NULL, OPT_NO_CONTROL },
	CLI_OPTIONS
};

struct request {
	struct cli *cli;
	jv fields;
};

static int write_account(struct db *db, void *arg, jv *record)
{
	struct request *req = arg;
	jv fields = req->fields;

	(void)record;
	req->fields = jv_null();
	return ledger_account_add(db, fields, cli_sink(req->cli));
}

/* Reads the verb's options into req->fields. */
static void read_options(struct cli *cli, struct request *req)
{
	static const char *const names[] = {
		[OPT_NAME - CLI_FIRST_OWN] = "name",
		[OPT_TYPE - CLI_FIRST_OWN] = "type",
		[OPT_PARENT - CLI_FIRST_OWN] = "parent",
	};
	int c;

	req->cli = cli;
	req->fields = jv_object();
	while ((c = cli_next_option(cli)) != -1) {
		if (c == OPT_TYPE)
			cli_choice(cli, "--type", optarg,
				   ledger_account_types);
		rec_set_str(&req->fields, names[c - CLI_FIRST_OWN], optarg);
	}
}

static int run_add(struct cli *cli, void *arg)
{
	struct request *req = arg;
	char **args;
	int status;

	read_options(cli, req);
	cli_operands(cli, 1, 1, &args);
	if (!rec_has(req->fields, "name"))
		cli_usage_error(cli, "add needs --name");
	if (!rec_has(req->fields, "type") && !rec_has(req->fields, "parent"))
		cli_usage_error(cli, "add needs --type (or a --parent to "
				"take it from)");
	rec_set_str(&req->fields, "code", args[0]);
	status = cli_write(cli, write_account, req);
	jv_free(req->fields);
	return status;
}

static int run_list(struct cli *cli, void *arg)
{
	struct rec_texts texts = { .used = 0 };
	struct request *req = arg;
	char **args;
	int status;

	read_options(cli, req);
	cli_operands(cli, 0, 0, &args);
	cli_output(cli);
	status = ledger_account_each(cli_db(cli),
				     rec_text(&texts, req->fields, "type"),
				     cli_sink(cli));
	jv_free(req->fields);
	return status;
}

struct control_request {
	const char *code;
	int control;
};

static int write_control(struct db *db, void *arg, jv *record)
{
	struct control_request *req = arg;

	return ledger_account_set_control(db, req->code, req->control,
					  record);
}

static int run_set(struct cli *cli, void *arg)
{
	struct control_request req = { NULL, -1 };
	char **args;
	int c;

	(void)arg;
	while ((c = cli_next_option(cli)) != -1)
		req.control = c == OPT_CONTROL;
	cli_operands(cli, 1, 1, &args);
	if (req.control < 0)
		cli_usage_error(cli, "set takes --control or --no-control");
	req.code = args[0];
	return cli_write(cli, write_control, &req);
}

static const struct cli_verb verbs[] = {
	{ "add", run_add, "", add_options,
	  "ledger-account add CODE --name N "
	  "[--type asset|liability|equity|income|expense]\n"
	  "                      [--parent CODE]\n",
	  CLI_NEEDS_DB | CLI_WRITES },
	{ "list", run_list, "", list_options,
	  "ledger-account list "
	  "[--type asset|liability|equity|income|expense]\n", CLI_NEEDS_DB },
	{ "set", run_set, "", set_options,
	  "ledger-account set CODE --control|--no-control\n",
	  CLI_NEEDS_DB | CLI_WRITES },
	{ NULL, NULL, NULL, NULL, NULL, 0 }
};

int cmd_ledger_account(int argc, char **argv)
{
	struct request req = { 0 };

	return cli_run_verbs(argc, argv, verbs, &req);
}
