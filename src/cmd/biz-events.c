/* biz-events - print the event log: the audit trail and change feed. */
#include <string.h>
#include <time.h>

#include "cli.h"
#include "commands.h"
#include "event.h"
#include "feed.h"
#include "record.h"

static const char usage[] =
	"usage: biz-events [--since ID|DATE] [--kind PREFIX] [--follow] "
	"[--cursor-file F]\n";

enum { OPT_SINCE = CLI_FIRST_OWN, OPT_KIND, OPT_FOLLOW, OPT_CURSOR_FILE };

static const struct option options[] = {
	{ "since", required_argument, NULL, OPT_SINCE },
	{ "kind", required_argument, NULL, OPT_KIND },
	{ "follow", no_argument, NULL, OPT_FOLLOW },
	{ "cursor-file", required_argument, NULL, OPT_CURSOR_FILE },
	CLI_OPTIONS
};

struct feed {
	struct cli *cli;
	int64_t last_id;	/* the last event handled: printed or not */
	int64_t printed;
};

static int print_event(jv event, void *arg)
{
	struct feed *feed = arg;
	jv id = jv_object_get(jv_copy(event), jv_string("id"));
	int64_t limit = feed->cli->output.limit;

	/* Past --limit: stop, so the cursor stays on the last printed. */
	if (limit >= 0 && feed->printed >= limit) {
		jv_free(id);
		jv_free(event);
		return BIZ_STOP;
	}
	feed->last_id = (int64_t)jv_number_value(id);
	jv_free(id);
	if (cli_where(feed->cli, event)) {
		feed->printed++;
		cli_print(feed->cli, event);
	} else {
		jv_free(event);
	}
	return BIZ_OK;
}

/* --since: an event id, or a date or time (the events from then on). */
static int64_t since_id(struct cli *cli, const char *text)
{
	int64_t id;

	if (text[strspn(text, "0123456789")] == '\0')
		return cli_integer(cli, "--since", text, 0, INT64_MAX);
	if (feed_id_before(cli->db, cli_time(cli, "--since", text,
					     DATE_FIRST), &id))
		biz_die(BIZ_INTERNAL);
	return id;
}

/* Stores the cursor once what was printed is out of the process. */
static int store_cursor(const char *path, int64_t id, int64_t *stored)
{
	int status;

	if (fflush(stdout) || ferror(stdout))
		return biz_fail(BIZ_INTERNAL, "error writing to standard "
				"output");
	if (!path || id == *stored)
		return BIZ_OK;
	if (!(status = feed_cursor_write(path, id)))
		*stored = id;
	return status;
}

int cmd_biz_events(int argc, char **argv)
{
	struct cli cli;
	struct feed feed = { &cli, 0, 0 };
	const char *kind = NULL, *since = NULL, *cursor = NULL;
	int64_t stored = -1;
	int c, follow = 0, found = 0, status;
	char **args;

	cli_start(&cli, argc, argv, usage);
	while ((c = cli_getopt(&cli, "", options)) != -1) {
		if (c == OPT_SINCE)
			since = optarg;
		else if (c == OPT_KIND)
			kind = optarg;
		else if (c == OPT_FOLLOW)
			follow = 1;
		else if (c == OPT_CURSOR_FILE)
			cursor = optarg;
	}
	if (cli_args(&cli, &args) != 0)
		cli_usage_error(&cli, "unexpected argument '%s'", args[0]);
	if (follow && cli.format == FORMAT_TABLE)
		cli_usage_error(&cli, "--follow prints records as they come: "
				"use jsonl, csv or tsv");
	if ((cursor || follow) && cli.output.sort)
		cli_usage_error(&cli, "%s follows the log in order: not "
				"with --sort", cursor ? "--cursor-file" :
				"--follow");
	if (cursor && (status = feed_cursor_read(cursor, &stored, &found)))
		return cli_finish(&cli, status);
	cli_db(&cli);
	/* The cursor file, once it exists, says where the feed goes on. */
	feed.last_id = found ? stored : since ? since_id(&cli, since) : 0;
	if (follow && cli.format == FORMAT_DEFAULT)
		cli.format = FORMAT_JSONL;
	cli.output.stream = follow;
	cli_output(&cli);
	status = event_each(cli.db, feed.last_id, kind, print_event, &feed);
	while (follow && status == BIZ_OK &&
	       !(status = store_cursor(cursor, feed.last_id, &stored))) {
		/* Poll: SQLite has no cross-process notification. */
		struct timespec pause = { 0, 500 * 1000 * 1000 };

		nanosleep(&pause, NULL);
		status = event_each(cli.db, feed.last_id, kind, print_event,
				    &feed);
	}
	if (status == BIZ_STOP)
		status = BIZ_OK;
	/* cli_finish() prints what is held and checks stdout: then store. */
	status = cli_finish(&cli, status);
	if (!status && (status = store_cursor(cursor, feed.last_id, &stored)))
		biz_die(status);
	return status;
}
