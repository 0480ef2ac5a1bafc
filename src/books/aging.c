/* aging.c - open documents by days past due, per party. */
#include "aging.h"

#include <stdlib.h>
#include <string.h>

#include "array.h"
#include "biz.h"
#include "decimal.h"
#include "timeutil.h"
#include "banned.h"

static const char *const bucket_names[AGING_BUCKETS] = {
	"not_due", "d1_30", "d31_60", "d61_90", "d90_plus"
};

struct party_total {
	char *party, *name;
	int64_t amount[AGING_BUCKETS], total;
};

struct aging {
	char as_of[TS_BUFSZ];
	int scale, detail;
	struct sink *sink;
	struct party_total *parties;
	size_t count, cap;
};

int aging_bucket_of(const char *due, const char *as_of,
		    enum aging_bucket *out, int64_t *days_past_due)
{
	int64_t d, a, days;

	if (date_parse(due, &d) || date_parse(as_of, &a))
		return biz_fail(BIZ_DATAERR, "due date '%s' or as-of '%s' is "
				"not a date", due, as_of);
	days = (a - d) / 86400;
	*days_past_due = days;
	*out = days <= 0 ? AGING_NOT_DUE : days <= 30 ? AGING_1_30 :
	       days <= 60 ? AGING_31_60 : days <= 90 ? AGING_61_90 :
	       AGING_90_PLUS;
	return BIZ_OK;
}

struct aging *aging_new(const char *as_of, int scale, int detail,
			struct sink *sink)
{
	struct aging *a = xmalloc(sizeof(*a));

	memset(a, 0, sizeof(*a));
	snprintf(a->as_of, sizeof(a->as_of), "%s", as_of);
	a->scale = scale;
	a->detail = detail;
	a->sink = sink;
	return a;
}

static void write_amounts(struct json *w, const int64_t *amount,
			  int64_t total, int scale)
{
	for (int b = 0; b < AGING_BUCKETS; b++)
		json_key_dec(w, bucket_names[b], amount[b], scale);
	json_key_dec(w, "total", total, scale);
}

static int print_detail(struct aging *a, const struct aging_doc *doc,
			enum aging_bucket bucket, int64_t days)
{
	int64_t amount[AGING_BUCKETS] = { 0 };
	struct json w = { 0 };
	int status;

	amount[bucket] = doc->open;
	json_object(&w);
	json_key_str(&w, "party", doc->party);
	json_key_str(&w, "name", doc->name);
	json_key_int(&w, "doc", doc->doc);
	json_key_str(&w, "date", doc->date);
	json_key_str(&w, "due", doc->due);
	json_key_int(&w, "days_past_due", days > 0 ? days : 0);
	write_amounts(&w, amount, doc->open, a->scale);
	json_end_object(&w);
	status = sink_put(a->sink, &w);
	json_release(&w);
	return status == BIZ_STOP ? BIZ_OK : status;
}

int aging_add(struct aging *a, const struct aging_doc *doc)
{
	enum aging_bucket bucket;
	struct party_total *p = NULL;
	int64_t days;
	int status;

	if ((status = aging_bucket_of(doc->due, a->as_of, &bucket, &days)))
		return status;
	if (a->detail)
		return print_detail(a, doc, bucket, days);
	for (size_t i = a->count; i-- > 0;)
		if (!strcmp(a->parties[i].party, doc->party)) {
			p = &a->parties[i];
			break;
		}
	if (!p) {
		ARRAY_GROW(a->parties, a->count + 1, a->cap);
		p = &a->parties[a->count++];
		memset(p, 0, sizeof(*p));
		p->party = xstrdup(doc->party);
		p->name = xstrdup(doc->name ? doc->name : "");
	}
	if (dec_add(&p->amount[bucket], doc->open) ||
	    dec_add(&p->total, doc->open))
		return dec_sum_fail("open amount of '%s'", doc->party);
	return BIZ_OK;
}

static int by_party(const void *x, const void *y)
{
	return strcmp(((const struct party_total *)x)->party,
		      ((const struct party_total *)y)->party);
}

int aging_finish(struct aging *a, int totals)
{
	int64_t sum[AGING_BUCKETS] = { 0 }, total = 0;
	struct json w = { 0 };
	int status = BIZ_OK;

	qsort(a->parties, a->count, sizeof(*a->parties), by_party);
	for (size_t i = 0; i < a->count && !status; i++) {
		struct party_total *p = &a->parties[i];

		json_reset(&w);
		json_object(&w);
		json_key_str(&w, "party", p->party);
		json_key_str(&w, "name", p->name);
		write_amounts(&w, p->amount, p->total, a->scale);
		json_end_object(&w);
		status = sink_put(a->sink, &w);
		/* Only the total row needs the sums. */
		for (int b = 0; b < AGING_BUCKETS && totals; b++)
			if (!status && dec_add(&sum[b], p->amount[b]))
				status = dec_sum_fail("total at '%s'",
						      p->party);
		if (!status && totals && dec_add(&total, p->total))
			status = dec_sum_fail("total at '%s'", p->party);
	}
	if (status == BIZ_STOP)
		status = BIZ_OK;
	if (!status && totals && !a->detail) {
		json_reset(&w);
		json_object(&w);
		json_key_str(&w, "party", NULL);
		json_key_str(&w, "name", "TOTAL");
		write_amounts(&w, sum, total, a->scale);
		json_end_object(&w);
		status = sink_put(a->sink, &w);
		if (status == BIZ_STOP)
			status = BIZ_OK;
	}
	json_release(&w);
	aging_free(a);
	return status;
}

void aging_free(struct aging *a)
{
	if (!a)
		return;
	for (size_t i = 0; i < a->count; i++) {
		free(a->parties[i].party);
		free(a->parties[i].name);
	}
	free(a->parties);
	free(a);
}
