/* inv-bom - bills of materials: what a product is made of. */
#include <string.h>

#include "cli.h"
#include "commands.h"
#include "decimal.h"
#include "mfg.h"

struct request {
	struct cli *cli;
	char **args;
	int64_t qty;
};

static void read_options(struct cli *cli)
{
	while (cli_next_option(cli) != -1)
		;
}

static int add_line(struct db *db, void *arg, jv *record)
{
	struct request *req = arg;

	(void)record;
	return bom_add(db, req->args[0], req->args[1], req->qty,
		       cli_sink(req->cli));
}

static int remove_line(struct db *db, void *arg, jv *record)
{
	struct request *req = arg;

	(void)record;
	return bom_remove(db, req->args[0], req->args[1], cli_sink(req->cli));
}

static int run_add(struct cli *cli, void *arg)
{
	struct request *req = arg;

	read_options(cli);
	cli_operands(cli, 3, 3, &req->args);
	req->cli = cli;
	req->qty = cli_decimal(cli, "QTY", req->args[2], QTY_SCALE);
	cli_output(cli);
	return cli_write(cli, add_line, req);
}

static int run_remove(struct cli *cli, void *arg)
{
	struct request *req = arg;

	read_options(cli);
	cli_operands(cli, 2, 2, &req->args);
	req->cli = cli;
	cli_output(cli);
	return cli_write(cli, remove_line, req);
}

static int run_list(struct cli *cli, void *arg)
{
	char **args;
	int n;

	(void)arg;
	read_options(cli);
	n = cli_operands(cli, 0, 1, &args);
	cli_output(cli);
	return bom_list(cli_db(cli), n ? args[0] : NULL, cli_sink(cli));
}

static int run_show(struct cli *cli, void *arg)
{
	char **args;

	(void)arg;
	read_options(cli);
	cli_operands(cli, 1, 1, &args);
	cli_output(cli);
	return bom_show(cli_db(cli), args[0], cli_sink(cli));
}

static const struct cli_verb verbs[] = {
	{ "add", run_add, "", NULL,
	  "inv-bom add FG_SKU COMPONENT_SKU QTY\n",
	  CLI_NEEDS_DB | CLI_WRITES },
	{ "list", run_list, "", NULL, "inv-bom list [FG_SKU]\n",
	  CLI_NEEDS_DB },
	{ "show", run_show, "", NULL, "inv-bom show FG_SKU\n", CLI_NEEDS_DB },
	{ "remove", run_remove, "", NULL,
	  "inv-bom remove FG_SKU COMPONENT_SKU\n",
	  CLI_NEEDS_DB | CLI_WRITES },
	{ NULL, NULL, NULL, NULL, NULL, 0 }
};

int cmd_inv_bom(int argc, char **argv)
{
	struct request req = { 0 };

	return cli_run_verbs(argc, argv, verbs, &req);
}
