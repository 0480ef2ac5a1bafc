/* output.c - print records in the chosen format. */
#include "output.h"

#include <stdlib.h>
#include <string.h>

#include "biz.h"
#include "record.h"
#include "banned.h"

/*
 * A spool is held in memory up to this many bytes, then moved to a
 * temporary file: a short command creates no file (the first tmpfile()
 * of a process costs 0.1 to 0.2 ms), a long batch holds no more than this.
 */
#define SPOOL_IN_MEMORY (1 << 20)

enum spool { SPOOL_NONE, SPOOL_MEMORY, SPOOL_FILE };

struct output {
	enum format format;
	struct filter *jq;
	FILE *fp;		/* stdout, or the spool */
	enum spool spool;
	char *spool_text;	/* the spool's text while it is in memory */
	size_t spool_len;
	size_t count;		/* values printed */
	jv columns;		/* array of key strings, from the first record */
	jv rows;		/* table: array of arrays of cell strings */
	struct strbuf text;	/* JSON text of the value being printed */
};

enum format format_from_name(const char *name)
{
	static const struct {
		const char *name;
		enum format format;
	} names[] = {
		{ "json", FORMAT_JSON }, { "jsonl", FORMAT_JSONL },
		{ "csv", FORMAT_CSV },	 { "tsv", FORMAT_TSV },
		{ "table", FORMAT_TABLE },
	};

	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		if (!strcmp(name, names[i].name))
			return names[i].format;
	return FORMAT_DEFAULT;
}

struct output *output_new(enum format format, struct filter *jq, int spool)
{
	struct output *out = xmalloc(sizeof(*out));

	out->fp = stdout;
	out->spool = spool ? SPOOL_MEMORY : SPOOL_NONE;
	out->spool_text = NULL;
	out->spool_len = 0;
	if (spool &&
	    !(out->fp = open_memstream(&out->spool_text, &out->spool_len)))
		biz_dief(BIZ_INTERNAL, "cannot hold the output: out of memory");
	out->format = format;
	out->jq = jq;
	out->count = 0;
	out->columns = jv_invalid();
	out->rows = jv_array();
	memset(&out->text, 0, sizeof(out->text));
	return out;
}

/* A value as the text of one cell: strings raw, null empty, else JSON. */
static jv cell_text(jv value)
{
	switch (jv_get_kind(value)) {
	case JV_KIND_STRING:
		return value;
	case JV_KIND_NULL:
	case JV_KIND_INVALID:
		jv_free(value);
		return jv_string("");
	default:
		return jv_dump_string(value, 0);
	}
}

void csv_write_field(FILE *fp, const char *s)
{
	if (!s[strcspn(s, ",\"\r\n")]) {
		fputs(s, fp);
		return;
	}
	fputc('"', fp);
	for (; *s; s++) {
		if (*s == '"')
			fputc('"', fp);
		fputc(*s, fp);
	}
	fputc('"', fp);
}

static void tsv_write_field(FILE *fp, const char *s)
{
	for (; *s; s++) {
		switch (*s) {
		case '\t': fputs("\\t", fp); break;
		case '\n': fputs("\\n", fp); break;
		case '\r': fputs("\\r", fp); break;
		case '\\': fputs("\\\\", fp); break;
		default: fputc(*s, fp);
		}
	}
}

/* The record's cells in column order, as strings. */
static jv record_cells(struct output *out, jv value)
{
	jv cells = jv_array();

	if (jv_get_kind(value) != JV_KIND_OBJECT)
		return jv_array_append(cells, cell_text(value));
	jv_array_foreach(out->columns, i, key) {
		cells = jv_array_append(cells,
					cell_text(jv_object_get(jv_copy(value),
								key)));
	}
	jv_free(value);
	return cells;
}

static void write_row(struct output *out, jv cells)
{
	jv_array_foreach(cells, i, cell) {
		if (i)
			fputc(out->format == FORMAT_CSV ? ',' : '\t', out->fp);
		if (out->format == FORMAT_CSV)
			csv_write_field(out->fp, jv_string_value(cell));
		else
			tsv_write_field(out->fp, jv_string_value(cell));
		jv_free(cell);
	}
	fputc('\n', out->fp);
	jv_free(cells);
}

/* Columns come from the first object printed. */
static void take_columns(struct output *out, jv value)
{
	if (jv_is_valid(out->columns))
		return;
	out->columns = jv_get_kind(value) == JV_KIND_OBJECT ?
			       jv_keys_unsorted(jv_copy(value)) : jv_array();
	if (jv_array_length(jv_copy(out->columns)) == 0)
		return;
	if (out->format == FORMAT_TABLE)
		out->rows = jv_array_append(out->rows, jv_copy(out->columns));
	else if (out->format == FORMAT_CSV || out->format == FORMAT_TSV)
		write_row(out, jv_copy(out->columns));
}

