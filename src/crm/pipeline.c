/*
 * pipeline.c - the sales pipeline reports: the funnel, the forecast and
 * the rep statistics.  Each reads with a few aggregate queries (or one
 * ordered pass over the stage history) and computes in integers: money in
 * minor units, durations in seconds, ratios rounded half to even once, at
 * the end (dec_muldiv).
 */
#include "crm.h"

#include <stdlib.h>
#include <string.h>

#include "array.h"
#include "biz.h"
#include "decimal.h"
#include "json.h"
#include "record.h"
#include "timeutil.h"
#include "banned.h"

/* Places of a printed ratio (conversion, win rate): 0.6667. */
#define RATIO_SCALE 4
/* Places of printed days and hours: 12.25. */
#define DURATION_SCALE 2

#define DAY_SECONDS 86400

/* ---- periods ----------------------------------------------------------- */

/*
 * Resolves one end of a period: YYYY-MM-DD, YYYY-MM, today, yesterday,
 * Nd (N days before today), or a timestamp.  *start is the first second
 * it covers, *end the first second after it.
 */
static int period_end(int64_t now, const char *text, int64_t *start,
		      int64_t *end)
{
	int64_t t, days;
	size_t len = strlen(text);
	char buf[TS_BUFSZ];

	if (!strcmp(text, "today") || !strcmp(text, "yesterday")) {
		t = now - (now % DAY_SECONDS + DAY_SECONDS) % DAY_SECONDS;
		if (text[0] == 'y')
			t -= DAY_SECONDS;
		*start = t;
		*end = t + DAY_SECONDS;
		return 0;
	}
	if (len >= 2 && text[len - 1] == 'd' &&
	    strspn(text, "0123456789") == len - 1) {
		snprintf(buf, sizeof(buf), "%.*s", (int)(len - 1), text);
		if (parse_i64(buf, 0, 100000, &days))
			return -1;
		t = now - (now % DAY_SECONDS + DAY_SECONDS) % DAY_SECONDS;
		*start = t - days * DAY_SECONDS;
		*end = *start + DAY_SECONDS;
		return 0;
	}
	if (len == 7 && text[4] == '-') {
		/* A month: its first day to the first day of the next. */
		int64_t y, m;

		snprintf(buf, sizeof(buf), "%s-01", text);
		if (date_parse(buf, start))
			return -1;
		if (parse_i64(text + 5, 1, 12, &m))
			return -1;
		snprintf(buf, sizeof(buf), "%.4s", text);
		if (parse_i64(buf, 1, 9999, &y))
			return -1;
		*end = days_from_civil(m == 12 ? y + 1 : y,
				       m == 12 ? 1 : (unsigned)m + 1, 1) *
		       DAY_SECONDS;
		return 0;
	}
	if (!date_parse(text, start)) {
		*end = *start + DAY_SECONDS;
		return 0;
	}
	if (!time_parse(text, start)) {
		*end = *start + 1;
		return 0;
	}
	return -1;
}

int crm_period_parse(struct db *db, const char *from, const char *to,
		     struct crm_period *period)
{
	int64_t start, end;

	memset(period, 0, sizeof(*period));
	if (from) {
		if (period_end(db->now, from, &start, &end))
			return biz_fail(BIZ_USAGE, "--from: '%s' is not a date "
					"(YYYY-MM-DD, YYYY-MM, today, "
					"yesterday, Nd)", from);
		period->has_from = 1;
		time_format(start, period->from_at);
		date_format(start, period->from_date);
	}
	if (to) {
		if (period_end(db->now, to, &start, &end))
			return biz_fail(BIZ_USAGE, "--to: '%s' is not a date "
					"(YYYY-MM-DD, YYYY-MM, today, "
					"yesterday, Nd)", to);
		period->has_to = 1;
		time_format(end, period->to_at);
		date_format(end - 1, period->to_date);
	}
	if (period->has_from && period->has_to &&
	    strcmp(period->from_at, period->to_at) >= 0)
		return biz_fail(BIZ_USAGE, "--from is after --to");
	return BIZ_OK;
}

