/* inv-issue - goods out at their FIFO or average cost. */
#include <string.h>

#include "cli.h"
#include "commands.h"
#include "decimal.h"
#include "stockcmd.h"

enum {
	OPT_WH = CLI_FIRST_OWN, OPT_SKU, OPT_QTY, OPT_SCAN, OPT_REASON,
	OPT_LOT, OPT_SERIAL, OPT_ORDER, OPT_REF, OPT_DATE
};

static const struct option options[] = {
	{ "wh", required_argument, NULL, OPT_WH },
	{ "sku", required_argument, NULL, OPT_SKU },
	{ "qty", required_argument, NULL, OPT_QTY },
	{ "scan", no_argument, NULL, OPT_SCAN },
	{ "reason", required_argument, NULL, OPT_REASON },
	{ "lot", required_argument, NULL, OPT_LOT },
	{ "serial", required_argument, NULL, OPT_SERIAL },
	{ "order", required_argument, NULL, OPT_ORDER },
	{ "ref", required_argument, NULL, OPT_REF },
	{ "date", required_argument, NULL, OPT_DATE },
	CLI_OPTIONS
};

static int run_issue(struct cli *cli, void *arg)
{
	static const char *const reasons[] = {
		"sale", "production", "scrap", "sample", NULL
	};
	struct stock_request *req = arg;
	const char *qty = NULL;
	char **args;
	int c, nargs, known = 0;

	req->doc.kind = "issue";
	while ((c = cli_next_option(cli)) != -1) {
		switch (c) {
		case OPT_WH: req->line.wh = optarg; break;
		case OPT_SKU: req->line.sku = optarg; break;
		case OPT_QTY: qty = optarg; break;
		case OPT_SCAN: req->scan = 1; break;
		case OPT_REASON: req->doc.reason = optarg; break;
		case OPT_LOT: req->line.lot = optarg; break;
		case OPT_SERIAL: stock_request_add_serial(req, optarg); break;
		case OPT_ORDER: req->doc.order = optarg; break;
		case OPT_REF: req->doc.ref = optarg; break;
		case OPT_DATE: req->doc.date = optarg; break;
		}
	}
	nargs = cli_args(cli, &args);
	stock_request_check(cli, req, nargs, qty);
	for (int i = 0; req->doc.reason && reasons[i]; i++)
		known |= !strcmp(req->doc.reason, reasons[i]);
	if (req->doc.reason && !known)
		cli_usage_error(cli, "--reason: '%s' is not one of sale, "
				"production, scrap, sample", req->doc.reason);
	return stock_request_run(cli, req, nargs == 1 ? args[0] : NULL);
}

/* The database is opened once the options are checked (64 first). */
static const struct cli_verb verbs[] = {
	{ NULL, run_issue, "", options,
	  "inv-issue --wh W (--sku S --qty Q | FILE|- | --scan)\n"
	  "                 [--reason sale|production|scrap|sample] [--lot L] "
	  "[--serial S...]\n"
	  "                 [--order ID] [--ref R] [--date D]\n", CLI_WRITES },
	{ NULL, NULL, NULL, NULL, NULL, 0 }
};

int cmd_inv_issue(int argc, char **argv)
{
	struct stock_request req;

	memset(&req, 0, sizeof(req));
	return cli_run_verbs(argc, argv, verbs, &req);
}
