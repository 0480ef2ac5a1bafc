#!/bin/sh
# Lots picked by earliest expiry then earliest receipt, serial numbers
# unique per item, and quarantine with inv-qc.
. "$(dirname "$0")/lib.sh"

test_expect_success 'setup' '
	biz-init >/dev/null &&
	inv-item add MILK --name Milk --tracking lot >/dev/null &&
	inv-item add LAPTOP --name Laptop --tracking serial >/dev/null &&
	inv-item add BOLT --name Bolt >/dev/null
'

# Lots in receipt order: A (expires 12-10), B (12-05), C (no expiry),
# D (12-05, received after B).
test_expect_success 'receive four lots' '
	inv-receive --wh MAIN --sku MILK --qty 5 --cost 1 --lot A \
		--expiry 2026-12-10 >/dev/null &&
	inv-receive --wh MAIN --sku MILK --qty 5 --cost 1.20 --lot B \
		--expiry 2026-12-05 >/dev/null &&
	inv-receive --wh MAIN --sku MILK --qty 5 --cost 0.90 --lot C \
		>/dev/null &&
	inv-receive --wh MAIN --sku MILK --qty 2 --cost 1 --lot D \
		--expiry 2026-12-05 >/dev/null &&
	inv-stock --sku MILK --lots >out &&
	test $(wc -l <out) -eq 4 &&
	jqe out 1 ".lot == \"B\" and .expiry == \"2026-12-05\"" &&
	check_ok
'

# 6 without a lot: all of B (earliest expiry, first received; 5 x 1.20 =
# 6.00) then 1 of D (same expiry, received later; 1.00).
test_expect_success 'earliest expiry first, then earliest receipt' '
	inv-issue --wh MAIN --sku MILK --qty 6 >i1 &&
	test $(wc -l <i1) -eq 2 &&
	jqe i1 1 ".lot == \"B\" and .qty == -5 and .value == -6" &&
	jqe i1 2 ".lot == \"D\" and .qty == -1 and .value == -1" &&
	check_ok
'

# 3 more: the last of D, then 2 of A (12-10); C, with no expiry, last.
test_expect_success 'a lot without expiry comes last' '
	inv-issue --wh MAIN --sku MILK --qty 3 >i2 &&
	jqe i2 1 ".lot == \"D\" and .qty == -1" &&
	jqe i2 2 ".lot == \"A\" and .qty == -2"
'

test_expect_success 'a named lot is issued as named' '
	inv-issue --wh MAIN --sku MILK --qty 2 --lot C >i3 &&
	jqe i3 1 ".lot == \"C\" and .qty == -2 and .value == -1.8"
'

# Left: A 3 + C 3 = 6.
test_expect_success 'more than all lots hold is refused, nothing written' '
	expect_exit 1 inv-issue --wh MAIN --sku MILK --qty 10 &&
	grep -q "not enough .MILK. in .MAIN.: 6 available, 10 asked" err &&
	expect_exit 1 inv-issue --wh MAIN --sku MILK --qty 4 --lot A &&
	grep -q "3 available, 4 asked" err &&
	inv-stock --sku MILK >out &&
	test "$(field out 1 on_hand)" = 6
'

test_expect_code 65 'a lot item without --lot is bad input' '
	inv-receive --wh MAIN --sku MILK --qty 1 --cost 1
'

test_expect_code 65 'a lot with another expiry is bad input' '
	inv-receive --wh MAIN --sku MILK --qty 1 --cost 1 --lot A \
		--expiry 2027-01-01
'

test_expect_code 65 'a lot on an untracked item is bad input' '
	inv-receive --wh MAIN --sku BOLT --qty 1 --cost 1 --lot X
'

test_expect_success 'serials: one per unit' '
	inv-receive --wh MAIN --sku LAPTOP --cost 500 --serial S1 \
		--serial S2 --serial S3 >r1 &&
	jqe r1 1 ".qty == 3 and .value == 1500 and .serials == [\"S1\",\"S2\",\"S3\"]"
'

test_expect_code 65 'a serial already in stock is a duplicate' '
	inv-receive --wh MAIN --sku LAPTOP --qty 1 --cost 500 --serial S2
'

test_expect_code 65 'the same serial twice in one receipt is a duplicate' '
	inv-receive --wh MAIN --sku LAPTOP --qty 2 --cost 500 --serial S9 \
		--serial S9
'

test_expect_code 65 'a serial count unlike the quantity is bad input' '
	inv-receive --wh MAIN --sku LAPTOP --qty 2 --cost 500 --serial S7
'

test_expect_success 'nothing of the refused receipts was written' '
	inv-stock --sku LAPTOP >out &&
	test "$(field out 1 on_hand)" = 3
'

test_expect_success 'serials issue as named, else the oldest' '
	inv-issue --wh MAIN --sku LAPTOP --serial S2 >i4 &&
	jqe i4 1 ".serials == [\"S2\"] and .value == -500" &&
	inv-issue --wh MAIN --sku LAPTOP --qty 1 >i5 &&
	jqe i5 1 ".serials == [\"S1\"]" &&
	expect_exit 1 inv-issue --wh MAIN --sku LAPTOP --serial S2 &&
	check_ok
