/*
 * batch.c - purchase requests from records: lines grouped by (ref,
 * supplier, warehouse) into one request each.  inv-reorder's suggestion
 * records read as they are (sku, wh, suggested_qty, supplier), so
 * "inv-reorder | inv-purchase request -" raises the requests.
 */
#include "purchase_impl.h"

#include <stdlib.h>
#include <string.h>

#include "array.h"
#include "biz.h"
#include "decimal.h"
#include "item.h"
#include "record.h"
#include "stock.h"
#include "banned.h"

struct group {
	char *ref, *supplier, *wh;
	struct purchase_line_in *lines;
	size_t count, cap;
};

struct purchase_batch {
	const char *wh, *ref;	/* defaults from the options */
	struct group *groups;
	size_t count, cap;
};

struct purchase_batch *purchase_batch_new(const char *wh, const char *ref)
{
	struct purchase_batch *b = xmalloc(sizeof(*b));

	memset(b, 0, sizeof(*b));
	b->wh = wh;
	b->ref = ref;
	return b;
}

static int same_text(const char *a, const char *b)
{
	return (!a && !b) || (a && b && !strcmp(a, b));
}

static struct group *find_group(struct purchase_batch *b, const char *ref,
				const char *supplier, const char *wh)
{
	struct group *g;

	for (size_t i = 0; i < b->count; i++) {
		g = &b->groups[i];
		if (same_text(g->ref, ref) && !strcmp(g->supplier, supplier) &&
		    !strcmp(g->wh, wh))
			return g;
	}
	ARRAY_GROW(b->groups, b->count + 1, b->cap);
	g = &b->groups[b->count++];
	memset(g, 0, sizeof(*g));
	g->ref = ref ? xstrdup(ref) : NULL;
	g->supplier = xstrdup(supplier);
	g->wh = xstrdup(wh);
	return g;
}

/* The item's own supplier, copied into buf, or "" when it has none. */
static int item_supplier(struct db *db, const char *sku, char *buf,
			 size_t size)
{
	struct rec_texts texts = { .used = 0 };
	const char *text;
	jv item;
	int status;

	if ((status = item_get(db, sku, &item)))
		return status;
	text = rec_text(&texts, item, "supplier");
	snprintf(buf, size, "%s", text ? text : "");
	jv_free(item);
	return BIZ_OK;
}

int purchase_batch_add(struct db *db, struct purchase_batch *b, jv record)
{
	struct rec_texts texts = { .used = 0 };
	char supplier[CODE_MAX];
	const char *sku, *text, *wh, *ref;
	struct purchase_line_in line;
	struct group *g;
	int status = BIZ_OK;

	memset(&line, 0, sizeof(line));
	if (jv_get_kind(record) != JV_KIND_OBJECT) {
		jv_free(record);
		return biz_fail(BIZ_DATAERR, "a record must be an object");
	}
	if (rec_text(&texts, record, "open_purchase")) {
		biz_warn("'%s' in '%s' has purchase %s open; not requested "
			 "again", rec_text(&texts, record, "sku"),
			 rec_text(&texts, record, "wh"),
			 rec_text(&texts, record, "open_purchase"));
		goto done;
	}
	if (!(sku = rec_text(&texts, record, "sku"))) {
		status = biz_fail(BIZ_DATAERR, "sku: a line needs one");
		goto done;
	}
	text = rec_text(&texts, record, "qty");
	if (!text)
		text = rec_text(&texts, record, "suggested_qty");
	if (!text || dec_parse(text, QTY_SCALE, &line.qty) || line.qty <= 0) {
		status = biz_fail(BIZ_DATAERR, "qty of '%s': '%s' is not a "
				  "number above 0", sku, text ? text : "");
		goto done;
	}
	if ((text = rec_text(&texts, record, "price"))) {
		if (dec_parse(text, stock_cost_scale(db), &line.price) ||
		    line.price < 0) {
			status = biz_fail(BIZ_DATAERR, "price of '%s': '%s' is "
					  "not an amount from 0", sku, text);
			goto done;
		}
		line.has_price = 1;
	}
	if ((text = rec_text(&texts, record, "supplier")))
		snprintf(supplier, sizeof(supplier), "%s", text);
	else if ((status = item_supplier(db, sku, supplier,
					 sizeof(supplier))))
		goto done;
	if (!*supplier && rec_has(record, "suggested_qty")) {
		biz_warn("'%s' has no supplier: not requested", sku);
		goto done;
	}
	if (!*supplier) {
		status = biz_fail(BIZ_DATAERR, "supplier: '%s' has none; give "
				  "a supplier field", sku);
		goto done;
	}
	if ((status = supplier_check(db, supplier)))
		goto done;
	wh = rec_text(&texts, record, "wh");
	wh = wh ? wh : b->wh ? b->wh : "MAIN";
	ref = rec_text(&texts, record, "ref");
	ref = ref ? ref : b->ref;
	g = find_group(b, ref, supplier, wh);
	line.sku = xstrdup(sku);
	ARRAY_PUSH(g->lines, g->count, g->cap, line);
done:
	jv_free(record);
	return status;
}

int purchase_batch_finish(struct db *db, struct purchase_batch *b,
			  int (*fn)(jv purchase, void *arg), void *arg)
{
	int status = BIZ_OK;

	for (size_t i = 0; i < b->count && !status; i++) {
		struct group *g = &b->groups[i];
		struct purchase_in in = { g->supplier, g->wh, g->ref, NULL,
					  g->lines, g->count };
		jv rec;

		for (size_t j = 0; j < i && g->ref; j++)
			if (same_text(b->groups[j].ref, g->ref))
				return biz_fail(BIZ_DATAERR, "ref '%s' names "
						"two purchases (another "
						"supplier or warehouse)",
						g->ref);
		if (!(status = purchase_request(db, &in, &rec)))
			status = fn(rec, arg);
	}
	return status;
}

void purchase_batch_free(struct purchase_batch *b)
{
	if (!b)
		return;
	for (size_t i = 0; i < b->count; i++) {
		struct group *g = &b->groups[i];

		for (size_t j = 0; j < g->count; j++)
			free((char *)g->lines[j].sku);
		free(g->lines);
		free(g->ref);
		free(g->supplier);
		free(g->wh);
	}
	free(b->groups);
	free(b);
}
