#!/bin/sh
# inv-purchase: procure to pay with the stock, GRNI, Accounts Payable,
# price variance and trial balance worked out by hand at each step; the
# refusals (approval by the requester, receiving more than ordered,
# billing a cancelled purchase, bad quantities, unknown supplier) write
# nothing.
. "$(dirname "$0")/lib.sh"

# balance ACCOUNT: its balance (debit - credit) now.
balance() {
	ledger-balance --where ".account == \"$1\"" --jq .balance
}

# books INVENTORY GRNI AP PPV CASH: the five balances, and biz-check green.
books() {
	biz-check >check.out && ! grep -q '"ok":false' check.out &&
	test "$(balance 1300)" = "$1" && test "$(balance 2100)" = "$2" &&
	test "$(balance 2000)" = "$3" && test "$(balance 5200)" = "$4" &&
	test "$(balance 1000)" = "$5"
}

# stock SKU FIELD: the field of SKU's stock record in MAIN.
stock() {
	inv-stock --sku "$1" --jq ".$2"
}

test_expect_success 'set up' '
	biz-init >/dev/null &&
	inv-supplier add ACME --name "Acme Fasteners" --terms 30 >/dev/null &&
	inv-item add BOLT --name Bolt --supplier ACME >/dev/null &&
	inv-item add NUT --name Nut --supplier ACME >/dev/null &&
	biz-config set purchase.approval_limit 100 >/dev/null &&
	books 0 0 0 0 0
'

# 100 x 2.50 = 250.00 and 50 x 0.40 = 20.00: total 270.00.
test_expect_success 'a request records its lines, total and requester' '
	inv-purchase request --supplier ACME --line BOLT:100:2.50 \
		--line NUT:50:0.40 --ref PO-1 --actor ann >out &&
	jqe out 1 ".op == \"created\" and .id == 1 and
		.status == \"requested\" and .total == 270 and
		.requested_by == \"ann\" and .wh == \"MAIN\" and
		(.lines | length) == 2 and .lines[0].qty == 100 and
		.lines[0].price == 2.5 and .lines[1].status == \"open\""
'

test_expect_success 'the same request again (same ref) is unchanged' '
	inv-purchase request --supplier ACME --line BOLT:100:2.50 \
		--line NUT:50:0.40 --ref PO-1 --actor ann >out &&
	jqe out 1 ".op == \"unchanged\" and .id == 1" &&
	expect_exit 1 inv-purchase request --supplier ACME \
		--line BOLT:99:2.50 --ref PO-1
'

# 270.00 is above the limit of 100.00: ann asked for it.
test_expect_success 'the requester cannot approve above the limit' '
	expect_exit 1 inv-purchase approve 1 --actor ann &&
	grep -q "approval limit" err &&
	inv-purchase show 1 >out &&
	jqe out 1 ".status == \"requested\" and .approved_by == null" &&
	biz-events --kind purchase.approved >ev && test ! -s ev
'

test_expect_success 'ordering before approval is refused' '
	expect_exit 1 inv-purchase order 1
'

test_expect_success 'another actor approves; ordering counts on_order' '
	inv-purchase approve 1 --actor bob >out &&
	jqe out 1 ".status == \"approved\" and .approved_by == \"bob\"" &&
	inv-purchase order 1 >out && jqe out 1 ".status == \"ordered\"" &&
	inv-purchase order 1 >out && jqe out 1 ".op == \"unchanged\"" &&
	books 0 0 0 0 0
'

# 40 x 2.50 = 100.00: Inventory 100, GRNI -100; 60 still on order.
test_expect_success 'a partial receipt posts Inventory / GRNI' '
	inv-purchase receive 1 --line BOLT:40 --ref GR-1 >out &&
	jqe out 1 ".status == \"partial\" and .lines[0].received == 40 and
		.lines[0].status == \"partial\" and .received_value == 100" &&
	test "$(stock BOLT on_hand)" = 40 &&
	test "$(stock BOLT value)" = 100 &&
	test "$(stock BOLT on_order)" = 60 &&
	books 100 -100 0 0 0
'

test_expect_success 'the same receipt ref again is unchanged' '
	inv-purchase receive 1 --line BOLT:40 --ref GR-1 >out &&
	jqe out 1 ".op == \"unchanged\"" &&
	test "$(stock BOLT on_hand)" = 40 && books 100 -100 0 0 0
'

