#!/bin/sh
# ledger.lock_date (biz-config): no entry dated on or before it, manual
# or automatic; exit 1 and nothing written.
. "$(dirname "$0")/lib.sh"

test_expect_success 'set up' '
	biz-init >/dev/null &&
	ledger-post --date 2026-10-15 --memo "Opening cash" 1000=100 3000= \
		>/dev/null &&
	biz-config set ledger.lock_date 2026-10-31 >/dev/null
'

test_expect_code 1 'an entry dated on the lock date is refused' '
	ledger-post --date 2026-10-31 --memo "Late" 1000=5 3000=
'

test_expect_code 1 'an entry before it too' '
	ledger-post --date 2026-10-01 --memo "Later" 1000=5 3000=
'

test_expect_success 'nothing was written' '
	ledger-balance --where ".account == \"1000\"" --jq .balance >bal &&
	test "$(cat bal)" = 100
'

test_expect_success 'an entry after the lock date posts' '
	ledger-post --date 2026-11-01 --memo "Sale" 1000=5 3000= >out &&
	jqe out 1 ".date == \"2026-11-01\""
'

test_expect_code 1 'a reversal dated in the locked period is refused' '
	ledger-post --reverse 1 --date 2026-10-20
'

test_expect_success 'automatic postings obey it: a backdated receipt' '
	inv-item add BOLT --name Bolt >/dev/null &&
	expect_exit 1 inv-receive --wh MAIN --sku BOLT --qty 1 --cost 1 \
		--date 2026-10-30 &&
	grep -q "locked up to 2026-10-31" err &&
	inv-stock >out && test ! -s out
'

test_expect_success 'unset, the period opens again' '
	biz-config unset ledger.lock_date >/dev/null &&
	ledger-post --date 2026-10-31 --memo "Late" 1000=5 3000= >/dev/null
'

test_done
