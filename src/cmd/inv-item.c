/* inv-item - add, import, list, show and change items and variants. */
#include <string.h>

#include "cli.h"
#include "commands.h"
#include "item.h"
#include "record.h"

enum {
	OPT_NAME = CLI_FIRST_OWN, OPT_UNIT, OPT_TRACKING, OPT_COSTING,
	OPT_BARCODE, OPT_VARIANT_OF, OPT_LEAD_TIME, OPT_LEAD_TIME_SD,
	OPT_SERVICE_LEVEL, OPT_MIN, OPT_MAX, OPT_MULTIPLE, OPT_SUPPLIER,
	OPT_ATTR, OPT_SET, OPT_MAP
};

static const struct option import_options[] = {
	{ "map", required_argument, NULL, OPT_MAP },
	CLI_OPTIONS
};

/* add and set: every field of an item. */
static const struct option field_options[] = {
	{ "name", required_argument, NULL, OPT_NAME },
	{ "unit", required_argument, NULL, OPT_UNIT },
	{ "tracking", required_argument, NULL, OPT_TRACKING },
	{ "costing", required_argument, NULL, OPT_COSTING },
	{ "barcode", required_argument, NULL, OPT_BARCODE },
	{ "variant-of", required_argument, NULL, OPT_VARIANT_OF },
	{ "lead-time", required_argument, NULL, OPT_LEAD_TIME },
	{ "lead-time-sd", required_argument, NULL, OPT_LEAD_TIME_SD },
	{ "service-level", required_argument, NULL, OPT_SERVICE_LEVEL },
	{ "min", required_argument, NULL, OPT_MIN },
	{ "max", required_argument, NULL, OPT_MAX },
	{ "multiple", required_argument, NULL, OPT_MULTIPLE },
	{ "supplier", required_argument, NULL, OPT_SUPPLIER },
	{ "attr", required_argument, NULL, OPT_ATTR },
	{ "set", required_argument, NULL, OPT_SET },
	CLI_OPTIONS
};

static const struct option list_options[] = {
	{ "attr", required_argument, NULL, OPT_ATTR },
	{ "variant-of", required_argument, NULL, OPT_VARIANT_OF },
	CLI_OPTIONS
};

/* The record field each field option sets. */
static const char *const option_fields[] = {
	[OPT_NAME - CLI_FIRST_OWN] = "name",
	[OPT_UNIT - CLI_FIRST_OWN] = "unit",
	[OPT_TRACKING - CLI_FIRST_OWN] = "tracking",
	[OPT_COSTING - CLI_FIRST_OWN] = "costing",
	[OPT_BARCODE - CLI_FIRST_OWN] = "barcode",
	[OPT_VARIANT_OF - CLI_FIRST_OWN] = "parent",
	[OPT_LEAD_TIME - CLI_FIRST_OWN] = "lead_time",
	[OPT_LEAD_TIME_SD - CLI_FIRST_OWN] = "lead_time_sd",
	[OPT_SERVICE_LEVEL - CLI_FIRST_OWN] = "service_level",
	[OPT_MIN - CLI_FIRST_OWN] = "min",
	[OPT_MAX - CLI_FIRST_OWN] = "max",
	[OPT_MULTIPLE - CLI_FIRST_OWN] = "multiple",
	[OPT_SUPPLIER - CLI_FIRST_OWN] = "supplier",
};

struct request {
	const char *verb, *sku;
	jv fields;
};

static int write_item(struct db *db, void *arg, jv *record)
{
	struct request *req = arg;
	jv fields = req->fields;

	req->fields = jv_null();
	if (!strcmp(req->verb, "add")) {
		rec_set_str(&fields, "sku", req->sku);
		return item_add(db, fields, record);
	}
	return item_set(db, req->sku, fields, record);
}

static int import_item(struct db *db, jv record, jv *out, void *arg)
{
	if (jv_get_kind(record) != JV_KIND_OBJECT) {
		jv_free(record);
		return biz_fail(BIZ_DATAERR, "a record is needed");
	}
	/* A column that becomes a custom field is named once (not -q). */
	cli_note_custom(arg, record, item_field_known);
	return item_import(db, record, out);
}

/*
 * Reads the verb's options: fields into req->fields, --attr into
 * *attrs and --set into *extra (objects once given), --variant-of also
 * into filter.
 */
static void read_options(struct cli *cli, struct request *req,
			 struct item_filter *filter, jv *attrs, jv *extra)
{
	int c;