/* The period's bounds as parameters: NULL for an open end. */
static const char *from_at(const struct crm_period *p)
{
	return p->has_from ? p->from_at : NULL;
}

static const char *to_at(const struct crm_period *p)
{
	return p->has_to ? p->to_at : NULL;
}

/* Whether timestamp at lies in the period. */
static int in_period(const struct crm_period *p, const char *at)
{
	return (!p->has_from || strcmp(at, p->from_at) >= 0) &&
	       (!p->has_to || strcmp(at, p->to_at) < 0);
}

/* A rep handle that names no rep is bad data (filters name entities). */
static int check_rep(struct db *db, const char *handle)
{
	if (handle && rep_exists(db, handle))
		return biz_fail(BIZ_DATAERR, "no such rep '%s'", handle);
	return BIZ_OK;
}

/* Writes num / den at scale, or null when den is 0. */
static void json_key_ratio(struct json *w, const char *key, int64_t num,
			   int64_t den, int scale)
{
	int64_t unit = 1;

	for (int i = 0; i < scale; i++)
		unit *= 10;
	json_key(w, key);
	if (!den)
		json_null(w);
	else
		json_dec(w, dec_muldiv(num, unit, den), scale);
}

/* ---- the funnel -------------------------------------------------------- */

struct funnel_row {
	int64_t entered, now, stays, seconds;
};

/* Seconds between two timestamps of the history (0 if one is bad). */
static int64_t seconds_between(const char *from, const char *to)
{
	int64_t a, b;

	if (time_parse(from, &a) || time_parse(to, &b))
		return 0;
	return b - a;
}

/*
 * One pass over the history in deal order: per stage, the deals that
 * entered it in the period (a deal that enters twice counts once) and
 * the stays that began in the period and have ended (the deal moved on).
 */
static int funnel_history(struct db *db, const struct crm_funnel *q,
			  const struct deal_stages *stages,
			  struct funnel_row *rows)
{
	static const char sql[] =
		"SELECT h.deal_id, h.to_stage, h.at FROM deal_history h "
		"JOIN deal d ON d.id = h.deal_id "
		"WHERE ?1 IS NULL OR d.owner = ?1 "
		"ORDER BY h.deal_id, h.at, h.id";
	struct db_stmt *stmt = db_stmt(db, sql);
	unsigned char *seen = xmalloc(stages->len + 1);
	int64_t deal = 0, at_t = 0, when_t;
	int stage = -1, rc;
	char at[TS_BUFSZ] = "";

	db_bind_text(stmt, 1, q->owner);
	while ((rc = db_row(db, stmt)) == DB_ROW) {
		int64_t id = db_column_int64(stmt, 0);
		int next = deal_stage_index(stages, db_column_text(stmt, 1));
		const char *when = db_column_text(stmt, 2);

		/* Each timestamp is parsed once, as the next row's start. */
		if (time_parse(when, &when_t))
			when_t = at_t;
		if (id != deal) {
			memset(seen, 0, stages->len + 1);
			deal = id;
			stage = -1;
		} else if (stage >= 0 && in_period(&q->period, at)) {
			rows[stage].stays++;
			rows[stage].seconds += when_t - at_t;
		}
		stage = next;
		at_t = when_t;
		snprintf(at, sizeof(at), "%s", when);
		if (stage >= 0 && !seen[stage] && in_period(&q->period, at)) {
			seen[stage] = 1;
			rows[stage].entered++;
		}
	}
	free(seen);
	return rc == DB_DONE ? BIZ_OK : rc;
}

/* The deals in each stage now. */
static int funnel_now(struct db *db, const struct crm_funnel *q,
		      const struct deal_stages *stages,
		      struct funnel_row *rows)
{
	static const char sql[] =
		"SELECT stage, count(*) FROM deal "
		"WHERE ?1 IS NULL OR owner = ?1 GROUP BY stage";
	struct db_stmt *stmt = db_stmt(db, sql);
	int rc;

