/*
 * The record reader: CSV (with a header row or raw), JSON Lines and a
 * JSON array, as the first byte chooses; the rest is the file.  Every
 * record read is an object (or, raw CSV, an array), and a failure says
 * FILE:LINE.
 */
#define _GNU_SOURCE
#include "fuzz.h"

#include <sys/mman.h>
#include <unistd.h>

#include "biz.h"
#include "input.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const enum input_format formats[] = {
		INPUT_AUTO, INPUT_CSV, INPUT_JSONL, INPUT_JSON
	};
	struct reader *r;
	char path[64];
	int fd, rc, header;
	enum input_format format;
	jv record;

	if (size < 1)
		return 0;
	format = formats[data[0] & 3];
	header = !(data[0] & 4);
	fd = memfd_create("fuzz-reader", 0);
	if (fd < 0 || write(fd, data + 1, size - 1) != (ssize_t)(size - 1))
		abort();
	snprintf(path, sizeof(path), "/proc/self/fd/%d", fd);
	if (reader_open(path, format, header, &r))
		abort();
	while ((rc = reader_next(r, &record)) == 1) {
		jv_kind kind = jv_get_kind(record);

		if (kind != JV_KIND_OBJECT &&
		    !(kind == JV_KIND_ARRAY && !header))
			fuzz_fail("a record of kind %s", jv_kind_name(kind));
		jv_free(record);
	}
	if (rc != 0 && !strstr(biz_error(), ":"))
		fuzz_fail("an error without FILE:LINE: %s", biz_error());
	reader_close(r);
	close(fd);
	return 0;
}
