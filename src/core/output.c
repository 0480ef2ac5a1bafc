/* output.c - print records in the chosen format. */
#include "output.h"

#include <stdlib.h>
#include <string.h>

#include "biz.h"
#include "record.h"
#include "cell.h"
#include "table.h"
#include "banned.h"

/*
 * A spool is held in memory up to this many bytes, then moved to a
 * temporary file: a short command creates no file (the first tmpfile()
 * of a process costs 0.1 to 0.2 ms), a long batch holds no more than this.
 */
#define SPOOL_IN_MEMORY (1 << 20)

/*
 * csv and tsv hold this many records handed over as jq values before
 * they write them out as text (one parse each at the end, then): a short
 * report pays neither, a long one holds no more than this.
 */
#define HOLD_VALUES 4096

enum spool { SPOOL_NONE, SPOOL_MEMORY, SPOOL_FILE };

struct output {
	enum format format;
	struct filter *jq;
	FILE *fp;		/* stdout, or the spool */
	enum spool spool;
	char *spool_text;	/* the spool's text while it is in memory */
	size_t spool_len;
	size_t count;		/* values printed */
	struct strbuf text;	/* JSON text of the value being printed */
	/* The shared output options. */
	jv pick;		/* -o: array of field names, or null */
	jv sort;		/* --sort: array of [name, descending] */
	int64_t limit;		/* -1: no limit */
	int totals;
	int money_scale;
	int width;
	/*
	 * csv, tsv, table and any --sort hold the records until the end:
	 * their columns and order depend on every record.
	 */
	int hold;
	jv held;		/* array of the records held */
	jv total_rows;		/* array of the total rows, printed last */
	size_t taken;		/* records taken, for --limit */
	jv stream_columns;	/* csv, tsv streamed: the first's columns */
	/*
	 * csv and tsv without --sort hold the records as JSON text, one a
	 * line (in memory, then a temporary file), past HOLD_VALUES jq
	 * values: the columns are gathered as they come, the rows written
	 * at the end.  While recs is open, held is empty.
	 */
	FILE *recs;
	char *recs_text;
	size_t recs_len;
	int recs_in_file;
	jv seen;		/* object: the columns met so far */
	jv columns;		/* array: those columns in the order met */
	struct strbuf keys, last_keys;	/* a record's raw keys, the last's */
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

	memset(out, 0, sizeof(*out));
	out->fp = stdout;
	out->spool = spool ? SPOOL_MEMORY : SPOOL_NONE;
	if (spool &&
	    !(out->fp = open_memstream(&out->spool_text, &out->spool_len)))
		biz_dief(BIZ_INTERNAL, "cannot hold the output: out of memory");
	out->format = format;
	out->jq = jq;
	out->pick = jv_null();
	out->sort = jv_array();
	out->limit = -1;
	out->money_scale = 2;
	out->hold = format == FORMAT_CSV || format == FORMAT_TSV ||
		    format == FORMAT_TABLE;
	out->held = jv_array();
	out->total_rows = jv_array();
	out->stream_columns = jv_invalid();
	out->seen = jv_object();
	out->columns = jv_array();
	return out;
}

/* The names of a comma-separated list, as an array of strings. */
static jv split_list(const char *list)
{
	jv names = jv_array();
	const char *p = list;

	for (;;) {
		size_t n = strcspn(p, ",");

		names = jv_array_append(names, jv_string_sized(p, (int)n));
		if (!p[n])
			return names;
		p += n + 1;
	}
}

int output_check_fields(const char *list, int sort)
{
	jv names = split_list(list);
	int bad = 0;

	jv_array_foreach(names, i, name) {
		const char *s = jv_string_value(name);

		if (sort && *s == '-')
			s++;
		bad |= !*s;
		jv_free(name);
	}
	jv_free(names);
	return bad ? -1 : 0;
}

void output_configure(struct output *out, const struct output_options *o)
{
	jv_free(out->pick);
	out->pick = o->fields ? split_list(o->fields) : jv_null();
	jv_free(out->sort);
	out->sort = jv_array();
	if (o->sort) {
		jv names = split_list(o->sort);

		jv_array_foreach(names, i, name) {
			const char *s = jv_string_value(name);
			int desc = *s == '-';

			out->sort = jv_array_append(out->sort,
				JV_ARRAY(jv_string(s + desc), jv_bool(desc)));
			jv_free(name);
		}
		jv_free(names);
		out->hold = 1;
	}
	out->limit = o->limit;
	out->totals = o->totals;
	out->money_scale = o->money_scale;
	out->width = o->width;
	if (o->stream && !o->sort && out->format != FORMAT_TABLE)
		out->hold = 0;
}

