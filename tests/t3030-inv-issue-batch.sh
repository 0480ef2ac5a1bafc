#!/bin/sh
# inv-issue and inv-receive: batches, scans, bad input, idempotent refs,
# and two processes issuing the last units at once.
. "$(dirname "$0")/lib.sh"

on_hand_is() {
	inv-stock --sku "$1" --wh MAIN >stock.out &&
	test "$(field stock.out 1 on_hand)" = "$2"
}

test_expect_success 'setup' '
	biz-init >/dev/null &&
	inv-item add BOLT-M6 --name "Bolt M6" --barcode 4001 >/dev/null &&
	inv-item add NUT-M6 --name "Nut M6" --barcode 4002 >/dev/null
'

# Lines: BOLT 100 @ 0.10 = 10.00, NUT 50 @ 0.05 = 2.50, BOLT 20 @ 0.12
# = 2.40.  On hand BOLT 120 (12.40), NUT 50 (2.50).
test_expect_success 'a receipt batch from a CSV file, one layer per line' '
	cat >in.csv <<-\EOF &&
	sku,qty,cost
	BOLT-M6,100,0.10
	NUT-M6,50,0.05
	BOLT-M6,20,0.12
	EOF
	inv-receive --wh MAIN --ref GRN-100 in.csv >r1 &&
	test $(wc -l <r1) -eq 3 &&
	jqe r1 3 ".doc_id == 1 and .value == 2.4" &&
	on_hand_is BOLT-M6 120 &&
	test "$(field stock.out 1 value)" = 12.4 &&
	check_ok
'

test_expect_success 'the same batch with the same ref is a no-op' '
	inv-receive --wh MAIN --ref GRN-100 in.csv >r2 2>err &&
	jq -e ".op == \"unchanged\"" r2 >/dev/null &&
	jq -e ".op == \"created\"" r1 >/dev/null &&
	jq -c "del(.op)" r1 >r1.plain &&
	jq -c "del(.op)" r2 >r2.plain &&
	test_cmp r1.plain r2.plain &&
	grep -q "already posted" err &&
	on_hand_is BOLT-M6 120
'

# JSON Lines from stdin: BOLT 30 takes 30 of the 0.10 layer = 3.00;
# NUT 10 = 0.50.
test_expect_success 'an issue batch from stdin' '
	printf "%s\n" "{\"sku\":\"BOLT-M6\",\"qty\":30}" \
		"{\"sku\":\"NUT-M6\",\"qty\":\"10\"}" >issue.jsonl &&
	inv-issue --wh MAIN - <issue.jsonl >i1 &&
	jqe i1 1 ".value == -3" &&
	jqe i1 2 ".value == -0.5" &&
	on_hand_is BOLT-M6 90 &&
	check_ok
'

test_expect_success 'a malformed line names the line, writes nothing' '
	cat >bad.csv <<-\EOF &&
	sku,qty
	BOLT-M6,1
	NUT-M6,1
	BOLT-M6,many
	EOF
	expect_exit 65 inv-issue --wh MAIN bad.csv &&
	grep -q "^inv-issue: bad.csv:4: " err &&
	test ! -s out &&
	on_hand_is BOLT-M6 90 &&
	on_hand_is NUT-M6 40
'

test_expect_success 'a shortage in a batch refuses the whole batch' '
	printf "sku,qty\nNUT-M6,1\nBOLT-M6,91\n" >short.csv &&
	expect_exit 1 inv-issue --wh MAIN short.csv &&
	grep -q "short.csv:3: not enough .BOLT-M6. in .MAIN.: 90 available, 91 asked" err &&
	on_hand_is NUT-M6 40
'

test_expect_success 'scan: one barcode or SKU per line, each one unit' '
	printf "4001\n4002\nBOLT-M6\n\n4001\n" >scan.txt &&
	inv-issue --wh MAIN --scan <scan.txt >s1 &&
	jqe s1 1 ".sku == \"BOLT-M6\" and .qty == -3" &&
	jqe s1 2 ".sku == \"NUT-M6\" and .qty == -1" &&
	on_hand_is BOLT-M6 87
