/*
 * crm-ticket - after-sales tickets: open, assign, reply, resolve, close,
 * reopen; lists, breaches of the targets, statistics per period and rep.
 */
#include <string.h>

#include "cli.h"
#include "commands.h"
#include "crm.h"
#include "record.h"
#include "service.h"

enum {
	OPT_CUSTOMER = CLI_FIRST_OWN, OPT_SUBJECT, OPT_PRIORITY, OPT_CHANNEL,
	OPT_OWNER, OPT_SET, OPT_NOTE, OPT_CSAT, OPT_STATUS, OPT_OPEN,
	OPT_BREACHED, OPT_LIMIT, OPT_FROM, OPT_TO, OPT_BY, OPT_REP,
	OPT_RESPONSE, OPT_RESOLUTION, OPT_REF
};

static const struct option open_options[] = {
	{ "customer", required_argument, NULL, OPT_CUSTOMER },
	{ "subject", required_argument, NULL, OPT_SUBJECT },
	{ "priority", required_argument, NULL, OPT_PRIORITY },
	{ "channel", required_argument, NULL, OPT_CHANNEL },
	{ "owner", required_argument, NULL, OPT_OWNER },
	{ "ref", required_argument, NULL, OPT_REF },
	{ "set", required_argument, NULL, OPT_SET },
	CLI_OPTIONS
};
static const struct option note_options[] = {
	{ "note", required_argument, NULL, OPT_NOTE },
	CLI_OPTIONS
};
static const struct option close_options[] = {
	{ "csat", required_argument, NULL, OPT_CSAT },
	CLI_OPTIONS
};
static const struct option list_options[] = {
	{ "customer", required_argument, NULL, OPT_CUSTOMER },
	{ "status", required_argument, NULL, OPT_STATUS },
	{ "owner", required_argument, NULL, OPT_OWNER },
	{ "priority", required_argument, NULL, OPT_PRIORITY },
	{ "open", no_argument, NULL, OPT_OPEN },
	{ "breached", no_argument, NULL, OPT_BREACHED },
	CLI_OPTIONS
};
static const struct option stats_options[] = {
	{ "from", required_argument, NULL, OPT_FROM },
	{ "to", required_argument, NULL, OPT_TO },
	{ "by", required_argument, NULL, OPT_BY },
	{ "rep", required_argument, NULL, OPT_REP },
	CLI_OPTIONS
};
static const struct option targets_options[] = {
	{ "response", required_argument, NULL, OPT_RESPONSE },
	{ "resolution", required_argument, NULL, OPT_RESOLUTION },
	CLI_OPTIONS
};
static const struct option no_options[] = { CLI_OPTIONS };

/* The record field each option of open sets. */
static const char *const option_fields[] = {
	[OPT_CUSTOMER - CLI_FIRST_OWN] = "customer",
	[OPT_SUBJECT - CLI_FIRST_OWN] = "subject",
	[OPT_PRIORITY - CLI_FIRST_OWN] = "priority",
	[OPT_CHANNEL - CLI_FIRST_OWN] = "channel",
	[OPT_OWNER - CLI_FIRST_OWN] = "owner",
	[OPT_REF - CLI_FIRST_OWN] = "ref",
};

struct request {
	int64_t id;
	jv fields;
	const char *verb;
	const char *owner;	/* assign */
	const char *note;
	int64_t csat;
	int has_csat;
	const char *from, *to, *by, *rep;
	const char *priority;	/* targets set */
	int64_t response, resolution;	/* minutes; 0 keeps */
	struct ticket_filter filter;
	struct json out;
	struct cli *cli;
};

/* Hours given at most to 2 places, as whole minutes (64 otherwise). */
static int64_t option_minutes(struct cli *cli, const char *option,
			      const char *text)
{
	int64_t centi = cli_decimal(cli, option, text, 2);

	if (centi <= 0 || centi > INT32_MAX || centi * 60 % 100)
		cli_usage_error(cli, "%s: '%s' is not a positive number of "
				"hours in whole minutes", option, text);
	return centi * 60 / 100;
}

static void check_priority(struct cli *cli, const char *text)
{
	if (!ticket_priority_valid(text))
		cli_usage_error(cli, "--priority: '%s' is not one of low, "
				"normal, high, urgent", text);
}

