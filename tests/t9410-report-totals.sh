#!/bin/sh
# Totals a report adds up (issue 15): each stored figure stays within
# 10^15 - 1 of its smallest unit (t9400), but a report adds many, and two
# can pass it.  Every such sum is checked: a report whose total would pass
# the limit (past which a JSON number no longer prints every digit) exits
# 65 naming where, and never prints a wrapped or rounded number.
. "$(dirname "$0")/lib.sh"

# The data: 11 items S01..S11, one receipt each of 10^9 units at 999.99,
# each on its own day, 2026-01-02 .. 2026-01-12 (entry n on 2026-01-01 +
# n days):
#   one receipt's value: 10^9 * 99,999 cents = 99,999,000,000,000 cents,
#     printed 999990000000;
#   10 of them: 999,990,000,000,000 cents, under the limit
#     (999,999,999,999,999), printed 9999900000000;
#   11 of them: 1,099,989,000,000,000 cents, over it.
# S11 is the row that passes.
test_expect_success 'set up: 11 receipts of 9.9999 * 10^13 cents' '
	biz-init >/dev/null &&
	i=1 &&
	while [ $i -le 11 ]; do
		sku=$(printf "S%02d" $i) &&
		inv-item add $sku --name "Item $i" >/dev/null &&
		inv-receive --wh MAIN --sku $sku --qty 1000000000 \
			--cost 999.99 \
			--date "$(date -u -d "2026-01-01 + $i days" +%F)" \
			>/dev/null || return 1
		i=$((i + 1))
	done
'

# 99,999,000,000,000 cents / 10^9 units = 99,999 cents = 999.99.
test_expect_success 'inv-stock: the unit cost of a large value' '
	expect_exit 0 inv-stock --sku S01 &&
	jqe out 1 ".value == 999990000000 and .unit_cost == 999.99"
'

test_expect_success 'inv-stock: a total of 10 values is right' '
	expect_exit 0 inv-stock --total --where ".sku != \"S11\"" &&
	test "$(wc -l <out)" -eq 11 &&
	jqe out 11 ".total and .value == 9999900000000" &&
	expect_exit 0 inv-stock -f table --where ".sku != \"S11\"" &&
	grep "^TOTAL .* 9999900000000.00$" out
'

test_expect_success 'inv-stock: a total past the limit: 65 naming the item' '
	expect_exit 65 inv-stock --total &&
	grep "^inv-stock: total value at .S11. in .MAIN.: the total passes 10^15 " err &&
	! grep "\"total\"" out &&
	expect_exit 65 inv-stock -f table &&
	grep "^inv-stock: total value at .S11. in .MAIN." err &&
	! grep TOTAL out &&
	expect_exit 65 inv-stock -f csv --total &&
	! grep TOTAL out
'

# A receipt without a purchase posts Inventory (1300) debit, Accounts
# Payable (2000) credit.  Entry n is the receipt of S_n: after entry 10 the
# balance of 1300 is 10 receipts, printed 9999900000000.
test_expect_success 'ledger-register: a running balance past the limit: 65' '
	expect_exit 65 ledger-register 1300 &&
	grep "^ledger-register: balance of .1300. at entry 11: the total passes" err &&
	test "$(wc -l <out)" -eq 10 &&
	jqe out 10 ".entry == 10 and .balance == 9999900000000" &&
	! grep "\"balance\":-" out &&
	expect_exit 0 ledger-register 1300 --to 2026-01-11 &&
	jqe out 10 ".balance == 9999900000000"
'

# --from 2026-01-12, the day of entry 11: the opening balance is the 10
# days before (9999900000000), and entry 11 takes it past the limit.
test_expect_success 'ledger-register: from an opening balance, past the limit: 65' '
	expect_exit 65 ledger-register 1300 --from 2026-01-12 &&
	grep "^ledger-register: balance of .1300. at entry 11: the total passes 10^15" err &&
	test ! -s out
'

test_expect_success 'ledger-balance: an account past the limit: 65 naming it' '
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

test_expect_success 'ledger-balance: up to 10 receipts it adds up' '
	expect_exit 0 ledger-balance --to 2026-01-11 &&
	grep "\"account\":\"1300\".*\"debit\":9999900000000,\"credit\":0,\"balance\":9999900000000" out &&
	grep "\"account\":\"2000\".*\"debit\":0,\"credit\":9999900000000,\"balance\":-9999900000000" out
'

# biz-check adds the whole database up in 128 bits: 11 balances make
# 1,099,989,000,000,000 cents of stock, on Inventory too, and Accounts
# Payable holds the same as a credit; printed exactly (10999890000000 in
# money).
test_expect_success 'biz-check: totals past the limit are checked, and agree' '
	expect_exit 0 biz-check &&
	! grep "\"ok\":false" out &&
	grep "^{\"check\":\"cost_layers\",\"ok\":true,\"stock_value\":10999890000000,\"layer_value\":10999890000000," out &&
	grep "^{\"check\":\"inventory_account\",\"ok\":true,\"account\":\"1300\",\"account_balance\":10999890000000,\"stock_value\":10999890000000}$" out &&
	grep "^{\"check\":\"payables\",\"ok\":true,\"account\":\"2000\",\"account_balance\":-10999890000000," out
'

# A receipt of 0.01 on 2026-01-13: --from that day opens with all 11
# receipts (1,099,989,000,000,000 cents), already past the limit.
test_expect_success 'ledger-register: an opening balance past the limit: 65' '
	inv-receive --wh MAIN --sku S01 --qty 1 --cost 0.01 --date 2026-01-13 \
		>/dev/null &&
	expect_exit 65 ledger-register 1300 --from 2026-01-13 &&
	grep "the total passes 10^15" err &&
	test ! -s out
'

test_done
