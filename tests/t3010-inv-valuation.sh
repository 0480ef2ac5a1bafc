#!/bin/sh
# FIFO and AVCO values on hand-computed sequences: several receipts at
# different unit costs, issues across layers, transfers, exact rounding;
# the Inventory account equals the stock value after every step.
. "$(dirname "$0")/lib.sh"

# stock_is SKU WH QTY VALUE: inv-stock's figures for one item.
stock_is() {
	inv-stock --sku "$1" --wh "$2" >stock.out &&
	test "$(field stock.out 1 on_hand)" = "$3" &&
	test "$(field stock.out 1 value)" = "$4"
}

test_expect_success 'setup' '
	biz-init >/dev/null &&
	inv-warehouse add EAST --name East >/dev/null &&
	inv-item add BOLT --name Bolt >/dev/null &&
	inv-item add GLUE --name Glue --costing avco >/dev/null &&
	inv-item add PEN --name Pen >/dev/null
'

# FIFO layers: 10 @ 1.00 = 10.00, 5 @ 1.30 = 6.50, 7 @ 0.70 = 4.90;
# 22 units worth 10.00 + 6.50 + 4.90 = 21.40.
test_expect_success 'FIFO: three receipts at different costs' '
	inv-receive --wh MAIN --sku BOLT --qty 10 --cost 1.00 >r1 &&
	jqe r1 1 ".qty == 10 and .value == 10 and .unit_cost == 1" &&
	inv-receive --wh MAIN --sku BOLT --qty 5 --cost 1.30 >/dev/null &&
	inv-receive --wh MAIN --sku BOLT --qty 7 --cost 0.70 >/dev/null &&
	stock_is BOLT MAIN 22 21.4 &&
	check_ok
'

# Issue 12: all of layer 1 (10.00) and 2 of layer 2's 5
# (6.50 x 2 / 5 = 2.60): 12.60.  Left: 3 @ 1.30 (3.90) + 7 (4.90) = 8.80.
test_expect_success 'FIFO: an issue across two layers' '
	inv-issue --wh MAIN --sku BOLT --qty 12 >i1 &&
	test $(wc -l <i1) -eq 1 &&
	jqe i1 1 ".qty == -12 and .value == -12.6 and .unit_cost == 1.05" &&
	stock_is BOLT MAIN 10 8.8 &&
	check_ok
'

# Transfer 4 to EAST: layer 2's 3 (3.90) + 1 of layer 3's 7
# (4.90 x 1 / 7 = 0.70) = 4.60.  MAIN keeps 6 @ 0.70 = 4.20.
test_expect_success 'FIFO: a transfer moves layers at their cost' '
	inv-move --from MAIN --to EAST --sku BOLT --qty 4 >t1 &&
	jqe t1 1 ".wh == \"MAIN\" and .qty == -4 and .value == -4.6" &&
	jqe t1 2 ".wh == \"EAST\" and .qty == 4 and .value == 4.6" &&
	stock_is BOLT MAIN 6 4.2 &&
	stock_is BOLT EAST 4 4.6 &&
	check_ok
'

# EAST's oldest layer is the 3 @ 1.30 that came from layer 2: 1 = 1.30.
test_expect_success 'FIFO: the transferred layers keep their age' '
	inv-issue --wh EAST --sku BOLT --qty 1 >i2 &&
	jqe i2 1 ".value == -1.3" &&
	stock_is BOLT EAST 3 3.3 &&
	check_ok
'

# 3 @ 3.3333 = 9.9999, rounded half-even to cents: 10.00.  Issues of 1:
# 10.00 x 1/3 = 3.333 -> 3.33; 6.67 x 1/2 = 3.335 -> 3.34 (half-even);
# the last unit takes the rest, 3.33.  3.33 + 3.34 + 3.33 = 10.00.
test_expect_success 'FIFO: exact splitting, the last unit takes the rest' '
	inv-receive --wh MAIN --sku PEN --qty 3 --cost 3.3333 >p0 &&
	jqe p0 1 ".value == 10" &&
	inv-issue --wh MAIN --sku PEN --qty 1 >p1 &&
	inv-issue --wh MAIN --sku PEN --qty 1 >p2 &&
	inv-issue --wh MAIN --sku PEN --qty 1 >p3 &&
	jqe p1 1 ".value == -3.33" &&
	jqe p2 1 ".value == -3.34" &&
	jqe p3 1 ".value == -3.33" &&
	inv-stock --sku PEN >out &&
	test ! -s out &&
	check_ok
'

# AVCO: 10 @ 2.00 = 20.00 and 10 @ 3.00 = 30.00: 20 units, 50.00.
# Issue 4: 50.00 x 4 / 20 = 10.00; left 16 units, 40.00.
test_expect_success 'AVCO: issue at the running average' '
	inv-receive --wh MAIN --sku GLUE --qty 10 --cost 2 >/dev/null &&
	inv-receive --wh MAIN --sku GLUE --qty 10 --cost 3 >/dev/null &&
	inv-issue --wh MAIN --sku GLUE --qty 4 >a1 &&
	jqe a1 1 ".value == -10 and .unit_cost == 2.5" &&
	stock_is GLUE MAIN 16 40 &&
	check_ok
'

