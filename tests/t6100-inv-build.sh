#!/bin/sh
# Builds: components issued as production at FIFO cost and lots first-
# expiry-first-out, the product received as one layer worth exactly their
# cost, sub-assemblies built first with --explode, a short build that
# writes nothing, and reruns under a ref.
. "$(dirname "$0")/lib.sh"

test_expect_success 'set up: a bike of a frame and two wheels' '
	biz-init >/dev/null &&
	for s in BIKE WHEEL FRAME SPOKE; do
		inv-item add $s --name $s >/dev/null || exit 1
	done &&
	inv-item add RIM --name Rim --tracking lot >/dev/null &&
	inv-bom add BIKE FRAME 1 >/dev/null &&
	inv-bom add BIKE WHEEL 2 >/dev/null &&
	inv-bom add WHEEL RIM 1 >/dev/null &&
	inv-bom add WHEEL SPOKE 32 >/dev/null
'

# FRAME 3 x 50.00 = 150.00; SPOKE 100 x 0.25 + 100 x 0.30 = 55.00; RIM lot
# R2 (expires 2027-06) 4 x 12.00 = 48.00, then lot R1 (expires 2027-01)
# 2 x 10.00 = 20.00.  Inventory 273.00.
test_expect_success 'stock the components' '
	inv-receive --wh MAIN --sku FRAME --qty 3 --cost 50 >/dev/null &&
	inv-receive --wh MAIN --sku SPOKE --qty 100 --cost 0.25 >/dev/null &&
	inv-receive --wh MAIN --sku SPOKE --qty 100 --cost 0.30 >/dev/null &&
	inv-receive --wh MAIN --sku RIM --qty 4 --cost 12 --lot R2 \
		--expiry 2027-06-01 >/dev/null &&
	inv-receive --wh MAIN --sku RIM --qty 2 --cost 10 --lot R1 \
		--expiry 2027-01-01 >/dev/null &&
	inventory 273
'

# 2 wheels: 2 rims of lot R1, first to expire, 2 x 10.00 = 20.00; 64
# spokes of the oldest layer, 64 x 0.25 = 16.00.  36.00, 18.00 a wheel.
test_expect_success 'a build: components out at cost, the product in' '
	inv-build --sku WHEEL --qty 2 --wh MAIN --ref W-1 >out &&
	jqe out 1 ".sku == \"WHEEL\" and .qty == 2 and .value == 36 and
		.unit_cost == 18 and .ref == \"W-1\" and .op == \"created\"" &&
	jqe out 1 ".components == [
		{\"sku\":\"RIM\",\"lot\":\"R1\",\"qty\":2,\"value\":20},
		{\"sku\":\"SPOKE\",\"lot\":null,\"qty\":64,\"value\":16}]" &&
	inv-stock --sku WHEEL >s && jqe s 1 ".on_hand == 2 and .value == 36" &&
	inventory 273
'

test_expect_success 'a rerun with the same ref changes nothing' '
	inv-build --sku WHEEL --qty 2 --wh MAIN --ref W-1 >out &&
	jqe out 1 ".id == 1 and .value == 36 and .op == \"unchanged\"" &&
	expect_exit 1 inv-build --sku WHEEL --qty 3 --wh MAIN --ref W-1 &&
	grep -q "ref .W-1. is build 1 of 2 .WHEEL. in .MAIN., not of 3" err &&
	inv-stock --sku WHEEL >s && jqe s 1 ".on_hand == 2"
'

# Frame 50.00 + the 2 wheels 36.00 = 86.00 for one bike.
test_expect_success 'a build of the wheels in stock' '
	inv-build --sku BIKE --qty 1 --wh MAIN --explode >out &&
	jqe out 1 ".value == 86 and .unit_cost == 86 and .builds == []" &&
	inventory 273
'

# No wheels left: --explode builds 2 first.  2 rims of lot R2 (R1 is
# gone), 2 x 12.00 = 24.00; 64 spokes: the 36 left at 0.25 = 9.00 and
# 28 at 0.30 = 8.40; 41.40 for 2 wheels, 20.70 a wheel.  The bike: frame
# 50.00 + 41.40 = 91.40.
test_expect_success 'two levels: --explode builds the sub-assembly first' '
	inv-build --sku BIKE --qty 1 --wh MAIN --explode --ref BIKE-2 >out &&
	jqe out 1 ".value == 91.4 and .unit_cost == 91.4 and
		(.builds | length) == 1" &&
	inv-build --sku BIKE --qty 1 --wh MAIN --explode --ref BIKE-2 >again &&
	jqe again 1 ".op == \"unchanged\" and .value == 91.4" &&
	biz-events --kind build.created --jq ".data" >ev &&
	test $(wc -l <ev) -eq 4 &&
	jqe ev 3 ".sku == \"WHEEL\" and .qty == 2 and .value == 41.4" &&
	inv-stock --sku BIKE >s && jqe s 1 ".on_hand == 2 and .value == 177.4" &&
	inventory 273
'

# Each build posts the issue (Dr 5000 / Cr 1300) and its mirror: cost
# of goods sold is 0 after 4 builds, 8 entries.
test_expect_success 'cost of goods sold nets to zero' '
	ledger-register 5000 >reg &&
	test $(wc -l <reg) -eq 8 &&
	jqe reg 8 ".balance == 0"
'

# Left: FRAME 1, SPOKE 72, RIM 2 (lot R2).  5 bikes need 5 frames and 10
# wheels, and with --explode 10 rims and 320 spokes.
test_expect_success 'short: exit 1 naming what is short, nothing written' '
	biz-events >before &&
	expect_exit 1 inv-build --sku BIKE --qty 5 --wh MAIN &&
	grep -q "cannot build 5 .BIKE. in .MAIN.: .FRAME. 4 short (5 needed, 1 available), .WHEEL. 10 short (10 needed, 0 available)" err &&
	expect_exit 1 inv-build --sku BIKE --qty 5 --wh MAIN --explode &&
	grep -q ".FRAME. 4 short.*.RIM. 8 short (10 needed, 2 available), .SPOKE. 248 short (320 needed, 72 available)" err &&
	biz-events >after && test_cmp before after &&
	inventory 273
'

test_expect_success 'bad requests' '
	expect_exit 65 inv-build --sku FRAME --qty 1 --wh MAIN &&
	grep -q ".FRAME. has no bill of materials" err &&
	expect_exit 65 inv-build --sku NOPE --qty 1 --wh MAIN &&
	expect_exit 65 inv-build --sku BIKE --qty 0 --wh MAIN &&
	expect_exit 65 inv-build --sku BIKE --qty 1 --wh NOWHERE &&
	expect_exit 64 inv-build --sku BIKE --qty lots --wh MAIN &&
	expect_exit 64 inv-build --sku BIKE --wh MAIN
'

# Builds so far: 1 (W-1), 2, 3 (BIKE-2) and 4 (its wheels): a kit of the
# last frame is build 5, lot B5 by default, worth the frame's 50.00.
test_expect_success 'a lot-tracked product gets its build as lot' '
	inv-item add KIT --name Kit --tracking lot >/dev/null &&
	inv-bom add KIT FRAME 1 >/dev/null &&
	inv-build --sku KIT --qty 1 --wh MAIN >out &&
	jqe out 1 ".id == 5 and .lot == \"B5\" and .value == 50" &&
	inv-stock --sku KIT --lots >s &&
	jqe s 1 ".lot == \"B5\" and .on_hand == 1 and .value == 50" &&
	expect_exit 65 inv-build --sku BIKE --qty 1 --wh MAIN --lot X &&
	inventory 273
'

test_done
