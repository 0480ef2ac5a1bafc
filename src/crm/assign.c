/* assign.c - the lead distribution engine behind crm-assign. */
#include "assign.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "array.h"
#include "biz.h"
#include "crm.h"
#include "filter.h"
#include "json.h"
#include "record.h"
#include "timeutil.h"
#include "banned.h"

static const char *const strategy_names[] = {
	[ASSIGN_ROUND_ROBIN] = "round-robin",
	[ASSIGN_LEAST_LOADED] = "least-loaded",
	[ASSIGN_WEIGHTED] = "weighted",
};

/* The assign_state key of the rotation used without a rules file. */
static const char territory_key[] = "(territory)";

int assign_strategy_from_name(const char *name)
{
	for (int i = 0; i < 3; i++)
		if (name && !strcmp(name, strategy_names[i]))
			return i;
	return -1;
}

const char *assign_strategy_name(int strategy)
{
	return strategy >= 0 && strategy < 3 ? strategy_names[strategy] : NULL;
}

/* ---- rules ---------------------------------------------------------- */


struct rule {
	char *name;
	char *when;		/* jq predicate text; NULL matches every lead */
	struct filter *jq;	/* when, compiled; NULL matches every lead */
	int all_reps;		/* "reps": "*" */
	char **handles;		/* the reps named, in rotation order */
	size_t nhandles;
	int strategy;		/* -1: the run's default */
};

struct assign_rules {
	char *path;
	struct rule *rules;
	size_t n;
	int has_when;		/* some rule looks at the lead */
};

void assign_rules_free(struct assign_rules *rules)
{
	if (!rules)
		return;
	for (size_t i = 0; i < rules->n; i++) {
		struct rule *rule = &rules->rules[i];

		free(rule->name);
		free(rule->when);
		filter_free(rule->jq);
		for (size_t j = 0; j < rule->nhandles; j++)
			free(rule->handles[j]);
		free(rule->handles);
	}
	free(rules->rules);
	free(rules->path);
	free(rules);
}

/* Reads the whole file at path into sb. */
static int read_file(const char *path, struct strbuf *sb)
{
	FILE *fp = fopen(path, "r");
	char buf[8192];
	size_t n;
	int failed;

	if (!fp)
		return biz_fail(BIZ_NOINPUT, "%s: %s", path, strerror(errno));
	while ((n = fread(buf, 1, sizeof(buf), fp)) > 0)
		strbuf_add(sb, buf, n);
	failed = ferror(fp);
	fclose(fp);
	if (failed)
		return biz_fail(BIZ_NOINPUT, "%s: cannot read", path);
	return BIZ_OK;
}

/*
 * Whether rule's when holds for lead id (a public record, not consumed):
 * 1 or 0, or -1 with BIZ_DATAERR when the program raised an error (as
 * --where reports one; it counted as false).
 */
static int rule_holds(const struct rule *rule, jv lead, int64_t id)
{
	int error, holds;

	if (!rule->when)
		return 1;
	holds = filter_holds(rule->jq, lead, &error);
	if (!error)
		return holds;
	biz_fail(BIZ_DATAERR, "rule '%s': its when raised an error on lead "
		 "%lld", rule->name, (long long)id);
	return -1;
}

