/*
 * segment.c - customers for a campaign: filters over the customer
 * records, and RFM scores (recency, frequency, monetary) from the sales
 * module's figures.
 */
#include <stdlib.h>
#include <string.h>

#include "crm.h"
#include "decimal.h"
#include "json.h"
#include "sales.h"
#include "timeutil.h"

/* One scored customer: its figures and scores. */
struct rfm_row {
	int64_t customer, recency, frequency, monetary;
	int r, f, m;
};

struct rfm_table {
	struct rfm_row *rows;
	size_t len, cap;
	int64_t today;		/* days since the epoch */
};

static int collect_window(const struct sales_window *w, void *arg)
{
	struct rfm_table *t = arg;
	struct rfm_row *row;
	int64_t last;

	if (t->len == t->cap) {
		t->cap = t->cap ? t->cap * 2 : 1024;
		t->rows = xrealloc(t->rows, t->cap * sizeof(*t->rows));
	}
	row = &t->rows[t->len++];
	memset(row, 0, sizeof(*row));
	row->customer = w->customer;
	if (!w->last || date_parse(w->last, &last))
		return biz_fail(BIZ_INTERNAL, "invoice date '%s' of customer "
				"%lld", w->last ? w->last : "",
				(long long)w->customer);
	row->recency = t->today - last / 86400;
	row->frequency = w->invoices;
	row->monetary = w->revenue;
	return BIZ_OK;
}

static int compare_i64(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;

	return (x > y) - (x < y);
}

/* How many of sorted (n values, ascending) are less than value. */
static size_t count_below(const int64_t *sorted, size_t n, int64_t value)
{
	size_t lo = 0, hi = n;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (sorted[mid] < value)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/*
 * The cut rule (crm-segment(1)): a value's score is 1 + 5 * (how many
 * customers score worse) / n, rounded down, n the customers scored:
 * equal values share a score, and each fifth of the ranks is a step.
 * For recency fewer days is better: the negated days are ranked.
 */
static void rfm_score(struct rfm_table *t)
{
	size_t n = t->len;
	int64_t *values = xmalloc((n ? n : 1) * 3 * sizeof(*values));
	int64_t *r = values, *f = values + n, *m = values + 2 * n;

	for (size_t i = 0; i < n; i++) {
		r[i] = -t->rows[i].recency;
		f[i] = t->rows[i].frequency;
		m[i] = t->rows[i].monetary;
	}
	qsort(r, n, sizeof(*r), compare_i64);
	qsort(f, n, sizeof(*f), compare_i64);
	qsort(m, n, sizeof(*m), compare_i64);
	for (size_t i = 0; i < n; i++) {
		struct rfm_row *row = &t->rows[i];

		row->r = 1 + (int)(5 * count_below(r, n, -row->recency) / n);
		row->f = 1 + (int)(5 * count_below(f, n, row->frequency) / n);
		row->m = 1 + (int)(5 * count_below(m, n, row->monetary) / n);
	}
	free(values);
}

const char *crm_rfm_segment(int r, int f, int m)
{
	if (r >= 4 && f >= 4 && m >= 4)
		return "champions";
	if (r >= 3 && f >= 3)
		return "loyal";
	if (r >= 4 && f == 1)
		return "new";
	if (r >= 4)
		return "promising";
	if (r == 3)
		return "need_attention";
	if (f >= 3)
		return "at_risk";
	if (r == 2)
		return "hibernating";
	return "lost";
}

/* The scored row of customer id (rows are in customer order), or NULL. */
static const struct rfm_row *rfm_find(const struct rfm_table *t, int64_t id)
{
	size_t lo = 0, hi = t->len;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (t->rows[mid].customer == id)
			return &t->rows[mid];
		if (t->rows[mid].customer < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

struct segment_run {
	const struct crm_segment *q;
	struct rfm_table table;
};

/*
 * Whether customer id passes the revenue and purchase filters: its
 * figures as its record has them (the sales module's).
 */
static int segment_passes(struct db *db, const struct crm_segment *q,
			  int64_t id, int *passes)
{
	int64_t revenue, balance;
	char last[32];
	int status;

	*passes = 1;
	if (!q->has_min_revenue && !q->since)
		return BIZ_OK;
	if ((status = sales_customer_figures(db, id, &revenue, last,
					     &balance)))
		return status;
	if (q->has_min_revenue && revenue < q->min_revenue)
		*passes = 0;
	if (q->since && (!*last || strcmp(last, q->since) < 0))
		*passes = 0;
	return BIZ_OK;
}

/* customer_each()'s extend: the filters, then the scores. */
static int segment_extend(struct db *db, int64_t id, struct json *w,
			  void *arg)
{
	struct segment_run *run = arg;
	const struct rfm_row *row;
	char rfm[4];
	int passes, status;

	if ((status = segment_passes(db, run->q, id, &passes)))
		return status;
	if (!passes)
		return 1;
	if (!run->q->rfm)
		return BIZ_OK;
	row = rfm_find(&run->table, id);
	if (!row) {
		json_key(w, "recency_days");
		json_null(w);
		json_key_int(w, "frequency", 0);
		json_key_dec(w, "monetary", 0, db->money_scale);
		json_key(w, "rfm");
		json_null(w);
		json_key_str(w, "segment", "prospect");
		return BIZ_OK;
	}
	snprintf(rfm, sizeof(rfm), "%d%d%d", row->r, row->f, row->m);
	json_key_int(w, "recency_days", row->recency);
	json_key_int(w, "frequency", row->frequency);
	json_key_dec(w, "monetary", row->monetary, db->money_scale);
	json_key_str(w, "rfm", rfm);
	json_key_str(w, "segment", crm_rfm_segment(row->r, row->f, row->m));
	return BIZ_OK;
}

int crm_segment(struct db *db, const struct crm_segment *q,
		struct sink *out)
{
	struct customer_filter filter = { 0 };
	struct segment_run run = { 0 };
	char since[TS_BUFSZ];
	int status = BIZ_OK;

	run.q = q;
	if (q->rfm) {
		run.table.today = db->now / 86400;
		date_format((run.table.today - q->window_days) * 86400,
			    since);
		status = sales_customer_windows(db, since, collect_window,
						&run.table);
		if (!status)
			rfm_score(&run.table);
	}
	filter.tags = q->tags;
	filter.ntags = q->ntags;
	filter.industry = q->industry;
	filter.region = q->region;
	filter.extend = segment_extend;
	filter.extend_arg = &run;
	if (!status)
		status = customer_each(db, &filter, out);
	free(run.table.rows);
	return status;
}
