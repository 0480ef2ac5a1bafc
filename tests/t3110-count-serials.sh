#!/bin/sh
# Counts of serial-tracked items: a line a serial in stock at the
# snapshot, serials counted by record or by scanning the serial itself
# (seen twice is still one), a serial sold or received during the count
# that is not a variance, a serial found at the current unit cost, a
# serial missing taken out by name at FIFO cost, and the refusals.
. "$(dirname "$0")/lib.sh"

# serial_in_stock SERIAL: whether the serial is in stock (1) or not (0).
serial_in_stock() {
	sqlite3 "$BIZ_DB" "SELECT in_stock FROM serial WHERE serial = '$1'"
}

# Phones A1 A2 A3 at 100.00 (one layer), A4 at 130.00; bolts 10 at 1.00.
# Inventory 300 + 130 + 10 = 440.00.
test_expect_success 'set up' '
	biz-init >/dev/null &&
	inv-item add PH --name Phone --tracking serial >/dev/null &&
	inv-item add BOLT --name Bolt >/dev/null &&
	inv-receive --wh MAIN --sku PH --serial A1 --serial A2 --serial A3 \
		--cost 100 >/dev/null &&
	inv-receive --wh MAIN --sku PH --serial A4 --cost 130 >/dev/null &&
	inv-receive --wh MAIN --sku BOLT --qty 10 --cost 1 >/dev/null &&
	inventory 440
'

test_expect_success 'the snapshot: a line a serial, one unit each' '
	inv-count start --wh MAIN --sku PH >out &&
	jq -c "[.lines[] | [.sku, .lot, .serial, .expected]]" out >got &&
	echo "[[\"PH\",null,\"A1\",1],[\"PH\",null,\"A2\",1],[\"PH\",null,\"A3\",1],[\"PH\",null,\"A4\",1]]" >want &&
	test_cmp want got
'

# During the count A2 is sold (FIFO: 100.00 out) and A5 comes in at
# 120.00: Inventory 440 - 100 + 120 = 460.00.
test_expect_success 'stock moves while people count' '
	inv-issue --wh MAIN --sku PH --serial A2 >/dev/null &&
	inv-receive --wh MAIN --sku PH --serial A5 --cost 120 >/dev/null &&
	inventory 460
'

test_expect_success 'serials fit the item: refusals write nothing' '
	printf "sku,serial,qty\nPH,A1,2\n" >two.csv &&
	expect_exit 65 inv-count record 1 two.csv &&
	grep -q "two.csv:2: serial .A1. of .PH. is one unit" err &&
	printf "sku,serial\nBOLT,B1\n" >bolt.csv &&
	expect_exit 65 inv-count record 1 bolt.csv &&
	grep -q "BOLT. is not serial-tracked" err &&
	printf "sku,lot,qty\nPH,L1,1\n" >lot.csv &&
	expect_exit 65 inv-count record 1 lot.csv &&
	grep -q "PH. is serial-tracked: a serial is needed, not a lot" err &&
	printf "A3\nNOSUCH\n" >scan.txt &&
	expect_exit 65 inv-count record 1 --scan <scan.txt &&
	grep -q "^inv-count: -:2: unknown item .NOSUCH." err &&
	printf "PH\n" >item.txt &&
	expect_exit 65 inv-count record 1 --scan <item.txt &&
	inv-count diff 1 >diff && test -z "$(jq "select(.counted != null)" diff)"
'

# A1 by record; A3 scanned twice (one unit); A5 scanned: it came during
# the count, so expected 0 at the snapshot and moved +1; A9 is no serial
# the books know: found.
test_expect_success 'record and scan serials' '
	printf "sku,serial\nPH,A1\nPH,A9\n" >found.csv &&
	inv-count record 1 found.csv >out &&
	jqe out 2 ".serial == \"A9\" and .counted == 1" &&
	printf "A3\nA3\nA5\n" >scan.txt &&
	inv-count record 1 --scan <scan.txt >out &&
	jqe out 1 ".serial == \"A3\" and .counted == 1" &&
	printf "A3\n" >again.txt &&
	inv-count record 1 --scan <again.txt >out &&
	jqe out 1 ".counted == 1"
'

