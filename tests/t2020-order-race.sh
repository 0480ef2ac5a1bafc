#!/bin/sh
# Two processes confirm orders for the last units at the same moment:
# exactly one wins, the other is refused (1) and reserves nothing.
# BEGIN IMMEDIATE makes the second wait for the first and then read what
# the first reserved.  Five rounds, each with its own last units.
. "$(dirname "$0")/lib.sh"

test_expect_success 'set up: two customers, a bolt' '
	biz-init >/dev/null &&
	crm-customer add --name Acme >/dev/null &&
	crm-customer add --name Brix >/dev/null &&
	inv-item add BOLT --name Bolt >/dev/null
'

round() {
	inv-receive --wh MAIN --sku BOLT --qty 5 --cost 1.00 >/dev/null &&
	crm-order create --customer 1 --line BOLT:5:2 >a.out &&
	crm-order create --customer 2 --line BOLT:5:2 >b.out || return 1
	a=$(field a.out 1 id) b=$(field b.out 1 id)
	crm-order confirm "$a" >a.out 2>a.err &
	pa=$!
	crm-order confirm "$b" >b.out 2>b.err &
	pb=$!
	wait $pa; ra=$?
	wait $pb; rb=$?
	echo "round $1: $ra $rb"
	# One 0 and one 1, never both 0 nor a busy failure.
	{ [ $ra -eq 0 ] && [ $rb -eq 1 ]; } ||
		{ [ $ra -eq 1 ] && [ $rb -eq 0 ]; } || return 1
	inv-stock --sku BOLT >stock &&
	jqe stock 1 ".reserved == .on_hand and .available == 0" &&
	crm-order list --status backordered >lost && test ! -s lost &&
	crm-order list --status confirmed --jq .id >won &&
	test $(wc -l <won) -eq 1 &&
	grep -q "not enough .BOLT." a.err b.err &&
	# Ship the winner so the next round starts from nothing available.
	crm-order ship "$(cat won)" >/dev/null && check_ok
}

for i in 1 2 3 4 5; do
	test_expect_success "round $i: exactly one confirm wins" "round $i"
done

test_done