static void read_options(struct cli *cli, struct request *req)
{
	int c;

	req->fields = jv_object();
	req->cli = cli;
	while ((c = cli_next_option(cli)) != -1) {
		switch (c) {
		case OPT_SET:
			cli_set_field(cli, &req->fields, optarg);
			break;
		case OPT_NOTE:
			req->note = optarg;
			break;
		case OPT_CSAT:
			/* Out of 1 to 5 is bad data (65), not usage. */
			if (parse_i64(optarg, INT64_MIN, INT64_MAX, &req->csat)
			    || req->csat < 1 || req->csat > 5)
				biz_dief(BIZ_DATAERR, "csat '%s': not a whole "
					 "number from 1 to 5", optarg);
			req->has_csat = 1;
			break;
		case OPT_STATUS:
			if (!ticket_status_valid(optarg))
				cli_usage_error(cli, "--status: '%s' is not "
						"one of open, resolved, "
						"closed", optarg);
			req->filter.status = optarg;
			break;
		case OPT_OPEN:
			req->filter.open = 1;
			break;
		case OPT_BREACHED:
			req->filter.breached = 1;
			break;
		case OPT_FROM:
			req->from = optarg;
			break;
		case OPT_TO:
			req->to = optarg;
			break;
		case OPT_BY:
			if (strcmp(optarg, "month") && strcmp(optarg, "day") &&
			    strcmp(optarg, "all"))
				cli_usage_error(cli, "--by: '%s' is not one "
						"of month, day, all", optarg);
			req->by = optarg;
			break;
		case OPT_REP:
			req->rep = optarg;
			break;
		case OPT_RESPONSE:
			req->response = option_minutes(cli, "--response",
						       optarg);
			break;
		case OPT_RESOLUTION:
			req->resolution = option_minutes(cli, "--resolution",
							 optarg);
			break;
		default:
			if (c == OPT_PRIORITY) {
				check_priority(cli, optarg);
				req->filter.priority = optarg;
			}
			if (c == OPT_CUSTOMER)
				req->filter.customer = cli_integer(cli,
					"--customer", optarg, 1, INT64_MAX);
			if (c == OPT_OWNER)
				req->filter.owner = optarg;
			cli_option_field(&req->fields, option_fields, c,
					 optarg);
		}
	}
}

static int done(struct request *req, int status)
{
	jv_free(req->fields);
	json_release(&req->out);
	return status;
}

/* The one write of req->verb, its record printed (spooled). */
static int write_ticket(struct db *db, void *arg, jv *record)
{
	struct request *req = arg;
	const char *verb = req->verb;
	int status;

	(void)record;
	if (!strcmp(verb, "open")) {
		jv fields = req->fields;

		req->fields = jv_null();
		status = ticket_open(db, fields, &req->out);
	} else if (!strcmp(verb, "assign")) {
		status = ticket_assign(db, req->id, req->owner, &req->out);
	} else if (!strcmp(verb, "reply")) {
		status = ticket_reply(db, req->id, req->note, &req->out);
	} else if (!strcmp(verb, "resolve")) {
		status = ticket_resolve(db, req->id, req->note, &req->out);
	} else if (!strcmp(verb, "close")) {
		status = ticket_close(db, req->id, req->has_csat ? req->csat :
				      0, &req->out);
	} else if (!strcmp(verb, "reopen")) {
		status = ticket_reopen(db, req->id, req->note, &req->out);
	} else {
		status = ticket_target_set(db, req->priority, req->response,
					   req->resolution, &req->out);
	}
	if (status == BIZ_OK)
		cli_print_json(req->cli, req->out.text.buf,
			       req->out.text.len);
	return status;
}

static int64_t ticket_id(struct cli *cli, const char *text)
{
	return cli_integer(cli, "ID", text, 1, INT64_MAX);
}

/* One ticket of a batch: its record printed when the batch commits. */
static int open_record(struct db *db, jv record, jv *out, void *arg)
{
	struct request *req = arg;
	int status;

	(void)out;
	cli_note_custom(req->cli, record, ticket_field_known);
	if ((status = ticket_open(db, record, &req->out)) == BIZ_OK)
		cli_print_json(req->cli, req->out.text.buf,
			       req->out.text.len);
	return status;
}

static int run_open(struct cli *cli, void *arg)
{
	struct request *req = arg;
	char **args;
	int n;

	read_options(cli, req);
	n = cli_operands(cli, 0, 1, &args);
	if (n == 1) {
		if (jv_object_length(jv_copy(req->fields)))
			cli_usage_error(cli, "a FILE's records carry the "
					"fields: no other option of open");
		return done(req, cli_batch(cli, args[0], open_record, req));
	}
	if (!rec_has(req->fields, "customer") ||
	    !rec_has(req->fields, "subject"))
		cli_usage_error(cli, "open needs --customer and --subject, "
				"or a FILE");
	req->verb = "open";
	return done(req, cli_write(cli, write_ticket, req));
}

/* assign ID REP; reply, resolve, close, reopen ID. */
static int run_change(struct cli *cli, void *arg)
{
	struct request *req = arg;
	int assign = !strcmp(cli->verb->name, "assign");
	char **args;

	read_options(cli, req);
	cli_operands(cli, 1 + assign, 1 + assign, &args);
	req->id = ticket_id(cli, args[0]);
	if (assign)
		req->owner = args[1];
	req->verb = cli->verb->name;
	return done(req, cli_write(cli, write_ticket, req));
}

