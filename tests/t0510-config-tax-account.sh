#!/bin/sh
# biz-config set sales.tax_account: only a liability account that is not
# a control account.  1300 (Inventory) was accepted, and taxed invoices
# then posted their tax to Inventory and biz-check failed.
. "$(dirname "$0")/lib.sh"

snapshot() {
	{ biz-events; biz-config list; } >"$1"
}

test_expect_success 'set up: a customer and bolts in stock' '
	biz-init >/dev/null &&
	crm-customer add --name Acme >/dev/null &&
	inv-item add BOLT --name Bolt >/dev/null &&
	inv-receive --wh MAIN --sku BOLT --qty 10 --cost 1.00 >/dev/null &&
	ledger-account add 2300 --name "VAT Payable" --type liability \
		>/dev/null &&
	ledger-account add 2400 --name "Clearing" --type liability \
		>/dev/null &&
	ledger-account set 2400 --control >/dev/null
'

test_expect_success 'a control or non-liability account is 1, naming it' '
	snapshot before &&
	expect_exit 1 biz-config set sales.tax_account 1300 &&
	grep -q "account .1300. (Inventory) is a control account" err &&
	expect_exit 1 biz-config set sales.tax_account 2100 &&
	grep -q "account .2100. (Goods Received Not Invoiced) is a control" err &&
	expect_exit 1 biz-config set sales.tax_account 2000 &&
	grep -q "account .2000. (Accounts Payable) is a control account" err &&
	expect_exit 1 biz-config set sales.tax_account 2400 &&
	grep -q "account .2400. (Clearing) is a control account" err &&
	expect_exit 1 biz-config set sales.tax_account Sales &&
	grep -q "account .4000. (Sales) is an income account, not a liability" err &&
	expect_exit 1 biz-config set sales.tax_account 1000 &&
	grep -q "account .1000. (Cash) is an asset account" err &&
	expect_exit 65 biz-config set sales.tax_account 9999 &&
	grep -q "no such account .9999." err &&
	snapshot after && test_cmp before after &&
	biz-config get sales.tax_account >out &&
	jqe out 1 ".value == \"2200\""
'

test_expect_success 'another liability account is taken, by code or name' '
	biz-config set sales.tax_account "VAT Payable" >out &&
	jqe out 1 ".value == \"2300\" and .op == \"updated\"" &&
	biz-config set sales.tax_account 2300 >out &&
	jqe out 1 ".op == \"unchanged\""
'

# 4 x 2.50 = 10.00 net, 10% tax = 1.00, total 11.00: Accounts Receivable
# 11.00 / Sales 10.00 and VAT Payable 1.00; Inventory keeps 10 x 1.00
# - 4 x 1.00 = 6.00, which the stock (6 x 1.00) agrees with.
test_expect_success 'a taxed invoice posts its tax there; biz-check passes' '
	crm-order create --customer 1 --line BOLT:4:2.50 --tax 10 \
		>/dev/null &&
	crm-order confirm 1 >/dev/null && crm-order ship 1 >/dev/null &&
	crm-order invoice 1 >out && jqe out 1 ".tax == 1 and .total == 11" &&
	ledger-balance --where ".balance != 0" --jq "{account,balance}" \
		-f csv >tb.csv &&
	printf "account,balance\n1100,11.00\n1300,6.00\n2000,-10.00\n2300,-1.00\n4000,-10.00\n5000,4.00\n" >expect &&
	test_cmp expect tb.csv &&
	check_ok
'

test_done