	while ((c = cli_next_option(cli)) != -1) {
		if (c == OPT_ATTR) {
			if (jv_get_kind(*attrs) != JV_KIND_OBJECT)
				*attrs = jv_object();
			cli_key_value(cli, "--attr", optarg, attrs);
		} else if (c == OPT_SET) {
			if (jv_get_kind(*extra) != JV_KIND_OBJECT)
				*extra = jv_object();
			cli_set_field(cli, extra, optarg);
		} else {
			if (c == OPT_VARIANT_OF)
				filter->parent = optarg;
			if (c == OPT_TRACKING)
				cli_choice(cli, "--tracking", optarg,
					   item_trackings);
			if (c == OPT_COSTING)
				cli_choice(cli, "--costing", optarg,
					   item_costings);
			cli_option_field(&req->fields, option_fields, c,
					 optarg);
		}
	}
}

/* add SKU and set SKU: the fields given, in one transaction. */
static int run_write(struct cli *cli, struct request *req)
{
	struct item_filter filter = { NULL, jv_null() };
	jv attrs = jv_null(), extra = jv_null();
	char **args;

	read_options(cli, req, &filter, &attrs, &extra);
	if (cli_args(cli, &args) != 1)
		cli_usage_error(cli, "%s needs one SKU", req->verb);
	if (!strcmp(req->verb, "add") && !rec_has(req->fields, "name"))
		cli_usage_error(cli, "add needs --name");
	if (jv_get_kind(attrs) == JV_KIND_OBJECT)
		rec_set(&req->fields, "attrs", attrs);
	else
		jv_free(attrs);
	if (jv_get_kind(extra) == JV_KIND_OBJECT)
		rec_set(&req->fields, "extra", extra);
	else
		jv_free(extra);
	req->sku = args[0];
	return cli_write(cli, write_item, req);
}

static int run_add(struct cli *cli, void *arg)
{
	struct request *req = arg;

	req->verb = "add";
	return run_write(cli, req);
}

static int run_set(struct cli *cli, void *arg)
{
	struct request *req = arg;

	req->verb = "set";
	return run_write(cli, req);
}

static int run_import(struct cli *cli, void *arg)
{
	char **args;
	int nargs;

	(void)arg;
	while (cli_next_option(cli) != -1)
		cli_map_option(cli, optarg);	/* --map, the only own option */
	nargs = cli_args(cli, &args);
	if (nargs > 1)
		cli_usage_error(cli, "import takes one FILE");
	return cli_batch(cli, nargs ? args[0] : "-", import_item, cli);
}

static int run_list(struct cli *cli, void *arg)
{
	struct item_filter filter = { NULL, jv_null() };
	jv extra = jv_null();
	char **args;
	int status;

	read_options(cli, arg, &filter, &filter.attrs, &extra);
	jv_free(extra);
	if (cli_args(cli, &args) != 0)
		cli_usage_error(cli, "list takes no arguments");
	cli_output(cli);
	status = item_each(cli_db(cli), &filter, cli_sink(cli));
	jv_free(filter.attrs);
	return status;
}

static int run_show(struct cli *cli, void *arg)
{
	char **args;
	jv record;
	int status;

	(void)arg;
	while (cli_next_option(cli) != -1)
		;
	if (cli_args(cli, &args) != 1)
		cli_usage_error(cli, "show needs one SKU");
	status = item_get(cli_db(cli), args[0], &record);
	if (status == BIZ_OK)
		cli_print(cli, record);
	return status;
}

/*
 * The database is opened after the arguments are checked (no
 * CLI_NEEDS_DB): a usage error is 64 even without a database.
 */
static const struct cli_verb verbs[] = {
	{ "add", run_add, "", field_options,
	  "inv-item add SKU --name N [--unit U] [--tracking none|lot|serial]\n"
	  "                [--costing fifo|avco] [--barcode B] "
	  "[--variant-of SKU --attr k=v...]\n"
	  "                [--lead-time DAYS] [--lead-time-sd DAYS] "
	  "[--service-level P]\n"
	  "                [--min Q] [--max Q] [--multiple Q] [--supplier S] "
	  "[--set k=v...]\n", CLI_WRITES },
	{ "import", run_import, "", import_options,
	  "inv-item import [--map HEADER=field]... [FILE|-]\n",
	  CLI_WRITES },
	{ "list", run_list, "", list_options,
	  "inv-item list [--attr k=v...] [--variant-of SKU]\n", 0 },
	{ "show", run_show, "", NULL, "inv-item show SKU\n", 0 },
	{ "set", run_set, "", field_options,
	  "inv-item set SKU [--name N] [--unit U] ... [--set k=v...]\n",
	  CLI_WRITES },
	{ NULL, NULL, NULL, NULL, NULL, 0 }
};

int cmd_inv_item(int argc, char **argv)
{
	struct request req = { NULL, NULL, jv_object() };
	int status = cli_run_verbs(argc, argv, verbs, &req);

	jv_free(req.fields);
	return status;
}
