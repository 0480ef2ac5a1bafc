#!/bin/sh
# ledger-post --ref: a replay is "op":"unchanged" (exit 0); the same ref
# with another date, memo or postings is refused (exit 1) naming what
# differs; a bare ACCOUNT takes the inferred amount.
. "$(dirname "$0")/lib.sh"

test_expect_success 'setup' '
	biz-init >/dev/null
'

# 1000 = -50.00, the bare 5000 inferred: 0 - (-50.00) = 50.00.
test_expect_success 'a bare ACCOUNT takes the inferred amount' '
	expect_exit 0 ledger-post --date 2026-11-01 --memo Rent --ref L1 \
		1000=-50 5000 &&
	jqe out 1 ".op == \"created\" and .postings[1].account == \"5000\"
		and .postings[1].amount == 50"
'

test_expect_success 'the same entry again, postings in another order' '
	expect_exit 0 ledger-post --date 2026-11-01 --memo Rent --ref L1 \
		5000=50 1000=-50 &&
	jqe out 1 ".op == \"unchanged\" and .id == 1" &&
	grep -q "already posted as entry 1" err
'

test_expect_success 'the same ref with another amount: refused' '
	expect_exit 1 ledger-post --date 2026-11-01 --memo Rent --ref L1 \
		1000=-60 5000 &&
	test ! -s out &&
	grep -q "ref .L1. is entry 1 with postings 1000 -50, 5000 50, not 1000 -60, 5000 60" err
'

test_expect_success 'the same ref with another date or memo: refused' '
	expect_exit 1 ledger-post --date 2026-11-02 --memo Rent --ref L1 \
		1000=-50 5000 &&
	grep -q "dated 2026-11-01, not 2026-11-02" err &&
	expect_exit 1 ledger-post --date 2026-11-01 --memo Lease --ref L1 \
		1000=-50 5000 &&
	grep -q "memo .Rent., not .Lease." err
'

test_expect_success 'a batch with a changed entry: refused, nothing posted' '
	cat >in.jsonl <<-\EOF &&
	{"date":"2026-11-03","memo":"Fees","ref":"L2","postings":[{"account":"1000","amount":"-5"},{"account":"5000","amount":"5"}]}
	{"date":"2026-11-01","memo":"Rent","ref":"L1","postings":[{"account":"1000","amount":"-55"},{"account":"5000"}]}
	EOF
	expect_exit 1 ledger-post in.jsonl &&
	grep -q "ref .L1." err &&
	ledger-balance >bal &&
	jq -s -e "map(select(.account == \"1000\"))[0].balance == -50" bal >/dev/null
'

test_done
