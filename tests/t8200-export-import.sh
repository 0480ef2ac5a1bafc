#!/bin/sh
# biz-export and biz-import: every table to files with a manifest, back
# into a new database; export -> import -> export gives the same files.
. "$(dirname "$0")/lib.sh"

test_expect_success 'setup: leads, stock and the books, awkward text' '
	biz-init >/dev/null &&
	crm-rep add ann --name "Ann, \"the\" rep" --region EU >/dev/null &&
	crm-lead add --name "茶杯 Tea" --email t@x.test --region EU --set note="two
lines" >/dev/null &&
	crm-lead add --name "Bo" --email b@x.test --region EU --company "A, B & \"C\"" \
		>/dev/null &&
	crm-assign >/dev/null &&
	inv-warehouse add EAST --name Shanghai >/dev/null &&
	inv-item add BOLT --name Bolt >/dev/null &&
	inv-receive --wh MAIN --sku BOLT --qty 10 --cost 3.75 >/dev/null &&
	inv-move --from MAIN --to EAST --sku BOLT --qty 4 >/dev/null &&
	inv-issue --wh MAIN --sku BOLT --qty 1.5 >/dev/null &&
	ledger-post --date 2026-11-02 --memo "Big sale" \
		Cash=123456789012.34 Sales= >/dev/null &&
	check_ok
'

# Two leads, one rep; events: every change above (count them from
# biz-events, the same table).
test_expect_success 'export: one file per table and a manifest with counts' '
	biz-export --dir ex >out &&
	test -f ex/manifest.json && test -f ex/lead.jsonl &&
	jq -e ".schema_version > 0 and .format == \"jsonl\"" ex/manifest.json &&
	jq -e "[.tables[] | select(.name == \"lead\")][0].rows == 2" \
		ex/manifest.json &&
	jq -e "[.tables[] | select(.name == \"rep\")][0].rows == 1" \
		ex/manifest.json &&
	biz-events >events && n=$(wc -l <events) &&
	jq -e "[.tables[] | select(.name == \"event\")][0].rows == $n" \
		ex/manifest.json &&
	test $(wc -l <ex/lead.jsonl) -eq 2 &&
	test "$(stat -c %a ex)" = 700 && test "$(stat -c %a ex/lead.jsonl)" = 600 &&
	jqe out 1 ".name and .file and .rows >= 0"
'

# 123456789012.34 in minor units is 12345678901234: exact in the file.
test_expect_success 'values are as stored: exact integers, text as text' '
	grep -q "12345678901234" ex/posting.jsonl &&
	grep -q "\"茶杯 Tea\"" ex/lead.jsonl
'

test_expect_success 'import into a new database: biz-check green, same data' '
	biz-import ex --db new.db >out &&
	jqe out 1 ".name == \"account\"" &&
	BIZ_DB=new.db check_ok &&
	crm-lead list --db new.db -o name,owner >a && crm-lead list -o name,owner >b &&
	test_cmp b a &&
	ledger-balance --db new.db >a && ledger-balance >b && test_cmp b a
'

test_expect_success 'export -> import -> export gives identical files' '
	biz-export --db new.db --dir ex2 >/dev/null &&
	diff -r ex ex2
'

test_expect_success 'csv: the same round trip, NULL and empty text apart' '
	biz-export --dir cx --format csv >/dev/null &&
	test -f cx/lead.csv && head -n 1 cx/lead.csv | grep -q "^id,name," &&
	biz-import cx --db new-csv.db >/dev/null &&
	BIZ_DB=new-csv.db check_ok &&
	biz-export --db new-csv.db --dir cx2 --format csv >/dev/null &&
	diff -r cx cx2 &&
	biz-export --db new-csv.db --dir ex3 >/dev/null &&
	diff -r ex ex3
'

test_expect_success 'an export of the same database twice is the same' '
	biz-export --dir again >/dev/null && diff -r ex again
'

test_expect_success 'refused: a database that exists, a folder with an export' '
	expect_exit 1 biz-import ex --db new.db &&
	grep -q "exists" err &&
	expect_exit 1 biz-export --dir ex &&
	grep -q "holds an export" err
'

