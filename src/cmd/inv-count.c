/* inv-count - cycle counts: snapshot, count, compare, post. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "array.h"
#include "cli.h"
#include "commands.h"
#include "decimal.h"
#include "hash.h"
#include "item.h"
#include "mfg.h"
#include "banned.h"

enum {
	OPT_WH = CLI_FIRST_OWN, OPT_SKU, OPT_ALL, OPT_SCAN, OPT_ZERO,
	OPT_STATUS
};

static const struct option start_options[] = {
	{ "wh", required_argument, NULL, OPT_WH },
	{ "sku", required_argument, NULL, OPT_SKU },
	{ "all", no_argument, NULL, OPT_ALL },
	CLI_OPTIONS
};
static const struct option record_options[] = {
	{ "scan", no_argument, NULL, OPT_SCAN },
	CLI_OPTIONS
};
static const struct option list_options[] = {
	{ "status", required_argument, NULL, OPT_STATUS },
	{ "wh", required_argument, NULL, OPT_WH },
	CLI_OPTIONS
};
static const struct option post_options[] = {
	{ "zero", no_argument, NULL, OPT_ZERO },
	CLI_OPTIONS
};

/* A code scanned, its units and the line it was first seen on. */
struct scanned {
	char *code;
	int64_t units;
	int line;
};

struct request {
	struct cli *cli;
	struct count_request count;
	const char **skus;
	size_t sku_cap;
	int64_t id;
	const char *status;	/* list */
	int scan, zero;
	struct scanned *codes;
	size_t code_count, code_cap;
};

static void read_options(struct cli *cli, struct request *req)
{
	int c;

	req->cli = cli;
	while ((c = cli_next_option(cli)) != -1) {
		switch (c) {
		case OPT_WH: req->count.wh = optarg; break;
		case OPT_SKU:
			ARRAY_GROW(req->skus, req->count.sku_count + 1,
				   req->sku_cap);
			req->skus[req->count.sku_count++] = optarg;
			req->count.skus = req->skus;
			break;
		case OPT_ALL: req->count.all = 1; break;
		case OPT_SCAN: req->scan = 1; break;
		case OPT_ZERO: req->zero = 1; break;
		case OPT_STATUS:
			cli_choice(cli, "--status", optarg, count_statuses);
			req->status = optarg;
			break;
		}
	}
}

/* Reads the verb's options and its one operand, the count's id. */
static char **read_id(struct cli *cli, struct request *req, int max)
{
	char **args;

	read_options(cli, req);
	cli_operands(cli, 1, max, &args);
	req->id = cli_integer(cli, "ID", args[0], 1, INT64_MAX);
	cli_output(cli);
	return args;
}

static int write_start(struct db *db, void *arg, jv *record)
{
	struct request *req = arg;

	(void)record;
	return count_start(db, &req->count, cli_sink(req->cli));
}

static int write_post(struct db *db, void *arg, jv *record)
{
	struct request *req = arg;

	(void)record;
	return count_post(db, req->id, req->zero, cli_sink(req->cli));
}

static int write_cancel(struct db *db, void *arg, jv *record)
{
	struct request *req = arg;

	(void)record;
	return count_cancel(db, req->id, cli_sink(req->cli));
}

static int apply_record(struct db *db, jv record, jv *out, void *arg)
{
	struct request *req = arg;

	(void)out;
	return count_record(db, req->id, record, cli_sink(req->cli));
}

/* The codes scanned, one a line, each one unit, in the order first seen. */
static void read_scan(struct request *req)
{
	struct hash seen = { 0, 0, NULL, NULL };
	char *buf = NULL;
	size_t size = 0;
	ssize_t len;
	uintptr_t at;
	int line = 0;

	while ((len = getline(&buf, &size, stdin)) >= 0) {
		char *code = cli_scan_code(buf, len, ++line);
		struct scanned *s;

		if (!*code)
			continue;
		/* Pointers into codes move as it grows: index + 1. */
		at = (uintptr_t)hash_get(&seen, code);
		if (at) {
			req->codes[at - 1].units++;
			continue;
		}
		ARRAY_GROW(req->codes, req->code_count + 1, req->code_cap);
		s = &req->codes[req->code_count++];
		s->code = xstrdup(code);
		s->units = 1;
		s->line = line;
		hash_put(&seen, s->code, (void *)(uintptr_t)req->code_count);
	}
	free(buf);
	hash_clear(&seen);
}

/* Prefixes the bad code first seen on line with "-:LINE: ". */
static int scan_fail(int status, int line)
{
	char *message = xstrdup(biz_error());

	status = biz_fail(status, "-:%d: %s", line, message);
	free(message);
	return status;
}

/*
 * The codes' items, each with the units of all its codes; a code that is
 * no item's goes as it is (a serial is counted by its own code).
 */
