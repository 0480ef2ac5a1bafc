/* biz-config - the settings kept in the database. */
#include "cli.h"
#include "commands.h"
#include "config.h"

static const struct option options[] = { CLI_OPTIONS };

struct request {
	const char *key, *value;
};

static int set_setting(struct db *db, void *arg, jv *record)
{
	struct request *req = arg;

	return config_set(db, req->key, req->value, record);
}

static int run_get(struct cli *cli, void *arg)
{
	char **args;
	jv record;
	int status;

	(void)arg;
	while (cli_next_option(cli) != -1)
		;
	cli_operands(cli, 1, 1, &args);
	status = config_get(cli_db(cli), args[0], &record);
	if (status == BIZ_OK)
		cli_print(cli, record);
	return status;
}

static int run_list(struct cli *cli, void *arg)
{
	char **args;

	(void)arg;
	while (cli_next_option(cli) != -1)
		;
	cli_operands(cli, 0, 0, &args);
	cli_output(cli);
	return config_each(cli_db(cli), cli_print_where, cli);
}

static int run_set(struct cli *cli, void *arg)
{
	struct request *req = arg;
	char **args;
	int n;

	while (cli_next_option(cli) != -1)
		;
	n = cli_operands(cli, 1, 2, &args);
	if (n == 1 && cli->verb->name[0] == 's')
		cli_usage_error(cli, "set needs KEY VALUE");
	if (n == 2 && cli->verb->name[0] == 'u')
		cli_usage_error(cli, "unset takes one KEY");
	req->key = args[0];
	req->value = n == 2 ? args[1] : NULL;
	return cli_write(cli, set_setting, req);
}

static const struct cli_verb verbs[] = {
	{ "get", run_get, "", options, "biz-config get KEY\n", CLI_NEEDS_DB },
	{ "set", run_set, "", options, "biz-config set KEY VALUE\n",
	  CLI_NEEDS_DB | CLI_WRITES },
	{ "unset", run_set, "", options, "biz-config unset KEY\n",
	  CLI_NEEDS_DB | CLI_WRITES },
	{ "list", run_list, "", options, "biz-config list\n", CLI_NEEDS_DB },
	{ NULL, NULL, NULL, NULL, NULL, 0 }
};

int cmd_biz_config(int argc, char **argv)
{
	struct request req = { NULL, NULL };

	return cli_run_verbs(argc, argv, verbs, &req);
}
