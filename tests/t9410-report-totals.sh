#!/bin/sh
# Totals a report adds up (issue 15): each stored figure stays within
# 10^17 of its smallest unit (t9400), but a report adds many, and 93 of
# them pass int64.  Every such sum is checked: a report whose total would
# pass int64 exits 65 naming where, and never prints a wrapped number.
. "$(dirname "$0")/lib.sh"

# The data: 93 items, one receipt each of 10^12 units at 999.99, each on
# its own day (an account's day total is held within 10^17 too).
#   one receipt's value: 10^12 * 99,999 cents = 99,999,000,000,000,000
#     cents (9.9999 * 10^16, under 10^17), printed 999990000000000;
#   92 of them: 9,199,908,000,000,000,000 cents, under INT64_MAX
#     (9,223,372,036,854,775,807), printed 91999080000000000;
#   93 of them: 9,299,907,000,000,000,000 cents, over INT64_MAX.
# Items sort as text: S1, S10 ... S19, S2, ... S9, S90 ... S93, so S93
# is the row that passes.
test_expect_success 'set up: 93 receipts of 9.9999 * 10^16 cents' '
	biz-init >/dev/null &&
	i=1 &&
	while [ $i -le 93 ]; do
		inv-item add S$i --name "Item $i" >/dev/null &&
		inv-receive --wh MAIN --sku S$i --qty 1000000000000 \
			--cost 999.99 \
			--date "$(date -u -d "2026-01-01 + $i days" +%F)" \
			>/dev/null || return 1
		i=$((i + 1))
	done
'

# 99,999,000,000,000,000 cents / 10^12 units = 99,999 cents = 999.99;
# the old code multiplied the value by 100 first and wrapped: -844.6844.
test_expect_success 'inv-stock: the unit cost of a value near 10^17' '
	expect_exit 0 inv-stock --sku S1 &&
	jqe out 1 ".value == 999990000000000 and .unit_cost == 999.99"
'

test_expect_success 'inv-stock: a total of 92 values is right' '
	expect_exit 0 inv-stock --total --where ".sku != \"S93\"" &&
	test "$(wc -l <out)" -eq 93 &&
	jqe out 93 ".total and .value == 91999080000000000" &&
	expect_exit 0 inv-stock -f table --where ".sku != \"S93\"" &&
	grep "^TOTAL .* 91999080000000000.00$" out
'

test_expect_success 'inv-stock: a total past int64: 65 naming the item' '
	expect_exit 65 inv-stock --total &&
	grep "^inv-stock: total value at .S93. in .MAIN.: the total passes 9223372036854775807 " err &&
	! grep "\"total\"" out &&
	expect_exit 65 inv-stock -f table &&
	grep "^inv-stock: total value at .S93. in .MAIN." err &&
	! grep TOTAL out &&
	expect_exit 65 inv-stock -f csv --total &&
	! grep TOTAL out
'

# A receipt without a purchase posts Inventory (1300) debit, Accounts
# Payable (2000) credit.  Entry n is the receipt of S_n: after entry 92 the
# balance of 1300 is 92 receipts, printed 91999080000000000.
test_expect_success 'ledger-register: a running balance past int64: 65' '
	expect_exit 65 ledger-register 1300 &&
	grep "^ledger-register: balance of .1300. at entry 93: the total passes" err &&
	test "$(wc -l <out)" -eq 92 &&
	jqe out 92 ".entry == 92 and .balance == 91999080000000000" &&
	! grep "\"balance\":-" out &&
	expect_exit 0 ledger-register 1300 --to 2026-04-03 &&
	jqe out 92 ".balance == 91999080000000000"
'

# --from 2026-04-05: the opening balance is the sum of all 93 days,
# which SQLite refuses to add: 65, not 70.
test_expect_success 'ledger-register: an opening balance past int64: 65' '
	expect_exit 65 ledger-register 1300 --from 2026-04-05 &&
	grep "the total passes 9223372036854775807" err &&
	test ! -s out
'

test_expect_success 'ledger-balance: an account past int64: 65 naming it' '
	for type in trial bs; do
		expect_exit 65 ledger-balance --type $type &&
		grep "^ledger-balance: balance of .1300.: the total passes" err &&
		! grep "\"balance\":-9" out || return 1
	done &&
	expect_exit 65 ledger-balance --type bs --monthly &&
	grep "balance of .1300." err &&
	expect_exit 65 ledger-balance --monthly &&
	grep "balance of .1300." err
'

# The profit and loss shows neither 1300 nor 2000: it works.
test_expect_success 'ledger-balance: a report without that account works' '
	expect_exit 0 ledger-balance --type pl
'

test_expect_success 'ledger-balance: up to 92 receipts it adds up' '
	expect_exit 0 ledger-balance --to 2026-04-03 &&
	grep "\"account\":\"1300\".*\"debit\":91999080000000000,\"credit\":0,\"balance\":91999080000000000" out &&
	grep "\"account\":\"2000\".*\"debit\":0,\"credit\":91999080000000000,\"balance\":-91999080000000000" out
'

# biz-check adds the whole database up in 128 bits: 93 balances make
# 9,299,907,000,000,000,000 cents of stock, on Inventory too, and
# Accounts Payable holds the same as a credit; printed exactly
# (92999070000000000 in money).  SQL's sum() failed there (70, then 65).
test_expect_success 'biz-check: totals past int64 are checked, and agree' '
	expect_exit 0 biz-check &&
	! grep "\"ok\":false" out &&
	grep "^{\"check\":\"cost_layers\",\"ok\":true,\"stock_value\":92999070000000000,\"layer_value\":92999070000000000," out &&
	grep "^{\"check\":\"inventory_account\",\"ok\":true,\"account\":\"1300\",\"account_balance\":92999070000000000,\"stock_value\":92999070000000000}$" out &&
	grep "^{\"check\":\"payables\",\"ok\":true,\"account\":\"2000\",\"account_balance\":-92999070000000000," out
'

test_done