'

test_expect_success 'a serial issued may come back' '
	inv-receive --wh MAIN --sku LAPTOP --cost 450 --serial S2 >/dev/null &&
	inv-stock --sku LAPTOP >out &&
	test "$(field out 1 on_hand)" = 2
'

# Held: 5 @ 3.00 = 15.00 into quarantine, then 10 @ 2.00 = 20.00 free.
test_expect_success 'a held receipt is on hand but not available' '
	inv-receive --wh MAIN --sku BOLT --qty 5 --cost 3 --hold --ref GRN1 \
		>h1 &&
	jqe h1 1 ".quarantine == 5" &&
	inv-receive --wh MAIN --sku BOLT --qty 10 --cost 2 >/dev/null &&
	inv-stock --sku BOLT >out &&
	jqe out 1 ".on_hand == 15 and .quarantine == 5 and .available == 10 and .value == 35" &&
	check_ok
'

# FIFO skips the held layer although it is older: 4 x 2.00 = 8.00.
test_expect_success 'issues never take held goods or their cost' '
	inv-issue --wh MAIN --sku BOLT --qty 4 >i6 &&
	jqe i6 1 ".value == -8" &&
	expect_exit 1 inv-issue --wh MAIN --sku BOLT --qty 7 &&
	grep -q "6 available, 7 asked" err
'

# Fail returns the 5 at their receipt cost, 15.00, reversing Dr 1300 /
# Cr 2000.  Left: 6 x 2.00 = 12.00.
test_expect_success 'inv-qc fail returns the goods at their cost' '
	inv-qc fail GRN1 >q1 &&
	jqe q1 1 ".doc == \"qc_fail\" and .qty == -5 and .value == -15 and .quarantine == -5" &&
	inv-stock --sku BOLT >out &&
	jqe out 1 ".on_hand == 6 and .quarantine == 0 and .value == 12" &&
	check_ok
'

test_expect_success 'inv-qc pass makes held goods available' '
	inv-receive --wh MAIN --sku BOLT --qty 2 --cost 2.50 --hold \
		--ref GRN2 >/dev/null &&
	inv-qc pass GRN2 >q2 &&
	jqe q2 1 ".qty == 0 and .quarantine == -2 and .value == 0" &&
	inv-stock --sku BOLT >out &&
	jqe out 1 ".on_hand == 8 and .available == 8 and .value == 17" &&
	check_ok
'

test_expect_success 'inv-qc rerun is a no-op that says so' '
	inv-qc pass GRN2 >q3 &&
	jq -e ".op == \"unchanged\"" q3 >/dev/null &&
	jq -e ".op == \"created\"" q2 >/dev/null &&
	jq -c "del(.op)" q2 >q2.plain &&
	jq -c "del(.op)" q3 >q3.plain &&
	test_cmp q2.plain q3.plain &&
	expect_exit 0 inv-qc pass GRN2 &&
	grep -q "already checked" err
'

test_expect_code 1 'inv-qc of a receipt already passed is refused' '
	inv-qc fail GRN2
'

test_expect_code 65 'inv-qc of an unknown receipt is bad input' '
	inv-qc pass NOPE
'

# pass and fail share their one option (--date); an option of another
# command (inv-receive's --hold) is 64, and the receipt stays held.
test_expect_success 'inv-qc: an option not of its verb is a usage error' '
	inv-receive --wh MAIN --sku BOLT --qty 1 --cost 1 --hold \
		--ref GRN3 >/dev/null &&
	expect_exit 64 inv-qc pass GRN3 --hold &&
	grep -q "usage: inv-qc pass" err &&
	expect_exit 64 inv-qc fail GRN3 --sku BOLT &&
	expect_exit 64 inv-qc check GRN3 &&
	inv-stock --sku BOLT >out &&
	jqe out 1 ".quarantine == 1" &&
	inv-qc pass GRN3 --date 2026-11-28 >q4 &&
	jqe q4 1 ".date == \"2026-11-28\" and .quarantine == -1"
'

# Lots and serials are codes (code.h): a space, a tab or a CR in one was
# stored, and came back raw in messages and tables.
test_expect_success 'a lot or serial with whitespace or a control: 65' '
	biz-events >before &&
	expect_exit 65 inv-receive --wh MAIN --sku MILK --qty 1 --cost 1 --lot "a b" &&
	grep "lot .a b.: a code of at most 100 bytes with no whitespace or control characters" err &&
	expect_exit 65 inv-receive --wh MAIN --sku LAPTOP --cost 1 --serial "$(printf "x\ty")" &&
	grep "serial .x.y.: a code" err &&
	printf "sku,qty,cost,lot\nMILK,1,1,\"L\r\nX\"\n" >crlf.csv &&
	expect_exit 65 inv-receive --wh MAIN crlf.csv &&
	biz-events >after && test_cmp before after
'

test_done
