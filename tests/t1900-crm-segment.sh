#!/bin/sh
# crm-segment: the filters AND together; --rfm scores worked out by hand
# (the cut points written below); the output feeds crm-customer tag -.
. "$(dirname "$0")/lib.sh"

# One invoice of one cup at PRICE for customer C dated D: an order
# created, confirmed, shipped and invoiced that day.
sale() {
	crm-order create --customer "$1" --line "CUP:1:$3" --date "$2" \
		>/dev/null &&
	id=$(crm-order list --customer "$1" | jq -s "map(.id) | max") &&
	crm-order confirm "$id" >/dev/null &&
	crm-order ship "$id" --date "$2" >/dev/null &&
	crm-order invoice "$id" --date "$2" >/dev/null
}

test_expect_success 'set up: seven customers, six with invoices' '
	biz-init >/dev/null &&
	inv-item add CUP --name Cup >/dev/null &&
	inv-receive --wh MAIN --sku CUP --qty 20 --cost 1 >/dev/null &&
	crm-customer add --name C1 --email c1@x.example --industry retail \
		--region EU --tag gold --tag tea >/dev/null &&
	crm-customer add --name C2 --email c2@x.example --industry retail \
		--region US --tag gold >/dev/null &&
	crm-customer add --name C3 --email c3@x.example --industry food \
		--region EU --tag tea >/dev/null &&
	crm-customer add --name C4 --industry food --region EU >/dev/null &&
	crm-customer add --name C5 --region US >/dev/null &&
	crm-customer add --name C6 --region EU --set size_band=s >/dev/null &&
	crm-customer add --name C7 --region EU >/dev/null &&
	sale 1 2026-06-01 100 && sale 1 2026-10-01 100 && sale 1 2026-11-20 100 &&
	sale 2 2026-11-25 50 &&
	sale 3 2026-07-01 200 && sale 3 2026-08-01 200 &&
	sale 4 2025-06-01 500 &&
	sale 5 2026-02-01 80 && sale 5 2026-03-01 80 &&
	sale 6 2026-11-20 20
'

test_expect_success 'filters AND together: every tag, industry, region' '
	crm-segment --tag gold --tag tea >out &&
	test "$(jq -r .name out)" = C1 &&
	crm-segment --tag gold --industry retail --region US >out &&
	test "$(jq -r .name out)" = C2 &&
	crm-segment --region EU --industry food >out &&
	test "$(jq -r .name out | tr "\n" " ")" = "C3 C4 "
'

# Lifetime revenue: C1 300, C2 50, C3 400, C4 500, C5 160, C6 20, C7 0.
# Bought since 2026-08-01 (last purchase on or after): C1 (11-20),
# C2 (11-25), C3 (08-01), C6 (11-20).
test_expect_success '--min-revenue, --since and --where' '
	crm-segment --min-revenue 160 >out &&
	test "$(jq -r .name out | tr "\n" " ")" = "C1 C3 C4 C5 " &&
	crm-segment --since 2026-08-01 >out &&
	test "$(jq -r .name out | tr "\n" " ")" = "C1 C2 C3 C6 " &&
	crm-segment --since 2026-08 --min-revenue 100 --where ".region == \"EU\"" >out &&
	test "$(jq -r .name out | tr "\n" " ")" = "C1 C3 " &&
	crm-segment --where ".size_band == \"s\"" >out &&
	test "$(jq -r "[.id, .name, .email] | map(tostring) | join(\" \")" out)" = "6 C6 null"
'

