/* inv-receive - goods in: one cost layer per line, posted to Inventory. */
#include <string.h>

#include "cli.h"
#include "commands.h"
#include "decimal.h"
#include "stockcmd.h"

static const char usage[] =
	"usage: inv-receive --wh W (--sku S --qty Q --cost C | FILE|- | --scan)\n"
	"                   [--lot L] [--expiry D] [--serial S...] [--po ID] "
	"[--ref R]\n"
	"                   [--hold] [--date D]\n";

enum {
	OPT_WH = CLI_FIRST_OWN, OPT_SKU, OPT_QTY, OPT_COST, OPT_SCAN,
	OPT_LOT, OPT_EXPIRY, OPT_SERIAL, OPT_PO, OPT_REF, OPT_HOLD, OPT_DATE
};

static const struct option options[] = {
	{ "wh", required_argument, NULL, OPT_WH },
	{ "sku", required_argument, NULL, OPT_SKU },
	{ "qty", required_argument, NULL, OPT_QTY },
	{ "cost", required_argument, NULL, OPT_COST },
	{ "scan", no_argument, NULL, OPT_SCAN },
	{ "lot", required_argument, NULL, OPT_LOT },
	{ "expiry", required_argument, NULL, OPT_EXPIRY },
	{ "serial", required_argument, NULL, OPT_SERIAL },
	{ "po", required_argument, NULL, OPT_PO },
	{ "ref", required_argument, NULL, OPT_REF },
	{ "hold", no_argument, NULL, OPT_HOLD },
	{ "date", required_argument, NULL, OPT_DATE },
	CLI_OPTIONS
};

int cmd_inv_receive(int argc, char **argv)
{
	struct cli cli;
	struct stock_request req;
	const char *qty = NULL, *cost = NULL;
	char **args;
	int c, nargs, status;

	memset(&req, 0, sizeof(req));
	req.doc.kind = "receipt";
	cli_start(&cli, argc, argv, usage);
	while ((c = cli_getopt(&cli, "", options)) != -1) {
		switch (c) {
		case OPT_WH: req.line.wh = optarg; break;
		case OPT_SKU: req.line.sku = optarg; break;
		case OPT_QTY: qty = optarg; break;
		case OPT_COST: cost = optarg; break;
		case OPT_SCAN: req.scan = 1; break;
		case OPT_LOT: req.line.lot = optarg; break;
		case OPT_EXPIRY:
			req.line.expiry = cli_data_date(&cli, "--expiry",
							optarg, DATE_LAST);
			break;
		case OPT_SERIAL: stock_request_add_serial(&req, optarg); break;
		case OPT_PO: req.doc.po = optarg; break;
		case OPT_REF: req.doc.ref = optarg; break;
		case OPT_HOLD: req.doc.hold = 1; break;
		case OPT_DATE:
			req.doc.date = cli_data_date(&cli, "--date", optarg,
						     DATE_EXACT);
			break;
		}
	}
	nargs = cli_args(&cli, &args);
	stock_request_check(&cli, &req, nargs, qty);
	cli_db(&cli);
	if (cost) {
		req.line.cost = cli_decimal(&cli, "--cost", cost,
					    stock_cost_scale(cli.db));
		req.line.has_cost = 1;
	}
	if (req.line.sku && !cost)
		cli_usage_error(&cli, "--sku needs --cost (the unit cost)");
	status = stock_request_run(&cli, &req, nargs == 1 ? args[0] : NULL);
	return cli_finish(&cli, status);
}
