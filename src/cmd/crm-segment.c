/*
 * crm-segment - customers for a campaign: tags, industry, region,
 * revenue, recent purchase and a jq predicate, all of them; --rfm scores
 * recency, frequency and monetary 1 to 5 and names the segment.
 */
#include <stdlib.h>
#include <string.h>

#include "array.h"
#include "cli.h"
#include "commands.h"
#include "crm.h"

enum {
	OPT_TAG = CLI_FIRST_OWN, OPT_INDUSTRY, OPT_REGION, OPT_MIN_REVENUE,
	OPT_SINCE, OPT_RFM, OPT_WINDOW, OPT_LIMIT
};

static const struct option options[] = {
	{ "tag", required_argument, NULL, OPT_TAG },
	{ "industry", required_argument, NULL, OPT_INDUSTRY },
	{ "region", required_argument, NULL, OPT_REGION },
	{ "min-revenue", required_argument, NULL, OPT_MIN_REVENUE },
	{ "since", required_argument, NULL, OPT_SINCE },
	{ "rfm", no_argument, NULL, OPT_RFM },
	{ "window", required_argument, NULL, OPT_WINDOW },
	CLI_OPTIONS
};

struct request {
	struct crm_segment q;
	const char **tags;
	size_t ntags, tag_cap;
	const char *min_revenue, *since;
	struct cli *cli;
};

static int run_segment(struct cli *cli, void *arg)
{
	struct request *req = arg;
	char **args;
	int status, c;

	req->cli = cli;
	req->q.window_days = 365;
	while ((c = cli_next_option(cli)) != -1) {
		switch (c) {
		case OPT_TAG:
			ARRAY_PUSH(req->tags, req->ntags, req->tag_cap,
				   optarg);
			break;
		case OPT_INDUSTRY:
			req->q.industry = optarg;
			break;
		case OPT_REGION:
			req->q.region = optarg;
			break;
		case OPT_MIN_REVENUE:
			req->min_revenue = optarg;
			break;
		case OPT_SINCE:
			req->since = cli_date(cli, "--since", optarg,
					      DATE_FIRST);
			break;
		case OPT_RFM:
			req->q.rfm = 1;
			break;
		case OPT_WINDOW:
			req->q.window_days = cli_integer(cli, "--window",
							 optarg, 1, 36500);
			break;
		}
	}
	cli_operands(cli, 0, 0, &args);
	for (size_t i = 0; i < req->ntags; i++)
		if (!crm_tag_valid(req->tags[i])) {
			status = biz_fail(BIZ_DATAERR, "tag '%s': no spaces "
					  "or control characters",
					  req->tags[i]);
			goto done;
		}
	req->q.tags = req->tags;
	req->q.ntags = req->ntags;
	if (req->min_revenue) {
		req->q.min_revenue = cli_decimal(cli, "--min-revenue",
						 req->min_revenue,
						 cli_db(cli)->money_scale);
		req->q.has_min_revenue = 1;
	}
	req->q.since = req->since;
	status = crm_segment(cli_db(cli), &req->q, cli_sink(cli));
done:
	free(req->tags);
	return status;
}

static const struct cli_verb verbs[] = {
	{ NULL, run_segment, "", options,
	  "crm-segment [--tag T]... [--industry I] [--region R] "
	  "[--min-revenue A] [--since D]\n"
	  "            [--rfm [--window DAYS]] [--limit N]\n",
	  CLI_NEEDS_DB },
	{ NULL, NULL, NULL, NULL, NULL, 0 }
};

int cmd_crm_segment(int argc, char **argv)
{
	struct request req = { 0 };

	return cli_run_verbs(argc, argv, verbs, &req);
}
