/* inv-reorder - what to buy: reorder points from recent daily demand. */
#include <string.h>

#include "cli.h"
#include "commands.h"
#include "decimal.h"
#include "purchase.h"

enum {
	OPT_WH = CLI_FIRST_OWN, OPT_WINDOW, OPT_SERVICE_LEVEL, OPT_CREATE,
	OPT_ALL
};

static const struct option options[] = {
	{ "wh", required_argument, NULL, OPT_WH },
	{ "window", required_argument, NULL, OPT_WINDOW },
	{ "service-level", required_argument, NULL, OPT_SERVICE_LEVEL },
	{ "create", no_argument, NULL, OPT_CREATE },
	{ "all", no_argument, NULL, OPT_ALL },
	CLI_OPTIONS
};

struct request {
	struct cli *cli;
	struct reorder_options opt;
};

static int create(struct db *db, void *arg, jv *record)
{
	struct request *req = arg;

	(void)record;
	return reorder_run(db, &req->opt, cli_sink(req->cli));
}

/*
 * 0.95 or 95 (percent) as ten-thousandths, over 50 % and under 100 %:
 * at 50 % or less the safety stock is none or negative ("1" read as 1 %
 * gave a negative z), so such a level is a mistake.
 */
static int64_t service_level(struct cli *cli, const char *text)
{
	int64_t v;

	if (dec_parse(text, 4, &v) || v <= 0)
		v = -1;
	else if (v >= 10000 && v < 1000000)
		v /= 100;
	if (v <= 5000 || v >= 10000)
		cli_usage_error(cli, "--service-level: '%s' is not a "
				"probability over 50%% and under 100%%, such as "
				"0.95 or 95", text);
	return v;
}

static int run(struct cli *cli, void *arg)
{
	struct request *req = arg;
	char **args;
	int c;

	req->cli = cli;
	req->opt.window = 90;
	req->opt.service_level = 9500;
	while ((c = cli_next_option(cli)) != -1) {
		switch (c) {
		case OPT_WH: req->opt.wh = optarg; break;
		case OPT_WINDOW:
			req->opt.window = (int)cli_integer(cli, "--window",
							   optarg, 1, 3660);
			break;
		case OPT_SERVICE_LEVEL:
			req->opt.service_level = service_level(cli, optarg);
			break;
		case OPT_CREATE: req->opt.create = 1; break;
		case OPT_ALL: req->opt.all = 1; break;
		}
	}
	cli_operands(cli, 0, 0, &args);
	if (req->opt.create) {
		cli->spool = 1;
		cli_output(cli);
		return cli_write(cli, create, req);
	}
	cli_output(cli);
	return reorder_run(cli_db(cli), &req->opt, cli_sink(cli));
}

static const struct cli_verb verbs[] = {
	{ NULL, run, "", options,
	  "inv-reorder [--wh W] [--window DAYS] [--service-level P] "
	  "[--create] [--all]\n", CLI_NEEDS_DB },
	{ NULL, NULL, NULL, NULL, NULL, 0 }
};

int cmd_inv_reorder(int argc, char **argv)
{
	struct request req;

	memset(&req, 0, sizeof(req));
	return cli_run_verbs(argc, argv, verbs, &req);
}
