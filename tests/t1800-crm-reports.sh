#!/bin/sh
# crm-funnel, crm-forecast, crm-stats: every figure on a small pipeline
# whose arithmetic is written out here, worked by hand.
#
# Seven deals (amounts in currency units; moves at 00:00Z unless said):
#   D1 ann 1000.00 close 2026-12-15: new 11-01, qualified 11-03,
#      proposal 11-08, won 11-10T12:00
#   D2 ann  500.00 close 2026-12-20: new 11-02, proposal 11-06 (skips
#      qualified), qualified 11-07 (moves back), proposal 11-09; open
#   D3 bob 2000.00 close 2027-01-10: new 11-04, qualified 11-05,
#      lost 11-12
#   D4 bob  100.01 close 2026-12-05: new 11-05; open
#   D5 ann  800.00 close 2027-01-20: new 11-06, qualified 11-07,
#      negotiation 11-09 (skips proposal); open
#   D6 bob  100.00 close 2026-11-20: new 11-10, lost 11-11
#   D7 ann   50.00 close 2026-11-25: new 11-10, lost 11-14
. "$(dirname "$0")/lib.sh"

# at TIME CMD...: runs CMD with BIZ_NOW=TIME, its output discarded.
at() {
	t=$1
	shift
	BIZ_NOW=$t "$@" >/dev/null
}

test_expect_success 'setup: reps, customers, the seven deals and their moves' '
	biz-init >/dev/null &&
	crm-rep add ann --name Ann >/dev/null &&
	crm-rep add bob --name Bob >/dev/null &&
	crm-customer add --name Acme >/dev/null &&
	crm-customer add --name Beta >/dev/null &&
	at 2026-11-01T00:00:00Z crm-deal add --customer 1 --title D1 --amount 1000.00 --owner ann --close 2026-12-15 &&
	at 2026-11-02T00:00:00Z crm-deal add --customer 1 --title D2 --amount 500 --owner ann --close 2026-12-20 &&
	at 2026-11-04T00:00:00Z crm-deal add --customer 2 --title D3 --amount 2000 --owner bob --close 2027-01-10 &&
	at 2026-11-05T00:00:00Z crm-deal add --customer 2 --title D4 --amount 100.01 --owner bob --close 2026-12-05 &&
	at 2026-11-06T00:00:00Z crm-deal add --customer 1 --title D5 --amount 800 --owner ann --close 2027-01-20 &&
	at 2026-11-10T00:00:00Z crm-deal add --customer 2 --title D6 --amount 100 --owner bob --close 2026-11-20 &&
	at 2026-11-10T00:00:00Z crm-deal add --customer 1 --title D7 --amount 50 --owner ann --close 2026-11-25 &&
	at 2026-11-03T00:00:00Z crm-deal move 1 qualified &&
	at 2026-11-08T00:00:00Z crm-deal move 1 proposal &&
	at 2026-11-10T12:00:00Z crm-deal won 1 &&
	at 2026-11-06T00:00:00Z crm-deal move 2 proposal &&
	at 2026-11-07T00:00:00Z crm-deal move 2 qualified &&
	at 2026-11-09T00:00:00Z crm-deal move 2 proposal &&
	at 2026-11-05T00:00:00Z crm-deal move 3 qualified &&
	at 2026-11-12T00:00:00Z crm-deal lost 3 --reason price &&
	at 2026-11-07T00:00:00Z crm-deal move 5 qualified &&
	at 2026-11-09T00:00:00Z crm-deal move 5 negotiation &&
	at 2026-11-11T00:00:00Z crm-deal lost 6 &&
	at 2026-11-14T00:00:00Z crm-deal lost 7
'

# Columns: stage entered now next conversion stays avg_days.
funnel_line='[.stage, .entered, .now, .next, .conversion, .stays, .avg_days] | map(tostring) | join(" ")'

# entered: the deals that ever entered the stage, each once (D2 enters
#   proposal twice): new 7; qualified D1 D2 D3 D5 = 4; proposal D1 D2 =
#   2; negotiation D5 = 1; won D1 = 1; lost D3 D6 D7 = 3.
# conversion = entered next / entered: 4/7 = 0.571428 -> 0.5714;
#   2/4 = 0.5; 1/2 = 0.5; negotiation -> won 1/1 = 1 (D1 skipped
#   negotiation: the ratio counts entries, not paths).
# stays that ended, in days: new D1 2, D2 4, D3 1, D5 1, D6 1, D7 4 =
#   13/6 = 2.1666 -> 2.17; qualified D1 5, D2 2, D3 7, D5 2 = 16/4 = 4;
#   proposal D1 2.5, D2 1 (its second stay is open) = 3.5/2 = 1.75.
test_expect_success 'crm-funnel: entered, now, conversion, average days' '
	crm-funnel >out &&
	jq -r "$funnel_line" out >got &&
	cat >want <<-\EOF &&
	new 7 1 qualified 0.5714 6 2.17
	qualified 4 0 proposal 0.5 4 4
	proposal 2 1 negotiation 0.5 2 1.75
	negotiation 1 1 won 1 0 null
	won 1 1 null null 0 null
	lost 3 3 null null 0 null
	EOF
	test_cmp want got
