/*
 * ledger-export - the books as a plain-text journal for hledger,
 * ledger-cli or beancount.
 *
 * The journal is text, not records, so the shared -f (record format)
 * does not apply: --format names the journal format, and being listed
 * before CLI_OPTIONS it is the one getopt_long matches.
 * --journal-format is the same option under a name that cannot be
 * confused with the shared one.
 */
#include <stdio.h>

#include "cli.h"
#include "commands.h"
#include "journal.h"

static const char usage[] =
	"usage: ledger-export [--format hledger|ledger|beancount] "
	"[--from D] [--to D]\n";

enum { OPT_FORMAT = CLI_FIRST_OWN, OPT_FROM, OPT_TO };

static const struct option options[] = {
	{ "format", required_argument, NULL, OPT_FORMAT },
	{ "journal-format", required_argument, NULL, OPT_FORMAT },
	{ "from", required_argument, NULL, OPT_FROM },
	{ "to", required_argument, NULL, OPT_TO },
	CLI_OPTIONS
};

static int write_text(const char *text, size_t len, void *arg)
{
	(void)arg;
	if (fwrite(text, 1, len, stdout) != len)
		return biz_fail(BIZ_INTERNAL, "error writing to standard "
				"output");
	return BIZ_OK;
}

int cmd_ledger_export(int argc, char **argv)
{
	struct cli cli;
	const char *from = NULL, *to = NULL;
	int c, format = JOURNAL_HLEDGER, status;
	char **args;

	cli_start(&cli, argc, argv, usage);
	while ((c = cli_getopt(&cli, "", options)) != -1) {
		if (c == OPT_FORMAT) {
			format = journal_format_from_name(optarg);
			if (format < 0)
				cli_usage_error(&cli, "--format: hledger, "
						"ledger or beancount, not "
						"'%s'", optarg);
		} else if (c == OPT_FROM) {
			from = cli_date(&cli, "--from", optarg, DATE_FIRST);
		} else if (c == OPT_TO) {
			to = cli_date(&cli, "--to", optarg, DATE_LAST);
		}
	}
	if (cli_args(&cli, &args))
		cli_usage_error(&cli, "no arguments are taken");
	status = journal_export(cli_db(&cli), format, from, to, write_text,
				NULL);
	return cli_finish(&cli, status);
}
