#!/bin/sh
# crm-order: creating orders (options and batches), idempotent refs,
# bad input (65), business refusals (1) that write nothing, reservations
# that inv-issue cannot take, partial confirmation, cancel, list, show.
. "$(dirname "$0")/lib.sh"

snapshot() {
	{ biz-events; inv-stock --lots; ledger-balance;
	  crm-order list; } >"$1"
}

test_expect_success 'set up' '
	biz-init >/dev/null &&
	crm-customer add --name Acme >/dev/null &&
	crm-customer add --name "Bolt Brothers" --terms 10 >/dev/null &&
	inv-item add BOLT --name Bolt >/dev/null &&
	inv-item add NUT --name Nut >/dev/null &&
	inv-item add "CUP-01" --name Cup >/dev/null &&
	inv-receive --wh MAIN --sku BOLT --qty 10 --cost 1.00 >/dev/null &&
	inv-receive --wh MAIN --sku NUT --qty 3 --cost 0.50 >/dev/null
'

test_expect_success 'create from options; a SKU with a dash' '
	crm-order create --customer 1 --line BOLT:4:2.50 \
		--line "CUP-01:1:3" >out &&
	jqe out 1 ".id == 1 and .customer == 1 and .wh == \"MAIN\" and
		.lines[1].sku == \"CUP-01\" and .net == 13 and .tax == 0"
'

test_expect_success 'the same ref and request is unchanged, another is 1' '
	crm-order create --customer 1 --line BOLT:1:2 --ref SO-9 >/dev/null &&
	snapshot before &&
	crm-order create --customer 1 --line BOLT:1:2 --ref SO-9 >out &&
	jqe out 1 ".id == 2 and .op == \"unchanged\"" &&
	expect_exit 1 crm-order create --customer 1 --line BOLT:2:2 \
		--ref SO-9 && grep -q "ref .SO-9. is order 2 with another lines" err &&
	snapshot after && test_cmp before after
'

test_expect_success 'bad input is 65 and writes nothing' '
	snapshot before &&
	expect_exit 65 crm-order create --customer 9 --line BOLT:1:1 &&
	grep -q "no such customer 9" err &&
	expect_exit 65 crm-order create --customer 1 --line BOLTX:1:1 &&
	grep -q "unknown item" err &&
	expect_exit 65 crm-order create --customer 1 --line BOLT:1:1.001 &&
	grep -q "at most 2 places" err &&
	expect_exit 65 crm-order create --customer 1 --line BOLT:0:1 &&
	expect_exit 65 crm-order create --customer 1 --line BOLT:1:1 \
		--wh NOWHERE &&
	expect_exit 65 crm-order create --customer 1 --line BOLT:1:1 \
		--tax 101 &&
	expect_exit 65 crm-order show 99 &&
	expect_exit 65 crm-order confirm 99 &&
	expect_exit 65 crm-order list --customer 9 &&
	expect_exit 64 crm-order list --status lost &&
	expect_exit 64 crm-order create --customer 1 &&
	expect_exit 64 crm-order pay 1 &&
	expect_exit 64 crm-order confirm 1 --amount 3 &&
	snapshot after && test_cmp before after
'

test_expect_success 'confirm is all or nothing; --partial backorders' '
	crm-order create --customer 2 --line NUT:5:1 --line BOLT:1:2 \
		>out && id=$(field out 1 id) &&
	snapshot before &&
	expect_exit 1 crm-order confirm "$id" &&
	grep -q "not enough .NUT. in .MAIN. for order $id: 3 available, 5 needed" err &&
	snapshot after && test_cmp before after &&
	crm-order confirm --partial "$id" >out &&
	jqe out 1 ".status == \"partially_reserved\" and
		.lines[0].reserved == 3 and .lines[0].status ==
		\"partially_reserved\" and .lines[1].status == \"reserved\""
'

test_expect_success 'inv-issue cannot take reserved units (1, nothing written)' '
	inv-stock --sku NUT >out &&
	jqe out 1 ".on_hand == 3 and .reserved == 3 and .available == 0" &&
	snapshot before &&
	expect_exit 1 inv-issue --wh MAIN --sku NUT --qty 1 &&
	grep -q "0 available, 1 asked" err &&
	snapshot after && test_cmp before after
'

