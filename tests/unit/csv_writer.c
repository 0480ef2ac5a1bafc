/*
 * csv_writer.c - csv_write_field quotes a field only when it needs to
 * (a comma, a quote, CR or LF), doubles its quotes, and what it writes
 * reads back through the CSV reader unchanged.
 */
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "biz.h"
#include "input.h"
#include "output.h"
#include "tap.h"

/* What csv_write_field writes for s. */
static char *written(const char *s)
{
	FILE *fp = tmpfile();
	char *text;
	long n;

	if (!fp)
		biz_dief(BIZ_INTERNAL, "tmpfile failed");
	csv_write_field(fp, s);
	n = ftell(fp);
	rewind(fp);
	text = xmalloc(n + 1);
	text[fread(text, 1, n, fp)] = '\0';
	fclose(fp);
	return text;
}

static void writes(const char *s, const char *want, const char *what)
{
	char *got = written(s);

	if (!ok(!strcmp(got, want), "%s", what))
		diag("got [%s], want [%s]", got, want);
	free(got);
}

int main(void)
{
	static const char *const fields[] = {
		"plain", "", " spaces kept ", "a,b", "say \"hi\"", "\"",
		"two\nlines", "crlf\r\nend", "08123", "12.50", "tab\there",
		"ünïcödé", "=1+2", NULL
	};
	char path[] = "/tmp/biz-unit-csv.XXXXXX";
	struct reader *r;
	jv row = jv_invalid(), want = jv_array();
	FILE *fp;
	int fd, status;

	writes("plain", "plain", "a plain field is not quoted");
	writes("", "", "an empty field is written empty");
	writes(" lead and trail ", " lead and trail ",
	       "spaces are data: not quoted");
	writes("08123", "08123", "leading zeros kept, not quoted");
	writes("tab\there", "tab\there", "a tab is not special in CSV");
	writes("ünïcödé", "ünïcödé", "UTF-8 is not quoted");
	writes("a,b", "\"a,b\"", "a comma is quoted");
	writes("say \"hi\"", "\"say \"\"hi\"\"\"",
	       "a quote is doubled and the field quoted");
	writes("\"", "\"\"\"\"", "a lone quote becomes four");
	writes("two\nlines", "\"two\nlines\"", "LF is quoted");
	writes("cr\r", "\"cr\r\"", "CR is quoted");
	writes("crlf\r\nend", "\"crlf\r\nend\"", "CRLF is quoted");

	/* Round trip: a header row and one row of every field above. */
	fd = mkstemp(path);
	if (fd < 0 || !(fp = fdopen(fd, "w")))
		biz_dief(BIZ_INTERNAL, "mkstemp failed");
	for (int pass = 0; pass < 2; pass++) {
		for (int i = 0; fields[i]; i++) {
			char name[16];

			if (i)
				fputc(',', fp);
			snprintf(name, sizeof(name), "c%d", i);
			csv_write_field(fp, pass ? fields[i] : name);
			if (pass)
				want = jv_array_append(want,
						       jv_string(fields[i]));
		}
		fputc('\n', fp);
	}
	fclose(fp);
	status = reader_open(path, INPUT_CSV, 0, &r);
	if (status == BIZ_OK) {
		jv header;

		if (reader_next(r, &header) == 1)
			jv_free(header);
		if ((status = reader_next(r, &row)) == 1)
			status = BIZ_OK;
		reader_close(r);
	}
	if (!ok(status == BIZ_OK && jv_equal(jv_copy(row), jv_copy(want)),
		"every field written reads back unchanged")) {
		diag("status %d: %s", status, biz_error());
	}
	jv_free(row);
	jv_free(want);
	unlink(path);
	return tap_done();
}
