/*
 * csv_conformance.c - the CSV reader against conformance data written by
 * others, copied into tests/data (see its README.md):
 *
 *  - csv-spectrum/NAME.csv read with its header row gives NAME.json;
 *  - csv-rfc4180/NAME.csv read as raw rows gives NAME.json, header-*.csv
 *    read with the header gives header-*.json;
 *  - every csv-rfc4180/bad-*.csv is rejected with BIZ_DATAERR, and every
 *    bad-header-*.csv fails the check for a required header foo,bar,baz.
 *
 * Tests run from the project root.
 */
#include <dirent.h>
#include <stdlib.h>
#include <string.h>

#include "biz.h"
#include "input.h"
#include "tap.h"

#define TESTDATA "tests/data"

/*
 * Blank lines carry no record in our reader (documented in input.h), so
 * where the conformance data expects a record of one empty field from a
 * blank line we assert our documented behaviour instead: the expected
 * records without those [""] rows.  Each file here is named in the
 * MANIFEST's "notable" list.
 */
static const char *const blank_line_files[] = {
	"all-empty",		/* "\n\n" -> [[""],[""]]; ours: [] */
	"empty-one-column",	/* "foo\n\n" -> [["foo"],[""]]; ours: [["foo"]] */
	NULL
};

/* Every record of path, or the failure's status in *status. */
static jv read_all(const char *path, int header, int *status)
{
	struct reader *r;
	jv records = jv_array(), record;
	int rc;

	*status = reader_open(path, INPUT_CSV, header, &r);
	if (*status != BIZ_OK)
		return records;
	while ((rc = reader_next(r, &record)) == 1)
		records = jv_array_append(records, record);
	*status = rc;
	reader_close(r);
	return records;
}

/* The one JSON value in path (jv_load_file gives an array of them). */
static jv load_expected(const char *path)
{
	jv values = jv_load_file(path, 0);

	if (jv_get_kind(values) != JV_KIND_ARRAY ||
	    jv_array_length(jv_copy(values)) != 1) {
		jv_free(values);
		return jv_invalid();
	}
	return jv_array_get(values, 0);
}

static int is_blank_line_file(const char *stem)
{
	for (int i = 0; blank_line_files[i]; i++)
		if (!strcmp(stem, blank_line_files[i]))
			return 1;
	return 0;
}

/* expected without its [""] rows: what a blank line would have given. */
static jv without_blank_rows(jv expected, int *dropped)
{
	jv kept = jv_array();

	*dropped = 0;
	jv_array_foreach(expected, i, row) {
		if (jv_equal(jv_copy(row),
			     jv_array_append(jv_array(), jv_string("")))) {
			(*dropped)++;
			jv_free(row);
		} else {
			kept = jv_array_append(kept, row);
		}
	}
	jv_free(expected);
	return kept;
}

static void show(const char *label, jv value)
{
	jv text = jv_dump_string(value, 0);

	diag("%s: %s", label, jv_string_value(text));
	jv_free(text);
}

/* Reads dir/stem.csv and compares it with dir/stem.json. */
static void compare(const char *dir, const char *stem, int header)
{
	char csv[512], json[512];
	jv got, want;
	int status, dropped = 0;

	snprintf(csv, sizeof(csv), "%s/%s.csv", dir, stem);
	snprintf(json, sizeof(json), "%s/%s.json", dir, stem);
	want = load_expected(json);
	if (!jv_is_valid(want)) {
		jv_free(want);
		ok(0, "%s: %s is one JSON value", csv, json);
		return;
	}
	if (is_blank_line_file(stem)) {
		want = without_blank_rows(want, &dropped);
		ok(dropped > 0, "%s: the data expects %d record(s) from "
		   "blank lines; our reader skips blank lines (input.h)",
		   csv, dropped);
	}
	got = read_all(csv, header, &status);
	if (!ok(status == 0 && jv_equal(jv_copy(got), jv_copy(want)),
		"%s %s gives %s%s", csv, header ? "with header" : "raw",
		json, dropped ? " without the blank-line records" : "")) {
		diag("status %d: %s", status, biz_error());
		show("want", jv_copy(want));
		show("got ", jv_copy(got));
	}
	jv_free(got);
	jv_free(want);
}

/*
 * Whether path passes as input that requires the header foo,bar,baz:
 * the first row is exactly that, every row has three fields.  Sets why.
 */
