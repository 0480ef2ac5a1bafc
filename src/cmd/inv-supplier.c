/* inv-supplier - the suppliers goods are bought from. */
#include <string.h>

#include "cli.h"
#include "commands.h"
#include "purchase.h"

enum {
	OPT_NAME = CLI_FIRST_OWN, OPT_EMAIL, OPT_LEAD_TIME, OPT_LEAD_TIME_SD,
	OPT_TERMS
};

static const struct option field_options[] = {
	{ "name", required_argument, NULL, OPT_NAME },
	{ "email", required_argument, NULL, OPT_EMAIL },
	{ "lead-time", required_argument, NULL, OPT_LEAD_TIME },
	{ "lead-time-sd", required_argument, NULL, OPT_LEAD_TIME_SD },
	{ "terms", required_argument, NULL, OPT_TERMS },
	CLI_OPTIONS
};
static const struct option plain_options[] = { CLI_OPTIONS };

static void read_fields(struct cli *cli, struct supplier_in *in)
{
	int c;

	while ((c = cli_next_option(cli)) != -1) {
		switch (c) {
		case OPT_NAME: in->name = optarg; break;
		case OPT_EMAIL: in->email = optarg; break;
		case OPT_LEAD_TIME: in->lead_time = optarg; break;
		case OPT_LEAD_TIME_SD: in->lead_time_sd = optarg; break;
		case OPT_TERMS: in->terms = optarg; break;
		}
	}
}

static int add_supplier(struct db *db, void *arg, jv *record)
{
	return supplier_add(db, arg, record);
}

static int set_supplier(struct db *db, void *arg, jv *record)
{
	return supplier_set(db, arg, record);
}

static int run_write(struct cli *cli, void *arg)
{
	struct supplier_in *in = arg;
	char **args;
	int adding = !strcmp(cli->verb->name, "add");

	read_fields(cli, in);
	cli_operands(cli, 1, 1, &args);
	in->code = args[0];
	if (adding && !in->name)
		cli_usage_error(cli, "add needs --name");
	return cli_write(cli, adding ? add_supplier : set_supplier, in);
}

static int run_list(struct cli *cli, void *arg)
{
	char **args;

	(void)arg;
	read_fields(cli, arg);
	cli_operands(cli, 0, 0, &args);
	cli_output(cli);
	return supplier_each(cli_db(cli), cli_print_where, cli);
}

static int run_show(struct cli *cli, void *arg)
{
	char **args;
	jv record;
	int status;

	read_fields(cli, arg);
	cli_operands(cli, 1, 1, &args);
	status = supplier_get(cli_db(cli), args[0], &record);
	if (!status)
		cli_print(cli, record);
	return status;
}

static const struct cli_verb verbs[] = {
	{ "add", run_write, "", field_options,
	  "inv-supplier add CODE --name N [--email E] [--lead-time DAYS]\n"
	  "                    [--lead-time-sd DAYS] [--terms DAYS]\n",
	  CLI_NEEDS_DB | CLI_WRITES },
	{ "list", run_list, "", plain_options, "inv-supplier list\n",
	  CLI_NEEDS_DB },
	{ "show", run_show, "", plain_options, "inv-supplier show CODE\n",
	  CLI_NEEDS_DB },
	{ "set", run_write, "", field_options,
	  "inv-supplier set CODE [--name N] [--email E] [--lead-time DAYS]\n"
	  "                    [--lead-time-sd DAYS] [--terms DAYS]\n",
	  CLI_NEEDS_DB | CLI_WRITES },
	{ NULL, NULL, NULL, NULL, NULL, 0 }
};

int cmd_inv_supplier(int argc, char **argv)
{
	struct supplier_in in = { 0 };

	return cli_run_verbs(argc, argv, verbs, &in);
}
