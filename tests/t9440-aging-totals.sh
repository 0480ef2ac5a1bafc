#!/bin/sh
# ledger-aging's sums per customer (issue 15): each invoice stays within
# 10^15 - 1 of the smallest unit, but one customer's open invoices add up
# past it.  The report exits 65 naming the customer, never a wrapped or
# rounded total.
. "$(dirname "$0")/lib.sh"

# Invoice i (i = 1..11) is dated 2026-01-01 + 10 i days (01-11, 01-21,
# 01-31, 02-10, 02-20, 03-02, 03-12, 03-22, 04-01, 04-11, 04-21), due 30
# days later: receive 10^6 of X at cost 0 (no inventory value), sell it at
# 999,990.00 and invoice it:
#   one invoice: 10^6 * 999,990.00 = 999,990,000,000.00 in money, that is
#     99,999,000,000,000 cents, printed 999990000000;
#   10 invoices: 999,990,000,000,000 cents, under the limit
#     (999,999,999,999,999), printed 9999900000000;
#   11 invoices: 1,099,989,000,000,000 cents, over it.
test_expect_success 'set up: 11 invoices of 9.9999 * 10^13 cents' '
	biz-init >/dev/null &&
	crm-customer add --name Big >/dev/null &&
	inv-item add X --name X >/dev/null &&
	i=1 &&
	while [ $i -le 11 ]; do
		BIZ_NOW="$(date -u -d "2026-01-01 + $((10 * i)) days" +%F)T08:00:00Z" &&
		export BIZ_NOW &&
		inv-receive --wh MAIN --sku X --qty 1000000 --cost 0 \
			>/dev/null &&
		crm-order create --customer 1 --line X:1000000:999990 \
			>/dev/null &&
		crm-order confirm $i >/dev/null &&
		crm-order ship $i >/dev/null &&
		crm-order invoice $i >/dev/null || return 1
		i=$((i + 1))
	done
'

test_expect_success 'ledger-aging: open invoices past the limit: 65 naming the customer' '
	expect_exit 65 ledger-aging --ar &&
	grep "^ledger-aging: open amount of .1.: the total passes 10^15 " err &&
	test ! -s out
'

# As of 2026-04-11, invoices 1..10 (the 11th is dated 04-21), due 30 days
# after their dates (02-10, 02-20, 03-02, 03-12, 03-22, 04-01, 04-11,
# 04-21, 05-01, 05-11); days past due on 04-11 (February has 28 days):
#   60, 50, 40: 31-60 days, 3 invoices, 2,999,970,000,000.00;
#   30, 20, 10: 1-30 days, 3 invoices, 2,999,970,000,000.00;
#   due 04-11 or later: not due, 4 invoices, 3,999,960,000,000.00;
#   total 10: 9,999,900,000,000.00.
test_expect_success 'ledger-aging: 10 invoices add up' '
	expect_exit 0 ledger-aging --ar --as-of 2026-04-11 &&
	jqe out 1 ".party == \"1\" and .not_due == 3999960000000 and .d1_30 == 2999970000000 and .d31_60 == 2999970000000 and .d61_90 == 0 and .d90_plus == 0 and .total == 9999900000000"
'

# 11 invoices: 1,099,989,000,000,000 cents open, on Accounts Receivable
# too: biz-check adds them up in 128 bits and they agree.
test_expect_success 'biz-check: receivables past the limit agree' '
	expect_exit 0 biz-check &&
	! grep "\"ok\":false" out &&
	grep "^{\"check\":\"receivables\",\"ok\":true,\"account\":\"1100\",\"account_balance\":10999890000000,\"open_invoices\":10999890000000}$" out
'

test_done