	db_bind_text(stmt, 1, q->owner);
	while ((rc = db_row(db, stmt)) == DB_ROW) {
		int s = deal_stage_index(stages, db_column_text(stmt, 0));

		if (s >= 0)
			rows[s].now = db_column_int64(stmt, 1);
	}
	return rc == DB_DONE ? BIZ_OK : rc;
}

int crm_funnel(struct db *db, const struct crm_funnel *q, struct sink *out)
{
	struct deal_stages stages;
	struct funnel_row *rows;
	struct json w = { 0 };
	int status;

	if ((status = check_rep(db, q->owner)) ||
	    (status = deal_stages_load(db, &stages)))
		return status;
	rows = xmalloc((stages.len + 1) * sizeof(*rows));
	memset(rows, 0, (stages.len + 1) * sizeof(*rows));
	if ((status = funnel_history(db, q, &stages, rows)) ||
	    (status = funnel_now(db, q, &stages, rows)))
		goto done;
	for (size_t i = 0; i < stages.len && status == BIZ_OK; i++) {
		const struct deal_stage *stage = &stages.list[i];
		size_t next = i + 1;

		/* The next stage of an open one; lost is no step forward. */
		while (next < stages.len &&
		       stages.list[next].kind == DEAL_LOST)
			next++;
		json_reset(&w);
		json_object(&w);
		json_key_str(&w, "stage", stage->name);
		json_key_int(&w, "probability", stage->probability);
		json_key_int(&w, "entered", rows[i].entered);
		json_key_int(&w, "now", rows[i].now);
		json_key_str(&w, "next", stage->kind == DEAL_OPEN &&
			     next < stages.len ? stages.list[next].name : NULL);
		json_key_ratio(&w, "conversion",
			       stage->kind == DEAL_OPEN && next < stages.len ?
			       rows[next].entered : 0,
			       stage->kind == DEAL_OPEN && next < stages.len ?
			       rows[i].entered : 0, RATIO_SCALE);
		json_key_int(&w, "stays", rows[i].stays);
		json_key_ratio(&w, "avg_days", rows[i].seconds, rows[i].stays *
			       DAY_SECONDS, DURATION_SCALE);
		json_end_object(&w);
		status = sink_put(out, &w);
	}
	if (status == BIZ_STOP)
		status = BIZ_OK;
done:
	json_release(&w);
	free(rows);
	deal_stages_release(&stages);
	return status;
}

/* ---- the forecast ------------------------------------------------------ */

/* Per stage: closed deals that reached it, and of those the won ones. */
struct stage_rate {
	int64_t closed, won;
};

/*
 * One pass over the history of the closed deals in deal order: each
 * stage a deal reached counts once for it (closed), and once more if the
 * deal was won.  count(DISTINCT) in SQL sorted the million rows again.
 */
static int forecast_rates(struct db *db, const struct deal_stages *stages,
			  struct stage_rate *rates)
{
	static const char sql[] =
		"SELECT h.deal_id, h.to_stage, s.kind = 'won' "
		"FROM deal d JOIN deal_stage s ON s.name = d.stage "
		"JOIN deal_history h ON h.deal_id = d.id "
		"WHERE s.kind <> 'open' ORDER BY h.deal_id";
	struct db_stmt *stmt = db_stmt(db, sql);
	unsigned char *seen = xmalloc(stages->len + 1);
	int64_t deal = 0;
	int rc;

	while ((rc = db_row(db, stmt)) == DB_ROW) {
		int64_t id = db_column_int64(stmt, 0);
		int s = deal_stage_index(stages, db_column_text(stmt, 1));

		if (id != deal) {
			memset(seen, 0, stages->len + 1);
			deal = id;
		}
		if (s < 0 || seen[s])
			continue;
		seen[s] = 1;
		rates[s].closed++;
		rates[s].won += db_column_int64(stmt, 2);
	}
	free(seen);
	return rc == DB_DONE ? BIZ_OK : rc;
}