'

# A scanner export with a UTF-8 byte order mark before its first code:
# the mark is not part of the code (it was "unknown item", 65).  One
# BOLT-M6 (4001) out: 87 - 1 = 86.
test_expect_success 'scan: a byte order mark before the first code' '
	printf "\357\273\2774001\n" >bom.txt &&
	expect_exit 0 inv-issue --wh MAIN --scan <bom.txt &&
	jqe out 1 ".sku == \"BOLT-M6\" and .qty == -1" &&
	on_hand_is BOLT-M6 86 &&
	inv-receive --wh MAIN --sku BOLT-M6 --qty 1 --cost 0.10 >/dev/null &&
	on_hand_is BOLT-M6 87
'

test_expect_success 'scan: an unknown code names its line' '
	printf "4001\n4002\n9999\n" >scan2.txt &&
	expect_exit 65 inv-receive --wh MAIN --scan --cost 1 <scan2.txt &&
	grep -q "^inv-receive: -:3: unknown item .9999." err &&
	on_hand_is BOLT-M6 87
'

test_expect_success 'an issue with --ref is done once' '
	inv-issue --wh MAIN --sku BOLT-M6 --qty 7 --ref SO-1 >o1 &&
	inv-issue --wh MAIN --sku BOLT-M6 --qty 7 --ref SO-1 >o2 2>err &&
	jq -e ".op == \"unchanged\"" o2 >/dev/null &&
	jq -e ".op == \"created\"" o1 >/dev/null &&
	jq -c "del(.op)" o1 >o1.plain &&
	jq -c "del(.op)" o2 >o2.plain &&
	test_cmp o1.plain o2.plain &&
	grep -q "issue .SO-1. was already posted" err &&
	on_hand_is BOLT-M6 80 &&
	check_ok
'

test_expect_success 'a transfer with --ref is done once' '
	inv-warehouse add WEST --name West >/dev/null &&
	inv-move --from MAIN --to WEST --sku NUT-M6 --qty 5 --ref TR-1 >m1 &&
	inv-move --from MAIN --to WEST --sku NUT-M6 --qty 5 --ref TR-1 >m2 &&
	jq -e ".op == \"unchanged\"" m2 >/dev/null &&
	jq -e ".op == \"created\"" m1 >/dev/null &&
	jq -c "del(.op)" m1 >m1.plain &&
	jq -c "del(.op)" m2 >m2.plain &&
	test_cmp m1.plain m2.plain &&
	on_hand_is NUT-M6 34
'

test_expect_code 65 'zero quantity is bad input' '
	inv-issue --wh MAIN --sku BOLT-M6 --qty 0
'

test_expect_code 65 'negative quantity is bad input' '
	inv-receive --wh MAIN --sku BOLT-M6 --qty -1 --cost 1
'

test_expect_code 65 'a negative cost is bad input' '
	inv-receive --wh MAIN --sku BOLT-M6 --qty 1 --cost -1
'

test_expect_code 65 'an unknown SKU is bad input' '
	inv-issue --wh MAIN --sku NOPE --qty 1
'

test_expect_code 65 'an unknown warehouse is bad input' '
	inv-receive --wh NOWHERE --sku BOLT-M6 --qty 1 --cost 1
'

test_expect_code 65 'a bad --date is bad input' '
	inv-receive --wh MAIN --sku BOLT-M6 --qty 1 --cost 1 --date 2026-02-30
'

test_expect_code 64 'a quantity that is not a number is a usage error' '
	inv-issue --wh MAIN --sku BOLT-M6 --qty 1.0001
'

test_expect_code 64 'an unknown reason is a usage error' '
	inv-issue --wh MAIN --sku BOLT-M6 --qty 1 --reason theft
'

test_expect_code 66 'a missing batch file' '
	inv-issue --wh MAIN nofile.csv
'

