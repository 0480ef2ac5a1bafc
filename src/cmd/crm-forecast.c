/* crm-forecast - open deals by expected close: weighted, historical. */
#include <string.h>

#include "cli.h"
#include "commands.h"
#include "crm.h"
#include "crmcmd.h"

static const struct option options[] = {
	CRM_REPORT_OPTIONS,
	{ "by", required_argument, NULL, CRM_REPORT_OWN },
	CLI_OPTIONS
};

static int run(struct cli *cli, void *arg)
{
	static const char *const bys[] = { "month", "rep", "stage", NULL };
	struct crm_forecast q = { 0 };
	const char *by;

	(void)arg;
	crm_report_options(cli, &q.period, &by, "--by", bys);
	if (!by || !strcmp(by, "month"))
		q.by = FORECAST_BY_MONTH;
	else if (!strcmp(by, "rep"))
		q.by = FORECAST_BY_REP;
	else
		q.by = FORECAST_BY_STAGE;
	return crm_forecast(cli_db(cli), &q, cli_sink(cli));
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
