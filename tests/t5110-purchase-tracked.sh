#!/bin/sh
# inv-purchase receive of lot- and serial-tracked items: --lot (with
# --expiry) and --serial describe the goods of one SKU; serials are taken
# in order over the purchase's lines of that SKU, each at its line's
# price; a missing lot, a serial count that is not the units received, or
# a lot across two items write nothing.
. "$(dirname "$0")/lib.sh"

test_expect_success 'set up: an ordered purchase of milk and phones' '
	biz-init >/dev/null &&
	inv-supplier add ACME --name Acme >/dev/null &&
	inv-item add MILK --name Milk --tracking lot --supplier ACME \
		>/dev/null &&
	inv-item add PHONE --name Phone --tracking serial --supplier ACME \
		>/dev/null &&
	inv-purchase request --supplier ACME --line MILK:24:0.80 \
		--line PHONE:2:100 --line PHONE:1:110 >/dev/null &&
	inv-purchase approve 1 >/dev/null && inv-purchase order 1 >/dev/null
'

test_expect_success 'a lot-tracked item without --lot: 65, nothing received' '
	expect_exit 65 inv-purchase receive 1 --line MILK:24 &&
	grep -q "MILK. is lot-tracked" err &&
	inv-purchase show 1 >out &&
	jqe out 1 ".status == \"ordered\" and .received_value == 0"
'

test_expect_success 'a lot over two items: 65, nothing received' '
	expect_exit 65 inv-purchase receive 1 --lot L1 &&
	grep -q "this receipt takes .MILK. and .PHONE." err &&
	inv-purchase show 1 >out && jqe out 1 ".status == \"ordered\""
'

# 24 x 0.80 = 19.20 into lot L1, which expires on the last day of
# December 2026 (--expiry 2026-12).
test_expect_success 'milk received into its lot, with its expiry' '
	inv-purchase receive 1 --line MILK:24 --lot L1 --expiry 2026-12 \
		--ref GRN-1 >out &&
	jqe out 1 ".status == \"partial\" and .received_value == 19.2" &&
	inv-stock --sku MILK --lots >lots &&
	jqe lots 1 ".lot == \"L1\" and .expiry == \"2026-12-31\" and
		.on_hand == 24 and .value == 19.2"
'

test_expect_success 'the same receipt again (same ref): unchanged' '
	inv-purchase receive 1 --line MILK:24 --lot L1 --expiry 2026-12 \
		--ref GRN-1 >out &&
	jqe out 1 ".op == \"unchanged\" and .received_value == 19.2"
'

test_expect_success 'serials that are not one a unit: 65, nothing received' '
	expect_exit 65 inv-purchase receive 1 --line PHONE:3 --serial S1 \
		--serial S2 &&
	grep -q "PHONE.: 2 serials for 3 units" err &&
	expect_exit 65 inv-purchase receive 1 --line PHONE:3 &&
	inv-stock --sku PHONE >s && test ! -s s
'

# Lines 2 (2 @ 100.00) and 3 (1 @ 110.00): S1 and S2 come in at 100.00,
# S3 at 110.00; stock value 2 x 100 + 110 = 310.00; with the milk,
# Inventory and GRNI 19.20 + 310.00 = 329.20, the purchase's total.
test_expect_success 'phones received with a serial each, in line order' '
	inv-purchase receive 1 --serial S1 --serial S2 --serial S3 \
		--line PHONE:3 >out &&
	jqe out 1 ".status == \"received\" and .received_value == 329.2" &&
	sqlite3 "$BIZ_DB" "SELECT s.serial, m.value FROM serial s
		JOIN move m ON m.id = s.move_id ORDER BY s.serial" >serials &&
	printf "S1|20000\nS2|20000\nS3|11000\n" >want &&
	test_cmp want serials &&
	inv-stock --sku PHONE --jq ".value" >v && test "$(cat v)" = 310 &&
	ledger-balance --where ".account == \"1300\"" --jq .balance >inv &&
	test "$(cat inv)" = 329.2 &&
	check_ok
'

test_expect_success 'a serial already in stock: refused, nothing written' '
	inv-purchase request --supplier ACME --line PHONE:1:100 >/dev/null &&
	inv-purchase approve 2 >/dev/null && inv-purchase order 2 >/dev/null &&
	expect_exit 65 inv-purchase receive 2 --serial S1 &&
	grep -q "duplicate serial .S1." err &&
	inv-purchase show 2 >out && jqe out 1 ".status == \"ordered\""
'

test_done
