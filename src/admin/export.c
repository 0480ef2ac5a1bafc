/* export.c - the database to files and back. */
#include "export.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "array.h"
#include "biz.h"
#include "record.h"
#include "output.h"
#include "privfile.h"
#include "banned.h"

/* ---- export ------------------------------------------------------------ */

struct exporter {
	enum export_format format;
	FILE *fp;
	const char *path;
	int64_t rows;
	int header_done;
	struct json columns;	/* the table's columns, a JSON array */
	struct strbuf line;
	int status;
	const struct export_tick *tick;
};

/* Ticks the caller's progress, if any. */
static void tick(const struct export_tick *t)
{
	if (t && t->fn)
		t->fn(t->arg);
}

/* Creates path for writing, 0600, never through an existing name. */
static int create_file(const char *path, FILE **fp)
{
	int fd = private_create(path);

	if (fd < 0 && errno == EEXIST)
		return biz_fail(BIZ_REFUSED, "%s exists (an export cut short? "
				"its manifest.json is written last): remove it "
				"or export into a new folder", path);
	if (fd < 0)
		return biz_fail(BIZ_NOINPUT, "%s: %s", path, strerror(errno));
	if (!(*fp = fdopen(fd, "w"))) {
		close(fd);
		return biz_fail(BIZ_INTERNAL, "%s: %s", path,
				strerror(errno));
	}
	return BIZ_OK;
}

/* A REAL as the shortest text that reads back the same double. */
static void real_text(struct strbuf *sb, double v)
{
	char buf[40];

	for (int digits = 15; digits <= 17; digits++) {
		snprintf(buf, sizeof(buf), "%.*g", digits, v);
		if (strtod(buf, NULL) == v)
			break;
	}
	strbuf_addstr(sb, buf);
}

static void csv_value(struct strbuf *sb, const struct db_value *v)
{
	const char *s;

	switch (v->kind) {
	case DB_INTEGER:
		strbuf_addf(sb, "%lld", (long long)v->integer);
		return;
	case DB_REAL:
		real_text(sb, v->real);
		return;
	case DB_NULL:
		return;
	default:
		break;
	}
	s = v->text;
	if (!v->len) {
		strbuf_addstr(sb, "\"\"");
		return;
	}
	if (!memchr(s, ',', v->len) && !memchr(s, '"', v->len) &&
	    !memchr(s, '\n', v->len) && !memchr(s, '\r', v->len)) {
		strbuf_add(sb, s, v->len);
		return;
	}
	strbuf_add(sb, "\"", 1);
	for (size_t i = 0; i < v->len; i++) {
		if (s[i] == '"')
			strbuf_add(sb, "\"", 1);
		strbuf_add(sb, s + i, 1);
	}
	strbuf_add(sb, "\"", 1);
}

static void jsonl_value(struct strbuf *sb, const struct db_value *v)
{
	switch (v->kind) {
	case DB_INTEGER:
		strbuf_addf(sb, "%lld", (long long)v->integer);
		break;
	case DB_REAL:
		real_text(sb, v->real);
		break;
	case DB_TEXT:
		rec_dump_text(sb, v->text, v->len);
		break;
	default:
		strbuf_add(sb, "null", 4);
	}
}

