/*
 * stock_internal.h - what the files of src/stock share and no command
 * sees: the state a document keeps while it is written, the move record's
 * JSON, the checks every line passes and the shortage refusal.
 *
 *	document.c	documents, their caches and entry; move records
 *	valuation.c	cost layers and stock_apply_move(), the one door
 *	receipt.c	line checks and receipts
 *	picking.c	issues and transfers: which lots and serials
 *	qc.c		quality control; stock_apply_line()
 *	report.c	stock_each()
 *	demand.c	what replenishment reads: demand, positions
 *	item.c		items and warehouses (item.h)
 */
#ifndef STOCK_INTERNAL_H
#define STOCK_INTERNAL_H

#include "stock.h"

#include "biz.h"
#include "decimal.h"
#include "hash.h"
#include "json.h"

/*
 * What a document keeps while it is written: the one entry it will post
 * (kind, summed amount, the memo of its first move) and the look-ups a
 * batch would otherwise repeat per line (items by SKU, warehouses known
 * to exist).  Nothing else writes items or warehouses in the document's
 * transaction, so the caches cannot go stale.
 */
struct stock_doc_state {
	char posting[32];
	int64_t amount;
	size_t posted;
	char memo[300];
	char at[TS_BUFSZ];
	struct hash items;		/* SKU to struct item_info */
	struct hash whs;		/* warehouse codes known */
	struct json text;		/* the last move record */
	struct strbuf request;		/* the lines asked, to tell a replay
					   from another request (ref.c) */
	char *stored;			/* a replay's stored request, or NULL */
	int stored_read;
};

static inline int64_t stock_pow10(int n)
{
	int64_t p = 1;

	while (n-- > 0)
		p *= 10;
	return p;
}

static inline const char *stock_qty_text(int64_t qty, char buf[DEC_BUFSZ])
{
	return dec_format(qty, QTY_SCALE, buf);
}

/* |value| / |qty| per unit at the cost scale; qty is not 0. */
int64_t stock_unit_cost(const struct db *db, int64_t value, int64_t qty);

/* The fields of a move's record. */
struct stock_move_record {
	int64_t id, doc_id, qty, value, quarantine;
	const char *at, *date, *kind, *ref, *sku, *wh, *lot;
	const char *serials;	/* JSON array text, or NULL */
	const char *op;		/* "unchanged" for a replay; NULL: none */
};

/* Writes r's JSON record into w, emptied first (see document.c). */
void stock_move_json(struct json *w, const struct db *db,
		     const struct stock_move_record *r);

/* Adds "op": op to the record stock_move_json() wrote into w. */
void stock_move_json_op(struct json *w, const char *op);

/* Hands a move record to out (NULL: none); a status. */
int stock_move_out(struct sink *out, const struct json *w);

/*
 * The end of a listing that handed rows to a sink: status is the sink's
 * last answer (BIZ_STOP: stopped early, stmt reset, not a failure), rc
 * the last db_row().  Returns the listing's status.
 */
static inline int stock_list_end(struct db_stmt *stmt, int status, int rc)
{
	if (status) {
		db_reset(stmt);
		return status == BIZ_STOP ? BIZ_OK : status;
	}
	return rc == DB_DONE ? BIZ_OK : rc;
}

/* doc's date: its own, or today. */
const char *stock_doc_date(struct stock_doc *doc, const struct db *db);

/* doc's state, made on first use. */
struct stock_doc_state *stock_doc_get_state(const struct db *db,
					    struct stock_doc *doc);

/* item_lookup() and warehouse_check() through doc's caches. */
int stock_doc_item(struct db *db, struct stock_doc *doc, const char *code,
		   int scan, struct item_info *out);
int stock_doc_warehouse(struct db *db, struct stock_doc *doc,
			const char *code);

/*
 * The request of a document posted with a ref (ref.c): each line adds
 * its text (stock_doc_request_line, after stock_doc_begin()); at the
 * end a new document stores it.  A replay compares each line as it comes
 * and the line count at the end, and refuses another request
 * (BIZ_REFUSED, naming the ref and what differs).
 */
int stock_doc_request_line(struct db *db, struct stock_doc *doc,
			   const struct stock_line *line);
int stock_doc_request_end(struct db *db, struct stock_doc *doc);

/* Adds amount (by posting rule kind) to doc's one entry. */
int stock_doc_post_add(struct db *db, struct stock_doc *doc,
		       const char *kind, int64_t amount, const char *memo);

/* Refuses want of sku (lot, when named) in wh, where have is available. */
int stock_shortage(const char *sku, const char *wh, const char *lot,
		   int64_t have, int64_t want);

/*
 * The serials a line takes out of line->wh: the named ones (in stock
 * there, not on hold) or the oldest.  Marks them moved (out, or to
 * warehouse to).  *json gets their JSON array text.
 */
int stock_pick_serials(struct db *db, const struct item_info *item,
		       const struct stock_line *line, int64_t qty,
		       const char *to, char **json);

/*
 * Puts serial s of sku in stock at wh (held: in quarantine) by move
 * move_id; a serial already in stock is BIZ_DATAERR.
 */
int stock_serial_receive(struct db *db, const char *sku, const char *s,
			 const char *wh, int held, int64_t move_id);


/* The checks of a line (receipt.c). */
int stock_check_qty(const struct stock_line *line);
int stock_check_lot(const struct item_info *item, const char *lot,
		    int need);
int stock_check_serials(const struct item_info *item,
			const struct stock_line *line, int need,
			int64_t *qty);

#endif
