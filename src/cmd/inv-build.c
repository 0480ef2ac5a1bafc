/* inv-build - make products from their components, at their cost. */
#include <string.h>

#include "cli.h"
#include "commands.h"
#include "decimal.h"
#include "mfg.h"

enum {
	OPT_SKU = CLI_FIRST_OWN, OPT_QTY, OPT_WH, OPT_LOT, OPT_REF, OPT_DATE,
	OPT_EXPLODE
};

static const struct option options[] = {
	{ "sku", required_argument, NULL, OPT_SKU },
	{ "qty", required_argument, NULL, OPT_QTY },
	{ "wh", required_argument, NULL, OPT_WH },
	{ "lot", required_argument, NULL, OPT_LOT },
	{ "ref", required_argument, NULL, OPT_REF },
	{ "date", required_argument, NULL, OPT_DATE },
	{ "explode", no_argument, NULL, OPT_EXPLODE },
	CLI_OPTIONS
};

struct request {
	struct cli *cli;
	struct build_request build;
};

static int write_build(struct db *db, void *arg, jv *record)
{
	struct request *req = arg;

	(void)record;
	return build_run(db, &req->build, cli_sink(req->cli));
}

static int run_build(struct cli *cli, void *arg)
{
	struct request *req = arg;
	const char *qty = NULL;
	char **args;
	int c;

	req->cli = cli;
	while ((c = cli_next_option(cli)) != -1) {
		switch (c) {
		case OPT_SKU: req->build.sku = optarg; break;
		case OPT_QTY:
			qty = optarg;
			req->build.qty = cli_decimal(cli, "--qty", qty,
						     QTY_SCALE);
			break;
		case OPT_WH: req->build.wh = optarg; break;
		case OPT_LOT: req->build.lot = optarg; break;
		case OPT_REF: req->build.ref = optarg; break;
		case OPT_DATE: req->build.date = optarg; break;
		case OPT_EXPLODE: req->build.explode = 1; break;
		}
	}
	cli_operands(cli, 0, 0, &args);
	if (!req->build.sku || !qty || !req->build.wh)
		cli_usage_error(cli, "--sku, --qty and --wh are needed");
	cli_output(cli);
	return cli_write(cli, write_build, req);
}

static const struct cli_verb verbs[] = {
	{ NULL, run_build, "", options,
	  "inv-build --sku FG --qty N --wh W [--lot L] [--ref R] "
	  "[--date D] [--explode]\n",
	  CLI_NEEDS_DB | CLI_WRITES },
	{ NULL, NULL, NULL, NULL, NULL, 0 }
};

int cmd_inv_build(int argc, char **argv)
{
	struct request req;

	memset(&req, 0, sizeof(req));
	return cli_run_verbs(argc, argv, verbs, &req);
}
