#!/bin/sh
# Sales orders and purchases (issue 15): a line's value (quantity times
# price) and a document's total are kept within 10^15 - 1 of the smallest
# unit, as every stored total is (t9400); one past it is refused (1),
# nothing written.  Before, the product wrapped in int64: an order or a
# purchase was stored with a wrong, even negative, total, which also
# slipped under the purchase approval limit.
. "$(dirname "$0")/lib.sh"

test_expect_success 'set up' '
	biz-init >/dev/null &&
	crm-customer add --name Big >/dev/null &&
	inv-supplier add SUP --name Supplier >/dev/null &&
	inv-item add X --name X --supplier SUP >/dev/null &&
	biz-config set purchase.approval_limit 1000 >/dev/null
'

# 999,999,999,999 units at 9,999,999,999,999.00: about 10^25 in money.
test_expect_success 'an order line past the limit: 1, nothing written' '
	biz-events >events.before &&
	expect_exit 1 crm-order create --customer 1 --line X:999999999999:9999999999999 &&
	grep "^crm-order: an order too large: its total passes 10^15 of the smallest unit at line 1 (.X.)$" err &&
	test ! -s out &&
	biz-events >events.after &&
	test_cmp events.before events.after
'

# Two lines of 10^6 units at 4,999,999.99: each 4,999,999,990,000.00 in
# money, 499,999,999,000,000 cents; together 999,999,998,000,000 cents,
# under the limit: taken, total 9,999,999,980,000.00.  With 10 % tax the
# total would be 1,099,999,997,800,000 cents: refused, at line 2 where it
# passes.
test_expect_success 'an order up to the limit: taken; past it with tax: 1' '
	expect_exit 0 crm-order create --customer 1 --line X:1000000:4999999.99 --line X:1000000:4999999.99 &&
	jqe out 1 ".net == 9999999980000 and .total == 9999999980000" &&
	expect_exit 1 crm-order create --customer 1 --tax 10 --line X:1000000:4999999.99 --line X:1000000:4999999.99 &&
	grep "an order too large: .* at line 2 (.X.)$" err &&
	crm-order list >orders &&
	test "$(wc -l <orders)" -eq 1
'

# 9,999,999,999 units at 9,999,999.00 is 99,999,989,990,000,001 in money
# (about 10^19 cents): the old code printed a total of -0.02 for two.
test_expect_success 'a purchase past the limit: 1, nothing written' '
	biz-events >events.before &&
	expect_exit 1 inv-purchase request --supplier SUP --line X:9999999999:9999999 --line X:9999999999:9999999 &&
	grep "^inv-purchase: a purchase too large: its total passes 10^15 of the smallest unit at line 1 (.X.)$" err &&
	expect_exit 1 inv-purchase request --supplier SUP --line X:999999999:9999999 &&
	biz-events >events.after &&
	test_cmp events.before events.after
'

# 10^6 units at 9,999,999.99: 9,999,999,990,000.00 in money, 999,999,999,
# 000,000 cents, just under the limit: taken, and above the approval
# limit of 1,000.00, so its requester may not approve it.
test_expect_success 'a purchase near the limit is taken, and needs approval' '
	expect_exit 0 inv-purchase request --supplier SUP --line X:1000000:9999999.99 &&
	jqe out 1 ".total == 9999999990000" &&
	id=$(jq -r .id out) &&
	expect_exit 1 inv-purchase approve "$id" &&
	grep "above the approval limit" err
'

test_done
