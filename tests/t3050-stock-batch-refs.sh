#!/bin/sh
# inv-receive and inv-issue batches carry per-line ref and wh columns:
# consecutive lines of one ref form one document (one ledger entry each),
# a line's wh overrides --wh (which a FILE then need not give), a rerun is
# unchanged, and a conflict or a bad line names its FILE:LINE and writes
# nothing (DESIGN.md, idempotency).
. "$(dirname "$0")/lib.sh"

# on_hand SKU WH: what inv-stock says is on hand (0 when no row).
on_hand() {
	inv-stock --sku "$1" --wh "$2" >stock.out &&
	n=$(field stock.out 1 on_hand) && echo "${n:-0}"
}

entries() {
	ledger-register 1300 >reg.out && wc -l <reg.out
}

test_expect_success 'setup' '
	biz-init >/dev/null &&
	inv-item add BOLT --name Bolt >/dev/null &&
	inv-item add NUT --name Nut >/dev/null &&
	inv-warehouse add EAST --name East >/dev/null
'

# R1: BOLT 10 @ 2.00 into MAIN, NUT 4 @ 0.50 into EAST: 20.00 + 2.00 =
# 22.00.  R2: BOLT 3 @ 2.50 into EAST: 7.50.  No --wh: each line names
# its own.
test_expect_success 'a batch of two refs: two documents, two entries' '
	printf "ref,wh,sku,qty,cost\nR1,MAIN,BOLT,10,2\nR1,EAST,NUT,4,0.5\nR2,EAST,BOLT,3,2.5\n" >in.csv &&
	expect_exit 0 inv-receive in.csv &&
	test $(wc -l <out) -eq 3 &&
	jqe out 1 ".ref == \"R1\" and .wh == \"MAIN\" and .doc_id == 1" &&
	jqe out 2 ".ref == \"R1\" and .wh == \"EAST\" and .doc_id == 1" &&
	jqe out 3 ".ref == \"R2\" and .wh == \"EAST\" and .doc_id == 2" &&
	test "$(entries)" -eq 2 &&
	jqe reg.out 1 ".ref == \"R1\" and .amount == 22" &&
	jqe reg.out 2 ".ref == \"R2\" and .amount == 7.5" &&
	test "$(on_hand BOLT MAIN)" = 10 && test "$(on_hand BOLT EAST)" = 3 &&
	check_ok
'

test_expect_success 'the same batch again: every line unchanged, nothing new' '
	expect_exit 0 inv-receive in.csv &&
	test $(wc -l <out) -eq 3 &&
	test $(jq -s "map(select(.op == \"unchanged\")) | length" out) -eq 3 &&
	grep -q "R1. was already posted" err &&
	grep -q "R2. was already posted" err &&
	test "$(entries)" -eq 2 && test "$(on_hand BOLT MAIN)" = 10
'

# A new R3 first, then R2 asked for 4 instead of 3: the whole run is
# refused at R2's line (line 3 of the file), R3 is not written.
test_expect_success 'a replayed ref asked otherwise: refused at its line' '
	printf "ref,wh,sku,qty,cost\nR3,MAIN,NUT,1,1\nR2,EAST,BOLT,4,2.5\n" >r2.csv &&
	expect_exit 1 inv-receive r2.csv &&
	test ! -s out &&
	grep -q "r2.csv:3: ref .R2. is receipt 2 .*qty .3., not .4." err &&
	test "$(on_hand NUT MAIN)" = 0 && test "$(entries)" -eq 2
'

test_expect_success 'a replay with a line more or a line fewer: refused' '
	printf "ref,wh,sku,qty,cost\nR1,MAIN,BOLT,10,2\nR1,EAST,NUT,4,0.5\nR1,EAST,NUT,1,0.5\n" >more.csv &&
	expect_exit 1 inv-receive more.csv &&
	grep -q "more.csv:4: ref .R1. is receipt 1 with 2 lines, not 3" err &&
	printf "ref,wh,sku,qty,cost\nR1,MAIN,BOLT,10,2\nR2,EAST,BOLT,3,2.5\n" >fewer.csv &&
	expect_exit 1 inv-receive fewer.csv &&
	grep -q "ref .R1. is receipt 1 with 2 lines, not 1" err &&
	test "$(entries)" -eq 2
'

test_expect_success 'a ref that comes back after another: 65 at its line' '
	printf "ref,wh,sku,qty,cost\nR4,MAIN,NUT,1,1\nR5,MAIN,NUT,1,1\nR4,MAIN,NUT,2,1\n" >back.csv &&
	expect_exit 65 inv-receive back.csv &&
	grep -q "back.csv:4: ref: .R4. comes back" err &&
	test "$(on_hand NUT MAIN)" = 0 && test "$(entries)" -eq 2
'

test_expect_success 'no wh on a line and no --wh: 65 naming the line' '
	printf "ref,wh,sku,qty,cost\nR6,MAIN,NUT,1,1\nR6,,NUT,1,1\n" >nowh.csv &&
	expect_exit 65 inv-receive nowh.csv &&
	grep -q "nowh.csv:3: wh: a warehouse is needed" err &&
	test "$(on_hand NUT MAIN)" = 0 &&
	expect_exit 64 inv-receive --sku NUT --qty 1 --cost 1
'

# --wh EAST and --ref I0 are the defaults: the lines without a ref form
# I0, the others their own.  Out of EAST: NUT 4 - 1 (I0) - 2 (I1) = 1;
# BOLT 3 - 1 (I0) = 2; out of MAIN: BOLT 10 - 5 (I1) = 5.  Values at
# cost: I0 NUT 0.50 + BOLT 2.50 = 3.00; I1 NUT 2 x 0.50 + BOLT 5 x 2.00
# = 11.00.
test_expect_success 'an issue batch: ref and wh per line, options as defaults' '
	printf "ref,wh,sku,qty\n,,NUT,1\n,,BOLT,1\nI1,,NUT,2\nI1,MAIN,BOLT,5\n" >out.csv &&
	expect_exit 0 inv-issue --wh EAST --ref I0 out.csv &&
	test $(wc -l <out) -eq 4 &&
	jqe out 1 ".ref == \"I0\" and .doc == \"issue\" and .wh == \"EAST\"" &&
	jqe out 4 ".ref == \"I1\" and .wh == \"MAIN\" and .value == -10" &&
	test "$(on_hand NUT EAST)" = 1 && test "$(on_hand BOLT EAST)" = 2 &&
	test "$(on_hand BOLT MAIN)" = 5 &&
	ledger-register 5000 >cogs.out &&
	test $(wc -l <cogs.out) -eq 2 &&
	jqe cogs.out 1 ".ref == \"I0\" and .amount == 3" &&
	jqe cogs.out 2 ".ref == \"I1\" and .amount == 11" &&
	expect_exit 0 inv-issue --wh EAST --ref I0 out.csv &&
	test $(jq -s "map(select(.op == \"unchanged\")) | length" out) -eq 4 &&
	test "$(on_hand BOLT MAIN)" = 5 &&
	check_ok
'

# More than is on hand in one ref's line: the run is refused (1) and the
# earlier ref's document is not written either.
test_expect_success 'a shortage in the second ref: nothing written' '
	printf "ref,wh,sku,qty\nI2,MAIN,BOLT,1\nI3,EAST,NUT,9\n" >short.csv &&
	expect_exit 1 inv-issue short.csv &&
	grep -q "short.csv:3:" err &&
	test "$(on_hand BOLT MAIN)" = 5 && test "$(on_hand NUT EAST)" = 1
'

test_done
