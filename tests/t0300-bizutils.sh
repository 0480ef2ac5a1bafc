#!/bin/sh
# bizutils: the one program behind every command, by its name or by the
# name of a link to it.
. "$(dirname "$0")/lib.sh"

test_expect_success 'bizutils --list names every command in src/cmd' '
	ls "$TOP/src/cmd" | sed -n "s/\.c\$//p" | grep -vx bizutils >expect &&
	bizutils --list >actual &&
	test_cmp expect actual
'

test_expect_success 'every command in bin/ is the same program' '
	for cmd in $(bizutils --list); do
		test "$TOP/bin/$cmd" -ef "$TOP/bin/bizutils" ||
		{ echo "bin/$cmd is not a link to bin/bizutils"; exit 1; }
	done
'

test_expect_success 'bizutils COMMAND runs the command as its own name does' '
	biz-init >/dev/null &&
	inv-warehouse list >expect &&
	bizutils inv-warehouse list >actual &&
	test_cmp expect actual &&
	bizutils inv-warehouse --help | head -n 1 | grep -q "^usage: inv-warehouse"
'

test_expect_success 'a command run through bizutils keeps its exit status' '
	bizutils inv-issue --wh MAIN --sku NOPE --qty 1 2>err
	test $? = 65 && grep -q "^inv-issue: " err
'

test_expect_code 64 'an unknown command is a usage error naming it' '
	bizutils inv-nothing 2>err; rc=$?
	test "$(head -n 1 err)" = "bizutils: '"'"'inv-nothing'"'"' is not a bizutils command (bizutils --list names them)" &&
	exit $rc
'

test_expect_code 64 'bizutils alone prints its usage and exits 64' '
	bizutils 2>err; rc=$?
	grep -q "^usage: bizutils COMMAND" err && exit $rc
'

test_expect_code 64 'the program under a name that is no command exits 64' '
	cp "$TOP/bin/bizutils" "$SCRATCH/inv-nothing" &&
	"$SCRATCH/inv-nothing" 2>err; rc=$?
	test "$(cat err)" = "bizutils: '"'"'inv-nothing'"'"' is not a bizutils command" &&
	exit $rc
'

test_expect_success 'bizutils --version' '
	bizutils --version >out &&
	grep -qE "^bizutils [0-9]+\.[0-9]+\.[0-9]+\$" out
'

test_done
