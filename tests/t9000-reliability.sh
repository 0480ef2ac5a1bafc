#!/bin/sh
# Reliability: a write killed half-way leaves nothing behind, and writers
# running at once lose nothing and break no invariant.
. "$(dirname "$0")/lib.sh"

test_expect_success 'set up: a database with stock and a rep' '
	biz-init >/dev/null &&
	inv-item add BOLT --name Bolt >/dev/null &&
	inv-receive --wh MAIN --sku BOLT --qty 1000 --cost 0.10 >/dev/null &&
	sh "$TOP/bench/gen-leads.sh" 200000 >leads.csv
'

# kill -9 gives no chance to clean up: only the transaction protects us.
test_expect_success 'a lead import killed half-way stores no lead' '
	crm-lead list >before &&
	crm-lead import leads.csv >/dev/null 2>&1 &
	pid=$!
	# kill fails if the write had already finished: then nothing was tested.
	sleep 1 && kill -9 $pid || { echo "done before the kill"; exit 1; }
	wait $pid 2>/dev/null
	crm-lead list >after &&
	test_cmp before after &&
	biz-events --kind lead >events && test ! -s events
'

test_expect_success 'a receipt batch killed half-way moves no stock' '
	awk "BEGIN { print \"sku,qty,cost\"; for (i = 0; i < 200000; i++)
		print \"BOLT,1,0.10\" }" >receipts.csv &&
	inv-stock --sku BOLT >before &&
	inv-receive --wh MAIN - <receipts.csv >/dev/null 2>&1 &
	pid=$!
	# kill fails if the write had already finished: then nothing was tested.
	sleep 1 && kill -9 $pid || { echo "done before the kill"; exit 1; }
	wait $pid 2>/dev/null
	inv-stock --sku BOLT >after &&
	test_cmp before after &&
	biz-check >check && ! grep -q "\"ok\":false" check
'

# Four posters and two issuers at once, each waiting for the lock in turn
# (BIZ_BUSY_TIMEOUT is generous): every write lands, the books balance.
test_expect_success 'concurrent writers lose nothing and keep the invariants' '
	for p in 1 2 3 4; do
		(i=0; while [ $i -lt 25 ]; do
			ledger-post --date 2026-11-27 --memo "p$p-$i" \
				--ref "p$p-$i" 5000=1.01 1000= >/dev/null || exit 1
			i=$((i + 1)); done) &
	done
	for w in 1 2; do
		(i=0; while [ $i -lt 25 ]; do
			inv-issue --wh MAIN --sku BOLT --qty 1 >/dev/null || exit 1
			i=$((i + 1)); done) &
	done
	wait
	# 4 posters x 25 entries = 100 manual entries of 1.01 to 5000, and
	# 2 issuers x 25 = 50 units out of 1000 at 0.10 = 5.00 of COGS.
	ledger-balance >tb &&
	jq -s -e ".[] | select(.account == \"5000\") | .balance == 106" tb &&
	inv-stock --sku BOLT >stock &&
	test "$(field stock 1 on_hand)" = 950 &&
	biz-check >check && ! grep -q "\"ok\":false" check
'

test_done