test_expect_success 'receiving more than ordered is refused, nothing written' '
	expect_exit 1 inv-purchase receive 1 --line BOLT:70 &&
	grep -q "only 60 left" err &&
	test "$(stock BOLT on_hand)" = 40 && books 100 -100 0 0 0
'

test_expect_success 'zero and negative quantities are bad data' '
	expect_exit 65 inv-purchase receive 1 --line BOLT:0 &&
	expect_exit 65 inv-purchase receive 1 --line BOLT:-5 &&
	books 100 -100 0 0 0
'

# The rest: 60 x 2.50 = 150.00 and 50 x 0.40 = 20.00; Inventory
# 100 + 170 = 270, GRNI -270.
test_expect_success 'receive the rest' '
	inv-purchase receive 1 >out &&
	jqe out 1 ".status == \"received\" and .received_value == 270" &&
	test "$(stock BOLT on_hand)" = 100 && test "$(stock NUT value)" = 20 &&
	test "$(stock BOLT on_order)" = 0 &&
	books 270 -270 0 0 0
'

test_expect_success 'receiving again is a no-op' '
	inv-purchase receive 1 >out && jqe out 1 ".op == \"unchanged\""
'

# The bill says 275.00 for goods received at 270.00: GRNI cleared (+270),
# 5.00 to Purchase Price Variance, Accounts Payable -275.
test_expect_success 'a bill clears GRNI, the difference to 5200' '
	inv-purchase bill 1 --amount 275 --ref ACME-9 >out &&
	jqe out 1 ".status == \"billed\" and .billed == 275 and
		.balance == 275 and .lines[0].billed == 100" &&
	books 270 0 -275 5 0
'

test_expect_success 'the bill ref again: unchanged; with another amount: 1' '
	inv-purchase bill 1 --amount 275 --ref ACME-9 >out &&
	jqe out 1 ".op == \"unchanged\"" &&
	expect_exit 1 inv-purchase bill 1 --amount 280 --ref ACME-9 &&
	books 270 0 -275 5 0
'

test_expect_success 'a second bill with nothing left to bill is refused' '
	expect_exit 1 inv-purchase bill 1 --amount 1
'

# Paid 200.00: AP -275 + 200 = -75, Cash -200.  100.00 more than the
# 75.00 owed is refused; 75.00 settles it: AP 0, Cash -275.
test_expect_success 'payments: partial, too much, the rest' '
	inv-purchase pay 1 --amount 200 >out &&
	jqe out 1 ".status == \"billed\" and .paid == 200 and .balance == 75" &&
	books 270 0 -75 5 -200 &&
	expect_exit 1 inv-purchase pay 1 --amount 100 &&
	books 270 0 -75 5 -200 &&
	inv-purchase pay 1 --amount 75 >out &&
	jqe out 1 ".status == \"paid\" and .balance == 0" &&
	books 270 0 0 5 -275
'

# Cash: credit 275.  Inventory: debit 270.  GRNI: debit 270, credit 270.
# AP: debit 275, credit 275.  PPV: debit 5.  Debits 270 + 270 + 275 + 5
# = 820 = credits 275 + 270 + 275.
test_expect_success 'the trial balance' '
	ledger-balance >tb.json &&
	jq -r "select(.account != null and (.debit != 0 or .credit != 0))
		| [.account, .debit, .credit, .balance] | @tsv" tb.json >tb &&
	printf "1000\t0\t275\t-275\n1300\t270\t0\t270\n" >expect &&
	printf "2000\t275\t275\t0\n2100\t270\t270\t0\n5200\t5\t0\t5\n" \
		>>expect &&
	test_cmp expect tb
'

test_expect_success 'every step logged an event with its actor' '
	biz-events --kind purchase. >ev.json &&
	jq -r "[.kind, .actor] | @tsv" ev.json >ev &&
	grep -q "^purchase.requested	ann" ev &&
	grep -q "^purchase.approved	bob" ev &&
	test "$(grep -c purchase.received ev)" -eq 2 &&
	test "$(grep -c purchase.paid ev)" -eq 2
'

# Purchase 2: 10 ordered at 3.00, 4 received (12.00), the rest cancelled.
test_expect_success 'cancel after a partial receipt cancels the rest' '
	inv-purchase request --supplier ACME --line BOLT:10:3 >/dev/null &&
	inv-purchase approve 2 >/dev/null && inv-purchase order 2 >/dev/null &&
	inv-purchase receive 2 --line BOLT:4 >/dev/null &&
	test "$(stock BOLT on_order)" = 6 &&
	inv-purchase cancel 2 >out &&
	jqe out 1 ".status == \"received\" and .lines[0].cancelled == 6" &&
	test "$(stock BOLT on_order)" = 0 &&
	books 282 -12 0 5 -275 &&
	inv-purchase bill 2 --amount 12 >out &&
	jqe out 1 ".status == \"billed\"" && books 282 0 -12 5 -275
