#!/bin/sh
# Sales orders and purchases (issue 15): a line's value (quantity times
# price) and a document's total are kept within 10^17 of the smallest
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

# 9,999,999,999,999 units at 9,999,999,999,999.00: about 10^26 in money.
test_expect_success 'an order line past int64: 1, nothing written' '
	biz-events >events.before &&
	expect_exit 1 crm-order create --customer 1 --line X:9999999999999:9999999999999 &&
	grep "^crm-order: an order too large: its total passes 10^17 of the smallest unit at line 1 (.X.)$" err &&
	test ! -s out &&
	biz-events >events.after &&
	test_cmp events.before events.after
'

# Two lines of 10^9 units at 500,000.00: each 5 * 10^14 in money, that
# is 5 * 10^16 cents; together 10^17 cents, the limit itself: taken,
# total 1,000,000,000,000,000.00.  With 10 % tax the total would be
# 1.1 * 10^17 cents: refused, at line 2 where it passes.
test_expect_success 'an order up to 10^17: taken; past it with tax: 1' '
	expect_exit 0 crm-order create --customer 1 --line X:1000000000:500000 --line X:1000000000:500000 &&
	jqe out 1 ".net == 1000000000000000 and .total == 1000000000000000" &&
	expect_exit 1 crm-order create --customer 1 --tax 10 --line X:1000000000:500000 --line X:1000000000:500000 &&
	grep "an order too large: .* at line 2 (.X.)$" err &&
	crm-order list >orders &&
	test "$(wc -l <orders)" -eq 1
'

# 9,999,999,999 units at 9,999,999.00 is 99,999,989,990,000,001 in money
# (about 10^19 cents): the old code printed a total of -0.02 for two.
test_expect_success 'a purchase past 10^17: 1, nothing written' '
	biz-events >events.before &&
	expect_exit 1 inv-purchase request --supplier SUP --line X:9999999999:9999999 --line X:9999999999:9999999 &&
	grep "^inv-purchase: a purchase too large: its total passes 10^17 of the smallest unit at line 1 (.X.)$" err &&
	expect_exit 1 inv-purchase request --supplier SUP --line X:9999999999999:9999999999999 &&
	biz-events >events.after &&
	test_cmp events.before events.after
'

# 10^9 units at 1,000,000.00: 10^15 in money, 10^17 cents: taken, and
# above the approval limit of 1,000.00, so its requester may not
# approve it.
test_expect_success 'a purchase of 10^17 is taken, and needs approval' '
	expect_exit 0 inv-purchase request --supplier SUP --line X:1000000000:1000000 &&
	jqe out 1 ".total == 1000000000000000" &&
	id=$(jq -r .id out) &&
	expect_exit 1 inv-purchase approve "$id" &&
	grep "above the approval limit" err
'

test_done
