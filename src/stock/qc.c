/* qc.c - quality control of held receipts. */
#include "stock_internal.h"

#include <stdlib.h>
#include <string.h>

#include "array.h"
#include "biz.h"
#include "decimal.h"
#include "event.h"
#include "ledger.h"
#include "record.h"
#include "banned.h"

/* ---- quality control ------------------------------------------------ */

int stock_qc(struct db *db, struct stock_doc *doc, int pass,
	     struct sink *out)
{
	static const char find_sql[] =
		"SELECT id, status, po FROM stock_doc WHERE kind = 'receipt' "
		"AND (ref = ?1 OR (ref IS NULL AND CAST(id AS TEXT) = ?1)) "
		"ORDER BY ref IS NULL LIMIT 1";
	static const char moves_sql[] =
		"SELECT m.id, m.sku, m.wh, m.lot, m.qty, m.serials, l.id "
		"FROM move m JOIN cost_layer l ON l.move_id = m.id "
		"WHERE m.doc_id = ? AND m.quarantine > 0 ORDER BY m.id";
	static const char status_sql[] =
		"UPDATE stock_doc SET status = ? WHERE id = ?";
	static const char link_sql[] =
		"UPDATE stock_doc SET source_doc = ? WHERE id = ?";
	static const char serial_sql[] =
		"UPDATE serial SET held = 0, in_stock = ?3 "
		"WHERE sku = ?1 AND serial = ?2";
	struct lines {
		int64_t qty, layer;
		char sku[128], wh[128], lot[104];
		char *serials;
	} *lines = NULL;
	size_t n = 0, cap = 0;
	struct db_stmt *stmt;
	int64_t receipt = 0;
	char state[16] = "", po = 0;
	int rc, status;

	if (!doc->ref || !*doc->ref)
		return biz_fail(BIZ_USAGE, "a receipt REF is needed");
	stmt = db_stmt(db, find_sql);
	db_bind_text(stmt, 1, doc->ref);
	rc = db_one(db, stmt);
	if (rc == DB_ROW) {
		receipt = db_column_int64(stmt, 0);
		snprintf(state, sizeof(state), "%s",
			 db_column_text(stmt, 1) ? db_column_text(stmt, 1) :
						   "");
		po = !db_column_null(stmt, 2);
	}
	db_reset(stmt);
	if (rc != DB_ROW && rc != DB_DONE)
		return rc;
	if (!receipt)
		return biz_fail(BIZ_DATAERR, "no receipt '%s'", doc->ref);
	if ((status = stock_doc_begin(db, doc, out)) || doc->replay)
		return status;
	if (strcmp(state, "held"))
		return biz_fail(BIZ_REFUSED, "receipt '%s' is %s", doc->ref,
				*state ? (!strcmp(state, "passed") ?
					  "already passed" : "already failed") :
					 "not on hold");
	stmt = db_stmt(db, moves_sql);
	db_bind_int64(stmt, 1, receipt);
	while ((rc = db_row(db, stmt)) == DB_ROW) {
		ARRAY_GROW(lines, n + 1, cap);
		lines[n].qty = db_column_int64(stmt, 4);
		lines[n].layer = db_column_int64(stmt, 6);
		snprintf(lines[n].sku, sizeof(lines[n].sku), "%s",
			 db_column_text(stmt, 1));
		snprintf(lines[n].wh, sizeof(lines[n].wh), "%s",
			 db_column_text(stmt, 2));
		snprintf(lines[n].lot, sizeof(lines[n].lot), "%s",
			 db_column_text(stmt, 3));
		lines[n].serials = db_column_text(stmt, 5) ?
				   xstrdup(db_column_text(stmt, 5)) : NULL;
		n++;
	}
	db_reset(stmt);
	status = rc == DB_DONE ? BIZ_OK : rc;
	for (size_t i = 0; i < n && !status; i++) {
		struct item_info item;
		struct stock_move m;

		if ((status = stock_doc_item(db, doc, lines[i].sku, 0, &item)))
			break;
		memset(&m, 0, sizeof(m));
		m.item = &item;
		m.wh = lines[i].wh;
		m.lot = lines[i].lot;
		m.qty = pass ? 0 : -lines[i].qty;
		m.quarantine = -lines[i].qty;
		m.layer_id = lines[i].layer;
		m.posting = pass ? NULL : po ? "receipt_po" : "receipt";
		m.posting_sign = 1;
		m.serials = lines[i].serials;
		m.event = pass ? "stock.qc_passed" : "stock.qc_failed";
		status = stock_apply_move(db, doc, &m, out);
		free(m.pieces);
		if (!status && lines[i].serials) {
			jv list = jv_parse(lines[i].serials);

			stmt = db_stmt(db, serial_sql);
			jv_array_foreach(list, k, s) {
				if (!status) {
					db_reset(stmt);
					db_bind_text(stmt, 1, lines[i].sku);
					db_bind_text(stmt, 2,
						     jv_string_value(s));
					db_bind_int64(stmt, 3, pass);
					status = db_done(db, stmt);
				}
				jv_free(s);
			}
			jv_free(list);
		}
	}
	for (size_t i = 0; i < n; i++)
		free(lines[i].serials);
	free(lines);
	if (status)
		return status;
	stmt = db_stmt(db, status_sql);
	db_bind_text(stmt, 1, pass ? "passed" : "failed");
	db_bind_int64(stmt, 2, receipt);
	if ((status = db_done(db, stmt)))
		return status;
	stmt = db_stmt(db, link_sql);
	db_bind_int64(stmt, 1, receipt);
	db_bind_int64(stmt, 2, doc->id);
	return db_done(db, stmt);
}


int stock_apply_line(struct db *db, struct stock_doc *doc,
		     const struct stock_line *line, struct sink *out)
{
	int status;

	if (doc->ref && ((status = stock_doc_begin(db, doc, out)) ||
			 (status = stock_doc_request_line(db, doc, line))))
		return status;
	if (!strcmp(doc->kind, "receipt"))
		return stock_receive(db, doc, line, out);
	if (!strcmp(doc->kind, "issue"))
		return stock_issue(db, doc, line, out);
	if (!strcmp(doc->kind, "transfer"))
		return stock_transfer(db, doc, line, out);
	return biz_fail(BIZ_INTERNAL, "a %s has no lines", doc->kind);
}
