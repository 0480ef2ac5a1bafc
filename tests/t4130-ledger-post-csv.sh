#!/bin/sh
# ledger-post FILE as CSV, one posting a row (date,memo,ref,account,
# amount): rows with one ref, or consecutive rows with one date and memo
# and no ref, are one entry; a bad row names FILE:LINE; an unbalanced
# entry is 1 and nothing is written.
. "$(dirname "$0")/lib.sh"

entries() {
	biz-events --kind ledger.posted >"$SCRATCH/.events" &&
	wc -l <"$SCRATCH/.events" | tr -d " "
}

test_expect_success 'set up' 'biz-init >/dev/null'

# Three entries: lines 2-3 (no ref, same date and memo), lines 4-6 (ref
# T-1; Sales left empty is inferred: -(250.00 + 100.50) = -350.50), lines
# 7-8 (no ref, another memo).
cat >ok.csv <<'CSV'
date,memo,ref,account,amount
2026-11-02,Owner invests,,Cash,10000.00
2026-11-02,Owner invests,,Equity,-10000.00
2026-11-03,Till,T-1,Cash,250.00
2026-11-03,Till,T-1,1000,100.50
2026-11-03,Till,T-1,Sales,
2026-11-04,Refund,,Sales,50.00
2026-11-04,Refund,,Cash,-50.00
CSV

test_expect_success 'CSV rows grouped into three entries' '
	expect_exit 0 ledger-post ok.csv &&
	test "$(wc -l <out)" -eq 3 &&
	test "$(field out 1 memo)" = "Owner invests" &&
	test "$(field out 2 ref)" = T-1 &&
	test "$(jq -s ".[1].postings | length" out)" = 3 &&
	jqe out 2 ".postings[2].amount == -350.5" &&
	test "$(field out 3 memo)" = Refund &&
	test "$(entries)" = 3
'

# Cash: 10000.00 + 250.00 + 100.50 - 50.00 = 10300.50
# Equity: credit 10000.00
# Sales: credit 350.50, debit 50.00, so 300.50 net credit
test_expect_success 'balances worked out by hand' '
	ledger-balance >bal &&
	jq -s -e "map(select(.account == \"1000\"))[0].balance == 10300.5" bal >/dev/null &&
	jq -s -e "map(select(.account == \"3000\"))[0].credit == 10000" bal >/dev/null &&
	jq -s -e "map(select(.account == \"4000\"))[0] | .credit == 350.5 and .debit == 50" bal >/dev/null
'

test_expect_success 'rerunning a ref entry posts nothing' '
	sed -n "1p;4,6p" ok.csv >refs.csv &&
	expect_exit 0 ledger-post refs.csv &&
	test "$(field out 1 op)" = unchanged &&
	test "$(entries)" = 3
'

# Lines 2-3 balance; lines 4-5 are 10.00 against -9.00: 1, nothing at all.
cat >unbalanced.csv <<'CSV'
date,memo,ref,account,amount
2026-11-05,Good,,Cash,10.00
2026-11-05,Good,,Sales,-10.00
2026-11-06,Bad,,Cash,10.00
2026-11-06,Bad,,Sales,-9.00
CSV

test_expect_success 'an unbalanced entry is 1 and writes nothing' '
	expect_exit 1 ledger-post unbalanced.csv &&
	grep -q "unbalanced.csv:4" err &&
	test "$(entries)" = 3
'

cat >badrow.csv <<'CSV'
date,memo,ref,account,amount
2026-11-05,Good,,Cash,10.00
2026-11-05,Good,,Sales,ten
CSV

cat >noaccount.csv <<'CSV'
date,memo,ref,account,amount
2026-11-05,Good,,Cash,10.00
2026-11-05,Good,,,-10.00
CSV

test_expect_success 'a bad row is 65 and names FILE:LINE' '
	expect_exit 65 ledger-post badrow.csv &&
	grep -q "badrow.csv:3" err &&
	expect_exit 65 ledger-post noaccount.csv &&
	grep -q "noaccount.csv:3" err &&
	test "$(entries)" = 3
'

# The rows of an entry are together: S-1 again on line 6, after the
# entry of lines 4-5, is bad data rather than a second entry.
cat >split.csv <<'CSV'
date,memo,ref,account,amount
2026-11-07,Split,S-1,Cash,5.00
2026-11-07,Split,S-1,Sales,-5.00
2026-11-07,Other,,Cash,1.00
2026-11-07,Other,,Sales,-1.00
2026-11-07,Split,S-1,Cash,1.00
CSV

cat >lonely.csv <<'CSV'
date,memo,ref,account,amount
2026-11-07,Split,S-2,Cash,5.00
2026-11-07,Other,,Cash,1.00
CSV

test_expect_success 'a ref again after other rows is 65, nothing written' '
	expect_exit 65 ledger-post split.csv &&
	grep -q "split.csv:6" err &&
	expect_exit 65 ledger-post lonely.csv &&
	grep -q "entry from lonely.csv:2" err &&
	test "$(entries)" = 3
'

test_done
