/* crm-log - log sales activities (calls, visits, ...) and list them. */
#include "cli.h"
#include "commands.h"
#include "crm.h"
#include "record.h"

enum {
	OPT_KIND = CLI_FIRST_OWN, OPT_REP, OPT_LEAD, OPT_CUSTOMER, OPT_DEAL,
	OPT_OUTCOME, OPT_MINUTES, OPT_AT
};

#define ABOUT_OPTIONS                                                   \
	{ "rep", required_argument, NULL, OPT_REP },                    \
	{ "lead", required_argument, NULL, OPT_LEAD },                  \
	{ "customer", required_argument, NULL, OPT_CUSTOMER },          \
	{ "deal", required_argument, NULL, OPT_DEAL }

static const struct option add_options[] = {
	{ "kind", required_argument, NULL, OPT_KIND },
	ABOUT_OPTIONS,
	{ "outcome", required_argument, NULL, OPT_OUTCOME },
	{ "minutes", required_argument, NULL, OPT_MINUTES },
	{ "at", required_argument, NULL, OPT_AT },
	CLI_OPTIONS
};
static const struct option list_options[] = { ABOUT_OPTIONS, CLI_OPTIONS };

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
	struct cli *cli;
	jv fields;
	struct activity_filter filter;
	int ids;		/* how many of --lead, --customer, --deal */
};

static int add_activity(struct db *db, void *arg, jv *record)
{
	struct request *req = arg;
	jv fields = req->fields;

	(void)record;
	req->fields = jv_null();
	return activity_add(db, fields, cli_sink(req->cli));
}

/* Reads the verb's options into req; it takes no operands. */
static void read_options(struct cli *cli, struct request *req)
{
	static const char *const names[] = { "--lead", "--customer", "--deal" };
	char **args;
	int64_t id;
	int c;

	req->cli = cli;
	req->fields = jv_object();
	while ((c = cli_next_option(cli)) != -1) {
		if (c == OPT_LEAD || c == OPT_CUSTOMER || c == OPT_DEAL) {
			id = cli_integer(cli, names[c - OPT_LEAD], optarg, 1,
					 INT64_MAX);
			if (c == OPT_LEAD)
				req->filter.lead = id;
			else if (c == OPT_CUSTOMER)
				req->filter.customer = id;
			else
				req->filter.deal = id;
			req->ids++;
		}
		if (c == OPT_MINUTES)
			cli_integer(cli, "--minutes", optarg, 0, INT32_MAX);
		if (c == OPT_REP)
			req->filter.rep = optarg;
		if (c == OPT_KIND)
			cli_choice(cli, "--kind", optarg, crm_activity_kinds);
		cli_option_field(&req->fields, option_fields, c,
				 c == OPT_AT ? cli_data_time(cli, "--at",
							     optarg) : optarg);
	}
	cli_operands(cli, 0, 0, &args);
}

static int run_add(struct cli *cli, void *arg)
{
	struct request *req = arg;
	int status;

	read_options(cli, req);
	if (!rec_has(req->fields, "kind") || !rec_has(req->fields, "rep"))
		cli_usage_error(cli, "add needs --kind and --rep");
	if (req->ids != 1)
		cli_usage_error(cli, "add needs one of --lead, --customer, "
				"--deal");
	status = cli_write(cli, add_activity, req);
	jv_free(req->fields);
	return status;
}

static int run_list(struct cli *cli, void *arg)
{
	struct request *req = arg;

	read_options(cli, req);
	jv_free(req->fields);
	cli_output(cli);
	return activity_each(cli_db(cli), &req->filter, cli_sink(cli));
}

static const struct cli_verb verbs[] = {
	{ "add", run_add, "", add_options,
	  "crm-log add --kind call|visit|email|meeting|quote|note --rep H\n"
	  "                   (--lead ID|--customer ID|--deal ID) "
	  "[--outcome TEXT] [--minutes N]\n"
	  "                   [--at TIME]\n", CLI_NEEDS_DB | CLI_WRITES },
	{ "list", run_list, "", list_options,
	  "crm-log list [--lead ID] [--customer ID] [--deal ID] "
	  "[--rep H]\n", CLI_NEEDS_DB },
	{ NULL, NULL, NULL, NULL, NULL, 0 }
};

int cmd_crm_log(int argc, char **argv)
{
	struct request req = { 0 };

	return cli_run_verbs(argc, argv, verbs, &req);
}
