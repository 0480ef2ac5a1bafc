#!/bin/sh
# inv-reorder: a reorder point worked out by hand, a min/max item, the
# suggestions piped into inv-purchase request, --create run twice making
# one request.
. "$(dirname "$0")/lib.sh"

# BIZ_NOW is 2026-11-27: a window of 5 days is 11-22 .. 11-26.
test_expect_success 'set up' '
	biz-init >/dev/null &&
	inv-supplier add ACME --name Acme --lead-time 4 --lead-time-sd 1 \
		>/dev/null &&
	inv-item add WIDGET --name Widget --supplier ACME --multiple 10 \
		>/dev/null &&
	inv-item add GADGET --name Gadget --supplier ACME --min 10 --max 50 \
		>/dev/null &&
	inv-item add GIZMO --name Gizmo --supplier ACME --min 10 --max 50 \
		>/dev/null &&
	inv-item add LOOSE --name "No supplier" --min 5 >/dev/null &&
	inv-receive --wh MAIN --sku WIDGET --qty 60 --cost 2 \
		--date 2026-11-01 >/dev/null &&
	inv-receive --wh MAIN --sku GADGET --qty 8 --cost 1 \
		--date 2026-11-01 >/dev/null &&
	inv-receive --wh MAIN --sku GIZMO --qty 12 --cost 1 \
		--date 2026-11-01 >/dev/null &&
	inv-issue --wh MAIN --sku WIDGET --qty 4 --date 2026-11-22 &&
	inv-issue --wh MAIN --sku WIDGET --qty 6 --date 2026-11-23 \
		--reason production &&
	inv-issue --wh MAIN --sku WIDGET --qty 10 --date 2026-11-25 &&
	inv-issue --wh MAIN --sku WIDGET --qty 2 --date 2026-11-26 &&
	inv-issue --wh MAIN --sku WIDGET --qty 3 --date 2026-11-26 &&
	inv-issue --wh MAIN --sku WIDGET --qty 1 --date 2026-11-26 \
		--reason scrap &&
	inv-issue --wh MAIN --sku WIDGET --qty 7 --date 2026-11-27
' >/dev/null

# Daily demand (sales and production; the scrap and today left out):
#   11-22: 4, 11-23: 6, 11-24: 0, 11-25: 10, 11-26: 2 + 3 = 5
#   d = 25 / 5 = 5;  mean of squares (16 + 36 + 0 + 100 + 25) / 5 = 35.4
#   sigma_d^2 = 35.4 - 5^2 = 10.4 (population);  sigma_d = 3.22490...
# L = 4, sigma_L = 1 (the supplier's); z(0.95) = 1.6448536...
#   safety stock = z * sqrt(L * 10.4 + d^2 * 1^2) = 1.6448536 * sqrt(66.6)
#                = 1.6448536 * 8.1608823 = 13.42346
#   reorder point = d * L + SS = 20 + 13.42346 = 33.42346
# On hand 60 - 4 - 6 - 10 - 2 - 3 - 1 - 7 = 27; projected 27 <= 33.42.
#   order up to ROP + SS = 20 + 2 * 13.42346 = 46.84691
#   27 short: 46.84691 - 27 = 19.84691 -> 19.847 -> multiple of 10: 20
test_expect_success 'the reorder point of an item with demand' '
	inv-reorder --window 5 >out &&
	jq -c "select(.sku == \"WIDGET\")" out >w &&
	jqe w 1 ".wh == \"MAIN\" and .on_hand == 27 and .projected == 27 and
		.demand == 25 and .demand_days == 4 and
		.avg_daily_demand == 5 and .demand_sd == 3.2249 and
		.lead_time == 4 and .lead_time_sd == 1 and .z == 1.6449 and
		.safety_stock == 13.4235 and .reorder_point == 33.4235 and
		.order_up_to == 46.8469 and .raw_qty == 19.8469 and
		.suggested_qty == 20 and .supplier == \"ACME\" and
		.method == \"demand\" and .due"
'

# GADGET: no demand, min 10, max 50: projected 8 <= 10, up to 50: 42.
# GIZMO: 12 > 10, not due.  LOOSE: 0 <= 5, up to 5 (no max): 5.
test_expect_success 'min/max items without history' '
	jq -r ".sku" out >skus &&
	printf "GADGET\nLOOSE\nWIDGET\n" >expect && test_cmp expect skus &&
	jqe out 1 ".method == \"min_max\" and .reorder_point == 10 and
		.projected == 8 and .suggested_qty == 42 and
		.safety_stock == 0" &&
	jqe out 2 ".suggested_qty == 5 and .supplier == null"
'

