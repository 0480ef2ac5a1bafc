/* crm-forecast - open deals by expected close: weighted, historical. */
#include <string.h>

#include "cli.h"
#include "commands.h"
#include "crm.h"

enum { OPT_FROM = CLI_FIRST_OWN, OPT_TO, OPT_BY };

static const struct option options[] = {
	{ "from", required_argument, NULL, OPT_FROM },
	{ "to", required_argument, NULL, OPT_TO },
	{ "by", required_argument, NULL, OPT_BY },
	CLI_OPTIONS
};

static int run(struct cli *cli, void *arg)
{
	struct crm_forecast q = { 0 };
	const char *from = NULL, *to = NULL;
	char **args;
	int c, status;

	(void)arg;
	while ((c = cli_next_option(cli)) != -1) {
		if (c == OPT_FROM) {
			from = optarg;
		} else if (c == OPT_TO) {
			to = optarg;
		} else if (!strcmp(optarg, "month")) {
			q.by = FORECAST_BY_MONTH;
		} else if (!strcmp(optarg, "rep")) {
			q.by = FORECAST_BY_REP;
		} else if (!strcmp(optarg, "stage")) {
			q.by = FORECAST_BY_STAGE;
		} else {
			cli_usage_error(cli, "--by: '%s' is not one of month, "
					"rep, stage", optarg);
		}
	}
	cli_operands(cli, 0, 0, &args);
	if ((status = crm_period_parse(cli->db, from, to, &q.period)))
		cli_usage_error(cli, "%s", biz_error());
	return crm_forecast(cli->db, &q, cli_sink(cli));
}

static const struct cli_verb verbs[] = {
	{ NULL, run, "", options,
	  "crm-forecast [--by month|rep|stage] [--from D] [--to D]\n",
	  CLI_NEEDS_DB },
	{ NULL, NULL, NULL, NULL, NULL, 0 }
};

int cmd_crm_forecast(int argc, char **argv)
{
	return cli_run_verbs(argc, argv, verbs, NULL);
}
