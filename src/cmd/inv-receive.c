/* inv-receive - goods in: one cost layer per line, posted to Inventory. */
#include <string.h>

#include "cli.h"
#include "commands.h"
#include "decimal.h"
#include "purchase.h"
#include "stockcmd.h"

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

/*
 * --po ID: the receipt is the purchase's (inv-purchase receive ID): its
 * lines record what came, so GRNI and the purchase agree.  The purchase
 * must exist (65) and be ordered or partial (1).
 */
static int receive_po(struct db *db, void *arg, jv *record)
{
	struct stock_request *req = arg;
	struct purchase_line_in line = { req->line.sku, req->line.qty, 0, 0 };
	struct purchase_receipt_in in;
	const char *p = req->doc.po;
	int64_t id = 0;

	for (; *p >= '0' && *p <= '9' && id < INT64_MAX / 10 - 9; p++)
		id = id * 10 + (*p - '0');
	if (*p || !id)
		return biz_fail(BIZ_DATAERR, "--po: no purchase '%s' (a "
				"purchase number)", req->doc.po);
	memset(&in, 0, sizeof(in));
	in.lines = &line;
	in.count = 1;
	in.lot = req->line.lot;
	in.expiry = req->line.expiry;
	in.serials = req->line.serials;
	in.serial_count = req->line.serial_count;
	if (!line.qty)	/* serials alone: one unit each */
		line.qty = (int64_t)in.serial_count * QTY_ONE;
	in.hold = req->doc.hold;
	in.ref = req->doc.ref;
	in.date = req->doc.date;
	in.wh = req->line.wh;
	return purchase_receive(db, id, &in, record);
}

static int run_receive(struct cli *cli, void *arg)
{
	struct stock_request *req = arg;
	const char *qty = NULL, *cost = NULL;
	char **args;
	int c, nargs;

	req->doc.kind = "receipt";
	while ((c = cli_next_option(cli)) != -1) {
		switch (c) {
		case OPT_WH: req->line.wh = optarg; break;
		case OPT_SKU: req->line.sku = optarg; break;
		case OPT_QTY: qty = optarg; break;
		case OPT_COST: cost = optarg; break;
		case OPT_SCAN: req->scan = 1; break;
		case OPT_LOT: req->line.lot = optarg; break;
		case OPT_EXPIRY:
			req->line.expiry = cli_data_date(cli, "--expiry",
							 optarg, DATE_LAST);
			break;
		case OPT_SERIAL: stock_request_add_serial(req, optarg); break;
		case OPT_PO: req->doc.po = optarg; break;
		case OPT_REF: req->doc.ref = optarg; break;
		case OPT_HOLD: req->doc.hold = 1; break;
		case OPT_DATE:
			req->doc.date = cli_data_date(cli, "--date", optarg,
						      DATE_EXACT);
			break;
		}
	}
	nargs = cli_args(cli, &args);
	stock_request_check(cli, req, nargs, qty);
	/* The cost's places are the database's: open it first. */
	cli_db(cli);
	if (cost) {
		req->line.cost = cli_decimal(cli, "--cost", cost,
					     stock_cost_scale(cli_db(cli)));
		req->line.has_cost = 1;
	}
	if (req->doc.po) {
		if (!req->line.sku)
			cli_usage_error(cli, "--po takes --sku and --qty; a "
					"purchase's lines from a file: "
					"'inv-purchase receive ID --line "
					"SKU:QTY...'");
		if (cost)
			cli_usage_error(cli, "--po: the purchase's price is "
					"the cost, not --cost");
		return cli_write(cli, receive_po, req);
	}
	if (req->line.sku && !cost)
		cli_usage_error(cli, "--sku needs --cost (the unit cost)");
	return stock_request_run(cli, req, nargs == 1 ? args[0] : NULL);
}

/* The database is opened once the options are checked (64 first). */
static const struct cli_verb verbs[] = {
	{ NULL, run_receive, "", options,
	  "inv-receive --wh W (--sku S --qty Q --cost C | FILE|- | --scan)\n"
	  "                   [--lot L] [--expiry D] [--serial S...] [--po ID] "
	  "[--ref R]\n"
	  "                   [--hold] [--date D]\n", CLI_WRITES },
	{ NULL, NULL, NULL, NULL, NULL, 0 }
};

int cmd_inv_receive(int argc, char **argv)
{
	struct stock_request req;

	memset(&req, 0, sizeof(req));
	return cli_run_verbs(argc, argv, verbs, &req);
}
