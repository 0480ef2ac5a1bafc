/* crm-deal - open deals, move them through the stages, list the stages. */
#include <string.h>

#include "cli.h"
#include "commands.h"
#include "crm.h"
#include "record.h"

enum {
	OPT_CUSTOMER = CLI_FIRST_OWN, OPT_TITLE, OPT_AMOUNT, OPT_STAGE,
	OPT_CLOSE, OPT_OWNER, OPT_SET, OPT_OPEN, OPT_LIMIT, OPT_REASON,
	OPT_PROBABILITY, OPT_ORDER
};

static const struct option add_options[] = {
	{ "customer", required_argument, NULL, OPT_CUSTOMER },
	{ "title", required_argument, NULL, OPT_TITLE },
	{ "amount", required_argument, NULL, OPT_AMOUNT },
	{ "stage", required_argument, NULL, OPT_STAGE },
	{ "close", required_argument, NULL, OPT_CLOSE },
	{ "owner", required_argument, NULL, OPT_OWNER },
	{ "set", required_argument, NULL, OPT_SET },
	CLI_OPTIONS
};
static const struct option list_options[] = {
	{ "customer", required_argument, NULL, OPT_CUSTOMER },
	{ "stage", required_argument, NULL, OPT_STAGE },
	{ "owner", required_argument, NULL, OPT_OWNER },
	{ "open", no_argument, NULL, OPT_OPEN },
	CLI_OPTIONS
};
static const struct option lost_options[] = {
	{ "reason", required_argument, NULL, OPT_REASON },
	CLI_OPTIONS
};
static const struct option stages_options[] = {
	{ "probability", required_argument, NULL, OPT_PROBABILITY },
	{ "order", required_argument, NULL, OPT_ORDER },
	CLI_OPTIONS
};
static const struct option no_options[] = { CLI_OPTIONS };

/* The record field each option of add sets. */
static const char *const option_fields[] = {
	[OPT_CUSTOMER - CLI_FIRST_OWN] = "customer",
	[OPT_TITLE - CLI_FIRST_OWN] = "title",
	[OPT_AMOUNT - CLI_FIRST_OWN] = "amount",
	[OPT_STAGE - CLI_FIRST_OWN] = "stage",
	[OPT_CLOSE - CLI_FIRST_OWN] = "close",
	[OPT_OWNER - CLI_FIRST_OWN] = "owner",
};

struct request {
	int64_t id;
	jv fields;
	const char *stage;	/* move, stages set */
	int kind;		/* won, lost */
	const char *reason;
	int probability;
	int64_t order;
	struct cli *cli;
	struct deal_filter filter;
};

static int add_deal(struct db *db, void *arg, jv *record)
{
	struct request *req = arg;
	jv fields = req->fields;

	req->fields = jv_null();
	return deal_add(db, fields, record);
}

static int move_deal(struct db *db, void *arg, jv *record)
{
	struct request *req = arg;

	return deal_move(db, req->id, req->stage, req->kind, req->reason,
			 record);
}

static int set_stage(struct db *db, void *arg, jv *record)
{
	struct request *req = arg;

	return deal_stage_set(db, req->stage, req->probability, req->order,
			      record);
}

static int64_t deal_id(struct cli *cli, const char *text)
{
	return cli_integer(cli, "ID", text, 1, INT64_MAX);
}

static void read_options(struct cli *cli, struct request *req)
{
	int c;

	req->fields = jv_object();
	req->cli = cli;
	req->probability = -1;
	while ((c = cli_next_option(cli)) != -1) {
		switch (c) {
		case OPT_SET:
			cli_set_field(cli, &req->fields, optarg);
			break;
		case OPT_OPEN:
			req->filter.open = 1;
			break;
		case OPT_REASON:
			req->reason = optarg;
			break;
		case OPT_PROBABILITY:
			req->probability = (int)cli_integer(cli,
					"--probability", optarg, 0, 100);
			break;
		case OPT_ORDER:
			req->order = cli_integer(cli, "--order", optarg, 1,
						 INT32_MAX);
			break;
		default:
			if (c == OPT_CUSTOMER)
				req->filter.customer = cli_integer(cli,
					"--customer", optarg, 1, INT64_MAX);
			if (c == OPT_STAGE)
				req->filter.stage = optarg;
			if (c == OPT_OWNER)
				req->filter.owner = optarg;
			/* A month closes by its last day. */
			cli_option_field(&req->fields, option_fields, c,
					 c == OPT_CLOSE ?
					 cli_data_date(cli, "--close", optarg,
						       DATE_LAST) : optarg);
		}
	}
}

static int done(struct request *req, int status)
{
	jv_free(req->fields);
	return status;
}