/* Checks and stores rule number i of the file; rule is consumed. */
static int rule_parse(struct assign_rules *rules, size_t i, jv rule)
{
	struct rule *r = &rules->rules[i];
	const char *path = rules->path;
	jv name, when, reps, strategy;
	int status = BIZ_OK;

	if (jv_get_kind(rule) != JV_KIND_OBJECT) {
		jv_free(rule);
		return biz_fail(BIZ_DATAERR, "%s: rule %zu: an object is "
				"needed", path, i + 1);
	}
	name = jv_object_get(jv_copy(rule), jv_string("name"));
	if (jv_get_kind(name) != JV_KIND_STRING ||
	    !jv_string_length_bytes(jv_copy(name))) {
		jv_free(name);
		jv_free(rule);
		return biz_fail(BIZ_DATAERR, "%s: rule %zu: a \"name\" is "
				"needed", path, i + 1);
	}
	r->name = xstrdup(jv_string_value(name));
	r->strategy = -1;
	jv_free(name);
	for (size_t j = 0; j < i; j++)
		if (!strcmp(rules->rules[j].name, r->name)) {
			jv_free(rule);
			return biz_fail(BIZ_DATAERR, "%s: rule '%s': the name "
					"is used twice", path, r->name);
		}
	jv_object_foreach(rule, key, value) {
		const char *k = jv_string_value(key);

		if (!status && strcmp(k, "name") && strcmp(k, "when") &&
		    strcmp(k, "reps") && strcmp(k, "strategy"))
			status = biz_fail(BIZ_DATAERR, "%s: rule '%s': unknown "
					  "field '%s'", path, r->name, k);
		jv_free(key);
		jv_free(value);
	}
	if (status) {
		jv_free(rule);
		return status;
	}
	when = jv_object_get(jv_copy(rule), jv_string("when"));
	reps = jv_object_get(jv_copy(rule), jv_string("reps"));
	strategy = jv_object_get(jv_copy(rule), jv_string("strategy"));
	jv_free(rule);
	if (jv_get_kind(when) == JV_KIND_STRING) {
		r->when = xstrdup(jv_string_value(when));
		rules->has_when = 1;
		if (!(r->jq = filter_compile(r->when))) {
			char *message = xstrdup(biz_error());

			status = biz_fail(BIZ_DATAERR, "%s: rule '%s': when: "
					  "%s", path, r->name, message);
			free(message);
			goto done;
		}
	} else if (jv_is_valid(when) && jv_get_kind(when) != JV_KIND_NULL) {
		status = biz_fail(BIZ_DATAERR, "%s: rule '%s': \"when\" must "
				  "be a jq program in a string", path, r->name);
		goto done;
	}
	if (jv_get_kind(reps) == JV_KIND_STRING &&
	    !strcmp(jv_string_value(reps), "*")) {
		r->all_reps = 1;
	} else if (jv_get_kind(reps) == JV_KIND_ARRAY &&
		   jv_array_length(jv_copy(reps)) > 0) {
		r->handles = xmalloc(jv_array_length(jv_copy(reps)) *
				     sizeof(*r->handles));
		jv_array_foreach(reps, j, handle) {
			if (jv_get_kind(handle) != JV_KIND_STRING) {
				jv_free(handle);
				status = BIZ_DATAERR;
				break;
			}
			r->handles[r->nhandles++] =
				xstrdup(jv_string_value(handle));
			jv_free(handle);
		}
	} else {
		status = BIZ_DATAERR;
	}
	if (status) {
		biz_fail(status, "%s: rule '%s': \"reps\" must be a list of "
			 "rep handles or \"*\"", path, r->name);
		goto done;
	}
	if (jv_get_kind(strategy) == JV_KIND_STRING) {
		r->strategy = assign_strategy_from_name(
			jv_string_value(strategy));
		if (r->strategy < 0)
			status = biz_fail(BIZ_DATAERR, "%s: rule '%s': unknown "
					  "strategy '%s' (round-robin, "
					  "least-loaded, weighted)", path,
					  r->name, jv_string_value(strategy));
	} else if (jv_is_valid(strategy) &&
		   jv_get_kind(strategy) != JV_KIND_NULL) {
		status = biz_fail(BIZ_DATAERR, "%s: rule '%s': \"strategy\" "
				  "must be a name", path, r->name);
	}
done:
	jv_free(when);
	jv_free(reps);
	jv_free(strategy);
	return status;
}