struct forecast_group {
	char *key;		/* NULL: no close date / no owner */
	int64_t rank;		/* by stage: the stage's place */
	int64_t deals, best_case, historical, won, won_deals;
	/* amount times probability in percent: 128 bits, as 147 deals of
	 * 9 * 10^14 at 70 pass int64 before the division by 100 */
	__int128 weighted_x100;
	int overflow;		/* a figure would pass int64 */
};

struct forecast_groups {
	struct forecast_group *list;
	size_t len, cap;
};

static struct forecast_group *forecast_group(struct forecast_groups *g,
					     const char *key, int64_t rank)
{
	struct forecast_group group = { 0 };

	group.rank = rank;
	for (size_t i = 0; i < g->len; i++)
		if (key ? g->list[i].key && !strcmp(g->list[i].key, key) :
			  !g->list[i].key)
			return &g->list[i];
	group.key = key ? xstrdup(key) : NULL;
	ARRAY_PUSH(g->list, g->len, g->cap, group);
	return &g->list[g->len - 1];
}

/* By stage in the stages' order, else keys in order, null last. */
static int group_order(const void *a, const void *b)
{
	const struct forecast_group *x = a, *y = b;

	if (x->rank != y->rank)
		return (x->rank > y->rank) - (x->rank < y->rank);
	if (!x->key || !y->key)
		return !x->key - !y->key;
	return strcmp(x->key, y->key);
}

#define OPEN_BY(key) \
	"SELECT " key ", d.stage, count(*), sum(d.amount) FROM deal d " \
	"JOIN deal_stage s ON s.name = d.stage WHERE s.kind = 'open' " \
	"AND (?1 IS NULL OR d.close >= ?1) AND (?2 IS NULL OR d.close <= ?2) " \
	"GROUP BY 1, 2"
#define WON_BY(key) \
	"SELECT " key ", count(*), sum(d.amount) FROM deal d " \
	"JOIN deal_stage s ON s.name = d.stage WHERE s.kind = 'won' " \
	"AND (?1 IS NULL OR d.closed_at >= ?1) AND " \
	"(?2 IS NULL OR d.closed_at < ?2) GROUP BY 1"

static int forecast_open(struct db *db, const struct crm_forecast *q,
			 const struct deal_stages *stages,
			 const struct stage_rate *rates,
			 struct forecast_groups *groups)
{
	static const char by_month[] = OPEN_BY("substr(d.close, 1, 7)");
	static const char by_rep[] = OPEN_BY("d.owner");
	static const char by_stage[] = OPEN_BY("d.stage");
	const char *sql = q->by == FORECAST_BY_REP ? by_rep :
			  q->by == FORECAST_BY_STAGE ? by_stage : by_month;
	struct db_stmt *stmt = db_stmt(db, sql);
	int rc;

	db_bind_text(stmt, 1, q->period.has_from ? q->period.from_date : NULL);
	db_bind_text(stmt, 2, q->period.has_to ? q->period.to_date : NULL);
	while ((rc = db_row(db, stmt)) == DB_ROW) {
		int s = deal_stage_index(stages, db_column_text(stmt, 1));
		struct forecast_group *g = forecast_group(groups,
			db_column_text(stmt, 0),
			q->by == FORECAST_BY_STAGE ? s : 0);
		int64_t amount = db_column_int64(stmt, 3);

		/* Checked: a group adds up the sums of its stages. */
		g->deals += db_column_int64(stmt, 2);
		if (dec_add(&g->best_case, amount))
			g->overflow = 1;
		if (s < 0)
			continue;
		g->weighted_x100 += (__int128)amount *
				    stages->list[s].probability;
		if (rates[s].closed &&
		    dec_add(&g->historical, dec_muldiv(amount, rates[s].won,
						       rates[s].closed)))
			g->overflow = 1;
	}
	return rc == DB_DONE ? BIZ_OK : rc;
}

