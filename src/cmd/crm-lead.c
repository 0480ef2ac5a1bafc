/* crm-lead - add, import, list, show and change leads. */
#include <string.h>

#include "cli.h"
#include "commands.h"
#include "crm.h"
#include "record.h"

static const char usage[] =
	"usage: crm-lead add --name N [--company C] [--email E] [--phone P] "
	"[--source S]\n"
	"                [--external-id X] [--region R] [--industry I] "
	"[--size N] [--set k=v]...\n"
	"       crm-lead import [FILE|-]\n"
	"       crm-lead list [--status S] [--owner H] [--unassigned] "
	"[--source S] [--limit N]\n"
	"       crm-lead show ID\n"
	"       crm-lead set ID [--name N] ... [--status S] [--set k=v]...\n";

enum {
	OPT_NAME = CLI_FIRST_OWN, OPT_COMPANY, OPT_EMAIL, OPT_PHONE,
	OPT_SOURCE, OPT_EXTERNAL_ID, OPT_REGION, OPT_INDUSTRY, OPT_SIZE,
	OPT_STATUS, OPT_SET, OPT_OWNER, OPT_UNASSIGNED, OPT_LIMIT
};

static const struct option options[] = {
	{ "name", required_argument, NULL, OPT_NAME },
	{ "company", required_argument, NULL, OPT_COMPANY },
	{ "email", required_argument, NULL, OPT_EMAIL },
	{ "phone", required_argument, NULL, OPT_PHONE },
	{ "source", required_argument, NULL, OPT_SOURCE },
	{ "external-id", required_argument, NULL, OPT_EXTERNAL_ID },
	{ "region", required_argument, NULL, OPT_REGION },
	{ "industry", required_argument, NULL, OPT_INDUSTRY },
	{ "size", required_argument, NULL, OPT_SIZE },
	{ "status", required_argument, NULL, OPT_STATUS },
	{ "set", required_argument, NULL, OPT_SET },
	{ "owner", required_argument, NULL, OPT_OWNER },
	{ "unassigned", no_argument, NULL, OPT_UNASSIGNED },
	{ "limit", required_argument, NULL, OPT_LIMIT },
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
	int64_t printed;
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
	return lead_upsert(db, request_fields(arg), record);
}

static int set_lead(struct db *db, void *arg, jv *record)
{
	struct request *req = arg;

	return lead_set(db, req->id, request_fields(req), record);
}

/*
 * An imported record takes --set's fields where it has none of its own.
 * The lead comes back as JSON text, printed here rather than as *out.
 */
static int import_lead(struct db *db, jv record, jv *out, void *arg)
{
	static struct strbuf text;
	struct request *req = arg;
	int status;

	(void)out;
	if (jv_object_length(jv_copy(req->sets)))
		record = jv_object_merge(jv_copy(req->sets), record);
	status = lead_import(db, record, &text);
	if (status == BIZ_OK)
		cli_print_json(req->cli, text.buf, text.len);
	return status;
}

static int print_lead(jv lead, void *arg)
{
	struct request *req = arg;

	lead = lead_public(lead);
	if (!cli_where(req->cli, lead)) {
		jv_free(lead);
		return 0;
	}
	cli_print(req->cli, lead);
	return req->filter.limit && ++req->printed >= req->filter.limit;
}

static int64_t lead_id(struct cli *cli, const char *text)
{
	return cli_integer(cli, "ID", text, 1, INT64_MAX);
}

int cmd_crm_lead(int argc, char **argv)
{
	struct cli cli;
	struct request req = { 0 };
	const char *verb;
	char **args;
	int c, nargs, status = BIZ_OK;
	jv record;

	req.fields = jv_object();
	req.sets = jv_object();
	req.cli = &cli;
	cli_start(&cli, argc, argv, usage);
	while ((c = cli_getopt(&cli, "", options)) != -1) {
		const char *eq;

		switch (c) {
		case OPT_SET:
			eq = strchr(optarg, '=');
			if (!eq || eq == optarg)
				cli_usage_error(&cli, "--set: '%s' is not "
						"key=value", optarg);
			req.sets = jv_object_set(req.sets,
					jv_string_sized(optarg, eq - optarg),
					jv_string(eq + 1));
			break;
		case OPT_OWNER:
			req.filter.owner = optarg;
			break;
		case OPT_UNASSIGNED:
			req.filter.unassigned = 1;
			break;
		case OPT_LIMIT:
			req.filter.limit = cli_integer(&cli, "--limit", optarg,
						       1, INT64_MAX);
			break;
		default:
			if (c == OPT_STATUS)
				req.filter.status = optarg;
			if (c == OPT_SOURCE)
				req.filter.source = optarg;
			rec_set_str(&req.fields, option_fields[c - CLI_FIRST_OWN],
				    optarg);
		}
	}
	nargs = cli_args(&cli, &args);
	if (nargs < 1)
		cli_usage_error(&cli, "a subcommand is needed");
	verb = args[0];
	if (!strcmp(verb, "add") && nargs == 1) {
		if (rec_has(req.fields, "status"))
			cli_usage_error(&cli, "add takes no --status");
		status = cli_write(&cli, add_lead, &req);
	} else if (!strcmp(verb, "import") && nargs <= 2) {
		if (jv_object_length(jv_copy(req.fields)))
			cli_usage_error(&cli, "import takes its fields from "
					"the records (or --set)");
		cli_db(&cli);
		status = cli_batch(&cli, nargs == 2 ? args[1] : "-",
				   import_lead, &req);
	} else if (!strcmp(verb, "list") && nargs == 1) {
		cli_output(&cli);
		status = lead_each(cli_db(&cli), &req.filter, print_lead, &req);
	} else if (!strcmp(verb, "show") && nargs == 2) {
		status = lead_get(cli_db(&cli), lead_id(&cli, args[1]),
				  &record);
		if (status == BIZ_OK)
			cli_print(&cli, lead_public(record));
	} else if (!strcmp(verb, "set") && nargs == 2) {
		req.id = lead_id(&cli, args[1]);
		status = cli_write(&cli, set_lead, &req);
	} else if (!strcmp(verb, "add") || !strcmp(verb, "import") ||
		   !strcmp(verb, "list") || !strcmp(verb, "show") ||
		   !strcmp(verb, "set")) {
		cli_usage_error(&cli, "wrong arguments for %s", verb);
	} else {
		cli_usage_error(&cli, "unknown subcommand '%s'", verb);
	}
	jv_free(req.fields);
	jv_free(req.sets);
	return cli_finish(&cli, status);
}
