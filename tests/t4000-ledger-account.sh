#!/bin/sh
# ledger-account: the chart of accounts.
. "$(dirname "$0")/lib.sh"

test_expect_success 'set up' 'biz-init >/dev/null'

test_expect_success 'biz-init seeds the default chart' '
	ledger-account list --jq "[.code, .name, .type] | join(\" \")" >out &&
	cat >expect <<-\EOF &&
	"1000 Cash asset"
	"1100 Accounts Receivable asset"
	"1300 Inventory asset"
	"2000 Accounts Payable liability"
	"2100 Goods Received Not Invoiced liability"
	"2200 Sales Tax Payable liability"
	"3000 Equity equity"
	"4000 Sales income"
	"4100 Sales Returns income"
	"5000 Cost of Goods Sold expense"
	"5100 Inventory Adjustments expense"
	"5200 Purchase Price Variance expense"
	EOF
	test_cmp expect out
'

test_expect_success 'add prints the new account with op created' '
	ledger-account add 6100 --name Rent --type expense >out &&
	test "$(field out 1 op)" = created &&
	test "$(field out 1 type)" = expense &&
	test "$(field out 1 balance)" = 0
'

test_expect_success 'a child takes its parent type (by code or name)' '
	ledger-account add 6110 --name "Office rent" --parent Rent >out &&
	test "$(field out 1 type)" = expense &&
	test "$(field out 1 parent)" = 6100
'

test_expect_success 'the same add again is unchanged and logs nothing' '
	biz-events >before &&
	ledger-account add 6100 --name Rent --type expense >out &&
	test "$(field out 1 op)" = unchanged &&
	biz-events >after && test_cmp before after
'

test_expect_code 1 'an existing code with other fields is refused' '
	ledger-account add 6100 --name Lease --type expense
'
test_expect_code 1 'a name taken by another code is refused' '
	ledger-account add 6200 --name rent --type expense
'
# A value outside a closed set is usage (DESIGN.md, exit status).
test_expect_code 64 'an unknown --type exits 64' '
	ledger-account add 7000 --name Odd --type revenue
'
test_expect_code 65 'a parent of another type exits 65' '
	ledger-account add 1010 --name Petty --type asset --parent 6100
'
test_expect_code 65 'an unknown parent exits 65' '
	ledger-account add 1010 --name Petty --parent 1999
'
test_expect_code 65 'a code with a space exits 65' '
	ledger-account add "10 10" --name Petty --type asset
'
test_expect_code 64 'add needs --name' 'ledger-account add 7000 --type asset'
test_expect_code 64 'a subcommand is needed' 'ledger-account'

test_expect_success 'list --type filters' '
	ledger-account list --type expense --jq .code >out &&
	printf "\"5000\"\n\"5100\"\n\"5200\"\n\"6100\"\n\"6110\"\n" >expect &&
	test_cmp expect out
'

test_expect_success 'additions are in the event log' '
	biz-events --kind ledger.account --jq .entity_id >out &&
	printf "\"6100\"\n\"6110\"\n" >expect && test_cmp expect out
'

test_expect_success 'each ledger command: -h mirrors the man page synopsis' '
	for c in ledger-account ledger-post ledger-balance ledger-register \
		ledger-export; do
		$c -h >help &&
		sed -n "/^common/q;s/^usage: //;s/^       //;p" help >got &&
		sed -n "/^\.SH SYNOPSIS/,/^\.fi/p" "$TOP/man/man1/$c.1" >man &&
		sed "1,2d;\$d;/^common/,\$d" man >want &&
		test_cmp want got || return 1
	done
'

test_expect_success 'each ledger command has its completions' '
	for c in ledger-account ledger-post ledger-balance ledger-register \
		ledger-export; do
		test -f "$TOP/completions/bash/$c" &&
		test -f "$TOP/completions/zsh/_$c" &&
		test -f "$TOP/completions/fish/$c.fish" || return 1
	done
'

# Each verb takes only its own options: one that belongs to another verb
# is a usage error (64), not a filter silently ignored.
test_expect_code 64 'list refuses add'"'"'s --name' 'ledger-account list --name Cash'
test_expect_code 64 'list refuses add'"'"'s --parent' 'ledger-account list --parent 1000'
test_expect_code 64 'add takes one CODE' 'ledger-account add 1 2 --name X --type asset'

test_expect_code 64 'list --type outside the five types is usage' '
	ledger-account list --type assets
'

test_done