static int forecast_won(struct db *db, const struct crm_forecast *q,
			const struct deal_stages *stages,
			struct forecast_groups *groups)
{
	static const char by_month[] = WON_BY("substr(d.closed_at, 1, 7)");
	static const char by_rep[] = WON_BY("d.owner");
	static const char by_stage[] = WON_BY("d.stage");
	const char *sql = q->by == FORECAST_BY_REP ? by_rep :
			  q->by == FORECAST_BY_STAGE ? by_stage : by_month;
	struct db_stmt *stmt = db_stmt(db, sql);
	int rc;

	db_bind_text(stmt, 1, from_at(&q->period));
	db_bind_text(stmt, 2, to_at(&q->period));
	while ((rc = db_row(db, stmt)) == DB_ROW) {
		const char *key = db_column_text(stmt, 0);
		struct forecast_group *g = forecast_group(groups, key,
			q->by == FORECAST_BY_STAGE && key ?
			deal_stage_index(stages, key) : 0);

		g->won_deals += db_column_int64(stmt, 1);
		if (dec_add(&g->won, db_column_int64(stmt, 2)))
			g->overflow = 1;
	}
	return rc == DB_DONE ? BIZ_OK : rc;
}

int crm_forecast(struct db *db, const struct crm_forecast *q,
		 struct sink *out)
{
	static const char *const keys[] = { "month", "rep", "stage" };
	struct forecast_groups groups = { 0 };
	struct deal_stages stages;
	struct stage_rate *rates;
	struct json w = { 0 };
	int status, scale = db->money_scale;

	if ((status = deal_stages_load(db, &stages)))
		return status;
	rates = xmalloc((stages.len + 1) * sizeof(*rates));
	memset(rates, 0, (stages.len + 1) * sizeof(*rates));
	if ((status = forecast_rates(db, &stages, rates)) ||
	    (status = forecast_open(db, q, &stages, rates, &groups)) ||
	    (status = forecast_won(db, q, &stages, &groups)))
		goto done;
	if (groups.len)
		qsort(groups.list, groups.len, sizeof(*groups.list),
		      group_order);
	for (size_t i = 0; i < groups.len && status == BIZ_OK; i++) {
		const struct forecast_group *g = &groups.list[i];
		__int128 weighted = g->weighted_x100 / 100;
		int rest = (int)(g->weighted_x100 % 100);

		/* Half to even, as dec_muldiv(x, 1, 100) rounded. */
		if (rest > 50 || rest < -50 ||
		    ((rest == 50 || rest == -50) && (weighted & 1)))
			weighted += rest > 0 ? 1 : -1;
		if (g->overflow || weighted > INT64_MAX ||
		    weighted < INT64_MIN) {
			status = dec_sum_fail("%s '%s'", keys[q->by],
					      g->key ? g->key : "(none)");
			break;
		}
		json_reset(&w);
		json_object(&w);
		json_key_str(&w, keys[q->by], g->key);
		json_key_int(&w, "deals", g->deals);
		json_key_dec(&w, "weighted", (int64_t)weighted, scale);
		json_key_dec(&w, "historical", g->historical, scale);
		json_key_dec(&w, "best_case", g->best_case, scale);
		json_key_int(&w, "won_deals", g->won_deals);
		json_key_dec(&w, "won", g->won, scale);
		json_end_object(&w);
		status = sink_put(out, &w);
	}
	if (status == BIZ_STOP)
		status = BIZ_OK;
done:
	for (size_t i = 0; i < groups.len; i++)
		free(groups.list[i].key);
	free(groups.list);
	free(rates);
	json_release(&w);
	deal_stages_release(&stages);
	return status;
}

/* ---- rep statistics ---------------------------------------------------- */

static const char *const activity_kinds[] = {
	"call", "visit", "email", "meeting", "quote", "note"
};
#define NKINDS 6

struct rep_stats {
	char *handle;
	int64_t kinds[NKINDS], activities, leads;
	int64_t *contact;	/* seconds from assignment to first contact */
	size_t ncontact, contact_cap;
	int64_t won, lost, amount_won, cycle_seconds;
	int overflow;		/* amount_won would pass int64 */
};