'

test_expect_success 'billing a cancelled purchase is refused' '
	inv-purchase request --supplier ACME --line NUT:5 >/dev/null &&
	inv-purchase cancel 3 >out && jqe out 1 ".status == \"cancelled\"" &&
	inv-purchase cancel 3 >out && jqe out 1 ".op == \"unchanged\"" &&
	expect_exit 1 inv-purchase bill 3 --amount 10 &&
	expect_exit 1 inv-purchase receive 3 &&
	books 282 0 -12 5 -275
'

test_expect_success 'a line without a price takes the last one asked' '
	inv-purchase request --supplier ACME --line BOLT:2 >out &&
	jqe out 1 ".lines[0].price == 3 and .total == 6"
'

test_expect_success 'bad requests: unknown supplier, item, zero quantity' '
	expect_exit 65 inv-purchase request --supplier NOPE --line BOLT:1 &&
	expect_exit 65 inv-purchase request --supplier ACME --line NOPE:1 &&
	expect_exit 65 inv-purchase request --supplier ACME --line BOLT:0 &&
	expect_exit 65 inv-purchase request --supplier ACME --line BOLT &&
	expect_exit 65 inv-purchase show 99 &&
	expect_exit 64 inv-purchase request --supplier ACME &&
	expect_exit 64 inv-purchase bill 1 &&
	inv-purchase list >out && test "$(wc -l <out)" -eq 4
'

test_expect_success 'list filters by status and supplier' '
	inv-purchase list --status paid >out &&
	test "$(jq -r .id out)" = 1 &&
	inv-purchase list --supplier ACME >out && test "$(wc -l <out)" -eq 4 &&
	expect_exit 64 inv-purchase list --status lost &&
	expect_exit 65 inv-purchase list --supplier NOPE
'

test_expect_success 'requests from records, grouped by supplier' '
	inv-supplier add BETA --name Beta >/dev/null &&
	printf "supplier,sku,qty,price\nACME,BOLT,5,2\nBETA,NUT,7,0.5\nACME,NUT,1,0.4\n" \
		>req.csv &&
	inv-purchase request req.csv >out &&
	test "$(wc -l <out)" -eq 2 &&
	jqe out 1 ".supplier == \"ACME\" and (.lines | length) == 2 and
		.total == 10.4" &&
	jqe out 2 ".supplier == \"BETA\" and .total == 3.5"
'

test_expect_success 'a bad record writes none of the batch' '
	printf "supplier,sku,qty\nACME,BOLT,5\nACME,BOLT,0\n" >bad.csv &&
	expect_exit 65 inv-purchase request bad.csv &&
	grep -q "bad.csv:3" err &&
	inv-purchase list >out && test "$(wc -l <out)" -eq 6
'

test_expect_success 'a receipt ref of another document is refused' '
	inv-purchase approve 4 >/dev/null && inv-purchase order 4 >/dev/null &&
	inv-receive --wh MAIN --sku NUT --qty 1 --cost 1 --ref OTHER \
		>/dev/null &&
	expect_exit 1 inv-purchase receive 4 --ref OTHER &&
	inv-purchase show 4 >out && jqe out 1 ".status == \"ordered\""
'

# Purchase 7: 10 NUT at 0.50.  4 received on hold (2.00) fail their
# check and go back, 6 (3.00) are received: GRNI -5.00 + 2.00 = -3.00;
# the bill of 3.00 clears 3.00, no variance.
test_expect_success 'held goods that fail their check are not billed' '
	inv-purchase request --supplier ACME --line NUT:10:0.50 >out &&
	test "$(jq -r .id out)" = 7 &&
	inv-purchase approve 7 >/dev/null && inv-purchase order 7 >/dev/null &&
	inv-purchase receive 7 --line NUT:4 --hold --ref QC-1 >/dev/null &&
	inv-purchase receive 7 --ref QC-2 >/dev/null &&
	inv-qc fail QC-1 >/dev/null &&
	test "$(balance 2100)" = -3 && check_ok &&
	inv-purchase bill 7 --amount 3 >out &&
	jqe out 1 ".status == \"billed\"" &&
	test "$(balance 2100)" = 0 && test "$(balance 5200)" = 5 && check_ok
'

test_done
