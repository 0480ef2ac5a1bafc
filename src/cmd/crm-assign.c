/* crm-assign - give each new lead to a rep, by rules or territory. */
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "commands.h"
#include "array.h"
#include "assign.h"
#include "crm.h"
#include "record.h"

enum {
	OPT_RULES = CLI_FIRST_OWN, OPT_STRATEGY, OPT_STALE, OPT_ALL, OPT_STRICT
};

static const struct option options[] = {
	{ "rules", required_argument, NULL, OPT_RULES },
	{ "strategy", required_argument, NULL, OPT_STRATEGY },
	{ "reassign-stale", required_argument, NULL, OPT_STALE },
	{ "all", no_argument, NULL, OPT_ALL },
	{ "strict", no_argument, NULL, OPT_STRICT },
	CLI_OPTIONS
};


/*
 * Reads the "id" of every record on stdin (crm-lead's output), before the
 * run takes the database lock: the command upstream may still hold it.
 */
static int read_ids(struct cli *cli, struct lead_ids *list)
{
	struct reader *r;
	jv record;
	int rc, status = BIZ_OK;
	int64_t id;

	if ((status = reader_open("-", cli->input_format, 1, &r)))
		return status;
	while ((rc = reader_next(r, &record)) == 1) {
		char number[REC_NUMBER_BUFSZ];
		const char *text = rec_field_text(record, "id", number);

		if (!text || parse_i64(text, 1, INT64_MAX, &id))
			status = reader_fail(r, BIZ_DATAERR, "a record with "
					     "a lead \"id\" is needed");
		else
			ARRAY_PUSH(list->ids, list->len, list->cap, id);
		jv_free(record);
		if (status)
			break;
	}
	if (rc > 1)
		status = rc;
	reader_close(r);
	return status;
}

static int run_assign(struct cli *cli, void *arg)
{
	struct assign_request req = { 0 };
	struct assign_rules *rules = NULL;
	struct lead_ids ids = { 0 };
	const char *rules_path = NULL;
	int64_t id;
	struct db *db;
	char **args;
	int c, nargs, strict = 0, status = BIZ_OK;

	(void)arg;
	req.strategy = ASSIGN_ROUND_ROBIN;
	req.stale_hours = -1;
	while ((c = cli_next_option(cli)) != -1) {
		switch (c) {
		case OPT_RULES:
			rules_path = optarg;
			break;
		case OPT_STRATEGY:
			req.strategy = assign_strategy_from_name(optarg);
			if (req.strategy < 0)
				cli_usage_error(cli, "unknown strategy '%s'",
						optarg);
			break;
		case OPT_STALE:
			req.stale_hours = cli_integer(cli, "--reassign-stale",
						      optarg, 0, 1000000);
			break;
		case OPT_ALL:
			req.all = 1;
			break;
		case OPT_STRICT:
			strict = 1;
			break;
		}
	}
	nargs = cli_operands(cli, 0, -1, &args);
	for (int i = 0; i < nargs; i++) {
		if (!strcmp(args[i], "-"))
			continue;
		id = cli_integer(cli, "ID", args[i], 1, INT64_MAX);
		ARRAY_PUSH(ids.ids, ids.len, ids.cap, id);
	}
	for (int i = 0; i < nargs && !status; i++)
		if (!strcmp(args[i], "-"))
			status = read_ids(cli, &ids);
	if (!status && rules_path)
		status = assign_rules_load(rules_path, &rules);
	if (status) {
		lead_ids_release(&ids);
		return status;
	}

	req.rules = rules;
	req.named = nargs > 0;
	req.ids = ids.ids;
	req.nids = ids.len;
	req.out = cli_sink(cli);
	/* Spooled: a run that fails prints nothing of what it rolled back.
	 * The database is opened only now: the command upstream of "-"
	 * may have held it until its output ended. */
	cli->spool = 1;
	cli_output(cli);
	db = cli_db(cli);
	if ((status = db_begin(db)))
		goto done;
	if ((status = assign_run(db, &req))) {
		db_rollback(db);
		goto done;
	}
	if ((status = db_commit(db)))
		goto done;
	if (req.unassigned && strict) {
		/* The assignments made stand and are printed; with --strict
		 * the leads no rep could take are a business refusal (a cron
		 * job without it stays quiet: they are reported once). */
		output_finish(cli->out, 1);
		cli->out = NULL;
		status = biz_fail(BIZ_REFUSED, "%zu lead%s left unassigned: "
				  "no eligible rep", req.unassigned,
				  req.unassigned == 1 ? "" : "s");
	}
done:
	assign_rules_free(rules);
	lead_ids_release(&ids);
	return status;
}

static const struct cli_verb verbs[] = {
	{ NULL, run_assign, "", options,
	  "crm-assign [--rules FILE] "
	  "[--strategy round-robin|least-loaded|weighted]\n"
	  "                  [--dry-run] [--reassign-stale HOURS] [--all] "
	  "[--strict] [IDS|-]\n",
	  0 },
	{ NULL, NULL, NULL, NULL, NULL, 0 }
};

int cmd_crm_assign(int argc, char **argv)
{
	return cli_run_verbs(argc, argv, verbs, NULL);
}
