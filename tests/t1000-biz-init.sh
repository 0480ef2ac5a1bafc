#!/bin/sh
# biz-init, and what every command shares: database, options, formats.
. "$(dirname "$0")/lib.sh"

test_expect_code 69 'a command on a missing database exits 69' '
	crm-rep list 2>err; rc=$?; grep -q "run biz-init" err && exit $rc
'

test_expect_success 'biz-init creates the database and reports it' '
	biz-init >out &&
	test "$(field out 1 op)" = created &&
	test "$(field out 1 currency)" = USD &&
	test "$(field out 1 scale)" = 2
'

test_expect_success 'rerunning biz-init changes nothing' '
	biz-events >before &&
	biz-init >out &&
	test "$(field out 1 op)" = unchanged &&
	biz-events >after &&
	test_cmp before after
'

test_expect_code 1 'biz-init refuses another currency on an existing db' '
	biz-init --currency EUR
'

test_expect_success 'biz-init honours --currency and --scale' '
	biz-init --db "$SCRATCH/eur.db" --currency EUR --scale 3 >out &&
	test "$(field out 1 currency)" = EUR &&
	test "$(field out 1 scale)" = 3
'

test_expect_success 'the default path follows XDG_DATA_HOME' '
	(unset BIZ_DB; XDG_DATA_HOME="$SCRATCH/xdg" biz-init >/dev/null) &&
	test -f "$SCRATCH/xdg/bizutils/biz.db"
'

test_expect_code 69 'a file that is not a bizutils database exits 69' '
	echo "not a database" >junk.db && crm-rep list --db junk.db
'

test_expect_code 69 'an SQLite file of another program exits 69' '
	sqlite3 other.db "CREATE TABLE t(x)" && crm-rep list --db other.db
'

test_expect_code 64 'an unknown option exits 64 with the usage' '
	crm-rep list --bogus 2>err; rc=$?; grep -q "^usage:" err && exit $rc
'

test_expect_code 64 'an unknown format exits 64' 'crm-rep list -f yaml'
test_expect_code 64 'an unknown BIZ_FORMAT exits 64' '
	BIZ_FORMAT=yaml crm-rep list
'

test_expect_code 64 'a jq filter that does not compile exits 64' '
	crm-rep list --jq ".[" 2>err; rc=$?; grep -q "syntax error" err &&
	exit $rc
'

test_expect_code 64 'a malformed BIZ_NOW exits 64' '
	BIZ_NOW=yesterday crm-rep list
'

test_expect_success '-h prints the usage and exits 0; -V the version' '
	crm-rep -h >out && grep -q "^usage: crm-rep add" out &&
	crm-rep -V >out && grep -q "^crm-rep (bizutils) " out
'

test_expect_success 'every output format prints the same record' '
	crm-rep add ann --name "Ann, A." --region north >/dev/null &&
	crm-rep list -f json >json && jq -e "length == 1" json &&
	crm-rep list -f jsonl >jsonl && test "$(field jsonl 1 name)" = "Ann, A." &&
	crm-rep list -f csv >csv &&
	head -n 1 csv | grep -q "^handle,name,email," &&
	sed -n 2p csv | grep -q "^ann,\"Ann, A.\",," &&
	crm-rep list -f tsv >tsv && sed -n 2p tsv | grep -q "^ann	Ann, A.	" &&
	crm-rep list -f table >table && grep -q "^handle  name " table
'

test_expect_success '--jq reshapes each record' '
	crm-rep list --jq "{h: .handle, r: .regions[0]}" >out &&
	echo "{\"h\":\"ann\",\"r\":\"north\"}" >expect &&
	test_cmp expect out
'

test_expect_success 'BIZ_FORMAT picks the default format' '
	BIZ_FORMAT=csv crm-rep list >out && head -n 1 out | grep -q "^handle,"
'

test_expect_code 75 'a database locked past the timeout exits 75' '
	(echo "BEGIN IMMEDIATE; INSERT INTO setting VALUES (\"lock\", 1);"
	 sleep 2; echo "ROLLBACK;") | sqlite3 "$BIZ_DB" &
	sleep 0.5
	BIZ_BUSY_TIMEOUT=100 crm-rep add bob --name Bob 2>err; rc=$?
	wait
	grep -q "busy" err && exit $rc
'

# Migration 2 gives a database made before it the three accounts of
# order to cash and procure to pay: made here by taking them out of a
# fresh database and setting its version back to 1.
test_expect_success 'migration 2 adds 2200, 4100 and 5200 to an old chart' '
	biz-init --db old.db >/dev/null &&
	sqlite3 old.db "DELETE FROM account WHERE code IN (\"2200\", \"4100\", \"5200\"); ALTER TABLE account DROP COLUMN control; PRAGMA user_version = 1" &&
	test "$(sqlite3 old.db "SELECT count(*) FROM account")" -eq 9 &&
	ledger-account --db old.db list >after &&
	jq -r ".code" after | tr "\n" " " >codes &&
	test "$(cat codes)" = "1000 1100 1300 2000 2100 2200 3000 4000 4100 5000 5100 5200 " &&
	test "$(sqlite3 old.db "PRAGMA user_version")" -ge 2
'

test_done
