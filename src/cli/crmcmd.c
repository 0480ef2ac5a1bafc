/* crmcmd.c - the options of the CRM reports (crmcmd.h). */
#include "crmcmd.h"

#include "banned.h"

/* --from, --to and the report's own option, then the period parsed. */
void crm_report_options(struct cli *cli, struct crm_period *period,
			const char **own, const char *own_option,
			const char *const *choices)
{
	const char *from = NULL, *to = NULL;
	char **args;
	int c;

	*own = NULL;
	while ((c = cli_next_option(cli)) != -1) {
		if (c == CRM_REPORT_FROM)
			from = optarg;
		else if (c == CRM_REPORT_TO)
			to = optarg;
		else {
			if (choices)
				cli_choice(cli, own_option, optarg, choices);
			*own = optarg;
		}
	}
	cli_operands(cli, 0, 0, &args);
	if (crm_period_parse(cli_db(cli), from, to, period))
		cli_usage_error(cli, "%s", biz_error());
}
