#!/bin/sh
# ledger-aging --ap: open bills per supplier by days past due at
# $BIZ_NOW or --as-of; the total equals the Accounts Payable balance.
. "$(dirname "$0")/lib.sh"

# buy SUPPLIER DATE QTY: a purchase of QTY BOLT at 10.00, received and
# billed in full on DATE.
buy() {
	inv-purchase request --supplier "$1" --line "BOLT:$3:10" --date "$2" \
		>p.json &&
	id=$(jq -r .id p.json) &&
	inv-purchase approve "$id" >/dev/null &&
	inv-purchase order "$id" >/dev/null &&
	inv-purchase receive "$id" --date "$2" >/dev/null &&
	inv-purchase bill "$id" --amount "$(($3 * 10))" --date "$2" >/dev/null
}

# Bills: ACME (terms 30) 100.00 on 11-20, due 12-20; ACME 50.00 on
# 09-01, due 10-01, 20.00 paid on 11-01; BETA (terms 10) 40.00 on 08-01,
# due 08-11.
test_expect_success 'set up' '
	biz-init >/dev/null &&
	inv-supplier add ACME --name Acme --terms 30 >/dev/null &&
	inv-supplier add BETA --name Beta --terms 10 >/dev/null &&
	inv-item add BOLT --name Bolt >/dev/null &&
	buy ACME 2026-11-20 10 && buy ACME 2026-09-01 5 &&
	buy BETA 2026-08-01 4 &&
	inv-purchase pay 2 --amount 20 --date 2026-11-01 >/dev/null
'

# At 2026-11-27: 12-20 not due; 10-01 is 30 + 27 = 57 days past (31-60),
# open 50 - 20 = 30; 08-11 is 20 + 30 + 31 + 27 = 108 days (90+).
test_expect_success 'aging at BIZ_NOW' '
	ledger-aging --ap >out &&
	test "$(wc -l <out)" -eq 2 &&
	jqe out 1 ".party == \"ACME\" and .name == \"Acme\" and
		.not_due == 100 and .d1_30 == 0 and .d31_60 == 30 and
		.d61_90 == 0 and .d90_plus == 0 and .total == 130" &&
	jqe out 2 ".party == \"BETA\" and .d90_plus == 40 and .total == 40"
'

# 100 + 50 + 40 billed, 20 paid: Accounts Payable -170.
test_expect_success 'the total equals the Accounts Payable balance' '
	ledger-balance --where ".account == \"2000\"" --jq .balance >ap &&
	test "$(cat ap)" = -170 &&
	test "$(jq -s "map(.total) | add" out)" = 170 &&
	check_ok
'

# At 2026-10-15 the 11-20 bill is not there yet, nor the 11-01 payment:
# 10-01 is 14 days past (1-30), open 50; 08-11 is 20 + 30 + 15 = 65 (61-90).
test_expect_success '--as-of counts bills and payments up to that date' '
	ledger-aging --ap --as-of 2026-10-15 >out &&
	jqe out 1 ".not_due == 0 and .d1_30 == 50 and .total == 50" &&
	jqe out 2 ".d61_90 == 40 and .total == 40"
'

# At 2026-12-31: 12-20 is 11 days (1-30); 10-01 is 30 + 30 + 31 = 91
# (90+); 08-11 is 20 + 30 + 31 + 30 + 31 = 142 (90+).
test_expect_success 'a later BIZ_NOW moves the bills along' '
	BIZ_NOW=2026-12-31T08:00:00Z ledger-aging --ap >out &&
	jqe out 1 ".d1_30 == 100 and .d90_plus == 30 and .total == 130"
'

test_expect_success '--detail: one record per open bill' '
	ledger-aging --ap --detail >out &&
	test "$(wc -l <out)" -eq 3 &&
	jqe out 1 ".party == \"ACME\" and .due == \"2026-10-01\" and
		.days_past_due == 57 and .d31_60 == 30" &&
	jqe out 2 ".due == \"2026-12-20\" and .days_past_due == 0 and
		.not_due == 100" &&
	jqe out 3 ".party == \"BETA\" and .days_past_due == 108"
'

test_expect_success 'the table ends with a total row' '
	ledger-aging --ap -f table >out &&
	tail -n 1 out | grep -q "TOTAL.*170"
'

test_expect_success 'paid in full, a bill leaves the report' '
	inv-purchase pay 3 --amount 40 >/dev/null &&
	ledger-aging --ap >out && test "$(wc -l <out)" -eq 1 &&
	check_ok
'

test_expect_success 'usage errors' '
	expect_exit 64 ledger-aging &&
	expect_exit 64 ledger-aging --ap --as-of soon
'

test_done
