/* biz-events - print the event log: the audit trail and change feed. */
#include <stddef.h>
#include <string.h>
#include <time.h>

#include "cli.h"
#include "commands.h"
#include "event.h"
#include "feed.h"
#include "record.h"

enum { OPT_SINCE = CLI_FIRST_OWN, OPT_KIND, OPT_FOLLOW, OPT_CURSOR_FILE };

static const struct option options[] = {
	{ "since", required_argument, NULL, OPT_SINCE },
	{ "kind", required_argument, NULL, OPT_KIND },
	{ "follow", no_argument, NULL, OPT_FOLLOW },
	{ "cursor-file", required_argument, NULL, OPT_CURSOR_FILE },
	CLI_OPTIONS
};

/* Where event_each() hands the events: the cursor follows the printing. */
struct feed {
	struct sink sink;	/* first: event_each() writes here */
	struct cli *cli;
	int64_t last_id;	/* the last event handled: printed or not */
	int64_t printed;
	int64_t row_id;		/* event_each()'s: the id of the event it
				   hands over */
};

static int print_event(struct sink *sink, const char *json, size_t len)
{
	struct feed *feed = (struct feed *)sink;
	int64_t limit = feed->cli->output.limit;
	int holds = 1, status = BIZ_OK;

	/*
	 * Past --limit: stop, so the cursor stays on the last printed.
	 * With --sort the output sorts everything first, then limits.
	 */
	if (limit >= 0 && !feed->cli->output.sort && feed->printed >= limit)
		return BIZ_STOP;
	feed->last_id = feed->row_id;
	/* Parsed only for --where: it was a third of the feed's time. */
	if (feed->cli->where) {
		jv event = jv_parse_sized(json, (int)len);

		holds = cli_where(feed->cli, event);
		jv_free(event);
	}
	if (holds > 0) {
		feed->printed++;
		status = output_json(cli_output(feed->cli), json, len);
	} else if (holds < 0) {
		status = BIZ_DATAERR;
	}
	return status;
}

/* --since: an event id, or a date or time (the events from then on). */
static int64_t since_id(struct cli *cli, const char *text)
{
	int64_t id;

	if (text[strspn(text, "0123456789")] == '\0')
		return cli_integer(cli, "--since", text, 0, INT64_MAX);
	if (feed_id_before(cli_db(cli), cli_time(cli, "--since", text,
					     DATE_FIRST), &id))
		biz_die(BIZ_INTERNAL);
	return id;
}

/*
 * Stores the cursor once what was printed is out of the process: the
 * output finished (csv and table hold their records) and stdout flushed.
 */
static int store_cursor(struct cli *cli, const char *path, int64_t id,
			int64_t *stored)
{
	int status;

	if (cli->out && !cli->output.stream) {
		output_finish(cli->out, 1);
		cli->out = NULL;
	}
	if (fflush(stdout) || ferror(stdout))
		return biz_fail(BIZ_IOERR, "error writing to standard "
				"output");
	if (!path || id == *stored)
		return BIZ_OK;
	if (!(status = feed_cursor_write(path, id)))
		*stored = id;
	return status;
}

static int run_events(struct cli *cli, void *arg)
{
	struct feed feed = { { print_event }, cli, 0, 0, 0 };
	const char *kind = NULL, *since = NULL, *cursor = NULL;
	int64_t stored = -1;
	int c, follow = 0, found = 0, status;
	char **args;

	(void)arg;
	while ((c = cli_next_option(cli)) != -1) {
		if (c == OPT_SINCE) {
			since = optarg;
			/* A bad one is usage before the database opens. */
			if (since[strspn(since, "0123456789")] == '\0')
				cli_integer(cli, "--since", since, 0,
					    INT64_MAX);
			else
				cli_time(cli, "--since", since, DATE_FIRST);
		}
		else if (c == OPT_KIND)
			kind = optarg;
		else if (c == OPT_FOLLOW)
			follow = 1;
		else if (c == OPT_CURSOR_FILE)
			cursor = optarg;
	}
	cli_operands(cli, 0, 0, &args);
	if (follow && cli->format == FORMAT_TABLE)
		cli_usage_error(cli, "--follow prints records as they come: "
				"use jsonl, csv or tsv");
	if ((cursor || follow) && cli->output.sort)
		cli_usage_error(cli, "%s follows the log in order: not "
				"with --sort", cursor ? "--cursor-file" :
				"--follow");
	if (cursor && (status = feed_cursor_read(cursor, &stored, &found)))
		return status;
	/* The cursor file, once it exists, says where the feed goes on. */
	feed.last_id = found ? stored : since ? since_id(cli, since) : 0;
	/* A first run writes it before printing: one it cannot write
	 * fails now, not after the events went out (and again next time). */
	if (cursor && !found) {
		if ((status = feed_cursor_write(cursor, feed.last_id)))
			return status;
		stored = feed.last_id;
	}
	if (follow && cli->format == FORMAT_DEFAULT)
		cli->format = FORMAT_JSONL;
	cli->output.stream = follow;
	cli_output(cli);
	if (kind && (status = event_kind_check(cli_db(cli), kind)))
		return status;
	status = event_each(cli_db(cli), feed.last_id, kind, &feed.sink,
			    &feed.row_id);
	while (follow && status == BIZ_OK &&
	       !(status = store_cursor(cli, cursor, feed.last_id, &stored))) {
		/* Poll: SQLite has no cross-process notification. */
		struct timespec pause = { 0, 500 * 1000 * 1000 };

		nanosleep(&pause, NULL);
		status = event_each(cli_db(cli), feed.last_id, kind, &feed.sink,
				    &feed.row_id);
	}
	if (status == BIZ_STOP)
		status = BIZ_OK;
	if (!status)
		status = store_cursor(cli, cursor, feed.last_id, &stored);
	return status;
}

static const struct cli_verb verbs[] = {
	{ NULL, run_events, "", options,
	  "biz-events [--since ID|DATE] [--kind PREFIX] [--follow] "
	  "[--cursor-file F]\n", CLI_NEEDS_DB },
	{ NULL, NULL, NULL, NULL, NULL, 0 }
};

int cmd_biz_events(int argc, char **argv)
{
	return cli_run_verbs(argc, argv, verbs, NULL);
}
