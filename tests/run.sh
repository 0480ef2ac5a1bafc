#!/bin/sh
# tests/run.sh - runs the C unit tests and every shell test, then prints
# one summary line: "N passed, N failed".
cd "$(dirname "$0")/.." || exit 1
log=tests/scratch/run.log
mkdir -p tests/scratch
: >"$log"
for t in tests/unit/*.c tests/t[0-9]*.sh; do
	[ -e "$t" ] || continue
	case $t in
	*.c) ${TEST_WRAPPER:-} "${t%.c}" ;;
	*) sh "$t" ;;
	esac 2>&1 | tee -a "$log" | grep -v '^ok '
done
passed=$(grep -c '^ok ' "$log")
failed=$(grep -c '^not ok ' "$log")
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