# Receive 4 @ 4.00 = 16.00: 20 units, 56.00 (average 2.80).
# Issue 3: 56.00 x 3 / 20 = 8.40; left 17 units, 47.60.
test_expect_success 'AVCO: a receipt moves the average' '
	inv-receive --wh MAIN --sku GLUE --qty 4 --cost 4 >/dev/null &&
	inv-issue --wh MAIN --sku GLUE --qty 3 >a2 &&
	jqe a2 1 ".value == -8.4" &&
	stock_is GLUE MAIN 17 47.6 &&
	check_ok
'

# Receive 1 @ 0.01: 18 units, 47.61.  Issue 5: 4761 x 5 / 18 = 1322.5
# cents, half-even 1322: 13.22.  Left 13 units, 47.61 - 13.22 = 34.39.
test_expect_success 'AVCO: half-even rounding of the average' '
	inv-receive --wh MAIN --sku GLUE --qty 1 --cost 0.01 >/dev/null &&
	inv-issue --wh MAIN --sku GLUE --qty 5 >a3 &&
	jqe a3 1 ".value == -13.22" &&
	stock_is GLUE MAIN 13 34.39 &&
	check_ok
'

# Transfer 3 to EAST: 3439 x 3 / 13 = 793.6 cents -> 7.94.
# MAIN keeps 10 units, 34.39 - 7.94 = 26.45.
test_expect_success 'AVCO: a transfer at the average' '
	inv-move --from MAIN --to EAST --sku GLUE --qty 3 >t2 &&
	jqe t2 1 ".value == -7.94" &&
	jqe t2 2 ".value == 7.94" &&
	stock_is GLUE MAIN 10 26.45 &&
	stock_is GLUE EAST 3 7.94 &&
	check_ok
'

# The last 10 in MAIN take the rest: 26.45, leaving 0 and 0.00.
test_expect_success 'AVCO: the last units take the rest' '
	inv-issue --wh MAIN --sku GLUE --qty 10 >a4 &&
	jqe a4 1 ".value == -26.45" &&
	inv-stock --sku GLUE --wh MAIN >out &&
	test ! -s out &&
	check_ok
'

# Stock value now: BOLT MAIN 4.20 + BOLT EAST 3.30 + GLUE EAST 7.94
# = 15.44, and so is account 1300.
test_expect_success 'the Inventory account equals the stock value' '
	biz-check >check.out &&
	grep "\"inventory_account\"" check.out >inventory.out &&
	jqe inventory.out 1 ".check == \"inventory_account\" and .ok and
		.account_balance == 15.44 and .stock_value == 15.44"
'

# Issued at cost: 12.60 + 1.30 + 10.00 + 10.00 + 8.40 + 13.22 + 26.45 =
# 81.97 to Cost of Goods Sold (5000).
test_expect_success 'issues post Cost of Goods Sold' '
	biz-events --kind ledger.posted >ev &&
	jq -s "[.[].data.postings[] | select(.account == \"5000\") |
		.amount] | add" ev >cogs &&
	test "$(cat cogs)" = 81.97
'

test_expect_success 'inv-stock prints a totals row in table format' '
	inv-stock -f table >table &&
	grep -q "^TOTAL .* 15.44" table
'

test_expect_success 'inv-stock --at computes from the moves' '
	inv-receive --wh MAIN --sku BOLT --qty 1 --cost 9 --date 2026-11-01 \
		>/dev/null &&
	inv-stock --sku BOLT --wh MAIN --at 2026-11-15 >out &&
	test "$(field out 1 on_hand)" = 1 &&
	test "$(field out 1 value)" = 9 &&
	inv-stock --sku BOLT --at 2026-10-31 >out &&
	test ! -s out
'

# The fields of a move and of a stock record, in order: the contract's
# (DESIGN.md: move "id at date doc ref sku wh lot qty value unit_cost",
# stock "sku wh on_hand reserved quarantine available on_order value
# unit_cost", + "lot expiry" after wh with --lots), a move adding
# doc_id, quarantine and serials after them, and the "op" of a write
# ("created": DESIGN's writes carry op).
test_expect_success 'move and stock records name their fields in order' '
	inv-receive --wh MAIN --sku PEN --qty 1 --cost 2 >m1 &&
	jq -c "keys_unsorted" m1 >keys &&
	echo "[\"id\",\"at\",\"date\",\"doc\",\"ref\",\"sku\",\"wh\",\"lot\",\"qty\",\"value\",\"unit_cost\",\"doc_id\",\"quarantine\",\"serials\",\"op\"]" >want &&
	test_cmp want keys &&
	inv-stock --sku PEN --wh MAIN >s1 &&
	jq -c "keys_unsorted" s1 >keys &&
	echo "[\"sku\",\"wh\",\"on_hand\",\"reserved\",\"quarantine\",\"available\",\"on_order\",\"value\",\"unit_cost\"]" >want &&
	test_cmp want keys &&
	inv-stock --sku PEN --wh MAIN --lots >s2 &&
	jq -c "keys_unsorted" s2 >keys &&
	echo "[\"sku\",\"wh\",\"lot\",\"expiry\",\"on_hand\",\"reserved\",\"quarantine\",\"available\",\"on_order\",\"value\",\"unit_cost\"]" >want &&
	test_cmp want keys
'

test_expect_code 65 'inv-stock --wh naming no warehouse is bad data' '
	inv-stock --wh XX
'
test_expect_code 65 'inv-stock --sku naming no item is bad data' '
	inv-stock --sku NO-SUCH-SKU
'

test_done
