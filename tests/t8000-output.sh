#!/bin/sh
# Output that does not mislead: csv/tsv columns from every record, money
# with the currency's places, the table in terminal cells, -o, --sort,
# --limit, and total rows only in the table unless --total.
. "$(dirname "$0")/lib.sh"

test_expect_success 'setup: leads, one with a custom field only later' '
	biz-init >/dev/null &&
	crm-lead add --name Ann --email a@x.test >/dev/null &&
	crm-lead add --name Bo --email b@x.test --set color=red >/dev/null &&
	crm-lead add --name "茶杯 Tea" --email c@x.test \
		--set note="two
lines" >/dev/null
'

# The first record has no custom field: color and note come after the
# fixed fields, in the order they first appear (Bo, then the third lead).
test_expect_success 'csv: a custom field first seen in a later record is kept' '
	crm-lead list -f csv >out.csv &&
	head -n 1 out.csv >header &&
	echo "id,name,company,email,phone,source,external_id,region,industry,size,status,owner,assigned_at,first_contact_at,created_at,color,note" >expect &&
	test_cmp expect header &&
	grep -q "^2,Bo,.*,red,$" out.csv &&
	grep -q "^3,茶杯 Tea,.*,,\"two$" out.csv
'

test_expect_success 'tsv: the same columns, the newline escaped' '
	crm-lead list -f tsv >out.tsv &&
	head -n 1 out.tsv | tr "\t" "\n" | tail -n 2 >cols &&
	printf "color\nnote\n" >expect && test_cmp expect cols &&
	grep -q "two\\\\nlines" out.tsv
'

# -o picks and orders columns in every format.
test_expect_success '-o picks and orders columns in csv, jsonl and table' '
	crm-lead list -f csv -o email,id >out &&
	printf "email,id\na@x.test,1\nb@x.test,2\nc@x.test,3\n" >expect &&
	test_cmp expect out &&
	crm-lead list -o color,name --limit 2 >out &&
	printf "%s\n" "{\"color\":null,\"name\":\"Ann\"}" \
		"{\"color\":\"red\",\"name\":\"Bo\"}" >expect &&
	test_cmp expect out &&
	crm-lead list -f table -o id,name >out &&
	head -n 1 out >h && echo "id  name" >expect && test_cmp expect h
'

test_expect_success '--sort FIELD,-FIELD and --limit after the sort' '
	crm-lead list --sort -id -o id >out &&
	printf "%s\n" "{\"id\":3}" "{\"id\":2}" "{\"id\":1}" >expect &&
	test_cmp expect out &&
	crm-lead list --sort status,-name --limit 2 -o name -f csv >out &&
	printf "name\n茶杯 Tea\nBo\n" >expect && test_cmp expect out &&
	crm-lead list --limit 0 >out && test ! -s out
'

test_expect_code 64 'a bad --sort list exits 64' 'crm-lead list --sort "id,,name"'
test_expect_code 64 'a bad --limit exits 64' 'ledger-balance --limit -1'

# "茶杯 Tea" is 8 cells wide (two wide characters, a space, three
# letters): the name column is 8 wide, so "Bo" is padded by 6 spaces.
# The newline shows as \n; a null (color of Ann) is empty.
test_expect_success 'table: width in cells, a newline escaped, null empty' '
	crm-lead list -f table -o name,note,color >out &&
	sed -n 1p out >l1 && echo "name      note        color" >expect &&
	test_cmp expect l1 &&
	sed -n 3p out >l3 && echo "Bo                    red" >expect &&
	test_cmp expect l3 &&
	sed -n 4p out >l4 && printf "%s\n" "茶杯 Tea  two\\nlines" >expect &&
	test_cmp expect l4
'

# Columns: id (2) + gap (2) + name (8) = 12 cells; with COLUMNS=9 the
# text column (name) is cut to 9 - 4 = 5 cells: "茶杯" (4 cells) and an
# ellipsis.  Numbers are right-aligned as a column, the id too.
# With email too (8 wide): 2 + 8 + 8 + 2 x 2 = 22 cells for COLUMNS=19,
# 3 too many: name (the first of the widest) 8 -> 7, email 8 -> 7, name
# 7 -> 6.
test_expect_success 'table: fits COLUMNS by cutting the widest text column' '
	COLUMNS=9 crm-lead list -f table -o id,name >out &&
	sed -n 4p out >l4 && echo " 3  茶杯…" >expect &&
	test_cmp expect l4 &&
	sed -n 1p out >l1 && echo "id  name" >expect &&
	test_cmp expect l1 &&
	COLUMNS=19 crm-lead list -f table -o id,name,email >out &&
	sed -n 4p out >l4 && echo " 3  茶杯 …  c@x.te…" >expect &&
	test_cmp expect l4
'

# 5000 more leads (past the 4096 a csv holds as values before it writes
# them out as text), the last with a field no other has: 3 + 4999 + 1 =
# 5003 rows, and the new column last in the header.  The csv has one
# line more (lead 3's note holds a newline); the tsv escapes it.
test_expect_success 'csv: a long list keeps every row and column' '
	{ echo name,email; i=0; while [ $i -lt 4999 ]; do
		echo "N$i,n$i@x.test"; i=$((i + 1)); done; } >many.csv &&
	crm-lead import many.csv >/dev/null &&
	crm-lead add --name Last --email last@x.test --set late=yes >/dev/null &&
	crm-lead list -f csv >out.csv &&
	test $(wc -l <out.csv) -eq 5005 &&
	head -n 1 out.csv | grep -q ",color,note,late$" &&
	tail -n 1 out.csv | grep -q "^5003,Last,.*,yes$" &&
	crm-lead list -f tsv -o id,late >out.tsv &&
	test $(wc -l <out.tsv) -eq 5004 && tail -n 1 out.tsv | grep -q "^5003	yes$"
