/* input.c - stream records from CSV, JSON Lines or a JSON array. */
#include "input.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <csv.h>

#include "biz.h"
#include "code.h"
#include "banned.h"

struct reader {
	FILE *fp;
	char *name;
	enum input_format format;
	int header_mode;
	char *line;		/* getline's buffer */
	size_t line_cap;
	int line_no;		/* of the line last read */
	int record_line;	/* where the record last returned started */
	int eof;
	int started;		/* the format is known */

	/* CSV: rows completed by libcsv wait in queue. */
	struct csv_parser csv;
	int row_open, row_start;
	jv row, header, queue, queue_lines;
	int queue_next;

	/* JSON: a parser fed line by line; array elements wait in queue. */
	jv_parser *json;
	int value_start;	/* first line of the value being parsed */
};

int input_format_from_name(const char *name)
{
	if (!strcmp(name, "csv"))
		return INPUT_CSV;
	if (!strcmp(name, "jsonl"))
		return INPUT_JSONL;
	if (!strcmp(name, "json"))
		return INPUT_JSON;
	return -1;
}

int reader_line(const struct reader *r)
{
	return r->record_line;
}

const char *reader_name(const struct reader *r)
{
	return r->name;
}

int reader_fail(const struct reader *r, int status, const char *fmt, ...)
{
	char message[768];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(message, sizeof(message), fmt, ap);
	va_end(ap);
	return biz_fail_at(status, r->name, r->record_line, "%s", message);
}

/*
 * Reads the next line into r->line: 1, 0 at the end, or a status for a
 * line that is not text (invalid UTF-8 or a NUL byte: refused rather
 * than read with U+FFFD in place of its bytes, or cut at the NUL).
 */
static int next_line(struct reader *r, ssize_t *len)
{
	if (r->eof)
		return 0;
	*len = getline(&r->line, &r->line_cap, r->fp);
	if (*len < 0) {
		r->eof = 1;
		/* A read that failed is not the end of the input. */
		if (ferror(r->fp))
			return biz_fail(BIZ_NOINPUT, "%s: %s", r->name,
					strerror(errno));
		return 0;
	}
	r->line_no++;
	if (!text_valid(r->line, (size_t)*len)) {
		r->eof = 1;
		r->record_line = r->line_no;
		return reader_fail(r, BIZ_DATAERR, "not UTF-8 text (an invalid "
				   "byte or a NUL byte)");
	}
	return 1;
}

static int is_blank(const char *s)
{
	return s[strspn(s, " \t\r\n")] == '\0';
}

/* libcsv keeps spaces unless told every byte is not one. */
static int never_space(unsigned char c)
{
	(void)c;
	return 0;
}

static void csv_field(void *data, size_t len, void *r_)
{
	struct reader *r = r_;

	r->row = jv_array_append(r->row, jv_string_sized(data ? data : "",
							  (int)len));
}

static void csv_row(int terminator, void *r_)
{
	struct reader *r = r_;

	(void)terminator;
	r->queue = jv_array_append(r->queue, r->row);
	r->queue_lines = jv_array_append(r->queue_lines,
					 jv_number(r->row_start));
	r->row = jv_array();
	r->row_open = 0;
}

int reader_open(const char *path, enum input_format format, int header,
		struct reader **out)
{
	struct reader *r;
	FILE *fp = stdin;

	if (path && strcmp(path, "-")) {
		struct stat st;

		fp = fopen(path, "r");
		if (!fp)
			return biz_fail(BIZ_NOINPUT,
					"cannot open '%s': %s", path,
					strerror(errno));
		/* A folder opens, then reads as nothing: not a file. */
		if (!fstat(fileno(fp), &st) && S_ISDIR(st.st_mode)) {
			fclose(fp);
			return biz_fail(BIZ_NOINPUT, "'%s' is a folder, not a "
					"file of records", path);
		}
	}
	r = xmalloc(sizeof(*r));
	memset(r, 0, sizeof(*r));
	r->fp = fp;
	r->name = xstrdup(fp == stdin ? "-" : path);
	r->format = format;
	r->header_mode = header;
	r->row = jv_array();
	r->header = jv_invalid();
	r->queue = jv_array();
	r->queue_lines = jv_array();
	*out = r;
	return BIZ_OK;
}

void reader_close(struct reader *r)
{
	if (!r)
		return;
	if (r->fp != stdin)
		fclose(r->fp);
	if (r->started && r->format == INPUT_CSV)
		csv_free(&r->csv);
	if (r->json)
		jv_parser_free(r->json);
	jv_free(r->row);
	jv_free(r->header);
	jv_free(r->queue);
	jv_free(r->queue_lines);
	free(r->line);
	free(r->name);
	free(r);
}