static int export_row(void *arg, int ncols, const char *const *names,
		      const struct db_value *values)
{
	struct exporter *e = arg;

	if (!e->header_done) {
		json_array(&e->columns);
		for (int i = 0; i < ncols; i++)
			json_str(&e->columns, names[i]);
		json_end_array(&e->columns);
		if (e->format == EXPORT_CSV) {
			strbuf_reset(&e->line);
			for (int i = 0; i < ncols; i++) {
				struct db_value name = { DB_TEXT, 0, 0,
					names[i], strlen(names[i]) };

				if (i)
					strbuf_add(&e->line, ",", 1);
				csv_value(&e->line, &name);
			}
			strbuf_add(&e->line, "\n", 1);
			fwrite(e->line.buf, 1, e->line.len, e->fp);
		}
		e->header_done = 1;
	}
	if (!values)
		return BIZ_OK;
	strbuf_reset(&e->line);
	if (e->format == EXPORT_JSONL)
		strbuf_add(&e->line, "{", 1);
	for (int i = 0; i < ncols; i++) {
		if (values[i].kind == DB_BLOB)
			return biz_fail(BIZ_DATAERR, "%s: column '%s' holds "
					"binary data", e->path, names[i]);
		if (i)
			strbuf_add(&e->line, ",", 1);
		if (e->format == EXPORT_CSV) {
			csv_value(&e->line, &values[i]);
			continue;
		}
		rec_dump_text(&e->line, names[i], strlen(names[i]));
		strbuf_add(&e->line, ":", 1);
		jsonl_value(&e->line, &values[i]);
	}
	strbuf_addstr(&e->line, e->format == EXPORT_JSONL ? "}\n" : "\n");
	fwrite(e->line.buf, 1, e->line.len, e->fp);
	e->rows++;
	tick(e->tick);
	return BIZ_OK;
}

struct export_run {
	const char *dir;
	enum export_format format;
	struct json manifest;	/* the tables array being written */
	struct sink *sink;
	const struct export_tick *tick;
	char **written;		/* the files created so far */
	size_t nwritten, cap;
};

/* A file the export created: removed again if the export fails. */
static void created(struct export_run *run, const char *path)
{
	ARRAY_PUSH(run->written, run->nwritten, run->cap, xstrdup(path));
}

/*
 * A failed export leaves nothing it created, so half an export is never
 * taken for a whole one: its files go, and the folder if it made it (a
 * folder that holds anything else stays).
 */
static void undo(struct export_run *run, int made_dir)
{
	for (size_t i = 0; i < run->nwritten; i++)
		unlink(run->written[i]);
	if (made_dir)
		rmdir(run->dir);
}

/* Whether folder dir holds anything but "." and "..". */
static int dir_has_files(const char *dir)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	int found = 0;

	if (!d)
		return 0;
	while (!found && (e = readdir(d)))
		found = strcmp(e->d_name, ".") && strcmp(e->d_name, "..");
	closedir(d);
	return found;
}

static int export_table(struct db *db, const char *table, void *arg)
{
	struct export_run *run = arg;
	struct exporter e = { run->format, NULL, NULL, 0, 0, { { 0 }, 0 },
			      { 0 }, 0, run->tick };
	struct strbuf path = { 0 }, file = { 0 };
	struct json entry = { { 0 }, 0 };
	int status;

	strbuf_addf(&file, "%s.%s", table,
		    run->format == EXPORT_JSONL ? "jsonl" : "csv");
	strbuf_addf(&path, "%s/%s", run->dir, file.buf);
	e.path = path.buf;
	if (!(status = create_file(path.buf, &e.fp))) {
		created(run, path.buf);
		status = db_each_row(db, table, export_row, &e);
		if ((fflush(e.fp) || ferror(e.fp) || fsync(fileno(e.fp))) &&
		    !status)
			status = biz_fail(BIZ_INTERNAL, "%s: %s", path.buf,
					  strerror(errno));
		fclose(e.fp);
	}
	if (!status) {
		json_object(&entry);
		json_key_str(&entry, "name", table);
		json_key_str(&entry, "file", file.buf);
		json_key_int(&entry, "rows", e.rows);
		json_key_raw(&entry, "columns", e.columns.text.buf ?
			     e.columns.text.buf : "[]");
		json_end_object(&entry);
		json_raw(&run->manifest, entry.text.buf);
		status = sink_put(run->sink, &entry);
	}
	json_release(&entry);
	json_release(&e.columns);
	strbuf_release(&e.line);
	strbuf_release(&path);
	strbuf_release(&file);
	return status;
}

