/*
 * stockcmd.h - what the stock commands (inv-receive, inv-issue, inv-move,
 * inv-qc) share once their options are read: one document in one
 * transaction, from one line, a --scan or a batch file, the warning on a
 * replayed ref, and the document's ledger entry posted before the commit.
 * Reading the input (a batch's records, the codes of --scan) is done
 * here, not in src/stock: the library neither reads files nor prints.
 */
#ifndef STOCKCMD_H
#define STOCKCMD_H

#include "cli.h"
#include "hash.h"
#include "stock.h"

struct stock_request {
	struct stock_doc doc;	/* kind set; ref, date, ... from options */
	struct stock_line line;	/* the line, or a batch's defaults */
	int scan;		/* --scan: codes from stdin */
	int pass;		/* qc: pass (else fail) */
	int warned;
	const char *option_ref;	/* a batch: --ref, for lines without one */
	struct hash batch_refs;	/* a batch: the refs begun (owned) */
	size_t batch_lines;
	const char **serials;	/* --serial values, owned (line.serials) */
	size_t serial_cap;
	struct sink out;	/* the moves, printed as they are written */
	struct cli *cli;
};

/* Adds one --serial value to req's line. */
void stock_request_add_serial(struct stock_request *req, const char *serial);

/*
 * The checks inv-receive and inv-issue share, after their options: --wh
 * given; exactly one of --sku, a FILE (nargs operands) or --scan; --sku
 * with --qty or serials.  Parses qty (NULL: none) into req's line.  Exits
 * 64 with the usage when a check fails.
 */
void stock_request_check(struct cli *cli, struct stock_request *req,
			 int nargs, const char *qty);

/*
 * Writes req's document and prints its moves: the records of file ("-"
 * stdin) when not NULL, else the codes of --scan, else req->line (none
 * for a quality check).  Returns a status for cli_finish().
 */
int stock_request_run(struct cli *cli, struct stock_request *req,
		      const char *file);

#endif