test_expect_success 'ship more than reserved: 1; an unknown line: 65' '
	snapshot before &&
	expect_exit 1 crm-order ship 3 --line NUT:4 &&
	grep -q "4 .NUT. asked, 3 reserved" err &&
	expect_exit 65 crm-order ship 3 --line CUP:1 &&
	expect_exit 1 crm-order ship 1 &&
	expect_exit 1 crm-order invoice 3 &&
	expect_exit 1 crm-order pay 3 --amount 1 &&
	expect_exit 1 crm-order return 3 --line NUT:1 &&
	snapshot after && test_cmp before after
'

test_expect_success 'receiving more lets confirm reserve the backorder' '
	inv-receive --wh MAIN --sku NUT --qty 2 --cost 0.50 >/dev/null &&
	crm-order confirm 3 >out &&
	jqe out 1 ".status == \"confirmed\" and .lines[0].reserved == 5" &&
	crm-order confirm 3 >out && jqe out 1 ".op == \"unchanged\""
'

test_expect_success 'cancel releases reservations; confirming it then is 1' '
	crm-order cancel 3 >out && jqe out 1 ".status == \"cancelled\"" &&
	inv-stock --sku NUT >out && jqe out 1 ".reserved == 0" &&
	crm-order cancel 3 >out && jqe out 1 ".op == \"unchanged\"" &&
	snapshot before &&
	expect_exit 1 crm-order confirm 3 && grep -q "is cancelled" err &&
	snapshot after && test_cmp before after && check_ok
'

test_expect_success 'cancel once shipped is refused' '
	crm-order confirm --partial 1 >/dev/null &&
	crm-order ship 1 --line BOLT:1 >/dev/null &&
	snapshot before &&
	expect_exit 1 crm-order cancel 1 && grep -q "has shipped" err &&
	snapshot after && test_cmp before after
'

# Two orders by ref (two lines, then one), one without a ref (which a
# rerun creates again: only a ref makes an order idempotent).
cat >orders.csv <<EOF
ref,customer,sku,qty,price,tax
B-1,1,BOLT,1,2.00,10
B-1,1,NUT,2,0.75,10
B-2,2,BOLT,1,2.00,
,2,NUT,1,0.75,
EOF
test_expect_success 'orders from a batch: lines grouped by ref' '
	crm-order create orders.csv >out &&
	test $(wc -l <out) -eq 3 &&
	jqe out 1 ".ref == \"B-1\" and (.lines | length) == 2 and
		.net == 3.5 and .tax == 0.35" &&
	jqe out 2 ".ref == \"B-2\" and .customer == 2" &&
	jqe out 3 ".ref == null and .lines[0].sku == \"NUT\"" &&
	crm-order create orders.csv >out &&
	jqe out 1 ".op == \"unchanged\"" && jqe out 2 ".op == \"unchanged\"" &&
	jqe out 3 ".id == 7 and .op == \"created\""
'

cat >bad.csv <<EOF
ref,customer,sku,qty,price
B-3,1,BOLT,1,2.00
B-3,1,NOPE,1,2.00
EOF
test_expect_success 'a bad batch line writes nothing and names the line' '
	snapshot before &&
	expect_exit 65 crm-order create bad.csv &&
	grep -q "bad.csv:3" err &&
	snapshot after && test_cmp before after
'

test_expect_success 'confirm and ship a batch of orders from records' '
	printf "{\"id\":5}\n{\"id\":6}\n" >ids.jsonl &&
	crm-order confirm ids.jsonl >out && test $(wc -l <out) -eq 2 &&
	crm-order ship - <ids.jsonl >out &&
	jqe out 2 ".status == \"shipped\"" && check_ok
'

test_expect_success 'list by status and customer; show' '
	crm-order list --status cancelled --jq .id >out &&
	echo 3 >expect && test_cmp expect out &&
	crm-order list --customer 2 --jq .id >out &&
	printf "3\n5\n6\n7\n" >expect && test_cmp expect out &&
	crm-order show 5 -f table >out && grep -q "B-2" out &&
	biz-events --kind order. --jq .kind >out &&
	grep -q "order.created" out && grep -q "order.confirmed" out &&
	grep -q "order.shipped" out && grep -q "order.cancelled" out
'

