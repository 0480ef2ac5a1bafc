/* biz-init - create a bizutils database with its chart of accounts. */
#include "cli.h"
#include "commands.h"
#include "setup.h"

static const char usage[] =
	"usage: biz-init [--currency CODE] [--scale N]\n";

enum { OPT_CURRENCY = CLI_FIRST_OWN, OPT_SCALE };

static const struct option options[] = {
	{ "currency", required_argument, NULL, OPT_CURRENCY },
	{ "scale", required_argument, NULL, OPT_SCALE },
	CLI_OPTIONS
};

int cmd_biz_init(int argc, char **argv)
{
	struct cli cli;
	const char *currency = NULL;
	int64_t scale = -1;
	char **args;
	jv record;
	int c, status;

	cli_start(&cli, argc, argv, usage);
	while ((c = cli_getopt(&cli, "", options)) != -1) {
		switch (c) {
		case OPT_CURRENCY:
			currency = optarg;
			break;
		case OPT_SCALE:
			scale = cli_integer(&cli, "--scale", optarg, 0, 4);
			break;
		}
	}
	if (cli_args(&cli, &args) != 0)
		cli_usage_error(&cli, "unexpected argument '%s'", args[0]);
	status = setup_init(cli_db_create(&cli), currency, (int)scale,
			    &record);
	if (status == BIZ_OK)
		cli_print(&cli, record);
	return cli_finish(&cli, status);
}
