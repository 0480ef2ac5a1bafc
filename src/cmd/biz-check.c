/* biz-check - verify the file, and that stock, cost layers and books agree. */
#include "cli.h"
#include "commands.h"
#include "check.h"

enum { OPT_DEEP = CLI_FIRST_OWN };

static const struct option options[] = {
	{ "deep", no_argument, NULL, OPT_DEEP },
	CLI_OPTIONS
};

static int run_check(struct cli *cli, void *arg)
{
	char **args;
	int c, status, failed = 0, deep = 0;

	(void)arg;
	while ((c = cli_next_option(cli)) != -1)
		if (c == OPT_DEEP)
			deep = 1;
	cli_operands(cli, 0, 0, &args);
	cli_output(cli);
	/* On a damaged file the other checks would only read bad pages. */
	status = check_storage(cli_db(cli), deep, cli_sink(cli), &failed);
	if (status == BIZ_OK && !failed)
		status = check_each(cli_db(cli), cli_sink(cli), &failed);
	if (status == BIZ_OK && failed)
		status = biz_fail(BIZ_REFUSED, "%d check%s failed", failed,
				  failed == 1 ? "" : "s");
	return status;
}

static const struct cli_verb verbs[] = {
	{ NULL, run_check, "", options, "biz-check [--deep]\n",
	  CLI_NEEDS_DB },
	{ NULL, NULL, NULL, NULL, NULL, 0 }
};

int cmd_biz_check(int argc, char **argv)
{
	return cli_run_verbs(argc, argv, verbs, NULL);
}
