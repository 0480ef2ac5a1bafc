#!/bin/sh
# Builds of serial-tracked products: --serial names each unit built (one
# a unit; --qty may be left out), the serials come into stock with the
# product's one cost layer; a wrong count, a serial already in stock or a
# serial-tracked sub-assembly to explode write nothing; a rerun under a
# ref is unchanged, with other serials refused.
. "$(dirname "$0")/lib.sh"

test_expect_success 'set up: a router of a board and four screws' '
	biz-init >/dev/null &&
	inv-item add ROUTER --name Router --tracking serial >/dev/null &&
	inv-item add BOARD --name Board >/dev/null &&
	inv-item add SCREW --name Screw >/dev/null &&
	inv-item add RACK --name Rack >/dev/null &&
	inv-bom add ROUTER BOARD 1 >/dev/null &&
	inv-bom add ROUTER SCREW 4 >/dev/null &&
	inv-bom add RACK ROUTER 2 >/dev/null &&
	inv-receive --wh MAIN --sku BOARD --qty 3 --cost 20 >/dev/null &&
	inv-receive --wh MAIN --sku SCREW --qty 100 --cost 0.05 >/dev/null
'

# 3 x 20.00 + 100 x 0.05 = 65.00 on hand.
test_expect_success 'a count of serials that is not the quantity: 65' '
	expect_exit 65 inv-build --sku ROUTER --qty 2 --wh MAIN --serial R1 &&
	grep -q "2 units need a serial each, 1 given" err &&
	expect_exit 65 inv-build --sku ROUTER --qty 1 --wh MAIN &&
	expect_exit 65 inv-build --sku RACK --qty 1 --wh MAIN --serial X &&
	grep -q "RACK. is not serial-tracked" err &&
	inventory 65
'

# Two routers: 2 boards x 20.00 + 8 screws x 0.05 = 40.40, 20.20 each.
test_expect_success 'a build names its serials; they are in stock' '
	expect_exit 0 inv-build --sku ROUTER --wh MAIN --serial R1 \
		--serial R2 --ref B1 &&
	jqe out 1 ".qty == 2 and .value == 40.4 and .unit_cost == 20.2 and
		.serials == [\"R1\", \"R2\"]" &&
	inv-stock --sku ROUTER >stock.out &&
	jqe stock.out 1 ".on_hand == 2 and .value == 40.4" &&
	inventory 65
'

test_expect_success 'the serials leave one by one: an issue names one' '
	inv-issue --wh MAIN --sku ROUTER --serial R2 >out &&
	jqe out 1 ".qty == -1 and .value == -20.2 and .serials == [\"R2\"]"
'

test_expect_success 'a rerun: unchanged; other serials under the ref: 1' '
	expect_exit 0 inv-build --sku ROUTER --wh MAIN --serial R1 \
		--serial R2 --ref B1 &&
	jqe out 1 ".op == \"unchanged\" and .id == 1" &&
	expect_exit 1 inv-build --sku ROUTER --wh MAIN --serial R1 \
		--serial R3 --ref B1 &&
	grep -q "ref .B1. is build 1 of serials" err &&
	inv-stock --sku ROUTER >stock.out && jqe stock.out 1 ".on_hand == 1"
'

test_expect_success 'a serial already in stock: 65, nothing written' '
	expect_exit 65 inv-build --sku ROUTER --wh MAIN --serial R1 &&
	grep -q "duplicate serial .R1." err &&
	inv-stock --sku BOARD >board.out && jqe board.out 1 ".on_hand == 1"
'

# A rack needs two routers, one is in stock: --explode would build one
# more, but a serial-tracked sub-assembly needs its own serials.
test_expect_success 'exploding into a serial-tracked sub-assembly: 1' '
	expect_exit 1 inv-build --sku RACK --qty 1 --wh MAIN --explode &&
	grep -q "ROUTER. is serial-tracked: build it on its own" err &&
	inv-stock --sku BOARD >board.out && jqe board.out 1 ".on_hand == 1"
'

test_done
