/*
 * mfg.h - production and counts: bills of materials, builds, and the
 * cycle counts of a warehouse.
 *
 * Every change of stock made here goes through the stock module's one
 * path (stock.h: stock_issue() and stock_adjust()), which writes the
 * move, values it from the cost layers and logs it; the ledger entries
 * are posted in the same transaction, so the Inventory account keeps
 * equal to the stock's value.  The functions run inside the caller's
 * transaction (the write ones) and hand their records to a struct sink;
 * they neither print nor exit.
 */
#ifndef MFG_H
#define MFG_H

#include <stddef.h>
#include <stdint.h>
#include <jq.h>

#include "db.h"
#include "json.h"

/* |value| / |qty| per unit at stock_cost_scale(); qty is not 0. */
int64_t mfg_unit_cost(const struct db *db, int64_t value, int64_t qty);

/* ---- bills of materials ---------------------------------------------- */

/*
 * Sets the quantity of component per unit of product (thousandths).
 * Refuses (BIZ_DATAERR) an unknown item, a quantity not above zero, and
 * a cycle: a product that would contain itself at any depth.  The line
 * record (product component qty op) goes to out: "created", "updated"
 * (another quantity) or "unchanged".
 */
int bom_add(struct db *db, const char *product, const char *component,
	    int64_t qty, struct sink *out);

/* Removes a line; one that is not there is BIZ_DATAERR. */
int bom_remove(struct db *db, const char *product, const char *component,
	       struct sink *out);

/*
 * The lines of product's bill (NULL: every bill), by product and
 * component: product component qty unit name.
 */
int bom_list(struct db *db, const char *product, struct sink *out);

/*
 * The bill of product exploded to every level, one record per line
 * depth first: product level parent component qty (per unit of parent)
 * total (per unit of product).  No bill: BIZ_DATAERR.
 */
int bom_show(struct db *db, const char *product, struct sink *out);

/* ---- builds ------------------------------------------------------------ */

struct build_request {
	const char *sku;	/* the product */
	const char *wh;
	int64_t qty;		/* thousandths */
	const char *lot;	/* the product's lot, or NULL (lot-tracked
				   products get "B" and the build's id) */
	const char *const *serials;	/* serial-tracked products: one a
					   unit built */
	size_t serial_count;
	const char *ref;	/* may be NULL */
	const char *date;	/* YYYY-MM-DD, or NULL: today */
	int explode;		/* build missing sub-assemblies first */
};

/*
 * Builds req->qty of req->sku: issues every component (reason
 * production: FIFO or AVCO, lots first-expiry-first-out) and receives
 * the products as one cost layer worth exactly what the components cost.
 * Short of any component, refuses (BIZ_REFUSED) naming every one short
 * and writes nothing.  A ref built before with the same request hands
 * its record to out with "op" "unchanged"; with another request it is
 * refused.  The build record goes to out: id sku wh lot qty value
 * unit_cost ref date components[{sku qty value}] builds[] op.
 */
int build_run(struct db *db, const struct build_request *req,
	      struct sink *out);

/* ---- counts ------------------------------------------------------------ */

struct count_request {
	const char *wh;
	const char *const *skus;	/* only these, or all with none */
	size_t sku_count;
	int all;		/* also items with nothing on hand */
};

/*
 * Starts a count of req->wh: snapshots the quantity expected of each
 * item (per lot for lot-tracked items, per serial for serial-tracked
 * ones: one unit each).  The count record goes to out.
 */
int count_start(struct db *db, const struct count_request *req,
		struct sink *out);

/*
 * Adds one counted record (fields sku or barcode, lot or serial, qty: 1
 * with a serial) to open count id; several records of one item and lot
 * add up, a serial counts once (qty 1 or 0).  record is
 * consumed.  A quantity below zero is BIZ_DATAERR; a count that is not
 * open is refused.  The line (count sku lot qty counted) goes to out.
 */
int count_record(struct db *db, int64_t id, jv record, struct sink *out);

/*
 * Adds units of the item whose barcode (or SKU) is code to open count
 * id: what a scan of code units times gives.  A code that is no item's
 * but a serial's counts that serial once.
 */
int count_scan_code(struct db *db, int64_t id, const char *code,
		    int64_t units, struct sink *out);

/*
 * Each line of count id: sku lot expected moved counted variance
 * unit_cost value, where moved is what moved since the snapshot and
 * variance = counted - (expected + moved), valued at the current unit
 * cost (a posted count gives what it posted).
 */
int count_diff(struct db *db, int64_t id, struct sink *out);

/*
 * Posts count id: an adjustment move per line with a variance (losses
 * at FIFO or AVCO cost, gains at the current unit cost) and one ledger
 * entry against Inventory Adjustments.  Lines never counted are left
 * alone, or with zero_uncounted count as zero.  A count already posted
 * or cancelled is refused.  The count record goes to out.
 */
int count_post(struct db *db, int64_t id, int zero_uncounted,
	       struct sink *out);

/* Cancels open count id; the record goes to out. */
int count_cancel(struct db *db, int64_t id, struct sink *out);

/* Count id as a record: id wh status started_at lines[...]. */
int count_show(struct db *db, int64_t id, struct sink *out);

#endif
