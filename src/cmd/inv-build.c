/* inv-build - make products from their components, at their cost. */
#include <stdlib.h>
#include <string.h>

#include "array.h"
#include "cli.h"
#include "commands.h"
#include "decimal.h"
#include "mfg.h"

enum {
	OPT_SKU = CLI_FIRST_OWN, OPT_QTY, OPT_WH, OPT_LOT, OPT_REF, OPT_DATE,
	OPT_EXPLODE, OPT_SERIAL
};

static const struct option options[] = {
	{ "sku", required_argument, NULL, OPT_SKU },
	{ "qty", required_argument, NULL, OPT_QTY },
	{ "wh", required_argument, NULL, OPT_WH },
	{ "lot", required_argument, NULL, OPT_LOT },
	{ "serial", required_argument, NULL, OPT_SERIAL },
	{ "ref", required_argument, NULL, OPT_REF },
	{ "date", required_argument, NULL, OPT_DATE },
	{ "explode", no_argument, NULL, OPT_EXPLODE },
	CLI_OPTIONS
};

struct request {
	struct cli *cli;
	struct build_request build;
	const char **serials;	/* --serial values (build.serials) */
	size_t serial_cap;
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
			/* A bad one is usage before the database opens. */
			qty = optarg;
			cli_decimal(cli, "--qty", qty, QTY_SCALE);
			break;
		case OPT_WH: req->build.wh = optarg; break;
		case OPT_LOT: req->build.lot = optarg; break;
		case OPT_REF: req->build.ref = optarg; break;
		case OPT_DATE:
			req->build.date = cli_data_date(cli, "--date",
							optarg, DATE_EXACT);
			break;
		case OPT_EXPLODE: req->build.explode = 1; break;
		case OPT_SERIAL:
			ARRAY_PUSH(req->serials, req->build.serial_count,
				   req->serial_cap, optarg);
			req->build.serials = req->serials;
			break;
		}
	}
	cli_operands(cli, 0, 0, &args);
	if (!req->build.sku || (!qty && !req->build.serial_count) ||
	    !req->build.wh)
		cli_usage_error(cli, "--sku, --qty (or --serial) and --wh are "
				"needed");
	/* Without --qty, one unit a serial. */
	req->build.qty = qty ? cli_decimal(cli, "--qty", qty, QTY_SCALE) :
			 (int64_t)req->build.serial_count * QTY_ONE;
	cli_output(cli);
	return cli_write(cli, write_build, req);
}

static const struct cli_verb verbs[] = {
	{ NULL, run_build, "", options,
	  "inv-build --sku FG --qty N --wh W [--lot L] [--serial S...] "
	  "[--ref R]\n"
	  "          [--date D] [--explode]\n",
	  CLI_NEEDS_DB | CLI_WRITES },
	{ NULL, NULL, NULL, NULL, NULL, 0 }
};

int cmd_inv_build(int argc, char **argv)
{
	struct request req;

	int status;

	memset(&req, 0, sizeof(req));
	status = cli_run_verbs(argc, argv, verbs, &req);
	free(req.serials);
	return status;
}