static int run_add(struct cli *cli, void *arg)
{
	struct request *req = arg;
	char **args;

	read_options(cli, req);
	cli_operands(cli, 0, 0, &args);
	if (!rec_has(req->fields, "customer") ||
	    !rec_has(req->fields, "title") || !rec_has(req->fields, "amount"))
		cli_usage_error(cli, "add needs --customer, --title and "
				"--amount");
	return done(req, cli_write(cli, add_deal, req));
}

static int run_list(struct cli *cli, void *arg)
{
	struct request *req = arg;
	struct deal_stages stages;
	char **args;
	int status;

	read_options(cli, req);
	cli_operands(cli, 0, 0, &args);
	if (req->filter.customer &&
	    (status = customer_get(cli_db(cli), req->filter.customer, NULL)))
		return done(req, status);
	if (req->filter.owner && rep_exists(cli_db(cli), req->filter.owner))
		return done(req, biz_fail(BIZ_DATAERR, "no such rep '%s'",
					  req->filter.owner));
	if (req->filter.stage) {
		if ((status = deal_stages_load(cli_db(cli), &stages)))
			return done(req, status);
		status = deal_stage_index(&stages, req->filter.stage) < 0;
		deal_stages_release(&stages);
		if (status)
			return done(req, biz_fail(BIZ_DATAERR, "no such stage "
						  "'%s'", req->filter.stage));
	}
	cli_output(cli);
	return done(req, deal_each(cli_db(cli), &req->filter, cli_sink(cli)));
}

static int run_show(struct cli *cli, void *arg)
{
	struct request *req = arg;
	char **args;

	read_options(cli, req);
	cli_operands(cli, 1, 1, &args);
	return done(req, deal_show(cli_db(cli), deal_id(cli, args[0]),
				   cli_sink(cli)));
}

static int run_move(struct cli *cli, void *arg)
{
	struct request *req = arg;
	char **args;

	read_options(cli, req);
	cli_operands(cli, 2, 2, &args);
	req->id = deal_id(cli, args[0]);
	req->stage = args[1];
	return done(req, cli_write(cli, move_deal, req));
}

static int run_close(struct cli *cli, struct request *req, int kind)
{
	char **args;

	read_options(cli, req);
	cli_operands(cli, 1, 1, &args);
	req->id = deal_id(cli, args[0]);
	req->kind = kind;
	return done(req, cli_write(cli, move_deal, req));
}

static int run_won(struct cli *cli, void *arg)
{
	return run_close(cli, arg, DEAL_WON);
}

static int run_lost(struct cli *cli, void *arg)
{
	return run_close(cli, arg, DEAL_LOST);
}

static int run_stages(struct cli *cli, void *arg)
{
	struct request *req = arg;
	char **args;
	int n;

	read_options(cli, req);
	n = cli_operands(cli, 0, 2, &args);
	if (n == 0) {
		if (req->probability >= 0 || req->order)
			cli_usage_error(cli, "--probability and --order go "
					"with stages set NAME");
		cli_output(cli);
		return done(req, deal_stage_each(cli_db(cli), cli_sink(cli)));
	}
	if (n != 2 || strcmp(args[0], "set"))
		cli_usage_error(cli, "stages takes set NAME or nothing");
	req->stage = args[1];
	return done(req, cli_write(cli, set_stage, req));
}

static const struct cli_verb verbs[] = {
	{ "add", run_add, "", add_options,
	  "crm-deal add --customer ID --title T --amount A [--stage S] "
	  "[--close DATE]\n"
	  "             [--owner H] [--set k=v]...\n",
	  CLI_NEEDS_DB | CLI_WRITES },
	{ "list", run_list, "", list_options,
	  "crm-deal list [--customer ID] [--stage S] [--owner H] [--open] "
	  "[--limit N]\n", CLI_NEEDS_DB },
	{ "show", run_show, "", no_options, "crm-deal show ID\n",
	  CLI_NEEDS_DB },
	{ "move", run_move, "", no_options, "crm-deal move ID STAGE\n",
	  CLI_NEEDS_DB | CLI_WRITES },
	{ "won", run_won, "", no_options, "crm-deal won ID\n",
	  CLI_NEEDS_DB | CLI_WRITES },
	{ "lost", run_lost, "", lost_options,
	  "crm-deal lost ID [--reason R]\n", CLI_NEEDS_DB | CLI_WRITES },
	{ "stages", run_stages, "", stages_options,
	  "crm-deal stages [set NAME [--probability P] [--order N]]\n",
	  CLI_NEEDS_DB | CLI_WRITES },
	{ NULL, NULL, NULL, NULL, NULL, 0 }
};

int cmd_crm_deal(int argc, char **argv)
{
	struct request req = { 0 };

	return cli_run_verbs(argc, argv, verbs, &req);
}
