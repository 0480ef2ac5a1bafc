/* inv-stock - stock on hand, available and its value, now or at a date. */
#include <stddef.h>
#include <string.h>

#include "cli.h"
#include "commands.h"
#include "decimal.h"
#include "record.h"
#include "purchase.h"
#include "stock.h"

enum {
	OPT_SKU = CLI_FIRST_OWN, OPT_WH, OPT_LOTS, OPT_AT, OPT_BELOW_REORDER,
	OPT_ALL
};

static const struct option options[] = {
	{ "sku", required_argument, NULL, OPT_SKU },
	{ "wh", required_argument, NULL, OPT_WH },
	{ "lots", no_argument, NULL, OPT_LOTS },
	{ "at", required_argument, NULL, OPT_AT },
	{ "below-reorder", no_argument, NULL, OPT_BELOW_REORDER },
	{ "all", no_argument, NULL, OPT_ALL },
	CLI_OPTIONS
};

struct report {
	struct sink sink;	/* first: the library hands records here */
	struct cli *cli;
	jv totals;	/* the total row while one is printed, else null */
	int64_t value;	/* its value, in the smallest unit of money */
	int64_t row_value;	/* the value of the record at hand */
	jv due;		/* --below-reorder: {"SKU\u001fWH": true}, or null */
	struct sink due_sink;	/* where inv-reorder's suggestions go */
};

/* The key of a record's item and warehouse in report.due. */
static jv due_key(jv record)
{
	struct rec_texts texts = { .used = 0 };
	const char *sku = rec_text(&texts, record, "sku");
	const char *wh = rec_text(&texts, record, "wh");

	return jv_string_fmt("%s\037%s", sku ? sku : "", wh ? wh : "");
}

/* inv-reorder's suggestions, kept as the set of what is due. */
static int keep_due(struct sink *sink, const char *json, size_t len)
{
	struct report *rep = (struct report *)((char *)sink -
					       offsetof(struct report, due_sink));
	jv suggestion = jv_parse_sized(json, (int)len);

	rep->due = jv_object_set(rep->due, due_key(suggestion), jv_true());
	jv_free(suggestion);
	return 0;
}

/*
 * Adds the record's value (not its quantities: kilograms and pieces do
 * not add up) to the total row: checked (dec_add), since two values
 * within the stored limit can pass it together.
 */
static int add_to_totals(struct report *rep, jv stock)
{
	struct rec_texts texts = { .used = 0 };

	if (dec_add(&rep->value, rep->row_value))
		return dec_sum_fail("total value at '%s' in '%s'",
				    rec_text(&texts, stock, "sku"),
				    rec_text(&texts, stock, "wh"));
	return BIZ_OK;
}

/*
 * Prints a stock record when --where holds for it, adding it to the
 * total row if one is printed.  The text is parsed only for --where or
 * a total.
 */
static int print_stock(struct sink *sink, const char *json, size_t len)
{
	struct report *rep = (struct report *)sink;
	int table = jv_get_kind(rep->totals) == JV_KIND_OBJECT;
	int holds, status = BIZ_OK;
	jv stock;

	if (!table && !rep->cli->where && jv_get_kind(rep->due) ==
	    JV_KIND_NULL) {
		cli_print_json(rep->cli, json, len);
		return BIZ_OK;
	}
	stock = jv_parse_sized(json, (int)len);
	if (jv_get_kind(rep->due) == JV_KIND_OBJECT &&
	    !jv_object_has(jv_copy(rep->due), due_key(stock))) {
		jv_free(stock);
		return BIZ_OK;
	}
	if ((holds = cli_where(rep->cli, stock)) <= 0) {
		jv_free(stock);
		return holds < 0 ? BIZ_DATAERR : BIZ_OK;
	}
	if (table && (status = add_to_totals(rep, stock)) != BIZ_OK) {
		jv_free(stock);
		return status;
	}
	jv_free(stock);
	cli_print_json(rep->cli, json, len);
	return status;
}

static int run_stock(struct cli *cli, void *arg)
{
	struct report *rep = arg;
	struct stock_filter filter = { NULL, NULL, 0, NULL, 0, 0, NULL };
	struct reorder_options reorder = { NULL, 90, 9500, 0, 0 };
	char **args;
	int c, status;

	while ((c = cli_next_option(cli)) != -1) {
		switch (c) {
		case OPT_SKU: filter.sku = optarg; break;
		case OPT_WH: filter.wh = optarg; break;
		case OPT_LOTS: filter.lots = 1; break;
		case OPT_AT:
			filter.at = cli_date(cli, "--at", optarg, DATE_LAST);
			break;
		case OPT_BELOW_REORDER: filter.all_items = 1; break;
		case OPT_ALL: filter.all = 1; break;
		}
	}
	if (cli_args(cli, &args) != 0)
		cli_usage_error(cli, "unexpected argument '%s'", args[0]);
	if (filter.all_items && (filter.lots || filter.at))
		cli_usage_error(cli, "--below-reorder is of stock now, per "
				"item: not with --lots or --at");
	if (filter.all && (filter.lots || filter.at || filter.all_items))
		cli_usage_error(cli, "--all lists every item in every "
				"warehouse now: not with --lots, --at or "
				"--below-reorder");
	cli_db(cli);
	rep->cli = cli;
	/* The total row, marked so: the table prints it, else --total. */
	if (cli_format(cli) == FORMAT_TABLE || cli->output.totals) {
		rep->totals = jv_object();
		rec_set_str(&rep->totals, "sku", "TOTAL");
		rep->value = 0;
		filter.value = &rep->row_value;
	}
	/* Below reorder: what inv-reorder finds due, by its figures. */
	status = BIZ_OK;
	if (filter.all_items) {
		rep->due = jv_object();
		reorder.wh = filter.wh;
		status = reorder_run(cli_db(cli), &reorder, &rep->due_sink);
	}
	if (!status)
		status = stock_each(cli_db(cli), &filter, &rep->sink);
	jv_free(rep->due);
	rep->due = jv_null();
	if (status == BIZ_OK && jv_get_kind(rep->totals) == JV_KIND_OBJECT) {
		rec_set(&rep->totals, "value",
			dec_to_jv(rep->value, cli_db(cli)->money_scale));
		rec_set(&rep->totals, "total", jv_true());
		cli_print(cli, rep->totals);
	}
	else
		jv_free(rep->totals);
	rep->totals = jv_null();
	return status;
}

/* The database is opened once the options are checked (64 first). */
static const struct cli_verb verbs[] = {
	{ NULL, run_stock, "", options,
	  "inv-stock [--sku S] [--wh W] [--lots] [--at DATE] "
	  "[--below-reorder] [--all]\n", 0 },
	{ NULL, NULL, NULL, NULL, NULL, 0 }
};

int cmd_inv_stock(int argc, char **argv)
{
	struct report rep = { { print_stock }, NULL, jv_null(), 0, 0,
			      jv_null(), { keep_due } };

	return cli_run_verbs(argc, argv, verbs, &rep);
}
