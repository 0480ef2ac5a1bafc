/* ledger-register - an account's postings with a running balance. */
#include "cli.h"
#include "commands.h"
#include "journal.h"

enum { OPT_FROM = CLI_FIRST_OWN, OPT_TO };

static const struct option options[] = {
	{ "from", required_argument, NULL, OPT_FROM },
	{ "to", required_argument, NULL, OPT_TO },
	CLI_OPTIONS
};

static int run_register(struct cli *cli, void *arg)
{
	const char *from = NULL, *to = NULL;
	char **args;
	int c;

	(void)arg;
	while ((c = cli_next_option(cli)) != -1) {
		if (c == OPT_FROM)
			from = cli_date(cli, "--from", optarg, DATE_FIRST);
		else if (c == OPT_TO)
			to = cli_date(cli, "--to", optarg, DATE_LAST);
	}
	if (cli_args(cli, &args) != 1)
		cli_usage_error(cli, "one ACCOUNT (code or name) is needed");
	cli_output(cli);
	return journal_register(cli_db(cli), args[0], from, to, cli_sink(cli));
}

static const struct cli_verb verbs[] = {
	{ NULL, run_register, "", options,
	  "ledger-register ACCOUNT [--from D] [--to D]\n", CLI_NEEDS_DB },
	{ NULL, NULL, NULL, NULL, NULL, 0 }
};

int cmd_ledger_register(int argc, char **argv)
{
	return cli_run_verbs(argc, argv, verbs, NULL);
}
