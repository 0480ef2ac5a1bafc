/* journal.c - balances, registers and journal export of the ledger. */
#include "journal.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "array.h"
#include "biz.h"
#include "decimal.h"
#include "json.h"
#include "ledger.h"
#include "record.h"
#include "timeutil.h"
#include "banned.h"

/* Open date bounds: every stored date sorts between these. */
#define FIRST_DAY ""
#define LAST_DAY "9999-12-31"

struct account {
	char *code, *name, *type, *parent;
	char *export_name;
};

struct chart {
	struct account *accounts;
	size_t count;
};

static void chart_free(struct chart *chart)
{
	for (size_t i = 0; i < chart->count; i++) {
		free(chart->accounts[i].code);
		free(chart->accounts[i].name);
		free(chart->accounts[i].type);
		free(chart->accounts[i].parent);
		free(chart->accounts[i].export_name);
	}
	free(chart->accounts);
	chart->accounts = NULL;
	chart->count = 0;
}

/* Every account, ordered by code (bytewise, as SQLite's BINARY). */
static int chart_load(struct db *db, struct chart *chart)
{
	static const char sql[] =
		"SELECT code, name, type, parent FROM account ORDER BY code";
	struct db_stmt *stmt = db_stmt(db, sql);
	size_t cap = 0;
	int rc;

	chart->accounts = NULL;
	chart->count = 0;
	while ((rc = db_row(db, stmt)) == DB_ROW) {
		struct account *a;
		const char *parent = db_column_text(stmt, 3);

		ARRAY_GROW(chart->accounts, chart->count + 1, cap);
		a = &chart->accounts[chart->count++];
		a->code = xstrdup(db_column_text(stmt, 0));
		a->name = xstrdup(db_column_text(stmt, 1));
		a->type = xstrdup(db_column_text(stmt, 2));
		a->parent = parent ? xstrdup(parent) : NULL;
		a->export_name = NULL;
	}
	if (rc != DB_DONE) {
		chart_free(chart);
		return rc;
	}
	return BIZ_OK;
}

