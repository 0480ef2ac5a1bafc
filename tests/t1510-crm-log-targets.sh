#!/bin/sh
# crm-log add against each of its three targets (lead, customer, deal);
# an id that does not exist is 65 and writes nothing.
. "$(dirname "$0")/lib.sh"

test_expect_success 'setup: a rep, a lead, a customer, a deal' '
	biz-init >/dev/null &&
	crm-rep add ann --name Ann >/dev/null &&
	crm-lead add --name Lee >/dev/null &&
	crm-customer add --name Acme >/dev/null &&
	crm-deal add --customer 1 --title Cups --amount 10 >/dev/null
'

test_expect_success 'one activity on each target' '
	crm-log add --kind call --rep ann --lead 1 >a1 &&
	crm-log add --kind visit --rep ann --customer 1 >a2 &&
	crm-log add --kind quote --rep ann --deal 1 >a3 &&
	cat a1 a2 a3 | jq -r "[.id, .lead, .customer, .deal] | map(tostring) | join(\" \")" >got &&
	cat >want <<-\EOF &&
	1 1 null null
	2 null 1 null
	3 null null 1
	EOF
	test_cmp want got
'

test_expect_success 'list by each target' '
	crm-log list --customer 1 >out &&
	test "$(jq -r .kind out)" = visit &&
	crm-log list --deal 1 >out &&
	test "$(jq -r .kind out)" = quote &&
	crm-log list --lead 1 >out &&
	test "$(jq -r .kind out)" = call
'

test_expect_success 'a customer or deal that does not exist: 65, nothing written' '
	expect_exit 65 crm-log add --kind call --rep ann --customer 9 &&
	grep -q "no such customer 9" err &&
	expect_exit 65 crm-log add --kind call --rep ann --deal 9 &&
	grep -q "no such deal 9" err &&
	expect_exit 65 crm-log add --kind call --rep ann --lead 9 &&
	crm-log list >out &&
	test "$(wc -l <out)" -eq 3
'

test_expect_success 'the customer view shows its latest activities' '
	crm-customer show 1 >out &&
	test "$(jq -r "[.activities[].kind] | join(\" \")" out)" = visit
'

test_expect_success 'list filters naming nothing are bad data (65)' '
	expect_exit 65 crm-log list --rep nobdy &&
	grep -q "no rep .nobdy." err &&
	expect_exit 65 crm-log list --lead 999 &&
	expect_exit 65 crm-log list --customer 999 &&
	expect_exit 65 crm-log list --deal 999
'

test_done
