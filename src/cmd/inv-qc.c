/* inv-qc - release a held receipt (pass) or return it (fail). */
#include <string.h>

#include "cli.h"
#include "commands.h"
#include "stockcmd.h"

static const char usage[] =
	"usage: inv-qc pass REF [--date D]\n"
	"       inv-qc fail REF [--date D]\n";

enum { OPT_DATE = CLI_FIRST_OWN };

static const struct option options[] = {
	{ "date", required_argument, NULL, OPT_DATE },
	CLI_OPTIONS
};

int cmd_inv_qc(int argc, char **argv)
{
	struct cli cli;
	struct stock_request req;
	char **args;
	int c, nargs;

	memset(&req, 0, sizeof(req));
	cli_start(&cli, argc, argv, usage);
	while ((c = cli_getopt(&cli, "", options)) != -1)
		if (c == OPT_DATE)
			req.doc.date = cli_data_date(&cli, "--date", optarg,
						     DATE_EXACT);
	nargs = cli_args(&cli, &args);
	if (nargs < 1)
		cli_usage_error(&cli, "a subcommand is needed");
	if (strcmp(args[0], "pass") && strcmp(args[0], "fail"))
		cli_usage_error(&cli, "unknown subcommand '%s'", args[0]);
	if (nargs != 2)
		cli_usage_error(&cli, "%s needs one receipt REF", args[0]);
	req.pass = !strcmp(args[0], "pass");
	req.doc.kind = req.pass ? "qc_pass" : "qc_fail";
	req.doc.ref = args[1];
	return cli_finish(&cli, stock_request_run(&cli, &req, NULL));
}