/* Pops a queued value and its line; 0 when the queue is empty. */
static int queue_pop(struct reader *r, jv *value)
{
	if (r->queue_next >= jv_array_length(jv_copy(r->queue))) {
		if (r->queue_next) {
			jv_free(r->queue);
			jv_free(r->queue_lines);
			r->queue = jv_array();
			r->queue_lines = jv_array();
			r->queue_next = 0;
		}
		return 0;
	}
	*value = jv_array_get(jv_copy(r->queue), r->queue_next);
	r->record_line = (int)jv_number_value(
		jv_array_get(jv_copy(r->queue_lines), r->queue_next));
	r->queue_next++;
	return 1;
}

/* Chooses the format from the first line that is not blank. */
static void detect_format(struct reader *r, const char *first)
{
	first += strspn(first, " \t\r\n");
	if (r->format == INPUT_AUTO)
		r->format = *first == '{' ? INPUT_JSONL :
			    *first == '[' ? INPUT_JSON : INPUT_CSV;
	if (r->format == INPUT_CSV) {
		csv_init(&r->csv, CSV_STRICT | CSV_STRICT_FINI |
					  CSV_APPEND_NULL);
		csv_set_space_func(&r->csv, never_space);
	} else {
		r->json = jv_parser_new(0);
	}
}

/*
 * The field names of the contract's records and inputs (DESIGN.md): a
 * CSV header names one of them in any case and with spaces around it
 * ("Region ", "SKU"), so a spreadsheet's header is not read as a new
 * custom field.  Other names keep their case: they are custom fields.
 */
static const char *const known_fields[] = {
	"account", "actor", "amount", "assigned_at", "attrs", "balance",
	"barcode", "capacity", "close", "code", "company", "cost",
	"costing", "created_at", "csat", "customer", "date", "deal",
	"email", "expiry", "external_id", "handle", "id", "industries",
	"industry", "kind", "lead", "lead_time", "lead_time_sd", "lot",
	"max", "memo", "min", "minutes", "multiple", "name", "outcome",
	"owner", "parent", "phone", "postings", "price", "priority", "qty",
	"reason", "ref", "region", "regions", "rep", "service_level",
	"serial", "serials", "size", "sku", "source", "stage", "status",
	"subject", "supplier", "tags", "team", "terms", "title", "to",
	"tracking", "type", "unit", "weight", "wh", NULL
};

/* header name (consumed) trimmed, and a known field's in its case. */
static jv header_name(jv name)
{
	const char *text, *end;
	char lower[32];
	size_t n;

	if (jv_get_kind(name) != JV_KIND_STRING)
		return name;
	text = jv_string_value(name);
	while (*text == ' ' || *text == '\t')
		text++;
	end = text + strlen(text);
	while (end > text && (end[-1] == ' ' || end[-1] == '\t'))
		end--;
	n = (size_t)(end - text);
	if (n < sizeof(lower)) {
		for (size_t i = 0; i < n; i++)
			lower[i] = (char)tolower((unsigned char)text[i]);
		lower[n] = '\0';
		for (int i = 0; known_fields[i]; i++)
			if (!strcmp(lower, known_fields[i])) {
				jv_free(name);
				return jv_string(known_fields[i]);
			}
	}
	if (n == strlen(jv_string_value(name)))
		return name;
	{
		jv trimmed = jv_string_sized(text, (int)n);

		jv_free(name);
		return trimmed;
	}
}

/* Turns a CSV row into a record keyed by the header. */
static int csv_record(struct reader *r, jv row, jv *record)
{
	int nfields = jv_array_length(jv_copy(row));
	int nheader;

	if (!r->header_mode) {
		*record = row;
		return 1;
	}
	if (!jv_is_valid(r->header)) {
		r->header = jv_array();
		jv_array_foreach(row, i, name)
			r->header = jv_array_append(r->header,
						    header_name(name));
		jv_free(row);
		return 0;
	}
	nheader = jv_array_length(jv_copy(r->header));
	if (nfields != nheader) {
		jv_free(row);
		return reader_fail(r, BIZ_DATAERR,
				   "%d fields where the header has %d",
				   nfields, nheader);
	}
	*record = jv_object();
	jv_array_foreach(r->header, i, name) {
		*record = jv_object_set(*record, name,
					jv_array_get(jv_copy(row), i));
	}
	jv_free(row);
	return 1;
}

