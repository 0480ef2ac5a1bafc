/* crm-log - log sales activities (calls, visits, ...) and list them. */
#include <string.h>

#include "cli.h"
#include "commands.h"
#include "crm.h"
#include "record.h"

static const char usage[] =
	"usage: crm-log add --kind call|visit|email|meeting|quote|note "
	"--rep H\n"
	"                   (--lead ID|--customer ID|--deal ID) "
	"[--outcome TEXT] [--minutes N]\n"
	"                   [--at TIME]\n"
	"       crm-log list [--lead ID] [--customer ID] [--deal ID] "
	"[--rep H]\n";

enum {
	OPT_KIND = CLI_FIRST_OWN, OPT_REP, OPT_LEAD, OPT_CUSTOMER, OPT_DEAL,
	OPT_OUTCOME, OPT_MINUTES, OPT_AT
};

static const struct option options[] = {
	{ "kind", required_argument, NULL, OPT_KIND },
	{ "rep", required_argument, NULL, OPT_REP },
	{ "lead", required_argument, NULL, OPT_LEAD },
	{ "customer", required_argument, NULL, OPT_CUSTOMER },
	{ "deal", required_argument, NULL, OPT_DEAL },
	{ "outcome", required_argument, NULL, OPT_OUTCOME },
	{ "minutes", required_argument, NULL, OPT_MINUTES },
	{ "at", required_argument, NULL, OPT_AT },
	CLI_OPTIONS
};

/* The record field each option sets. */
static const char *const option_fields[] = {
	[OPT_KIND - CLI_FIRST_OWN] = "kind",
	[OPT_REP - CLI_FIRST_OWN] = "rep",
	[OPT_LEAD - CLI_FIRST_OWN] = "lead",
	[OPT_CUSTOMER - CLI_FIRST_OWN] = "customer",
	[OPT_DEAL - CLI_FIRST_OWN] = "deal",
	[OPT_OUTCOME - CLI_FIRST_OWN] = "outcome",
	[OPT_MINUTES - CLI_FIRST_OWN] = "minutes",
	[OPT_AT - CLI_FIRST_OWN] = "at",
};

struct request {
	jv fields;
	struct cli *cli;
};

static int add_activity(struct db *db, void *arg, jv *record)
{
	struct request *req = arg;
	jv fields = req->fields;

	req->fields = jv_null();
	return activity_add(db, fields, record);
}

static int print_activity(jv activity, void *arg)
{
	struct cli *cli = arg;

	if (cli_where(cli, activity))
		cli_print(cli, activity);
	else
		jv_free(activity);
	return BIZ_OK;
}

int cmd_crm_log(int argc, char **argv)
{
	struct cli cli;
	struct request req = { jv_object(), &cli };
	struct activity_filter filter = { 0 };
	const char *verb;
	char **args;
	int c, nargs, ids = 0, status;

	cli_start(&cli, argc, argv, usage);
	while ((c = cli_getopt(&cli, "", options)) != -1) {
		if (c == OPT_LEAD || c == OPT_CUSTOMER || c == OPT_DEAL) {
			static const char *const names[] = {
				"--lead", "--customer", "--deal"
			};
			int64_t id = cli_integer(&cli, names[c - OPT_LEAD],
						 optarg, 1, INT64_MAX);

			if (c == OPT_LEAD)
				filter.lead = id;
			else if (c == OPT_CUSTOMER)
				filter.customer = id;
			else
				filter.deal = id;
			ids++;
		}
		if (c == OPT_MINUTES)
			cli_integer(&cli, "--minutes", optarg, 0, INT32_MAX);
		if (c == OPT_REP)
			filter.rep = optarg;
		rec_set_str(&req.fields, option_fields[c - CLI_FIRST_OWN],
			    optarg);
	}
	nargs = cli_args(&cli, &args);
	if (nargs != 1)
		cli_usage_error(&cli, "a subcommand is needed");
	verb = args[0];
	if (!strcmp(verb, "add")) {
		if (!rec_has(req.fields, "kind") || !rec_has(req.fields, "rep"))
			cli_usage_error(&cli, "add needs --kind and --rep");
		if (ids != 1)
			cli_usage_error(&cli, "add needs one of --lead, "
					"--customer, --deal");
		status = cli_write(&cli, add_activity, &req);
	} else if (!strcmp(verb, "list")) {
		if (rec_has(req.fields, "kind") ||
		    rec_has(req.fields, "outcome") ||
		    rec_has(req.fields, "minutes") || rec_has(req.fields, "at"))
			cli_usage_error(&cli, "list takes --lead, --customer, "
					"--deal and --rep only");
		cli_output(&cli);
		status = activity_each(cli_db(&cli), &filter, print_activity,
				       &cli);
	} else {
		cli_usage_error(&cli, "unknown subcommand '%s'", verb);
	}
	jv_free(req.fields);
	return cli_finish(&cli, status);
}
