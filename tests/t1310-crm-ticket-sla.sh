#!/bin/sh
# crm-ticket: targets per priority as data, breaches at $BIZ_NOW, and
# the statistics per period and rep, every figure worked out by hand.
. "$(dirname "$0")/lib.sh"

at() {
	when=$1
	shift
	BIZ_NOW=$when "$@" >/dev/null
}

test_expect_success 'set up' '
	biz-init >/dev/null &&
	crm-rep add ann --name Ann >/dev/null &&
	crm-rep add bob --name Bob >/dev/null &&
	crm-customer add --name Acme >/dev/null
'

test_expect_success 'targets: the defaults; set one; unchanged on rerun' '
	crm-ticket targets >out &&
	jq -r "[.priority, .response_hours, .resolution_hours] | map(tostring) | join(\" \")" out >got &&
	printf "urgent 1 4\nhigh 4 24\nnormal 8 72\nlow 24 168\n" >want &&
	test_cmp want got &&
	crm-ticket targets set low --response 12 --resolution 48 >out &&
	jqe out 1 ".response_minutes == 720 and .resolution_minutes == 2880
		and .op == \"updated\"" &&
	crm-ticket targets set low --response 12 >out &&
	jqe out 1 ".op == \"unchanged\"" &&
	crm-ticket targets set high --resolution 1.5 >out &&
	crm-ticket targets set high --resolution 24 >out &&
	expect_exit 64 crm-ticket targets set mega --response 1 &&
	expect_exit 64 crm-ticket targets set low --response 0 &&
	expect_exit 64 crm-ticket targets set low --response 0.01
'

# T1 urgent ann: reply after 0.5 h, resolved after 3 h, csat 5.
# T2 urgent ann: reply after 2 h (> 1 h), resolved after 6 h (> 4 h), csat 3.
# T3 high bob: reply after 1 h, resolved after 22 h (< 24 h), no csat.
# T4 normal ann, opened 11-26 08:00, no reply.
# T5 low bob (12 h / 48 h), opened 11-27 00:00, no reply.
# T6 urgent nobody, opened 11-27 06:00, reply after 0.5 h.
# T7 high bob in October: reply after 1 h, resolved after 26 h (> 24 h), csat 4.
test_expect_success 'seven tickets over two months' '
	at 2026-11-01T08:00:00Z crm-ticket open --customer 1 --subject t1 --priority urgent --owner ann &&
	at 2026-11-01T08:30:00Z crm-ticket reply 1 &&
	at 2026-11-01T11:00:00Z crm-ticket resolve 1 &&
	at 2026-11-01T12:00:00Z crm-ticket close 1 --csat 5 &&
	at 2026-11-02T08:00:00Z crm-ticket open --customer 1 --subject t2 --priority urgent --owner ann &&
	at 2026-11-02T10:00:00Z crm-ticket reply 2 &&
	at 2026-11-02T14:00:00Z crm-ticket resolve 2 &&
	at 2026-11-02T15:00:00Z crm-ticket close 2 --csat 3 &&
	at 2026-11-03T08:00:00Z crm-ticket open --customer 1 --subject t3 --priority high --owner bob &&
	at 2026-11-03T09:00:00Z crm-ticket reply 3 &&
	at 2026-11-04T06:00:00Z crm-ticket resolve 3 &&
	at 2026-11-04T07:00:00Z crm-ticket close 3 &&
	at 2026-11-26T08:00:00Z crm-ticket open --customer 1 --subject t4 --owner ann &&
	at 2026-11-27T00:00:00Z crm-ticket open --customer 1 --subject t5 --priority low --owner bob &&
	at 2026-11-27T06:00:00Z crm-ticket open --customer 1 --subject t6 --priority urgent &&
	at 2026-11-27T06:30:00Z crm-ticket reply 6 &&
	at 2026-10-15T08:00:00Z crm-ticket open --customer 1 --subject t7 --priority high --owner bob &&
	at 2026-10-15T09:00:00Z crm-ticket reply 7 &&
	at 2026-10-16T10:00:00Z crm-ticket resolve 7 &&
	at 2026-10-16T11:00:00Z crm-ticket close 7 --csat 4
'

# At 11-27 08:00: T4 has waited 24 h for a reply (target 8 h); T5 8 h
# of 12; T6 answered, 2 h of 4 to resolve.  At 11:00 T6 is 5 h open
# (> 4 h).  At 13:00 T5 has waited 13 h (> 12 h).
test_expect_success 'list --breached: open tickets past a target at BIZ_NOW' '
	crm-ticket list --breached >out &&
	test "$(jq -r "[.id, (.breached | join(\",\"))] | join(\" \")" out)" = "4 response" &&
	BIZ_NOW=2026-11-27T11:00:00Z crm-ticket list --breached >out &&
	jq -r "[.id, (.breached | join(\",\"))] | join(\" \")" out >got &&
	printf "4 response\n6 resolution\n" >want && test_cmp want got &&
	BIZ_NOW=2026-11-27T13:00:00Z crm-ticket list --breached >out &&
	test "$(jq -r .id out | tr "\n" " ")" = "4 5 6 " &&
	crm-ticket show 2 >out &&
	jqe out 1 ".breached == [\"response\", \"resolution\"]"
'

# Per month and rep at 11-27 08:00 (opened, first responses and breaches
# by the month opened; resolutions by the month resolved; csat by the
# month closed):
#   2026-10 bob: T7: opened 1 resolved 1, response 1 h, resolution 26 h,
#     1 breach, csat 4 of 1
#   2026-11 ann: T1 T2 T4 opened 3; responses 0.5 and 2 h -> median
#     1.25; resolved T1 3 h, T2 6 h -> 2, median 4.5; breaches T2 T4 = 2;
#     csat 5 and 3 -> 4 of 2
#   2026-11 bob: T3 T5 opened 2; response 1 h; resolved T3 22 h;
#     breaches 0; no csat
#   2026-11 (nobody): T6 opened 1; response 0.5 h; none resolved
test_expect_success 'stats per month and rep, by hand' '
	crm-ticket stats >out &&
	jq -r "[.period, .rep, .opened, .resolved, .median_response_hours, .median_resolution_hours, .breaches, .avg_csat, .csat_answered] | map(tostring) | join(\" \")" out >got &&
	cat >want <<-\EOF &&
	2026-10 bob 1 1 1 26 1 4 1
	2026-11 ann 3 2 1.25 4.5 2 4 2
	2026-11 bob 2 1 1 22 0 null 0
	2026-11 null 1 0 0.5 null 0 null 0
	EOF
	test_cmp want got
'

# 11-02 and 11-03 (to is the whole day): opened T2 (ann) and T3 (bob);
# resolved in the days: T2 only (T3 on 11-04); T2 closed 11-02 with 3.
test_expect_success 'stats --from --to --by all, and --rep' '
	crm-ticket stats --from 2026-11-02 --to 2026-11-03 --by all >out &&
	jq -r "[.period, .rep, .opened, .resolved, .median_response_hours, .median_resolution_hours, .breaches, .avg_csat, .csat_answered] | map(tostring) | join(\" \")" out >got &&
	cat >want <<-\EOF &&
	all ann 1 1 2 6 1 3 1
	all bob 1 0 1 null 0 null 0
	EOF
	test_cmp want got &&
	crm-ticket stats --rep bob --by all >out &&
	test "$(jq -r "[.opened, .resolved, .median_resolution_hours, .breaches] | map(tostring) | join(\" \")" out)" = "3 2 24 1" &&
	expect_exit 65 crm-ticket stats --rep zed &&
	expect_exit 64 crm-ticket stats --by week
'

test_done
