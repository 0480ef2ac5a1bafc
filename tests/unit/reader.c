/*
 * reader.c - record input beyond the CSV conformance data: JSON Lines, a
 * JSON array, a byte order mark, format detection, blank lines, and the
 * "FILE:LINE: message" of bad input.
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "biz.h"
#include "input.h"
#include "tap.h"

static char dir[] = "/tmp/biz-unit-reader.XXXXXX";

/* Writes text to a fresh file in dir; returns its path (static). */
static const char *file_with(const char *name, const char *text)
{
	static char path[256];
	FILE *fp;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	fp = fopen(path, "w");
	if (!fp)
		biz_dief(BIZ_INTERNAL, "cannot write %s", path);
	fputs(text, fp);
	fclose(fp);
	return path;
}

/*
 * Reads every record of path into an array; *status is 0 at a clean end
 * or the failure; *lines gets each record's first line.
 */
static jv read_all(const char *path, enum input_format format, int header,
		   int *status, jv *lines)
{
	struct reader *r;
	jv records = jv_array(), record;
	int rc;

	*lines = jv_array();
	*status = reader_open(path, format, header, &r);
	if (*status != BIZ_OK)
		return records;
	while ((rc = reader_next(r, &record)) == 1) {
		records = jv_array_append(records, record);
		*lines = jv_array_append(*lines, jv_number(reader_line(r)));
	}
	*status = rc;
	reader_close(r);
	return records;
}

/* Reads text as format and compares the records and their lines. */
static void reads_as(const char *what, const char *text,
		     enum input_format format, const char *want_json,
		     const char *want_lines)
{
	jv lines, got;
	int status;

	got = read_all(file_with("in", text), format, 1, &status, &lines);
	if (!ok(status == 0 && jv_equal(jv_copy(got), jv_parse(want_json)) &&
			jv_equal(jv_copy(lines), jv_parse(want_lines)),
		"%s", what)) {
		jv g = jv_dump_string(jv_copy(got), 0);
		jv l = jv_dump_string(jv_copy(lines), 0);

		diag("status %d (%s)", status, biz_error());
		diag("want %s at lines %s", want_json, want_lines);
		diag("got  %s at lines %s", jv_string_value(g),
		     jv_string_value(l));
		jv_free(g);
		jv_free(l);
	}
	jv_free(got);
	jv_free(lines);
}

/* Reading text fails with BIZ_DATAERR and a message holding want. */
static void refused(const char *what, const char *text,
		    enum input_format format, const char *want)
{
	jv lines;
	int status;

	jv_free(read_all(file_with("in", text), format, 1, &status, &lines));
	jv_free(lines);
	if (!ok(status == BIZ_DATAERR && strstr(biz_error(), want),
		"%s: BIZ_DATAERR with \"%s\"", what, want))
		diag("status %d: %s", status, biz_error());
}