'

# bob: D3 D4 D6.  new entered 3, qualified 1 (D3): 1/3 -> 0.3333;
# qualified -> proposal 0/1 = 0; stays new D3 1 + D6 1 = 2/2 = 1;
# qualified D3 7.
test_expect_success 'crm-funnel --owner: one rep'"'"'s deals' '
	crm-funnel --owner bob >out &&
	jq -r "$funnel_line" out >got &&
	cat >want <<-\EOF &&
	new 3 1 qualified 0.3333 2 1
	qualified 1 0 proposal 0 1 7
	proposal 0 0 negotiation null 0 null
	negotiation 0 0 won null 0 null
	won 0 0 null null 0 null
	lost 2 2 null null 0 null
	EOF
	test_cmp want got
'

# 2026-11-08 to 2026-11-10 is [11-08T00, 11-11T00): entries new D6 D7;
# proposal D1 (11-08) D2 (11-09); negotiation D5; won D1 (11-10T12);
# D6 is lost at 11-11T00, outside.  Stays begun inside that ended: new
# D6 1 + D7 4 = 5/2 = 2.5; proposal D1 2.5 (D2's is open).  now is today.
test_expect_success 'crm-funnel --from --to: entries in the period' '
	crm-funnel --from 2026-11-08 --to 2026-11-10 >out &&
	jq -r "$funnel_line" out >got &&
	cat >want <<-\EOF &&
	new 2 1 qualified 0 2 2.5
	qualified 0 0 proposal null 0 null
	proposal 2 1 negotiation 0.5 1 2.5
	negotiation 1 1 won 1 0 null
	won 1 1 null null 0 null
	lost 0 3 null null 0 null
	EOF
	test_cmp want got
'

# Historical rates, from the closed deals D1 (won), D3, D6, D7 (lost):
#   new: reached by all four, 1 won = 1/4; qualified: D1 D3 = 1/2;
#   proposal: D1 = 1/1; negotiation: no closed deal reached it = 0.
# Open deals: D2 proposal 500.00 (12-20), D4 new 100.01 (12-05),
#   D5 negotiation 800.00 (2027-01-20).  In minor units:
#   2026-12 weighted (10001*10 + 50000*50)/100 = 26000.1 -> 26000;
#     historical 10001*1/4 = 2500.25 -> 2500, + 50000*1/1 = 52500;
#     best 10001 + 50000 = 60001.
#   2027-01 weighted 80000*70/100 = 56000; historical 80000*0 = 0.
#   won: D1 1000.00, closed 2026-11-10: month 2026-11.
forecast_line='[.month // .rep // .stage, .deals, .weighted, .historical, .best_case, .won_deals, .won] | map(tostring) | join(" ")'

test_expect_success 'crm-forecast: weighted and historical differ' '
	crm-forecast >out &&
	jq -r "$forecast_line" out >got &&
	cat >want <<-\EOF &&
	2026-11 0 0 0 0 1 1000
	2026-12 2 260 525 600.01 0 0
	2027-01 1 560 0 800 0 0
	EOF
	test_cmp want got
'

# ann: D2 + D5: weighted (50000*50 + 80000*70)/100 = 81000; historical
#   50000 + 0; best 130000; won D1 100000.
# bob: D4: weighted 1000.1 -> 1000; historical 2500.25 -> 2500.
test_expect_success 'crm-forecast --by rep and --by stage' '
	crm-forecast --by rep >out &&
	jq -r "$forecast_line" out >got &&
	cat >want <<-\EOF &&
	ann 2 810 500 1300 1 1000
	bob 1 10 25 100.01 0 0
	EOF
	test_cmp want got &&
	crm-forecast --by stage >out &&
	jq -r "$forecast_line" out >got &&
	cat >want <<-\EOF &&
	new 1 10 25 100.01 0 0
	proposal 1 250 500 500 0 0
	negotiation 1 560 0 800 0 0
	won 0 0 0 0 1 1000
	EOF
	test_cmp want got
'

test_expect_success 'crm-forecast --from --to: expected close in December' '
	crm-forecast --from 2026-12 --to 2026-12 >out &&
	jq -r "$forecast_line" out >got &&
	echo "2026-12 2 260 525 600.01 0 0" >want &&
	test_cmp want got
'