/* Moves a spool grown past SPOOL_IN_MEMORY to a temporary file. */
static void spool_check(struct output *out)
{
	FILE *file;

	if (out->spool != SPOOL_MEMORY || ftell(out->fp) < SPOOL_IN_MEMORY)
		return;
	if (!(file = tmpfile()))
		biz_dief(BIZ_INTERNAL, "cannot create a temporary file");
	fclose(out->fp);
	fwrite(out->spool_text, 1, out->spool_len, file);
	free(out->spool_text);
	out->spool_text = NULL;
	out->fp = file;
	out->spool = SPOOL_FILE;
}

static void print_value(struct output *out, jv value)
{
	switch (out->format) {
	case FORMAT_JSON:
		fputs(out->count ? ",\n" : "[\n", out->fp);
		/* fall through */
	case FORMAT_JSONL:
	case FORMAT_DEFAULT:
		/* One write per value: jv_dumpf() makes one per token. */
		strbuf_reset(&out->text);
		rec_dump(&out->text, value);
		if (out->format != FORMAT_JSON)
			strbuf_add(&out->text, "\n", 1);
		fwrite(out->text.buf, 1, out->text.len, out->fp);
		jv_free(value);
		break;
	case FORMAT_CSV:
	case FORMAT_TSV:
		take_columns(out, value);
		write_row(out, record_cells(out, value));
		break;
	case FORMAT_TABLE:
		take_columns(out, value);
		out->rows = jv_array_append(out->rows,
					    record_cells(out, value));
		break;
	}
	out->count++;
	spool_check(out);
}

int output_record(struct output *out, jv record)
{
	jv results;

	if (!out->jq) {
		print_value(out, record);
		return BIZ_OK;
	}
	results = filter_run(out->jq, record);
	if (!jv_is_valid(results)) {
		jv msg = jv_invalid_get_msg(results);
		int status = biz_fail(BIZ_DATAERR, "--jq: %s",
				      jv_string_value(msg));

		jv_free(msg);
		return status;
	}
	jv_array_foreach(results, i, value)
		print_value(out, value);
	jv_free(results);
	return BIZ_OK;
}

int output_json(struct output *out, const char *text, size_t len)
{
	if (out->jq || (out->format != FORMAT_JSON &&
			out->format != FORMAT_JSONL &&
			out->format != FORMAT_DEFAULT))
		return output_record(out, jv_parse_sized(text, (int)len));
	if (out->format == FORMAT_JSON)
		fputs(out->count ? ",\n" : "[\n", out->fp);
	fwrite(text, 1, len, out->fp);
	if (out->format != FORMAT_JSON)
		fputc('\n', out->fp);
	out->count++;
	spool_check(out);
	return BIZ_OK;
}

/* Display width of UTF-8 text: one column per code point. */
static size_t display_width(const char *s)
{
	size_t width = 0;

	for (; *s; s++)
		width += ((unsigned char)*s & 0xC0) != 0x80;
	return width;
}

static int looks_numeric(const char *s)
{
	if (*s == '-')
		s++;
	if (!*s)
		return 0;
	return s[strspn(s, "0123456789.")] == '\0';
}

static void print_table(struct output *out)
{
	int ncols = 0;
	size_t *widths;

	jv_array_foreach(out->rows, r, row) {
		int n = jv_array_length(row);

		if (n > ncols)
			ncols = n;
	}
	widths = xmalloc(ncols * sizeof(*widths));
	memset(widths, 0, ncols * sizeof(*widths));
	jv_array_foreach(out->rows, r, row) {
		jv_array_foreach(row, c, cell) {
			size_t w = display_width(jv_string_value(cell));

			if (w > widths[c])
				widths[c] = w;
			jv_free(cell);
		}
		jv_free(row);
	}
	jv_array_foreach(out->rows, r, row) {
		int n = jv_array_length(jv_copy(row));

		jv_array_foreach(row, c, cell) {
			const char *s = jv_string_value(cell);
			size_t pad = widths[c] - display_width(s);
			int right = r > 0 && looks_numeric(s);

			if (right)
				fprintf(out->fp, "%*s", (int)pad, "");
			fputs(s, out->fp);
			if (c + 1 < n && !right)
				fprintf(out->fp, "%*s", (int)pad, "");
			if (c + 1 < n)
				fputs("  ", out->fp);
			jv_free(cell);
		}
		fputc('\n', out->fp);
		jv_free(row);
	}
	free(widths);
}

/* Closes the spool, copying it to stdout if keep is true. */
static void spool_close(struct output *out, int keep)
{
	char buf[65536];
	size_t n;

	if (out->spool == SPOOL_MEMORY) {
		fclose(out->fp);
		if (keep)
			fwrite(out->spool_text, 1, out->spool_len, stdout);
		free(out->spool_text);
		return;
	}
	if (keep) {
		rewind(out->fp);
		while ((n = fread(buf, 1, sizeof(buf), out->fp)) > 0)
			fwrite(buf, 1, n, stdout);
	}
	fclose(out->fp);
}

void output_finish(struct output *out, int keep)
{
	if (out->format == FORMAT_JSON)
		fputs(out->count ? "\n]\n" : "[]\n", out->fp);
	if (out->format == FORMAT_TABLE)
		print_table(out);
	if (out->spool != SPOOL_NONE)
		spool_close(out, keep);
	jv_free(out->columns);
	jv_free(out->rows);
	strbuf_release(&out->text);
	free(out);
}
