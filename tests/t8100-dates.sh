#!/bin/sh
# Dates wherever a date is taken: YYYY-MM-DD, YYYY-MM (first day for
# --from, last for --to/--as-of/--at), today, yesterday, Nd; errors name
# the option the user typed.
. "$(dirname "$0")/lib.sh"

# BIZ_NOW is 2026-11-27T08:00:00Z: today 2026-11-27, yesterday 11-26,
# 30d 2026-10-28.
# Postings (Cash side): 10-15 +100, 10-31 +20, 11-01 +3, 11-26 +0.40,
# 11-27 +0.05.
test_expect_success 'setup: cash postings on five days' '
	biz-init >/dev/null &&
	for d in 2026-10-15:100 2026-10-31:20 2026-11-01:3 \
		 2026-11-26:0.40 2026-11-27:0.05; do
		ledger-post --date ${d%:*} --memo "sale ${d%:*}" \
			Cash=${d#*:} Sales= >/dev/null || exit 1
	done
'

# cash BALANCE_OPTIONS...: the Cash balance ledger-balance reports.
cash() {
	ledger-balance --where ".account == \"1000\"" --jq .balance "$@"
}

# --as-of 2026-10 is 2026-10-31: 100 + 20 = 120.
test_expect_success '--as-of YYYY-MM is the last day of the month' '
	cash --as-of 2026-10 >out && echo 120 >expect && test_cmp expect out
'

# --from 2026-11 --to 2026-11: 11-01 .. 11-30: 3 + 0.40 + 0.05 = 3.45.
test_expect_success '--from YYYY-MM is the first day, --to the last' '
	cash --from 2026-11 --to 2026-11 >out && echo 3.45 >expect &&
	test_cmp expect out
'

# yesterday (11-26): everything but 0.05: 123.40; today: 123.45;
# --from 30d (10-28) --to yesterday: 20 + 3 + 0.40 = 23.40.
test_expect_success 'today, yesterday and Nd' '
	cash --as-of yesterday >out && echo 123.4 >expect &&
	test_cmp expect out &&
	cash --as-of today >out && echo 123.45 >expect &&
	test_cmp expect out &&
	cash --from 30d --to yesterday >out && echo 23.4 >expect &&
	test_cmp expect out &&
	BIZ_NOW=2026-11-02T23:59:59Z cash --as-of 1d >out && echo 123 >expect &&
	test_cmp expect out
'

# Register from 2026-11: the balance before it is 120; then 123, 123.40,
# 123.45.
test_expect_success 'ledger-register and ledger-export take them too' '
	ledger-register Cash --from 2026-11 --to yesterday --jq .balance >out &&
	printf "123\n123.4\n" >expect && test_cmp expect out &&
	ledger-export --from 2026-11 --to 2026-11 >journal &&
	test $(grep -c "^2026-11-" journal) -eq 3
'

# inv-stock --at 2026-11 is the end of 2026-11-30: the receipt of 11-27
# counts; --at 2026-10 (10-31) is before it.
test_expect_success 'inv-stock --at takes a month' '
	inv-item add BOLT --name Bolt >/dev/null &&
	inv-receive --wh MAIN --sku BOLT --qty 4 --cost 1 >/dev/null &&
	inv-stock --at 2026-11 -o on_hand >out &&
	echo "{\"on_hand\":4}" >expect && test_cmp expect out &&
	inv-stock --at 2026-10 >out && test ! -s out
'

# A document's --date is a day: yesterday is 2026-11-26; a month is not
# a day (65, as a bad date in a file).  An --expiry month is its last day.
test_expect_success 'document dates and expiry take them too' '
	ledger-post --date yesterday --memo late Cash=1 Sales= >out &&
	jqe out 1 ".date == \"2026-11-26\"" &&
	expect_exit 65 ledger-post --date 2026-11 --memo m Cash=1 Sales= &&
	grep -q "^ledger-post: --date: .2026-11." err &&
	inv-item add MILK --name Milk --tracking lot >/dev/null &&
	inv-receive --wh MAIN --sku MILK --qty 1 --cost 1 --lot L1 \
		--expiry 2027-02 --date 2d >out &&
	jqe out 1 ".date == \"2026-11-25\"" &&
	inv-stock --sku MILK --lots -o lot,expiry >out &&
	echo "{\"lot\":\"L1\",\"expiry\":\"2027-02-28\"}" >expect &&
	test_cmp expect out
'

test_expect_success 'a bad date names the option typed' '
	expect_exit 64 ledger-balance --as-of 2026-13 &&
	grep -q "^ledger-balance: --as-of: .2026-13." err &&
	expect_exit 64 ledger-balance --to 2026-02-30 &&
	grep -q "^ledger-balance: --to: " err &&
	expect_exit 64 ledger-register Cash --from tomorrow &&
	grep -q "^ledger-register: --from: .tomorrow." err &&
	expect_exit 64 inv-stock --at 7x &&
	grep -q "^inv-stock: --at: " err
'

test_done
