#!/bin/sh
# crm-ticket: open, assign, reply, resolve, close with a csat, reopen;
# the history; bad input (65, 64) and refusals (1) that write nothing.
. "$(dirname "$0")/lib.sh"

snapshot() {
	{ biz-events; crm-ticket list; } >"$1"
}

test_expect_success 'set up' '
	biz-init >/dev/null &&
	crm-rep add ann --name Ann >/dev/null &&
	crm-rep add bob --name Bob >/dev/null &&
	crm-customer add --name Acme >/dev/null
'

test_expect_success 'open: priority, channel, custom field; normal by default' '
	crm-ticket open --customer 1 --subject "Chipped cup" --priority high \
		--channel email --set order=7 >out &&
	jq -r "[.id, .customer, .subject, .priority, .channel, .status, .owner, .opened_at, .first_response_at, .csat, .order, .op] | map(tostring) | join(\"|\")" out >got &&
	echo "1|1|Chipped cup|high|email|open|null|2026-11-27T08:00:00Z|null|null|7|created" >want &&
	test_cmp want got &&
	crm-ticket open --customer 1 --subject "Invoice copy" >out &&
	test "$(jq -r .priority out)" = normal
'

# High: 4 h to respond, 24 h to resolve, from 08:00.
test_expect_success 'the due times come from the priority targets' '
	crm-ticket show 1 >out &&
	jqe out 1 ".response_due == \"2026-11-27T12:00:00Z\" and
		.resolution_due == \"2026-11-28T08:00:00Z\" and .breached == []"
'

test_expect_success 'assign; the same owner again is unchanged' '
	crm-ticket assign 1 ann >out &&
	jqe out 1 ".owner == \"ann\" and .op == \"updated\"" &&
	crm-ticket assign 1 ann >out &&
	jqe out 1 ".op == \"unchanged\""
'

test_expect_success 'reply sets first_response_at once' '
	BIZ_NOW=2026-11-27T09:15:00Z crm-ticket reply 1 --note "sorry" >out &&
	test "$(jq -r .first_response_at out)" = 2026-11-27T09:15:00Z &&
	BIZ_NOW=2026-11-27T10:00:00Z crm-ticket reply 1 >out &&
	test "$(jq -r .first_response_at out)" = 2026-11-27T09:15:00Z
'

test_expect_success 'resolve, close with a csat, reopen clears them' '
	BIZ_NOW=2026-11-27T11:00:00Z crm-ticket resolve 1 >out &&
	jqe out 1 ".status == \"resolved\" and .resolved_at == \"2026-11-27T11:00:00Z\"" &&
	BIZ_NOW=2026-11-27T12:00:00Z crm-ticket close 1 --csat 5 >out &&
	jqe out 1 ".status == \"closed\" and .csat == 5 and
		.closed_at == \"2026-11-27T12:00:00Z\" and
		.resolved_at == \"2026-11-27T11:00:00Z\"" &&
	BIZ_NOW=2026-11-28T08:00:00Z crm-ticket reopen 1 --note "again" >out &&
	jqe out 1 ".status == \"open\" and .csat == null and .resolved_at == null
		and .closed_at == null" &&
	BIZ_NOW=2026-11-28T09:00:00Z crm-ticket close 1 >out &&
	jqe out 1 ".status == \"closed\" and .csat == null and
		.resolved_at == \"2026-11-28T09:00:00Z\""
'

test_expect_success 'show: the status history with times and actors' '
	crm-ticket show 1 >out &&
	jq -r ".history[] | [.action, .from, .to, .at, .actor] | map(tostring) | join(\" \")" out >got &&
	cat >want <<-\EOF &&
	opened null open 2026-11-27T08:00:00Z tester
	assigned open open 2026-11-27T08:00:00Z tester
	replied open open 2026-11-27T09:15:00Z tester
	replied open open 2026-11-27T10:00:00Z tester
	resolved open resolved 2026-11-27T11:00:00Z tester
	closed resolved closed 2026-11-27T12:00:00Z tester
	reopened closed open 2026-11-28T08:00:00Z tester
	closed open closed 2026-11-28T09:00:00Z tester
	EOF
	test_cmp want got &&
	biz-events --kind ticket. >out &&
	test "$(wc -l <out)" -eq 9
'

test_expect_success 'refusals are 1 and write nothing' '
	snapshot before &&
	expect_exit 1 crm-ticket close 1 --csat 4 &&
	grep -q "ticket 1 is already closed" err &&
	expect_exit 1 crm-ticket reply 1 &&
	expect_exit 1 crm-ticket resolve 1 &&
	expect_exit 1 crm-ticket reopen 2 &&
	expect_exit 1 crm-ticket assign 1 bob &&
	snapshot after && test_cmp before after
'

test_expect_success 'bad input: 65 and 64, nothing written' '
	snapshot before &&
	expect_exit 65 crm-ticket close 2 --csat 6 &&
	grep -q "csat .6.: not a whole number from 1 to 5" err &&
	expect_exit 65 crm-ticket close 2 --csat 0 &&
	expect_exit 65 crm-ticket open --customer 9 --subject x &&
	grep -q "no such customer 9" err &&
	expect_exit 64 crm-ticket open --customer 1 --subject x --priority mega &&
	expect_exit 65 crm-ticket open --customer 1 --subject x --owner zed &&
	expect_exit 65 crm-ticket assign 2 zed &&
	expect_exit 65 crm-ticket show 9 &&
	expect_exit 64 crm-ticket open --subject x &&
	expect_exit 64 crm-ticket list --status pending &&
	expect_exit 65 crm-ticket list --customer 9 &&
	snapshot after && test_cmp before after
'

test_expect_success 'list: by status, owner, open' '
	crm-ticket list --open >out &&
	test "$(jq -r .id out)" = 2 &&
	crm-ticket list --status closed --owner ann >out &&
	test "$(jq -r .id out)" = 1 &&
	crm-ticket list --dry-run >/dev/null &&
	crm-ticket open --customer 1 --subject y --dry-run >out &&
	test "$(crm-ticket list | wc -l)" -eq 2
'

test_done
