/* crm-lead - add, import, list, show, change and convert leads. */

#include "cli.h"
#include "commands.h"
#include "crm.h"
#include "record.h"

enum {
	OPT_NAME = CLI_FIRST_OWN, OPT_COMPANY, OPT_EMAIL, OPT_PHONE,
	OPT_SOURCE, OPT_EXTERNAL_ID, OPT_REGION, OPT_INDUSTRY, OPT_SIZE,
	OPT_STATUS, OPT_SET, OPT_OWNER, OPT_UNASSIGNED, OPT_LIMIT,
	OPT_UNROUTABLE, OPT_MAP
};

#define FIELD_OPTIONS                                                   \
	{ "name", required_argument, NULL, OPT_NAME },                  \
	{ "company", required_argument, NULL, OPT_COMPANY },            \
	{ "email", required_argument, NULL, OPT_EMAIL },                \
	{ "phone", required_argument, NULL, OPT_PHONE },                \
	{ "source", required_argument, NULL, OPT_SOURCE },              \
	{ "external-id", required_argument, NULL, OPT_EXTERNAL_ID },    \
	{ "region", required_argument, NULL, OPT_REGION },              \
	{ "industry", required_argument, NULL, OPT_INDUSTRY },          \
	{ "size", required_argument, NULL, OPT_SIZE },                  \
	{ "set", required_argument, NULL, OPT_SET }

static const struct option add_options[] = { FIELD_OPTIONS, CLI_OPTIONS };
static const struct option set_options[] = {
	FIELD_OPTIONS,
	{ "status", required_argument, NULL, OPT_STATUS },
	CLI_OPTIONS
};
static const struct option import_options[] = {
	{ "set", required_argument, NULL, OPT_SET },
	{ "map", required_argument, NULL, OPT_MAP },
	CLI_OPTIONS
};
static const struct option list_options[] = {
	{ "status", required_argument, NULL, OPT_STATUS },
	{ "owner", required_argument, NULL, OPT_OWNER },
	{ "unassigned", no_argument, NULL, OPT_UNASSIGNED },
	{ "unroutable", no_argument, NULL, OPT_UNROUTABLE },
	{ "source", required_argument, NULL, OPT_SOURCE },
	CLI_OPTIONS
};

/* The record field each field option sets. */
static const char *const option_fields[] = {
	[OPT_NAME - CLI_FIRST_OWN] = "name",
	[OPT_COMPANY - CLI_FIRST_OWN] = "company",
	[OPT_EMAIL - CLI_FIRST_OWN] = "email",
	[OPT_PHONE - CLI_FIRST_OWN] = "phone",
	[OPT_SOURCE - CLI_FIRST_OWN] = "source",
	[OPT_EXTERNAL_ID - CLI_FIRST_OWN] = "external_id",
	[OPT_REGION - CLI_FIRST_OWN] = "region",
	[OPT_INDUSTRY - CLI_FIRST_OWN] = "industry",
	[OPT_SIZE - CLI_FIRST_OWN] = "size",
	[OPT_STATUS - CLI_FIRST_OWN] = "status",
};

struct request {
	int64_t id;
	jv fields;		/* from the options */
	jv sets;		/* from --set, applied last */
	struct cli *cli;
	struct lead_filter filter;
};

/* The options' fields with --set's custom fields on top (consumed). */
static jv request_fields(struct request *req)
{
	jv fields = jv_object_merge(req->fields, req->sets);

	req->fields = req->sets = jv_null();
	return fields;
}

static int add_lead(struct db *db, void *arg, jv *record)
{
	struct request *req = arg;

	(void)record;
	return lead_upsert(db, request_fields(req), cli_sink(req->cli));
}

static int set_lead(struct db *db, void *arg, jv *record)
{
	struct request *req = arg;

	(void)record;
	return lead_set(db, req->id, request_fields(req), cli_sink(req->cli));
}

/* An imported record takes --set's fields where it has none of its own. */
static int import_lead(struct db *db, jv record, jv *out, void *arg)
{
	struct request *req = arg;

	(void)out;
	/* A column that becomes a custom field is named once (not -q). */
	cli_note_custom(req->cli, record, lead_field_known);
	if (jv_object_length(jv_copy(req->sets)))
		record = jv_object_merge(jv_copy(req->sets), record);
	return lead_upsert(db, record, cli_sink(req->cli));
}

static int64_t lead_id(struct cli *cli, const char *text)
{
	return cli_integer(cli, "ID", text, 1, INT64_MAX);
}

/* Reads the verb's options into req; field options set req->fields. */
static void read_options(struct cli *cli, struct request *req)
{
	int c;

	req->fields = jv_object();
	req->sets = jv_object();
	req->cli = cli;
	while ((c = cli_next_option(cli)) != -1) {
		switch (c) {
		case OPT_SET:
			cli_set_field(cli, &req->sets, optarg);
			break;
		case OPT_MAP:
			cli_map_option(cli, optarg);
			break;
		case OPT_OWNER:
			req->filter.owner = optarg;
			break;
		case OPT_UNASSIGNED:
			req->filter.unassigned = 1;
			break;
		case OPT_UNROUTABLE:
			req->filter.unroutable = 1;
			break;
		default:
			if (c == OPT_STATUS) {
				cli_choice(cli, "--status", optarg,
					   lead_status_names);
				req->filter.status = optarg;
			}
			if (c == OPT_SOURCE)
				req->filter.source = optarg;
			cli_option_field(&req->fields, option_fields, c,
					 optarg);
		}
	}
}