int export_dir(struct db *db, const char *dir, enum export_format format,
	       struct sink *sink, const struct export_tick *tick)
{
	struct export_run run = { dir, format, { { 0 }, 0 }, sink, tick,
				  NULL, 0, 0 };
	struct strbuf path = { 0 };
	struct json m = { { 0 }, 0 };
	struct stat st;
	FILE *fp;
	int status, made_dir = !mkdir(dir, 0700);

	if (!made_dir && errno != EEXIST)
		return biz_fail(BIZ_NOINPUT, "%s: %s", dir, strerror(errno));
	strbuf_addf(&path, "%s/manifest.json", dir);
	if (!lstat(path.buf, &st)) {
		status = biz_fail(BIZ_REFUSED, "'%s' holds an export already: "
				  "export into a new folder", dir);
		goto done;
	}
	/* One read snapshot for every table: the export of one moment. */
	if ((status = db_exec(db, "BEGIN")))
		goto done;
	json_array(&run.manifest);
	status = db_each_table(db, export_table, &run);
	json_end_array(&run.manifest);
	db_exec(db, "COMMIT");
	if (status)
		goto done;
	json_object(&m);
	json_key_str(&m, "bizutils", BIZ_VERSION);
	json_key_int(&m, "schema_version", db_schema_version());
	json_key_str(&m, "format", format == EXPORT_JSONL ? "jsonl" : "csv");
	json_key_raw(&m, "tables", run.manifest.text.buf);
	json_end_object(&m);
	strbuf_add(&m.text, "\n", 1);
	if (!(status = create_file(path.buf, &fp))) {
		created(&run, path.buf);
		fwrite(m.text.buf, 1, m.text.len, fp);
		if ((fflush(fp) || ferror(fp) || fsync(fileno(fp))))
			status = biz_fail(BIZ_INTERNAL, "%s: %s", path.buf,
					  strerror(errno));
		fclose(fp);
	}
done:
	if (status)
		undo(&run, made_dir);
	for (size_t i = 0; i < run.nwritten; i++)
		free(run.written[i]);
	free(run.written);
	json_release(&m);
	json_release(&run.manifest);
	strbuf_release(&path);
	return status;
}

/* ---- import ------------------------------------------------------------ */

struct importer {
	const char *path;	/* the table's file, for messages */
	int64_t line;
	int ncols;
	const char **columns;	/* borrowed from the manifest */
	struct db_value *values;
	char **owned;		/* decoded text of the row's values */
	struct db_insert *insert;
	int64_t rows;
	const struct export_tick *tick;
};

static int bad_line(struct importer *im, const char *what)
{
	return biz_fail(BIZ_DATAERR, "%s:%lld: %s", im->path,
			(long long)im->line, what);
}

static void row_reset(struct importer *im)
{
	for (int i = 0; i < im->ncols; i++) {
		free(im->owned[i]);
		im->owned[i] = NULL;
		memset(&im->values[i], 0, sizeof(im->values[i]));
	}
}

static int column_index(struct importer *im, const char *name)
{
	for (int i = 0; i < im->ncols; i++)
		if (!strcmp(im->columns[i], name))
			return i;
	return -1;
}

/* The end of the JSON string starting at s (on its opening quote). */
static const char *string_end(const char *s)
{
	for (s++; *s && *s != '"'; s++)
		if (*s == '\\' && s[1])
			s++;
	return *s ? s + 1 : NULL;
}

/* A JSON string's text (s .. end), decoded, in a new string. */
static char *decode_string(const char *s, const char *end, size_t *len)
{
	jv v = jv_parse_sized(s, (int)(end - s));
	char *text;

	if (jv_get_kind(v) != JV_KIND_STRING) {
		jv_free(v);
		return NULL;
	}
	*len = (size_t)jv_string_length_bytes(jv_copy(v));
	text = xmalloc(*len + 1);
	memcpy(text, jv_string_value(v), *len + 1);
	jv_free(v);
	return text;
}

