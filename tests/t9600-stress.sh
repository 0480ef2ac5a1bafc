#!/bin/sh
# A short run of tests/stress.sh (make check-stress runs it long): four
# processes of mixed writes on one database; every operation committed or
# refused (1), biz-check green, one event per committed change.
. "$(dirname "$0")/lib.sh"

test_expect_success 'four processes, twelve mixed writes each' '
	STRESS_DIR="$SCRATCH/stress" sh "$TOP/tests/stress.sh" 12 4 >out &&
	grep "^stress: 48 operations in 4 processes" out
'

test_done