struct rep_table {
	struct rep_stats *list;
	size_t len, cap;
};

static struct rep_stats *rep_find(struct rep_table *t, const char *handle)
{
	if (!handle)
		return NULL;
	/* Reps are read in handle order: a binary search finds one. */
	size_t lo = 0, hi = t->len;

	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		int c = strcmp(t->list[mid].handle, handle);

		if (!c)
			return &t->list[mid];
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

/* sql's statement with ?1 and ?2 the period's ends, ?3 the rep. */
static struct db_stmt *stats_query(struct db *db, const char *sql,
				   const struct crm_stats *q)
{
	struct db_stmt *stmt = db_stmt(db, sql);

	db_bind_text(stmt, 1, from_at(&q->period));
	db_bind_text(stmt, 2, to_at(&q->period));
	db_bind_text(stmt, 3, q->rep);
	return stmt;
}

static int stats_reps(struct db *db, const char *only,
		      struct rep_table *t)
{
	static const char sql[] =
		"SELECT handle FROM rep WHERE ?1 IS NULL OR handle = ?1 "
		"ORDER BY handle";
	struct db_stmt *stmt = db_stmt(db, sql);
	int rc;

	db_bind_text(stmt, 1, only);
	while ((rc = db_row(db, stmt)) == DB_ROW) {
		struct rep_stats rep = { 0 };

		rep.handle = xstrdup(db_column_text(stmt, 0));
		ARRAY_PUSH(t->list, t->len, t->cap, rep);
	}
	return rc == DB_DONE ? BIZ_OK : rc;
}

/*
 * Activities by rep and kind, counted here from one scan: GROUP BY rep,
 * kind sorted two million rows in a temporary B-tree (3.6 s against
 * about 1 s for the scan alone, bench/README.md).
 */
static int stats_activities(struct db *db, const struct crm_stats *q,
			    struct rep_table *t)
{
	static const char sql[] =
		"SELECT rep, kind FROM activity "
		"WHERE (?1 IS NULL OR at >= ?1) AND (?2 IS NULL OR at < ?2) "
		"AND (?3 IS NULL OR rep = ?3)";
	struct db_stmt *stmt = stats_query(db, sql, q);
	struct rep_stats *r = NULL;
	int rc;

	while ((rc = db_row(db, stmt)) == DB_ROW) {
		const char *rep = db_column_text(stmt, 0);
		const char *kind = db_column_text(stmt, 1);

		/* Rows of one rep often follow each other. */
		if (!r || strcmp(r->handle, rep))
			r = rep_find(t, rep);
		if (!r)
			continue;
		r->activities++;
		for (int k = 0; k < NKINDS; k++)
			if (!strcmp(kind, activity_kinds[k]))
				r->kinds[k]++;
	}
	return rc == DB_DONE ? BIZ_OK : rc;
}

static int stats_leads(struct db *db, const struct crm_stats *q,
		       struct rep_table *t)
{
	static const char sql[] =
		"SELECT owner, assigned_at, first_contact_at FROM lead "
		"WHERE owner IS NOT NULL AND assigned_at IS NOT NULL AND "
		"(?1 IS NULL OR assigned_at >= ?1) AND "
		"(?2 IS NULL OR assigned_at < ?2) AND "
		"(?3 IS NULL OR owner = ?3)";
	struct db_stmt *stmt = stats_query(db, sql, q);
	int rc;

