#!/bin/sh
# biz-backup: SQLite's online backup, safe while other commands write;
# an existing file is refused without --force; the copy is 0600.
. "$(dirname "$0")/lib.sh"

test_expect_success 'setup: a lead and some stock' '
	biz-init >/dev/null &&
	crm-lead add --name Ann --email a@x.test >/dev/null &&
	inv-item add BOLT --name Bolt >/dev/null &&
	inv-receive --wh MAIN --sku BOLT --qty 10 --cost 3.75 >/dev/null
'

test_expect_success 'a backup is a database of its own, 0600, one file' '
	biz-backup copy.db >out &&
	jqe out 1 ".file == \"copy.db\" and .bytes > 0" &&
	test "$(stat -c %a copy.db)" = 600 && test ! -e copy.db-wal &&
	BIZ_DB=copy.db check_ok &&
	crm-lead list --db copy.db -o name >a && echo "{\"name\":\"Ann\"}" >expect &&
	test_cmp expect a &&
	ls -a >files && ! grep -q "copy.db.tmp" files
'

test_expect_success 'an existing file is refused, untouched, without --force' '
	echo precious >keep.db &&
	expect_exit 1 biz-backup keep.db && grep -q "exists" err &&
	echo precious >expect && test_cmp expect keep.db &&
	crm-lead add --name Bo --email b@x.test >/dev/null &&
	biz-backup --force copy.db >/dev/null &&
	test "$(stat -c %a copy.db)" = 600 &&
	test $(crm-lead list --db copy.db | wc -l) -eq 2
'

test_expect_success 'a link in the way is replaced with --force, not followed' '
	ln -s target.db link.db &&
	expect_exit 1 biz-backup link.db &&
	biz-backup --force link.db >/dev/null &&
	test ! -L link.db && test ! -e target.db
'

# A writer adds 150 leads (2 before: 152) while backups run one after
# another until it ends (at least three); every backup is a whole
# database (integrity_check, biz-check) holding between 2 and 152 leads,
# and every write succeeded.
test_expect_success 'backups while another command writes' '
	{ i=0; while [ $i -lt 150 ]; do
		crm-lead add --name "L$i" --email "l$i@x.test" >/dev/null ||
			{ echo "write $i failed" >writer.err; break; }
		i=$((i + 1)); done; echo done >writer.end; } &
	writer=$! &&
	n=0 &&
	while [ $n -lt 3 ] || { [ ! -f writer.end ] && [ $n -lt 60 ]; }; do
		n=$((n + 1)) && biz-backup b$n.db >/dev/null || exit 1
	done &&
	wait $writer &&
	test -f writer.end && test ! -e writer.err &&
	test $(crm-lead list | wc -l) -eq 152 &&
	for b in b*.db; do n=${b%.db}; n=${n#b}
		test "$(sqlite3 b$n.db "PRAGMA integrity_check")" = ok &&
		BIZ_DB=b$n.db check_ok &&
		leads=$(crm-lead list --db b$n.db | wc -l) &&
		test $leads -ge 2 && test $leads -le 152 || exit 1
	done
'

test_expect_code 64 'FILE is needed' 'biz-backup'
test_expect_code 69 'no database: 69' 'biz-backup --db missing.db x.db'

test_done
