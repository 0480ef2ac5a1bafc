/*
 * stockcmd.c - one stock document per command run: its lines from the
 * options, a batch of records or scanned codes; its moves printed.
 */
#include "stockcmd.h"

#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <stdio.h>
#include <sys/types.h>

#include "array.h"
#include "decimal.h"
#include "record.h"
#include "banned.h"

void stock_request_add_serial(struct stock_request *req, const char *serial)
{
	ARRAY_PUSH(req->serials, req->line.serial_count, req->serial_cap,
		   serial);
	req->line.serials = req->serials;
}

void stock_request_check(struct cli *cli, struct stock_request *req,
			 int nargs, const char *qty)
{
	/* A FILE's lines may name their own warehouse. */
	if (!req->line.wh && nargs != 1)
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

/* record[key] as a quantity at scale; *has set when present. */
static int record_decimal(jv record, const char *key, int scale,
			  int64_t *out, int *has)
{
	jv value = jv_object_get(jv_copy(record), jv_string(key));
	int kind = jv_get_kind(value);

	*has = 0;
	if (kind == JV_KIND_INVALID || kind == JV_KIND_NULL ||
	    (kind == JV_KIND_STRING && !*jv_string_value(value))) {
		jv_free(value);
		return BIZ_OK;
	}
	if (kind == JV_KIND_STRING) {
		int bad = dec_parse(jv_string_value(value), scale, out);

		if (bad) {
			int status = dec_parse_fail(key,
						    jv_string_value(value),
						    scale);
			jv_free(value);
			return status;
		}
		jv_free(value);
	} else if (dec_from_jv(value, scale, out)) {
		return biz_fail(BIZ_DATAERR, "%s: not a number with at most "
				"%d decimal places", key, scale);
	}
	*has = 1;
	return BIZ_OK;
}


/*
 * Applies one input record of a batch (fields sku, qty, cost, lot,
 * expiry, serial or serials, wh, to) as a line of doc; base gives the
 * defaults from the command's options.  record is consumed.
 */
static int apply_stock_record(struct db *db, struct stock_doc *doc,
			      const struct stock_line *base, jv record,
			      struct sink *out)
{
	static const char *const known[] = {
		"sku", "qty", "cost", "lot", "expiry", "serial", "serials",
		"wh", "to", "barcode", "ref", NULL
	};
	struct rec_texts texts = { .used = 0 };
	struct stock_line line = *base;
	const char **serials = NULL;
	jv list = jv_null();
	int has, status = BIZ_OK;

	if ((status = rec_known_fields(record, known)))
		goto done;
	line.sku = rec_text(&texts, record, "sku");
	if (!line.sku && rec_text(&texts, record, "barcode")) {
		line.sku = rec_text(&texts, record, "barcode");
		line.scan = 1;
	}
	if (!line.sku) {
		status = biz_fail(BIZ_DATAERR, "sku: a SKU is needed");
		goto done;
	}
	if (rec_text(&texts, record, "wh"))
		line.wh = rec_text(&texts, record, "wh");
	if (!line.wh) {
		status = biz_fail(BIZ_DATAERR, "wh: a warehouse is needed (a "
				  "wh field or --wh)");
		goto done;
	}
	if (rec_text(&texts, record, "to"))
		line.to = rec_text(&texts, record, "to");
	if (rec_text(&texts, record, "lot"))
		line.lot = rec_text(&texts, record, "lot");
	if (rec_text(&texts, record, "expiry"))
		line.expiry = rec_text(&texts, record, "expiry");
	if ((status = record_decimal(record, "qty", QTY_SCALE, &line.qty,
				     &has)))
		goto done;
	if (!has)
		line.qty = 0;
	if ((status = record_decimal(record, "cost", stock_cost_scale(db),
				     &line.cost, &has)))
		goto done;
	if (has)
		line.has_cost = 1;
	list = jv_object_get(jv_copy(record), jv_string("serials"));
	if (jv_get_kind(list) != JV_KIND_ARRAY) {
		const char *text = rec_text(&texts, record, "serials");

		if (!text)
			text = rec_text(&texts, record, "serial");
		jv_free(list);
		list = text ? jv_string_split(jv_string(text), jv_string(","))
			    : jv_array();
	}
	line.serial_count = (size_t)jv_array_length(jv_copy(list));
	serials = xmalloc((line.serial_count + 1) * sizeof(*serials));
	for (size_t i = 0; i < line.serial_count; i++) {
		jv s = jv_array_get(jv_copy(list), (int)i);

		if (jv_get_kind(s) != JV_KIND_STRING) {
			jv_free(s);
			status = biz_fail(BIZ_DATAERR, "serials: text is "
					  "needed");
			goto done;
		}
		serials[i] = jv_string_value(s);	/* list holds it */
		jv_free(s);
	}
	line.serials = serials;
	if (!line.qty && !line.serial_count) {
		status = biz_fail(BIZ_DATAERR, "qty: a quantity is needed");
		goto done;
	}
	status = stock_apply_line(db, doc, &line, out);
done:
	free(serials);
	jv_free(list);
	jv_free(record);
	return status;
}

/*
 * Reads path ("-" or NULL: stdin) one barcode or SKU per line, each one
 * unit, and applies them as lines of doc (receipt or issue) grouped per
 * item in the order first seen; base gives the rest of each line.  An
 * unknown code fails with "FILE:LINE: unknown item 'X'".
 */
struct scanned {
	char sku[128];
	int64_t units;
};

static int apply_scan(struct db *db, struct stock_doc *doc,
		      const struct stock_line *base, const char *path,
		      struct sink *out)
{
	const char *name = path && strcmp(path, "-") ? path : "-";
	FILE *fp = strcmp(name, "-") ? fopen(name, "r") : stdin;
	struct scanned *items = NULL;
	size_t n = 0, cap = 0;
	char *buf = NULL;
	size_t size = 0;
	ssize_t len;
	int line_no = 0, status = BIZ_OK;

	if (!fp)
		return biz_fail(BIZ_NOINPUT, "cannot open '%s'", name);
	/* A replay reads the codes too: its request is compared. */
	if ((status = stock_doc_begin(db, doc, out)))
		goto done;
	while ((len = getline(&buf, &size, fp)) >= 0) {
		struct item_info item;
		char *code = cli_scan_code(buf, len, ++line_no);
		size_t i;

		if (!*code)
			continue;
		if ((status = item_lookup(db, code, 1, &item))) {
			char *message = xstrdup(biz_error());

			status = biz_fail_at(status, name, line_no, "%s",
					     message);
			free(message);
			goto done;
		}
		for (i = 0; i < n && strcmp(items[i].sku, item.sku); i++)
			;
		if (i == n) {
			ARRAY_GROW(items, n + 1, cap);
			memcpy(items[n].sku, item.sku, sizeof(item.sku));
			items[n++].units = 0;
		}
		items[i].units++;
	}
	for (size_t i = 0; i < n && !status; i++) {
		struct stock_line line = *base;

		line.sku = items[i].sku;
		line.scan = 0;
		line.qty = items[i].units * QTY_ONE;	/* a code a unit */
		status = stock_apply_line(db, doc, &line, out);
	}
done:
	free(buf);
	free(items);
	if (fp != stdin)
		fclose(fp);
	return status;
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

/*
 * Prints a move record as it is written (no jv built per move), held
 * back until the commit; --where does not filter what a write did.
 */
static int print_move(struct sink *sink, const char *json, size_t len)
{
	struct stock_request *req = (struct stock_request *)
		((char *)sink - offsetof(struct stock_request, out));

	cli_print_json(req->cli, json, len);
	return BIZ_OK;
}

/* One line, a scan or a quality check: the whole document. */
static int write_document(struct db *db, void *arg, jv *record)
{
	(void)record;
	struct stock_request *req = arg;
	int status;

	if (!strncmp(req->doc.kind, "qc_", 3))
		status = stock_qc(db, &req->doc, req->pass, &req->out);
	else if (req->scan)
		status = apply_scan(db, &req->doc, &req->line, "-",
				    &req->out);
	else
		status = stock_apply_line(db, &req->doc, &req->line,
					  &req->out);
	if (!status)
		status = stock_doc_finish(db, &req->doc);
	if (!status)
		warn_replay(req);
	return status;
}

/* Finishes the document being written; a replay is warned of. */
static int end_document(struct db *db, struct stock_request *req)
{
	int status = stock_doc_finish(db, &req->doc);

	if (!status)
		warn_replay(req);
	return status;
}

static int end_batch(struct db *db, void *arg)
{
	return end_document(db, arg);
}

static int same_ref(const char *a, const char *b)
{
	return a && b ? !strcmp(a, b) : a == b;
}

/*
 * Makes req->doc the document of a batch line whose ref is ref (its ref
 * field, else --ref, else none).  Consecutive lines of one ref form one
 * document (DESIGN.md, idempotency): a new ref finishes the document
 * before.  A ref that comes back after other lines is refused, as its
 * document is already finished: the error can name the line.
 */
static int batch_document(struct db *db, struct stock_request *req,
			  const char *ref)
{
	char *own;
	int status;

	if (req->batch_lines++ && same_ref(ref, req->doc.ref))
		return BIZ_OK;
	if (req->batch_lines > 1) {
		if ((status = end_document(db, req)))
			return status;
		req->doc.id = 0;
		req->doc.replay = 0;
		req->doc.entry_id = 0;
		req->warned = 0;
	}
	req->doc.ref = NULL;
	if (!ref)
		return BIZ_OK;
	if (hash_get(&req->batch_refs, ref))
		return biz_fail(BIZ_DATAERR, "ref: '%s' comes back after lines "
				"of another ref; the lines of one ref must be "
				"together", ref);
	own = xstrdup(ref);
	hash_put(&req->batch_refs, own, own);
	req->doc.ref = own;
	return BIZ_OK;
}

static int apply_record(struct db *db, jv record, jv *out, void *arg)
{
	struct rec_texts texts = { .used = 0 };
	struct stock_request *req = arg;
	const char *ref = rec_text(&texts, record, "ref");
	int status;

	(void)out;
	if (!ref || !*ref)
		ref = req->option_ref;
	if ((status = batch_document(db, req, ref))) {
		jv_free(record);
		return status;
	}
	return apply_stock_record(db, &req->doc, &req->line, record,
				  &req->out);
}

int stock_request_run(struct cli *cli, struct stock_request *req,
		      const char *file)
{
	int status;

	/* Moves print as they are written: held back until the commit. */
	cli->spool = 1;
	req->out.put = print_move;
	req->cli = cli;
	if (file) {
		req->option_ref = req->doc.ref;
		status = cli_batch_end(cli, file, apply_record, end_batch,
				       req);
		for (size_t i = 0; i < req->batch_refs.cap; i++)
			if (req->batch_refs.keys[i])
				free(req->batch_refs.values[i]);
		hash_clear(&req->batch_refs);
	} else {
		status = cli_write(cli, write_document, req);
	}
	stock_doc_release(&req->doc);
	free(req->serials);
	req->serials = NULL;
	return status;
}