static void request_release(struct request *req)
{
	jv_free(req->fields);
	jv_free(req->sets);
}

static int run_add(struct cli *cli, void *arg)
{
	struct request *req = arg;
	char **args;
	int status;

	read_options(cli, req);
	cli_operands(cli, 0, 0, &args);
	status = cli_write(cli, add_lead, req);
	request_release(req);
	return status;
}

static int run_import(struct cli *cli, void *arg)
{
	struct request *req = arg;
	char **args;
	int n, status;

	read_options(cli, req);
	n = cli_operands(cli, 0, 1, &args);
	status = cli_batch(cli, n ? args[0] : "-", import_lead, req);
	request_release(req);
	return status;
}

static int run_list(struct cli *cli, void *arg)
{
	struct request *req = arg;
	char **args;
	int status;

	read_options(cli, req);
	cli_operands(cli, 0, 0, &args);
	cli_output(cli);
	status = lead_each(cli_db(cli), &req->filter, cli_sink(cli));
	request_release(req);
	return status;
}

static int run_show(struct cli *cli, void *arg)
{
	struct request *req = arg;
	char **args;
	int status;

	read_options(cli, req);
	cli_operands(cli, 1, 1, &args);
	status = lead_get(cli_db(cli), lead_id(cli, args[0]), cli_sink(cli));
	request_release(req);
	return status;
}

static int run_set(struct cli *cli, void *arg)
{
	struct request *req = arg;
	char **args;
	int status;

	read_options(cli, req);
	cli_operands(cli, 1, 1, &args);
	req->id = lead_id(cli, args[0]);
	status = cli_write(cli, set_lead, req);
	request_release(req);
	return status;
}

/* ---- convert --------------------------------------------------------- */

enum { OPT_CUSTOMER = OPT_MAP + 1, OPT_AMOUNT, OPT_TITLE, OPT_CLOSE };

static const struct option convert_options[] = {
	{ "customer", required_argument, NULL, OPT_CUSTOMER },
	{ "amount", required_argument, NULL, OPT_AMOUNT },
	{ "title", required_argument, NULL, OPT_TITLE },
	{ "close", required_argument, NULL, OPT_CLOSE },
	CLI_OPTIONS
};

struct conversion {
	int64_t id;
	struct lead_conversion c;
};

static int convert_lead(struct db *db, void *arg, jv *record)
{
	struct conversion *conv = arg;

	return lead_convert(db, conv->id, &conv->c, record);
}

static int run_convert(struct cli *cli, void *arg)
{
	struct conversion conv = { 0 };
	char **args;
	int c;

	(void)arg;
	while ((c = cli_next_option(cli)) != -1) {
		if (c == OPT_CUSTOMER)
			conv.c.customer = cli_integer(cli, "--customer",
						      optarg, 1, INT64_MAX);
		else if (c == OPT_AMOUNT)
			conv.c.amount = optarg;
		else if (c == OPT_TITLE)
			conv.c.title = optarg;
		else
			conv.c.close = cli_data_date(cli, "--close", optarg,
						     DATE_LAST);
	}
	cli_operands(cli, 1, 1, &args);
	conv.id = lead_id(cli, args[0]);
	return cli_write(cli, convert_lead, &conv);
}

static const struct cli_verb verbs[] = {
	{ "add", run_add, "", add_options,
	  "crm-lead add --name N [--company C] [--email E] [--phone P] "
	  "[--source S]\n"
	  "                [--external-id X] [--region R] [--industry I] "
	  "[--size N] [--set k=v]...\n", CLI_NEEDS_DB | CLI_WRITES },
	{ "import", run_import, "", import_options,
	  "crm-lead import [--set k=v]... [--map HEADER=field]... [FILE|-]\n",
	  CLI_NEEDS_DB | CLI_WRITES },
	{ "list", run_list, "", list_options,
	  "crm-lead list [--status S] [--owner H] [--unassigned] "
	  "[--unroutable] [--source S] [--limit N]\n", CLI_NEEDS_DB },
	{ "show", run_show, "", NULL, "crm-lead show ID\n", CLI_NEEDS_DB },
	{ "set", run_set, "", set_options,
	  "crm-lead set ID [--name N] ... [--status S] [--set k=v]...\n",
	  CLI_NEEDS_DB | CLI_WRITES },
	{ "convert", run_convert, "", convert_options,
	  "crm-lead convert ID [--customer ID] [--amount A] [--title T] "
	  "[--close DATE]\n", CLI_NEEDS_DB | CLI_WRITES },
	{ NULL, NULL, NULL, NULL, NULL, 0 }
};

int cmd_crm_lead(int argc, char **argv)
{
	struct request req = { 0 };

	return cli_run_verbs(argc, argv, verbs, &req);
}
