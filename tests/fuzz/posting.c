/*
 * The ACCOUNT=AMOUNT postings of ledger-post: the input is one argument
 * a line, split at the last '=' as ledger-post splits them, posted with
 * ledger_post_record() to a scratch database inside a transaction that
 * is rolled back.  Whatever the text, the entry is posted balanced or
 * refused with a status; nothing crashes.
 */
#include "fuzz.h"

#include <unistd.h>

#include "biz.h"
#include "db.h"
#include "ledger.h"
#include "record.h"
#include "setup.h"

static char scratch[] = "/tmp/bizutils-fuzz-XXXXXX";

/* Removes the scratch database and its folder at exit. */
static void remove_scratch(void)
{
	static const char *const files[] = { "biz.db", "biz.db-wal",
					     "biz.db-shm" };
	char path[64];

	for (size_t i = 0; i < sizeof(files) / sizeof(*files); i++) {
		snprintf(path, sizeof(path), "%s/%s", scratch, files[i]);
		unlink(path);
	}
	rmdir(scratch);
}

static struct db *scratch_db(void)
{
	static struct db *db;
	char path[64];

	if (db)
		return db;
	if (!mkdtemp(scratch))
		abort();
	atexit(remove_scratch);
	snprintf(path, sizeof(path), "%s/biz.db", scratch);
	if (db_open(path, 1, &db))
		fuzz_fail("no scratch database: %s", biz_error());
	db->actor = "fuzz";
	db->now = 1795766400;	/* 2026-11-27T08:00:00Z or so */
	if (setup_init(db, NULL, -1, NULL))
		fuzz_fail("no scratch database: %s", biz_error());
	return db;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct db *db = scratch_db();
	char *text = fuzz_text(data, size), *line, *next;
	jv entry = jv_object(), postings = jv_array();
	int64_t unchanged;
	int status;

	for (line = text; line; line = next) {
		char *eq;
		jv posting = jv_object();

		if ((next = strchr(line, '\n')))
			*next++ = '\0';
		eq = strrchr(line, '=');
		if (!eq || eq == line) {
			jv_free(posting);
			continue;
		}
		rec_set(&posting, "account",
			jv_string_sized(line, (int)(eq - line)));
		rec_set(&posting, "amount",
			eq[1] ? jv_string(eq + 1) : jv_null());
		postings = jv_array_append(postings, posting);
	}
	rec_set_str(&entry, "memo", "fuzz");
	rec_set(&entry, "postings", postings);
	if (db_begin(db))
		fuzz_fail("begin: %s", biz_error());
	status = ledger_post_record(db, entry, NULL, &unchanged);
	if (status == BIZ_INTERNAL)
		fuzz_fail("internal error: %s", biz_error());
	db_rollback(db);
	free(text);
	return 0;
}
