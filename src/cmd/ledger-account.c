/* ledger-account - add and list the accounts of the chart. */
#include <string.h>

#include "cli.h"
#include "commands.h"
#include "ledger.h"
#include "record.h"

static const char usage[] =
	"usage: ledger-account add CODE --name N "
	"[--type asset|liability|equity|income|expense]\n"
	"                      [--parent CODE]\n"
	"       ledger-account list "
	"[--type asset|liability|equity|income|expense]\n"
	"       ledger-account set CODE --control|--no-control\n";

enum { OPT_NAME = CLI_FIRST_OWN, OPT_TYPE, OPT_PARENT, OPT_CONTROL,
       OPT_NO_CONTROL };

static const struct option options[] = {
	{ "name", required_argument, NULL, OPT_NAME },
	{ "type", required_argument, NULL, OPT_TYPE },
	{ "parent", required_argument, NULL, OPT_PARENT },
	{ "control", no_argument, NULL, OPT_CONTROL },
	{ "no-control", no_argument, NULL, OPT_NO_CONTROL },
	CLI_OPTIONS
};

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

static int write_account(struct db *db, void *arg, jv *record)
{
	jv *fields = arg;

	return ledger_account_add(db, jv_copy(*fields), record);
}

int cmd_ledger_account(int argc, char **argv)
{
	struct cli cli;
	const char *type = NULL;
	jv fields = jv_object();
	int c, nargs, status, control = -1;
	char **args;
	struct control_request req;

	cli_start(&cli, argc, argv, usage);
	while ((c = cli_getopt(&cli, "", options)) != -1) {
		if (c == OPT_NAME)
			rec_set_str(&fields, "name", optarg);
		else if (c == OPT_TYPE)
			rec_set_str(&fields, "type", type = optarg);
		else if (c == OPT_PARENT)
			rec_set_str(&fields, "parent", optarg);
		else if (c == OPT_CONTROL || c == OPT_NO_CONTROL)
			control = c == OPT_CONTROL;
	}
	nargs = cli_args(&cli, &args);
	if (nargs < 1)
		cli_usage_error(&cli, "a subcommand is needed");
	if (control >= 0 && strcmp(args[0], "set"))
		cli_usage_error(&cli, "--control and --no-control are for set");
	if (!strcmp(args[0], "list")) {
		if (nargs != 1)
			cli_usage_error(&cli, "list takes no arguments");
		if (rec_has(fields, "name") || rec_has(fields, "parent"))
			cli_usage_error(&cli, "list takes only --type");
		cli_output(&cli);
		status = ledger_account_each(cli_db(&cli), type,
					     cli_print_where, &cli);
	} else if (!strcmp(args[0], "set")) {
		if (nargs != 2)
			cli_usage_error(&cli, "set needs one CODE");
		if (control < 0 || jv_object_length(jv_copy(fields)))
			cli_usage_error(&cli, "set takes --control or "
					"--no-control");
		req.code = args[1];
		req.control = control;
		status = cli_write(&cli, write_control, &req);
	} else if (!strcmp(args[0], "add")) {
		if (nargs != 2)
			cli_usage_error(&cli, "add needs one CODE");
		if (!rec_has(fields, "name"))
			cli_usage_error(&cli, "add needs --name");
		if (!rec_has(fields, "type") && !rec_has(fields, "parent"))
			cli_usage_error(&cli, "add needs --type (or a "
					"--parent to take it from)");
		rec_set_str(&fields, "code", args[1]);
		status = cli_write(&cli, write_account, &fields);
	} else {
		cli_usage_error(&cli, "unknown subcommand '%s'", args[0]);
	}
	jv_free(fields);
	return cli_finish(&cli, status);
}
