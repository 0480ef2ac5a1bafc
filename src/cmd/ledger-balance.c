/* ledger-balance - trial balance, balance sheet, profit and loss. */
#include <string.h>

#include "cli.h"
#include "commands.h"
#include "journal.h"

enum { OPT_AS_OF = CLI_FIRST_OWN, OPT_FROM, OPT_TO, OPT_TYPE, OPT_MONTHLY };

static const struct option options[] = {
	{ "as-of", required_argument, NULL, OPT_AS_OF },
	{ "from", required_argument, NULL, OPT_FROM },
	{ "to", required_argument, NULL, OPT_TO },
	{ "type", required_argument, NULL, OPT_TYPE },
	{ "monthly", no_argument, NULL, OPT_MONTHLY },
	CLI_OPTIONS
};

static int run_balance(struct cli *cli, void *arg)
{
	struct balance_query q = { BALANCE_TRIAL, NULL, NULL, 0 };
	const char *as_of = NULL;
	char **args;
	int c;

	(void)arg;
	while ((c = cli_next_option(cli)) != -1) {
		switch (c) {
		case OPT_AS_OF:
			as_of = cli_date(cli, "--as-of", optarg, DATE_LAST);
			break;
		case OPT_FROM:
			q.from = cli_date(cli, "--from", optarg, DATE_FIRST);
			break;
		case OPT_TO:
			q.to = cli_date(cli, "--to", optarg, DATE_LAST);
			break;
		case OPT_TYPE:
			if (!strcmp(optarg, "trial"))
				q.type = BALANCE_TRIAL;
			else if (!strcmp(optarg, "bs"))
				q.type = BALANCE_SHEET;
			else if (!strcmp(optarg, "pl"))
				q.type = BALANCE_PL;
			else
				cli_usage_error(cli, "--type: trial, bs or pl, "
						"not '%s'", optarg);
			break;
		case OPT_MONTHLY:
			q.monthly = 1;
			break;
		}
	}
	cli_operands(cli, 0, 0, &args);
	if (as_of && (q.from || q.to))
		cli_usage_error(cli, "--as-of is a balance at a date: not "
				"with --from or --to");
	if (as_of)
		q.to = as_of;
	if (q.type == BALANCE_SHEET && q.from && !q.monthly)
		cli_usage_error(cli, "--type bs is a balance at a date: "
				"--as-of D (--from only with --monthly)");
	cli_output(cli);
	return journal_balance(cli_db(cli), &q, cli_sink(cli));
}

static const struct cli_verb verbs[] = {
	{ NULL, run_balance, "", options,
	  "ledger-balance [--as-of D] [--from D --to D] "
	  "[--type trial|bs|pl] [--monthly]\n", CLI_NEEDS_DB },
	{ NULL, NULL, NULL, NULL, NULL, 0 }
};

int cmd_ledger_balance(int argc, char **argv)
{
	return cli_run_verbs(argc, argv, verbs, NULL);
}
