/*
 * batch.c - orders from input records: records with the same ref, one
 * after the other, are the lines of one order.
 */
#include "sales_internal.h"

#include <stdlib.h>
#include <string.h>

#include "item.h"
#include "record.h"
#include "banned.h"

struct order_batch {
	struct sink *sink;
	struct json out;
	char *ref;		/* the order being gathered, or NULL */
	char *wh, *date;
	int64_t customer, tax_rate;
	struct sales_line *lines;
	size_t count;
};

struct order_batch *order_batch_new(struct sink *sink)
{
	struct order_batch *b = xmalloc(sizeof(*b));

	memset(b, 0, sizeof(*b));
	b->sink = sink;
	return b;
}

static void batch_clear(struct order_batch *b)
{
	for (size_t i = 0; i < b->count; i++)
		free((char *)b->lines[i].sku);
	free(b->lines);
	free(b->ref);
	free(b->wh);
	free(b->date);
	b->lines = NULL;
	b->count = 0;
	b->ref = b->wh = b->date = NULL;
}

void order_batch_free(struct order_batch *b)
{
	if (!b)
		return;
	batch_clear(b);
	json_release(&b->out);
	free(b);
}

/* Creates the order gathered so far, if any, and hands it on. */
static int batch_flush(struct db *db, struct order_batch *b)
{
	struct sales_order_in in = {
		b->customer, b->wh, b->tax_rate, b->ref, b->date, b->lines,
		b->count
	};
	int status;

	if (!b->count)
		return BIZ_OK;
	status = order_create(db, &in, &b->out);
	batch_clear(b);
	if (status)
		return status;
	status = sink_put(b->sink, &b->out);
	return status == BIZ_STOP ? BIZ_OK : status;
}

static char *dup_or_null(const char *s)
{
	return s ? xstrdup(s) : NULL;
}

/* Reads a decimal field at scale; missing is BIZ_DATAERR. */
static int dec_field(jv record, const char *key, int scale, int64_t *out)
{
	jv v = jv_object_get(jv_copy(record), jv_string(key));

	if (!jv_is_valid(v) || jv_get_kind(v) == JV_KIND_NULL) {
		jv_free(v);
		return biz_fail(BIZ_DATAERR, "%s: missing", key);
	}
	if (dec_from_jv(v, scale, out))
		return biz_fail(BIZ_DATAERR, "%s: not a number with at most %d "
				"places", key, scale);
	return BIZ_OK;
}

int order_batch_add(struct db *db, struct order_batch *b, jv record)
{
	struct rec_texts texts = { .used = 0 };
	const char *ref = rec_text(&texts, record, "ref");
	const char *tax = rec_text(&texts, record, "tax");
	const char *sku = rec_text(&texts, record, "sku");
	int64_t customer = 0, rate = 0, qty, price;
	struct sales_line *line;
	struct item_info item;
	int status;

	if (jv_get_kind(record) != JV_KIND_OBJECT) {
		jv_free(record);
		return biz_fail(BIZ_DATAERR, "a record is an object");
	}
	if (!sku)
		status = biz_fail(BIZ_DATAERR, "sku: missing");
	else if (!(status = field_integer("customer", rec_text(&texts, record,
					  "customer"), 1, INT64_MAX,
					  &customer)) &&
		 !rec_text(&texts, record, "customer"))
		status = biz_fail(BIZ_DATAERR, "customer: missing");
	if (!status && tax)
		status = sales_tax_parse(tax, &rate);
	if (!status)
		status = item_lookup(db, sku, 0, &item);
	if (!status &&
	    !(status = dec_field(record, "qty", QTY_SCALE, &qty)) &&
	    !(status = dec_field(record, "price", db->money_scale, &price)) &&
	    (qty <= 0 || price < 0))
		status = biz_fail(BIZ_DATAERR, "'%s': quantity must be more "
				  "than zero and price not negative", sku);
	if (!status && (!ref || !b->ref || strcmp(ref, b->ref)))
		status = batch_flush(db, b);
	if (!status && b->count && customer != b->customer)
		status = biz_fail(BIZ_DATAERR, "ref '%s': lines of one order "
				  "name different customers", ref);
	if (!status && !b->count) {
		b->ref = dup_or_null(ref);
		b->wh = dup_or_null(rec_text(&texts, record, "wh"));
		b->date = dup_or_null(rec_text(&texts, record, "date"));
		b->customer = customer;
		b->tax_rate = rate;
	}
	if (!status) {
		b->lines = xrealloc(b->lines, (b->count + 1) *
				    sizeof(*b->lines));
		line = &b->lines[b->count++];
		line->sku = xstrdup(sku);
		line->qty = qty;
		line->price = price;
		if (!ref)
			status = batch_flush(db, b);
	}
	jv_free(record);
	return status;
}

int order_batch_end(struct db *db, struct order_batch *b)
{
	return batch_flush(db, b);
}