/*
 * One JSON Lines row, a flat object as export_row() writes it: numbers
 * are read from their text (exact integers), strings through jq.
 */
static int parse_jsonl_row(struct importer *im, const char *s)
{
	const char *end;
	size_t len;

	while (*s == ' ')
		s++;
	if (*s++ != '{')
		return bad_line(im, "not a JSON object");
	while (*s && *s != '}') {
		char *key;
		int col;

		if (*s != '"' || !(end = string_end(s)) ||
		    !(key = decode_string(s, end, &len)))
			return bad_line(im, "a column name is expected");
		col = column_index(im, key);
		free(key);
		if (col < 0)
			return bad_line(im, "a column the manifest does not "
					"name");
		s = end;
		if (*s++ != ':')
			return bad_line(im, "':' is expected");
		if (*s == '"') {
			if (!(end = string_end(s)) ||
			    !(im->owned[col] = decode_string(s, end, &len)))
				return bad_line(im, "a bad string");
			im->values[col].kind = DB_TEXT;
			im->values[col].text = im->owned[col];
			im->values[col].len = len;
			s = end;
		} else if (!strncmp(s, "null", 4)) {
			im->values[col].kind = DB_NULL;
			s += 4;
		} else {
			size_t n = strcspn(s, ",}");
			char *text = xmalloc(n + 1), *stop;

			memcpy(text, s, n);
			text[n] = '\0';
			if (!parse_i64(text, INT64_MIN, INT64_MAX,
				       &im->values[col].integer)) {
				im->values[col].kind = DB_INTEGER;
			} else {
				im->values[col].kind = DB_REAL;
				im->values[col].real = strtod(text, &stop);
				if (!n || *stop) {
					free(text);
					return bad_line(im, "a bad value");
				}
			}
			free(text);
			s += n;
		}
		if (*s == ',')
			s++;
	}
	if (*s != '}')
		return bad_line(im, "'}' is expected");
	return BIZ_OK;
}

static int insert_row(struct importer *im)
{
	int status = db_insert_row(im->insert, im->values);

	if (status) {
		char *message = xstrdup(biz_error());

		status = bad_line(im, message);
		free(message);
	}
	im->rows++;
	tick(im->tick);
	row_reset(im);
	return status;
}

static int import_jsonl(struct importer *im, FILE *fp)
{
	char *line = NULL;
	size_t cap = 0;
	ssize_t n;
	int status = BIZ_OK;

	while (!status && (n = getline(&line, &cap, fp)) > 0) {
		im->line++;
		if (line[n - 1] == '\n')
			line[--n] = '\0';
		if (!n)
			continue;
		status = parse_jsonl_row(im, line);
		if (!status)
			status = insert_row(im);
		else
			row_reset(im);
	}
	free(line);
	return status;
}

static void add_char(struct strbuf *sb, int c)
{
	char ch = (char)c;

	strbuf_add(sb, &ch, 1);
}

/*
 * CSV as export_row() writes it (RFC 4180): an empty field is NULL, a
 * quoted empty one ("") empty text.  The header row must be the
 * manifest's columns.
 */
