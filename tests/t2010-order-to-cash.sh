#!/bin/sh
# Order to cash, one order from creation to payment: reservations, a
# partial shipment (FIFO and first-expiry lots), two invoices with tax,
# two payments and more, a return at the cost the goods left with.  The
# stock, its cost and the trial balance are worked out by hand after each
# step; biz-check stays green throughout.
. "$(dirname "$0")/lib.sh"

# tb: the non-zero balances as CSV; stock: quantities and value per item.
tb() {
	ledger-balance --where '.balance != 0' --jq '{account,balance}' \
		-f csv >tb.csv && test_cmp "$1" tb.csv
}
stock() {
	inv-stock --jq '{sku,on_hand,reserved,available,value}' -f csv \
		>stock.csv && test_cmp "$1" stock.csv
}

test_expect_success 'set up: a customer, bolts (FIFO), tea in two lots' '
	biz-init >/dev/null &&
	crm-customer add --name Acme --terms 30 >/dev/null &&
	inv-item add BOLT --name Bolt >/dev/null &&
	inv-item add TEA --name Tea --tracking lot >/dev/null &&
	inv-receive --wh MAIN --sku BOLT --qty 10 --cost 2.00 --ref R1 \
		>/dev/null &&
	inv-receive --wh MAIN --sku BOLT --qty 10 --cost 3.00 --ref R2 \
		>/dev/null &&
	inv-receive --wh MAIN --sku TEA --qty 5 --cost 4.00 --lot L2 \
		--expiry 2027-06-01 --ref R3 >/dev/null &&
	inv-receive --wh MAIN --sku TEA --qty 5 --cost 6.00 --lot L1 \
		--expiry 2027-01-01 --ref R4 >/dev/null &&
	check_ok
'

# Receipts: BOLT 10 x 2.00 + 10 x 3.00 = 50.00, TEA 5 x 4.00 + 5 x 6.00
# = 50.00; Inventory 100.00 / Accounts Payable 100.00.
cat >tb0.csv <<EOF
account,balance
1300,100.00
2000,-100.00
EOF

# BOLT 12 x 5.00 = 60.00, tax 8.25% = 4.95; TEA 6 x 9.99 = 59.94, tax
# 4.94505 -> 4.95 (half up); net 119.94, tax 9.90, total 129.84.
test_expect_success 'create: a draft with its net, tax and total' '
	crm-order create --customer 1 --line BOLT:12:5.00 \
		--line TEA:6:9.99 --tax 8.25 --ref SO-1 >out &&
	jqe out 1 ".id == 1 and .status == \"draft\" and .net == 119.94 and
		.tax == 9.9 and .total == 129.84 and .op == \"created\"" &&
	tb tb0.csv && check_ok
'

cat >stock1.csv <<EOF
sku,on_hand,reserved,available,value
BOLT,20,12,8,50.00
TEA,10,6,4,50.00
EOF
# TEA is reserved first expiry first: L1 (2027-01-01) 5, L2 1.
test_expect_success 'confirm reserves: available = on hand - reserved' '
	crm-order confirm 1 >out &&
	jqe out 1 ".status == \"confirmed\" and .lines[0].reserved == 12 and
		.lines[1].reserved == 6" &&
	stock stock1.csv && tb tb0.csv && check_ok &&
	inv-stock --lots --sku TEA \
		--jq "\"\(.lot) \(.reserved)\"" >lots &&
	printf "\"L1 5\"\n\"L2 1\"\n" >expect && test_cmp expect lots
'

# BOLT 8 by FIFO: 8 x 2.00 = 16.00; TEA 5 from L1: 5 x 6.00 = 30.00.
# COGS 46.00, Inventory 100 - 46 = 54.00 (BOLT 34, TEA 20).
cat >stock2.csv <<EOF
sku,on_hand,reserved,available,value
BOLT,12,4,8,34.00
TEA,5,1,4,20.00
EOF
cat >tb2.csv <<EOF
account,balance
1300,54.00
2000,-100.00
5000,46.00
EOF
test_expect_success 'a partial shipment by line posts COGS at FIFO cost' '
	crm-order ship 1 --line BOLT:8 --line TEA:5 >out &&
	jqe out 1 ".status == \"partially_shipped\" and
		.lines[0].status == \"partially_shipped\" and
		.lines[1].shipped == 5" &&
	stock stock2.csv && tb tb2.csv && check_ok
'

# Invoice 1: BOLT 8 x 5.00 = 40.00, tax 3.30; TEA 5 x 9.99 = 49.95, tax
# 4.120875 -> 4.12; net 89.95, tax 7.42, total 97.37, due 30 days on.
cat >tb3.csv <<EOF
account,balance
1100,97.37
1300,54.00
2000,-100.00
2200,-7.42
4000,-89.95
5000,46.00
EOF
test_expect_success 'invoice bills what is shipped: AR / Sales + Sales Tax' '
	crm-order invoice 1 >out &&
	jqe out 1 ".id == 1 and .net == 89.95 and .tax == 7.42 and
		.total == 97.37 and .due == \"2026-12-27\" and
		.balance == 97.37" &&
	tb tb3.csv && check_ok &&
	crm-customer show 1 >out &&
	jqe out 1 ".balance == 97.37 and .revenue == 89.95 and
		.last_purchase == \"2026-11-27\" and .orders[0].id == 1 and
		(.open_invoices | map(.id)) == [1]"
'

