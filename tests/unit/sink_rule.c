/*
 * sink_rule - the one rule of every function that hands records to a
 * struct sink (json.h): put() answering 0 goes on, BIZ_STOP stops early
 * and the function returns BIZ_OK, any other status stops it and is
 * returned.  Checked on _each functions of core, books and CRM, which
 * all loop through db_put_rows(); and the writer's text is what jq
 * would print (invalid UTF-8 made valid, as jv_string() does).
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "biz.h"
#include "crm.h"
#include "event.h"
#include "json.h"
#include "ledger.h"
#include "record.h"
#include "setup.h"
#include "tap.h"

static char dir[] = "/tmp/biz-unit-sink.XXXXXX";

/* A sink that counts records and answers `answer` at record `at`. */
struct counting_sink {
	struct sink sink;
	int seen, at, answer;
	int valid;		/* every record parsed as a JSON object */
};

static int count_put(struct sink *sink, const char *json, size_t len)
{
	struct counting_sink *c = (struct counting_sink *)sink;
	jv record = jv_parse_sized(json, (int)len);

	c->valid &= jv_get_kind(record) == JV_KIND_OBJECT;
	jv_free(record);
	return ++c->seen == c->at ? c->answer : 0;
}

static struct counting_sink counter(int at, int answer)
{
	struct counting_sink c = { { count_put }, 0, at, answer, 1 };

	return c;
}

typedef int each_fn(struct db *db, struct sink *out);

static int accounts(struct db *db, struct sink *out)
{
	return ledger_account_each(db, NULL, out);
}

static int events(struct db *db, struct sink *out)
{
	int64_t last;

	return event_each(db, 0, NULL, out, &last);
}

static int reps(struct db *db, struct sink *out)
{
	return rep_each(db, 1, out);
}

static int leads(struct db *db, struct sink *out)
{
	struct lead_filter all = { 0 };

	return lead_each(db, &all, out);
}

/* The rule on one _each: its rows all, stopped at 2, failed at 2. */
static void check_each(struct db *db, const char *name, each_fn *each)
{
	struct counting_sink all = counter(0, 0);
	struct counting_sink stop = counter(2, BIZ_STOP);
	struct counting_sink fail = counter(2, BIZ_REFUSED);
	int status;

	status = each(db, &all.sink);
	ok(status == BIZ_OK && all.seen >= 3 && all.valid,
	   "%s: every record, each a JSON object (%d)", name, all.seen);
	status = each(db, &stop.sink);
	ok(status == BIZ_OK && stop.seen == 2,
	   "%s: BIZ_STOP stops after 2 and is no failure", name);
	status = each(db, &fail.sink);
	if (!ok(status == BIZ_REFUSED && fail.seen == 2,
		"%s: another status stops it and is returned", name))
		diag("status %d after %d records", status, fail.seen);
	/* A statement left stepping would keep a snapshot: all again. */
	all = counter(0, 0);
	ok(each(db, &all.sink) == BIZ_OK && all.seen >= 3,
	   "%s: runs again after stopping early", name);
}

static void add_fixtures(struct db *db)
{
	static const char *const handles[] = { "ann", "bob", "cid" };
	static const char *const emails[] = {
		"a@x.com", "b@x.com", "c@x.com"
	};

	for (int i = 0; i < 3; i++) {
		jv rep = jv_object(), lead = jv_object();

		rec_set_str(&rep, "handle", handles[i]);
		rec_set_str(&rep, "name", handles[i]);
		if (rep_add(db, rep, NULL))
			biz_dief(BIZ_INTERNAL, "rep: %s", biz_error());
		rec_set_str(&lead, "name", handles[i]);
		rec_set_str(&lead, "email", emails[i]);
		rec_set_str(&lead, "tier", "gold");
		if (lead_upsert(db, lead, NULL))
			biz_dief(BIZ_INTERNAL, "lead: %s", biz_error());
	}
}

int main(void)
{
	struct json w = { 0 };
	struct db *db;
	char path[256], wal[300];

	json_object(&w);
	json_key_str(&w, "a", "caf\xc3\xa9 \xff");
	json_key_int(&w, "n", -12);
	json_key_dec(&w, "x", 1050, 2);
	json_key(&w, "l");
	json_array(&w);
	json_str(&w, NULL);
	json_bool(&w, 1);
	json_end_array(&w);
	json_end_object(&w);
	ok(!strcmp(w.text.buf, "{\"a\":\"caf\xc3\xa9 \xef\xbf\xbd\","
			       "\"n\":-12,\"x\":10.5,\"l\":[null,true]}"),
	   "the writer: invalid UTF-8 replaced, numbers as jq prints them");
	json_release(&w);
	ok(sink_done(BIZ_STOP) == BIZ_OK && sink_done(0) == BIZ_OK &&
	   sink_done(BIZ_DATAERR) == BIZ_DATAERR, "sink_done");

	if (!mkdtemp(dir))
		biz_dief(BIZ_INTERNAL, "cannot make %s", dir);
	snprintf(path, sizeof(path), "%s/t.db", dir);
	if (db_open(path, 1, &db))
		biz_dief(BIZ_INTERNAL, "open: %s", biz_error());
	db->actor = "test";
	if (setup_init(db, NULL, -1, NULL))
		biz_dief(BIZ_INTERNAL, "setup: %s", biz_error());
	add_fixtures(db);

	check_each(db, "ledger_account_each", accounts);
	check_each(db, "event_each", events);
	check_each(db, "rep_each", reps);
	check_each(db, "lead_each", leads);

	db_close(db);
	unlink(path);
	snprintf(wal, sizeof(wal), "%s-wal", path);
	unlink(wal);
	snprintf(wal, sizeof(wal), "%s-shm", path);
	unlink(wal);
	rmdir(dir);
	return tap_done();
}
