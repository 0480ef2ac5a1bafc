#!/bin/sh
# The database file: created private whatever the umask, a foreign SQLite
# file left alone, a damaged file said to be damaged (69, not 70),
# biz-check's storage check, and a database the user may only read
# (reads work, writes 77).
. "$(dirname "$0")/lib.sh"

# mode FILE: its permission bits in octal.
mode() {
	stat -c %a "$1"
}

test_expect_success 'umask 000: folders 0700, database files 0600' '
	(umask 000 && biz-init --db "$SCRATCH/open/a/biz.db" >/dev/null) &&
	test "$(mode open)" = 700 &&
	test "$(mode open/a)" = 700 &&
	for f in open/a/biz.db*; do
		test "$(mode "$f")" = 600 || return 1
	done &&
	(umask 000 && crm-rep add x --name X --db "$SCRATCH/open/a/biz.db" >/dev/null) &&
	test -e open/a/biz.db-wal &&
	for f in open/a/biz.db*; do
		test "$(mode "$f")" = 600 || return 1
	done
'

test_expect_success 'umask 0277: still 0700 and 0600, and usable' '
	(umask 0277 && biz-init --db "$SCRATCH/tight/biz.db" >/dev/null) &&
	test "$(mode tight)" = 700 &&
	test "$(mode tight/biz.db)" = 600 &&
	crm-rep add x --name X --db "$SCRATCH/tight/biz.db" >/dev/null
'

test_expect_success 'biz-init on a foreign SQLite file: 69, file untouched' '
	sqlite3 foreign.db "CREATE TABLE t(x); INSERT INTO t VALUES (1);" &&
	cksum foreign.db >before &&
	expect_exit 69 biz-init --db "$SCRATCH/foreign.db" &&
	grep "another program" err &&
	cksum foreign.db >after &&
	test_cmp before after &&
	test ! -e foreign.db-wal &&
	expect_exit 69 crm-rep list --db "$SCRATCH/foreign.db" &&
	cksum foreign.db >after &&
	test_cmp before after
'

test_expect_success 'a user_version alone makes a file foreign too' '
	sqlite3 versioned.db "PRAGMA user_version = 7;" &&
	expect_exit 69 biz-init --db "$SCRATCH/versioned.db"
'

test_expect_success 'set up: a database with some pages' '
	biz-init >/dev/null &&
	awk "BEGIN { for (i = 1; i <= 2000; i++)
		printf \"{\\\"name\\\":\\\"Lead %d with a longish name\\\"}\\n\", i }" >leads.jsonl &&
	crm-lead import leads.jsonl >/dev/null &&
	biz-init >/dev/null &&
	expect_exit 0 biz-check &&
	jqe out 1 ".check == \"storage\" and .ok and .mode == \"quick\" and .problems == []" &&
	expect_exit 0 biz-check --deep &&
	jqe out 1 ".mode == \"deep\" and .ok" &&
	cp biz.db good.db
'

test_expect_success 'a file that is not SQLite: 69 saying so' '
	echo "hello" >text.db &&
	expect_exit 69 crm-rep list --db "$SCRATCH/text.db" &&
	grep "is not a database, or is damaged" err
'

test_expect_success 'a truncated database: 69 saying it is damaged' '
	for n in 100 5000 100000; do
		head -c $n good.db >cut.db &&
		expect_exit 69 crm-lead list --db "$SCRATCH/cut.db" &&
		grep "is damaged" err || return 1
	done
'

test_expect_success 'a damaged page: biz-check 1 naming it, reads 69' '
	cp good.db bad.db &&
	page=$(sqlite3 bad.db "SELECT pageno FROM dbstat WHERE name = '"'lead'"' AND pagetype = '"'leaf'"' LIMIT 1 OFFSET 3") &&
	size=$(sqlite3 bad.db "PRAGMA page_size") &&
	awk "BEGIN { for (i = 0; i < 200; i++) printf \"GARBAGE!\" }" >garbage &&
	dd if=garbage of=bad.db bs=1 seek=$(( (page - 1) * size + 8 )) conv=notrunc 2>/dev/null &&
	expect_exit 1 biz-check --db "$SCRATCH/bad.db" &&
	jqe out 1 ".check == \"storage\" and (.ok | not) and (.problems | length) > 0" &&
	grep "page $page" out &&
	test "$(wc -l <out)" -eq 1 &&
	expect_exit 1 biz-check --deep --db "$SCRATCH/bad.db" &&
	jqe out 1 ".mode == \"deep\" and (.ok | not)" &&
	expect_exit 69 crm-lead list --db "$SCRATCH/bad.db" &&
	grep "^crm-lead: database .*bad.db. is damaged" err
'

# A backup of it would carry the damage and look like a good one (it was
# made, exit 0): refused, 69, nothing written.
test_expect_success 'a damaged database is not backed up: 69, no file' '
	expect_exit 69 biz-backup --db "$SCRATCH/bad.db" bad-backup.db &&
	grep "bad.db. is damaged .*a backup would copy the damage" err &&
	test ! -e bad-backup.db &&
	expect_exit 0 biz-backup --db "$SCRATCH/good.db" good-backup.db &&
	test -s good-backup.db
'

