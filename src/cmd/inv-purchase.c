/* inv-purchase - procure to pay: request, approve, order, receive, bill,
 * pay or cancel purchases. */
#include <stdlib.h>
#include <string.h>

#include "array.h"
#include "cli.h"
#include "commands.h"
#include "decimal.h"
#include "purchase.h"

enum {
	OPT_SUPPLIER = CLI_FIRST_OWN, OPT_LINE, OPT_WH, OPT_REF, OPT_DATE,
	OPT_HOLD, OPT_AMOUNT, OPT_STATUS, OPT_LOT, OPT_EXPIRY, OPT_SERIAL
};

static const struct option request_options[] = {
	{ "supplier", required_argument, NULL, OPT_SUPPLIER },
	{ "line", required_argument, NULL, OPT_LINE },
	{ "wh", required_argument, NULL, OPT_WH },
	{ "ref", required_argument, NULL, OPT_REF },
	{ "date", required_argument, NULL, OPT_DATE },
	CLI_OPTIONS
};
static const struct option receive_options[] = {
	{ "line", required_argument, NULL, OPT_LINE },
	{ "lot", required_argument, NULL, OPT_LOT },
	{ "expiry", required_argument, NULL, OPT_EXPIRY },
	{ "serial", required_argument, NULL, OPT_SERIAL },
	{ "hold", no_argument, NULL, OPT_HOLD },
	{ "ref", required_argument, NULL, OPT_REF },
	{ "date", required_argument, NULL, OPT_DATE },
	CLI_OPTIONS
};
static const struct option money_options[] = {
	{ "amount", required_argument, NULL, OPT_AMOUNT },
	{ "ref", required_argument, NULL, OPT_REF },
	{ "date", required_argument, NULL, OPT_DATE },
	CLI_OPTIONS
};
static const struct option list_options[] = {
	{ "status", required_argument, NULL, OPT_STATUS },
	{ "supplier", required_argument, NULL, OPT_SUPPLIER },
	CLI_OPTIONS
};
static const struct option plain_options[] = { CLI_OPTIONS };

struct request {
	struct cli *cli;
	struct purchase_in in;
	struct purchase_receipt_in receipt;	/* receive: lot, serials */
	const char **serials;
	size_t serial_cap;
	char **line_texts;
	size_t line_count, line_cap;
	const char *amount_text, *status, *verb;
	int64_t id, amount;
	int hold;
	struct purchase_batch *batch;
};

static void read_options(struct cli *cli, struct request *req)
{
	int c;

	req->cli = cli;
	req->verb = cli->verb->name;
	while ((c = cli_next_option(cli)) != -1) {
		switch (c) {
		case OPT_SUPPLIER: req->in.supplier = optarg; break;
		case OPT_LINE:
			ARRAY_PUSH(req->line_texts, req->line_count,
				   req->line_cap, optarg);
			break;
		case OPT_WH: req->in.wh = optarg; break;
		case OPT_REF: req->in.ref = optarg; break;
		case OPT_DATE:
			req->in.date = cli_data_date(cli, "--date", optarg,
						     DATE_EXACT);
			break;
		case OPT_HOLD: req->hold = 1; break;
		case OPT_LOT: req->receipt.lot = optarg; break;
		case OPT_EXPIRY:
			req->receipt.expiry = cli_data_date(cli, "--expiry",
							    optarg, DATE_LAST);
			break;
		case OPT_SERIAL:
			ARRAY_PUSH(req->serials, req->receipt.serial_count,
				   req->serial_cap, optarg);
			req->receipt.serials = req->serials;
			break;
		case OPT_AMOUNT: req->amount_text = optarg; break;
		case OPT_STATUS:
			cli_choice(cli, "--status", optarg, purchase_statuses);
			req->status = optarg;
			break;
		}
	}
}

/* Parses the --line texts (needs the database for the price scale). */
static int parse_lines(struct db *db, struct request *req)
{
	int status = BIZ_OK;

	req->in.lines = xmalloc((req->line_count + 1) *
				sizeof(*req->in.lines));
	req->in.count = req->line_count;
	for (size_t i = 0; i < req->line_count && !status; i++)
		status = purchase_parse_line(db, req->line_texts[i],
					     &req->in.lines[i]);
	return status;
}

static int64_t purchase_id(struct cli *cli)
{
	char **args;

	cli_operands(cli, 1, 1, &args);
	return cli_integer(cli, "ID", args[0], 1, INT64_MAX);
}

static int write_one(struct db *db, void *arg, jv *record)
{
	struct request *req = arg;
	const char *v = req->verb;
	int status;

	if (!strcmp(v, "request") || !strcmp(v, "receive")) {
		if ((status = parse_lines(db, req)))
			return status;
		if (v[2] == 'q')
			return purchase_request(db, &req->in, record);
		req->receipt.lines = req->in.lines;
		req->receipt.count = req->in.count;
		req->receipt.hold = req->hold;
		req->receipt.ref = req->in.ref;
		req->receipt.date = req->in.date;
		return purchase_receive(db, req->id, &req->receipt, record);
	}
	if (!strcmp(v, "approve"))
		return purchase_approve(db, req->id, record);
	if (!strcmp(v, "order"))
		return purchase_order(db, req->id, record);
	if (!strcmp(v, "cancel"))
		return purchase_cancel(db, req->id, record);
	if (!strcmp(v, "bill"))
		return purchase_bill(db, req->id, req->amount, req->in.ref,
				     req->in.date, record);
	return purchase_pay(db, req->id, req->amount, req->in.ref,
			    req->in.date, record);
}