# inv-stock --below-reorder takes inv-reorder's figures (90 days, 0.95).
# WIDGET over 90 days: d = 25 / 90 = 0.27778, sigma_d^2 = 177 / 90 -
# 0.27778^2 = 1.88951, SS = 1.64485 * sqrt(4 * 1.88951 + 0.27778^2 * 1)
# = 4.545, ROP = 4 * 0.27778 + 4.545 = 5.656 < 27: not due.  GADGET (8
# <= 10) and LOOSE (nothing at all, 0 <= 5) are.
test_expect_success 'inv-stock --below-reorder uses the same figures' '
	inv-stock --below-reorder >stock &&
	test "$(jq -r .sku stock | tr "\n" " ")" = "GADGET LOOSE " &&
	jqe stock 2 ".on_hand == 0 and .wh == \"MAIN\"" &&
	expect_exit 64 inv-stock --below-reorder --lots
'

# z(0.99) = 2.3263479: SS = 2.3263479 * 8.1608823 = 18.98505,
# ROP = 38.98505, up to 20 + 2 * 18.98505 = 57.97010, short 30.97010
# -> 30.971 -> 40.
test_expect_success 'a service level of 0.99' '
	inv-reorder --window 5 --service-level 0.99 --all >out &&
	jq -c "select(.sku == \"WIDGET\")" out >w &&
	jqe w 1 ".z == 2.3263 and .safety_stock == 18.9851 and
		.reorder_point == 38.9851 and .suggested_qty == 40" &&
	jq -c "select(.sku == \"GIZMO\")" out >g &&
	jqe g 1 ".due == false and .suggested_qty == 0"
'

test_expect_success 'bad options are usage errors' '
	expect_exit 64 inv-reorder --window 0 &&
	expect_exit 64 inv-reorder --service-level 0 &&
	expect_exit 64 inv-reorder --service-level 100 &&
	expect_exit 64 inv-reorder --service-level 1 &&
	grep "over 50% and under 100%" err &&
	expect_exit 64 inv-reorder --service-level 0.5 &&
	expect_exit 64 inv-reorder --service-level 1.5 &&
	expect_exit 65 inv-reorder --wh NOPE
'

test_expect_success 'suggestions piped into inv-purchase request' '
	inv-reorder --window 5 >sugg &&
	inv-purchase request sugg >out 2>err &&
	test "$(wc -l <out)" -eq 1 &&
	jqe out 1 ".supplier == \"ACME\" and .status == \"requested\" and
		([.lines[] | [.sku, .qty]] == [[\"GADGET\", 42], [\"WIDGET\", 20]])"
' 2>/dev/null

test_expect_success 'no supplier: a suggestion is skipped, a line is 65' '
	grep -q "LOOSE.*no supplier" err &&
	printf "sku,qty\nLOOSE,5\n" >loose.csv &&
	expect_exit 65 inv-purchase request loose.csv
'

test_expect_success 'an open request stops --create; cancelled, it does not' '
	inv-reorder --window 5 --create >out 2>err &&
	jqe out 1 ".open_purchase == 1 and .purchase == null" &&
	inv-purchase list >list && test "$(wc -l <list)" -eq 1 &&
	inv-purchase cancel 1 >/dev/null
'

test_expect_success '--create twice makes one request' '
	inv-reorder --window 5 --create >out 2>err &&
	jqe out 1 ".sku == \"GADGET\" and .purchase == 2" &&
	jqe out 3 ".sku == \"WIDGET\" and .purchase == 2" &&
	jqe out 2 ".sku == \"LOOSE\" and .purchase == null" &&
	grep -q "LOOSE.*no supplier" err &&
	inv-reorder --window 5 --create >out 2>err &&
	jqe out 1 ".purchase == null and .open_purchase == 2" &&
	inv-purchase list --status requested >list &&
	test "$(wc -l <list)" -eq 1
'

test_expect_success '--dry-run raises nothing' '
	inv-purchase cancel 2 >/dev/null &&
	inv-reorder --window 5 --create --dry-run >out 2>err &&
	jqe out 1 ".purchase == 3" &&
	inv-purchase list --status requested >list && test ! -s list
'

# Ordered, the 20 WIDGET count as on order: projected 27 + 20 = 47.
test_expect_success 'on order counts in projected' '
	inv-reorder --window 5 --create >/dev/null 2>&1 &&
	inv-purchase approve 3 >/dev/null && inv-purchase order 3 >/dev/null &&
	inv-reorder --window 5 --all >out &&
	jq -c "select(.sku == \"WIDGET\")" out >w &&
	jqe w 1 ".on_order == 20 and .projected == 47 and .due == false"
'

test_done
