#!/bin/sh
# Every date option takes the forms of DESIGN's dates row (YYYY-MM-DD,
# YYYY-MM, today, yesterday, Nd), not only the ledger reports: crm-deal
# and crm-lead convert --close, crm-order --date, inv-purchase --date,
# inv-build --date, ledger-aging --as-of, crm-log --at, crm-segment
# --since and the ledger.lock_date setting; errors name the option typed.
. "$(dirname "$0")/lib.sh"

# BIZ_NOW is 2026-11-27T08:00:00Z: today 2026-11-27, yesterday 2026-11-26,
# 3d 2026-11-24, 30d 2026-10-28; 2026-12 as a last day is 2026-12-31,
# 2026-10 is 2026-10-31.
test_expect_success 'setup' '
	biz-init >/dev/null &&
	crm-rep add ann --name Ann >/dev/null &&
	crm-customer add --name Acme >/dev/null &&
	inv-supplier add ACME --name "Acme Supply" >/dev/null &&
	inv-item add BOLT --name Bolt >/dev/null &&
	inv-item add KIT --name Kit >/dev/null &&
	inv-bom add KIT BOLT 1 >/dev/null &&
	inv-receive --wh MAIN --sku BOLT --qty 10 --cost 1 >/dev/null
'

test_expect_success 'crm-deal add --close: Nd, a month (its last day), today' '
	crm-deal add --customer 1 --title A --amount 5 --close 30d >out &&
	jqe out 1 ".close == \"2026-10-28\"" &&
	crm-deal add --customer 1 --title B --amount 5 --close 2026-12 >out &&
	jqe out 1 ".close == \"2026-12-31\"" &&
	crm-deal add --customer 1 --title C --amount 5 --close today >out &&
	jqe out 1 ".close == \"2026-11-27\"" &&
	expect_exit 65 crm-deal add --customer 1 --title D --amount 5 \
		--close soon &&
	grep -q "^crm-deal: --close: .soon." err
'

test_expect_success 'crm-lead convert --close: a month is its last day' '
	crm-lead add --name "Jo Smith" --company Beta >/dev/null &&
	crm-lead convert 1 --amount 10 --close 2026-12 >out &&
	jqe out 1 ".deal.close == \"2026-12-31\""
'

# An order of 2 x 5.00 = 10.00, invoiced yesterday (2026-11-26, due
# 30 days later: 2026-12-26), 4.00 paid yesterday: 6.00 open.
test_expect_success 'crm-order create/ship/invoice/pay --date yesterday' '
	crm-order create --customer 1 --line BOLT:2:5 --date yesterday >out &&
	jqe out 1 ".date == \"2026-11-26\"" &&
	crm-order confirm 1 >/dev/null &&
	crm-order ship 1 --date yesterday >/dev/null &&
	crm-order invoice 1 --date yesterday >out &&
	jqe out 1 ".date == \"2026-11-26\" and .due == \"2026-12-26\"" &&
	crm-order pay 1 --amount 4 --date yesterday >/dev/null &&
	ledger-register 1100 --jq .date >out &&
	printf "\"2026-11-26\"\n\"2026-11-26\"\n" >expect && test_cmp expect out &&
	expect_exit 65 crm-order pay 1 --amount 1 --date 2026-11 &&
	grep -q "^crm-order: --date: .2026-11." err
'

# At yesterday: 6.00 not yet due.  At 3d (2026-11-24) and 2026-10
# (10-31) the invoice does not exist yet: nothing to print.  At 2026-12
# (12-31) it is 5 days past due (12-26): d1_30.
test_expect_success 'ledger-aging --as-of yesterday, Nd, a month' '
	ledger-aging --ar --as-of yesterday -o not_due,total >out &&
	echo "{\"not_due\":6,\"total\":6}" >expect && test_cmp expect out &&
	ledger-aging --ar --as-of 3d >out && test ! -s out &&
	ledger-aging --ar --as-of 2026-10 >out && test ! -s out &&
	ledger-aging --ar --as-of 2026-12 -o d1_30 >out &&
	echo "{\"d1_30\":6}" >expect && test_cmp expect out &&
	expect_exit 64 ledger-aging --ar --as-of 2026-13 &&
	grep -q "^ledger-aging: --as-of: .2026-13." err
'

test_expect_success 'crm-order return --date 2d' '
	crm-order return 1 --line BOLT:1 --date 2d >/dev/null &&
	ledger-register 4100 --jq .date >out &&
	echo "\"2026-11-25\"" >expect && test_cmp expect out
'

# Bill and payment on 2026-11-26 (yesterday, 1d): Accounts Payable.
test_expect_success 'inv-purchase request/receive/bill/pay --date' '
	inv-purchase request --supplier ACME --line BOLT:2:1 \
		--date yesterday >out &&
	jqe out 1 ".date == \"2026-11-26\"" &&
	inv-purchase approve 1 >/dev/null && inv-purchase order 1 >/dev/null &&
	inv-purchase receive 1 --date yesterday >/dev/null &&
	inv-purchase bill 1 --amount 2 --date yesterday >/dev/null &&
	inv-purchase pay 1 --amount 2 --date 1d >/dev/null &&
	ledger-register 2000 --from yesterday --to yesterday --jq .date >out &&
	printf "\"2026-11-26\"\n\"2026-11-26\"\n" >expect && test_cmp expect out &&
	expect_exit 65 inv-purchase request --supplier ACME \
		--line BOLT:1:1 --date 2026-11 &&
	grep -q "^inv-purchase: --date: .2026-11." err
'

test_expect_success 'inv-build --date yesterday' '
	inv-build --sku KIT --qty 1 --wh MAIN --date yesterday >out &&
	jqe out 1 ".date == \"2026-11-26\"" &&
	expect_exit 65 inv-build --sku KIT --qty 1 --wh MAIN --date 5x &&
	grep -q "^inv-build: --date: .5x." err
'

test_expect_success 'crm-log add --at yesterday is its first second' '
	crm-log add --kind call --rep ann --customer 1 --at yesterday >out &&
	jqe out 1 ".at == \"2026-11-26T00:00:00Z\"" &&
	expect_exit 65 crm-log add --kind call --rep ann --customer 1 --at x &&
	grep -q "^crm-log: --at: .x." err
'

test_expect_success 'crm-segment --since: an error names --since' '
	crm-segment --since 30d >/dev/null &&
	expect_exit 64 crm-segment --since later &&
	grep -q "^crm-segment: --since: .later." err
'

# A lock date set as a month is its last day; yesterday is fixed when set:
# a posting on 2026-11-26 is then refused (1), one today accepted.
test_expect_success 'ledger.lock_date takes a month and yesterday' '
	biz-config set ledger.lock_date 2026-10 >out &&
	jqe out 1 ".value == \"2026-10-31\"" &&
	biz-config set ledger.lock_date yesterday >out &&
	jqe out 1 ".value == \"2026-11-26\"" &&
	BIZ_NOW=2026-12-05T08:00:00Z biz-config get ledger.lock_date >out &&
	jqe out 1 ".value == \"2026-11-26\"" &&
	expect_exit 1 ledger-post --date 2026-11-26 --memo m Cash=1 Sales= &&
	ledger-post --date today --memo m Cash=1 Sales= >/dev/null &&
	expect_exit 65 biz-config set ledger.lock_date someday &&
	grep -q "^biz-config: ledger.lock_date: .someday." err
'

test_done
