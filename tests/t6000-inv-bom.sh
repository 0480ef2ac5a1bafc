#!/bin/sh
# Bills of materials: lines added, changed, listed, exploded to every
# level and removed; a product that would contain itself is refused.
. "$(dirname "$0")/lib.sh"

test_expect_success 'set up' '
	biz-init >/dev/null &&
	for s in BIKE WHEEL FRAME SPOKE RIM; do
		inv-item add $s --name $s >/dev/null || exit 1
	done
'

test_expect_success 'add: created, unchanged, updated' '
	inv-bom add BIKE FRAME 1 >out &&
	jqe out 1 ".product == \"BIKE\" and .component == \"FRAME\" and
		.qty == 1 and .op == \"created\"" &&
	inv-bom add BIKE WHEEL 3 >/dev/null &&
	inv-bom add BIKE WHEEL 2 >out && jqe out 1 ".op == \"updated\"" &&
	inv-bom add BIKE WHEEL 2 >out && jqe out 1 ".op == \"unchanged\"" &&
	inv-bom add WHEEL RIM 1 >/dev/null &&
	inv-bom add WHEEL SPOKE 32.5 >/dev/null
'

test_expect_success 'list: every bill, or one' '
	inv-bom list >out && test $(wc -l <out) -eq 4 &&
	inv-bom list WHEEL >out && test $(wc -l <out) -eq 2 &&
	jqe out 2 ".component == \"SPOKE\" and .qty == 32.5 and .unit == \"ea\""
'

# Per bike: 1 frame, 2 wheels, each 1 rim and 32.5 spokes: 2 rims and
# 2 x 32.5 = 65 spokes.
test_expect_success 'show: every level, totals per unit of the product' '
	inv-bom show BIKE --jq "[.level, .parent, .component, .qty, .total]" \
		>got && jq -c . got >out &&
	cat >expect <<-\EOF &&
	[1,"BIKE","FRAME",1,1]
	[1,"BIKE","WHEEL",2,2]
	[2,"WHEEL","RIM",1,2]
	[2,"WHEEL","SPOKE",32.5,65]
	EOF
	test_cmp expect out
'

test_expect_success 'a cycle at any depth is refused' '
	expect_exit 65 inv-bom add SPOKE BIKE 1 &&
	grep -q "already contains .SPOKE.: the bill would be a cycle" err &&
	expect_exit 65 inv-bom add WHEEL WHEEL 1 &&
	expect_exit 65 inv-bom add WHEEL BIKE 1 &&
	inv-bom list >out && test $(wc -l <out) -eq 4
'

test_expect_success 'bad lines: unknown item, quantity, usage' '
	expect_exit 65 inv-bom add BIKE NOPE 1 &&
	grep -q "unknown item .NOPE." err &&
	expect_exit 65 inv-bom add BIKE RIM 0 &&
	expect_exit 64 inv-bom add BIKE RIM many &&
	expect_exit 64 inv-bom add BIKE RIM &&
	expect_exit 65 inv-bom show RIM &&
	expect_exit 65 inv-bom list NOPE
'

test_expect_success 'remove: once' '
	inv-bom remove WHEEL SPOKE >out && jqe out 1 ".op == \"removed\"" &&
	expect_exit 65 inv-bom remove WHEEL SPOKE &&
	inv-bom list WHEEL >out && test $(wc -l <out) -eq 1 &&
	biz-events --kind bom. >ev && test $(wc -l <ev) -eq 6
'

test_done
