#!/bin/sh
# inv-receive, inv-issue, inv-move: a ref reused with the same request is
# a no-op marked "op":"unchanged" (exit 0); with another request it is
# refused, exit 1, naming the ref and what differs, nothing written.
. "$(dirname "$0")/lib.sh"

on_hand_is() {
	inv-stock --sku BOLT --wh "$1" >stock.out &&
	test "$(field stock.out 1 on_hand)" = "$2"
}

test_expect_success 'setup' '
	biz-init >/dev/null &&
	inv-item add BOLT --name Bolt >/dev/null &&
	inv-warehouse add W2 --name Second >/dev/null
'

# 10 @ 2.00 in; 1 out; 2 moved to W2: MAIN 10 - 1 - 2 = 7, W2 2.
test_expect_success 'first postings' '
	inv-receive --wh MAIN --sku BOLT --qty 10 --cost 2 --ref R1 >r1 &&
	inv-issue --wh MAIN --sku BOLT --qty 1 --ref I1 >i1 &&
	inv-move --from MAIN --to W2 --sku BOLT --qty 2 --ref M1 >m1 &&
	on_hand_is MAIN 7 && on_hand_is W2 2
'

test_expect_success 'the same requests again: unchanged, exit 0' '
	expect_exit 0 inv-receive --wh MAIN --sku BOLT --qty 10 --cost 2 \
		--ref R1 &&
	jqe out 1 ".op == \"unchanged\" and .qty == 10 and .doc_id == 1" &&
	expect_exit 0 inv-issue --wh MAIN --sku BOLT --qty 1 --ref I1 &&
	jqe out 1 ".op == \"unchanged\" and .qty == -1" &&
	expect_exit 0 inv-move --from MAIN --to W2 --sku BOLT --qty 2 \
		--ref M1 &&
	test $(wc -l <out) -eq 2 &&
	jqe out 2 ".op == \"unchanged\" and .wh == \"W2\"" &&
	on_hand_is MAIN 7 && on_hand_is W2 2
'

test_expect_success 'a receipt ref with another quantity: refused' '
	expect_exit 1 inv-receive --wh MAIN --sku BOLT --qty 12 --cost 2 \
		--ref R1 &&
	test ! -s out &&
	grep -q "ref .R1. is receipt 1 .*qty .10., not .12." err &&
	expect_exit 1 inv-receive --wh MAIN --sku BOLT --qty 10 \
		--cost 2.5 --ref R1 &&
	grep -q "cost" err &&
	on_hand_is MAIN 7
'

test_expect_success 'an issue ref with another reason or warehouse: refused' '
	expect_exit 1 inv-issue --wh MAIN --sku BOLT --qty 1 --ref I1 \
		--reason scrap &&
	grep -q "ref .I1. .*reason .sale., not .scrap." err &&
	expect_exit 1 inv-issue --wh W2 --sku BOLT --qty 1 --ref I1 &&
	grep -q "wh .MAIN., not .W2." err &&
	on_hand_is MAIN 7 && on_hand_is W2 2
'

test_expect_success 'a transfer ref with another destination: refused' '
	inv-warehouse add W3 --name Third >/dev/null &&
	expect_exit 1 inv-move --from MAIN --to W3 --sku BOLT --qty 2 \
		--ref M1 &&
	grep -q "ref .M1. is transfer .*to .W2., not .W3." err &&
	on_hand_is MAIN 7
'

# Batch B1: 1 + 2 = 3 in, MAIN 7 + 3 = 10.
test_expect_success 'a batch ref: the same file unchanged, another refused' '
	printf "sku,qty,cost\nBOLT,1,2\nBOLT,2,2\n" >b1.csv &&
	inv-receive --wh MAIN --ref B1 b1.csv >/dev/null &&
	on_hand_is MAIN 10 &&
	expect_exit 0 inv-receive --wh MAIN --ref B1 b1.csv &&
	test $(wc -l <out) -eq 2 &&
	printf "sku,qty,cost\nBOLT,1,2\nBOLT,3,2\n" >b2.csv &&
	expect_exit 1 inv-receive --wh MAIN --ref B1 b2.csv &&
	grep -q "line 2 has qty .2., not .3." err &&
	printf "sku,qty,cost\nBOLT,1,2\n" >b3.csv &&
	expect_exit 1 inv-receive --wh MAIN --ref B1 b3.csv &&
	grep -q "with 2 lines, not 1" err &&
	on_hand_is MAIN 10 &&
	check_ok
'

test_done
