/* crm-rep - add, list, change and deactivate sales reps. */
#include <string.h>

#include "cli.h"
#include "commands.h"
#include "crm.h"
#include "record.h"

static const char usage[] =
	"usage: crm-rep add HANDLE --name N [--email E] [--region R[,R]] "
	"[--industry I[,I]]\n"
	"               [--capacity N] [--weight W] [--team T]\n"
	"       crm-rep set HANDLE [--name N] [--email E] [--region R[,R]] "
	"[--industry I[,I]]\n"
	"               [--capacity N|none] [--weight W] [--team T] "
	"[--active]\n"
	"       crm-rep list [--all]\n"
	"       crm-rep show HANDLE\n"
	"       crm-rep deactivate HANDLE\n";

enum {
	OPT_NAME = CLI_FIRST_OWN, OPT_EMAIL, OPT_REGION, OPT_INDUSTRY,
	OPT_CAPACITY, OPT_WEIGHT, OPT_TEAM, OPT_ALL, OPT_ACTIVE
};

static const struct option options[] = {
	{ "name", required_argument, NULL, OPT_NAME },
	{ "email", required_argument, NULL, OPT_EMAIL },
	{ "region", required_argument, NULL, OPT_REGION },
	{ "industry", required_argument, NULL, OPT_INDUSTRY },
	{ "capacity", required_argument, NULL, OPT_CAPACITY },
	{ "weight", required_argument, NULL, OPT_WEIGHT },
	{ "team", required_argument, NULL, OPT_TEAM },
	{ "all", no_argument, NULL, OPT_ALL },
	{ "active", no_argument, NULL, OPT_ACTIVE },
	CLI_OPTIONS
};

struct request {
	const char *verb, *handle;
	jv fields;
};

/* Hands req->fields over to the library: the caller frees what is left. */
static int write_rep(struct db *db, void *arg, jv *record)
{
	struct request *req = arg;
	jv fields = req->fields;

	req->fields = jv_null();
	if (!strcmp(req->verb, "add")) {
		rec_set_str(&fields, "handle", req->handle);
		return rep_add(db, fields, record);
	}
	return rep_set(db, req->handle, fields, record);
}

int cmd_crm_rep(int argc, char **argv)
{
	struct cli cli;
	struct request req = { NULL, NULL, jv_object() };
	int c, all = 0, nargs, status;
	char **args;
	jv record;

	cli_start(&cli, argc, argv, usage);
	while ((c = cli_getopt(&cli, "", options)) != -1) {
		static const char *const names[] = {
			[OPT_NAME - CLI_FIRST_OWN] = "name",
			[OPT_EMAIL - CLI_FIRST_OWN] = "email",
			[OPT_REGION - CLI_FIRST_OWN] = "regions",
			[OPT_INDUSTRY - CLI_FIRST_OWN] = "industries",
			[OPT_CAPACITY - CLI_FIRST_OWN] = "capacity",
			[OPT_WEIGHT - CLI_FIRST_OWN] = "weight",
			[OPT_TEAM - CLI_FIRST_OWN] = "team",
		};

		if (c == OPT_ALL)
			all = 1;
		else if (c == OPT_ACTIVE)
			rec_set(&req.fields, "active", jv_true());
		else if (c == OPT_CAPACITY && !strcmp(optarg, "none"))
			rec_set(&req.fields, "capacity", jv_null());
		else
			rec_set_str(&req.fields, names[c - CLI_FIRST_OWN],
				    optarg);
	}
	nargs = cli_args(&cli, &args);
	if (nargs < 1)
		cli_usage_error(&cli, "a subcommand is needed");
	req.verb = args[0];
	if (!strcmp(req.verb, "list")) {
		if (nargs != 1)
			cli_usage_error(&cli, "list takes no arguments");
		cli_output(&cli);
		status = rep_each(cli_db(&cli), all, cli_print_where, &cli);
	} else if (!strcmp(req.verb, "add") || !strcmp(req.verb, "set") ||
		   !strcmp(req.verb, "show") ||
		   !strcmp(req.verb, "deactivate")) {
		if (nargs != 2)
			cli_usage_error(&cli, "%s needs one HANDLE", req.verb);
		req.handle = args[1];
		if (!strcmp(req.verb, "show")) {
			status = rep_get(cli_db(&cli), req.handle, &record);
			if (status == BIZ_OK)
				cli_print(&cli, record);
		} else {
			if (!strcmp(req.verb, "deactivate"))
				rec_set(&req.fields, "active", jv_false());
			status = cli_write(&cli, write_rep, &req);
		}
	} else {
		cli_usage_error(&cli, "unknown subcommand '%s'", req.verb);
	}
	jv_free(req.fields);
	return cli_finish(&cli, status);
}
