/* inv-warehouse - add and list warehouses. */
#include "cli.h"
#include "commands.h"
#include "item.h"

enum { OPT_NAME = CLI_FIRST_OWN };

static const struct option add_options[] = {
	{ "name", required_argument, NULL, OPT_NAME },
	CLI_OPTIONS
};

struct request {
	const char *code, *name;
};

static int write_warehouse(struct db *db, void *arg, jv *record)
{
	struct request *req = arg;

	return warehouse_add(db, req->code, req->name, record);
}

static int run_add(struct cli *cli, void *arg)
{
	struct request *req = arg;
	char **args;
	int c;

	while ((c = cli_next_option(cli)) != -1)
		if (c == OPT_NAME)
			req->name = optarg;
	if (cli_args(cli, &args) != 1)
		cli_usage_error(cli, "add needs one CODE");
	if (!req->name)
		cli_usage_error(cli, "add needs --name");
	req->code = args[0];
	return cli_write(cli, write_warehouse, req);
}

static int run_list(struct cli *cli, void *arg)
{
	char **args;

	(void)arg;
	while (cli_next_option(cli) != -1)
		;
	if (cli_args(cli, &args) != 0)
		cli_usage_error(cli, "list takes no arguments");
	cli_output(cli);
	return warehouse_each(cli_db(cli), cli_sink(cli));
}

/*
 * The database is opened after the arguments are checked (no
 * CLI_NEEDS_DB): a usage error is 64 even without a database.
 */
static const struct cli_verb verbs[] = {
	{ "add", run_add, "", add_options, "inv-warehouse add CODE --name N\n",
	  CLI_WRITES },
	{ "list", run_list, "", NULL, "inv-warehouse list\n", 0 },
	{ NULL, NULL, NULL, NULL, NULL, 0 }
};

int cmd_inv_warehouse(int argc, char **argv)
{
	struct request req = { NULL, NULL };

	return cli_run_verbs(argc, argv, verbs, &req);
}
