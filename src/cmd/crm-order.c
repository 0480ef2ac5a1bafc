/* crm-order - sales orders from creation to payment. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "commands.h"
#include "decimal.h"
#include "record.h"
#include "sales.h"

enum {
	OPT_CUSTOMER = CLI_FIRST_OWN, OPT_LINE, OPT_WH, OPT_TAX, OPT_REF,
	OPT_DATE, OPT_PARTIAL, OPT_SERIAL, OPT_AMOUNT, OPT_STATUS, OPT_LIMIT
};

static const struct option create_options[] = {
	{ "customer", required_argument, NULL, OPT_CUSTOMER },
	{ "line", required_argument, NULL, OPT_LINE },
	{ "wh", required_argument, NULL, OPT_WH },
	{ "tax", required_argument, NULL, OPT_TAX },
	{ "ref", required_argument, NULL, OPT_REF },
	{ "date", required_argument, NULL, OPT_DATE },
	CLI_OPTIONS
};
static const struct option confirm_options[] = {
	{ "partial", no_argument, NULL, OPT_PARTIAL },
	CLI_OPTIONS
};
static const struct option ship_options[] = {
	{ "line", required_argument, NULL, OPT_LINE },
	{ "serial", required_argument, NULL, OPT_SERIAL },
	{ "date", required_argument, NULL, OPT_DATE },
	CLI_OPTIONS
};
static const struct option invoice_options[] = {
	{ "date", required_argument, NULL, OPT_DATE },
	CLI_OPTIONS
};
static const struct option pay_options[] = {
	{ "amount", required_argument, NULL, OPT_AMOUNT },
	{ "date", required_argument, NULL, OPT_DATE },
	{ "ref", required_argument, NULL, OPT_REF },
	CLI_OPTIONS
};
static const struct option return_options[] = {
	{ "line", required_argument, NULL, OPT_LINE },
	{ "serial", required_argument, NULL, OPT_SERIAL },
	{ "ref", required_argument, NULL, OPT_REF },
	{ "date", required_argument, NULL, OPT_DATE },
	CLI_OPTIONS
};
static const struct option list_options[] = {
	{ "status", required_argument, NULL, OPT_STATUS },
	{ "customer", required_argument, NULL, OPT_CUSTOMER },
	CLI_OPTIONS
};
static const struct option no_options[] = { CLI_OPTIONS };

struct request {
	struct cli *cli;
	const char *verb;
	int64_t id, customer, tax_rate, amount;
	const char *wh, *ref, *date, *tax, *amount_text;
	int partial;
	char **line_texts;
	size_t line_count;
	struct sales_line *lines;
	const char **serials;
	size_t serial_count;
	struct order_filter filter;
	struct json out;
	struct order_batch *batch;
};

/* The verb's options into req (lines parsed once the database is open). */
static void read_options(struct cli *cli, struct request *req)
{
	int c;

	req->cli = cli;
	while ((c = cli_next_option(cli)) != -1) {
		switch (c) {
		case OPT_CUSTOMER:
			req->customer = cli_integer(cli, "--customer", optarg,
						    1, INT64_MAX);
			req->filter.customer = req->customer;
			break;
		case OPT_LINE:
			req->line_texts = realloc(req->line_texts,
						  (req->line_count + 1) *
						  sizeof(char *));
			if (!req->line_texts)
				abort();
			req->line_texts[req->line_count++] = optarg;
			break;
		case OPT_WH: req->wh = optarg; break;
		case OPT_TAX: req->tax = optarg; break;
		case OPT_REF: req->ref = optarg; break;
		case OPT_DATE:
			req->date = cli_data_date(cli, "--date", optarg,
						  DATE_EXACT);
			break;
		case OPT_PARTIAL: req->partial = 1; break;
		case OPT_SERIAL:
			req->serials = realloc(req->serials,
					       (req->serial_count + 1) *
					       sizeof(char *));
			if (!req->serials)
				abort();
			req->serials[req->serial_count++] = optarg;
			break;
		case OPT_AMOUNT: req->amount_text = optarg; break;
		case OPT_STATUS:
			cli_choice(cli, "--status", optarg,
				   sales_order_statuses);
			req->filter.status = optarg;
			break;
		}
	}
}

