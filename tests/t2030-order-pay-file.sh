#!/bin/sh
# crm-order pay FILE: each record's ref and date are taken as --ref and
# --date are, so a rerun of the same file is "unchanged" (it paid twice
# before); the same ref for another amount is 1; an unknown field is 65.
. "$(dirname "$0")/lib.sh"

snapshot() {
	{ biz-events; ledger-balance; crm-order list; } >"$1"
}

test_expect_success 'set up: an order of 4 x 2.50 = 10.00, invoiced' '
	biz-init >/dev/null &&
	crm-customer add --name Acme >/dev/null &&
	inv-item add BOLT --name Bolt >/dev/null &&
	inv-receive --wh MAIN --sku BOLT --qty 10 --cost 1.00 >/dev/null &&
	crm-order create --customer 1 --line BOLT:4:2.50 >/dev/null &&
	crm-order confirm 1 >/dev/null && crm-order ship 1 >/dev/null &&
	crm-order invoice 1 >out && jqe out 1 ".total == 10"
'

printf 'id,amount,ref,date\n1,4,PAY-1,2026-11-28\n' >pay.csv

# paid 4.00 of 10.00: balance 10.00 - 4.00 = 6.00, dated 2026-11-28.
test_expect_success 'a FILE pays with its ref and date' '
	crm-order pay pay.csv >out &&
	jqe out 1 ".paid == 4 and .balance == 6 and .op == \"updated\"" &&
	ledger-register 1000 >reg &&
	jqe reg 1 ".date == \"2026-11-28\" and .ref == \"PAY-1\" and
		.amount == 4"
'

# The rerun must not pay again: still 4.00 paid (was 4 + 4 = 8.00).
test_expect_success 'the same FILE again is unchanged and writes nothing' '
	snapshot before &&
	crm-order pay pay.csv >out &&
	jqe out 1 ".paid == 4 and .balance == 6 and .op == \"unchanged\"" &&
	snapshot after && test_cmp before after &&
	check_ok
'

test_expect_success 'the same ref for another amount is 1, nothing written' '
	printf "id,amount,ref\n1,5,PAY-1\n" >other.csv &&
	snapshot before &&
	expect_exit 1 crm-order pay other.csv &&
	grep -q "ref .PAY-1. is payment 1 with another amount" err &&
	snapshot after && test_cmp before after
'

test_expect_success 'an unknown field is 65 naming it, nothing written' '
	printf "id,amount,memo\n1,5,x\n" >memo.csv &&
	snapshot before &&
	expect_exit 65 crm-order pay memo.csv &&
	grep -q "memo.csv:2: unknown field .memo." err &&
	snapshot after && test_cmp before after
'

# order instead of id, JSON Lines on stdin: 4.00 + 6.00 = 10.00 paid.
test_expect_success 'JSON Lines on stdin with order, ref and date' '
	echo "{\"order\":1,\"amount\":6,\"ref\":\"PAY-2\",\"date\":\"2026-11-28\"}" \
		>pay.jsonl &&
	crm-order pay - <pay.jsonl >out &&
	jqe out 1 ".paid == 10 and .balance == 0" &&
	crm-order pay - <pay.jsonl >out &&
	jqe out 1 ".paid == 10 and .op == \"unchanged\"" &&
	check_ok
'

test_done
