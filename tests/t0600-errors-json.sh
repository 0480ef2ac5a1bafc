#!/bin/sh
# BIZ_ERRORS=json and --errors json: the error line is one JSON object on
# stderr, {"prog","status","message","file","line","field"}.
. "$(dirname "$0")/lib.sh"

test_expect_success 'set up' '
	biz-init >/dev/null &&
	inv-item add BOLT --name Bolt >/dev/null
'

test_expect_success 'a bad record: file, line and field' '
	printf "%s\n" "{\"sku\": \"A\", \"name\": \"a\"}" \
		"{\"sku\": \"BOLT\", \"tracking\": {}}" >items.jsonl &&
	BIZ_ERRORS=json expect_exit 65 inv-item import items.jsonl &&
	test "$(wc -l <err)" -eq 1 &&
	jqe err 1 ".prog == \"inv-item\" and .status == 65 and
		.file == \"items.jsonl\" and .line == 2 and
		.field == \"tracking\" and
		.message == \"tracking: object is not a string or a number\"" &&
	test ! -s out
'

test_expect_success '--errors json does the same, wherever it stands' '
	expect_exit 65 inv-item import --errors json items.jsonl &&
	jqe err 1 ".line == 2 and .field == \"tracking\"" &&
	expect_exit 65 inv-item --errors=json import items.jsonl &&
	jqe err 1 ".line == 2"
'

test_expect_success 'no file, no field: nulls' '
	BIZ_ERRORS=json expect_exit 65 inv-item show NOPE &&
	jqe err 1 ".status == 65 and .file == null and .line == null and
		.field == null and (.message | test(\"NOPE\"))"
'

test_expect_success 'a usage error: the JSON line alone, no usage text' '
	BIZ_ERRORS=json expect_exit 64 inv-item list --bogus &&
	test "$(wc -l <err)" -eq 1 &&
	jqe err 1 ".status == 64 and .message == \"unknown option '"'--bogus'"'\"" &&
	expect_exit 64 crm-rep list --errors json --where "(" &&
	jqe err 1 ".status == 64 and (.message | startswith(\"--where: \"))"
'

test_expect_success 'quotes and control characters stay valid JSON' '
	printf "name\nx\"\\\\\tq\n" >leads.csv &&
	BIZ_ERRORS=json expect_exit 69 crm-lead import --db "$SCRATCH/none/x\"y.db" leads.csv &&
	jqe err 1 ".status == 69 and (.message | test(\"x\\\"y.db\"))"
'

test_expect_success 'text stays the default; --errors text and bad values' '
	expect_exit 65 inv-item show NOPE &&
	grep "^inv-item: " err &&
	BIZ_ERRORS=json expect_exit 65 inv-item show NOPE --errors text &&
	grep "^inv-item: " err &&
	expect_exit 64 inv-item show NOPE --errors xml &&
	grep "^inv-item: --errors: .xml. is not json or text" err
'

test_done
