/*
 * The native predicate parser (--where, --jq, a rule's when): any text
 * parses or is declined without a crash, and what parses evaluates on a
 * few records without one.
 */
#include "fuzz.h"

#include "predicate.h"

static const char *const records[] = {
	("{\"name\":\"A\",\"region\":\"north\",\"size\":50,\"vip\":true,"
	 "\"tier\":{\"level\":2},\"tags\":[1,2]}"),
	"{\"name\":null,\"size\":\"x\"}",
	"[1,2,3]",
	"42",
	"null",
};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = fuzz_text(data, size);
	struct predicate *p = predicate_parse(text);

	if (p) {
		for (size_t i = 0; i < sizeof(records) / sizeof(*records);
		     i++) {
			jv record = jv_parse(records[i]);
			int error;

			predicate_holds(p, record, &error);
			jv_free(record);
		}
		predicate_free(p);
	}
	free(text);
	return 0;
}
