#!/bin/sh
# Quantities and amounts: under 10^13 units on input (decimal.h's
# DEC_INPUT_LIMIT) and no value or stored total past 10^15 - 1 of its
# smallest unit (DEC_TOTAL_LIMIT; schema.c, migration 12): a write that
# would pass it is refused (1), so a total never turns into a
# floating-point number biz-check cannot add, nor prints rounded.
. "$(dirname "$0")/lib.sh"

test_expect_success 'set up' '
	biz-init >/dev/null &&
	inv-item add BIG --name Big >/dev/null
'

# A quantity has 3 places: 10^12 units are 10^15 thousandths, refused.
# A number too large is data (65), on the command line as in a file; one
# that is not a number is usage (64).
test_expect_success 'a quantity past the limits: refused on input' '
	expect_exit 65 inv-receive --wh MAIN --sku BIG --qty 10000000000000 --cost 0 &&
	grep "^inv-receive: --qty: .10000000000000. is past the largest figure taken (under 10^13 units and 10^15 of its smallest unit)$" err &&
	expect_exit 65 inv-receive --wh MAIN --sku BIG --qty 1000000000000 --cost 0 &&
	expect_exit 65 inv-receive --wh MAIN --sku BIG --qty 5000000000000000 --cost 0.01 &&
	expect_exit 64 inv-receive --wh MAIN --sku BIG --qty 1.0001 --cost 0 &&
	grep "is not a number with at most 3 decimal places" err &&
	printf "sku,qty,cost\nBIG,1,0\nBIG,10000000000000,0\n" >big.csv &&
	expect_exit 65 inv-receive --wh MAIN big.csv &&
	grep "^inv-receive: big.csv:3: qty: " err &&
	test ! -s out
'

test_expect_success 'an amount of 10^13 or more: refused on input' '
	expect_exit 65 ledger-post --memo big 1000=10000000000000.00 3000= &&
	echo "{\"memo\": \"big\", \"postings\": [{\"account\": \"1000\", \"amount\": \"10000000000000\"}, {\"account\": \"3000\"}]}" >big.jsonl &&
	expect_exit 65 ledger-post big.jsonl &&
	grep "^ledger-post: big.jsonl:1: " err
'

# 99999999999.999 units are 99999999999999 thousandths; ten receipts make
# 999999999999990, under 10^15; the eleventh would make
# 1099999999999989, over it.
test_expect_success 'receipts up to the limit; the one past it: 1' '
	for i in 1 2 3 4 5 6 7 8 9 10; do
		inv-receive --wh MAIN --sku BIG --qty 99999999999.999 --cost 0 \
			>/dev/null || return 1
	done &&
	expect_exit 1 inv-receive --wh MAIN --sku BIG --qty 99999999999.999 --cost 0 &&
	grep "^inv-receive: a stock balance would grow too large (over 10^15" err &&
	inv-stock --sku BIG >stock &&
	jqe stock 1 ".on_hand == 999999999999.99" &&
	test "$(sqlite3 biz.db "SELECT qty || typeof(qty) FROM stock_balance WHERE sku = '"'BIG'"'")" = 999999999999990integer &&
	check_ok
'

# The largest quantity prints exactly in every format: 999999999999.999
# units (10^15 - 1 thousandths), where a double still holds every digit.
test_expect_success 'the largest balance prints exactly' '
	inv-item add ALL --name All >/dev/null &&
	inv-receive --wh MAIN --sku ALL --qty 999999999999.999 --cost 0 >/dev/null &&
	inv-stock --sku ALL -f csv -o sku,on_hand >csv &&
	test "$(sed -n 2p csv)" = "ALL,999999999999.999" &&
	inv-stock --sku ALL -o on_hand >json &&
	test "$(cat json)" = "{\"on_hand\":999999999999.999}"
'

# 999999999999 units at 99999999999 each is about 10^23 in money (a cost
# has 4 places, 10^15 - 1 ten-thousandths at most):
# past int64 itself, so the product is clamped, never wrapped, and refused.
test_expect_success 'a receipt whose value is too large: 1, nothing written' '
	inv-item add DEAR --name Dear >/dev/null &&
	biz-events >events.before &&
	expect_exit 1 inv-receive --wh MAIN --sku DEAR --qty 999999999999 --cost 99999999999 &&
	grep "too large" err &&
	biz-events >events.after &&
	test_cmp events.before events.after &&
	check_ok
'

# 999999999999.99 is 99999999999999 cents; 10 of them on one day make
# 999999999999990 cents of debits to Cash, under 10^15; one more passes.
test_expect_success 'an account total past the limit: 1' '
	awk "BEGIN { for (i = 0; i < 10; i++)
		print \"{\\\"date\\\": \\\"2026-11-27\\\", \\\"memo\\\": \\\"m\\\", \\\"postings\\\": [{\\\"account\\\": \\\"1000\\\", \\\"amount\\\": \\\"999999999999.99\\\"}, {\\\"account\\\": \\\"3000\\\"}]}\" }" >many.jsonl &&
	ledger-post many.jsonl >/dev/null &&
	expect_exit 1 ledger-post --date 2026-11-27 --memo one 1000=999999999999.99 3000= &&
	grep "^ledger-post: an account total would grow too large" err &&
	test "$(sqlite3 biz.db "SELECT debit || typeof(debit) FROM account_day WHERE account = '"'1000'"'")" = 999999999999990integer &&
	expect_exit 0 ledger-post --date 2026-11-28 --memo next 1000=1.00 3000= &&
	check_ok
'

test_done
