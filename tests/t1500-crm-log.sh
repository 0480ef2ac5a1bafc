#!/bin/sh
# crm-log: logging activities, listing them, and the contacted transition.
. "$(dirname "$0")/lib.sh"

test_expect_success 'setup: a rep, two leads, one assigned' '
	biz-init >/dev/null &&
	crm-rep add ann --name Ann >/dev/null &&
	crm-rep add bob --name Bob >/dev/null &&
	crm-lead add --name one >/dev/null &&
	crm-assign >/dev/null &&
	crm-lead add --name two >/dev/null
'

test_expect_success 'the first activity on an assigned lead marks it contacted' '
	BIZ_NOW=2026-11-27T09:30:00Z crm-log add --kind call --rep ann \
		--lead 1 --outcome "left a message" --minutes 3 >out &&
	jq -r "[.id, .kind, .rep, .lead, .customer, .deal, .outcome, .minutes, .at, .op] | map(tostring) | join(\" \")" out >got &&
	echo "1 call ann 1 null null left a message 3 2026-11-27T09:30:00Z created" >want &&
	test_cmp want got &&
	crm-lead show 1 >lead &&
	test "$(jq -r .status lead)" = contacted &&
	test "$(jq -r .first_contact_at lead)" = 2026-11-27T09:30:00Z &&
	biz-events --kind lead.contacted >events &&
	test "$(wc -l <events)" -eq 1
'

test_expect_success 'later activities keep the first contact time' '
	crm-log add --kind email --rep ann --lead 1 \
		--at 2026-11-28T10:00:00Z >/dev/null &&
	crm-lead show 1 >lead &&
	test "$(jq -r .first_contact_at lead)" = 2026-11-27T09:30:00Z &&
	biz-events --kind lead.contacted >events &&
	test "$(wc -l <events)" -eq 1
'

test_expect_success 'an activity on a new lead leaves its status alone' '
	crm-log add --kind note --rep bob --lead 2 >/dev/null &&
	test "$(crm-lead show 2 | jq -r .status)" = new
'

test_expect_success 'customer and deal ids are stored as given' '
	crm-customer add --name Acme >/dev/null &&
	crm-deal add --customer 1 --title Cups --amount 1 >/dev/null &&
	crm-log add --kind visit --rep bob --customer 1 --minutes 45 >out &&
	test "$(jq -r .customer out)" = 1 &&
	test "$(jq -r .lead out)" = null &&
	crm-log add --kind quote --rep ann --deal 1 >out &&
	test "$(jq -r .deal out)" = 1
'

test_expect_success 'list: all, by lead, by rep' '
	crm-log list >all &&
	test "$(wc -l <all)" -eq 5 &&
	crm-log list --lead 1 >got1 &&
	jq -r .kind got1 >got &&
	printf "call\nemail\n" >want &&
	test_cmp want got &&
	crm-log list --rep bob >got2 &&
	jq -r .kind got2 >got &&
	printf "note\nvisit\n" >want &&
	test_cmp want got &&
	crm-log list --where ".minutes > 10" >got3 &&
	test "$(jq -r .kind got3)" = visit
'

test_expect_success 'bad input: rep, lead, time (65); usage, kind (64)' '
	expect_exit 64 crm-log add --kind lunch --rep ann --lead 1 &&
	expect_exit 65 crm-log add --kind call --rep nobody --lead 1 &&
	grep "no rep .nobody." err &&
	expect_exit 65 crm-log add --kind call --rep ann --lead 99 &&
	expect_exit 65 crm-log add --kind call --rep ann --lead 1 --at soon &&
	expect_exit 64 crm-log add --kind call --rep ann &&
	expect_exit 64 crm-log add --kind call --rep ann --lead 1 --deal 2 &&
	expect_exit 64 crm-log add --kind call --lead 1 &&
	expect_exit 64 crm-log add --kind call --rep ann --lead x &&
	expect_exit 64 crm-log add --kind call --rep ann --lead 1 --minutes -1 &&
	expect_exit 64 crm-log list --kind call &&
	expect_exit 64 crm-log frobnicate &&
	crm-log list >all &&
	test "$(wc -l <all)" -eq 5
'

test_expect_success '--dry-run logs nothing' '
	crm-lead add --name three >/dev/null &&
	crm-assign 3 >/dev/null &&
	crm-log add --kind call --rep ann --lead 3 --dry-run >out &&
	test "$(jq -r .kind out)" = call &&
	test "$(crm-lead show 3 | jq -r .status)" = assigned &&
	crm-log list --lead 3 >out &&
	test ! -s out
'

test_expect_success 'logged activity keeps a lead from going stale' '
	BIZ_NOW=2026-12-05T08:00:00Z crm-assign --reassign-stale 24 >out &&
	jq -r "select(.from) | .lead" out >got &&
	echo 3 >want &&
	test_cmp want got
'

# Each verb takes only its own options: one that belongs to another verb
# is a usage error (64), not a filter silently ignored.
test_expect_code 64 'list refuses add'"'"'s --kind' 'crm-log list --kind call'
test_expect_code 64 'list refuses add'"'"'s --outcome' 'crm-log list --outcome x'
test_expect_code 64 'list refuses add'"'"'s --minutes' 'crm-log list --minutes 5'
test_expect_code 64 'an unknown subcommand' 'crm-log erase'

test_done
