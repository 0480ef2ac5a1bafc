/* inv-warehouse - add and list warehouses. */
#include <string.h>

#include "cli.h"
#include "commands.h"
#include "item.h"

static const char usage[] =
	"usage: inv-warehouse add CODE --name N\n"
	"       inv-warehouse list\n";

enum { OPT_NAME = CLI_FIRST_OWN };

static const struct option options[] = {
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

int cmd_inv_warehouse(int argc, char **argv)
{
	struct cli cli;
	struct request req = { NULL, NULL };
	char **args;
	int c, nargs, status;

	cli_start(&cli, argc, argv, usage);
	while ((c = cli_getopt(&cli, "", options)) != -1)
		if (c == OPT_NAME)
			req.name = optarg;
	nargs = cli_args(&cli, &args);
	if (nargs < 1)
		cli_usage_error(&cli, "a subcommand is needed");
	if (!strcmp(args[0], "list")) {
		if (nargs != 1)
			cli_usage_error(&cli, "list takes no arguments");
		cli_output(&cli);
		status = warehouse_each(cli_db(&cli), cli_print_where, &cli);
	} else if (!strcmp(args[0], "add")) {
		if (nargs != 2)
			cli_usage_error(&cli, "add needs one CODE");
		if (!req.name)
			cli_usage_error(&cli, "add needs --name");
		req.code = args[1];
		status = cli_write(&cli, write_warehouse, &req);
	} else {
		cli_usage_error(&cli, "unknown subcommand '%s'", args[0]);
	}
	return cli_finish(&cli, status);
}
