/* ledger-balance - trial balance, balance sheet, profit and loss. */
#include <string.h>

#include "cli.h"
#include "commands.h"
#include "journal.h"

static const char usage[] =
	"usage: ledger-balance [--as-of D] [--from D --to D] "
	"[--type trial|bs|pl] [--monthly]\n";

enum { OPT_AS_OF = CLI_FIRST_OWN, OPT_FROM, OPT_TO, OPT_TYPE, OPT_MONTHLY };

static const struct option options[] = {
	{ "as-of", required_argument, NULL, OPT_AS_OF },
	{ "from", required_argument, NULL, OPT_FROM },
	{ "to", required_argument, NULL, OPT_TO },
	{ "type", required_argument, NULL, OPT_TYPE },
	{ "monthly", no_argument, NULL, OPT_MONTHLY },
	CLI_OPTIONS
};

int cmd_ledger_balance(int argc, char **argv)
{
	struct cli cli;
	struct balance_query q = { BALANCE_TRIAL, NULL, NULL, 0 };
	const char *as_of = NULL;
	int c, status;
	char **args;

	cli_start(&cli, argc, argv, usage);
	while ((c = cli_getopt(&cli, "", options)) != -1) {
		switch (c) {
		case OPT_AS_OF:
			as_of = cli_date(&cli, "--as-of", optarg, DATE_LAST);
			break;
		case OPT_FROM:
			q.from = cli_date(&cli, "--from", optarg, DATE_FIRST);
			break;
		case OPT_TO:
			q.to = cli_date(&cli, "--to", optarg, DATE_LAST);
			break;
		case OPT_TYPE:
			if (!strcmp(optarg, "trial"))
				q.type = BALANCE_TRIAL;
			else if (!strcmp(optarg, "bs"))
				q.type = BALANCE_SHEET;
			else if (!strcmp(optarg, "pl"))
				q.type = BALANCE_PL;
			else
				cli_usage_error(&cli, "--type: trial, bs or pl, "
						"not '%s'", optarg);
			break;
		case OPT_MONTHLY:
			q.monthly = 1;
			break;
		}
	}
	if (cli_args(&cli, &args))
		cli_usage_error(&cli, "no arguments are taken");
	if (as_of && (q.from || q.to))
		cli_usage_error(&cli, "--as-of is a balance at a date: not "
				"with --from or --to");
	if (as_of)
		q.to = as_of;
	if (q.type == BALANCE_SHEET && q.from && !q.monthly)
		cli_usage_error(&cli, "--type bs is a balance at a date: "
				"--as-of D (--from only with --monthly)");
	cli_output(&cli);
	status = journal_balance(cli_db(&cli), &q, cli_print_where, &cli);
	return cli_finish(&cli, status);
}
