#!/bin/sh
# crm-deal: open, move, win, lose, reopen; the stages as data; the
# history of every move; refusals and their exit codes.
. "$(dirname "$0")/lib.sh"

test_expect_success 'setup' '
	biz-init >/dev/null &&
	crm-rep add ann --name Ann >/dev/null &&
	crm-customer add --name Acme >/dev/null
'

test_expect_success 'stages: the defaults in order' '
	crm-deal stages >out &&
	jq -r "[.name, .probability, .order, .kind] | map(tostring) | join(\" \")" out >got &&
	cat >want <<-\EOF &&
	new 10 1 open
	qualified 20 2 open
	proposal 50 3 open
	negotiation 70 4 open
	won 100 5 won
	lost 0 6 lost
	EOF
	test_cmp want got
'

test_expect_success 'add: first stage, exact amount, owner, close' '
	crm-deal add --customer 1 --title "Tea cups" --amount 1234.56 \
		--owner ann --close 2026-12-31 --set source=fair >out &&
	jq -r "[.id, .customer, .title, .amount, .stage, .probability, .owner, .close, .closed_at, .created_at, .source, .op] | map(tostring) | join(\"|\")" out >got &&
	echo "1|1|Tea cups|1234.56|new|10|ann|2026-12-31|null|2026-11-27T08:00:00Z|fair|created" >want &&
	test_cmp want got
'

test_expect_success 'move: the stage and its probability; the same stage is unchanged' '
	BIZ_NOW=2026-11-28T09:00:00Z crm-deal move 1 proposal >out &&
	test "$(jq -r "[.stage, .probability, .op] | map(tostring) | join(\" \")" out)" = "proposal 50 updated" &&
	crm-deal move 1 proposal >out &&
	test "$(jq -r .op out)" = unchanged
'

test_expect_success 'lost takes a reason and sets closed_at; reopening clears it' '
	BIZ_NOW=2026-11-29T10:00:00Z crm-deal lost 1 --reason price >out &&
	test "$(jq -r "[.stage, .closed_at, .lost_reason] | join(\" \")" out)" = "lost 2026-11-29T10:00:00Z price" &&
	BIZ_NOW=2026-11-30T10:00:00Z crm-deal move 1 negotiation >out &&
	test "$(jq -r "[.stage, .closed_at, .lost_reason] | map(tostring) | join(\" \")" out)" = "negotiation null null" &&
	BIZ_NOW=2026-12-01T10:00:00Z crm-deal won 1 >out &&
	test "$(jq -r "[.stage, .probability, .closed_at] | map(tostring) | join(\" \")" out)" = "won 100 2026-12-01T10:00:00Z"
'

test_expect_success 'show: every stage change with its time and actor' '
	crm-deal show 1 >out &&
	jq -r ".history[] | [.from, .to, .at, .actor] | map(tostring) | join(\" \")" out >got &&
	cat >want <<-\EOF &&
	null new 2026-11-27T08:00:00Z tester
	new proposal 2026-11-28T09:00:00Z tester
	proposal lost 2026-11-29T10:00:00Z tester
	lost negotiation 2026-11-30T10:00:00Z tester
	negotiation won 2026-12-01T10:00:00Z tester
	EOF
	test_cmp want got
'

test_expect_success 'a move to an unknown stage is 65 naming the stages, nothing written' '
	expect_exit 65 crm-deal move 1 closing &&
	grep -q "no such stage .closing. (stages: new, qualified, proposal, negotiation, won, lost)" err &&
	test "$(crm-deal show 1 | jq ".history | length")" -eq 5
'

test_expect_success 'bad data: negative amount, missing customer, bad close, unknown owner' '
	expect_exit 65 crm-deal add --customer 1 --title x --amount -5 &&
	grep -q "must not be negative" err &&
	expect_exit 65 crm-deal add --customer 42 --title x --amount 5 &&
	grep -q "no such customer 42" err &&
	expect_exit 65 crm-deal add --customer 1 --title x --amount 5 --close 2026-02-30 &&
	expect_exit 65 crm-deal add --customer 1 --title x --amount 5 --owner zed &&
	expect_exit 65 crm-deal add --customer 1 --title x --amount 1.005 &&
	expect_exit 65 crm-deal show 9 &&
	expect_exit 65 crm-deal won 9 &&
	test "$(crm-deal list | wc -l)" -eq 1
'

test_expect_success 'usage: 64' '
	expect_exit 64 crm-deal add --customer 1 --title x &&
	expect_exit 64 crm-deal move 1 &&
	expect_exit 64 crm-deal won 1 --reason x &&
	expect_exit 64 crm-deal stages set x --probability 101 &&
	expect_exit 64 crm-deal stages --order 2
'

test_expect_success 'stages set: a new stage in its place, probabilities changed' '
	crm-deal stages set demo --probability 35 --order 3 >out &&
	test "$(jq -r "[.name, .probability, .order, .op] | map(tostring) | join(\" \")" out)" = "demo 35 3 created" &&
	crm-deal stages set demo --probability 35 --order 3 >out &&
	test "$(jq -r .op out)" = unchanged &&
	crm-deal stages set proposal --probability 55 >out &&
	test "$(jq -r "[.probability, .order, .op] | map(tostring) | join(\" \")" out)" = "55 4 updated" &&
	crm-deal stages >out &&
	jq -r .name out | tr "\n" " " >got &&
	printf "new qualified demo proposal negotiation won lost " >want &&
	test_cmp want got &&
	expect_exit 65 crm-deal stages set other
'

test_expect_success 'a deal added in a closing stage is closed; list filters' '
	crm-deal add --customer 1 --title Old --amount 10 --stage won >out &&
	test "$(jq -r .closed_at out)" = 2026-11-27T08:00:00Z &&
	crm-deal add --customer 1 --title Open --amount 0 --stage demo >/dev/null &&
	crm-deal list --open >out &&
	jq -r .title out >got && echo Open >want && test_cmp want got &&
	crm-deal list --stage won --owner ann >out &&
	jq -r .id out >got && echo 1 >want && test_cmp want got &&
	expect_exit 65 crm-deal list --stage nope &&
	expect_exit 65 crm-deal list --owner nobody &&
	expect_exit 65 crm-deal list --customer 77
'

test_expect_success 'events: created, moved, stage_set' '
	biz-events --kind deal. >ev &&
	jq -r .kind ev | sort | uniq -c | awk "{print \$2, \$1}" >got &&
	cat >want <<-\EOF &&
	deal.created 3
	deal.moved 4
	deal.stage_set 2
	EOF
	test_cmp want got
'

test_expect_success 'the customer view lists its deals, newest first' '
	crm-customer show 1 >out &&
	jq -r ".deals[] | .id" out | tr "\n" " " >got &&
	printf "3 2 1 " >want &&
	test_cmp want got
'

test_done