int assign_rules_load(const char *path, struct assign_rules **out)
{
	struct assign_rules *rules = xmalloc(sizeof(*rules));
	struct strbuf text = { 0 };
	jv doc;
	int status;

	memset(rules, 0, sizeof(*rules));
	rules->path = xstrdup(path);
	if ((status = read_file(path, &text)))
		goto fail;
	doc = jv_parse_sized(text.buf ? text.buf : "", (int)text.len);
	strbuf_release(&text);
	if (!jv_is_valid(doc)) {
		jv msg = jv_invalid_get_msg(doc);
		const char *m = jv_get_kind(msg) == JV_KIND_STRING ?
				jv_string_value(msg) : "unreadable";
		/* jq 1.6 quotes the whole text after the reason. */
		const char *cut = strstr(m, " (while parsing");

		status = biz_fail(BIZ_DATAERR, "%s: not JSON: %.*s", path,
				  cut ? (int)(cut - m) : (int)strlen(m), m);
		jv_free(msg);
		goto fail;
	}
	if (jv_get_kind(doc) != JV_KIND_ARRAY) {
		jv_free(doc);
		status = biz_fail(BIZ_DATAERR, "%s: a JSON array of rules is "
				  "needed", path);
		goto fail;
	}
	rules->rules = xmalloc(((size_t)jv_array_length(jv_copy(doc)) + 1) *
			       sizeof(*rules->rules));
	memset(rules->rules, 0, ((size_t)jv_array_length(jv_copy(doc)) + 1) *
	       sizeof(*rules->rules));
	jv_array_foreach(doc, i, rule) {
		rules->n = (size_t)i + 1;
		if ((status = rule_parse(rules, (size_t)i, rule)))
			break;
	}
	jv_free(doc);
	if (status)
		goto fail;
	*out = rules;
	return BIZ_OK;
fail:
	assign_rules_free(rules);
	return status;
}

/* ---- a run ---------------------------------------------------------- */

struct rep_slot {
	char *handle;
	int active;
	int64_t capacity;	/* -1: no limit */
	int64_t weight;
	int64_t open;		/* open leads, counting this run's */
	char **regions, **industries;	/* NULL-terminated */
};

/* A rule, or territory matching, as it runs: reps and rotation. */
struct pool {
	const char *name;	/* NULL: territory matching */
	const char *key;	/* in assign_state */
	int strategy;
	size_t *reps;		/* indices into run.reps, rotation order */
	size_t n;
	long last;		/* position in reps of the last pick, -1 */
	int64_t *current;	/* smooth weighted round-robin weights */
	int loaded, changed;
};

struct run {
	struct db *db;
	struct assign_request *req;
	struct rep_slot *reps;
	size_t nreps, cap;
	struct pool *pools;
	size_t npools;
	char cutoff[TS_BUFSZ];
};

/* A rep's list column (a JSON array) as a NULL-terminated array. */
static char **string_list(const char *stored)
{
	jv list = jv_parse(stored ? stored : "[]");
	char **out;
	int n = 0;

	if (jv_get_kind(list) != JV_KIND_ARRAY) {
		jv_free(list);
		list = jv_array();
	}
	out = xmalloc(((size_t)jv_array_length(jv_copy(list)) + 1) *
		      sizeof(*out));
	jv_array_foreach(list, i, item) {
		if (jv_get_kind(item) == JV_KIND_STRING)
			out[n++] = xstrdup(jv_string_value(item));
		jv_free(item);
	}
	out[n] = NULL;
	jv_free(list);
	return out;
}

/* Loads every rep, active or not, and its open leads, by handle. */
static int load_reps(struct run *run)
{
	static const char sql[] =
		"SELECT handle, active, capacity, weight, regions, "
		"industries, (SELECT count(*) FROM lead WHERE "
		"owner = rep.handle AND status IN " LEAD_OPEN_STATUSES ") "
		"FROM rep ORDER BY handle";
	struct db_stmt *stmt = db_stmt(run->db, sql);
	struct rep_slot slot;
	int rc;

	while ((rc = db_row(run->db, stmt)) == DB_ROW) {
		slot.handle = xstrdup(db_column_text(stmt, 0));
		slot.active = db_column_int64(stmt, 1) != 0;
		slot.capacity = db_column_null(stmt, 2) ? -1 :
				db_column_int64(stmt, 2);
		slot.weight = db_column_null(stmt, 3) ? 1 :
			      db_column_int64(stmt, 3);
		slot.regions = string_list(db_column_text(stmt, 4));
		slot.industries = string_list(db_column_text(stmt, 5));
		slot.open = db_column_int64(stmt, 6);
		ARRAY_PUSH(run->reps, run->nreps, run->cap, slot);
	}
	return rc == DB_DONE ? BIZ_OK : rc;
}