'

# One receipt of 10 x 3.75 = 37.50 (money, 2 places); 2.5 kg x 4 =
# 10.00.  The total value is 37.50 + 10.00 = 47.50; quantities are not
# summed (pieces and kilograms).
test_expect_success 'setup: stock in two units' '
	inv-item add BOLT --name Bolt >/dev/null &&
	inv-item add NUT --name Nut --unit kg >/dev/null &&
	inv-receive --wh MAIN --sku BOLT --qty 10 --cost 3.75 >/dev/null &&
	inv-receive --wh MAIN --sku NUT --qty 2.5 --cost 4 >/dev/null
'

test_expect_success 'money prints with its places in csv, tsv and table; json stays a number' '
	inv-stock -f csv -o sku,on_hand,value,unit_cost >out &&
	printf "sku,on_hand,value,unit_cost\nBOLT,10,37.50,3.75\nNUT,2.5,10.00,4.00\n" >expect &&
	test_cmp expect out &&
	inv-stock -f tsv -o value >out &&
	printf "value\n37.50\n10.00\n" >expect && test_cmp expect out &&
	inv-stock -f table -o sku,value >out &&
	sed -n 2p out >l && echo "BOLT   37.50" >expect && test_cmp expect l &&
	inv-stock -f json -o value >out &&
	jq -e ".[0].value == 37.5 and (.[0].value | type) == \"number\"" out
'

# Stock is 10 x 3.75 = 37.50 plus 2.5 x 4 = 10.00: 47.50 in the layers,
# the balances and the Inventory account alike.
test_expect_success 'biz-check prints its money with the places in csv' '
	biz-check -f csv -o check,stock_value,layer_value >out &&
	grep -q "^cost_layers,47.50,47.50$" out
'

test_expect_success 'inv-stock: the total sums value only, in the table' '
	inv-stock -f table -o sku,on_hand,value >out &&
	tail -n 1 out >l && echo "TOTAL           47.50" >expect &&
	test_cmp expect l &&
	inv-stock >out && test $(wc -l <out) -eq 2 &&
	! grep -q TOTAL out &&
	inv-stock --total >out && test $(wc -l <out) -eq 3 &&
	jqe out 3 ".total == true and .value == 47.5 and .on_hand == null"
'

# Issue all 10 bolts: nothing on hand, reserved or on order.  --all:
# every item (BOLT, NUT) in every warehouse (EAST, MAIN), 2 x 2 rows.
test_expect_success 'inv-stock: a row only where something is held, --all for every one' '
	inv-issue --wh MAIN --sku BOLT --qty 10 >/dev/null &&
	inv-stock -o sku >out &&
	echo "{\"sku\":\"NUT\"}" >expect && test_cmp expect out &&
	inv-warehouse add EAST --name East >/dev/null &&
	inv-stock --all -o sku,wh,on_hand -f csv >out &&
	printf "sku,wh,on_hand\nBOLT,EAST,0\nBOLT,MAIN,0\nNUT,EAST,0\nNUT,MAIN,2.5\n" >expect &&
	test_cmp expect out &&
	expect_exit 64 inv-stock --all --lots
'

# Receipts posted Inventory 47.50 / Accounts Payable 47.50; the issue
# Cost of Goods Sold 37.50 / Inventory 37.50: debits 47.50 + 37.50 = 85.
test_expect_success 'ledger-balance: the total row only in the table or with --total' '
	ledger-balance >out &&
	jq -s "map(.debit) | add" out >sum && echo 85 >expect &&
	test_cmp expect sum &&
	! grep -q "\"total\"" out &&
	ledger-balance --total >out &&
	tail -n 1 out >last && jqe last 1 ".total == true and .debit == 85" &&
	ledger-balance -f table >out &&
	tail -n 1 out | grep -q "Total .*85.00  *85.00  *0.00$"
'

# Inventory has the largest debit (47.50), Cost of Goods Sold the next
# (37.50); the total (85.00) stays last.
test_expect_success '--sort keeps the total row last' '
	ledger-balance -f csv --total --sort -debit,name -o name,debit >out &&
	sed -n "2,3p" out >l &&
	printf "Inventory,47.50\nCost of Goods Sold,37.50\n" >expect &&
	test_cmp expect l &&
	tail -n 1 out >l && echo "Total,85.00" >expect && test_cmp expect l
'

# A purchase of 3 x 15.00 = 45.00, received (received_value 45.00) and
# billed 100.00 (billed_value, the received value billed, 45.00; billed,
# the bills' amount, 100.00; the 55.00 is price variance): its money
# columns print with the currency's places in csv (they printed 45, 100).
test_expect_success 'purchase money columns print with their places' '
	inv-supplier add PSUP --name "P Sup" >/dev/null &&
	inv-item add PITEM --name P --supplier PSUP >/dev/null &&
	inv-purchase request --supplier PSUP --line PITEM:3:15 >req &&
	pid=$(jq .id req) &&
	inv-purchase approve "$pid" >/dev/null &&
	inv-purchase order "$pid" >/dev/null &&
	inv-purchase receive "$pid" >/dev/null &&
	inv-purchase bill "$pid" --amount 100 >/dev/null &&
	inv-purchase list -f csv -o id,total,received_value,billed_value,billed >out &&
	test "$(sed -n 2p out)" = "$pid,45.00,45.00,45.00,100.00"
'

test_done
