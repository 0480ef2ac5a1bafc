/* inv-stock - stock on hand, available and its value, now or at a date. */
#include <string.h>

#include "cli.h"
#include "commands.h"
#include "decimal.h"
#include "record.h"
#include "stock.h"

static const char usage[] =
	"usage: inv-stock [--sku S] [--wh W] [--lots] [--at DATE] "
	"[--below-reorder] [--all]\n";

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

/*
 * The fields summed into the total row: value only, since quantities of
 * different units (kilograms, pieces) do not add up.
 */
static const char *const summed[] = { "value", NULL };

struct report {
	struct cli *cli;
	jv totals;	/* the total row, "total": true */
	int scales[1];
	int all;	/* --all: rows with nothing on hand, reserved, ordered */
};

static int add_to_totals(struct report *rep, jv stock)
{
	for (int i = 0; summed[i]; i++) {
		int64_t have, add;

		if (dec_from_jv(jv_object_get(jv_copy(rep->totals),
					      jv_string(summed[i])),
				rep->scales[i], &have) ||
		    dec_from_jv(jv_object_get(jv_copy(stock),
					      jv_string(summed[i])),
				rep->scales[i], &add))
			return biz_fail(BIZ_INTERNAL, "totals overflow");
		rec_set(&rep->totals, summed[i],
			dec_to_jv(have + add, rep->scales[i]));
	}
	return BIZ_OK;
}

/* Whether anything is on hand, reserved or on order in stock. */
static int stock_has_any(jv stock)
{
	static const char *const fields[] = { "on_hand", "reserved",
					      "on_order", NULL };
	int any = 0;

	for (int i = 0; fields[i]; i++) {
		jv v = jv_object_get(jv_copy(stock), jv_string(fields[i]));

		any |= jv_get_kind(v) == JV_KIND_NUMBER &&
		       jv_number_value(v) != 0;
		jv_free(v);
	}
	return any;
}

static int print_stock(jv stock, void *arg)
{
	struct report *rep = arg;
	int status = BIZ_OK;

	if (!rep->all && !stock_has_any(stock)) {
		jv_free(stock);
		return BIZ_OK;
	}
	if (!cli_where(rep->cli, stock)) {
		jv_free(stock);
		return BIZ_OK;
	}
	status = add_to_totals(rep, stock);
	cli_print(rep->cli, stock);
	return status;
}

int cmd_inv_stock(int argc, char **argv)
{
	struct cli cli;
	struct stock_filter filter = { NULL, NULL, 0, NULL, 0 };
	struct report rep = { &cli, jv_null(), { 0 }, 0 };
	char **args;
	int c, status;

	cli_start(&cli, argc, argv, usage);
	while ((c = cli_getopt(&cli, "", options)) != -1) {
		switch (c) {
		case OPT_SKU: filter.sku = optarg; break;
		case OPT_WH: filter.wh = optarg; break;
		case OPT_LOTS: filter.lots = 1; break;
		case OPT_AT:
			filter.at = cli_date(&cli, "--at", optarg, DATE_LAST);
			break;
		case OPT_BELOW_REORDER: filter.below_reorder = 1; break;
		case OPT_ALL: rep.all = 1; break;
		}
	}
	if (cli_args(&cli, &args) != 0)
		cli_usage_error(&cli, "unexpected argument '%s'", args[0]);
	cli_db(&cli);
	rep.totals = jv_object();
	rec_set_str(&rep.totals, "sku", "TOTAL");
	rep.scales[0] = cli.db->money_scale;
	rec_set(&rep.totals, "value", dec_to_jv(0, rep.scales[0]));
	status = stock_each(cli.db, &filter, print_stock, &rep);
	rec_set(&rep.totals, "total", jv_true());
	if (status == BIZ_OK)
		cli_print(&cli, rep.totals);
	else
		jv_free(rep.totals);
	return cli_finish(&cli, status);
}
