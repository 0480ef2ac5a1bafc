/* event.c - append to and read the event log. */
#include "event.h"

#include <stdlib.h>
#include <string.h>

#include "biz.h"
#include "json.h"
#include "record.h"
#include "timeutil.h"
#include "banned.h"

int event_append_json(struct db *db, const char *kind, const char *entity,
		      const char *entity_id, const char *data)
{
	static const char sql[] =
		"INSERT INTO event(at, actor, kind, entity, entity_id, data) "
		"VALUES (?, ?, ?, ?, ?, ?)";
	struct db_stmt *stmt = db_stmt(db, sql);
	char at[TS_BUFSZ];

	db_bind_text(stmt, 1, time_format(db->now, at));
	db_bind_text(stmt, 2, db->actor);
	db_bind_text(stmt, 3, kind);
	db_bind_text(stmt, 4, entity);
	db_bind_text(stmt, 5, entity_id);
	db_bind_text(stmt, 6, data);
	return db_done(db, stmt);
}

int event_append(struct db *db, const char *kind, const char *entity,
		 const char *entity_id, jv data)
{
	struct strbuf text = { 0 };
	int status;

	rec_dump(&text, data);
	jv_free(data);
	status = event_append_json(db, kind, entity, entity_id, text.buf);
	strbuf_release(&text);
	return status;
}

int event_append_id(struct db *db, const char *kind, const char *entity,
		    int64_t entity_id, jv data)
{
	char id[24];

	snprintf(id, sizeof(id), "%lld", (long long)entity_id);
	return event_append(db, kind, entity, id, data);
}

/* db_put_rows()'s writer: arg is where the last id read goes. */
static void event_row(struct json *w, struct db_stmt *stmt, void *arg)
{
	static const char *const columns[] = {
		"id", "at", "actor", "kind", "entity", "entity_id"
	};

	json_object(w);
	for (int i = 0; i < 6; i++)
		db_json_column(w, columns[i], stmt, i);
	/* Stored by this writer or rec_dump(): compact JSON. */
	json_key_raw(w, "data", db_column_text(stmt, 6));
	json_end_object(w);
	*(int64_t *)arg = db_column_int64(stmt, 0);
}

int event_kind_check(struct db *db, const char *prefix)
{
	/* The entities whose changes are logged: "ENTITY.VERB" kinds. */
	static const char *const entities[] = {
		"activity", "bom", "build", "config", "count", "customer",
		"db", "deal", "invoice", "item", "lead", "ledger", "order",
		"payment", "purchase", "rep", "stock", "supplier", "ticket",
		"warehouse", NULL
	};
	static const char sql[] =
		"SELECT 1 FROM event WHERE substr(kind, 1, length(?1)) = ?1 "
		"LIMIT 1";
	struct db_stmt *stmt;
	size_t n = strlen(prefix);
	int rc;

	for (int i = 0; entities[i]; i++) {
		size_t e = strlen(entities[i]);

		if (n <= e ? !strncmp(entities[i], prefix, n) :
		    !strncmp(entities[i], prefix, e) && prefix[e] == '.')
			return BIZ_OK;
	}
	stmt = db_stmt(db, sql);
	db_bind_text(stmt, 1, prefix);
	rc = db_one(db, stmt);
	if (rc == DB_ROW) {
		db_reset(stmt);
		return BIZ_OK;
	}
	if (rc != DB_DONE)
		return rc;
	return biz_fail(BIZ_DATAERR, "kind: no event kind starts with '%s'",
			prefix);
}

int event_each(struct db *db, int64_t since_id, const char *prefix,
	       struct sink *out, int64_t *last_id)
{
	static const char sql[] =
		"SELECT id, at, actor, kind, entity, entity_id, data "
		"FROM event WHERE id > ?1 AND (?2 IS NULL OR "
		"substr(kind, 1, length(?2)) = ?2) ORDER BY id";
	struct db_stmt *stmt = db_stmt(db, sql);

	*last_id = since_id;
	db_bind_int64(stmt, 1, since_id);
	db_bind_text(stmt, 2, prefix);
	return db_put_rows(db, stmt, event_row, last_id, out);
}
