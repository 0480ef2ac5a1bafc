#!/bin/sh
# inv-warehouse and inv-item: adding, variants, listing by attribute,
# import, changes, and bad input.
. "$(dirname "$0")/lib.sh"

test_expect_success 'setup' '
	biz-init >/dev/null
'

test_expect_success 'warehouse add and list' '
	inv-warehouse add EAST --name "East depot" >out &&
	test "$(field out 1 op)" = created &&
	inv-warehouse add EAST --name "East depot" >out &&
	test "$(field out 1 op)" = unchanged &&
	inv-warehouse list >out &&
	test "$(field out 1 code)" = EAST &&
	test "$(field out 2 code)" = MAIN
'

test_expect_code 1 'warehouse add with another name is refused' '
	inv-warehouse add EAST --name Other
'

test_expect_success 'item add with all options' '
	inv-supplier add ACME --name "Acme Textiles" >/dev/null &&
	inv-item add TEE --name "T-shirt" --unit pc --costing avco \
		--barcode 4000001 --lead-time 7 --lead-time-sd 1.5 \
		--service-level 0.95 --min 10 --max 50 --multiple 5 \
		--supplier ACME --set color_family=basic >out &&
	test "$(field out 1 op)" = created &&
	test "$(field out 1 costing)" = avco &&
	test "$(field out 1 lead_time_sd)" = 1.5 &&
	test "$(field out 1 service_level)" = 0.95 &&
	test "$(field out 1 min)" = 10 &&
	test "$(field out 1 color_family)" = basic
'

test_expect_success 'variants with attributes' '
	inv-item add TEE-R-M --name "T-shirt red M" --variant-of TEE \
		--attr color=red --attr size=M >out &&
	test "$(field out 1 parent)" = TEE &&
	test "$(field out 1 attrs.size)" = M &&
	inv-item add TEE-B-M --name "T-shirt blue M" --variant-of TEE \
		--attr color=blue --attr size=M >/dev/null &&
	inv-item add TEE-B-L --name "T-shirt blue L" --variant-of TEE \
		--attr color=blue --attr size=L >/dev/null &&
	inv-item list --attr size=M >out &&
	test $(wc -l <out) -eq 2 &&
	test "$(field out 1 sku)" = TEE-B-M &&
	test "$(field out 2 sku)" = TEE-R-M &&
	inv-item list --variant-of TEE --attr color=blue >out &&
	test $(wc -l <out) -eq 2 &&
	inv-item list --variant-of TEE >out &&
	test $(wc -l <out) -eq 3
'

test_expect_success 'show and set' '
	inv-item set TEE-B-L --max 20 >out &&
	test "$(field out 1 op)" = updated &&
	test "$(field out 1 max)" = 20 &&
	inv-item set TEE-B-L --max 20 >out &&
	test "$(field out 1 op)" = unchanged &&
	inv-item show TEE-B-L >out &&
	test "$(field out 1 name)" = "T-shirt blue L"
'

test_expect_success 'import adds and updates, custom fields kept' '
	cat >items.csv <<-\EOF &&
	sku,name,tracking,min,shelf
	MILK,Milk 1l,lot,24,cold
	TEE,T-shirt,,,
	EOF
	inv-item import items.csv >out &&
	test "$(field out 1 op)" = created &&
	test "$(field out 1 tracking)" = lot &&
	test "$(field out 1 shelf)" = cold &&
	test "$(field out 2 op)" = unchanged
'

test_expect_code 1 'add of an existing SKU with other fields is refused' '
	inv-item add TEE --name Other
'

# A value outside a closed set is usage (DESIGN.md, exit status); the
# same in an imported record is bad data (t3001).
test_expect_code 64 'unknown --tracking is usage' '
	inv-item add X1 --name X --tracking batch
'

test_expect_code 65 'a duplicate barcode is bad input' '
	inv-item add X2 --name X --barcode 4000001
'

test_expect_code 65 'a variant of an unknown item is bad input' '
	inv-item add X3 --name X --variant-of NOPE
'

test_expect_success 'import with a bad line names it and writes nothing' '
	cat >bad.csv <<-\EOF &&
	sku,name,min
	NEW1,New one,5
	NEW2,New two,lots
	EOF
	expect_exit 65 inv-item import bad.csv &&
	grep -q "bad.csv:3:" err &&
	expect_exit 65 inv-item show NEW1
'

test_expect_code 64 'add without --name is a usage error' '
	inv-item add X4
'

test_expect_success 'costing changes until stock has moved, not after' '
	inv-item add X5 --name "Five" >/dev/null &&
	inv-item set X5 --costing avco >out &&
	test "$(field out 1 costing)" = avco &&
	inv-receive --wh MAIN --sku X5 --qty 1 --cost 1 >/dev/null &&
	expect_exit 1 inv-item set X5 --costing fifo &&
	grep -q "item .X5. has stock moves" err &&
	inv-item show X5 >out &&
	test "$(field out 1 costing)" = avco
'

# Each verb reads only its own options: one of another verb is 64, even
# where the old single option table took it, and nothing is written.
test_expect_success 'inv-item: an option of another verb is a usage error' '
	expect_exit 64 inv-item list --name X &&
	grep -q "unknown option .--name." err &&
	grep -q "usage: inv-item list" err &&
	expect_exit 64 inv-item show X5 --costing fifo &&
	expect_exit 64 inv-item import --supplier ACME bad.csv &&
	expect_exit 64 inv-item add X6 --name Six --bogus &&
	expect_exit 65 inv-item show X6 &&
	inv-item list --variant-of X5 --attr k=v >out &&
	test ! -s out
'

test_expect_success 'inv-warehouse: an option of another verb is a usage error' '
	expect_exit 64 inv-warehouse list --name East &&
	grep -q "usage: inv-warehouse list" err &&
	expect_exit 64 inv-warehouse add WEST --name West --sku X &&
	inv-warehouse list >out &&
	test $(wc -l <out) -eq 2
'

test_done