	while ((rc = db_row(db, stmt)) == DB_ROW) {
		struct rep_stats *r = rep_find(t, db_column_text(stmt, 0));
		const char *contact = db_column_text(stmt, 2);

		if (!r)
			continue;
		r->leads++;
		if (contact) {
			/* A contact logged before the assignment was at
			 * once (0), not a negative wait. */
			int64_t wait = seconds_between(db_column_text(stmt, 1),
						       contact);

			ARRAY_PUSH(r->contact, r->ncontact, r->contact_cap,
				   wait < 0 ? 0 : wait);
		}
	}
	return rc == DB_DONE ? BIZ_OK : rc;
}

static int stats_deals(struct db *db, const struct crm_stats *q,
		       struct rep_table *t)
{
	static const char sql[] =
		"SELECT d.owner, s.kind, d.amount, d.created_at, d.closed_at "
		"FROM deal d JOIN deal_stage s ON s.name = d.stage "
		"WHERE s.kind <> 'open' AND d.owner IS NOT NULL AND "
		"(?1 IS NULL OR d.closed_at >= ?1) AND "
		"(?2 IS NULL OR d.closed_at < ?2) AND "
		"(?3 IS NULL OR d.owner = ?3)";
	struct db_stmt *stmt = stats_query(db, sql, q);
	int rc;

	while ((rc = db_row(db, stmt)) == DB_ROW) {
		struct rep_stats *r = rep_find(t, db_column_text(stmt, 0));

		if (!r)
			continue;
		if (strcmp(db_column_text(stmt, 1), "won")) {
			r->lost++;
			continue;
		}
		r->won++;
		if (dec_add(&r->amount_won, db_column_int64(stmt, 2)))
			r->overflow = 1;
		r->cycle_seconds += seconds_between(db_column_text(stmt, 3),
						    db_column_text(stmt, 4));
	}
	return rc == DB_DONE ? BIZ_OK : rc;
}

static int compare_i64(const void *a, const void *b)
{
	int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;

	return (x > y) - (x < y);
}

static void json_key_median_hours(struct json *w, struct rep_stats *r)
{
	size_t n = r->ncontact;
	int64_t twice;

	json_key(w, "median_hours_to_first_contact");
	if (!n) {
		json_null(w);
		return;
	}
	qsort(r->contact, n, sizeof(*r->contact), compare_i64);
	/* Twice the median, in seconds: exact for an even count too. */
	twice = n % 2 ? 2 * r->contact[n / 2] :
			r->contact[n / 2 - 1] + r->contact[n / 2];
	json_dec(w, dec_muldiv(twice, 100, 2 * 3600), DURATION_SCALE);
}

int crm_stats(struct db *db, const struct crm_stats *q, struct sink *out)
{
	struct rep_table t = { 0 };
	struct json w = { 0 };
	int status;

	if ((status = check_rep(db, q->rep)) ||
	    (status = stats_reps(db, q->rep, &t)) ||
	    (status = stats_activities(db, q, &t)) ||
	    (status = stats_leads(db, q, &t)) ||
	    (status = stats_deals(db, q, &t)))
		goto done;
	for (size_t i = 0; i < t.len && status == BIZ_OK; i++) {
		struct rep_stats *r = &t.list[i];

		if (r->overflow) {
			status = dec_sum_fail("amount won by '%s'",
					      r->handle);
			break;
		}
		json_reset(&w);
		json_object(&w);
		json_key_str(&w, "rep", r->handle);
		json_key_int(&w, "activities", r->activities);
		for (int k = 0; k < NKINDS; k++)
			json_key_int(&w, activity_kinds[k], r->kinds[k]);
		json_key_int(&w, "leads_assigned", r->leads);
		json_key_median_hours(&w, r);
		json_key_int(&w, "deals_won", r->won);
		json_key_int(&w, "deals_lost", r->lost);
		json_key_dec(&w, "amount_won", r->amount_won, db->money_scale);
		json_key_ratio(&w, "win_rate", r->won, r->won + r->lost,
			       RATIO_SCALE);
		json_key_ratio(&w, "avg_cycle_days", r->cycle_seconds,
			       r->won * DAY_SECONDS, DURATION_SCALE);
		json_end_object(&w);
		status = sink_put(out, &w);
	}
	if (status == BIZ_STOP)
		status = BIZ_OK;
done:
	for (size_t i = 0; i < t.len; i++) {
		free(t.list[i].handle);
		free(t.list[i].contact);
	}
	free(t.list);
	json_release(&w);
	return status;
}