static int header_required_ok(const char *path, const char **why)
{
	jv rows, first;
	int status, good = 1;

	rows = read_all(path, 0, &status);
	*why = "the reader refused it";
	if (status != 0) {
		jv_free(rows);
		return 0;
	}
	if (jv_array_length(jv_copy(rows)) == 0) {
		*why = "no header at all";
		jv_free(rows);
		return 0;
	}
	first = jv_array_get(jv_copy(rows), 0);
	if (!jv_equal(first, jv_parse("[\"foo\",\"bar\",\"baz\"]"))) {
		*why = "the header is not foo,bar,baz";
		good = 0;
	}
	jv_array_foreach(rows, i, row) {
		if (good && jv_array_length(jv_copy(row)) != 3) {
			*why = "a row without three fields";
			good = 0;
		}
		jv_free(row);
	}
	jv_free(rows);
	return good;
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The stems of dir's *.csv files, sorted; the count in *n. */
static char **csv_stems(const char *dir, int *n)
{
	DIR *d = opendir(dir);
	struct dirent *e;
	char **stems = NULL;
	int cap = 0;

	*n = 0;
	if (!d)
		return NULL;
	while ((e = readdir(d))) {
		size_t len = strlen(e->d_name);

		if (len < 5 || strcmp(e->d_name + len - 4, ".csv"))
			continue;
		if (*n == cap) {
			cap = cap ? cap * 2 : 32;
			stems = xrealloc(stems, cap * sizeof(*stems));
		}
		stems[*n] = xstrdup(e->d_name);
		stems[(*n)++][len - 4] = '\0';
	}
	closedir(d);
	qsort(stems, *n, sizeof(*stems), by_name);
	return stems;
}

static void free_stems(char **stems, int n)
{
	for (int i = 0; i < n; i++)
		free(stems[i]);
	free(stems);
}

static void csv_spectrum(void)
{
	const char *dir = TESTDATA "/csv-spectrum";
	int n;
	char **stems = csv_stems(dir, &n);

	ok(n >= 11, "%s holds the csv-spectrum files (%d found)", dir, n);
	for (int i = 0; i < n; i++)
		compare(dir, stems[i], 1);
	free_stems(stems, n);
}

static void csv_rfc4180(void)
{
	const char *dir = TESTDATA "/csv-rfc4180";
	char path[512];
	const char *why;
	int n, status, bad = 0, bad_header = 0;
	char **stems = csv_stems(dir, &n);

	ok(n >= 20, "%s holds the csv-test-data files (%d found)", dir, n);
	for (int i = 0; i < n; i++) {
		const char *stem = stems[i];

		snprintf(path, sizeof(path), "%s/%s.csv", dir, stem);
		if (!strncmp(stem, "bad-header-", 11)) {
			int passes = header_required_ok(path, &why);

			bad_header++;
			ok(!passes, "%s rejected where the header foo,bar,baz "
			   "is required (%s)", path, why);
		} else if (!strncmp(stem, "bad-", 4)) {
			bad++;
			jv_free(read_all(path, 0, &status));
			if (!ok(status == BIZ_DATAERR, "%s rejected raw with "
				"BIZ_DATAERR", path))
				diag("status %d", status);
			else
				diag("%s", biz_error());
			jv_free(read_all(path, 1, &status));
			ok(status == BIZ_DATAERR, "%s rejected with header "
			   "with BIZ_DATAERR", path);
		} else if (!strncmp(stem, "header-", 7)) {
			compare(dir, stem, 1);
			if (!ok(header_required_ok(path, &why), "%s passes "
				"the required-header check", path))
				diag("%s", why);
		} else {
			compare(dir, stem, 0);
		}
	}
	ok(bad >= 3 && bad_header >= 4, "%d bad-* and %d bad-header-* files "
	   "checked", bad, bad_header);

	/* Our own reader refuses a short or long row in header mode. */
	snprintf(path, sizeof(path), "%s/bad-header-less-fields.csv", dir);
	jv_free(read_all(path, 1, &status));
	ok(status == BIZ_DATAERR && strstr(biz_error(), ":2: "),
	   "bad-header-less-fields.csv with header: BIZ_DATAERR at line 2 "
	   "(%s)", biz_error());
	snprintf(path, sizeof(path), "%s/bad-header-more-fields.csv", dir);
	jv_free(read_all(path, 1, &status));
	ok(status == BIZ_DATAERR && strstr(biz_error(), ":2: "),
	   "bad-header-more-fields.csv with header: BIZ_DATAERR at line 2 "
	   "(%s)", biz_error());
	free_stems(stems, n);
}

int main(void)
{
	csv_spectrum();
	csv_rfc4180();
	return tap_done();
}
