/* ledger-register - an account's postings with a running balance. */
#include "cli.h"
#include "commands.h"
#include "journal.h"

static const char usage[] =
	"usage: ledger-register ACCOUNT [--from D] [--to D]\n";

enum { OPT_FROM = CLI_FIRST_OWN, OPT_TO };

static const struct option options[] = {
	{ "from", required_argument, NULL, OPT_FROM },
	{ "to", required_argument, NULL, OPT_TO },
	CLI_OPTIONS
};

int cmd_ledger_register(int argc, char **argv)
{
	struct cli cli;
	const char *from = NULL, *to = NULL;
	int c, status;
	char **args;

	cli_start(&cli, argc, argv, usage);
	while ((c = cli_getopt(&cli, "", options)) != -1) {
		if (c == OPT_FROM)
			from = cli_date(&cli, "--from", optarg, DATE_FIRST);
		else if (c == OPT_TO)
			to = cli_date(&cli, "--to", optarg, DATE_LAST);
	}
	if (cli_args(&cli, &args) != 1)
		cli_usage_error(&cli, "one ACCOUNT (code or name) is needed");
	cli_output(&cli);
	status = journal_register(cli_db(&cli), args[0], from, to,
				  cli_print_where, &cli);
	return cli_finish(&cli, status);
}
