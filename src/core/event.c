/* event.c - append to and read the event log. */
#include "event.h"

#include <stdlib.h>
#include <string.h>

#include "biz.h"
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
	/* Kept between calls: an import appends an event per record. */
	static struct strbuf text;

	strbuf_reset(&text);
	rec_dump(&text, data);
	jv_free(data);
	return event_append_json(db, kind, entity, entity_id, text.buf);
}

int event_append_id(struct db *db, const char *kind, const char *entity,
		    int64_t entity_id, jv data)
{
	char id[24];

	snprintf(id, sizeof(id), "%lld", (long long)entity_id);
	return event_append(db, kind, entity, id, data);
}

int event_each(struct db *db, int64_t since_id, const char *prefix,
	       int (*fn)(jv record, void *arg), void *arg)
{
	static const char sql[] =
		"SELECT id, at, actor, kind, entity, entity_id, data "
		"FROM event WHERE id > ?1 AND (?2 IS NULL OR "
		"substr(kind, 1, length(?2)) = ?2) ORDER BY id";
	struct db_stmt *stmt = db_stmt(db, sql);
	int rc, status = BIZ_OK;

	db_bind_int64(stmt, 1, since_id);
	db_bind_text(stmt, 2, prefix);
	while (status == BIZ_OK && (rc = db_row(db, stmt)) == DB_ROW) {
		jv record = jv_object();

		record = jv_object_set(record, jv_string("id"),
				       db_column_jv(stmt, 0));
		record = jv_object_set(record, jv_string("at"),
				       db_column_jv(stmt, 1));
		record = jv_object_set(record, jv_string("actor"),
				       db_column_jv(stmt, 2));
		record = jv_object_set(record, jv_string("kind"),
				       db_column_jv(stmt, 3));
		record = jv_object_set(record, jv_string("entity"),
				       db_column_jv(stmt, 4));
		record = jv_object_set(record, jv_string("entity_id"),
				       db_column_jv(stmt, 5));
		record = jv_object_set(record, jv_string("data"),
				       jv_parse(db_column_text(stmt, 6)));
		status = fn(record, arg);
	}
	if (status == BIZ_OK && rc != DB_DONE)
		status = rc;
	db_reset(stmt);
	return status;
}
