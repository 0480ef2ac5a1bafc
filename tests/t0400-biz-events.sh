#!/bin/sh
# biz-events: the audit trail and change feed.
. "$(dirname "$0")/lib.sh"

test_expect_success 'set up: three changes' '
	biz-init >/dev/null &&
	crm-rep add ann --name Ann >/dev/null &&
	BIZ_ACTOR=cron crm-lead add --name Lee --email lee@example.com >/dev/null
'

test_expect_success 'events carry id, time, actor, kind, entity and data' '
	biz-events >out &&
	test "$(wc -l <out)" -eq 3 &&
	test "$(field out 1 kind)" = db.created &&
	test "$(field out 2 kind)" = rep.created &&
	test "$(field out 2 actor)" = tester &&
	test "$(field out 2 at)" = 2026-11-27T08:00:00Z &&
	test "$(field out 3 actor)" = cron &&
	test "$(field out 3 entity)" = lead &&
	test "$(field out 3 entity_id)" = 1 &&
	test "$(field out 3 data.email)" = lee@example.com
'

test_expect_success '--since and --kind select events' '
	biz-events --since 1 --kind lead >out &&
	test "$(wc -l <out)" -eq 1 && test "$(field out 1 id)" = 3 &&
	biz-events --since 3 >out && test ! -s out
'

test_expect_success '--actor overrides BIZ_ACTOR' '
	crm-rep set ann --team red --actor admin >/dev/null &&
	biz-events --since 3 >out && test "$(field out 1 actor)" = admin
'

test_expect_success '--follow prints events as they are appended' '
	biz-events --follow --since 4 >follow &
	pid=$! &&
	crm-rep add bob --name Bob >/dev/null &&
	i=0 && while [ $i -lt 40 ] && ! grep -q rep.created follow; do
		sleep 0.1; i=$((i + 1)); done
	kill $pid; wait $pid 2>/dev/null
	test "$(field follow 1 kind)" = rep.created &&
	test "$(field follow 1 entity_id)" = bob
'

test_expect_code 64 '--since needs a number' 'biz-events --since x'
test_expect_code 64 'an operand is a usage error' 'biz-events extra'

test_expect_success '--kind: a prefix no kind has is bad data; an entity is fine' '
	expect_exit 65 biz-events --kind leed &&
	grep -q "no event kind starts with .leed." err &&
	expect_exit 0 biz-events --kind lead. &&
	expect_exit 0 biz-events --kind ticket
'

# --sort sorts every event, then --limit keeps the first: the newest two,
# not the two oldest read first.
test_expect_success '--sort -id --limit 2: the two newest events' '
	biz-events -o id >all &&
	n=$(wc -l <all) && test "$n" -gt 2 &&
	biz-events --sort -id --limit 2 -o id >two &&
	test "$(jq -s "map(.id)" two | jq -c .)" = "[$n,$((n - 1))]"
'

test_done
