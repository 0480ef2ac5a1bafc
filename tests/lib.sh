# tests/lib.sh - a tiny test library in git's t/ manner.
#
# Each tests/tNNNN-*.sh sources this, runs test_expect_* blocks and ends
# with test_done.  Every file gets its own scratch folder and database
# ($BIZ_DB), a fixed clock ($BIZ_NOW) and bin/ first on PATH.  Lines go
# out as "ok N - what" or "not ok N - what"; tests/run.sh counts them.

TEST_NAME=$(basename "$0" .sh)
TOP=$(cd "$(dirname "$0")/.." && pwd)
SCRATCH="$TOP/tests/scratch/$TEST_NAME"
rm -rf "$SCRATCH" && mkdir -p "$SCRATCH" || exit 1
cd "$SCRATCH" || exit 1
PATH="$TOP/bin:$PATH"
BIZ_DB="$SCRATCH/biz.db"
BIZ_NOW=2026-11-27T08:00:00Z
BIZ_ACTOR=tester
BIZ_FORMAT=jsonl
export PATH BIZ_DB BIZ_NOW BIZ_ACTOR BIZ_FORMAT
unset BIZ_BUSY_TIMEOUT XDG_DATA_HOME

test_count=0
test_failed=0

test_ok_() {
	test_count=$((test_count + 1))
	echo "ok $test_count - $1"
}

test_not_ok_() {
	test_count=$((test_count + 1))
	test_failed=$((test_failed + 1))
	echo "not ok $test_count - $1"
	sed 's/^/#   /' "$SCRATCH/.log"
}

# test_expect_success 'what' 'shell commands': the commands exit 0.
test_expect_success() {
	if (eval "$2") >"$SCRATCH/.log" 2>&1; then
		test_ok_ "$1"
	else
		test_not_ok_ "$1"
	fi
}

# test_expect_code N 'what' 'command': the command exits exactly N.
test_expect_code() {
	want=$1
	(eval "$3") >"$SCRATCH/.log" 2>&1
	got=$?
	if [ "$got" -eq "$want" ]; then
		test_ok_ "$2"
	else
		echo "exit status $got, expected $want" >>"$SCRATCH/.log"
		test_not_ok_ "$2"
	fi
}

# test_cmp EXPECTED ACTUAL: the files are equal (a diff is shown if not).
test_cmp() {
	diff -u "$1" "$2"
}

# field FILE N KEY: KEY of the Nth JSON record of FILE (1-based), raw.
field() {
	sed -n "${2}p" "$1" | jq -r ".$3"
}

# expect_exit N CMD...: runs CMD (stdout to ./out, stderr to ./err) and
# checks it exits N.
expect_exit() {
	want=$1
	shift
	"$@" >out 2>err
	got=$?
	if [ "$got" -ne "$want" ]; then
		echo "'$*' exited $got, expected $want"
		cat err
		return 1
	fi
}

# jqe FILE LINE EXPR: the JSON record on LINE of FILE satisfies jq's EXPR.
jqe() {
	sed -n "${2}p" "$1" | jq -e "$3" >/dev/null
}

# check_ok: biz-check finds every invariant kept.
check_ok() {
	biz-check >check.out && ! grep -q '"ok":false' check.out
}

# inventory AMOUNT: biz-check passes and the Inventory account (1300)
# holds AMOUNT.
inventory() {
	check_ok &&
	ledger-balance --where ".account == \"1300\"" --jq .balance >inv &&
	test "$(cat inv)" = "$1"
}

test_done() {
	echo "# $TEST_NAME: $test_count tests, $test_failed failed"
	[ "$test_failed" -eq 0 ]
}