/* Parses the --line texts (with prices for create); a status. */
static int parse_lines(struct db *db, struct request *req, int with_price)
{
	int status;

	req->lines = calloc(req->line_count + 1, sizeof(*req->lines));
	if (!req->lines)
		abort();
	for (size_t i = 0; i < req->line_count; i++) {
		char *text = req->line_texts[i];
		struct sales_line *l = &req->lines[i];

		if ((status = sales_line_parse(db, text, with_price, l)))
			return status;
		/* Cut the SKU off at its colon: the text is argv's. */
		*strrchr(text, ':') = '\0';
		if (with_price)
			*strrchr(text, ':') = '\0';
		l->sku = text;
	}
	return BIZ_OK;
}

static void request_release(struct request *req)
{
	free(req->line_texts);
	free(req->lines);
	free(req->serials);
	json_release(&req->out);
	order_batch_free(req->batch);
}

static int print_out(struct request *req)
{
	cli_print_json(req->cli, req->out.text.buf, req->out.text.len);
	return BIZ_OK;
}

/* ---- the writes ------------------------------------------------------- */

/* One write of req->verb on order req->id. */
static int write_one(struct db *db, struct request *req)
{
	const char *v = req->verb;
	struct sales_ship_in ship = {
		req->id, req->lines, req->line_count, req->serials,
		req->serial_count, req->date, NULL, NULL
	};

	if (!strcmp(v, "confirm"))
		return order_confirm(db, req->id, req->partial, &req->out);
	if (!strcmp(v, "ship"))
		return order_ship(db, &ship, &req->out);
	if (!strcmp(v, "invoice"))
		return order_invoice(db, req->id, req->date, &req->out);
	if (!strcmp(v, "pay"))
		return order_pay(db, req->id, req->amount, req->date, req->ref,
				 &req->out);
	if (!strcmp(v, "return"))
		return order_return(db, req->id, req->lines, req->line_count,
				    req->serials, req->serial_count, req->ref,
				    req->date, &req->out);
	return order_cancel(db, req->id, &req->out);
}

static int write_fn(struct db *db, void *arg, jv *record)
{
	struct request *req = arg;
	int status;

	(void)record;
	if (!strcmp(req->verb, "create")) {
		struct sales_order_in in = {
			req->customer, req->wh, req->tax_rate, req->ref,
			req->date, req->lines, req->line_count
		};

		status = order_create(db, &in, &req->out);
	} else {
		status = write_one(db, req);
	}
	return status ? status : print_out(req);
}

/*
 * A batch record names the order (id or order) and, to pay, amount and
 * optionally ref and date (the ref makes a rerun "unchanged", as with
 * --ref); a pay record with another field is refused.
 */
static int apply_record(struct db *db, jv record, jv *out, void *arg)
{
	static const char *const pay_fields[] = {
		"id", "order", "amount", "ref", "date", NULL
	};
	struct rec_texts texts = { .used = 0 };
	struct request *req = arg;
	const char *id = rec_text(&texts, record, "id");
	const char *amount = rec_text(&texts, record, "amount");
	const char *date = req->date;
	int status;

	(void)out;
	if (!strcmp(req->verb, "pay")) {
		if ((status = rec_known_fields(record, pay_fields))) {
			jv_free(record);
			return status;
		}
		req->ref = rec_text(&texts, record, "ref");
		if (rec_text(&texts, record, "date"))
			req->date = rec_text(&texts, record, "date");
	}
	if (!id)
		id = rec_text(&texts, record, "order");
	if (!id) {
		jv_free(record);
		return biz_fail(BIZ_DATAERR, "id: missing");
	}
	status = field_integer("id", id, 1, INT64_MAX, &req->id);
	if (!status && !strcmp(req->verb, "pay")) {
		if (!amount || dec_parse(amount, db->money_scale,
					 &req->amount))
			status = biz_fail(BIZ_DATAERR, "amount: not an amount "
					  "with at most %d places",
					  db->money_scale);
	}
	if (!status)
		status = write_one(db, req);
	jv_free(record);
	/* ref and date pointed into this record's texts. */
	req->ref = NULL;
	req->date = date;
	return status ? status : print_out(req);
}

static int create_record(struct db *db, jv record, jv *out, void *arg)
{
	struct request *req = arg;

	(void)out;
	return order_batch_add(db, req->batch, record);
}

static int create_end(struct db *db, void *arg)
{
	struct request *req = arg;

	return order_batch_end(db, req->batch);
}

