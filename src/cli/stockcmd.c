/* stockcmd.c - one stock document per command run. */
#include "stockcmd.h"

#include <stdlib.h>
#include <string.h>

#include "decimal.h"
#include "banned.h"

void stock_request_add_serial(struct stock_request *req, const char *serial)
{
	size_t n = req->line.serial_count;

	req->serials = xrealloc(req->serials, (n + 1) * sizeof(*req->serials));
	req->serials[n] = serial;
	req->line.serials = req->serials;
	req->line.serial_count = n + 1;
}

void stock_request_check(struct cli *cli, struct stock_request *req,
			 int nargs, const char *qty)
{
	if (!req->line.wh)
		cli_usage_error(cli, "--wh is needed");
	if (nargs > 1)
		cli_usage_error(cli, "one FILE at most");
	if ((req->line.sku != NULL) + (nargs == 1) + req->scan != 1)
		cli_usage_error(cli, "one of --sku, FILE or --scan is needed");
	if (req->line.sku && !qty && !req->line.serial_count)
		cli_usage_error(cli, "--sku needs --qty");
	if (qty)
		req->line.qty = cli_decimal(cli, "--qty", qty, QTY_SCALE);
}

static void warn_replay(struct stock_request *req)
{
	if (!req->doc.replay || req->warned)
		return;
	if (!strncmp(req->doc.kind, "qc_", 3))
		biz_warn("receipt '%s' was already checked; nothing done",
			 req->doc.ref);
	else
		biz_warn("%s '%s' was already posted; nothing done",
			 req->doc.kind, req->doc.ref);
	req->warned = 1;
}

/* Prints a move record as it is written: no jv built per move. */
static void print_move(const char *json, size_t len, void *arg)
{
	cli_print_json(arg, json, len);
}

/* One line, a scan or a quality check: the whole document. */
static int write_document(struct db *db, void *arg, jv *record)
{
	struct stock_request *req = arg;
	int status;

	if (!strncmp(req->doc.kind, "qc_", 3))
		status = stock_qc(db, &req->doc, req->pass, record);
	else if (req->scan)
		status = stock_scan(db, &req->doc, &req->line, "-", record);
	else
		status = stock_apply_line(db, &req->doc, &req->line, record);
	warn_replay(req);
	if (!status)
		status = stock_doc_finish(db, &req->doc);
	return status;
}

static int apply_record(struct db *db, jv record, jv *out, void *arg)
{
	struct stock_request *req = arg;
	int status;

	status = stock_apply_record(db, &req->doc, &req->line, record, out);
	warn_replay(req);
	return status;
}

static int end_batch(struct db *db, void *arg)
{
	struct stock_request *req = arg;

	return stock_doc_finish(db, &req->doc);
}

int stock_request_run(struct cli *cli, struct stock_request *req,
		      const char *file)
{
	int status;

	/* Moves print as they are written: held back until the commit. */
	cli->spool = 1;
	req->doc.print = print_move;
	req->doc.print_arg = cli;
	if (file)
		status = cli_batch_end(cli, file, apply_record, end_batch,
				       req);
	else
		status = cli_write(cli, write_document, req);
	stock_doc_release(&req->doc);
	free(req->serials);
	req->serials = NULL;
	return status;
}
