/* crm-funnel - per stage: deals entered, now in it, conversion, days. */
#include "cli.h"
#include "commands.h"
#include "crm.h"

enum { OPT_FROM = CLI_FIRST_OWN, OPT_TO, OPT_OWNER };

static const struct option options[] = {
	{ "from", required_argument, NULL, OPT_FROM },
	{ "to", required_argument, NULL, OPT_TO },
	{ "owner", required_argument, NULL, OPT_OWNER },
	CLI_OPTIONS
};

static int run(struct cli *cli, void *arg)
{
	struct crm_funnel q = { 0 };
	const char *from = NULL, *to = NULL;
	char **args;
	int c, status;

	(void)arg;
	while ((c = cli_next_option(cli)) != -1) {
		if (c == OPT_FROM)
			from = optarg;
		else if (c == OPT_TO)
			to = optarg;
		else
			q.owner = optarg;
	}
	cli_operands(cli, 0, 0, &args);
	if ((status = crm_period_parse(cli->db, from, to, &q.period)))
		cli_usage_error(cli, "%s", biz_error());
	return crm_funnel(cli->db, &q, cli_sink(cli));
}

static const struct cli_verb verbs[] = {
	{ NULL, run, "", options,
	  "crm-funnel [--from D] [--to D] [--owner H]\n",
	  CLI_NEEDS_DB },
	{ NULL, NULL, NULL, NULL, NULL, 0 }
};

int cmd_crm_funnel(int argc, char **argv)
{
	return cli_run_verbs(argc, argv, verbs, NULL);
}
