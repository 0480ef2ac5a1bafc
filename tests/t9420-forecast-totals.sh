#!/bin/sh
# crm-forecast's figures (issue 15): a group's amounts, and those times
# the stage's probability in percent, divided by 100 at the end (in 128
# bits: the product once wrapped in int64).  A group whose figures would
# pass 10^15 - 1 of the smallest unit, past which a JSON number no longer
# prints every digit, is 65 naming it; nothing is rounded.
. "$(dirname "$0")/lib.sh"

# 9 deals of 999,999,999,999.99 (99,999,999,999,999 cents, the most
# under 10^14) in negotiation (70 %):
#   best case: 9 * 99,999,999,999,999 = 899,999,999,999,991 cents,
#     printed 8999999999999.91;
#   weighted: that * 70 / 100 = 629,999,999,999,993.7 cents, rounded half
#     to even to 629,999,999,999,994, printed 6299999999999.94.
test_expect_success 'set up: 9 deals of 999,999,999,999.99 at 70 %' '
	biz-init >/dev/null &&
	crm-customer add --name Big >/dev/null &&
	i=0 &&
	while [ $i -lt 9 ]; do
		crm-deal add --customer 1 --title "Deal $i" \
			--amount 999999999999.99 --stage negotiation \
			--close 2026-12-15 >/dev/null || return 1
		i=$((i + 1))
	done
'

test_expect_success 'crm-forecast: the figures are exact' '
	expect_exit 0 crm-forecast &&
	jqe out 1 ".month == \"2026-12\" and .deals == 9 and .weighted == 6299999999999.94 and .best_case == 8999999999999.91" &&
	expect_exit 0 crm-forecast --by stage &&
	jqe out 1 ".stage == \"negotiation\" and .weighted == 6299999999999.94" &&
	expect_exit 0 crm-forecast -f csv &&
	grep "^2026-12,9,6299999999999.94,0.00,8999999999999.91,0,0.00$" out
'

# Two more: 11 deals make 1,099,999,999,999,989 cents of best case, past
# the limit: 65, naming the month.
test_expect_success 'crm-forecast: a group past the limit: 65' '
	for i in 9 10; do
		crm-deal add --customer 1 --title "Deal $i" \
			--amount 999999999999.99 --stage negotiation \
			--close 2026-12-15 >/dev/null || return 1
	done &&
	expect_exit 65 crm-forecast &&
	grep "2026-12" err && grep "passes 10^15" err &&
	test ! -s out
'

test_done