static int import_csv(struct importer *im, FILE *fp)
{
	struct strbuf field = { 0 };
	int c, col = 0, quoted = 0, in_quotes = 0, header = 1;
	int status = BIZ_OK;

	im->line = 1;
	while (!status) {
		c = getc(fp);
		if (in_quotes) {
			if (c == EOF) {
				status = bad_line(im, "a quote is not closed");
				break;
			}
			if (c == '"') {
				int next = getc(fp);

				if (next != '"') {
					in_quotes = 0;
					ungetc(next, fp);
					continue;
				}
			}
			if (c == '\n')
				im->line++;
			add_char(&field, c);
			continue;
		}
		if (c == '"' && !field.len && !quoted) {
			in_quotes = quoted = 1;
			continue;
		}
		if (c != ',' && c != '\n' && c != EOF) {
			if (c != '\r')
				add_char(&field, c);
			continue;
		}
		if (c == EOF && col == 0 && !field.len && !quoted)
			break;
		/* The end of a field. */
		if (col >= im->ncols) {
			status = bad_line(im, "more fields than columns");
			break;
		}
		if (header) {
			if (strcmp(field.buf ? field.buf : "",
				   im->columns[col]))
				status = bad_line(im, "the header is not the "
						  "manifest's columns");
		} else if (field.len || quoted) {
			im->owned[col] = xmalloc(field.len + 1);
			memcpy(im->owned[col], field.buf ? field.buf : "",
			       field.len);
			im->owned[col][field.len] = '\0';
			im->values[col].kind = DB_TEXT;
			im->values[col].text = im->owned[col];
			im->values[col].len = field.len;
		}
		strbuf_reset(&field);
		quoted = 0;
		col++;
		if (c == ',')
			continue;
		if (!status && col != im->ncols)
			status = bad_line(im, "fewer fields than columns");
		if (!status && !header)
			status = insert_row(im);
		header = 0;
		col = 0;
		im->line++;
		if (c == EOF)
			break;
	}
	row_reset(im);
	strbuf_release(&field);
	return status;
}

static int import_table(struct db *db, const char *dir, jv table,
			enum export_format format, struct sink *sink,
			const struct export_tick *tick)
{
	struct rec_texts texts = { .used = 0 };
	const char *name = rec_text(&texts, table, "name");
	const char *file = rec_text(&texts, table, "file");
	jv columns = jv_object_get(jv_copy(table), jv_string("columns"));
	jv rows = jv_object_get(jv_copy(table), jv_string("rows"));
	struct importer im = { 0 };
	struct strbuf path = { 0 };
	struct json entry = { { 0 }, 0 };
	FILE *fp = NULL;
	int status;

	if (!name || !file || strchr(file, '/') ||
	    jv_get_kind(columns) != JV_KIND_ARRAY ||
	    jv_get_kind(rows) != JV_KIND_NUMBER) {
		status = biz_fail(BIZ_DATAERR, "%s/manifest.json: a table "
				  "without name, file, rows or columns", dir);
		goto done;
	}
	if (!db_has_table(db, name)) {
		status = biz_fail(BIZ_DATAERR, "%s/manifest.json: no table "
				  "'%s' in this database", dir, name);
		goto done;
	}
	strbuf_addf(&path, "%s/%s", dir, file);
	im.path = path.buf;
	im.tick = tick;
	im.ncols = jv_array_length(jv_copy(columns));
	im.columns = xmalloc((size_t)(im.ncols + 1) * sizeof(*im.columns));
	im.values = xmalloc((size_t)(im.ncols + 1) * sizeof(*im.values));
	im.owned = xmalloc((size_t)(im.ncols + 1) * sizeof(*im.owned));
	for (int i = 0; i < im.ncols; i++) {
		jv col = jv_array_get(jv_copy(columns), i);

		im.columns[i] = jv_get_kind(col) == JV_KIND_STRING ?
				xstrdup(jv_string_value(col)) : xstrdup("");
		im.owned[i] = NULL;
		memset(&im.values[i], 0, sizeof(im.values[i]));
		jv_free(col);
	}
	if (!(fp = fopen(path.buf, "r"))) {
		status = biz_fail(BIZ_NOINPUT, "%s: %s", path.buf,
				  strerror(errno));
		goto done;
	}
	if ((status = db_clear_table(db, name)) ||
	    (status = db_insert_start(db, name, im.ncols, im.columns,
				      &im.insert)))
		goto done;
	status = format == EXPORT_CSV ? import_csv(&im, fp) :
					import_jsonl(&im, fp);
	/* A file cut at a line end parses: only the count tells. */
	if (!status && (double)im.rows != jv_number_value(rows))
		status = biz_fail(BIZ_DATAERR, "%s: %lld rows, but "
				  "manifest.json says %.0f: the file is cut "
				  "short or altered", path.buf,
				  (long long)im.rows, jv_number_value(rows));
	if (!status) {
		json_object(&entry);
		json_key_str(&entry, "name", name);
		json_key_str(&entry, "file", file);
		json_key_int(&entry, "rows", im.rows);
		json_end_object(&entry);
		status = sink_put(sink, &entry);
	}
done:
	if (fp)
		fclose(fp);
	db_insert_end(im.insert);
	for (int i = 0; i < im.ncols; i++)
		free((char *)im.columns[i]);
	free(im.columns);
	free(im.values);
	free(im.owned);
	json_release(&entry);
	strbuf_release(&path);
	jv_free(columns);
	jv_free(rows);
	return status;
}