static int run_list(struct cli *cli, void *arg)
{
	struct request *req = arg;
	char **args;
	int status;

	read_options(cli, req);
	cli_operands(cli, 0, 0, &args);
	if (req->filter.customer &&
	    (status = customer_get(cli_db(cli), req->filter.customer, NULL)))
		return done(req, status);
	if (req->filter.owner && rep_exists(cli_db(cli), req->filter.owner))
		return done(req, biz_fail(BIZ_DATAERR, "no such rep '%s'",
					  req->filter.owner));
	return done(req, ticket_each(cli_db(cli), &req->filter, cli_sink(cli)));
}

static int run_show(struct cli *cli, void *arg)
{
	struct request *req = arg;
	char **args;
	int status;

	read_options(cli, req);
	cli_operands(cli, 1, 1, &args);
	status = ticket_get(cli_db(cli), ticket_id(cli, args[0]), 1, &req->out);
	if (status == BIZ_OK)
		cli_print_json(cli, req->out.text.buf, req->out.text.len);
	return done(req, status);
}

static int run_stats(struct cli *cli, void *arg)
{
	struct request *req = arg;
	struct ticket_stats q = { 0 };
	struct crm_period period;
	char **args;
	int status;

	read_options(cli, req);
	cli_operands(cli, 0, 0, &args);
	if ((status = crm_period_parse(cli_db(cli), req->from, req->to, &period)))
		return done(req, status);
	if (req->rep && rep_exists(cli_db(cli), req->rep))
		return done(req, biz_fail(BIZ_DATAERR, "no such rep '%s'",
					  req->rep));
	q.from_at = period.has_from ? period.from_at : NULL;
	q.to_at = period.has_to ? period.to_at : NULL;
	q.period = !req->by || !strcmp(req->by, "month") ? TICKET_BY_MONTH :
		!strcmp(req->by, "day") ? TICKET_BY_DAY : TICKET_BY_ALL;
	q.owner = req->rep;
	return done(req, ticket_stats(cli_db(cli), &q, cli_sink(cli)));
}

static int run_targets(struct cli *cli, void *arg)
{
	struct request *req = arg;
	char **args;
	int n;

	read_options(cli, req);
	n = cli_operands(cli, 0, 2, &args);
	if (n == 0) {
		if (req->response || req->resolution)
			cli_usage_error(cli, "--response and --resolution go "
					"with targets set PRIORITY");
		return done(req, ticket_target_each(cli_db(cli), cli_sink(cli)));
	}
	if (n != 2 || strcmp(args[0], "set"))
		cli_usage_error(cli, "targets takes set PRIORITY or nothing");
	check_priority(cli, args[1]);
	req->priority = args[1];
	req->verb = "targets";
	return done(req, cli_write(cli, write_ticket, req));
}

#define WRITE (CLI_NEEDS_DB | CLI_WRITES)

static const struct cli_verb verbs[] = {
	{ "open", run_open, "", open_options,
	  "crm-ticket open --customer ID --subject S "
	  "[--priority low|normal|high|urgent]\n"
	  "                [--channel C] [--owner H] [--ref R] "
	  "[--set k=v]...\n"
	  "       crm-ticket open FILE|-\n",
	  WRITE },
	{ "assign", run_change, "", no_options, "crm-ticket assign ID REP\n",
	  WRITE },
	{ "reply", run_change, "", note_options,
	  "crm-ticket reply ID [--note TEXT]\n", WRITE },
	{ "resolve", run_change, "", note_options,
	  "crm-ticket resolve ID [--note TEXT]\n", WRITE },
	{ "close", run_change, "", close_options,
	  "crm-ticket close ID [--csat 1-5]\n", WRITE },
	{ "reopen", run_change, "", note_options,
	  "crm-ticket reopen ID [--note TEXT]\n", WRITE },
	{ "list", run_list, "", list_options,
	  "crm-ticket list [--customer ID] [--status S] [--owner H] "
	  "[--priority P] [--open]\n"
	  "                [--breached] [--limit N]\n", CLI_NEEDS_DB },
	{ "show", run_show, "", no_options, "crm-ticket show ID\n",
	  CLI_NEEDS_DB },
	{ "stats", run_stats, "", stats_options,
	  "crm-ticket stats [--from D] [--to D] [--by month|day|all] "
	  "[--rep H]\n", CLI_NEEDS_DB },
	{ "targets", run_targets, "", targets_options,
	  "crm-ticket targets [set PRIORITY [--response H] "
	  "[--resolution H]]\n", WRITE },
	{ NULL, NULL, NULL, NULL, NULL, 0 }
};

int cmd_crm_ticket(int argc, char **argv)
{
	struct request req = { 0 };

	return cli_run_verbs(argc, argv, verbs, &req);
}
