#!/bin/sh
# crm-forecast's weighted figure (issue 15): the amounts of a group times
# the stage's probability in percent, divided by 100 at the end.  The
# product passed int64 long before the result did, and wrapped.
. "$(dirname "$0")/lib.sh"

# 147 deals of 9,000,000,000,000.00 (9 * 10^14 cents, under the input
# limit of 10^13 units) in negotiation (70 %):
#   best case: 147 * 9 * 10^14 = 1,323,000,000,000,000,000 cents,
#     printed 1323000000000000;
#   amount * 70 = 92,610,000,000,000,000,000 > INT64_MAX
#     (9,223,372,036,854,775,807): the old code wrapped here;
#   weighted: that / 100 = 926,100,000,000,000,000 cents, printed
#     926100000000000.
test_expect_success 'set up: 147 deals of 9 * 10^14 cents at 70 %' '
	biz-init >/dev/null &&
	crm-customer add --name Big >/dev/null &&
	i=0 &&
	while [ $i -lt 147 ]; do
		crm-deal add --customer 1 --title "Deal $i" \
			--amount 9000000000000 --stage negotiation \
			--close 2026-12-15 >/dev/null || return 1
		i=$((i + 1))
	done
'

test_expect_success 'crm-forecast: the weighted figure is right' '
	expect_exit 0 crm-forecast &&
	jqe out 1 ".month == \"2026-12\" and .deals == 147 and .weighted == 926100000000000 and .best_case == 1323000000000000" &&
	expect_exit 0 crm-forecast --by stage &&
	jqe out 1 ".stage == \"negotiation\" and .weighted == 926100000000000" &&
	expect_exit 0 crm-forecast -f csv &&
	grep "^2026-12,147,926100000000000.00,0.00,1323000000000000.00,0,0.00$" out
'

test_done