void output_money_scale(struct output *out, int scale)
{
	out->money_scale = scale;
}


/*
 * Whether field key of record (borrowed) is money.  A record that names
 * the kind of its value (biz-config's settings: "kind" money, days,
 * account, date) has a money value and default only when that kind is
 * money: 30 days of sales.terms_days is not 30.00.
 */
static int cell_is_money(jv record, const char *key)
{
	jv kind;
	int money;

	if (!key || !output_money_field(key))
		return 0;
	if (strcmp(key, "value") && strcmp(key, "default"))
		return 1;
	kind = jv_object_get(jv_copy(record), jv_string("kind"));
	money = jv_get_kind(kind) != JV_KIND_STRING ||
		!strcmp(jv_string_value(kind), "money");
	jv_free(kind);
	return money;
}

/*
 * A value as the text of one cell: strings raw, null empty, money (when
 * money is set) with its places, else JSON.
 */
static jv cell_text(struct output *out, int money, jv value)
{
	jv text;

	switch (jv_get_kind(value)) {
	case JV_KIND_STRING:
		text = value;
		break;
	case JV_KIND_NULL:
	case JV_KIND_INVALID:
		jv_free(value);
		return jv_string("");
	case JV_KIND_NUMBER:
		if (money) {
			text = cell_money_text(value, out->money_scale);
			break;
		}
		/* fall through */
	default:
		text = jv_dump_string(value, 0);
	}
	return out->format == FORMAT_TABLE ? cell_escape(text) : text;
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

/* Whether value is a total row: an object whose "total" is true. */
static int is_total(jv value)
{
	jv total;
	int yes;

	if (jv_get_kind(value) != JV_KIND_OBJECT)
		return 0;
	total = jv_object_get(jv_copy(value), jv_string("total"));
	yes = jv_get_kind(total) == JV_KIND_TRUE;
	jv_free(total);
	return yes;
}

/* value (consumed) with only the -o fields, in their order. */
static jv pick_fields(struct output *out, jv value)
{
	jv picked;

	if (jv_get_kind(out->pick) != JV_KIND_ARRAY ||
	    jv_get_kind(value) != JV_KIND_OBJECT)
		return value;
	picked = jv_object();
	jv_array_foreach(out->pick, i, key) {
		jv v = jv_object_get(jv_copy(value), jv_copy(key));

		picked = jv_object_set(picked, key,
				       jv_is_valid(v) ? v : jv_null());
	}
	jv_free(value);
	return picked;
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

/* Prints value (consumed) as json or jsonl. */
static void print_json(struct output *out, jv value)
{
	value = pick_fields(out, value);
	if (out->format == FORMAT_JSON)
		fputs(out->count ? ",\n" : "[\n", out->fp);
	/* One write per value: jv_dumpf() makes one per token. */
	strbuf_reset(&out->text);
	rec_dump(&out->text, value);
	if (out->format != FORMAT_JSON)
		strbuf_add(&out->text, "\n", 1);
	fwrite(out->text.buf, 1, out->text.len, out->fp);
	jv_free(value);
	out->count++;
	spool_check(out);
}

/* Whether out prints total rows. */
static int shows_totals(struct output *out)
{
	return out->format == FORMAT_TABLE || out->totals;
}

static jv record_cells(struct output *out, jv columns, jv value);
static void write_row(struct output *out, jv cells);

/* csv or tsv as records come: the columns are the first record's. */
static void stream_row(struct output *out, jv value)
{
	if (!jv_is_valid(out->stream_columns)) {
		out->stream_columns = jv_get_kind(value) == JV_KIND_OBJECT ?
			jv_keys_unsorted(jv_copy(value)) : jv_array();
		if (jv_get_kind(out->pick) == JV_KIND_ARRAY) {
			jv_free(out->stream_columns);
			out->stream_columns = jv_copy(out->pick);
		}
		if (jv_array_length(jv_copy(out->stream_columns)))
			write_row(out, jv_copy(out->stream_columns));
	}
	write_row(out, record_cells(out, jv_copy(out->stream_columns),
				    value));
	out->count++;
	spool_check(out);
}

/* Whether held records wait as text (csv and tsv without --sort). */
static int holds_text(struct output *out)
{
	return (out->format == FORMAT_CSV || out->format == FORMAT_TSV) &&
	       !jv_array_length(jv_copy(out->sort));
}

/*
 * Adds the fields of record (borrowed) not met yet to the columns.  A
 * total row's "total": true marks the row, a column only in csv and tsv.
 */
static void note_columns(struct output *out, jv record)
{
	int total;

	if (jv_get_kind(record) != JV_KIND_OBJECT)
		return;
	total = is_total(record);
	jv_object_keys_foreach(record, key) {
		jv had = jv_object_get(jv_copy(out->seen), jv_copy(key));

		if (jv_is_valid(had) ||
		    (total && out->format == FORMAT_TABLE &&
		     !strcmp(jv_string_value(key), "total"))) {
			jv_free(had);
			jv_free(key);
			continue;
		}
		out->seen = jv_object_set(out->seen, jv_copy(key), jv_true());
		out->columns = jv_array_append(out->columns, key);
	}
}

/* Adds one record's JSON text (len bytes, one line) to those held. */
static void recs_write(struct output *out, const char *text, size_t len)
{
	FILE *file;

	if (!out->recs &&
	    !(out->recs = open_memstream(&out->recs_text, &out->recs_len)))
		biz_dief(BIZ_INTERNAL, "cannot hold the output: out of memory");
	fwrite(text, 1, len, out->recs);
	fputc('\n', out->recs);
	if (out->recs_in_file || ftell(out->recs) < SPOOL_IN_MEMORY)
		return;
	if (!(file = tmpfile()))
		biz_dief(BIZ_INTERNAL, "cannot create a temporary file");
	fclose(out->recs);
	fwrite(out->recs_text, 1, out->recs_len, file);
	free(out->recs_text);
	out->recs_text = NULL;
	out->recs = file;
	out->recs_in_file = 1;
}

/* Writes value (consumed) to the text of the held records. */
static void hold_text(struct output *out, jv value)
{
	strbuf_reset(&out->text);
	rec_dump(&out->text, value);
	recs_write(out, out->text.buf, out->text.len);
	jv_free(value);
}

/* The records held as values go to the text, before any that follow. */
static void held_to_text(struct output *out)
{
	jv held = out->held;

	out->held = jv_array();
	jv_array_foreach(held, i, record)
		hold_text(out, record);
	jv_free(held);
}

/* Holds value (consumed) for csv or tsv, as a value or as text. */
static void hold_record(struct output *out, jv value)
{
	note_columns(out, value);
	if (!out->recs &&
	    jv_array_length(jv_copy(out->held)) < HOLD_VALUES) {
		out->held = jv_array_append(out->held, value);
		return;
	}
	held_to_text(out);
	hold_text(out, value);
}

/* The end of the JSON string whose opening quote is at s, or NULL. */
static const char *string_end(const char *s, const char *end)
{
	for (s++; s < end && *s != '"'; s++)
		if (*s == '\\')
			s++;
	return s < end ? s + 1 : NULL;
}

/* The end of the JSON value at s (no leading blanks), or NULL. */
static const char *value_end(const char *s, const char *end)
{
	int depth = 0;

	for (; s < end; s++) {
		if (*s == '"') {
			if (!(s = string_end(s, end)))
				return NULL;
			s--;
		} else if (*s == '{' || *s == '[') {
			depth++;
		} else if (*s == '}' || *s == ']') {
			if (!depth--)
				return s;
		} else if (*s == ',' && !depth) {
			return s;
		}
	}
	return NULL;
}

/*
 * note_columns() for a record given as the compact JSON text of an
 * object, reading its keys without parsing its values: a record with the
 * last one's keys costs one comparison.  Returns -1 for other text.
 */
static int note_text_columns(struct output *out, const char *text,
			     size_t len)
{
	const char *s = text, *end = text + len, *k;
	struct strbuf swap;

	strbuf_reset(&out->keys);
	if (s == end || *s++ != '{')
		return -1;
	while (s < end && *s != '}') {
		if (*s != '"' || !(k = string_end(s, end)) || k >= end ||
		    *k != ':')
			return -1;
		strbuf_add(&out->keys, s, (size_t)(k - s));
		strbuf_add(&out->keys, "", 1);
		if (!(s = value_end(k + 1, end)))
			return -1;
		if (*s == ',')
			s++;
	}
	if (out->keys.len == out->last_keys.len &&
	    !memcmp(out->keys.buf, out->last_keys.buf, out->keys.len))
		return 0;
	for (size_t at = 0; at < out->keys.len;) {
		const char *key = out->keys.buf + at;
		size_t n = strlen(key);
		jv name = jv_parse_sized(key, (int)n);

		at += n + 1;
		if (jv_get_kind(name) != JV_KIND_STRING) {
			jv_free(name);
			return -1;
		}
		if (!jv_object_has(jv_copy(out->seen), jv_copy(name))) {
			out->seen = jv_object_set(out->seen, jv_copy(name),
						  jv_true());
			out->columns = jv_array_append(out->columns, name);
		} else {
			jv_free(name);
		}
	}
	swap = out->last_keys;
	out->last_keys = out->keys;
	out->keys = swap;
	return 0;
}

/*
 * Takes one value to print (consumed): held, printed or dropped.  total:
 * it is a total row, or what --jq made of one.
 */
static void take_value(struct output *out, jv value, int total)
{
	if (total) {
		if (shows_totals(out))
			out->total_rows = jv_array_append(out->total_rows,
							  value);
		else
			jv_free(value);
		return;
	}
	/* With --sort the limit applies to the sorted records. */
	if (out->limit >= 0 && (int64_t)out->taken >= out->limit &&
	    !jv_array_length(jv_copy(out->sort))) {
		jv_free(value);
		return;
	}
	out->taken++;
	if (out->hold && holds_text(out))
		hold_record(out, value);
	else if (out->hold)
		out->held = jv_array_append(out->held, value);
	else if (out->format == FORMAT_CSV || out->format == FORMAT_TSV)
		stream_row(out, value);
	else
		print_json(out, value);
}

int output_record(struct output *out, jv record)
{
	int total = is_total(record);
	jv results;

	if (total && !shows_totals(out)) {
		jv_free(record);
		return BIZ_OK;
	}
	if (!out->jq) {
		take_value(out, record, total);
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
		take_value(out, value, total);
	jv_free(results);
	return BIZ_OK;
}

/* Whether JSON text may hold "total":true (then it is parsed). */
static int has_total_mark(const char *text, size_t len)
{
	static const char mark[] = "\"total\":true";
	size_t n = sizeof(mark) - 1;

	for (size_t i = 0; i + n <= len; i++)
		if (text[i] == '"' && !memcmp(text + i, mark, n))
			return 1;
	return 0;
}

int output_full(const struct output *out)
{
	return out->limit >= 0 && (int64_t)out->taken >= out->limit &&
	       !jv_array_length(jv_copy(out->sort));
}

int output_json(struct output *out, const char *text, size_t len)
{
	/* csv and tsv hold the text and read its keys: one parse, at the end. */
	if (!out->jq && out->hold && holds_text(out) &&
	    !has_total_mark(text, len) &&
	    (jv_get_kind(out->pick) == JV_KIND_ARRAY ||
	     !note_text_columns(out, text, len))) {
		if (out->limit >= 0 && (int64_t)out->taken >= out->limit)
			return BIZ_OK;
		out->taken++;
		held_to_text(out);
		recs_write(out, text, len);
		return BIZ_OK;
	}
	/* The text goes out as it is when nothing needs the record. */
	if (out->jq || out->hold || jv_get_kind(out->pick) != JV_KIND_NULL ||
	    (out->format != FORMAT_JSON && out->format != FORMAT_JSONL &&
	     out->format != FORMAT_DEFAULT) ||
	    has_total_mark(text, len))
		return output_record(out, jv_parse_sized(text, (int)len));
	if (out->limit >= 0 && (int64_t)out->taken >= out->limit)
		return BIZ_OK;
	out->taken++;
	if (out->format == FORMAT_JSON)
		fputs(out->count ? ",\n" : "[\n", out->fp);
	fwrite(text, 1, len, out->fp);
	if (out->format != FORMAT_JSON)
		fputc('\n', out->fp);
	out->count++;
	spool_check(out);
	return BIZ_OK;
}

/* ---- held records: sort, columns, csv, tsv, table ---------------------- */

/* jq's order of kinds: null, false, true, numbers, strings, arrays... */
static int compare_values(jv a, jv b)
{
	jv_kind ka = jv_get_kind(a), kb = jv_get_kind(b);
	double x, y;

	if (ka == JV_KIND_INVALID)
		ka = JV_KIND_NULL;
	if (kb == JV_KIND_INVALID)
		kb = JV_KIND_NULL;
	if (ka == JV_KIND_NUMBER && kb == JV_KIND_NUMBER) {
		x = jv_number_value(a);
		y = jv_number_value(b);
		return x < y ? -1 : x > y;
	}
	if (ka == JV_KIND_STRING && kb == JV_KIND_STRING)
		return strcmp(jv_string_value(a), jv_string_value(b));
	if (ka != kb)
		return ka < kb ? -1 : 1;
	if (ka == JV_KIND_NULL || ka == JV_KIND_TRUE || ka == JV_KIND_FALSE)
		return 0;
	return jv_cmp(jv_copy(a), jv_copy(b));
}

struct sort_entry {
	jv keys;	/* array of the sort fields' values */
	size_t index;	/* the record's place, for a stable sort */
	int ndesc;
	const int *desc;
};

static int compare_entries(const void *pa, const void *pb)
{
	const struct sort_entry *a = pa, *b = pb;

	for (int i = 0; i < a->ndesc; i++) {
		jv x = jv_array_get(jv_copy(a->keys), i);
		jv y = jv_array_get(jv_copy(b->keys), i);
		int c = compare_values(x, y);

		jv_free(x);
		jv_free(y);
		if (c)
			return a->desc[i] ? -c : c;
	}
	return a->index < b->index ? -1 : a->index > b->index;
}

/* Sorts the held records by --sort (stable) and applies --limit. */
static void sort_held(struct output *out)
{
	int nkeys = jv_array_length(jv_copy(out->sort));
	int n = jv_array_length(jv_copy(out->held));
	struct sort_entry *entries;
	int *desc;
	jv sorted;

	if (!nkeys || n == 0)
		return;
	entries = xmalloc((size_t)n * sizeof(*entries));
	desc = xmalloc((size_t)nkeys * sizeof(*desc));
	jv_array_foreach(out->sort, k, spec) {
		desc[k] = jv_get_kind(jv_array_get(jv_copy(spec), 1)) ==
			  JV_KIND_TRUE;
		jv_free(spec);
	}
	jv_array_foreach(out->held, i, record) {
		jv keys = jv_array();

		jv_array_foreach(out->sort, k, spec) {
			jv v = jv_get_kind(record) == JV_KIND_OBJECT ?
			       jv_object_get(jv_copy(record),
					     jv_array_get(spec, 0)) :
			       (jv_free(spec), jv_null());

			keys = jv_array_append(keys,
					       jv_is_valid(v) ? v : jv_null());
		}
		entries[i] = (struct sort_entry){ keys, (size_t)i, nkeys,
						  desc };
		jv_free(record);
	}
	qsort(entries, (size_t)n, sizeof(*entries), compare_entries);
	sorted = jv_array();
	for (int i = 0; i < n; i++) {
		if (out->limit < 0 || i < out->limit)
			sorted = jv_array_append(sorted,
				jv_array_get(jv_copy(out->held),
					     (int)entries[i].index));
		jv_free(entries[i].keys);
	}
	jv_free(out->held);
	out->held = sorted;
	free(entries);
	free(desc);
}

/*
 * The columns: -o's, else the first record's fields and then every other
 * field in the order it first appears.  A total row's "total": true marks
 * the row and is a column only in csv and tsv.
 */
static jv held_columns(struct output *out, jv records)
{
	if (jv_get_kind(out->pick) == JV_KIND_ARRAY)
		return jv_copy(out->pick);
	jv_array_foreach(records, i, record) {
		note_columns(out, record);
		jv_free(record);
	}
	return jv_copy(out->columns);
}

/* csv, tsv: the header, the rows held as text, then the total rows. */
static void print_held_text(struct output *out, jv totals)
{
	jv columns = held_columns(out, totals);
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;
	FILE *in = NULL;

	if (jv_array_length(jv_copy(columns)))
		write_row(out, jv_copy(columns));
	if (out->recs && !out->recs_in_file) {
		fclose(out->recs);
		out->recs = NULL;
		in = fmemopen(out->recs_text, out->recs_len, "r");
	} else if (out->recs) {
		rewind(out->recs);
		in = out->recs;
	}
	while (in && (n = getline(&line, &cap, in)) > 0)
		write_row(out, record_cells(out, jv_copy(columns),
					    jv_parse_sized(line, (int)n)));
	jv_array_foreach(out->held, i, record)
		write_row(out, record_cells(out, jv_copy(columns), record));
	if (in && in != out->recs)
		fclose(in);
	free(line);
	jv_array_foreach(totals, i, record)
		write_row(out, record_cells(out, jv_copy(columns), record));
	jv_free(totals);
	jv_free(columns);
}

/* The record's cells in column order, as strings. */
static jv record_cells(struct output *out, jv columns, jv value)
{
	jv cells = jv_array();

	if (jv_get_kind(value) != JV_KIND_OBJECT) {
		jv_free(columns);
		return jv_array_append(cells, cell_text(out, 0, value));
	}
	jv_array_foreach(columns, i, key) {
		jv v = jv_object_get(jv_copy(value), jv_copy(key));

		if (out->format == FORMAT_TABLE && is_total(value) &&
		    !strcmp(jv_string_value(key), "total"))
			v = (jv_free(v), jv_null());
		cells = jv_array_append(cells, cell_text(out,
				cell_is_money(value, jv_string_value(key)), v));
		jv_free(key);
	}
	jv_free(columns);
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

/* Whether every value of column key in records is a number or empty. */
static int numeric_column(jv records, jv key)
{
	int numbers = 0, others = 0;

	jv_array_foreach(records, i, record) {
		jv v = jv_get_kind(record) == JV_KIND_OBJECT ?
		       jv_object_get(jv_copy(record), jv_copy(key)) :
		       jv_copy(record);
		jv_kind kind = jv_get_kind(v);

		numbers += kind == JV_KIND_NUMBER;
		others += kind != JV_KIND_NUMBER && kind != JV_KIND_NULL &&
			  kind != JV_KIND_INVALID;
		jv_free(v);
		jv_free(record);
	}
	jv_free(key);
	return numbers && !others;
}

static void print_table(struct output *out, jv records)
{
	jv columns = held_columns(out, records);
	int ncols = jv_array_length(jv_copy(columns));
	int *right;
	jv rows;

	if (jv_array_length(jv_copy(records)) == 0 || ncols == 0) {
		/* Values that are not objects: one column, no header. */
		rows = jv_array();
		jv_array_foreach(records, i, record)
			rows = jv_array_append(rows, record_cells(out,
						jv_array(), record));
		right = xmalloc(sizeof(*right));
		right[0] = 0;
		table_print(out->fp, rows, right, 1, (size_t)out->width);
		free(right);
		jv_free(rows);
		jv_free(columns);
		jv_free(records);
		return;
	}
	right = xmalloc((size_t)ncols * sizeof(*right));
	rows = jv_array_append(jv_array(), jv_copy(columns));
	jv_array_foreach(columns, c, key)
		right[c] = numeric_column(records, key);
	jv_array_foreach(records, i, record)
		rows = jv_array_append(rows, record_cells(out,
					jv_copy(columns), record));
	table_print(out->fp, rows, right, ncols, (size_t)out->width);
	free(right);
	jv_free(rows);
	jv_free(columns);
	jv_free(records);
}

/* Prints the held records and then the total rows. */
static void print_held(struct output *out)
{
	jv records, columns;

	if (holds_text(out)) {
		records = out->total_rows;
		out->total_rows = jv_array();
		print_held_text(out, records);
		return;
	}
	sort_held(out);
	records = jv_array_concat(out->held, out->total_rows);
	out->held = jv_array();
	out->total_rows = jv_array();
	switch (out->format) {
	case FORMAT_TABLE:
		print_table(out, records);
		return;
	case FORMAT_CSV:
	case FORMAT_TSV:
		columns = held_columns(out, records);
		if (jv_array_length(jv_copy(columns)))
			write_row(out, jv_copy(columns));
		jv_array_foreach(records, i, record)
			write_row(out, record_cells(out, jv_copy(columns),
						    record));
		jv_free(columns);
		break;
	default:
		jv_array_foreach(records, i, record)
			print_json(out, record);
	}
	jv_free(records);
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
	if (keep || out->spool == SPOOL_NONE) {
		if (out->hold) {
			print_held(out);
		} else {
			jv_array_foreach(out->total_rows, i, row) {
				if (out->format == FORMAT_CSV ||
				    out->format == FORMAT_TSV)
					stream_row(out, row);
				else
					print_json(out, row);
			}
		}
	}
	if (out->format == FORMAT_JSON && (keep || out->spool == SPOOL_NONE))
		fputs(out->count ? "\n]\n" : "[]\n", out->fp);
	if (out->spool != SPOOL_NONE)
		spool_close(out, keep);
	jv_free(out->pick);
	jv_free(out->sort);
	jv_free(out->held);
	jv_free(out->total_rows);
	jv_free(out->stream_columns);
	jv_free(out->seen);
	jv_free(out->columns);
	strbuf_release(&out->keys);
	strbuf_release(&out->last_keys);
	if (out->recs)
		fclose(out->recs);
	free(out->recs_text);
	strbuf_release(&out->text);
	free(out);
}
