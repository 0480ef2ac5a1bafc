/* biz-init - create a bizutils database with its chart of accounts. */
#include "cli.h"
#include "commands.h"
#include "setup.h"

enum { OPT_CURRENCY = CLI_FIRST_OWN, OPT_SCALE };

static const struct option options[] = {
	{ "currency", required_argument, NULL, OPT_CURRENCY },
	{ "scale", required_argument, NULL, OPT_SCALE },
	CLI_OPTIONS
};

static int run_init(struct cli *cli, void *arg)
{
	const char *currency = NULL;
	int64_t scale = -1;
	char **args;
	int c;

	(void)arg;
	while ((c = cli_next_option(cli)) != -1) {
		switch (c) {
		case OPT_CURRENCY:
			currency = optarg;
			break;
		case OPT_SCALE:
			scale = cli_integer(cli, "--scale", optarg, 0, 4);
			break;
		}
	}
	cli_operands(cli, 0, 0, &args);
	return setup_init(cli_db(cli), currency, (int)scale, cli_sink(cli));
}

static const struct cli_verb verbs[] = {
	{ NULL, run_init, "", options,
	  "biz-init [--currency CODE] [--scale N]\n", CLI_CREATES_DB },
	{ NULL, NULL, NULL, NULL, NULL, 0 }
};

int cmd_biz_init(int argc, char **argv)
{
	return cli_run_verbs(argc, argv, verbs, NULL);
}
