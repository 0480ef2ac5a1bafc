/* biz-events - print the event log: the audit trail and change feed. */
#include <time.h>

#include "cli.h"
#include "commands.h"
#include "event.h"
#include "record.h"

static const char usage[] =
	"usage: biz-events [--since ID] [--kind PREFIX] [--follow]\n";

enum { OPT_SINCE = CLI_FIRST_OWN, OPT_KIND, OPT_FOLLOW };

static const struct option options[] = {
	{ "since", required_argument, NULL, OPT_SINCE },
	{ "kind", required_argument, NULL, OPT_KIND },
	{ "follow", no_argument, NULL, OPT_FOLLOW },
	CLI_OPTIONS
};

struct feed {
	struct cli *cli;
	int64_t last_id;
};

static int print_event(jv event, void *arg)
{
	struct feed *feed = arg;
	jv id = jv_object_get(jv_copy(event), jv_string("id"));

	feed->last_id = (int64_t)jv_number_value(id);
	jv_free(id);
	if (cli_where(feed->cli, event))
		cli_print(feed->cli, event);
	else
		jv_free(event);
	return BIZ_OK;
}

int cmd_biz_events(int argc, char **argv)
{
	struct cli cli;
	struct feed feed = { &cli, 0 };
	const char *kind = NULL;
	int c, follow = 0, status;
	char **args;

	cli_start(&cli, argc, argv, usage);
	while ((c = cli_getopt(&cli, "", options)) != -1) {
		if (c == OPT_SINCE)
			feed.last_id = cli_integer(&cli, "--since", optarg, 0,
						   INT64_MAX);
		else if (c == OPT_KIND)
			kind = optarg;
		else if (c == OPT_FOLLOW)
			follow = 1;
	}
	if (cli_args(&cli, &args) != 0)
		cli_usage_error(&cli, "unexpected argument '%s'", args[0]);
	if (follow && cli.format == FORMAT_TABLE)
		cli_usage_error(&cli, "--follow prints records as they come: "
				"use jsonl, csv or tsv");
	cli_db(&cli);
	if (follow && cli.format == FORMAT_DEFAULT)
		cli.format = FORMAT_JSONL;
	cli_output(&cli);
	status = event_each(cli.db, feed.last_id, kind, print_event, &feed);
	while (follow && status == BIZ_OK) {
		/* Poll: SQLite has no cross-process notification. */
		struct timespec pause = { 0, 500 * 1000 * 1000 };

		if (fflush(stdout) || ferror(stdout))
			break;
		nanosleep(&pause, NULL);
		status = event_each(cli.db, feed.last_id, kind, print_event,
				    &feed);
	}
	return cli_finish(&cli, status);
}
