/*
 * crmcmd.h - what the CRM reports (crm-funnel, crm-stats, crm-forecast)
 * share: reading their options, --from and --to (the period) and one
 * option of their own, before the library's report runs.
 */
#ifndef CRMCMD_H
#define CRMCMD_H

#include "cli.h"
#include "crm.h"

/* A report's option numbers: its own one option is CRM_REPORT_OWN. */
enum { CRM_REPORT_FROM = CLI_FIRST_OWN, CRM_REPORT_TO, CRM_REPORT_OWN };

/* The period's options; put them first in the report's table. */
#define CRM_REPORT_OPTIONS                                              \
	{ "from", required_argument, NULL, CRM_REPORT_FROM },           \
	{ "to", required_argument, NULL, CRM_REPORT_TO }

/*
 * Reads a report's options: --from and --to into *period (a bad date or
 * --from after --to exits 64), the value of its own option (NULL when not
 * given) into *own; with choices (ending with NULL) that value must be
 * one of them, checked before the database is opened (64, as
 * cli_choice(), named own_option).  Operands are a usage error.
 */
void crm_report_options(struct cli *cli, struct crm_period *period,
			const char **own, const char *own_option,
			const char *const *choices);

#endif
