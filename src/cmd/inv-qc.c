/* inv-qc - release a held receipt (pass) or return it (fail). */
#include <string.h>

#include "cli.h"
#include "commands.h"
#include "stockcmd.h"

enum { OPT_DATE = CLI_FIRST_OWN };

static const struct option options[] = {
	{ "date", required_argument, NULL, OPT_DATE },
	CLI_OPTIONS
};

/* pass and fail: the same check of receipt REF, another outcome. */
static int run_check(struct cli *cli, struct stock_request *req, int pass)
{
	char **args;
	int c;

	while ((c = cli_next_option(cli)) != -1)
		if (c == OPT_DATE)
			req->doc.date = cli_data_date(cli, "--date", optarg,
						      DATE_EXACT);
	if (cli_args(cli, &args) != 1)
		cli_usage_error(cli, "%s needs one receipt REF",
				pass ? "pass" : "fail");
	req->pass = pass;
	req->doc.kind = pass ? "qc_pass" : "qc_fail";
	req->doc.ref = args[0];
	return stock_request_run(cli, req, NULL);
}

static int run_pass(struct cli *cli, void *arg)
{
	return run_check(cli, arg, 1);
}

static int run_fail(struct cli *cli, void *arg)
{
	return run_check(cli, arg, 0);
}

static const struct cli_verb verbs[] = {
	{ "pass", run_pass, "", options, "inv-qc pass REF [--date D]\n",
	  CLI_WRITES },
	{ "fail", run_fail, "", options, "inv-qc fail REF [--date D]\n",
	  CLI_WRITES },
	{ NULL, NULL, NULL, NULL, NULL, 0 }
};

int cmd_inv_qc(int argc, char **argv)
{
	struct stock_request req;

	memset(&req, 0, sizeof(req));
	return cli_run_verbs(argc, argv, verbs, &req);
}
