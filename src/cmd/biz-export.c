/* biz-export - every table of the database to files, with a manifest. */
#include <string.h>

#include "cli.h"
#include "commands.h"
#include "export.h"
#include "timeutil.h"

enum { OPT_DIR = CLI_FIRST_OWN, OPT_FORMAT };

/* --format here is the files' format; -f still names the output's. */
static const struct option options[] = {
	{ "dir", required_argument, NULL, OPT_DIR },
	{ "format", required_argument, NULL, OPT_FORMAT },
	CLI_OPTIONS
};

static void tick(void *arg)
{
	cli_progress_tick(arg);
}

static int run(struct cli *cli, void *arg)
{
	struct cli_progress progress = { "rows written", 0, 0 };
	struct export_tick ticker = { tick, &progress };
	enum export_format format = EXPORT_JSONL;
	const char *dir = NULL;
	struct strbuf name = { 0 };
	char date[TS_BUFSZ];
	char **args;
	int c, status;

	(void)arg;
	while ((c = cli_next_option(cli)) != -1) {
		if (c == OPT_DIR) {
			dir = optarg;
		} else if (c == OPT_FORMAT) {
			if (!strcmp(optarg, "jsonl"))
				format = EXPORT_JSONL;
			else if (!strcmp(optarg, "csv"))
				format = EXPORT_CSV;
			else
				cli_usage_error(cli, "--format: jsonl or csv, "
						"not '%s'", optarg);
		}
	}
	cli_operands(cli, 0, 0, &args);
	if (!dir) {
		strbuf_addf(&name, "biz-export-%s",
			    date_format(cli_db(cli)->now, date));
		dir = name.buf;
	}
	cli_output(cli);
	status = export_dir(cli_db(cli), dir, format, cli_sink(cli), &ticker);
	cli_progress_end(&progress);
	strbuf_release(&name);
	return status;
}

static const struct cli_verb verbs[] = {
	{ NULL, run, "", options,
	  "biz-export [--dir DIR] [--format jsonl|csv]\n", CLI_NEEDS_DB },
	{ NULL, NULL, NULL, NULL, NULL, 0 }
};

int cmd_biz_export(int argc, char **argv)
{
	return cli_run_verbs(argc, argv, verbs, NULL);
}
