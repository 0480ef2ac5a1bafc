#!/bin/sh
# The fuzz targets (tests/fuzz/, `make fuzz`) replayed once on their seed
# corpora and on what fuzzing found, built with the ordinary compiler;
# and the findings as commands meet them.
. "$(dirname "$0")/lib.sh"

for target in reader decimal posting date predicate; do
	test_expect_success "fuzz corpus: $target" "
		'$TOP/tests/fuzz/replay-$target' '$TOP/tests/fuzz/corpus/$target' >replay.out &&
		grep -q 'inputs replayed' replay.out
	"
done

# Found by tests/fuzz/reader.c: an ASCII RS (0x1E) in JSON made libjq stop
# short of its buffer, and the next line fed to it tripped an assertion
# (abort, exit 134).
test_expect_success 'a record separator byte in JSON Lines: 65 naming the line' '
	biz-init >/dev/null &&
	printf "{\"name\":\"a\"}\n{\"name\":\036\"b\"}\n{\"name\":\"c\"}\n" >rs.jsonl &&
	expect_exit 65 crm-lead import rs.jsonl &&
	grep "^crm-lead: rs.jsonl:2: bad JSON: a record separator byte (0x1E)$" err &&
	test ! -s out &&
	printf "[{\"name\":\"a\"},\036{\"name\":\"b\"}]\n" >rs.json &&
	expect_exit 65 crm-lead import rs.json &&
	grep "record separator" err
'

# Found by tests/fuzz/date.c: year 224 printed as "224-02-29", which no
# longer parsed: tests/unit/timeutil.c has that case.

test_done
