/*
 * item.h - warehouses and items (with variants) of the inventory.
 *
 * Writes take their fields as a jv object (from options or an input
 * record: strings or JSON values) and give back the record as printed,
 * with "op" created, updated or unchanged.  They run inside the caller's
 * transaction.
 */
#ifndef ITEM_H
#define ITEM_H

#include <stdint.h>
#include <jq.h>

#include "db.h"
#include "json.h"

/* Adds warehouse code; the same name again is "unchanged". */
int warehouse_add(struct db *db, const char *code, const char *name,
		  jv *out);

/* Hands out each warehouse record by code (BIZ_STOP from out: stop). */
int warehouse_each(struct db *db, struct sink *out);

/* BIZ_OK if warehouse code exists, else BIZ_DATAERR naming it. */
int warehouse_check(struct db *db, const char *code);

enum item_tracking { TRACK_NONE, TRACK_LOT, TRACK_SERIAL };
enum item_costing { COST_FIFO, COST_AVCO };

/* The names of the trackings and costings, in enum order, ending NULL. */
extern const char *const item_trackings[];
extern const char *const item_costings[];

/* What moving stock needs to know of an item. */
struct item_info {
	char sku[128];
	enum item_tracking tracking;
	enum item_costing costing;
};

/*
 * Finds the item whose SKU is code, or with scan whose barcode is code
 * (SKU second).  Unknown: BIZ_DATAERR "unknown item 'code'".
 */
int item_lookup(struct db *db, const char *code, int scan,
		struct item_info *out);

/*
 * Adds item fields["sku"].  The fields are the item record's (attrs an
 * object or "k=v,k=v", variant_of or parent the parent SKU); "extra" an
 * object of custom fields, any other key a custom field too.  Adding a
 * SKU that exists with the same fields is "unchanged"; with other fields
 * it is refused (use item_set).  fields is consumed.
 */
int item_add(struct db *db, jv fields, jv *out);

/* Changes the fields given of an existing item; fields is consumed. */
int item_set(struct db *db, const char *sku, jv fields, jv *out);

/* Adds the item, or updates the fields given when it exists. */
int item_import(struct db *db, jv fields, jv *out);

/* 1 when an input field of that name is not a custom field. */
int item_field_known(const char *name);

/* The item as a record (custom fields merged), BIZ_DATAERR if none. */
int item_get(struct db *db, const char *sku, jv *out);

struct item_filter {
	const char *parent;	/* variants of this SKU only */
	jv attrs;		/* an object every listed item's attrs match,
				   or null */
};

/*
 * Hands out each item record passing filter, by SKU (custom fields
 * merged; BIZ_STOP from out: stop).
 */
int item_each(struct db *db, const struct item_filter *filter,
	      struct sink *out);

#endif