test_expect_success 'setup: leads assigned on 11-01T08:00, first contacts, activities' '
	cat >rules.json <<-\EOF &&
	[{"name": "n", "when": ".region == \"north\"", "reps": ["ann"]},
	 {"name": "s", "when": ".region == \"south\"", "reps": ["bob"]}]
	EOF
	for i in 1 2 3; do crm-lead add --name "N$i" --region north >/dev/null || exit 1; done &&
	for i in 4 5 6; do crm-lead add --name "S$i" --region south >/dev/null || exit 1; done &&
	at 2026-11-01T08:00:00Z crm-assign --rules rules.json &&
	crm-log add --kind call --rep ann --lead 1 --at 2026-11-01T10:00:00Z >/dev/null &&
	crm-log add --kind email --rep ann --lead 2 --at 2026-11-01T14:00:00Z >/dev/null &&
	crm-log add --kind call --rep ann --lead 3 --at 2026-11-02T08:00:00Z >/dev/null &&
	crm-log add --kind call --rep bob --lead 4 --at 2026-11-01T09:30:00Z >/dev/null &&
	crm-log add --kind visit --rep bob --lead 5 --at 2026-11-01T11:00:00Z >/dev/null &&
	crm-log add --kind note --rep ann --customer 1 --at 2026-11-15T09:00:00Z >/dev/null &&
	crm-log add --kind meeting --rep bob --deal 3 --at 2026-11-02T10:00:00Z >/dev/null
'

# ann: activities call 2, email 1, note 1 = 4; leads 3; hours to first
#   contact 2, 6, 24: median 6; won D1, lost D7: win rate 1/2 = 0.5;
#   cycle D1 11-01T00 -> 11-10T12 = 9.5 days.
# bob: call 1, visit 1, meeting 1 = 3; leads 3 (S6 never contacted);
#   hours 1.5 and 3: median (1.5 + 3)/2 = 2.25; won 0, lost D3 D6:
#   win rate 0/2 = 0; no won deal: cycle null.
stats_line='[.rep, .activities, .call, .visit, .email, .meeting, .quote, .note, .leads_assigned, .median_hours_to_first_contact, .deals_won, .deals_lost, .amount_won, .win_rate, .avg_cycle_days] | map(tostring) | join(" ")'

test_expect_success 'crm-stats: per rep' '
	crm-stats >out &&
	jq -r "$stats_line" out >got &&
	cat >want <<-\EOF &&
	ann 4 2 0 1 0 0 1 3 6 1 1 1000 0.5 9.5
	bob 3 1 1 0 1 0 0 3 2.25 0 2 0 0 null
	EOF
	test_cmp want got
'

# 11-12 to 11-30: ann's note (11-15); no lead assigned; closed: D3
# (bob, 11-12) and D7 (ann, 11-14) lost; D6 (11-11) and D1 (11-10) out.
test_expect_success 'crm-stats --from --to and --rep' '
	crm-stats --from 2026-11-12 --to 2026-11-30 >out &&
	jq -r "$stats_line" out >got &&
	cat >want <<-\EOF &&
	ann 1 0 0 0 0 0 1 0 null 0 1 0 0 null
	bob 0 0 0 0 0 0 0 0 null 0 1 0 0 null
	EOF
	test_cmp want got &&
	crm-stats --rep bob --from 2026-11 >out &&
	test "$(jq -r .rep out)" = bob &&
	test "$(jq -r .deals_lost out)" = 2
'

test_expect_success 'refusals: an unknown rep is 65, a bad date or --by is 64' '
	expect_exit 65 crm-funnel --owner nobody &&
	grep -q "no such rep .nobody." err &&
	expect_exit 65 crm-stats --rep nobody &&
	expect_exit 64 crm-funnel --from 2026-13-01 &&
	expect_exit 64 crm-forecast --by week &&
	expect_exit 64 crm-stats --from 2026-12-01 --to 2026-11-01
'

test_expect_success 'reports run again give the same figures (read-only)' '
	crm-forecast >again &&
	crm-forecast >out &&
	test_cmp again out
'

test_expect_success 'csv: the fields in their order, exact decimals' '
	crm-forecast --by rep -f csv >out.csv &&
	sed -n 1,2p out.csv >got &&
	printf "rep,deals,weighted,historical,best_case,won_deals,won\nann,2,810.00,500.00,1300.00,1,1000.00\n" >want &&
	test_cmp want got
'

# Two leads assigned to amy on 11-01T08:00: one contacted 48 hours
# before (a call logged from before the assignment), one 4 hours after.
# The first waited 0 hours, not -48: median (0 + 4) / 2 = 2 (it printed
# (-48 + 4) / 2 = -22).
test_expect_success 'crm-stats: a contact before the assignment waited 0 hours' '
	BIZ_DB=$SCRATCH/early.db && export BIZ_DB &&
	biz-init >/dev/null &&
	crm-rep add amy --name Amy >/dev/null &&
	crm-lead add --name E1 >/dev/null && crm-lead add --name E2 >/dev/null &&
	at 2026-11-01T08:00:00Z crm-assign &&
	crm-log add --kind call --rep amy --lead 1 --at 2026-10-30T08:00:00Z >/dev/null &&
	crm-log add --kind call --rep amy --lead 2 --at 2026-11-01T12:00:00Z >/dev/null &&
	crm-stats --rep amy >out &&
	jqe out 1 ".leads_assigned == 2 and .median_hours_to_first_contact == 2"
'

test_done