static int apply_record(struct db *db, jv record, jv *out, void *arg)
{
	struct request *req = arg;

	(void)out;
	return purchase_batch_add(db, req->batch, record);
}

static int print_purchase(jv purchase, void *arg)
{
	cli_print(arg, purchase);
	return BIZ_OK;
}

static int end_batch(struct db *db, void *arg)
{
	struct request *req = arg;

	return purchase_batch_finish(db, req->batch, print_purchase,
				     req->cli);
}

static int run_request(struct cli *cli, void *arg)
{
	struct request *req = arg;
	char **args;
	int n, status;

	read_options(cli, req);
	n = cli_operands(cli, 0, 1, &args);
	if (n && (req->in.supplier || req->line_count))
		cli_usage_error(cli, "records from FILE, or --supplier and "
				"--line, not both");
	if (n) {
		req->batch = purchase_batch_new(req->in.wh, req->in.ref);
		status = cli_batch_end(cli, args[0], apply_record, end_batch,
				       req);
		purchase_batch_free(req->batch);
		return status;
	}
	if (!req->in.supplier || !req->line_count)
		cli_usage_error(cli, "request needs --supplier and a --line, "
				"or FILE");
	return cli_write(cli, write_one, req);
}

/* approve, order, cancel, receive, bill and pay: one purchase by ID. */
static int run_step(struct cli *cli, void *arg)
{
	struct request *req = arg;
	const char *v = cli->verb->name;

	read_options(cli, req);
	req->id = purchase_id(cli);
	if (!strcmp(v, "bill") || !strcmp(v, "pay")) {
		if (!req->amount_text)
			cli_usage_error(cli, "%s needs --amount", v);
		if (dec_parse(req->amount_text, cli_db(cli)->money_scale,
			      &req->amount))
			cli_usage_error(cli, "--amount: '%s' is not an amount "
					"with at most %d decimal places",
					req->amount_text,
					cli_db(cli)->money_scale);
	}
	return cli_write(cli, write_one, req);
}

static int print_where(jv purchase, void *arg)
{
	return cli_print_where(purchase, arg);
}

static int run_list(struct cli *cli, void *arg)
{
	struct request *req = arg;
	struct purchase_filter filter;
	char **args;

	read_options(cli, req);
	cli_operands(cli, 0, 0, &args);
	filter.status = req->status;
	filter.supplier = req->in.supplier;
	cli_output(cli);
	return purchase_each(cli_db(cli), &filter, print_where, cli);
}

static int run_show(struct cli *cli, void *arg)
{
	struct request *req = arg;
	jv record;
	int status;

	read_options(cli, req);
	status = purchase_get(cli_db(cli), purchase_id(cli), &record);
	if (!status)
		cli_print(cli, record);
	return status;
}

#define WRITES (CLI_NEEDS_DB | CLI_WRITES)

static const struct cli_verb verbs[] = {
	{ "request", run_request, "", request_options,
	  "inv-purchase request (--supplier S --line SKU:QTY[:PRICE]... "
	  "[--wh W] | FILE|-)\n"
	  "                    [--ref R] [--date D]\n", WRITES },
	{ "approve", run_step, "", plain_options,
	  "inv-purchase approve ID\n", WRITES },
	{ "order", run_step, "", plain_options, "inv-purchase order ID\n",
	  WRITES },
	{ "receive", run_step, "", receive_options,
	  "inv-purchase receive ID [--line SKU:QTY...] [--lot L [--expiry D]] "
	  "[--serial S...]\n"
	  "                    [--hold] [--ref R] [--date D]\n", WRITES },
	{ "bill", run_step, "", money_options,
	  "inv-purchase bill ID --amount A [--ref R] [--date D]\n", WRITES },
	{ "pay", run_step, "", money_options,
	  "inv-purchase pay ID --amount A [--ref R] [--date D]\n", WRITES },
	{ "cancel", run_step, "", plain_options, "inv-purchase cancel ID\n",
	  WRITES },
	{ "list", run_list, "", list_options,
	  "inv-purchase list [--status S] [--supplier S]\n", CLI_NEEDS_DB },
	{ "show", run_show, "", plain_options, "inv-purchase show ID\n",
	  CLI_NEEDS_DB },
	{ NULL, NULL, NULL, NULL, NULL, 0 }
};

int cmd_inv_purchase(int argc, char **argv)
{
	struct request req;
	int status;

	memset(&req, 0, sizeof(req));
	status = cli_run_verbs(argc, argv, verbs, &req);
	free(req.line_texts);
	free(req.in.lines);
	free(req.serials);
	return status;
}
