#!/bin/sh
# biz-events --cursor-file: cron runs see every event exactly once, a
# killed run or a failed write loses nothing; --since takes a date.
. "$(dirname "$0")/lib.sh"

test_expect_success 'setup: three events' '
	biz-init >/dev/null &&
	crm-rep add ann --name Ann >/dev/null &&
	crm-lead add --name Lee --email lee@x.test >/dev/null
'

test_expect_success 'the first run prints everything and stores the last id' '
	biz-events --cursor-file cur >run1 &&
	test $(wc -l <run1) -eq 3 &&
	echo 3 >expect && test_cmp expect cur &&
	ls -a >files && ! grep -q "cur\.tmp" files
'

test_expect_success 'a rerun with nothing new prints nothing, exit 0' '
	biz-events --cursor-file cur >run2 && test ! -s run2 &&
	echo 3 >expect && test_cmp expect cur
'

# Three runs around four more changes: the runs print ids 1..7 once each.
test_expect_success 'runs between changes print every event exactly once' '
	crm-lead add --name Mo --email mo@x.test >/dev/null &&
	biz-events --cursor-file cur >run3 &&
	crm-rep add bob --name Bob >/dev/null &&
	crm-rep add cy --name Cy >/dev/null &&
	biz-events --cursor-file cur >run4 &&
	crm-lead add --name No --email no@x.test >/dev/null &&
	biz-events --cursor-file cur >run5 &&
	cat run1 run2 run3 run4 run5 >all &&
	jq -s -e "map(.id) == [1,2,3,4,5,6,7]" all
'

# --limit 1 stops the cursor at the event printed.
test_expect_success '--limit moves the cursor only past what was printed' '
	crm-lead add --name Ot --email ot@x.test >/dev/null &&
	crm-lead add --name Pa --email pa@x.test >/dev/null &&
	biz-events --cursor-file cur --limit 1 >out &&
	jqe out 1 ".id == 8" && echo 8 >expect && test_cmp expect cur &&
	biz-events --cursor-file cur >out &&
	jqe out 1 ".id == 9" && echo 9 >expect && test_cmp expect cur
'

test_expect_success 'a run writing to a full device exits 74, cursor kept' '
	crm-rep add dee --name Dee >/dev/null &&
	biz-events --cursor-file cur >/dev/full 2>err; test $? -eq 74 &&
	grep "error writing to standard output" err &&
	echo 9 >expect && test_cmp expect cur
'

# A cursor file in a folder that does not exist: 66 before any event is
# printed (it printed them all, then failed, and did so again next run).
test_expect_success 'a cursor file that cannot be written: 66, nothing printed' '
	expect_exit 66 biz-events --cursor-file nowhere/cur &&
	test ! -s out
'

# 1500 new leads: 1500 events of about 200 bytes, more than a pipe holds
# (64 KiB), so a run writing to a fifo nobody empties blocks before it
# can store its cursor, and is killed there.
test_expect_success 'a run killed mid-output leaves the cursor; the next prints all' '
	{ echo name,email; i=0; while [ $i -lt 1500 ]; do
		echo "Lead $i,l$i@x.test"; i=$((i + 1)); done; } >many.csv &&
	crm-lead import many.csv >/dev/null || exit 1
	rm -f fifo && mkfifo fifo || exit 1
	biz-events --cursor-file cur >fifo &
	pid=$! &&
	exec 3<fifo &&
	sleep 0.5 &&
	kill -9 $pid && { wait $pid; test $? -eq 137; } &&
	exec 3<&- &&
	echo 9 >expect && test_cmp expect cur &&
	ls -a >files && ! grep -q "cur\.tmp" files &&
	biz-events --cursor-file cur >after &&
	jq -s -e "map(.id) == [range(10; 1511)]" after &&
	echo 1510 >expect && test_cmp expect cur
'

test_expect_success 'the cursor file is written 0600 and replaced, not followed' '
	ln -s elsewhere link &&
	biz-events --cursor-file link >/dev/null &&
	test ! -e elsewhere && test ! -L link &&
	test "$(stat -c %a link)" = 600
'

test_expect_code 65 'a cursor file that is not an id exits 65' '
	echo junk >bad && biz-events --cursor-file bad
'
test_expect_code 64 '--cursor-file with --sort exits 64' '
	biz-events --cursor-file cur --sort -id
'
test_expect_code 64 '--follow with --sort exits 64' '
	biz-events --follow --sort -id
'

# Events so far are at 2026-11-27T08:00:00Z; two more on 11-28 and 11-29.
test_expect_success '--since takes a date or a time' '
	BIZ_NOW=2026-11-28T09:00:00Z crm-rep add eve --name Eve >/dev/null &&
	BIZ_NOW=2026-11-29T10:00:00Z crm-rep add fay --name Fay >/dev/null &&
	biz-events --since 2026-11-28 -o entity_id >out &&
	printf "%s\n" "{\"entity_id\":\"eve\"}" "{\"entity_id\":\"fay\"}" >expect &&
	test_cmp expect out &&
	biz-events --since 2026-11-28T09:00:01Z -o entity_id >out &&
	echo "{\"entity_id\":\"fay\"}" >expect && test_cmp expect out &&
	BIZ_NOW=2026-11-29T12:00:00Z biz-events --since yesterday -o entity_id >out &&
	test $(wc -l <out) -eq 2 &&
	BIZ_NOW=2026-11-29T12:00:00Z biz-events --since today -o entity_id >out &&
	echo "{\"entity_id\":\"fay\"}" >expect && test_cmp expect out &&
	biz-events --since 2026-12 >out && test ! -s out
'

test_done