test_expect_success 'a database file without write bits: reads work, writes 77' '
	biz-init --db "$SCRATCH/ro.db" >/dev/null &&
	crm-rep add a --name A --db "$SCRATCH/ro.db" >/dev/null &&
	biz-events --db "$SCRATCH/ro.db" >events.before &&
	chmod 0444 ro.db &&
	expect_exit 0 crm-rep list --db "$SCRATCH/ro.db" &&
	test "$(jq -r .handle out)" = a &&
	expect_exit 77 crm-rep add b --name B --db "$SCRATCH/ro.db" &&
	grep "^crm-rep: database .*ro.db. is read-only" err &&
	expect_exit 0 biz-check --db "$SCRATCH/ro.db" &&
	biz-events --db "$SCRATCH/ro.db" >events.after &&
	test_cmp events.before events.after &&
	chmod 0600 ro.db
'

# Without root, this user stands for one who may only read: a folder and
# a file without write bits.
if [ "$(id -u)" -ne 0 ]; then
	test_expect_success 'a WAL database without -shm in a read-only folder: 77 saying why' '
		mkdir bare &&
		biz-init --db "$SCRATCH/bare/biz.db" >/dev/null &&
		sqlite3 bare/biz.db "PRAGMA journal_mode" >/dev/null &&
		test ! -e bare/biz.db-shm &&
		chmod 0444 bare/biz.db && chmod 0555 bare &&
		expect_exit 77 crm-rep list --db "$SCRATCH/bare/biz.db";
		status=$? &&
		chmod 0700 bare && chmod 0600 bare/biz.db &&
		test $status -eq 0 &&
		grep "it is in WAL mode, its -shm file is missing and this user may not create it in .$SCRATCH/bare." err
	'
fi

# Root may write any file whatever its mode bits say; as another user the
# kernel refuses, which is the case that matters.  The other user must
# reach the program and the database wherever the tree is (a clone in a
# private folder is out of its reach): both go to a folder of their own
# under /tmp.
if [ "$(id -u)" -eq 0 ] && command -v setpriv >/dev/null &&
   setpriv --reuid=65534 --regid=65534 --clear-groups true 2>/dev/null &&
   other=$(mktemp -d /tmp/bizutils-t9300.XXXXXX); then
	export other
	# as_nobody CMD...: CMD as user 65534, the programs of $other first.
	as_nobody() {
		setpriv --reuid=65534 --regid=65534 --clear-groups \
			env PATH="$other:/usr/bin:/bin" \
			BIZ_DB="$other/shared/biz.db" \
			BIZ_NOW="$BIZ_NOW" "$@"
	}
	test_expect_success 'as another user who may read: reads work, writes 77' '
		chmod 0755 "$other" &&
		cp "$TOP/bin/bizutils" "$other/bizutils" &&
		for cmd in crm-rep crm-lead biz-check; do
			ln "$other/bizutils" "$other/$cmd" || exit 1
		done &&
		mkdir "$other/shared" && chmod 0755 "$other/shared" &&
		biz-init --db "$other/shared/biz.db" >/dev/null &&
		crm-rep add a --name A --db "$other/shared/biz.db" >/dev/null &&
		chmod 0644 "$other"/shared/biz.db* &&
		expect_exit 0 as_nobody crm-rep list &&
		test "$(jq -r .handle out)" = a &&
		expect_exit 77 as_nobody crm-rep add b --name B &&
		grep "read-only: this user may not write it" err &&
		expect_exit 77 as_nobody crm-lead add --name L &&
		expect_exit 0 as_nobody biz-check
	'
	# SQLite reads a WAL database only if its -shm file exists or may be
	# created there; the sqlite3 shell removes -wal and -shm on close.
	test_expect_success 'as another user, a WAL database without -shm: 77 saying why' '
		mkdir "$other/bare" && chmod 0755 "$other/bare" &&
		db="$other/bare/biz.db" &&
		biz-init --db "$db" >/dev/null &&
		crm-rep add a --name A --db "$db" >/dev/null &&
		sqlite3 "$db" "PRAGMA journal_mode" >/dev/null &&
		test ! -e "$db-shm" && test ! -e "$db-wal" &&
		chmod 0644 "$db" &&
		expect_exit 77 as_nobody crm-rep list --db "$db" &&
		grep "^crm-rep: cannot read .$db.: it is in WAL mode, its -shm file is missing and this user may not create it in .$other/bare.; ask its owner to run biz-check on it once" err &&
		test "$(wc -l <err)" -eq 1 &&
		test ! -s out &&
		expect_exit 77 as_nobody crm-rep add b --name B --db "$db" &&
		grep "it is in WAL mode" err &&
		biz-check --db "$db" >/dev/null &&
		test -e "$db-shm" &&
		expect_exit 0 as_nobody crm-rep list --db "$db" &&
		test "$(jq -r .handle out)" = a
	'
	test_expect_success 'as another user, an unreadable -shm file: 77 saying so' '
		db="$other/bare/biz.db" &&
		chmod 0600 "$db-shm" &&
		expect_exit 77 as_nobody crm-rep list --db "$db" &&
		grep "^crm-rep: cannot read .$db.: this user may not read its -shm file" err &&
		chmod 0644 "$db-shm" &&
		expect_exit 0 as_nobody crm-rep list --db "$db"
	'
	rm -rf "$other"
else
	echo "# skipped: the other-user test needs root and setpriv"
fi

test_done
