#!/bin/sh
# Quantities and amounts: under 10^13 on input (decimal.h's
# DEC_INPUT_LIMIT), and no stored total past 10^17 of its smallest unit
# (schema.c, SCHEMA_LIMITS): a write that would pass it is refused (1), so a
# total never turns into a floating-point number biz-check cannot add.
. "$(dirname "$0")/lib.sh"

test_expect_success 'set up' '
	biz-init >/dev/null &&
	inv-item add BIG --name Big >/dev/null
'

test_expect_success 'a quantity of 10^13 or more: refused on input' '
	expect_exit 64 inv-receive --wh MAIN --sku BIG --qty 10000000000000 --cost 0 &&
	grep "is not a number under 10^13" err &&
	expect_exit 64 inv-receive --wh MAIN --sku BIG --qty 5000000000000000 --cost 0.01 &&
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

# 9999999999999 units are 9999999999999000 thousandths; ten receipts make
# 99999999999990000, under 10^17; the eleventh would make
# 109999999999989000, over it.
test_expect_success 'receipts up to the limit; the one past it: 1' '
	for i in 1 2 3 4 5 6 7 8 9 10; do
		inv-receive --wh MAIN --sku BIG --qty 9999999999999 --cost 0 \
			>/dev/null || return 1
	done &&
	expect_exit 1 inv-receive --wh MAIN --sku BIG --qty 9999999999999 --cost 0 &&
	grep "^inv-receive: a stock balance would grow too large" err &&
	inv-stock --sku BIG >stock &&
	test "$(sqlite3 biz.db "SELECT qty || typeof(qty) FROM stock_balance WHERE sku = '"'BIG'"'")" = 99999999999990000integer &&
	check_ok
'

# 9999999999999 units at 9999999999999 each is about 10^26 in money:
# past int64 itself, so the product is clamped, never wrapped, and refused.
test_expect_success 'a receipt whose value is too large: 1, nothing written' '
	inv-item add DEAR --name Dear >/dev/null &&
	biz-events >events.before &&
	expect_exit 1 inv-receive --wh MAIN --sku DEAR --qty 9999999999999 --cost 9999999999999 &&
	grep "too large" err &&
	biz-events >events.after &&
	test_cmp events.before events.after &&
	check_ok
'

# 9999999999999.99 is 999999999999999 cents; 100 of them on one day make
# 99999999999999900 cents of debits to Cash, under 10^17; one more passes.
test_expect_success 'an account total past the limit: 1' '
	awk "BEGIN { for (i = 0; i < 100; i++)
		print \"{\\\"date\\\": \\\"2026-11-27\\\", \\\"memo\\\": \\\"m\\\", \\\"postings\\\": [{\\\"account\\\": \\\"1000\\\", \\\"amount\\\": \\\"9999999999999.99\\\"}, {\\\"account\\\": \\\"3000\\\"}]}\" }" >many.jsonl &&
	ledger-post many.jsonl >/dev/null &&
	expect_exit 1 ledger-post --date 2026-11-27 --memo one 1000=9999999999999.99 3000= &&
	grep "^ledger-post: an account total would grow too large" err &&
	test "$(sqlite3 biz.db "SELECT debit || typeof(debit) FROM account_day WHERE account = '"'1000'"'")" = 99999999999999900integer &&
	expect_exit 0 ledger-post --date 2026-11-28 --memo next 1000=1.00 3000= &&
	check_ok
'

test_done
