/* inv-issue - goods out at their FIFO or average cost. */
#include <string.h>

#include "cli.h"
#include "commands.h"
#include "decimal.h"
#include "sales.h"
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

struct order_issue {
	struct stock_request *req;
	int64_t id;
	struct sink *moves;
};

static int ship_order(struct db *db, void *arg, jv *record)
{
	struct order_issue *o = arg;
	struct sales_line line = { o->req->line.sku, o->req->line.qty, 0 };
	struct sales_ship_in in = {
		o->id, &line, 1, o->req->line.serials,
		o->req->line.serial_count, o->req->doc.date,
		o->req->line.wh, o->moves
	};
	struct json out = { 0 };
	int status;

	(void)record;
	/* Serials without --qty: one unit each, as an issue takes them. */
	if (!line.qty)
		line.qty = (int64_t)o->req->line.serial_count * 1000;
	status = order_ship(db, &in, &out);
	json_release(&out);
	return status;
}

/*
 * A sale issue for a sales order ships from the order's reservation (as
 * crm-order ship --line does) and prints its moves; *done is 0 when
 * --order names no sales order.
 */
static int issue_for_order(struct cli *cli, struct stock_request *req,
			   int *done)
{
	struct order_issue o = { req, 0, NULL };
	int status;

	*done = 0;
	if ((status = sales_order_find(cli_db(cli), req->doc.order, &o.id)) ||
	    !o.id)
		return status;
	*done = 1;
	if (req->doc.ref || req->line.lot)
		cli_usage_error(cli, "--ref and --lot do not go with the sales "
				"order %lld: it ships what it reserved",
				(long long)o.id);
	cli->spool = 1;
	o.moves = cli_sink(cli);
	return cli_write(cli, ship_order, &o);
}

static int run_issue(struct cli *cli, void *arg)
{
	static const char *const reasons[] = {
		"sale", "production", "scrap", "sample", NULL
	};
	struct stock_request *req = arg;
	const char *qty = NULL;
	char **args;
	int c, nargs, known = 0, done = 0, status;

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
		case OPT_DATE:
			req->doc.date = cli_data_date(cli, "--date", optarg,
						      DATE_EXACT);
			break;
		}
	}
	nargs = cli_args(cli, &args);
	stock_request_check(cli, req, nargs, qty);
	for (int i = 0; req->doc.reason && reasons[i]; i++)
		known |= !strcmp(req->doc.reason, reasons[i]);
	if (req->doc.reason && !known)
		cli_usage_error(cli, "--reason: '%s' is not one of sale, "
				"production, scrap, sample", req->doc.reason);
	if (req->doc.order && !nargs && !req->scan &&
	    (!req->doc.reason || !strcmp(req->doc.reason, "sale")) &&
	    ((status = issue_for_order(cli, req, &done)) || done))
		return status;
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