static int csv_next(struct reader *r, jv *record)
{
	ssize_t len;
	jv row;
	int rc;

	for (;;) {
		while (queue_pop(r, &row))
			if ((rc = csv_record(r, row, record)) != 0)
				return rc;
		if (r->eof)
			return 0;
		if ((rc = next_line(r, &len)) > 1)
			return rc;
		if (!rc) {
			r->record_line = r->row_start;
			if (csv_fini(&r->csv, csv_field, csv_row, r))
				return reader_fail(r, BIZ_DATAERR,
						   "unterminated quoted field");
			continue;
		}
		if (!r->row_open) {
			if (is_blank(r->line))
				continue;
			r->row_open = 1;
			r->row_start = r->line_no;
		}
		if (csv_parse(&r->csv, r->line, len, csv_field, csv_row, r) !=
		    (size_t)len) {
			r->record_line = r->line_no;
			return reader_fail(r, BIZ_DATAERR,
					   "malformed CSV: a quote inside an "
					   "unquoted field or text after a "
					   "closing quote");
		}
	}
}

/* Takes a parsed JSON value: an object is a record, an array many. */
static int json_value(struct reader *r, jv value, jv *record)
{
	/* A value that began on a line already read has no start of its
	 * own: "{...} {...}" on one line. */
	r->record_line = r->value_start ? r->value_start : r->line_no;
	if (jv_get_kind(value) == JV_KIND_ARRAY && r->format == INPUT_JSON) {
		jv_array_foreach(value, i, element) {
			r->queue = jv_array_append(r->queue, element);
			r->queue_lines = jv_array_append(
				r->queue_lines, jv_number(r->record_line));
		}
		jv_free(value);
		return 0;
	}
	if (jv_get_kind(value) != JV_KIND_OBJECT) {
		jv_free(value);
		return reader_fail(r, BIZ_DATAERR, "a record must be a JSON "
				   "object");
	}
	*record = value;
	return 1;
}

static int json_next(struct reader *r, jv *record)
{
	ssize_t len;
	jv value;
	int rc;

	for (;;) {
		if (queue_pop(r, &value)) {
			if (jv_get_kind(value) != JV_KIND_OBJECT) {
				jv_free(value);
				return reader_fail(r, BIZ_DATAERR,
						   "array element %d is not "
						   "an object", r->queue_next);
			}
			*record = value;
			return 1;
		}
		value = jv_parser_next(r->json);
		if (jv_is_valid(value)) {
			rc = json_value(r, value, record);
			r->value_start = 0;
			if (rc)
				return rc;
			continue;
		}
		if (jv_invalid_has_msg(jv_copy(value))) {
			jv msg = jv_invalid_get_msg(value);

			r->record_line = r->value_start ? r->value_start :
							  r->line_no;
			rc = reader_fail(r, BIZ_DATAERR, "bad JSON: %s",
					 jv_string_value(msg));
			jv_free(msg);
			return rc;
		}
		jv_free(value);
		/*
		 * libjq stops short of the buffer's end without a message
		 * only at an ASCII RS (its JSON text sequences): the value
		 * before it is dropped.  Say so; feeding it another buffer
		 * would trip libjq's assertion (found by tests/fuzz/reader.c).
		 */
		if (jv_parser_remaining(r->json) > 0) {
			r->record_line = r->line_no;
			return reader_fail(r, BIZ_DATAERR, "bad JSON: a record "
					   "separator byte (0x1E)");
		}
		if (r->eof)
			return 0;
		if ((rc = next_line(r, &len)) > 1)
			return rc;
		if (!rc) {
			jv_parser_set_buf(r->json, "", 0, 0);
			continue;
		}
		if (!r->value_start && !is_blank(r->line))
			r->value_start = r->line_no;
		jv_parser_set_buf(r->json, r->line, (int)len, 1);
	}
}

int reader_next(struct reader *r, jv *record)
{
	if (!r->started) {
		ssize_t len;
		char *start;
		int rc;

		/* Skip a byte order mark and blank lines to see the format. */
		do {
			if ((rc = next_line(r, &len)) != 1)
				return rc;
			start = r->line;
			if (r->line_no == 1 &&
			    !strncmp(start, "\xEF\xBB\xBF", 3)) {
				start += 3;
				len -= 3;
			}
		} while (is_blank(start));
		detect_format(r, start);
		r->started = 1;
		r->row_open = 1;
		r->row_start = r->value_start = r->line_no;
		if (r->format == INPUT_CSV) {
			if (csv_parse(&r->csv, start, len, csv_field, csv_row,
				      r) != (size_t)len) {
				r->record_line = r->line_no;
				return reader_fail(r, BIZ_DATAERR,
						   "malformed CSV header");
			}
		} else {
			jv_parser_set_buf(r->json, start, (int)len, 1);
		}
	}
	return r->format == INPUT_CSV ? csv_next(r, record) :
					json_next(r, record);
}
