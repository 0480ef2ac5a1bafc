#!/bin/sh
# inv-supplier: add, rerun, conflicting add, set, show, list; an item's
# supplier must exist.
. "$(dirname "$0")/lib.sh"

test_expect_success 'set up' '
	biz-init >/dev/null
'

test_expect_success 'add a supplier with every field' '
	inv-supplier add ACME --name "Acme Fasteners" --email orders@acme.test \
		--lead-time 7 --lead-time-sd 1.5 --terms 45 >out &&
	jqe out 1 ".op == \"created\" and .code == \"ACME\" and
		.lead_time == 7 and .lead_time_sd == 1.5 and .terms == 45 and
		.email == \"orders@acme.test\""
'

test_expect_success 'the same add again is unchanged' '
	inv-supplier add ACME --name "Acme Fasteners" --email orders@acme.test \
		--lead-time 7 --lead-time-sd 1.5 --terms 45 >out &&
	jqe out 1 ".op == \"unchanged\""
'

test_expect_code 1 'an add with other fields is refused' '
	inv-supplier add ACME --name "Someone else"
'

test_expect_success 'set changes the fields given; a rerun is unchanged' '
	inv-supplier set ACME --terms 30 >out &&
	jqe out 1 ".op == \"updated\" and .terms == 30 and .lead_time == 7" &&
	inv-supplier set ACME --terms 30 >out &&
	jqe out 1 ".op == \"unchanged\"" &&
	biz-events --kind supplier. >ev &&
	test "$(wc -l <ev)" -eq 2
'

test_expect_success 'show and list' '
	inv-supplier add BETA --name Beta >/dev/null &&
	inv-supplier show BETA >out &&
	jqe out 1 ".name == \"Beta\" and .terms == null" &&
	inv-supplier list >out &&
	test "$(jq -r .code out | tr "\n" " ")" = "ACME BETA "
'

test_expect_code 65 'show of an unknown supplier is 65' '
	inv-supplier show NOPE
'

test_expect_code 65 'a negative lead time is bad data' '
	inv-supplier add GAMMA --name Gamma --lead-time -1
'

test_expect_code 64 'add without --name is a usage error' '
	inv-supplier add GAMMA
'

test_expect_code 65 'an item naming an unknown supplier is 65' '
	inv-item add BOLT --name Bolt --supplier NOPE
'

test_expect_success 'nothing was written by the refusals' '
	inv-supplier list >out && test "$(wc -l <out)" -eq 2 &&
	inv-item list >out && test ! -s out
'

test_expect_success 'an item with a known supplier; set to an unknown one' '
	inv-item add BOLT --name Bolt --supplier ACME >/dev/null &&
	expect_exit 65 inv-item set BOLT --supplier NOPE &&
	inv-item show BOLT >out && jqe out 1 ".supplier == \"ACME\""
'

test_done