# RFM at BIZ_NOW 2026-11-27, window 365 days: invoices dated on or after
# 2025-11-27 count.  Six customers have invoices (n = 6); C7 has none.
#   recency days: C1 7, C2 2, C3 118, C4 544, C5 271, C6 7
#   frequency:    C1 3, C2 1, C3 2,   C4 0 (2025-06-01 is outside), C5 2, C6 1
#   monetary:     C1 300, C2 50, C3 400, C4 0, C5 160, C6 20
# Score = 1 + floor(5 * worse / 6), worse = how many score strictly
# worse (more days; fewer invoices; less money).  Cut points for n = 6:
# worse 0 or 1 -> 1, 2 -> 2, 3 -> 3, 4 -> 4, 5 -> 5.
#   R: C2 worse 5 -> 5; C1, C6 worse 3 (C3 C5 C4) -> 3; C3 worse 2 -> 2;
#      C5 worse 1 -> 1; C4 worse 0 -> 1
#   F: C1 worse 5 -> 5; C3, C5 worse 3 (C2 C6 C4) -> 3; C2, C6 worse 1
#      (C4) -> 1; C4 worse 0 -> 1
#   M: C3 5 -> 5; C1 4 -> 4; C5 3 -> 3; C2 2 -> 2; C6 1 -> 1; C4 0 -> 1
# Segments (first rule that holds, crm-segment(1)): C1 354 loyal (R>=3,
# F>=3); C2 512 new (R>=4, F=1); C3 235 at_risk (R<=2, F>=3); C4 111
# lost; C5 133 at_risk; C6 311 need_attention (R=3); C7 prospect.
test_expect_success '--rfm: scores and segments by hand' '
	crm-segment --rfm >out &&
	jq -r "[.name, .recency_days, .frequency, .monetary, .rfm, .segment] | map(tostring) | join(\" \")" out >got &&
	cat >want <<-\EOF &&
	C1 7 3 300 354 loyal
	C2 2 1 50 512 new
	C3 118 2 400 235 at_risk
	C4 544 0 0 111 lost
	C5 271 2 160 133 at_risk
	C6 7 1 20 311 need_attention
	C7 null 0 0 null prospect
	EOF
	test_cmp want got
'

# A 200-day window starts 2026-05-11: C5's invoices (February, March)
# fall out of it.  Scores are over every customer with an invoice,
# whatever the filters keep.  Recency does not depend on the window.
#   F: C1 3, C2 1, C3 2, C4 0, C5 0, C6 1; sorted 0 0 1 1 2 3:
#      C2 worse 2 -> 2; C5 worse 0 -> 1
#   M: C1 300, C2 50, C3 400, C4 0, C5 0, C6 20; sorted 0 0 20 50 300 400:
#      C2 worse 3 -> 3; C5 worse 0 -> 1
#   C2 523 promising (R>=4, F not 1); C5 111 lost.
# A 30-day window starts 2026-10-28: one invoice each for C1, C2, C6
# (F: worse 3 -> 3), none for the others (1); M: C1 100 -> 5, C2 50 -> 4,
# C6 20 -> 3.  C1 335, C2 534, C6 333: all loyal (R>=3, F>=3, and C2
# not a champion with F 3).
test_expect_success '--window and filters do not change who is scored' '
	crm-segment --rfm --window 200 --region US >out &&
	jq -r "[.name, .rfm, .segment] | join(\" \")" out >got &&
	printf "C2 523 promising\nC5 111 lost\n" >want &&
	test_cmp want got &&
	crm-segment --rfm --window 30 --where ".segment == \"loyal\"" >out &&
	jq -r "[.name, .rfm] | join(\" \")" out >got &&
	printf "C1 335\nC2 534\nC6 333\n" >want &&
	test_cmp want got
'

test_expect_success 'the records feed crm-customer tag -' '
	crm-segment --rfm --where ".segment == \"at_risk\"" >at-risk &&
	crm-customer tag - campaign-2026q4 <at-risk >out &&
	crm-segment --tag campaign-2026q4 >out &&
	test "$(jq -r .name out | tr "\n" " ")" = "C3 C5 " &&
	crm-customer tag - campaign-2026q4 <at-risk >out &&
	test "$(jq -r .op out | sort -u)" = unchanged
'

test_expect_success 'bad input: 65 for a bad tag or date, 64 for a bad option value' '
	expect_exit 65 crm-segment --tag "a b" &&
	expect_exit 64 crm-segment --min-revenue lots &&
	expect_exit 64 crm-segment --window 0 &&
	expect_exit 64 crm-segment --since someday &&
	expect_exit 64 crm-segment extra &&
	crm-segment --industry none >out && test ! -s out
'

test_done
