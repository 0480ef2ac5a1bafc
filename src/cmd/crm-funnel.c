/* crm-funnel - per stage: deals entered, now in it, conversion, days. */
#include "cli.h"
#include "commands.h"
#include "crm.h"
#include "crmcmd.h"

static const struct option options[] = {
	CRM_REPORT_OPTIONS,
	{ "owner", required_argument, NULL, CRM_REPORT_OWN },
	CLI_OPTIONS
};

static int run(struct cli *cli, void *arg)
{
	struct crm_funnel q = { 0 };

	(void)arg;
	crm_report_options(cli, &q.period, &q.owner, "--owner", NULL);
	return crm_funnel(cli_db(cli), &q, cli_sink(cli));
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
