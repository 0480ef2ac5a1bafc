#!/bin/sh
# A purchase receipt under a ref: the same request again is "unchanged"
# (exit 0); other lines, --hold or a lot under the ref are refused (exit
# 1) naming what differs, nothing written.  inv-receive --po receives
# through the purchase, so its lines and GRNI agree (biz-check green);
# an unknown purchase is 65, one not ordered 1.
. "$(dirname "$0")/lib.sh"

# balance ACCOUNT: its balance (debit - credit) now.
balance() {
	ledger-balance --where ".account == \"$1\"" --jq .balance
}

# books INVENTORY GRNI: the two balances, and biz-check green.
books() {
	check_ok && test "$(balance 1300)" = "$1" &&
	test "$(balance 2100)" = "$2"
}

# received N: purchase 1's line 1 (A) has N received.
received() {
	inv-purchase show 1 --jq ".lines[0].received" >rec &&
	test "$(cat rec)" = "$1"
}

test_expect_success 'setup: purchase 1 of 10 A at 2.00 and 5 B at 1.00' '
	biz-init >/dev/null &&
	inv-supplier add ACME --name Acme >/dev/null &&
	inv-item add A --name Alpha --supplier ACME >/dev/null &&
	inv-item add B --name Beta --supplier ACME >/dev/null &&
	inv-warehouse add W2 --name Second >/dev/null &&
	inv-purchase request --supplier ACME --line A:10:2.00 \
		--line B:5:1.00 >/dev/null &&
	inv-purchase approve 1 >/dev/null && inv-purchase order 1 >/dev/null &&
	inv-purchase request --supplier ACME --line A:1:2.00 >/dev/null
'

# 4 A at 2.00 = 8.00: Inventory 8.00, GRNI -8.00.
test_expect_success 'a receipt under G1, then the same again: unchanged' '
	expect_exit 0 inv-purchase receive 1 --line A:4 --ref G1 &&
	jqe out 1 ".op == \"updated\"" &&
	expect_exit 0 inv-purchase receive 1 --line A:4 --ref G1 &&
	jqe out 1 ".op == \"unchanged\"" &&
	received 4 && books 8 -8
'

test_expect_success 'another request under G1 is refused' '
	expect_exit 1 inv-purchase receive 1 --line A:6 --ref G1 &&
	grep -q "G1" err && grep -q "qty .4., not .6." err &&
	expect_exit 1 inv-purchase receive 1 --line A:4 --hold --ref G1 &&
	grep -q "hold" err &&
	expect_exit 1 inv-purchase receive 1 --line A:4 --lot L1 --ref G1 &&
	grep -q "lot .., not .L1." err &&
	expect_exit 1 inv-purchase receive 1 --line A:4 --line B:1 \
		--ref G1 &&
	grep -q "1 lines, not 2" err &&
	received 4 && books 8 -8
'

# 3 more A at the purchase price 2.00 = 6.00: received 4 + 3 = 7 (value
# 8.00 + 6.00 = 14.00); Inventory 14.00, GRNI -14.00.
test_expect_success 'inv-receive --po records the receipt on the purchase' '
	expect_exit 0 inv-receive --wh MAIN --po 1 --sku A --qty 3 --ref G2 &&
	jqe out 1 ".op == \"updated\" and .status == \"partial\" and
		.lines[0].received == 7 and .lines[0].received_value == 14" &&
	expect_exit 0 inv-receive --wh MAIN --po 1 --sku A --qty 3 --ref G2 &&
	jqe out 1 ".op == \"unchanged\"" &&
	expect_exit 1 inv-receive --wh MAIN --po 1 --sku A --qty 2 --ref G2 &&
	grep -q "G2" err &&
	received 7 && books 14 -14
'

test_expect_success 'inv-receive --po refusals write nothing' '
	expect_exit 65 inv-receive --wh MAIN --po 999 --sku A --qty 1 &&
	expect_exit 65 inv-receive --wh MAIN --po PO-7 --sku A --qty 1 &&
	expect_exit 1 inv-receive --wh MAIN --po 2 --sku A --qty 1 &&
	grep -q "requested" err &&
	expect_exit 1 inv-receive --wh W2 --po 1 --sku A --qty 1 &&
	expect_exit 1 inv-receive --wh MAIN --po 1 --sku A --qty 4 &&
	expect_exit 64 inv-receive --wh MAIN --po 1 --sku A --qty 1 --cost 2 &&
	expect_exit 1 inv-receive --wh MAIN --sku A --qty 3 --cost 2 --ref G2 &&
	grep -q "purchase 1" err &&
	received 7 && books 14 -14
'

test_done
