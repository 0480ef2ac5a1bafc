#!/bin/sh
# inv-receive --scan and inv-issue --scan with --ref: a rerun of the same
# codes is "unchanged" (exit 0); other codes, counts, cost or warehouse
# under the ref are refused (exit 1) naming what differs, nothing
# written.  A plain receipt under the ref of a purchase's receipt is
# refused too.
. "$(dirname "$0")/lib.sh"

# on_hand SKU: its on-hand quantity in MAIN.
on_hand() {
	inv-stock --sku "$1" --wh MAIN --jq .on_hand
}

test_expect_success 'setup' '
	biz-init >/dev/null &&
	inv-item add A --name Alpha >/dev/null &&
	inv-item add B --name Beta >/dev/null &&
	inv-warehouse add W2 --name Second >/dev/null &&
	printf "A\nA\nA\n" >aaa && printf "A\nA\nB\n" >aab &&
	printf "A\nA\n" >aa && printf "A\n" >a1 && printf "B\n" >b1
'

# Three scans of A: one line of 3 units at 1.00 = 3.00 of stock.
test_expect_success 'scan receipt posted, then unchanged' '
	expect_exit 0 inv-receive --wh MAIN --scan --cost 1 --ref SC1 <aaa &&
	jqe out 1 ".op == \"created\" and .qty == 3" &&
	expect_exit 0 inv-receive --wh MAIN --scan --cost 1 --ref SC1 <aaa &&
	jqe out 1 ".op == \"unchanged\" and .qty == 3" &&
	test "$(on_hand A)" = 3 && inventory 3
'

# Each of these differs from SC1 (A x3 @ 1.00 into MAIN): refused, and
# the stock stays A 3 (3.00), B none.
test_expect_success 'scan receipt with other codes, count, cost, wh' '
	expect_exit 1 inv-receive --wh MAIN --scan --cost 1 --ref SC1 <aab &&
	grep -q "SC1" err && grep -q "qty" err &&
	expect_exit 1 inv-receive --wh MAIN --scan --cost 1 --ref SC1 <aa &&
	grep -q "qty .3., not .2." err &&
	expect_exit 1 inv-receive --wh MAIN --scan --cost 2 --ref SC1 <aaa &&
	grep -q "cost .1., not .2." err &&
	expect_exit 1 inv-receive --wh W2 --scan --cost 1 --ref SC1 <aaa &&
	grep -q "wh .MAIN., not .W2." err &&
	test "$(on_hand A)" = 3 && inventory 3
'

# One A out (at 1.00): A 3 - 1 = 2, inventory 3.00 - 1.00 = 2.00.
test_expect_success 'scan issue: unchanged, then other codes refused' '
	expect_exit 0 inv-issue --wh MAIN --scan --ref SI1 <a1 &&
	jqe out 1 ".op == \"created\" and .qty == -1" &&
	expect_exit 0 inv-issue --wh MAIN --scan --ref SI1 <a1 &&
	jqe out 1 ".op == \"unchanged\"" &&
	expect_exit 1 inv-issue --wh MAIN --scan --ref SI1 <aa &&
	grep -q "SI1" err && grep -q "qty .1., not .2." err &&
	expect_exit 1 inv-issue --wh MAIN --scan --ref SI1 <b1 &&
	grep -q "sku .A., not .B." err &&
	test "$(on_hand A)" = 2 && inventory 2
'

# Purchase 1: 10 A at 2.00; 4 received under GR1 (8.00 into stock,
# GRNI -8.00): inventory 2.00 + 8.00 = 10.00.  The same ref as a plain
# receipt is refused (it is purchase 1's), nothing written.
test_expect_success 'a purchase receipt ref is not a plain receipt' '
	inv-supplier add ACME --name Acme >/dev/null &&
	inv-purchase request --supplier ACME --line A:10:2.00 >/dev/null &&
	inv-purchase approve 1 >/dev/null && inv-purchase order 1 >/dev/null &&
	inv-purchase receive 1 --line A:4 --ref GR1 >/dev/null &&
	expect_exit 1 inv-receive --wh MAIN --sku A --qty 4 --cost 2 \
		--ref GR1 &&
	grep -q "GR1" err && grep -q "purchase 1" err &&
	! test -s out &&
	test "$(on_hand A)" = 6 && inventory 10 &&
	expect_exit 1 inv-purchase receive 1 --line A:1 --ref SC1 &&
	grep -q "SC1" err && test "$(on_hand A)" = 6
'

test_done
