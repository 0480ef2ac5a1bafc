/*
 * ledger-aging - open invoices per customer (--ar) or open bills per
 * supplier (--ap) by days past due.
 */
#include <stdlib.h>
#include <string.h>

#include "aging.h"
#include "cli.h"
#include "commands.h"
#include "purchase.h"
#include "sales.h"
#include "timeutil.h"

enum { OPT_AP = CLI_FIRST_OWN, OPT_AR, OPT_AS_OF, OPT_DETAIL };

static const struct option options[] = {
	{ "ap", no_argument, NULL, OPT_AP },
	{ "ar", no_argument, NULL, OPT_AR },
	{ "as-of", required_argument, NULL, OPT_AS_OF },
	{ "detail", no_argument, NULL, OPT_DETAIL },
	CLI_OPTIONS
};

static int add_doc(const struct aging_doc *doc, void *arg)
{
	return aging_add(arg, doc);
}

/* Receivables to the aging: the customer's id is its party. */
struct ar_state {
	struct db *db;
	struct aging *aging;
	int64_t customer;
	char party[24];
	char *name;
};

static int add_receivable(const struct receivable *r, void *arg)
{
	struct ar_state *s = arg;
	struct aging_doc doc;

	if (r->customer != s->customer || !s->party[0]) {
		free(s->name);
		s->customer = r->customer;
		snprintf(s->party, sizeof(s->party), "%lld",
			 (long long)r->customer);
		s->name = sales_customer_name(s->db, r->customer);
	}
	doc.party = s->party;
	doc.name = s->name;
	doc.doc = r->invoice;
	doc.date = r->date;
	doc.due = r->due;
	doc.open = r->open;
	return aging_add(s->aging, &doc);
}

static int run(struct cli *cli, void *arg)
{
	const char *as_of = NULL;
	char today[TS_BUFSZ], **args;
	int c, ap = 0, ar = 0, detail = 0, status;
	struct aging *aging;

	(void)arg;
	while ((c = cli_next_option(cli)) != -1) {
		switch (c) {
		case OPT_AP: ap = 1; break;
		case OPT_AR: ar = 1; break;
		case OPT_AS_OF:
			as_of = cli_date(cli, "--as-of", optarg, DATE_LAST);
			break;
		case OPT_DETAIL: detail = 1; break;
		}
	}
	cli_operands(cli, 0, 0, &args);
	if (ap == ar)
		cli_usage_error(cli, "one of --ar (receivables by customer) or "
				"--ap (payables by supplier) is needed");
	if (!as_of)
		as_of = date_format(cli_db(cli)->now, today);
	cli_output(cli);
	aging = aging_new(as_of, cli_db(cli)->money_scale, detail,
			  cli_sink(cli));
	if (ar) {
		struct ar_state state = { cli_db(cli), aging, 0, "", NULL };

		status = sales_receivables(cli_db(cli), as_of, add_receivable,
					   &state);
		free(state.name);
	} else {
		status = purchase_open_bills(cli_db(cli), as_of, add_doc, aging);
	}
	if (status) {
		aging_free(aging);
		return status;
	}
	return aging_finish(aging, cli_format(cli) == FORMAT_TABLE);
}

static const struct cli_verb verbs[] = {
	{ NULL, run, "", options,
	  "ledger-aging --ar|--ap [--as-of D] [--detail]\n", CLI_NEEDS_DB },
	{ NULL, NULL, NULL, NULL, NULL, 0 }
};

int cmd_ledger_aging(int argc, char **argv)
{
	return cli_run_verbs(argc, argv, verbs, NULL);
}
