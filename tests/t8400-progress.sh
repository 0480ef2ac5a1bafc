#!/bin/sh
# Long batches show their progress on stderr when stderr is a terminal,
# and print nothing there otherwise (a cron job's mail stays clean).
# script(1) gives the command a terminal.
. "$(dirname "$0")/lib.sh"

# 25,000 leads: progress lines at 10,000 and 20,000, and the last count.
test_expect_success 'setup: 25,000 leads in a CSV file' '
	biz-init >/dev/null &&
	seq 1 25000 | awk "BEGIN { print \"name,email\" }
		{ print \"L\" \$1 \",l\" \$1 \"@x.test\" }" >leads.csv
'

test_expect_success 'no progress when stderr is not a terminal' '
	crm-lead import leads.csv >out 2>err &&
	test ! -s err &&
	test "$(grep -c . out)" -eq 25000
'

test_expect_success 'progress on a terminal: every 10,000 records, then the total' '
	command -v script >/dev/null || { echo "script(1) missing"; false; } &&
	script -qc "crm-lead import leads.csv >/dev/null" /dev/null >tty.out &&
	tr "\r" "\n" <tty.out | grep "records read" >lines &&
	printf "crm-lead: 10000 records read\ncrm-lead: 20000 records read\ncrm-lead: 25000 records read\n" >expect &&
	tr -d "\r" <lines | sed "/^$/d" >got &&
	test_cmp expect got
'

test_expect_success '-q silences the progress' '
	script -qc "crm-lead import -q leads.csv >/dev/null" /dev/null >tty.out &&
	! grep -q "records read" tty.out
'

test_done
