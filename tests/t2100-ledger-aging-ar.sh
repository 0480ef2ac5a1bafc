#!/bin/sh
# ledger-aging --ar: open invoices per customer by days past due, at
# $BIZ_NOW and at --as-of; the total equals the Accounts Receivable
# balance at that date.  Customer 1 has 30 days' terms (the default
# sales.terms_days), customer 2 its own 10 days.
. "$(dirname "$0")/lib.sh"

# invoice CUSTOMER QTY DATE: an order of QTY widgets at 10.00, shipped
# and invoiced on DATE.
invoice() {
	crm-order create --customer "$1" --line "W:$2:10.00" >o.out &&
	id=$(field o.out 1 id) &&
	crm-order confirm "$id" >/dev/null &&
	crm-order ship "$id" --date "$3" >/dev/null &&
	crm-order invoice "$id" --date "$3" >/dev/null
}

test_expect_success 'set up: five invoices' '
	biz-init >/dev/null &&
	crm-customer add --name Acme >/dev/null &&
	crm-customer add --name Brix --terms 10 >/dev/null &&
	inv-item add W --name Widget >/dev/null &&
	inv-receive --wh MAIN --sku W --qty 100 --cost 1 \
		--date 2026-06-01 >/dev/null &&
	invoice 1 1 2026-07-01 && invoice 1 2 2026-08-20 &&
	invoice 1 3 2026-10-01 && invoice 2 4 2026-09-20 &&
	invoice 2 5 2026-11-20 &&
	crm-order pay 4 --amount 5.00 --date 2026-10-15 >/dev/null &&
	check_ok
'

# At 2026-11-27 (BIZ_NOW):
#  customer 1: 10.00 due 07-31, 119 days past (Aug 31 + Sep 30 + Oct 31
#   + Nov 27) -> d90_plus; 20.00 due 09-19, 69 days (11 + 31 + 27) ->
#   d61_90; 30.00 due 10-31, 27 days -> d1_30; total 60.00.
#  customer 2: 40.00 - 5.00 paid = 35.00 due 09-30, 58 days (31 + 27) ->
#   d31_60; 50.00 due 11-30 -> not_due; total 85.00.
#  AR: 10 + 20 + 30 + 40 + 50 - 5 = 145.00.
cat >expect <<EOF
party,name,not_due,d1_30,d31_60,d61_90,d90_plus,total
1,Acme,0.00,30.00,0.00,20.00,10.00,60.00
2,Brix,50.00,0.00,35.00,0.00,0.00,85.00
EOF
test_expect_success 'buckets at BIZ_NOW; the total is the AR balance' '
	ledger-aging --ar -f csv >out && test_cmp expect out &&
	ledger-aging --ar --jq .total >totals &&
	ledger-balance --where ".account == \"1100\"" --jq .balance >ar &&
	test "$(cat ar)" = 145 &&
	test "$(awk "{ s += \$1 } END { print s }" totals)" = 145
'

# At 2026-10-10: invoices up to then, the payment of 10-15 not yet:
#  customer 1: 10.00 due 07-31, 71 days (31 + 30 + 10) -> d61_90;
#   20.00 due 09-19, 21 days (11 + 10) -> d1_30; 30.00 due 10-31 ->
#   not_due; total 60.00.
#  customer 2: 40.00 due 09-30, 10 days -> d1_30.
#  AR at 10-10: 10 + 20 + 30 + 40 = 100.00.
cat >expect2 <<EOF
party,name,not_due,d1_30,d31_60,d61_90,d90_plus,total
1,Acme,30.00,20.00,0.00,10.00,0.00,60.00
2,Brix,0.00,40.00,0.00,0.00,0.00,40.00
EOF
test_expect_success '--as-of: buckets and payments as they were' '
	ledger-aging --ar --as-of 2026-10-10 -f csv >out &&
	test_cmp expect2 out &&
	ledger-balance --as-of 2026-10-10 \
		--where ".account == \"1100\"" --jq .balance >ar &&
	test "$(cat ar)" = 100
'

test_expect_success '--detail: one record per open invoice' '
	ledger-aging --ar --detail >out && test $(wc -l <out) -eq 5 &&
	jqe out 1 ".party == \"1\" and .doc == 1 and .days_past_due == 119
		and .d90_plus == 10" &&
	jqe out 4 ".doc == 4 and .d31_60 == 35 and .days_past_due == 58"
'

# Customer 2 pays its 50.00 invoice (order 5), then returns 1 widget:
# a credit of 10.00 on a paid invoice is -10.00 open, not due.  AR:
# 145 - 50 - 10 = 85.00; customer 2: 35 (d31_60) - 10 (not_due) = 25.
cat >expect3 <<EOF
party,name,not_due,d1_30,d31_60,d61_90,d90_plus,total
1,Acme,0.00,30.00,0.00,20.00,10.00,60.00
2,Brix,-10.00,0.00,35.00,0.00,0.00,25.00
EOF
test_expect_success 'a credit after payment ages as a negative amount' '
	crm-order pay 5 --amount 50 >/dev/null &&
	crm-order return 5 --line W:1 >/dev/null &&
	ledger-aging --ar -f csv >out && test_cmp expect3 out &&
	ledger-balance --where ".account == \"1100\"" --jq .balance >ar &&
	test "$(cat ar)" = 85 && check_ok
'

test_expect_success 'usage: one of --ar or --ap, a real date' '
	expect_exit 64 ledger-aging &&
	expect_exit 64 ledger-aging --ar --ap &&
	expect_exit 64 ledger-aging --ar --as-of 2026-02-30
'

test_done