# Scrap posts Dr 5100 Inventory Adjustments: 1 at 0.10.
test_expect_success 'scrap posts to Inventory Adjustments' '
	inv-issue --wh MAIN --sku BOLT-M6 --qty 1 --reason scrap >sc &&
	biz-events --kind ledger.posted >ev &&
	tail -n 1 ev | jq -e ".data.postings[0] == {\"account\":\"5100\",\"amount\":0.1}" &&
	check_ok
'

# A batch is one document: it posts ONE entry summing its lines.
# Receipt GRN-200: 10 @ 0.30 = 3.00 and 10 @ 0.50 = 5.00, one entry
# Dr 1300 / Cr 2000 of 3.00 + 5.00 = 8.00.
# Issue SO-200, FIFO: 4 @ 0.30 = 1.20; then 8 = 6 @ 0.30 + 2 @ 0.50
# = 1.80 + 1.00 = 2.80; then 3 @ 0.50 = 1.50.  One entry Dr 5000 /
# Cr 1300 of 1.20 + 2.80 + 1.50 = 5.50, ref SO-200, and every move of
# the document tied to it; left 5 @ 0.50 = 2.50 = 8.00 - 5.50.
test_expect_success 'a multi-line batch posts one entry summing its lines' '
	inv-item add WASHER --name Washer >/dev/null &&
	printf "sku,qty,cost\nWASHER,10,0.30\nWASHER,10,0.50\n" >w-in.csv &&
	inv-receive --wh MAIN --ref GRN-200 w-in.csv >w1 &&
	printf "sku,qty\nWASHER,4\nWASHER,8\nWASHER,3\n" >w-out.csv &&
	inv-issue --wh MAIN --ref SO-200 w-out.csv >w2 &&
	jq -s -c "[.[].value]" w2 >values &&
	test "$(cat values)" = "[-1.2,-2.8,-1.5]" &&
	biz-events --kind ledger.posted >ev &&
	jq -s -c "[.[] | select(.data.ref == \"GRN-200\") | .data.postings]" \
		ev >got &&
	test "$(cat got)" = "[[{\"account\":\"1300\",\"amount\":8},{\"account\":\"2000\",\"amount\":-8}]]" &&
	jq -s -c "[.[] | select(.data.ref == \"SO-200\") |
		[.data.source, .data.memo, .data.postings]]" ev >got &&
	doc=$(field w2 1 doc_id) &&
	test "$(cat got)" = "[[\"issue\",\"issue $doc: 3 moves\",[{\"account\":\"5000\",\"amount\":5.5},{\"account\":\"1300\",\"amount\":-5.5}]]]" &&
	jq -s -r ".[] | select(.data.ref == \"SO-200\") | .entity_id" ev \
		>entry &&
	sqlite3 "$BIZ_DB" "SELECT DISTINCT d.entry_id FROM move m
		JOIN stock_doc d ON d.id = m.doc_id WHERE d.ref = '"'SO-200'"'" \
		>tied &&
	test_cmp entry tied &&
	inv-stock --sku WASHER --wh MAIN >stock.out &&
	test "$(field stock.out 1 value)" = 2.5 &&
	check_ok
'

# cost_layer_open holds the open layers only: a partial take leaves a
# layer in it, the take of all that is left closes it (CHECK: is_open is
# remaining_qty > 0, a closed layer is worth nothing).
test_expect_success 'a layer closes when it is emptied, not before' '
	inv-item add SPLIT --name "Split" >/dev/null &&
	printf "sku,qty,cost\nSPLIT,2,1\nSPLIT,3,2\n" >s.csv &&
	inv-receive --wh MAIN s.csv >/dev/null &&
	inv-issue --wh MAIN --sku SPLIT --qty 1 >/dev/null &&
	layers() {
		sqlite3 "$BIZ_DB" "SELECT group_concat(remaining_qty || \":\" ||
			is_open, \" \") FROM (SELECT * FROM cost_layer
			WHERE sku = '"'SPLIT'"' ORDER BY id)"
	} &&
	test "$(layers)" = "1000:1 3000:1" &&
	inv-issue --wh MAIN --sku SPLIT --qty 2 >i.out &&
	jqe i.out 1 ".value == -3" &&
	test "$(layers)" = "0:0 2000:1" &&
	! sqlite3 "$BIZ_DB" "UPDATE cost_layer SET remaining_qty = 0
		WHERE sku = '"'SPLIT'"' AND is_open" 2>/dev/null &&
	expect_exit 1 inv-issue --wh MAIN --sku SPLIT --qty 3 &&
	grep -q "not enough .SPLIT. in .MAIN.: 2 available, 3 asked" err &&
	check_ok
