/* crm-assign - give each new lead to a rep, by rules or territory. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "commands.h"
#include "assign.h"
#include "crm.h"
#include "record.h"

static const char usage[] =
	"usage: crm-assign [--rules FILE] "
	"[--strategy round-robin|least-loaded|weighted]\n"
	"                  [--dry-run] [--reassign-stale HOURS] [IDS|-]\n";

enum { OPT_RULES = CLI_FIRST_OWN, OPT_STRATEGY, OPT_STALE };

static const struct option options[] = {
	{ "rules", required_argument, NULL, OPT_RULES },
	{ "strategy", required_argument, NULL, OPT_STRATEGY },
	{ "reassign-stale", required_argument, NULL, OPT_STALE },
	CLI_OPTIONS
};

struct id_list {
	int64_t *ids;
	size_t len, cap;
};

static void id_add(struct id_list *list, int64_t id)
{
	if (list->len == list->cap) {
		list->cap = list->cap ? list->cap * 2 : 64;
		list->ids = xrealloc(list->ids, list->cap * sizeof(*list->ids));
	}
	list->ids[list->len++] = id;
}

/*
 * Reads the "id" of every record on stdin (crm-lead's output), before the
 * run takes the database lock: the command upstream may still hold it.
 */
static int read_ids(struct cli *cli, struct id_list *list)
{
	struct reader *r;
	jv record;
	int rc, status = BIZ_OK;
	int64_t id;

	if ((status = reader_open("-", cli->input_format, 1, &r)))
		return status;
	while ((rc = reader_next(r, &record)) == 1) {
		const char *text = rec_text(record, "id");

		if (!text || parse_i64(text, 1, INT64_MAX, &id))
			status = reader_fail(r, BIZ_DATAERR, "a record with "
					     "a lead \"id\" is needed");
		else
			id_add(list, id);
		jv_free(record);
		if (status)
			break;
	}
	if (rc > 1)
		status = rc;
	reader_close(r);
	return status;
}

static int print_assignment(jv record, void *arg)
{
	cli_print(arg, record);
	return BIZ_OK;
}

int cmd_crm_assign(int argc, char **argv)
{
	struct cli cli;
	struct assign_request req = { 0 };
	struct assign_rules *rules = NULL;
	struct id_list ids = { 0 };
	const char *rules_path = NULL;
	struct db *db;
	char **args;
	int c, nargs, status = BIZ_OK;

	req.strategy = ASSIGN_ROUND_ROBIN;
	req.stale_hours = -1;
	cli_start(&cli, argc, argv, usage);
	while ((c = cli_getopt(&cli, "", options)) != -1) {
		switch (c) {
		case OPT_RULES:
			rules_path = optarg;
			break;
		case OPT_STRATEGY:
			req.strategy = assign_strategy_from_name(optarg);
			if (req.strategy < 0)
				cli_usage_error(&cli, "unknown strategy '%s'",
						optarg);
			break;
		case OPT_STALE:
			req.stale_hours = cli_integer(&cli, "--reassign-stale",
						      optarg, 0, 1000000);
			break;
		}
	}
	nargs = cli_args(&cli, &args);
	for (int i = 0; i < nargs; i++) {
		if (!strcmp(args[i], "-"))
			continue;
		id_add(&ids, cli_integer(&cli, "ID", args[i], 1, INT64_MAX));
	}
	for (int i = 0; i < nargs && !status; i++)
		if (!strcmp(args[i], "-"))
			status = read_ids(&cli, &ids);
	if (!status && rules_path)
		status = assign_rules_load(rules_path, &rules);
	if (status)
		return cli_finish(&cli, status);

	req.rules = rules;
	req.named = nargs > 0;
	req.ids = ids.ids;
	req.nids = ids.len;
	req.emit = print_assignment;
	req.arg = &cli;
	/* Spooled: a run that fails prints nothing of what it rolled back. */
	cli.spool = 1;
	cli_output(&cli);
	db = cli_db(&cli);
	if ((status = db_begin(db)))
		goto done;
	if ((status = assign_run(db, &req))) {
		db_rollback(db);
		goto done;
	}
	if ((status = db_commit(db)))
		goto done;
	if (req.unassigned) {
		/* The assignments made stand and are printed; the leads no
		 * rep could take are a business refusal. */
		output_finish(cli.out, 1);
		cli.out = NULL;
		status = biz_fail(BIZ_REFUSED, "%zu lead%s left unassigned: "
				  "no eligible rep", req.unassigned,
				  req.unassigned == 1 ? "" : "s");
	}
done:
	assign_rules_free(rules);
	free(ids.ids);
	return cli_finish(&cli, status);
}