int main(void)
{
	struct reader *r;
	char path[256];

	if (!mkdtemp(dir))
		biz_dief(BIZ_INTERNAL, "mkdtemp failed");

	/* JSON Lines. */
	reads_as("JSON Lines: two records", "{\"a\":1}\n{\"b\":\"x\"}\n",
		 INPUT_AUTO, "[{\"a\":1},{\"b\":\"x\"}]", "[1,2]");
	reads_as("JSON Lines without a final newline",
		 "{\"a\":1}\n{\"a\":2}", INPUT_AUTO,
		 "[{\"a\":1},{\"a\":2}]", "[1,2]");
	reads_as("JSON Lines: blank lines skipped, lines counted",
		 "\n{\"a\":1}\n\n   \n{\"a\":2}\n\n", INPUT_AUTO,
		 "[{\"a\":1},{\"a\":2}]", "[2,5]");
	reads_as("JSON Lines: an object over several lines",
		 "{\"a\":1}\n{\n  \"b\": 2\n}\n{\"c\":3}\n", INPUT_AUTO,
		 "[{\"a\":1},{\"b\":2},{\"c\":3}]", "[1,2,5]");
	reads_as("JSON Lines: two objects on one line",
		 "{\"a\":1} {\"a\":2}\n", INPUT_AUTO,
		 "[{\"a\":1},{\"a\":2}]", "[1,1]");
	reads_as("JSON Lines: strings stay strings, numbers numbers",
		 "{\"zip\":\"08123\",\"n\":1.10}\n", INPUT_AUTO,
		 "[{\"zip\":\"08123\",\"n\":1.1}]", "[1]");
	reads_as("JSON Lines after a UTF-8 byte order mark",
		 "\xEF\xBB\xBF{\"a\":1}\n{\"a\":2}\n", INPUT_AUTO,
		 "[{\"a\":1},{\"a\":2}]", "[1,2]");
	reads_as("an empty file has no records", "", INPUT_AUTO, "[]", "[]");
	reads_as("blank lines only: no records", "\n \n\t\n", INPUT_AUTO,
		 "[]", "[]");

	/* A JSON array. */
	reads_as("a JSON array of objects",
		 "[{\"a\":1},\n {\"a\":2}]\n", INPUT_AUTO,
		 "[{\"a\":1},{\"a\":2}]", "[1,1]");
	reads_as("an empty JSON array", "[]\n", INPUT_AUTO, "[]", "[]");
	reads_as("a JSON array after a byte order mark and blank lines",
		 "\xEF\xBB\xBF\n\n[{\"a\":1}]", INPUT_AUTO, "[{\"a\":1}]",
		 "[3]");
	reads_as("--input-format json reads JSON Lines objects too",
		 "{\"a\":1}\n", INPUT_JSON, "[{\"a\":1}]", "[1]");

	/* CSV beyond the conformance data. */
	reads_as("CSV after a byte order mark: the first column's name "
		 "is clean", "\xEF\xBB\xBFname,zip\nAda,08123\n", INPUT_AUTO,
		 "[{\"name\":\"Ada\",\"zip\":\"08123\"}]", "[2]");
	reads_as("CSV: blank lines between records skipped, lines counted",
		 "a,b\n\n1,2\n\n\n3,4\n", INPUT_AUTO,
		 "[{\"a\":\"1\",\"b\":\"2\"},{\"a\":\"3\",\"b\":\"4\"}]",
		 "[3,6]");
	reads_as("CSV: a quoted line break keeps the record's first line",
		 "a,b\n\"x\ny\",1\n2,3\n", INPUT_AUTO,
		 "[{\"a\":\"x\\ny\",\"b\":\"1\"},{\"a\":\"2\",\"b\":\"3\"}]",
		 "[2,4]");
	reads_as("CSV: a blank line inside quotes is data",
		 "a\n\"x\n\ny\"\n", INPUT_AUTO, "[{\"a\":\"x\\n\\ny\"}]",
		 "[2]");
	reads_as("--input-format csv reads a '{' as CSV data",
		 "a\n{x}\n", INPUT_CSV, "[{\"a\":\"{x}\"}]", "[2]");

	/* Bad input names its line. */
	refused("JSON Lines: a bad third line",
		"{\"a\":1}\n{\"a\":2}\n{bad}\n{\"a\":4}\n", INPUT_AUTO,
		"/in:3: bad JSON");
	refused("JSON Lines: a bad line after blank lines",
		"{\"a\":1}\n\n\n{\"a\":\n", INPUT_AUTO, "/in:4: bad JSON");
	refused("JSON Lines: a number is not a record",
		"{\"a\":1}\n42\n", INPUT_AUTO,
		"/in:2: a record must be a JSON object");
	refused("a JSON array holding a string", "[{\"a\":1}, \"x\"]\n",
		INPUT_AUTO, "array element 2 is not an object");
	refused("an unterminated JSON array", "[{\"a\":1},\n{\"a\":2}\n",
		INPUT_AUTO, "bad JSON");
	refused("--input-format jsonl on CSV", "a,b\n1,2\n", INPUT_JSONL,
		"/in:1: bad JSON");
	refused("CSV: an unterminated quote names the line it opened on",
		"a,b\n1,2\n3,\"x\n4,5\n", INPUT_AUTO,
		"/in:3: unterminated quoted field");
	refused("CSV: a quote inside an unquoted field",
		"a,b\n1,2\n3,x\"y\n", INPUT_AUTO, "/in:3: malformed CSV");
	refused("CSV: a row with too few fields", "a,b\n1,2\n3\n",
		INPUT_AUTO, "/in:3: 1 fields where the header has 2");

	/* A missing file. */
	snprintf(path, sizeof(path), "%s/missing.csv", dir);
	ok(reader_open(path, INPUT_AUTO, 1, &r) == BIZ_NOINPUT &&
		   strstr(biz_error(), "missing.csv"),
	   "a missing file: BIZ_NOINPUT naming it");

	ok(input_format_from_name("csv") == INPUT_CSV &&
		   input_format_from_name("jsonl") == INPUT_JSONL &&
		   input_format_from_name("json") == INPUT_JSON &&
		   input_format_from_name("xml") == -1,
	   "input_format_from_name");

	snprintf(path, sizeof(path), "%s/in", dir);
	unlink(path);
	rmdir(dir);
	return tap_done();
}
