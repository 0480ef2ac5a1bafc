/* crm-stats - per rep: activities, leads, first contact, deals won. */
#include "cli.h"
#include "commands.h"
#include "crm.h"
#include "crmcmd.h"

static const struct option options[] = {
	CRM_REPORT_OPTIONS,
	{ "rep", required_argument, NULL, CRM_REPORT_OWN },
	CLI_OPTIONS
};

static int run(struct cli *cli, void *arg)
{
	struct crm_stats q = { 0 };

	(void)arg;
	crm_report_options(cli, &q.period, &q.rep, "--rep", NULL);
	return crm_stats(cli_db(cli), &q, cli_sink(cli));
}

static const struct cli_verb verbs[] = {
	{ NULL, run, "", options,
	  "crm-stats [--from D] [--to D] [--rep H]\n", CLI_NEEDS_DB },
	{ NULL, NULL, NULL, NULL, NULL, 0 }
};

int cmd_crm_stats(int argc, char **argv)
{
	return cli_run_verbs(argc, argv, verbs, NULL);
}
