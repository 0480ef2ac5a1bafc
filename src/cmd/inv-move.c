/* inv-move - transfer stock between warehouses at its cost. */
#include <string.h>

#include "cli.h"
#include "commands.h"
#include "decimal.h"
#include "stockcmd.h"

enum {
	OPT_FROM = CLI_FIRST_OWN, OPT_TO, OPT_SKU, OPT_QTY, OPT_LOT, OPT_REF,
	OPT_DATE, OPT_SERIAL
};

static const struct option options[] = {
	{ "from", required_argument, NULL, OPT_FROM },
	{ "to", required_argument, NULL, OPT_TO },
	{ "sku", required_argument, NULL, OPT_SKU },
	{ "qty", required_argument, NULL, OPT_QTY },
	{ "lot", required_argument, NULL, OPT_LOT },
	{ "serial", required_argument, NULL, OPT_SERIAL },
	{ "ref", required_argument, NULL, OPT_REF },
	{ "date", required_argument, NULL, OPT_DATE },
	CLI_OPTIONS
};

static int run_move(struct cli *cli, void *arg)
{
	struct stock_request *req = arg;
	const char *qty = NULL;
	char **args;
	int c;

	req->doc.kind = "transfer";
	while ((c = cli_next_option(cli)) != -1) {
		switch (c) {
		case OPT_FROM: req->line.wh = optarg; break;
		case OPT_TO: req->line.to = optarg; break;
		case OPT_SKU: req->line.sku = optarg; break;
		case OPT_QTY: qty = optarg; break;
		case OPT_LOT: req->line.lot = optarg; break;
		case OPT_SERIAL: stock_request_add_serial(req, optarg); break;
		case OPT_REF: req->doc.ref = optarg; break;
		case OPT_DATE:
			req->doc.date = cli_data_date(cli, "--date", optarg,
						      DATE_EXACT);
			break;
		}
	}
	if (cli_args(cli, &args) != 0)
		cli_usage_error(cli, "unexpected argument '%s'", args[0]);
	if (!req->line.wh || !req->line.to || !req->line.sku ||
	    (!qty && !req->line.serial_count))
		cli_usage_error(cli, "--from, --to, --sku and --qty (or "
				"--serial) are needed");
	/* Without --qty, one unit a serial. */
	if (qty)
		req->line.qty = cli_decimal(cli, "--qty", qty, QTY_SCALE);
	return stock_request_run(cli, req, NULL);
}

/* The database is opened once the options are checked (64 first). */
static const struct cli_verb verbs[] = {
	{ NULL, run_move, "", options,
	  "inv-move --from W --to W --sku S --qty Q [--lot L] "
	  "[--serial S...] [--ref R]\n"
	  "         [--date D]\n", CLI_WRITES },
	{ NULL, NULL, NULL, NULL, NULL, 0 }
};

int cmd_inv_move(int argc, char **argv)
{
	struct stock_request req;

	memset(&req, 0, sizeof(req));
	return cli_run_verbs(argc, argv, verbs, &req);
}