'

# AVCO reads what is available with its layers: held goods are on hand,
# not available.  2 @ 1 + 2 @ 2 free, average 1.50; 5 held.
test_expect_success 'an AVCO issue refuses more than is available' '
	inv-item add AVG --name "Average" --costing avco >/dev/null &&
	inv-warehouse add EAST --name East >/dev/null &&
	inv-receive --wh MAIN --sku AVG --qty 2 --cost 1 >/dev/null &&
	inv-receive --wh MAIN --sku AVG --qty 2 --cost 2 >/dev/null &&
	inv-receive --wh MAIN --sku AVG --qty 5 --cost 3 --hold >/dev/null &&
	expect_exit 1 inv-issue --wh MAIN --sku AVG --qty 5 &&
	grep -q "not enough .AVG. in .MAIN.: 4 available, 5 asked" err &&
	expect_exit 1 inv-issue --wh EAST --sku AVG --qty 1 &&
	grep -q "not enough .AVG. in .EAST.: 0 available, 1 asked" err &&
	inv-issue --wh MAIN --sku AVG --qty 4 >i.out &&
	jqe i.out 1 ".value == -6" &&
	check_ok
'

# The last units, two processes at once, five rounds: each round
# receives 3 and starts two issues of 3; exactly one may win.
test_expect_success 'two issues of the last units: exactly one succeeds' '
	inv-item add LAST --name "Last units" >/dev/null &&
	for round in 1 2 3 4 5; do
		inv-receive --wh MAIN --sku LAST --qty 3 --cost 1 >/dev/null &&
		{ inv-issue --wh MAIN --sku LAST --qty 3 >a.out 2>a.err &
		  pa=$!
		  inv-issue --wh MAIN --sku LAST --qty 3 >b.out 2>b.err &
		  pb=$!
		  wait $pa; ra=$?
		  wait $pb; rb=$?
		} &&
		echo "round $round: $ra $rb" &&
		{ { test $ra = 0 && test $rb = 1; } ||
		  { test $ra = 1 && test $rb = 0; }; } || return 1
		cat a.err b.err | grep -q "not enough .LAST. in .MAIN.: 0 available, 3 asked" || return 1
		inv-stock --sku LAST >st.out || return 1
		test ! -s st.out || return 1
	done &&
	check_ok
'

# Output waits in memory up to 1 MiB, then in a temporary file (output.c):
# 6,000 receipt lines print about 1.2 MB of moves.  Each line receives 1
# unit at 0.01, so the batch adds 6,000 units worth 60.00.
test_expect_success 'a batch printing more than 1 MiB prints every record' '
	inv-item add SPACER --name Spacer >/dev/null &&
	awk "BEGIN { print \"sku,qty,cost\"; for (i = 0; i < 6000; i++)
		print \"SPACER,1,0.01\" }" >big.csv &&
	inv-receive --wh MAIN big.csv >big.out &&
	test $(wc -c <big.out) -gt 1048576 &&
	test $(wc -l <big.out) -eq 6000 &&
	jq -s -e "map(.qty) | add == 6000" big.out >/dev/null &&
	on_hand_is SPACER 6000 &&
	test "$(field stock.out 1 value)" = 60
'

test_expect_code 65 'a bad last line after 1 MiB of output prints nothing' '
	echo "SPACER,0,0.01" >>big.csv &&
	inv-receive --wh MAIN big.csv >big.out 2>err; rc=$?
	test ! -s big.out && grep -q "big.csv:6002" err && on_hand_is SPACER 6000 &&
	exit $rc
'

test_done