/* The index of the rep with handle, -1 if none (reps are by handle). */
static long rep_find(const struct run *run, const char *handle)
{
	size_t lo = 0, hi = run->nreps;

	while (handle && lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int cmp = strcmp(run->reps[mid].handle, handle);

		if (!cmp)
			return (long)mid;
		if (cmp < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -1;
}

static void pool_init(struct run *run, struct pool *pool, const char *name,
		      const char *key, int strategy)
{
	memset(pool, 0, sizeof(*pool));
	pool->name = name;
	pool->key = key;
	pool->strategy = strategy;
	pool->last = -1;
	pool->reps = xmalloc((run->nreps + 1) * sizeof(*pool->reps));
}

/* Builds the run's pools from the rules, or the one territory pool. */
static int build_pools(struct run *run)
{
	struct assign_rules *rules = run->req->rules;
	size_t npools = rules ? rules->n : 1;

	run->pools = xmalloc((npools + 1) * sizeof(*run->pools));
	if (!rules) {
		pool_init(run, &run->pools[0], NULL, territory_key,
			  run->req->strategy);
		for (size_t i = 0; i < run->nreps; i++)
			run->pools[0].reps[run->pools[0].n++] = i;
		run->npools = 1;
		return BIZ_OK;
	}
	for (size_t i = 0; i < rules->n; i++) {
		struct rule *rule = &rules->rules[i];
		struct pool *pool = &run->pools[i];

		pool_init(run, pool, rule->name, rule->name,
			  rule->strategy >= 0 ? rule->strategy :
			  run->req->strategy);
		run->npools = i + 1;
		if (rule->all_reps) {
			for (size_t j = 0; j < run->nreps; j++)
				pool->reps[pool->n++] = j;
			continue;
		}
		free(pool->reps);
		pool->reps = xmalloc(rule->nhandles * sizeof(*pool->reps));
		for (size_t j = 0; j < rule->nhandles; j++) {
			long r = rep_find(run, rule->handles[j]);

			if (r < 0)
				return biz_fail(BIZ_DATAERR, "%s: rule '%s': "
						"no rep '%s'", rules->path,
						rule->name, rule->handles[j]);
			pool->reps[pool->n++] = (size_t)r;
		}
	}
	return BIZ_OK;
}

/* Reads the pool's rotation from assign_state on first use. */
static int pool_load_state(struct run *run, struct pool *pool)
{
	static const char sql[] =
		"SELECT state FROM assign_state WHERE rule = ?";
	struct db_stmt *stmt = db_stmt(run->db, sql);
	jv state = jv_null(), last, current;
	int rc;

	pool->loaded = 1;
	pool->current = xmalloc((pool->n + 1) * sizeof(*pool->current));
	memset(pool->current, 0, (pool->n + 1) * sizeof(*pool->current));
	db_bind_text(stmt, 1, pool->key);
	rc = db_one(run->db, stmt);
	if (rc == DB_ROW)
		state = jv_parse(db_column_text(stmt, 0));
	db_reset(stmt);
	if (rc != DB_ROW && rc != DB_DONE)
		return rc;
	if (jv_get_kind(state) != JV_KIND_OBJECT) {
		jv_free(state);
		return BIZ_OK;
	}
	last = jv_object_get(jv_copy(state), jv_string("last"));
	current = jv_object_get(state, jv_string("current"));
	for (size_t i = 0; i < pool->n; i++) {
		const char *handle = run->reps[pool->reps[i]].handle;

		if (jv_get_kind(last) == JV_KIND_STRING && pool->last < 0 &&
		    !strcmp(jv_string_value(last), handle))
			pool->last = (long)i;
		if (jv_get_kind(current) == JV_KIND_OBJECT) {
			jv w = jv_object_get(jv_copy(current),
					     jv_string(handle));

			if (jv_get_kind(w) == JV_KIND_NUMBER)
				pool->current[i] = (int64_t)jv_number_value(w);
			jv_free(w);
		}
	}
	jv_free(last);
	jv_free(current);
	return BIZ_OK;
}

/* Writes the pool's rotation back, in the run's transaction. */
static int pool_save_state(struct run *run, struct pool *pool)
{
	static const char sql[] =
		"INSERT INTO assign_state(rule, state) VALUES (?1, ?2) "
		"ON CONFLICT(rule) DO UPDATE SET state = excluded.state";
	struct db_stmt *stmt = db_stmt(run->db, sql);
	jv state = jv_object(), current = jv_object(), text;
	int status;

	rec_set_str(&state, "strategy", assign_strategy_name(pool->strategy));
	rec_set_str(&state, "last", pool->last >= 0 ?
		    run->reps[pool->reps[pool->last]].handle : NULL);
	for (size_t i = 0; i < pool->n; i++)
		if (pool->current[i])
			rec_set(&current, run->reps[pool->reps[i]].handle,
				jv_number((double)pool->current[i]));
	rec_set(&state, "current", current);
	text = jv_dump_string(state, JV_PRINT_SORTED);
	db_bind_text(stmt, 1, pool->key);
	db_bind_text(stmt, 2, jv_string_value(text));
	status = db_done(run->db, stmt);
	jv_free(text);
	return status;
}

static int list_has(char **list, const char *value)
{
	if (!list[0])
		return 1;	/* a rep with no list covers everything */
	for (; *list; list++)
		if (value && !strcmp(*list, value))
			return 1;
	return 0;
}

/* What stands between a rep and a lead. */
enum fit { FIT_UNCOVERED, FIT_INACTIVE, FIT_FULL, FIT_EXCLUDED, FIT_OK };

struct lead_view {
	const char *region, *industry;
	long exclude;		/* the rep a stale lead is taken from */
	int territory;
};

static enum fit rep_fit(const struct rep_slot *rep, long index,
			const struct lead_view *lead)
{
	if (lead->territory && (!list_has(rep->regions, lead->region) ||
				!list_has(rep->industries, lead->industry)))
		return FIT_UNCOVERED;
	if (!rep->active)
		return FIT_INACTIVE;
	if (rep->capacity >= 0 && rep->open >= rep->capacity)
		return FIT_FULL;
	if (index == lead->exclude)
		return FIT_EXCLUDED;
	return FIT_OK;
}

/*
 * Picks a rep of pool for lead by the pool's strategy and advances its
 * rotation.  Returns the rep's index, or -1 with *reason set.
 */
static long pool_pick(struct run *run, struct pool *pool,
		      const struct lead_view *lead, const char **reason)
{
	enum fit best_fit = FIT_UNCOVERED;
	long chosen = -1, pos = -1;
	int64_t total = 0;

	for (size_t k = 0; k < pool->n; k++) {
		/* Round-robin starts after the last pick and stops at the
		 * first fit; the others look at every rep. */
		size_t i = pool->strategy == ASSIGN_ROUND_ROBIN ?
			   (size_t)(pool->last + 1 + (long)k) % pool->n : k;
		long r = (long)pool->reps[i];
		struct rep_slot *rep = &run->reps[r];
		enum fit fit = rep_fit(rep, r, lead);

		if (fit > best_fit)
			best_fit = fit;
		if (fit != FIT_OK)
			continue;
		if (pool->strategy == ASSIGN_ROUND_ROBIN) {
			pos = (long)i;
			break;
		}
		if (pool->strategy == ASSIGN_LEAST_LOADED) {
			/* Ties go to the first handle: reps are by handle. */
			if (chosen < 0 || rep->open < run->reps[chosen].open ||
			    (rep->open == run->reps[chosen].open && r < chosen)) {
				chosen = r;
				pos = (long)i;
			}
			continue;
		}
		/* Smooth weighted round-robin (nginx): every fit rep gains
		 * its weight, the highest is chosen and pays back the sum. */
		pool->current[i] += rep->weight;
		total += rep->weight;
		if (pos < 0 || pool->current[i] > pool->current[pos])
			pos = (long)i;
	}
	if (pos < 0) {
		switch (best_fit) {
		case FIT_UNCOVERED:
			*reason = lead->territory ?
				  "no rep covers the lead's region and "
				  "industry" : "the rule has no reps";
			break;
		case FIT_INACTIVE:
			*reason = "no active rep";
			break;
		case FIT_FULL:
			*reason = "every eligible rep is at capacity";
			break;
		default:
			*reason = "no other eligible rep";
		}
		return -1;
	}
	if (pool->strategy == ASSIGN_WEIGHTED)
		pool->current[pos] -= total;
	if (pool->strategy != ASSIGN_LEAST_LOADED)
		pool->changed = 1;
	pool->last = pos;
	return (long)pool->reps[pos];
}

/*
 * The pool that decides lead id (a public record, not consumed) into
 * *out, NULL when no rule matches; a status.
 */
static int choose_pool(struct run *run, jv lead, int64_t id,
		       struct pool **out)
{
	struct assign_rules *rules = run->req->rules;

	*out = rules ? NULL : &run->pools[0];
	for (size_t i = 0; rules && i < rules->n; i++) {
		int holds = rule_holds(&rules->rules[i], lead, id);

		if (holds < 0)
			return BIZ_DATAERR;
		if (holds) {
			*out = &run->pools[i];
			break;
		}
	}
	return BIZ_OK;
}

/*
 * Keeps reason as lead id's last reason for having no rep (NULL: it has
 * one now, forget it).  *same is set when the reason was kept already:
 * a cron job reports an unroutable lead once, not every five minutes.
 */
static int route_keep(struct db *db, int64_t id, const char *reason,
		      int *same)
{
	static const char find_sql[] =
		"SELECT reason FROM lead_route WHERE lead_id = ?";
	static const char put_sql[] =
		"INSERT INTO lead_route(lead_id, reason, at) VALUES (?1, ?2, ?3) "
		"ON CONFLICT(lead_id) DO UPDATE SET reason = ?2, at = ?3";
	static const char drop_sql[] =
		"DELETE FROM lead_route WHERE lead_id = ?";
	struct db_stmt *stmt;
	char at[TS_BUFSZ];
	int rc;

	*same = 0;
	if (!reason) {
		stmt = db_stmt(db, drop_sql);
		db_bind_int64(stmt, 1, id);
		return db_done(db, stmt);
	}
	stmt = db_stmt(db, find_sql);
	db_bind_int64(stmt, 1, id);
	rc = db_one(db, stmt);
	if (rc == DB_ROW) {
		*same = !strcmp(db_column_text(stmt, 0), reason);
		db_reset(stmt);
	} else if (rc != DB_DONE) {
		return rc;
	}
	if (*same)
		return BIZ_OK;
	stmt = db_stmt(db, put_sql);
	db_bind_int64(stmt, 1, id);
	db_bind_text(stmt, 2, reason);
	db_bind_text(stmt, 3, time_format(db->now, at));
	return db_done(db, stmt);
}

/*
 * Assigns lead id, or with stale reassigns it away from its owner.
 * Leads that are not new (or no longer stale) are left alone.
 */
static int assign_one(struct run *run, int64_t id, int stale, int named)
{
	struct rec_texts texts = { .used = 0 };
	struct assign_request *req = run->req;
	struct lead_view view = { NULL, NULL, -1, !req->rules };
	const char *reason = NULL, *owner, *status_text;
	struct pool *pool;
	struct json w = { 0 };
	jv lead, data;
	long rep = -1;
	int status, same = 0;

	if ((status = lead_load(run->db, id, &lead))) {
		if (status == BIZ_DATAERR && named)
			return biz_fail(BIZ_DATAERR, "no lead %lld",
					(long long)id);
		return status;
	}
	/* The rules see the lead as crm-lead prints it; custom fields
	 * never hide the lead's own, read below. */
	if (req->rules && req->rules->has_when)
		lead = lead_public(lead);
	owner = rec_text(&texts, lead, "owner");
	status_text = rec_text(&texts, lead, "status");
	if (stale ? !owner : owner || !status_text ||
	    strcmp(status_text, "new")) {
		jv_free(lead);
		return BIZ_OK;
	}
	view.region = rec_text(&texts, lead, "region");
	view.industry = rec_text(&texts, lead, "industry");
	if (stale)
		view.exclude = rep_find(run, owner);
	if ((status = choose_pool(run, lead, id, &pool)))
		goto done;
	if (!pool)
		reason = "no rule matches";
	else if (!pool->loaded && (status = pool_load_state(run, pool)))
		goto done;
	if (pool)
		rep = pool_pick(run, pool, &view, &reason);

	json_object(&w);
	json_key_int(&w, "lead", id);
	json_key_str(&w, "rep", rep >= 0 ? run->reps[rep].handle :
			       stale ? owner : NULL);
	json_key_str(&w, "rule", pool ? pool->name : NULL);
	json_key_str(&w, "strategy",
		     pool ? assign_strategy_name(pool->strategy) : NULL);
	if (stale && rep >= 0) {
		json_key_str(&w, "reason", "stale");
	} else if (stale) {
		struct strbuf kept = { 0 };

		strbuf_addf(&kept, "stale, but %s: kept by its owner",
			    reason);
		json_key_str(&w, "reason", kept.buf);
		strbuf_release(&kept);
	} else {
		json_key_str(&w, "reason", reason);
	}
	if (stale)
		json_key_str(&w, "from", owner);
	json_end_object(&w);

	if (rep >= 0) {
		data = jv_object();
		rec_set_str(&data, "rule", pool->name);
		rec_set_str(&data, "strategy",
			    assign_strategy_name(pool->strategy));
		if (stale) {
			rec_set_str(&data, "from", owner);
			rec_set_str(&data, "reason", "stale");
		}
		if ((status = lead_assign(run->db, id, run->reps[rep].handle,
					  data)) ||
		    (status = route_keep(run->db, id, NULL, &same)))
			goto done;
		run->reps[rep].open++;
		if (view.exclude >= 0)
			run->reps[view.exclude].open--;
	} else if (!stale) {
		req->unassigned++;
		if ((status = route_keep(run->db, id, reason, &same)))
			goto done;
	}
	if (!same || req->all)
		status = sink_put(req->out, &w);
done:
	json_release(&w);
	jv_free(lead);
	return status;
}

static void run_release(struct run *run)
{
	for (size_t i = 0; i < run->nreps; i++) {
		struct rep_slot *rep = &run->reps[i];

		for (char **p = rep->regions; *p; p++)
			free(*p);
		for (char **p = rep->industries; *p; p++)
			free(*p);
		free(rep->regions);
		free(rep->industries);
		free(rep->handle);
	}
	free(run->reps);
	for (size_t i = 0; i < run->npools; i++) {
		free(run->pools[i].reps);
		free(run->pools[i].current);
	}
	free(run->pools);
}

int assign_run(struct db *db, struct assign_request *req)
{
	struct run run = { 0 };
	struct lead_ids stale = { 0 }, fresh = { 0 };
	int status;

	run.db = db;
	run.req = req;
	req->unassigned = 0;
	if ((status = load_reps(&run)) ||
	    (status = build_pools(&run)))
		goto done;
	if (req->stale_hours >= 0) {
		time_format(db->now - req->stale_hours * 3600, run.cutoff);
		if ((status = lead_stale_ids(db, run.cutoff, &stale)))
			goto done;
		for (size_t i = 0; i < stale.len && !status; i++)
			status = assign_one(&run, stale.ids[i], 1, 0);
		if (status)
			goto done;
	}
	if (!req->named) {
		if ((status = lead_unassigned_ids(db, &fresh)))
			goto done;
		for (size_t i = 0; i < fresh.len && !status; i++)
			status = assign_one(&run, fresh.ids[i], 0, 0);
	} else {
		for (size_t i = 0; i < req->nids && !status; i++)
			status = assign_one(&run, req->ids[i], 0, 1);
	}
	/* Stopped early (json.h's rule): the picks made stand. */
	status = sink_done(status);
	for (size_t i = 0; i < run.npools && !status; i++)
		if (run.pools[i].changed)
			status = pool_save_state(&run, &run.pools[i]);
done:
	lead_ids_release(&stale);
	lead_ids_release(&fresh);
	run_release(&run);
	return status;
}
