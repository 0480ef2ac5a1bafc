#!/bin/sh
# crm-customer show: the 360-degree view of a customer with a bit of
# everything (a lead converted into it, a deal, an order shipped,
# invoiced and partly paid, a ticket closed with a csat, an activity),
# and of one with nothing yet (empty lists).
. "$(dirname "$0")/lib.sh"

test_expect_success 'set up: a lead converted, an order to cash, a ticket' '
	biz-init >/dev/null &&
	crm-rep add ann --name Ann >/dev/null &&
	crm-lead add --name "Eve Ng" --company Teahouse --email eve@tea.example \
		--source fair >/dev/null &&
	crm-lead convert 1 --amount 500 >out &&
	jqe out 1 ".customer.id == 1 and .deal.id == 1" &&
	crm-customer set 1 --industry retail --region EU --set vip=yes >/dev/null &&
	crm-customer tag 1 gold >/dev/null &&
	crm-customer add --name Quiet >/dev/null &&
	inv-item add CUP --name Cup >/dev/null &&
	inv-receive --wh MAIN --sku CUP --qty 10 --cost 2.00 >/dev/null &&
	BIZ_NOW=2026-11-20T09:00:00Z crm-order create --customer 1 \
		--line CUP:4:12.50 --tax 10 >/dev/null &&
	crm-order confirm 1 >/dev/null &&
	BIZ_NOW=2026-11-21T09:00:00Z crm-order ship 1 >/dev/null &&
	BIZ_NOW=2026-11-22T09:00:00Z crm-order invoice 1 >/dev/null &&
	BIZ_NOW=2026-11-23T09:00:00Z crm-order pay 1 --amount 20 >/dev/null &&
	BIZ_NOW=2026-11-24T09:00:00Z crm-order return 1 --line CUP:1 >/dev/null &&
	crm-log add --kind call --rep ann --customer 1 --outcome ok \
		--at 2026-11-25T10:00:00Z >/dev/null &&
	BIZ_NOW=2026-11-26T08:00:00Z crm-ticket open --customer 1 \
		--subject "Chipped cup" --priority high --channel email >/dev/null &&
	BIZ_NOW=2026-11-26T09:30:00Z crm-ticket reply 1 >/dev/null &&
	BIZ_NOW=2026-11-26T12:00:00Z crm-ticket close 1 --csat 4 >/dev/null &&
	crm-ticket open --customer 1 --subject "Invoice copy" >/dev/null
'

# The money, by hand: 4 cups at 12.50 = 50.00 net, tax 10% = 5.00,
# invoice total 55.00.  One cup back: credit net 12.50 + tax 1.25 =
# 13.75.  Revenue = 50.00 - 12.50 = 37.50.  Paid 20.00: balance due =
# 55.00 - 20.00 - 13.75 = 21.25.  Tickets: one open (the second), one
# csat answered (4), so avg_csat 4.
test_expect_success 'show: profile, custom fields, tags and the figures' '
	crm-customer show 1 >out &&
	jqe out 1 ".id == 1 and .name == \"Teahouse\" and .industry == \"retail\"
		and .region == \"EU\" and .vip == \"yes\" and .tags == [\"gold\"]
		and .revenue == 37.5 and .balance == 21.25
		and .last_purchase == \"2026-11-20\"
		and .open_tickets == 1 and .avg_csat == 4 and .csat_answered == 1"
'

test_expect_success 'show: the lead, the deal with its stage, orders and shipments' '
	jqe out 1 "(.leads | length) == 1 and .leads[0].id == 1
		and .leads[0].deal == 1 and .leads[0].email == \"eve@tea.example\"" &&
	jqe out 1 "(.deals | length) == 1 and .deals[0].stage == \"new\"
		and .deals[0].amount == 500" &&
	jqe out 1 "(.orders | length) == 1 and .orders[0].id == 1" &&
	jqe out 1 "(.shipments | length) == 1 and .shipments[0].order == 1
		and .shipments[0].sku == \"CUP\" and .shipments[0].qty == 4
		and .shipments[0].returned == 1
		and .shipments[0].date == \"2026-11-21\""
'

test_expect_success 'show: the open invoice, tickets newest first, activities' '
	jqe out 1 "(.open_invoices | length) == 1 and .open_invoices[0].total == 55
		and .open_invoices[0].balance == 21.25" &&
	jqe out 1 "[.tickets[] | [.id, .status, .csat]] == [[2, \"open\", null], [1, \"closed\", 4]]" &&
	jqe out 1 ".tickets[1].first_response_at == \"2026-11-26T09:30:00Z\"" &&
	jqe out 1 "(.activities | length) == 1 and .activities[0].kind == \"call\""
'

test_expect_success 'a customer with nothing yet: empty lists, zero figures' '
	crm-customer show 2 >out &&
	jqe out 1 ".revenue == 0 and .balance == 0 and .last_purchase == null
		and .open_tickets == 0 and .avg_csat == null and .csat_answered == 0
		and .leads == [] and .deals == [] and .orders == []
		and .shipments == [] and .open_invoices == [] and .tickets == []
		and .activities == []"
'

test_expect_success 'table: a readable block, one row per field and list element' '
	crm-customer show 1 -f table >out &&
	grep -q "^name  *Teahouse" out &&
	grep -q "^tickets\[1\]  .*status=closed" out &&
	grep -q "^deals\[0\]  .*stage=new" out
'

test_expect_success 'a missing customer is 65; a bad id is 64' '
	expect_exit 65 crm-customer show 9 &&
	grep -q "no such customer 9" err &&
	expect_exit 64 crm-customer show x
'

test_done
