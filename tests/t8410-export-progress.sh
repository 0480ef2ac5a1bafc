#!/bin/sh
# biz-export and biz-import show their progress on stderr when stderr is a
# terminal (rows written, rows read), as crm-lead import does, and print
# nothing there otherwise.  script(1) gives the command a terminal.
. "$(dirname "$0")/lib.sh"

# expect_progress PROG WHAT TOTAL: a line every 10,000 rows, then TOTAL.
expect_progress() {
	n=10000
	while [ $n -lt "$3" ]; do
		echo "$1: $n $2"
		n=$((n + 10000))
	done
	echo "$1: $3 $2"
}

test_expect_success 'setup: 25,000 leads' '
	biz-init >/dev/null &&
	seq 1 25000 | awk "BEGIN { print \"name,email\" }
		{ print \"L\" \$1 \",l\" \$1 \"@x.test\" }" >leads.csv &&
	crm-lead import leads.csv >/dev/null
'

test_expect_success 'no progress when stderr is not a terminal' '
	biz-export --dir quiet >out 2>err && test ! -s err &&
	biz-import quiet --db quiet.db >out 2>err && test ! -s err
'

# The rows of every table file: one a line in JSON Lines.
test_expect_success 'biz-export on a terminal: rows written' '
	command -v script >/dev/null || { echo "script(1) missing"; false; } &&
	script -qc "biz-export --dir ex >/dev/null" /dev/null >tty.out &&
	total=$(cat ex/*.jsonl | wc -l) && test "$total" -ge 25000 &&
	tr "\r" "\n" <tty.out | tr -d "\r" | grep "rows written" >got &&
	expect_progress biz-export "rows written" "$total" >expect &&
	test_cmp expect got
'

test_expect_success 'biz-import on a terminal: rows read' '
	script -qc "biz-import ex --db new.db >/dev/null" /dev/null >tty.out &&
	total=$(cat ex/*.jsonl | wc -l) &&
	tr "\r" "\n" <tty.out | tr -d "\r" | grep "rows read" >got &&
	expect_progress biz-import "rows read" "$total" >expect &&
	test_cmp expect got
'

test_expect_success '-q silences the progress' '
	script -qc "biz-export -q --dir ex-q >/dev/null" /dev/null >tty.out &&
	! grep -q "rows written" tty.out
'

test_done
