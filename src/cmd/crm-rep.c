/* crm-rep - add, list, change and deactivate sales reps. */
#include <string.h>

#include "cli.h"
#include "commands.h"
#include "crm.h"
#include "record.h"

enum {
	OPT_NAME = CLI_FIRST_OWN, OPT_EMAIL, OPT_REGION, OPT_INDUSTRY,
	OPT_CAPACITY, OPT_WEIGHT, OPT_TEAM, OPT_ALL, OPT_ACTIVE
};

#define FIELD_OPTIONS                                                   \
	{ "name", required_argument, NULL, OPT_NAME },                  \
	{ "email", required_argument, NULL, OPT_EMAIL },                \
	{ "region", required_argument, NULL, OPT_REGION },              \
	{ "industry", required_argument, NULL, OPT_INDUSTRY },          \
	{ "capacity", required_argument, NULL, OPT_CAPACITY },          \
	{ "weight", required_argument, NULL, OPT_WEIGHT },              \
	{ "team", required_argument, NULL, OPT_TEAM }

static const struct option add_options[] = { FIELD_OPTIONS, CLI_OPTIONS };
static const struct option set_options[] = {
	FIELD_OPTIONS,
	{ "active", no_argument, NULL, OPT_ACTIVE },
	CLI_OPTIONS
};
static const struct option list_options[] = {
	{ "all", no_argument, NULL, OPT_ALL },
	CLI_OPTIONS
};

/* The record field each field option sets. */
static const char *const option_fields[] = {
	[OPT_NAME - CLI_FIRST_OWN] = "name",
	[OPT_EMAIL - CLI_FIRST_OWN] = "email",
	[OPT_REGION - CLI_FIRST_OWN] = "regions",
	[OPT_INDUSTRY - CLI_FIRST_OWN] = "industries",
	[OPT_CAPACITY - CLI_FIRST_OWN] = "capacity",
	[OPT_WEIGHT - CLI_FIRST_OWN] = "weight",
	[OPT_TEAM - CLI_FIRST_OWN] = "team",
};

struct request {
	struct cli *cli;
	const char *handle;
	int add, all;
	jv fields;
};

/* Hands req->fields over to the library. */
static int write_rep(struct db *db, void *arg, jv *record)
{
	struct request *req = arg;
	jv fields = req->fields;

	(void)record;
	req->fields = jv_null();
	if (req->add) {
		rec_set_str(&fields, "handle", req->handle);
		return rep_add(db, fields, cli_sink(req->cli));
	}
	return rep_set(db, req->handle, fields, cli_sink(req->cli));
}

/* Reads the verb's options into req, and its one HANDLE (need: 1). */
static void read_options(struct cli *cli, struct request *req, int need)
{
	char **args;
	int c;

	req->cli = cli;
	req->fields = jv_object();
	while ((c = cli_next_option(cli)) != -1) {
		if (c == OPT_ALL)
			req->all = 1;
		else if (c == OPT_ACTIVE)
			rec_set(&req->fields, "active", jv_true());
		else if (c == OPT_CAPACITY && !strcmp(optarg, "none"))
			rec_set(&req->fields, "capacity", jv_null());
		else
			cli_option_field(&req->fields, option_fields, c,
					 optarg);
	}
	cli_operands(cli, need, need, &args);
	req->handle = need ? args[0] : NULL;
}

static int run_write(struct cli *cli, struct request *req)
{
	int status = cli_write(cli, write_rep, req);

	jv_free(req->fields);
	return status;
}

static int run_add(struct cli *cli, void *arg)
{
	struct request *req = arg;

	read_options(cli, req, 1);
	req->add = 1;
	return run_write(cli, req);
}

static int run_set(struct cli *cli, void *arg)
{
	struct request *req = arg;

	read_options(cli, req, 1);
	return run_write(cli, req);
}

static int run_deactivate(struct cli *cli, void *arg)
{
	struct request *req = arg;

	read_options(cli, req, 1);
	rec_set(&req->fields, "active", jv_false());
	return run_write(cli, req);
}

static int run_list(struct cli *cli, void *arg)
{
	struct request *req = arg;

	read_options(cli, req, 0);
	jv_free(req->fields);
	cli_output(cli);
	return rep_each(cli_db(cli), req->all, cli_sink(cli));
}

static int run_show(struct cli *cli, void *arg)
{
	struct request *req = arg;

	read_options(cli, req, 1);
	jv_free(req->fields);
	return rep_get(cli_db(cli), req->handle, cli_sink(cli));
}

static const struct cli_verb verbs[] = {
	{ "add", run_add, "", add_options,
	  "crm-rep add HANDLE --name N [--email E] [--region R[,R]] "
	  "[--industry I[,I]]\n"
	  "               [--capacity N] [--weight W] [--team T]\n",
	  CLI_NEEDS_DB | CLI_WRITES },
	{ "set", run_set, "", set_options,
	  "crm-rep set HANDLE [--name N] [--email E] [--region R[,R]] "
	  "[--industry I[,I]]\n"
	  "               [--capacity N|none] [--weight W] [--team T] "
	  "[--active]\n", CLI_NEEDS_DB | CLI_WRITES },
	{ "list", run_list, "", list_options, "crm-rep list [--all]\n",
	  CLI_NEEDS_DB },
	{ "show", run_show, "", NULL, "crm-rep show HANDLE\n", CLI_NEEDS_DB },
	{ "deactivate", run_deactivate, "", NULL,
	  "crm-rep deactivate HANDLE\n", CLI_NEEDS_DB | CLI_WRITES },
	{ NULL, NULL, NULL, NULL, NULL, 0 }
};

int cmd_crm_rep(int argc, char **argv)
{
	struct request req = { 0 };

	return cli_run_verbs(argc, argv, verbs, &req);
}
