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
		return biz_fail(BIZ_IOERR, "error writing to standard "
				"output");
	return BIZ_OK;
}

static int run_export(struct cli *cli, void *arg)
{
	const char *from = NULL, *to = NULL;
	int c, format = JOURNAL_HLEDGER;
	char **args;

	(void)arg;
	while ((c = cli_next_option(cli)) != -1) {
		if (c == OPT_FORMAT) {
			format = journal_format_from_name(optarg);
			if (format < 0)
				cli_usage_error(cli, "--format: hledger, "
						"ledger or beancount, not "
						"'%s'", optarg);
		} else if (c == OPT_FROM) {
			from = cli_date(cli, "--from", optarg, DATE_FIRST);
		} else if (c == OPT_TO) {
			to = cli_date(cli, "--to", optarg, DATE_LAST);
		}
	}
	cli_operands(cli, 0, 0, &args);
	return journal_export(cli_db(cli), format, from, to, write_text, NULL);
}

static const struct cli_verb verbs[] = {
	{ NULL, run_export, "", options,
	  "ledger-export [--format hledger|ledger|beancount] "
	  "[--from D] [--to D]\n", CLI_NEEDS_DB },
	{ NULL, NULL, NULL, NULL, NULL, 0 }
};

int cmd_ledger_export(int argc, char **argv)
{
	return cli_run_verbs(argc, argv, verbs, NULL);
}
