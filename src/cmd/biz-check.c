/* biz-check - verify the file, and that stock, cost layers and books agree. */
#include "cli.h"
#include "commands.h"
#include "check.h"

static const char usage[] = "usage: biz-check [--deep]\n";

enum { OPT_DEEP = CLI_FIRST_OWN };

static const struct option options[] = {
	{ "deep", no_argument, NULL, OPT_DEEP },
	CLI_OPTIONS
};

static int print_check(jv result, void *arg)
{
	cli_print(arg, result);
	return BIZ_OK;
}

int cmd_biz_check(int argc, char **argv)
{
	struct cli cli;
	char **args;
	int c, status, failed = 0, deep = 0;

	cli_start(&cli, argc, argv, usage);
	while ((c = cli_getopt(&cli, "", options)) != -1)
		if (c == OPT_DEEP)
			deep = 1;
	if (cli_args(&cli, &args) != 0)
		cli_usage_error(&cli, "unexpected argument '%s'", args[0]);
	cli_output(&cli);
	/* On a damaged file the other checks would only read bad pages. */
	status = check_storage(cli_db(&cli), deep, print_check, &cli, &failed);
	if (status == BIZ_OK && !failed)
		status = check_each(cli_db(&cli), print_check, &cli, &failed);
	if (status == BIZ_OK && failed)
		status = biz_fail(BIZ_REFUSED, "%d check%s failed", failed,
				  failed == 1 ? "" : "s");
	return cli_finish(&cli, status);
}
