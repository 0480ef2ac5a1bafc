/*
 * stock.h - moving stock: receipts, issues, transfers, quality control,
 * and the one function every change of stock goes through.
 *
 * stock_apply_move() writes the immutable move row, updates the balance
 * row (item, warehouse, lot) it changes, values it from the cost layers
 * (FIFO: oldest first; AVCO: the running average, exact, the last unit
 * taking the rest) and logs its event, all in the caller's transaction;
 * the move's value is added to its document's posting.  The document
 * functions check their input (BIZ_DATAERR), refuse what the stock cannot
 * give (BIZ_REFUSED) and hand the move record of each move they write to
 * a struct sink (NULL: none), as it is written.  None begins or ends a
 * transaction.
 *
 * A document posts ONE ledger entry, by its posting rule, summing the
 * values of all its moves: stock_doc_finish() posts it and must be called
 * before the commit of every document that wrote moves (a batch of
 * 100,000 lines is one entry, not 100,000).  stock_doc_release() frees
 * what a document holds when the transaction is rolled back instead.
 */
#ifndef STOCK_H
#define STOCK_H

#include <stddef.h>
#include <stdint.h>
#include <jq.h>

#include "db.h"
#include "json.h"
#include "item.h"
#include "timeutil.h"

/*
 * One document: a receipt, an issue, a transfer or a quality check, with
 * the lines one command writes.  The caller fills the first fields; the
 * library creates the row on the first line and sets id.  A ref already
 * posted for the same kind makes the document a replay: nothing is
 * written and the moves it wrote before are handed out again.
 */
struct stock_doc {
	const char *kind;	/* receipt, issue, transfer, qc_pass,
				   qc_fail */
	const char *ref;	/* may be NULL */
	const char *date;	/* YYYY-MM-DD; NULL: today */
	const char *po;		/* receipt: purchase order (posts to GRNI) */
	const char *order;	/* issue: sales or production order */
	const char *reason;	/* issue: sale (NULL), production, scrap,
				   sample */
	int hold;		/* receipt: into quarantine */
	int64_t id;		/* set by the library */
	int replay;		/* set when ref was already posted */
	int64_t entry_id;	/* set by stock_doc_finish(): its entry, or 0 */
	struct stock_doc_state *state;	/* the library's: the posting being
					   summed, look-ups cached per
					   document */
	char today[TS_BUFSZ];
};

/* One line of a document. */
struct stock_line {
	const char *sku;	/* SKU, or with scan a barcode first */
	int scan;
	const char *wh;		/* transfer: the warehouse it leaves */
	const char *to;		/* transfer: the warehouse it enters */
	const char *lot;
	const char *expiry;	/* receipt: YYYY-MM-DD */
	int64_t qty;		/* thousandths; 0 with serials: one each */
	int64_t cost;		/* receipt: unit cost at stock_cost_scale() */
	int has_cost;
	const char *const *serials;
	size_t serial_count;
};

/* Places of a unit cost: the money scale + 2, at most DEC_MAX_SCALE. */
int stock_cost_scale(const struct db *db);

/*
 * Creates doc's row, or finds its ref posted before (then doc->replay is
 * set and the earlier moves are handed to out).  Called by the line
 * functions; a caller may call it first to learn about a replay.
 */
int stock_doc_begin(struct db *db, struct stock_doc *doc, struct sink *out);

/*
 * Ends doc: posts its one ledger entry (the sum of its moves' values by
 * its posting rule, dated and ref'd as the document; none when the sum is
 * zero), sets doc->entry_id and stock_doc.entry_id, and releases doc.
 * Call it before the commit; a replay or a document without postings
 * posts nothing.
 */
int stock_doc_finish(struct db *db, struct stock_doc *doc);

/* Frees what doc holds; for a rolled-back document.  Idempotent. */
void stock_doc_release(struct stock_doc *doc);

/*
 * Applies line as a line of doc by its kind: receipt, issue or transfer.
 */
int stock_apply_line(struct db *db, struct stock_doc *doc,
		     const struct stock_line *line, struct sink *out);

/*
 * Adds line to what doc (begun, with a ref) was asked, for a caller that
 * writes its lines otherwise (a purchase receipt): a new document keeps
 * the request, a replay is refused when it differs (stock_doc_finish()
 * compares the whole).
 */