/* Reads dir/manifest.json into *manifest (an object). */
static int read_manifest(const char *dir, jv *manifest)
{
	struct strbuf path = { 0 }, text = { 0 };
	char buf[4096];
	size_t n;
	FILE *fp;
	int status = BIZ_OK;

	strbuf_addf(&path, "%s/manifest.json", dir);
	if (!(fp = fopen(path.buf, "r"))) {
		int missing = errno == ENOENT;
		const char *why = strerror(errno);

		/* The manifest is written last: without it, no whole export. */
		status = biz_fail(BIZ_NOINPUT, "%s: %s%s", path.buf, why,
				  missing && dir_has_files(dir) ?
				  " (an export cut short: it is written last)" :
				  "");
		goto done;
	}
	while ((n = fread(buf, 1, sizeof(buf), fp)) > 0)
		strbuf_add(&text, buf, n);
	fclose(fp);
	*manifest = jv_parse_sized(text.buf ? text.buf : "", (int)text.len);
	if (jv_get_kind(*manifest) != JV_KIND_OBJECT) {
		jv_free(*manifest);
		*manifest = jv_invalid();
		status = biz_fail(BIZ_DATAERR, "%s: not a bizutils export "
				  "manifest", path.buf);
	}
done:
	strbuf_release(&path);
	strbuf_release(&text);
	return status;
}

int import_dir(struct db *db, const char *dir, struct sink *sink,
	       const struct export_tick *tick)
{
	struct rec_texts texts = { .used = 0 };
	jv manifest = jv_invalid(), tables, version;
	const char *format;
	enum export_format fmt;
	int status;

	if ((status = read_manifest(dir, &manifest)))
		return status;
	version = jv_object_get(jv_copy(manifest),
				jv_string("schema_version"));
	tables = jv_object_get(jv_copy(manifest), jv_string("tables"));
	format = rec_text(&texts, manifest, "format");
	fmt = format && !strcmp(format, "csv") ? EXPORT_CSV : EXPORT_JSONL;
	if (jv_get_kind(version) != JV_KIND_NUMBER ||
	    jv_number_value(version) != db_schema_version() ||
	    jv_get_kind(tables) != JV_KIND_ARRAY ||
	    !format || (strcmp(format, "csv") && strcmp(format, "jsonl"))) {
		status = biz_fail(BIZ_DATAERR, "%s/manifest.json: an export "
				  "of schema version %g in %s; this bizutils "
				  "reads version %d in jsonl or csv", dir,
				  jv_get_kind(version) == JV_KIND_NUMBER ?
				  jv_number_value(version) : 0.0,
				  format ? format : "no format",
				  db_schema_version());
		goto done;
	}
	if ((status = db_begin(db)) ||
	    (status = db_defer_foreign_keys(db)))
		goto done;
	jv_array_foreach(tables, i, table) {
		if (!status)
			status = import_table(db, dir, table, fmt, sink,
					      tick);
		jv_free(table);
	}
	if (status)
		db_rollback(db);
	else
		status = db_commit(db);
done:
	jv_free(version);
	jv_free(tables);
	jv_free(manifest);
	return status;
}