test_expect_success 'inv-issue --order ships from the order reservation' '
	crm-order create --customer 1 --line BOLT:2:2 --ref SO-I >out &&
	id=$(field out 1 id) && crm-order confirm "$id" >/dev/null &&
	snapshot before &&
	expect_exit 1 inv-issue --wh MAIN --sku BOLT --qty 3 --order "$id" &&
	grep -q "3 .BOLT. asked, 2 reserved" err &&
	expect_exit 65 inv-issue --wh EAST --sku BOLT --qty 1 --order "$id" &&
	expect_exit 64 inv-issue --wh MAIN --sku BOLT --qty 1 --order "$id" \
		--ref X &&
	snapshot after && test_cmp before after &&
	inv-issue --wh MAIN --sku BOLT --qty 2 --order "$id" >out &&
	jqe out 1 ".qty == -2 and .value == -2 and .doc == \"issue\"" &&
	crm-order show "$id" >out &&
	jqe out 1 ".status == \"shipped\" and .lines[0].reserved == 0" &&
	check_ok
'

test_expect_success 'serials: named with --serial, or the oldest' '
	inv-item add PHONE --name Phone --tracking serial >/dev/null &&
	inv-receive --wh MAIN --sku PHONE --serial P1 --serial P2 \
		--serial P3 --cost 100 >/dev/null &&
	crm-order create --customer 1 --line PHONE:3:300 >out &&
	id=$(field out 1 id) && crm-order confirm "$id" >/dev/null &&
	inv-issue --wh MAIN --sku PHONE --serial P3 --order "$id" >out &&
	jqe out 1 ".serials == [\"P3\"]" &&
	crm-order ship "$id" --line PHONE:1 --serial P2 >/dev/null &&
	crm-order ship "$id" >/dev/null &&
	biz-events --kind stock.issued --jq .data.serials >out &&
	tail -n 3 out >last3 &&
	printf "[\"P3\"]\n[\"P2\"]\n[\"P1\"]\n" >expect &&
	test_cmp expect last3 && check_ok
'

# PHONE cost 100 each: P2 comes back at 100, P3 then too (the other
# two shipments); a serial named that is in stock or was never shipped
# on the order is refused and writes nothing.
test_expect_success 'serials come back: named, then the first still out' '
	id=$(crm-order list --jq "select(.lines[0].sku == \"PHONE\") | .id") &&
	snapshot before &&
	expect_exit 1 crm-order return "$id" --line PHONE:1 --serial P9 &&
	expect_exit 1 crm-order return "$id" --line PHONE:4 &&
	snapshot after && test_cmp before after &&
	crm-order return "$id" --line PHONE:1 --serial P2 >out &&
	jqe out 1 ".lines[0].returned == 1" &&
	inv-stock --sku PHONE >out && jqe out 1 ".on_hand == 1 and .value == 100" &&
	snapshot before &&
	expect_exit 1 crm-order return "$id" --line PHONE:1 --serial P2 &&
	snapshot after && test_cmp before after &&
	crm-order return "$id" --line PHONE:1 >/dev/null &&
	biz-events --kind stock.returned --jq .data.serials >out &&
	printf "[\"P2\"]\n[\"P1\"]\n" >expect && test_cmp expect out &&
	inv-issue --wh MAIN --sku PHONE --serial P1 >/dev/null && check_ok
'

# A return before the invoice credits nothing; the invoice then bills
# what stayed out: 3 shipped - 1 returned = 2 x 2.00 = 4.00.
test_expect_success 'a return before invoicing: not billed, not credited' '
	crm-order create --customer 1 --line BOLT:3:2.00 >out &&
	id=$(field out 1 id) && crm-order confirm "$id" >/dev/null &&
	crm-order ship "$id" >/dev/null &&
	crm-order return "$id" --line BOLT:1 >out &&
	jqe out 1 ".credited == 0 and .lines[0].returned == 1" &&
	crm-order invoice "$id" >out &&
	jqe out 1 ".net == 4 and .total == 4" &&
	expect_exit 1 crm-order invoice "$id" && check_ok
'

test_expect_success '--dry-run prints the order and writes nothing' '
	snapshot before &&
	crm-order create --customer 1 --line BOLT:1:1 --dry-run >out &&
	jqe out 1 ".op == \"created\"" &&
	snapshot after && test_cmp before after
'

test_done
