/* biz-events - print the event log: the audit trail and change feed. */
#include <time.h>

#include "cli.h"
#include "commands.h"
#include "event.h"

enum { OPT_SINCE = CLI_FIRST_OWN, OPT_KIND, OPT_FOLLOW };

static const struct option options[] = {
	{ "since", required_argument, NULL, OPT_SINCE },
	{ "kind", required_argument, NULL, OPT_KIND },
	{ "follow", no_argument, NULL, OPT_FOLLOW },
	CLI_OPTIONS
};

static int run_events(struct cli *cli, void *arg)
{
	const char *kind = NULL;
	int64_t last_id = 0;
	int c, follow = 0, status;
	char **args;

	(void)arg;
	while ((c = cli_next_option(cli)) != -1) {
		if (c == OPT_SINCE)
			last_id = cli_integer(cli, "--since", optarg, 0,
					      INT64_MAX);
		else if (c == OPT_KIND)
			kind = optarg;
		else if (c == OPT_FOLLOW)
			follow = 1;
	}
	cli_operands(cli, 0, 0, &args);
	if (follow && cli->format == FORMAT_TABLE)
		cli_usage_error(cli, "--follow prints records as they come: "
				"use jsonl, csv or tsv");
	if (follow && cli->format == FORMAT_DEFAULT)
		cli->format = FORMAT_JSONL;
	cli_output(cli);
	status = event_each(cli->db, last_id, kind, cli_sink(cli), &last_id);
	while (follow && status == BIZ_OK) {
		/* Poll: SQLite has no cross-process notification. */
		struct timespec pause = { 0, 500 * 1000 * 1000 };

		if (fflush(stdout) || ferror(stdout))
			break;
		nanosleep(&pause, NULL);
		status = event_each(cli->db, last_id, kind, cli_sink(cli),
				    &last_id);
	}
	return status;
}

static const struct cli_verb verbs[] = {
	{ NULL, run_events, "", options,
	  "biz-events [--since ID] [--kind PREFIX] [--follow]\n",
	  CLI_NEEDS_DB },
	{ NULL, NULL, NULL, NULL, NULL, 0 }
};

int cmd_biz_events(int argc, char **argv)
{
	return cli_run_verbs(argc, argv, verbs, NULL);
}