static int run_create(struct cli *cli, void *arg)
{
	struct request *req = arg;
	char **args;
	int n, status;

	read_options(cli, req);
	n = cli_operands(cli, 0, 1, &args);
	if (n && (req->customer || req->line_count))
		cli_usage_error(cli, "orders come from FILE or from "
				"--customer and --line, not both");
	if (n) {
		req->batch = order_batch_new(cli_sink(cli));
		return cli_batch_end(cli, args[0], create_record, create_end,
				     req);
	}
	if (!req->customer || !req->line_count)
		cli_usage_error(cli, "create needs --customer and a --line "
				"(or FILE)");
	if (req->tax && sales_tax_parse(req->tax, &req->tax_rate))
		return BIZ_DATAERR;
	if ((status = parse_lines(cli_db(cli), req, 1)))
		return status;
	return cli_write(cli, write_fn, req);
}

/* The verbs on one order: ID, or FILE|- of records naming orders. */
static int run_on_order(struct cli *cli, void *arg)
{
	struct request *req = arg;
	const char *verb = cli->verb->name;
	char **args;
	int status;

	read_options(cli, req);
	req->verb = verb;
	cli_operands(cli, 1, 1, &args);
	if (!strcmp(verb, "pay") && req->amount_text &&
	    dec_parse(req->amount_text, cli_db(cli)->money_scale, &req->amount))
		cli_usage_error(cli, "--amount: '%s' is not an amount with at "
				"most %d places", req->amount_text,
				cli_db(cli)->money_scale);
	if (!strcmp(args[0], "-") || strspn(args[0], "0123456789") !=
	    strlen(args[0])) {
		if (req->line_count || req->amount_text || req->ref)
			cli_usage_error(cli, "a FILE of orders takes no --line, "
					"--amount or --ref");
		return cli_batch(cli, args[0], apply_record, req);
	}
	req->id = cli_integer(cli, "ID", args[0], 1, INT64_MAX);
	if (!strcmp(verb, "pay") && !req->amount_text)
		cli_usage_error(cli, "pay needs --amount");
	if (!strcmp(verb, "return") && !req->line_count)
		cli_usage_error(cli, "return needs a --line");
	if ((status = parse_lines(cli_db(cli), req, 0)))
		return status;
	return cli_write(cli, write_fn, req);
}

static int run_list(struct cli *cli, void *arg)
{
	struct request *req = arg;
	char **args;

	read_options(cli, req);
	cli_operands(cli, 0, 0, &args);
	cli_output(cli);
	return order_each(cli_db(cli), &req->filter, cli_sink(cli));
}

static int run_show(struct cli *cli, void *arg)
{
	struct request *req = arg;
	char **args;
	int status;

	read_options(cli, req);
	cli_operands(cli, 1, 1, &args);
	cli_output(cli);
	status = order_get(cli_db(cli), cli_integer(cli, "ID", args[0], 1,
						INT64_MAX), NULL, &req->out);
	return status ? status : print_out(req);
}

#define W (CLI_NEEDS_DB | CLI_WRITES)

static const struct cli_verb verbs[] = {
	{ "create", run_create, "", create_options,
	  "crm-order create --customer ID --line SKU:QTY:PRICE... [--wh W] "
	  "[--tax PERCENT]\n"
	  "                 [--ref R] [--date D]\n"
	  "       crm-order create FILE|-\n", W },
	{ "confirm", run_on_order, "", confirm_options,
	  "crm-order confirm [--partial] ID|FILE|-\n", W },
	{ "ship", run_on_order, "", ship_options,
	  "crm-order ship [--line SKU:QTY...] [--serial S...] [--date D] "
	  "ID|FILE|-\n", W },
	{ "invoice", run_on_order, "", invoice_options,
	  "crm-order invoice [--date D] ID|FILE|-\n", W },
	{ "pay", run_on_order, "", pay_options,
	  "crm-order pay --amount A [--date D] [--ref R] ID\n"
	  "       crm-order pay FILE|-\n", W },
	{ "return", run_on_order, "", return_options,
	  "crm-order return --line SKU:QTY... [--serial S...] [--ref R] "
	  "[--date D] ID\n", W },
	{ "cancel", run_on_order, "", no_options,
	  "crm-order cancel ID|FILE|-\n", W },
	{ "list", run_list, "", list_options,
	  "crm-order list [--status S] [--customer ID] [--limit N]\n",
	  CLI_NEEDS_DB },
	{ "show", run_show, "", no_options, "crm-order show ID\n",
	  CLI_NEEDS_DB },
	{ NULL, NULL, NULL, NULL, NULL, 0 }
};

int cmd_crm_order(int argc, char **argv)
{
	struct request req;
	int status;

	memset(&req, 0, sizeof(req));
	req.verb = "create";
	status = cli_run_verbs(argc, argv, verbs, &req);
	request_release(&req);
	return status;
}