int stock_doc_request(struct db *db, struct stock_doc *doc,
		      const struct stock_line *line);

int stock_receive(struct db *db, struct stock_doc *doc,
		  const struct stock_line *line, struct sink *out);
int stock_issue(struct db *db, struct stock_doc *doc,
		const struct stock_line *line, struct sink *out);
int stock_transfer(struct db *db, struct stock_doc *doc,
		   const struct stock_line *line, struct sink *out);

/*
 * Passes (goods become available) or fails (goods go back to the
 * supplier at their receipt cost, the receipt's posting reversed) the
 * held receipt whose ref is doc->ref (or whose number, without a ref).
 * doc->kind is "qc_pass" or "qc_fail".
 */
int stock_qc(struct db *db, struct stock_doc *doc, int pass,
	     struct sink *out);

/* A piece of a cost layer taken out, or to be put in. */
struct stock_piece {
	int64_t qty, value, origin;
};

/* One change of stock for stock_apply_move(). */
struct stock_move {
	const struct item_info *item;
	const char *wh;
	const char *lot;	/* NULL or "" when untracked */
	int64_t qty;		/* signed: + in, - out */
	int64_t value;		/* in: value received; out: set here */
	int64_t quarantine;	/* signed change of the quarantined part */
	int64_t layer_id;	/* out or release of this layer only, or 0 */
	struct stock_piece *pieces;	/* in: layers to make (transfer), or
					   NULL for one new layer; out: set
					   to the pieces taken (free them) */
	size_t piece_count, piece_cap;
	const char *posting;	/* posting rule kind, or NULL; one kind
				   per document */
	int posting_sign;	/* adds sign * value to the document's
				   entry */
	const char *serials;	/* JSON array text, or NULL */
	const char *event;	/* event kind */
	int check_available;	/* out, by FIFO or AVCO: refuse more than
				   is available (on hand - reserved -
				   quarantine), read with the layers */
	int64_t id;		/* set: the move's id */
};

/*
 * The one door for stock: writes move m of doc, updates the balance,
 * values it, adds it to the document's posting, logs it, and hands the
 * move record to out.
 * Refuses (BIZ_REFUSED) a change that would make stock negative.
 */
int stock_apply_move(struct db *db, struct stock_doc *doc,
		     struct stock_move *m, struct sink *out);

struct stock_filter {
	const char *sku;
	const char *wh;
	int lots;		/* one row per lot, with expiry */
	const char *at;		/* YYYY-MM-DD: from the moves up to it */
	int all_items;		/* every item in each warehouse, stock or
				   not (inv-stock --below-reorder picks
				   from these) */
	int all;		/* every item in every warehouse, even with
				   nothing on hand, reserved or on order */
	int64_t *value;		/* not NULL: set to each record's value in
				   the smallest unit of money before it goes
				   out (for an exact total: the record's
				   JSON number is a double) */
};

/*
 * Hands out each stock record passing filter, by SKU and warehouse, until
 * out says stop (BIZ_STOP: not a failure) or fails.
 */
int stock_each(struct db *db, const struct stock_filter *filter,
	       struct sink *out);

/* ---- what replenishment reads (demand.c) ------------------------------ */

/*
 * Calls fn for each move of a sale or production issue dated from from
 * up to (not including) to, in wh or every warehouse (NULL), in date
 * order: its SKU, warehouse, date and the quantity issued (thousandths,
 * above 0).  The strings last until fn returns.  Stops at fn's first
 * non-zero answer and returns it.
 */
typedef int (*stock_demand_fn)(void *arg, const char *sku, const char *wh,
			       const char *date, int64_t qty);
int stock_demand_each(struct db *db, const char *from, const char *to,
		      const char *wh, stock_demand_fn fn, void *arg);

/*
 * Calls fn with the quantity on hand and reserved of each item in each
 * warehouse (wh, or all with NULL) that has a balance.
 */
typedef int (*stock_position_fn)(void *arg, const char *sku, const char *wh,
				 int64_t on_hand, int64_t reserved);
int stock_position_each(struct db *db, const char *wh, stock_position_fn fn,
			void *arg);
/* ---- adjustments and reads for counts and builds (adjust.c) ---------- */