test_expect_success 'a bad row: exit 65 naming file and line, no database left' '
	cp -r ex broken &&
	sed -i "2s/.*/{\"id\":\"x\",\"nope\":1}/" broken/lead.jsonl &&
	expect_exit 65 biz-import broken --db broken.db &&
	grep -q "lead.jsonl:2:" err &&
	test ! -e broken.db
'

test_expect_success 'another schema version: exit 65; no folder: exit 66' '
	cp -r ex old &&
	jq -c ".schema_version = 1" ex/manifest.json >old/manifest.json &&
	expect_exit 65 biz-import old --db old.db &&
	grep -q "schema version 1" err && test ! -e old.db &&
	expect_exit 66 biz-import nowhere --db none.db && test ! -e none.db &&
	expect_exit 64 biz-export --format xml &&
	expect_exit 64 biz-import
'

# ex/event.jsonl holds one row an event; cut to its first line (a cut at
# a line end parses), the manifest's count differs: 65 naming the file and
# both counts, nothing written.  The same for a CSV export cut after its
# header and first row (two lines: 1 row).
test_expect_success 'a table file shorter than the manifest says: 65' '
	cp -r ex cut && head -n 1 ex/event.jsonl >cut/event.jsonl &&
	n=$(wc -l <ex/event.jsonl) &&
	expect_exit 65 biz-import cut --db cut.db &&
	grep -q "event.jsonl: 1 rows, but manifest.json says $n" err &&
	test ! -e cut.db &&
	cp -r cx cutcsv && head -n 2 cx/event.csv >cutcsv/event.csv &&
	expect_exit 65 biz-import cutcsv --db cutcsv.db &&
	grep -q "event.csv: 1 rows, but manifest.json says $n" err &&
	test ! -e cutcsv.db
'

# A damaged page in the lead table (garbage over its fourth leaf page, as
# in t9300): the export writes the tables before it, then fails there.
# A failed export leaves nothing it made: not the folder it created (the
# default one either), and in a folder that was there only what was.
test_expect_success 'a database damaged mid-way: 69, no half export left' '
	biz-init --db "$SCRATCH/big.db" >/dev/null &&
	awk "BEGIN { for (i = 1; i <= 2000; i++)
		printf \"{\\\"name\\\":\\\"Lead %d with a longish name\\\"}\\n\", i }" >leads.jsonl &&
	crm-lead import leads.jsonl --db "$SCRATCH/big.db" >/dev/null &&
	sqlite3 big.db "PRAGMA wal_checkpoint(TRUNCATE)" >/dev/null &&
	cp big.db bad.db &&
	page=$(sqlite3 bad.db "SELECT pageno FROM dbstat WHERE name = '"'lead'"' AND pagetype = '"'leaf'"' LIMIT 1 OFFSET 3") &&
	size=$(sqlite3 bad.db "PRAGMA page_size") &&
	awk "BEGIN { for (i = 0; i < 200; i++) printf \"GARBAGE!\" }" >garbage &&
	dd if=garbage of=bad.db bs=1 seek=$(( (page - 1) * size + 8 )) conv=notrunc 2>/dev/null &&
	expect_exit 69 biz-export --db "$SCRATCH/bad.db" --dir half &&
	grep "bad.db. is damaged" err &&
	grep -q "\"name\":\"account\"" out &&
	test ! -e half &&
	mkdir mine && echo keep >mine/notes &&
	expect_exit 69 biz-export --db "$SCRATCH/bad.db" --dir mine --format csv &&
	ls -A mine >got && echo notes >expect && test_cmp expect got &&
	expect_exit 69 biz-export --db "$SCRATCH/bad.db" &&
	test ! -e biz-export-2026-11-27 &&
	expect_exit 0 biz-export --db "$SCRATCH/big.db" --dir whole &&
	test -f whole/manifest.json
'

# An export killed before its end has no manifest.json (written last):
# biz-import says so, and a new export into the folder is refused
# naming the file in the way, not a bare "File exists".
test_expect_success 'an export cut short: import 66, a new export into it 1' '
	biz-export --dir killed >/dev/null &&
	rm killed/manifest.json &&
	expect_exit 66 biz-import --db killeddb/biz.db killed &&
	grep "manifest.json: No such file or directory (an export cut short" err &&
	expect_exit 1 biz-export --dir killed &&
	grep "killed/.*exists (an export cut short? its manifest.json is written last): remove it or export into a new folder" err
'

test_done