/* The index of account code in chart, or -1. */
static long chart_find(const struct chart *chart, const char *code)
{
	size_t lo = 0, hi = chart->count;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int cmp = strcmp(chart->accounts[mid].code, code);

		if (cmp == 0)
			return (long)mid;
		if (cmp < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -1;
}

/* +1 for debit-normal account types, -1 for credit-normal ones. */
static int natural_sign(const char *type)
{
	return !strcmp(type, "asset") || !strcmp(type, "expense") ? 1 : -1;
}

/* ---- balances ---------------------------------------------------------- */

/* Months as y * 12 + m - 1, from "YYYY-MM..." text. */
static long month_of(const char *date)
{
	long y = 0, m = 0;

	for (int i = 0; i < 4; i++)
		y = y * 10 + (date[i] - '0');
	m = (date[5] - '0') * 10 + (date[6] - '0');
	return y * 12 + m - 1;
}

/* One line of a balance report: an account, or a total of several. */
struct line {
	int64_t debit, credit;
	int64_t *months;	/* column values, nmonths of them */
	int overflow;	/* a figure would pass int64: not to be shown */
};

struct report {
	struct db *db;
	const struct balance_query *q;
	struct chart chart;
	struct line *lines;	/* one per account of the chart */
	long first_month;
	size_t nmonths;
	struct sink *out;
	struct json w;		/* the record being written */
	int total;	/* the line being printed is a total */
};

/*
 * dst += src, every figure checked: -1 when one would pass int64 (93
 * accounts of 10^17 do), for the caller to name what it was adding.
 */
static int line_add(struct line *dst, const struct line *src, size_t n)
{
	if (src->overflow || dec_add(&dst->debit, src->debit) ||
	    dec_add(&dst->credit, src->credit))
		return -1;
	for (size_t i = 0; i < n; i++)
		if (dec_add(&dst->months[i], src->months[i]))
			return -1;
	return 0;
}

/* line_add() for a total line: 65 naming it if a figure would overflow. */
static int total_add(struct line *dst, const struct line *src, size_t n,
		     const char *name)
{
	if (line_add(dst, src, n))
		return dec_sum_fail("'%s'", name);
	return BIZ_OK;
}

/*
 * Prints line as a record; sign 0 leaves out "amount", else amount is
 * the balance times sign.
 */
static int emit(struct report *r, const char *code, const char *name,
		const char *type, const struct line *line, int sign)
{
	int scale = r->db->money_scale;
	struct json *w = &r->w;
	int64_t balance = line->debit, amount = 0;

	/* Debits and credits each up to int64: their difference may not be. */
	if (line->overflow || dec_sub(&balance, line->credit) ||
	    (sign < 0 && dec_sub(&amount, balance)))
		return dec_sum_fail("balance of '%s'", code ? code : name);
	if (sign > 0)
		amount = balance;
	json_reset(w);
	json_object(w);
	json_key_str(w, "account", code);
	json_key_str(w, "name", name);
	json_key_str(w, "type", type);
	for (size_t i = 0; i < r->nmonths; i++) {
		char key[48];
		long month = r->first_month + (long)i;

		snprintf(key, sizeof(key), "%04ld-%02ld", month / 12,
			 month % 12 + 1);
		json_key_dec(w, key, line->months[i], scale);
	}
	json_key_dec(w, "debit", line->debit, scale);
	json_key_dec(w, "credit", line->credit, scale);
	json_key_dec(w, "balance", balance, scale);
	if (sign)
		json_key_dec(w, "amount", amount, scale);
	if (r->total)
		json_key_bool(w, "total", 1);
	json_end_object(w);
	return sink_put(r->out, w);
}

/* Prints a total line: marked "total": true, for the output to place. */
static int emit_total(struct report *r, const char *name, const char *type,
		      const struct line *line, int sign)
{
	int status;

	r->total = 1;
	status = emit(r, NULL, name, type, line, sign);
	r->total = 0;
	return status;
}

static struct line *new_line(struct report *r)
{
	struct line *line = xmalloc(sizeof(*line));

	line->debit = line->credit = 0;
	line->overflow = 0;
	line->months = xmalloc((r->nmonths ? r->nmonths : 1) *
			       sizeof(int64_t));
	memset(line->months, 0, (r->nmonths ? r->nmonths : 1) *
	       sizeof(int64_t));
	return line;
}

static void free_line(struct line *line)
{
	if (line)
		free(line->months);
	free(line);
}

struct day_total {
	long account, month;
	int64_t debit, credit;
};

/*
 * Reads the totals between from and to by account and month into the
 * report's lines; opening totals (before from) only for the balance
 * sheet, whose figures are balances rather than movements.
 */
static int report_load(struct report *r)
{
	static const char period_sql[] =
		"SELECT account, substr(date, 1, 7), sum(debit), sum(credit) "
		"FROM account_day WHERE date >= ?1 AND date <= ?2 "
		"GROUP BY account, substr(date, 1, 7)";
	static const char opening_sql[] =
		"SELECT account, sum(debit), sum(credit) FROM account_day "
		"WHERE date < ?1 GROUP BY account";
	const struct balance_query *q = r->q;
	struct db *db = r->db;
	struct day_total *rows = NULL;
	size_t nrows = 0, cap = 0;
	long first = -1, last = -1;
	struct db_stmt *stmt;
	int rc, status = BIZ_OK;
	int sheet = q->type == BALANCE_SHEET;
	const char *from = q->from ? q->from : FIRST_DAY;

	if (sheet && !q->monthly)
		from = FIRST_DAY;
	stmt = db_stmt(db, period_sql);
	db_bind_text(stmt, 1, from);
	db_bind_text(stmt, 2, q->to ? q->to : LAST_DAY);
	while ((rc = db_row(db, stmt)) == DB_ROW) {
		long account = chart_find(&r->chart,
					  db_column_text(stmt, 0));

		if (account < 0)
			continue;
		ARRAY_GROW(rows, nrows + 1, cap);
		rows[nrows].account = account;
		rows[nrows].month = month_of(db_column_text(stmt, 1));
		rows[nrows].debit = db_column_int64(stmt, 2);
		rows[nrows].credit = db_column_int64(stmt, 3);
		if (first < 0 || rows[nrows].month < first)
			first = rows[nrows].month;
		if (rows[nrows].month > last)
			last = rows[nrows].month;
		nrows++;
	}
	if (rc != DB_DONE) {
		free(rows);
		return rc;
	}
	if (q->monthly) {
		if (q->from)
			first = month_of(q->from);
		if (q->to)
			last = month_of(q->to);
		if (first >= 0 && last >= first)
			r->nmonths = (size_t)(last - first + 1);
		r->first_month = first;
	}
	r->lines = xmalloc((r->chart.count ? r->chart.count : 1) *
			   sizeof(*r->lines));
	for (size_t i = 0; i < r->chart.count; i++) {
		size_t n = r->nmonths ? r->nmonths : 1;

		r->lines[i].debit = r->lines[i].credit = 0;
		r->lines[i].overflow = 0;
		r->lines[i].months = xmalloc(n * sizeof(int64_t));
		memset(r->lines[i].months, 0, n * sizeof(int64_t));
	}
	/*
	 * A month's sums are within 31 days of 10^17: their difference
	 * fits; what adds up several months is checked, and an account
	 * that passes int64 fails the report only if the report shows it.
	 */
	for (size_t i = 0; i < nrows; i++) {
		struct line *line = &r->lines[rows[i].account];

		if (dec_add(&line->debit, rows[i].debit) ||
		    dec_add(&line->credit, rows[i].credit) ||
		    (r->nmonths && rows[i].month >= first &&
		     rows[i].month <= last &&
		     dec_add(&line->months[rows[i].month - first],
			     rows[i].debit - rows[i].credit)))
			line->overflow = 1;
	}
	free(rows);
	if (sheet && q->monthly && q->from) {
		stmt = db_stmt(db, opening_sql);
		db_bind_text(stmt, 1, q->from);
		while ((rc = db_row(db, stmt)) == DB_ROW) {
			long account = chart_find(&r->chart,
						  db_column_text(stmt, 0));

			if (account < 0)
				continue;
			struct line *line = &r->lines[account];
			int64_t debit = db_column_int64(stmt, 1);
			int64_t credit = db_column_int64(stmt, 2);
			int64_t opening = debit;

			if (dec_add(&line->debit, debit) ||
			    dec_add(&line->credit, credit) ||
			    (r->nmonths &&
			     (dec_sub(&opening, credit) ||
			      dec_add(&line->months[0], opening))))
				line->overflow = 1;
		}
		if (status == BIZ_OK && rc != DB_DONE)
			status = rc;
	}
	/* A balance sheet shows each month's closing balance. */
	if (sheet)
		for (size_t i = 0; i < r->chart.count; i++)
			for (size_t m = 1; m < r->nmonths; m++)
				if (dec_add(&r->lines[i].months[m],
					    r->lines[i].months[m - 1]))
					r->lines[i].overflow = 1;
	return status;
}

/* Prints the accounts of type and adds them up into total. */
static int emit_type(struct report *r, const char *type, int sign,
		     struct line *total)
{
	int status = BIZ_OK;

	for (size_t i = 0; i < r->chart.count && status == BIZ_OK; i++) {
		struct account *a = &r->chart.accounts[i];

		if (type && strcmp(a->type, type))
			continue;
		status = emit(r, a->code, a->name, a->type, &r->lines[i],
			      sign ? natural_sign(a->type) : 0);
		if (!status && line_add(total, &r->lines[i], r->nmonths))
			status = dec_sum_fail("total of %s accounts at '%s'",
					      type ? type : "all", a->code);
	}
	return status;
}

/* Adds up the accounts of type into total without printing them. */
static int sum_type(struct report *r, const char *type, struct line *total)
{
	for (size_t i = 0; i < r->chart.count; i++)
		if (!strcmp(r->chart.accounts[i].type, type) &&
		    line_add(total, &r->lines[i], r->nmonths))
			return dec_sum_fail("total of %s accounts at '%s'",
					    type, r->chart.accounts[i].code);
	return BIZ_OK;
}

static int emit_report(struct report *r)
{
	struct line *a = new_line(r), *l = new_line(r), *e = new_line(r);
	struct line *earnings = new_line(r), *all = new_line(r);
	int status = BIZ_OK;

	switch (r->q->type) {
	case BALANCE_TRIAL:
		if (!(status = emit_type(r, NULL, 0, all)))
			status = emit_total(r, "Total", NULL, all, 0);
		break;
	case BALANCE_SHEET:
		if ((status = sum_type(r, "income", earnings)) ||
		    (status = sum_type(r, "expense", earnings)) ||
		    (status = emit_type(r, "asset", 1, a)) ||
		    (status = emit_type(r, "liability", 1, l)) ||
		    (status = emit_type(r, "equity", 1, e)) ||
		    (status = emit(r, NULL, "Current earnings", "equity",
				   earnings, -1)))
			break;
		if ((status = total_add(e, earnings, r->nmonths,
					"Total equity")) ||
		    (status = total_add(all, a, r->nmonths,
					"Assets - liabilities - equity")) ||
		    (status = total_add(all, l, r->nmonths,
					"Assets - liabilities - equity")) ||
		    (status = total_add(all, e, r->nmonths,
					"Assets - liabilities - equity")))
			break;
		if (!(status = emit_total(r, "Total assets", "asset", a, 1)) &&
		    !(status = emit_total(r, "Total liabilities", "liability",
				    l, -1)) &&
		    !(status = emit_total(r, "Total equity", "equity", e, -1)))
			status = emit_total(r, "Assets - liabilities - equity",
				      NULL, all, 1);
		break;
	case BALANCE_PL:
		if ((status = emit_type(r, "income", 1, a)) ||
		    (status = emit_type(r, "expense", 1, l)))
			break;
		if ((status = total_add(all, a, r->nmonths, "Net income")) ||
		    (status = total_add(all, l, r->nmonths, "Net income")))
			break;
		if (!(status = emit_total(r, "Total income", "income", a, -1)) &&
		    !(status = emit_total(r, "Total expenses", "expense", l,
				    1)))
			status = emit_total(r, "Net income", NULL, all, -1);
		break;
	}
	free_line(a);
	free_line(l);
	free_line(e);
	free_line(earnings);
	free_line(all);
	return status;
}

static int check_bound(const char *what, const char *date)
{
	int64_t t;

	if (date && date_parse(date, &t))
		return biz_fail(BIZ_USAGE, "%s: '%s' is not a date such as "
				"2026-11-27", what, date);
	return BIZ_OK;
}

int journal_balance(struct db *db, const struct balance_query *q,
		    struct sink *out)
{
	struct report r = { .db = db, .q = q, .out = out };
	int status;

	if ((status = check_bound("from", q->from)) ||
	    (status = check_bound("to", q->to)))
		return status;
	if (q->from && q->to && strcmp(q->from, q->to) > 0)
		return biz_fail(BIZ_USAGE, "from %s is after to %s",
				q->from, q->to);
	if ((status = chart_load(db, &r.chart)))
		return status;
	if (!(status = report_load(&r)))
		status = emit_report(&r);
	if (r.lines)
		for (size_t i = 0; i < r.chart.count; i++)
			free(r.lines[i].months);
	free(r.lines);
	chart_free(&r.chart);
	json_release(&r.w);
	return sink_done(status);
}

/* ---- register ---------------------------------------------------------- */

/* One posting of a register and the balance after it. */
static void register_row(struct json *w, struct db_stmt *stmt,
			 const char *code, int scale, int64_t balance)
{
	json_reset(w);
	json_object(w);
	db_json_column(w, "entry", stmt, 0);
	db_json_column(w, "date", stmt, 1);
	db_json_column(w, "memo", stmt, 2);
	db_json_column(w, "ref", stmt, 3);
	json_key_str(w, "account", code);
	json_key_dec(w, "amount", db_column_int64(stmt, 4), scale);
	json_key_dec(w, "balance", balance, scale);
	json_end_object(w);
}

int journal_register(struct db *db, const char *account, const char *from,
		     const char *to, struct sink *out)
{
	static const char opening_sql[] =
		"SELECT coalesce(sum(debit - credit), 0) FROM account_day "
		"WHERE account = ?1 AND date < ?2";
	static const char sql[] =
		"SELECT p.entry_id, p.date, e.memo, e.ref, p.amount "
		"FROM posting p JOIN entry e ON e.id = p.entry_id "
		"WHERE p.account = ?1 AND p.date >= ?2 AND p.date <= ?3 "
		"ORDER BY p.date, p.id";
	char code[LEDGER_CODE_MAX];
	struct json w = { 0 };
	struct db_stmt *stmt;
	int64_t balance = 0;
	int rc = DB_DONE, status;

	if ((status = check_bound("from", from)) ||
	    (status = check_bound("to", to)))
		return status;
	if ((status = ledger_account_resolve(db, account, code)))
		return status;
	if (from) {
		stmt = db_stmt(db, opening_sql);
		db_bind_text(stmt, 1, code);
		db_bind_text(stmt, 2, from);
		rc = db_one(db, stmt);
		if (rc != DB_ROW)
			return rc;
		/* SQLite's sum() fails on overflow (65, db.c): never
		 * a wrong number. */
		balance = db_column_int64(stmt, 0);
		db_reset(stmt);
	}
	/* The running balance is checked: a wrong one is never printed. */
	stmt = db_stmt(db, sql);
	db_bind_text(stmt, 1, code);
	db_bind_text(stmt, 2, from ? from : FIRST_DAY);
	db_bind_text(stmt, 3, to ? to : LAST_DAY);
	while (status == BIZ_OK && (rc = db_row(db, stmt)) == DB_ROW) {
		if (dec_add(&balance, db_column_int64(stmt, 4))) {
			status = dec_sum_fail("balance of '%s' at entry %lld",
					      code, (long long)
					      db_column_int64(stmt, 0));
			break;
		}
		register_row(&w, stmt, code, db->money_scale, balance);
		status = sink_put(out, &w);
	}
	db_reset(stmt);
	json_release(&w);
	if (status == BIZ_OK && rc != DB_DONE)
		return rc;
	return sink_done(status);
}

/* ---- export ------------------------------------------------------------ */

int journal_format_from_name(const char *name)
{
	if (!strcmp(name, "hledger"))
		return JOURNAL_HLEDGER;
	if (!strcmp(name, "ledger"))
		return JOURNAL_LEDGER;
	if (!strcmp(name, "beancount"))
		return JOURNAL_BEANCOUNT;
	return -1;
}

static const char *root_name(const char *type)
{
	if (!strcmp(type, "asset"))
		return "Assets";
	if (!strcmp(type, "liability"))
		return "Liabilities";
	if (!strcmp(type, "equity"))
		return "Equity";
	if (!strcmp(type, "income"))
		return "Income";
	return "Expenses";
}

/*
 * One component of an account name as format allows it.  hledger and
 * ledger-cli: single spaces, no ':' (the separator) and none of the
 * characters with a meaning there.  beancount: a capital or digit first,
 * then letters, digits and '-'.
 */
static void add_component(struct strbuf *sb, const char *name,
			  const char *code, enum journal_format format)
{
	size_t start = sb->len;
	int gap = 0;

	for (const unsigned char *s = (const unsigned char *)name; *s; s++) {
		int c = *s;

		if (format == JOURNAL_BEANCOUNT) {
			if (!isalnum(c) || c >= 0x80) {
				gap = 1;
				continue;
			}
			if (gap && sb->len > start)
				strbuf_addstr(sb, "-");
			gap = 0;
			if (sb->len == start)
				c = toupper(c);
		} else {
			if (isspace(c)) {
				gap = 1;
				continue;
			}
			if (c < 0x80 && !isalnum(c) && !strchr("-_.&/'", c))
				c = '-';
			if (gap && sb->len > start)
				strbuf_addstr(sb, " ");
			gap = 0;
		}
		strbuf_add(sb, (const char *)&(char){ (char)c }, 1);
	}
	if (sb->len == start)
		add_component(sb, code, "X", format);
}

/* Appends the path of account i below its type's root, parents first. */
static void add_path(struct strbuf *sb, const struct chart *chart, long i,
		     enum journal_format format, int depth)
{
	const struct account *a = &chart->accounts[i];
	long parent = a->parent ? chart_find(chart, a->parent) : -1;

	if (parent >= 0 && depth < 16)
		add_path(sb, chart, parent, format, depth + 1);
	else
		strbuf_addstr(sb, root_name(a->type));
	strbuf_addstr(sb, ":");
	add_component(sb, a->name, a->code, format);
}

/* Sets every account's export_name, unique within the export. */
static void name_accounts(struct chart *chart, enum journal_format format)
{
	for (size_t i = 0; i < chart->count; i++) {
		struct strbuf sb = { 0 };

		add_path(&sb, chart, (long)i, format, 0);
		for (size_t j = 0; j < i; j++) {
			if (strcmp(chart->accounts[j].export_name, sb.buf))
				continue;
			strbuf_addstr(&sb, format == JOURNAL_BEANCOUNT ?
				      "-" : " ");
			add_component(&sb, chart->accounts[i].code, "X",
				      format);
			break;
		}
		chart->accounts[i].export_name = sb.buf;
	}
}

/* Appends v at scale with every decimal place ("-12.50"). */
static void add_amount(struct strbuf *sb, int64_t v, int scale)
{
	char digits[64];
	uint64_t u = v < 0 ? -(uint64_t)v : (uint64_t)v, unit = 1;

	for (int i = 0; i < scale; i++)
		unit *= 10;
	snprintf(digits, sizeof(digits), "%s%llu", v < 0 ? "-" : "",
		 (unsigned long long)(u / unit));
	strbuf_addstr(sb, digits);
	if (scale > 0) {
		snprintf(digits, sizeof(digits), ".%0*llu",
			 scale & 0xf,
			 (unsigned long long)(u % unit));
		strbuf_addstr(sb, digits);
	}
}

/*
 * Appends text on one line: whitespace runs become one space, and ';'
 * (a comment), bad (format's other specials) become ','.
 */
static void add_text(struct strbuf *sb, const char *text, const char *bad)
{
	int gap = 0;
	size_t start = sb->len;

	for (; *text; text++) {
		char c = *text;

		if (isspace((unsigned char)c) || (unsigned char)c < 0x20) {
			gap = 1;
			continue;
		}
		if (c == ';' || strchr(bad, c))
			c = ',';
		if (gap && sb->len > start)
			strbuf_addstr(sb, " ");
		gap = 0;
		strbuf_add(sb, &c, 1);
	}
}

/* Appends text as a beancount string. */
static void add_string(struct strbuf *sb, const char *text)
{
	strbuf_addstr(sb, "\"");
	for (; *text; text++) {
		if (*text == '"' || *text == '\\')
			strbuf_addstr(sb, "\\");
		if (*text == '\n' || *text == '\r' || *text == '\t')
			strbuf_addstr(sb, " ");
		else
			strbuf_add(sb, text, 1);
	}
	strbuf_addstr(sb, "\"");
}

static int flush(struct strbuf *sb, int (*write)(const char *, size_t,
						 void *), void *arg)
{
	int status = sb->len ? write(sb->buf, sb->len, arg) : BIZ_OK;

	strbuf_reset(sb);
	return status;
}

/* The header: accounts declared (opened on first_date for beancount). */
static void add_header(struct strbuf *sb, struct db *db,
		       const struct chart *chart, enum journal_format format,
		       const char *first_date)
{
	if (format == JOURNAL_BEANCOUNT) {
		strbuf_addf(sb, "; bizutils journal in %s\n", db->currency);
		strbuf_addstr(sb, "option \"operating_currency\" ");
		add_string(sb, db->currency);
		strbuf_addstr(sb, "\n\n");
		for (size_t i = 0; i < chart->count; i++) {
			strbuf_addf(sb, "%s open %s %s\n", first_date,
				    chart->accounts[i].export_name,
				    db->currency);
			strbuf_addstr(sb, "  code: ");
			add_string(sb, chart->accounts[i].code);
			strbuf_addstr(sb, "\n");
		}
	} else {
		strbuf_addf(sb, "; bizutils journal in %s\n\n", db->currency);
		for (size_t i = 0; i < chart->count; i++)
			strbuf_addf(sb, "account %s\n    ; code: %s\n",
				    chart->accounts[i].export_name,
				    chart->accounts[i].code);
	}
	strbuf_addstr(sb, "\n");
}

static void add_entry_head(struct strbuf *sb, enum journal_format format,
			   struct db_stmt *stmt)
{
	const char *date = db_column_text(stmt, 1);
	const char *memo = db_column_text(stmt, 2);
	const char *ref = db_column_text(stmt, 3);
	long long id = db_column_int64(stmt, 0);

	if (format == JOURNAL_BEANCOUNT) {
		strbuf_addf(sb, "\n%s * ", date);
		add_string(sb, memo);
		strbuf_addf(sb, "\n  entry: %lld\n", id);
		if (ref) {
			strbuf_addstr(sb, "  ref: ");
			add_string(sb, ref);
			strbuf_addstr(sb, "\n");
		}
		return;
	}
	strbuf_addf(sb, "\n%s * ", date);
	if (ref) {
		strbuf_addstr(sb, "(");
		add_text(sb, ref, "()");
		strbuf_addstr(sb, ") ");
	} else if (memo[0] == '(') {
		/* Not a code: a description that starts with '('. */
		strbuf_addstr(sb, "- ");
	}
	add_text(sb, memo, "");
	strbuf_addf(sb, "\n    ; entry: %lld\n", id);
}

int journal_export(struct db *db, enum journal_format format,
		   const char *from, const char *to,
		   int (*write)(const char *text, size_t len, void *arg),
		   void *arg)
{
	static const char first_sql[] =
		"SELECT min(date) FROM entry WHERE date >= ?1 AND date <= ?2";
	static const char sql[] =
		"SELECT e.id, e.date, e.memo, e.ref, p.account, p.amount "
		"FROM entry e JOIN posting p ON p.entry_id = e.id "
		"WHERE e.date >= ?1 AND e.date <= ?2 "
		"ORDER BY e.date, e.id, p.id";
	struct chart chart;
	struct strbuf sb = { 0 };
	char first_date[TS_BUFSZ];
	struct db_stmt *stmt;
	int64_t current = 0;
	int rc, status;

	if ((status = check_bound("from", from)) ||
	    (status = check_bound("to", to)))
		return status;
	if ((status = chart_load(db, &chart)))
		return status;
	name_accounts(&chart, format);
	stmt = db_stmt(db, first_sql);
	db_bind_text(stmt, 1, from ? from : FIRST_DAY);
	db_bind_text(stmt, 2, to ? to : LAST_DAY);
	rc = db_one(db, stmt);
	if (rc != DB_ROW) {
		chart_free(&chart);
		return rc;
	}
	if (db_column_text(stmt, 0))
		snprintf(first_date, sizeof(first_date), "%s",
			 db_column_text(stmt, 0));
	else
		date_format(db->now, first_date);
	db_reset(stmt);
	add_header(&sb, db, &chart, format, first_date);
	stmt = db_stmt(db, sql);
	db_bind_text(stmt, 1, from ? from : FIRST_DAY);
	db_bind_text(stmt, 2, to ? to : LAST_DAY);
	while (status == BIZ_OK && (rc = db_row(db, stmt)) == DB_ROW) {
		int64_t id = db_column_int64(stmt, 0);
		long account = chart_find(&chart, db_column_text(stmt, 4));

		if (id != current) {
			add_entry_head(&sb, format, stmt);
			current = id;
		}
		strbuf_addf(&sb, format == JOURNAL_BEANCOUNT ? "  %s  " :
			    "    %s  ", account >= 0 ?
			    chart.accounts[account].export_name : "?");
		add_amount(&sb, db_column_int64(stmt, 5),
			   db->money_scale);
		strbuf_addf(&sb, " %s\n", db->currency);
		if (sb.len >= 1 << 16)
			status = flush(&sb, write, arg);
	}
	db_reset(stmt);
	if (status == BIZ_OK && rc != DB_DONE)
		status = rc;
	if (status == BIZ_OK)
		status = flush(&sb, write, arg);
	strbuf_release(&sb);
	chart_free(&chart);
	return status;
}