# The rest: BOLT 4 = 2 x 2.00 + 2 x 3.00 = 10.00; TEA 1 from L2 = 4.00.
# COGS 46 + 14 = 60; Inventory 54 - 14 = 40 (BOLT 8 x 3 = 24, TEA 16).
# Invoice 2: BOLT 4 x 5.00 = 20.00, tax 1.65; TEA 9.99, tax 0.824175 ->
# 0.82; net 29.99, tax 2.47, total 32.46.  AR 97.37 + 32.46 = 129.83
# (a cent under the order's 129.84: tax is rounded per invoice line).
cat >stock4.csv <<EOF
sku,on_hand,reserved,available,value
BOLT,8,0,8,24.00
TEA,4,0,4,16.00
EOF
cat >tb4.csv <<EOF
account,balance
1100,129.83
1300,40.00
2000,-100.00
2200,-9.89
4000,-119.94
5000,60.00
EOF
test_expect_success 'ship the rest, invoice it' '
	crm-order ship 1 >out && jqe out 1 ".status == \"shipped\"" &&
	crm-order invoice 1 >out &&
	jqe out 1 ".id == 2 and .total == 32.46" &&
	crm-order show 1 >out &&
	jqe out 1 ".status == \"invoiced\" and .invoiced == 129.83" &&
	stock stock4.csv && tb tb4.csv && check_ok
'

# 50.00 then 60.00: invoice 1 (97.37) is paid, 12.63 goes to invoice 2,
# which keeps 32.46 - 12.63 = 19.83.  Cash 110.00, AR 19.83.
cat >tb5.csv <<EOF
account,balance
1000,110.00
1100,19.83
1300,40.00
2000,-100.00
2200,-9.89
4000,-119.94
5000,60.00
EOF
test_expect_success 'two payments: Cash / AR, oldest invoice first' '
	crm-order pay 1 --amount 50.00 --ref PAY-1 >out &&
	jqe out 1 ".paid == 50 and .balance == 79.83" &&
	crm-order pay 1 --amount 60 --ref PAY-2 >out &&
	jqe out 1 ".paid == 110 and .balance == 19.83" &&
	tb tb5.csv && check_ok &&
	crm-order pay 1 --amount 60 --ref PAY-2 >out &&
	jqe out 1 ".op == \"unchanged\"" && tb tb5.csv
'

# BOLT 2 back from the newest shipment (4 units worth 10.00): 2 x 10 / 4
# = 5.00 back to stock and off COGS, not today's 3.00 a unit.  Credit: 2 x
# 5.00 = 10.00, tax 0.825 -> 0.83; 10.83 off invoice 2: AR 9.00.
cat >stock6.csv <<EOF
sku,on_hand,reserved,available,value
BOLT,10,0,10,29.00
TEA,4,0,4,16.00
EOF
cat >tb6.csv <<EOF
account,balance
1000,110.00
1100,9.00
1300,45.00
2000,-100.00
2200,-9.06
4000,-119.94
4100,10.00
5000,55.00
EOF
test_expect_success 'a return: goods at the cost they left with, a credit' '
	crm-order return 1 --line BOLT:2 --ref RET-1 >out &&
	jqe out 1 ".lines[0].returned == 2 and .credited == 10.83 and
		.balance == 9" &&
	stock stock6.csv && tb tb6.csv && check_ok &&
	crm-order return 1 --line BOLT:2 --ref RET-1 >out &&
	jqe out 1 ".op == \"unchanged\"" && tb tb6.csv
'

# Cash 110 + 9 = 119, AR 0; the trial balance sums to zero:
# 119 + 45 + 10 + 55 = 229 = 100 + 9.06 + 119.94.
cat >tb7.csv <<EOF
account,balance
1000,119.00
1300,45.00
2000,-100.00
2200,-9.06
4000,-119.94
4100,10.00
5000,55.00
EOF
test_expect_success 'the last payment: the order is paid' '
	crm-order pay 1 --amount 9 --date 2026-11-27 >out &&
	jqe out 1 ".status == \"paid\" and .balance == 0" &&
	tb tb7.csv && check_ok &&
	ledger-aging --ar >aging && test ! -s aging
'

# Revenue: 119.94 invoiced less 10.00 credited = 109.94; nothing open.
test_expect_success 'the customer 360 view: revenue, balance, orders' '
	crm-customer show 1 >out &&
	jqe out 1 ".revenue == 109.94 and .balance == 0 and
		.orders[0].status == \"paid\" and .open_invoices == []"
'

# snapshot: everything a refusal must leave alone.
snapshot() {
	{ biz-events; inv-stock --lots; ledger-balance;
	  crm-order list; } >"$1"
}

test_expect_success 'refusals write nothing (events, stock, books)' '
	snapshot before &&
	expect_exit 1 crm-order pay 1 --amount 0.01 &&
	grep -q "owes 0" err &&
	expect_exit 1 crm-order return 1 --line BOLT:11 &&
	grep -q "10 shipped and not returned" err &&
	expect_exit 1 crm-order invoice 1 &&
	expect_exit 1 crm-order ship 1 &&
	expect_exit 1 crm-order cancel 1 &&
	expect_exit 1 crm-order pay 1 --amount 1 --ref PAY-2 &&
	expect_exit 1 crm-order return 1 --line BOLT:1 --ref RET-1 &&
	expect_exit 65 crm-order return 1 --line TEAPOT:1 &&
	snapshot after && test_cmp before after
'

test_done
