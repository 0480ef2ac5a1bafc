#!/bin/sh
# ledger-aging's sums per customer (issue 15): each invoice stays within
# 10^17 of the smallest unit, but one customer's open invoices add up
# past int64.  The report exits 65 naming the customer, never a wrapped
# (negative) total.
. "$(dirname "$0")/lib.sh"

# Day i (2026-01-02 + i - 1, i = 1..93): receive 10^9 of X at cost 0 (no
# inventory value, so no account's day total nears its limit), sell it
# at 999,990.00 and invoice it, due 30 days later:
#   one invoice: 10^9 * 999,990.00 = 9.9999 * 10^14 in money, that is
#     99,999,000,000,000,000 cents (under 10^17), printed 999990000000000;
#   92 invoices: 9,199,908,000,000,000,000 cents, under INT64_MAX
#     (9,223,372,036,854,775,807), printed 91999080000000000;
#   93 invoices: 9,299,907,000,000,000,000 cents, over INT64_MAX.
test_expect_success 'set up: 93 invoices of 9.9999 * 10^16 cents' '
	biz-init >/dev/null &&
	crm-customer add --name Big >/dev/null &&
	inv-item add X --name X >/dev/null &&
	i=1 &&
	while [ $i -le 93 ]; do
		BIZ_NOW="$(date -u -d "2026-01-01 + $i days" +%F)T08:00:00Z" &&
		export BIZ_NOW &&
		inv-receive --wh MAIN --sku X --qty 1000000000 --cost 0 \
			>/dev/null &&
		crm-order create --customer 1 --line X:1000000000:999990 \
			>/dev/null &&
		crm-order confirm $i >/dev/null &&
		crm-order ship $i >/dev/null &&
		crm-order invoice $i >/dev/null || return 1
		i=$((i + 1))
	done
'

test_expect_success 'ledger-aging: open invoices past int64: 65 naming the customer' '
	expect_exit 65 ledger-aging --ar &&
	grep "^ledger-aging: open amount of .1.: the total passes 9223372036854775807 " err &&
	test ! -s out
'

# As of 2026-04-03, the 92 invoices of 2026-01-02 .. 2026-04-03, each due
# 30 days after its date, in money (each 999,990,000,000,000.00):
#   not due (due 04-03 or later: dated 03-04 .. 04-03): 31 invoices,
#     30,999,690,000,000,000.00;
#   1-30 days (dated 02-02 .. 03-03): 30, 29,999,700,000,000,000.00;
#   31-60 days (dated 01-03 .. 02-01): 30, 29,999,700,000,000,000.00;
#   61-90 days (dated 01-02): 1, 999,990,000,000,000.00;
#   total 92: 91,999,080,000,000,000.00.
test_expect_success 'ledger-aging: 92 invoices add up' '
	expect_exit 0 ledger-aging --ar --as-of 2026-04-03 &&
	jqe out 1 ".party == \"1\" and .not_due == 30999690000000000 and .d1_30 == 29999700000000000 and .d31_60 == 29999700000000000 and .d61_90 == 999990000000000 and .d90_plus == 0 and .total == 91999080000000000"
'

# 93 invoices: 9,299,907,000,000,000,000 cents open, on Accounts
# Receivable too: biz-check adds them up in 128 bits and they agree.
test_expect_success 'biz-check: receivables past int64 agree' '
	expect_exit 0 biz-check &&
	! grep "\"ok\":false" out &&
	grep "^{\"check\":\"receivables\",\"ok\":true,\"account\":\"1100\",\"account_balance\":92999070000000000,\"open_invoices\":92999070000000000}$" out
'

test_done