static int write_scan(struct db *db, void *arg, jv *record)
{
	struct request *req = arg;
	struct hash seen = { 0, 0, NULL, NULL };
	struct scanned *items = NULL;
	size_t n = 0, cap = 0;
	uintptr_t at;
	int status = BIZ_OK;

	(void)record;
	for (size_t i = 0; i < req->code_count && !status; i++) {
		struct item_info item;
		const char *key = req->codes[i].code;

		status = item_lookup(db, key, 1, &item);
		if (status == BIZ_OK)
			key = item.sku;
		else if (status != BIZ_DATAERR)
			break;
		status = BIZ_OK;
		if ((at = (uintptr_t)hash_get(&seen, key))) {
			items[at - 1].units += req->codes[i].units;
			continue;
		}
		ARRAY_GROW(items, n + 1, cap);
		items[n].code = xstrdup(key);
		items[n].units = req->codes[i].units;
		items[n].line = req->codes[i].line;
		n++;
		hash_put(&seen, items[n - 1].code, (void *)(uintptr_t)n);
	}
	for (size_t i = 0; i < n && !status; i++)
		if ((status = count_scan_code(db, req->id, items[i].code,
					      items[i].units * QTY_ONE,
					      cli_sink(req->cli))) &&
		    status == BIZ_DATAERR)
			status = scan_fail(status, items[i].line);
	for (size_t i = 0; i < n; i++)
		free(items[i].code);
	free(items);
	hash_clear(&seen);
	return status;
}

static int run_start(struct cli *cli, void *arg)
{
	struct request *req = arg;
	char **args;
	int status;

	read_options(cli, req);
	cli_operands(cli, 0, 0, &args);
	if (!req->count.wh)
		cli_usage_error(cli, "--wh is needed");
	cli_output(cli);
	status = cli_write(cli, write_start, req);
	free(req->skus);
	return status;
}

static int run_record(struct cli *cli, void *arg)
{
	struct request *req = arg;
	char **args = read_id(cli, req, 2);
	int status, file = cli_args(cli, &args) == 2;

	if (req->scan && file)
		cli_usage_error(cli, "--scan reads standard input: no FILE");
	if (!req->scan)
		return cli_batch(cli, file ? args[1] : "-", apply_record, req);
	read_scan(req);
	status = cli_write(cli, write_scan, req);
	for (size_t i = 0; i < req->code_count; i++)
		free(req->codes[i].code);
	free(req->codes);
	return status;
}

static int run_diff(struct cli *cli, void *arg)
{
	struct request *req = arg;

	read_id(cli, req, 1);
	return count_diff(cli_db(cli), req->id, cli_sink(cli));
}

static int run_show(struct cli *cli, void *arg)
{
	struct request *req = arg;

	read_id(cli, req, 1);
	return count_show(cli_db(cli), req->id, cli_sink(cli));
}

static int run_post(struct cli *cli, void *arg)
{
	struct request *req = arg;

	read_id(cli, req, 1);
	return cli_write(cli, write_post, req);
}

static int run_list(struct cli *cli, void *arg)
{
	struct request *req = arg;
	char **args;

	read_options(cli, req);
	cli_operands(cli, 0, 0, &args);
	return count_each(cli_db(cli), req->status, req->count.wh, cli_sink(cli));
}

static int run_cancel(struct cli *cli, void *arg)
{
	struct request *req = arg;

	read_id(cli, req, 1);
	return cli_write(cli, write_cancel, req);
}

static const struct cli_verb verbs[] = {
	{ "start", run_start, "", start_options,
	  "inv-count start --wh W [--sku S]... [--all]\n",
	  CLI_NEEDS_DB | CLI_WRITES },
	{ "record", run_record, "", record_options,
	  "inv-count record ID [FILE|-|--scan]\n",
	  CLI_NEEDS_DB | CLI_WRITES },
	{ "diff", run_diff, "", NULL, "inv-count diff ID\n", CLI_NEEDS_DB },
	{ "post", run_post, "", post_options, "inv-count post ID [--zero]\n",
	  CLI_NEEDS_DB | CLI_WRITES },
	{ "cancel", run_cancel, "", NULL, "inv-count cancel ID\n",
	  CLI_NEEDS_DB | CLI_WRITES },
	{ "show", run_show, "", NULL, "inv-count show ID\n", CLI_NEEDS_DB },
	{ "list", run_list, "", list_options,
	  "inv-count list [--status open|posted|cancelled] [--wh W]\n",
	  CLI_NEEDS_DB },
	{ NULL, NULL, NULL, NULL, NULL, 0 }
};

int cmd_inv_count(int argc, char **argv)
{
	struct request req;

	memset(&req, 0, sizeof(req));
	return cli_run_verbs(argc, argv, verbs, &req);
}
