/* biz-check - verify that stock, cost layers and books agree. */
#include "cli.h"
#include "commands.h"
#include "check.h"

static int run_check(struct cli *cli, void *arg)
{
	char **args;
	int status, failed = 0;

	(void)arg;
	while (cli_next_option(cli) != -1)
		;
	cli_operands(cli, 0, 0, &args);
	cli_output(cli);
	status = check_each(cli->db, cli_sink(cli), &failed);
	if (status == BIZ_OK && failed)
		status = biz_fail(BIZ_REFUSED, "%d check%s failed", failed,
				  failed == 1 ? "" : "s");
	return status;
}

static const struct cli_verb verbs[] = {
	{ NULL, run_check, "", NULL, "biz-check\n", CLI_NEEDS_DB },
	{ NULL, NULL, NULL, NULL, NULL, 0 }
};

int cmd_biz_check(int argc, char **argv)
{
	return cli_run_verbs(argc, argv, verbs, NULL);
}