/* The serials as a JSON array text (new string), NULL for none. */
char *stock_serials_json(const char *const *serials, size_t n);

/* One adjustment of stock at a given cost, for stock_adjust(). */
struct stock_adjustment {
	const char *sku;
	const char *wh;
	const char *lot;	/* lot-tracked items; NULL otherwise */
	const char *const *serials;	/* serial-tracked items: one a
					   unit */
	size_t serial_count;
	int64_t qty;		/* signed: + in, - out (thousandths) */
	int64_t value;		/* in: the exact value of the new layer;
				   out: set to the value taken (negative) */
	const char *posting;	/* rule kind for doc's entry, or NULL */
	int posting_sign;	/* adds sign * value to doc's entry */
	const char *event;	/* event kind */
	int64_t move_id;	/* set: the move written */
};

/*
 * Moves a->qty of an item in or out of a warehouse through
 * stock_apply_move(): in as one cost layer worth exactly a->value (a
 * count's gain, a build's product), out from the cost layers by FIFO or
 * AVCO whatever is reserved (a count's loss).  Serial-tracked items move
 * with a serial a unit, named: in, new to stock (a build's product, a
 * count's find); out, in stock in the warehouse and not on hold (a
 * count's loss).  The move record goes to out (NULL: nowhere).
 */
int stock_adjust(struct db *db, struct stock_doc *doc,
		 struct stock_adjustment *a, struct sink *out);

/*
 * The value of qty units at unit cost (at stock_cost_scale()), in money
 * at the database's scale, rounded as a receipt's line is.
 */
int64_t stock_cost_value(const struct db *db, int64_t cost, int64_t qty);

/*
 * The current unit cost of sku in wh, at stock_cost_scale(): the value
 * on hand there over the quantity; with nothing on hand, the unit cost
 * of its latest cost layer anywhere; 0 when it never had one.
 */
int stock_current_cost(struct db *db, const char *sku, const char *wh,
		       int64_t *cost);

/* What is available of sku in wh (every lot): on hand - reserved -
 * quarantine. */
int stock_available_qty(struct db *db, const char *sku, const char *wh,
			int64_t *qty);

/* Records entry_id as doc's entry, for a document posted by its caller. */
int stock_doc_set_entry(struct db *db, const struct stock_doc *doc,
			int64_t entry_id);

/* One balance row: an item (and lot) in a warehouse. */
struct stock_balance_row {
	const char *sku;
	const char *lot;	/* "" when untracked */
	enum item_tracking tracking;
	int64_t qty, value;
};

/*
 * Calls fn for each balance row of wh (of sku only, when not NULL), by
 * SKU and lot, rows at zero included.  Stops at fn's first non-zero
 * status and returns it.
 */
int stock_balance_each(struct db *db, const char *wh, const char *sku,
		       int (*fn)(const struct stock_balance_row *row,
				 void *arg), void *arg);

/* The id of the last move written (0 with none): a snapshot's mark. */
int stock_last_move(struct db *db, int64_t *id);

/*
 * Calls fn for each serial of sku (every serial-tracked item when NULL)
 * in stock in wh, on hold or not, by SKU and serial.
 */
int stock_serials_each(struct db *db, const char *wh, const char *sku,
		       int (*fn)(const char *sku, const char *serial,
				 void *arg), void *arg);

/* Where a serial is: its item, and its warehouse while in stock. */
struct stock_serial_info {
	int found, in_stock;
	char sku[128], wh[128];
};

/*
 * Finds serial of sku (of any item when sku is NULL: a serial two items
 * share is BIZ_DATAERR, naming them) into *out; out->found 0 when none.
 */
int stock_serial_find(struct db *db, const char *serial, const char *sku,
		      struct stock_serial_info *out);

/*
 * Calls fn with the quantity moved in or out of wh after move after_id,
 * per item and lot (of sku only, when not NULL; of lot only, when not
 * NULL too), by SKU and lot.  A serial-tracked item's moves count per
 * serial, given as its lot: one unit each.
 */
int stock_moved_since(struct db *db, const char *wh, int64_t after_id,
		      const char *sku, const char *lot,
		      int (*fn)(const char *sku, const char *lot,
				int64_t qty, void *arg), void *arg);

#endif