# variance = counted - (expected + moved): A1 1-(1+0) = 0; A2 uncounted;
# A3 0; A4 uncounted; A5 1-(0+1) = 0; A9 1-(0+0) = +1.  The current unit
# cost: A1 and A3 at 100, A4 130, A5 120: 450.00 / 4 = 112.50.
test_expect_success 'diff: only the found serial is a variance' '
	inv-count diff 1 >diff &&
	jq -c "[.serial, .expected, .moved, .counted, .variance]" diff >got &&
	printf "%s\n" "[\"A1\",1,0,1,0]" "[\"A2\",1,-1,null,null]" \
		"[\"A3\",1,0,1,0]" "[\"A4\",1,0,null,null]" \
		"[\"A5\",0,1,1,0]" "[\"A9\",0,0,1,1]" >want &&
	test_cmp want got &&
	jqe diff 6 ".unit_cost == 112.5 and .value == 112.5"
'

# Posted without --zero: A2 and A4 left alone; A9 comes in at 112.50.
# Inventory 460 + 112.50 = 572.50.
test_expect_success 'post: the found serial comes into stock' '
	inv-count post 1 >out &&
	jqe out 1 ".status == \"posted\"" &&
	test "$(serial_in_stock A9)" = 1 &&
	test "$(serial_in_stock A4)" = 1 &&
	inventory 572.5 &&
	expect_exit 1 inv-count post 1
'

# Count 2 with --zero: A4 is not found.  A serial goes out by name, at
# FIFO cost like any issue: the oldest layer, 100.00 (A1 and A3 left of
# the first receipt).  Inventory 572.50 - 100 = 472.50.
test_expect_success 'a missing serial goes out by name at FIFO cost' '
	inv-count start --wh MAIN --sku PH >out && id=$(jq .id out) &&
	test "$(jq "[.lines[].serial]" out | jq -c .)" = "[\"A1\",\"A3\",\"A4\",\"A5\",\"A9\"]" &&
	printf "A1\nA3\nA5\nA9\n" >scan.txt &&
	inv-count record "$id" --scan <scan.txt >/dev/null &&
	inv-count post "$id" --zero >out &&
	jqe out 1 ".lines[2] | .serial == \"A4\" and .counted == 0 and
		.variance == -1 and .value == -100" &&
	test "$(serial_in_stock A4)" = 0 &&
	inv-stock --sku PH >s && jqe s 1 ".on_hand == 4" &&
	inventory 472.5
'

# Count 1 posted with 6 lines (A1..A5 and the found A9), 4 counted (A1,
# A3, A5, A9); count 2 posted with --zero: its 5 lines all counted (A4
# as 0).
test_expect_success 'list: the counts without their lines' '
	inv-count start --wh MAIN --sku BOLT >/dev/null &&
	inv-count list >out &&
	test $(wc -l <out) -eq 3 &&
	jqe out 1 ".id == 1 and .status == \"posted\" and .lines == 6 and
		.counted == 4 and .entry != null" &&
	jqe out 2 ".id == 2 and .lines == 5 and .counted == 5" &&
	inv-count list --status open >out &&
	test $(wc -l <out) -eq 1 && jqe out 1 ".id == 3 and .counted == 0" &&
	expect_exit 64 inv-count list --status done &&
	expect_exit 65 inv-count list --wh NOWHERE
'

# A serial in stock in MAIN, scanned in a count of W2, is a move, not a
# gain: 65 at the record (its post failed on the serial in stock); moved
# with inv-move --serial, it is counted.
test_expect_success 'a serial in stock in another warehouse: 65, then a move' '
	inv-warehouse add W2 --name Second >/dev/null &&
	inv-count start --wh W2 --sku PH >out && id=$(jq .id out) &&
	printf "A1\n" >a1.txt &&
	expect_exit 65 inv-count record "$id" --scan <a1.txt &&
	grep "serial .A1. of .PH. is in stock in .MAIN.: move it with inv-move --serial" err &&
	inv-move --from MAIN --to W2 --sku PH --serial A1 >moved &&
	jqe moved 2 ".wh == \"W2\" and .serials == [\"A1\"]" &&
	expect_exit 0 inv-count record "$id" --scan <a1.txt &&
	inv-count diff "$id" >diff &&
	jqe diff 1 ".serial == \"A1\" and .expected == 0 and .moved == 1 and .counted == 1 and .variance == 0" &&
	inventory 472.5
'

test_done
