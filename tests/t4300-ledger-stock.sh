#!/bin/sh
# The books and the stock together: a day of receipts, a sale issue, a
# scrap, a manual rent entry, cash sales and a reversal; the trial
# balance by hand, and biz-check (Inventory = stock value) green after
# every step.
. "$(dirname "$0")/lib.sh"

# check: biz-check passes and the Inventory account holds value.
check() {
	biz-check >"$SCRATCH/.check" &&
	ledger-balance --where ".account == \"1300\"" --jq .balance \
		>"$SCRATCH/.inv" &&
	test "$(cat "$SCRATCH/.inv")" = "$1"
}

test_expect_success 'set up' '
	biz-init >/dev/null &&
	ledger-account add 6100 --name Rent --type expense >/dev/null &&
	inv-item add BOLT --name Bolt >/dev/null && check 0
'

# Receipts without a purchase order: Dr Inventory / Cr Accounts Payable.
# 100 x 2.50 = 250.00; 50 x 3.00 = 150.00; inventory 400.00.
test_expect_success 'receipts post Inventory / Accounts Payable' '
	inv-receive --wh MAIN --sku BOLT --qty 100 --cost 2.50 --ref RCV-1 \
		--date 2026-11-02 >/dev/null && check 250 &&
	inv-receive --wh MAIN --sku BOLT --qty 50 --cost 3.00 --ref RCV-2 \
		--date 2026-11-02 >/dev/null && check 400
'

# FIFO: 100 x 2.50 + 20 x 3.00 = 310.00 to COGS; 400 - 310 = 90.
test_expect_success 'a sale issue posts COGS / Inventory at FIFO cost' '
	inv-issue --wh MAIN --sku BOLT --qty 120 --reason sale --ref SO-1 \
		--date 2026-11-02 >/dev/null && check 90
'

# 5 x 3.00 = 15.00 to Inventory Adjustments; 90 - 15 = 75 (25 x 3.00).
test_expect_success 'a scrap posts Inventory Adjustments / Inventory' '
	inv-issue --wh MAIN --sku BOLT --qty 5 --reason scrap --ref SCRAP-1 \
		--date 2026-11-02 >/dev/null && check 75
'

test_expect_success 'manual entries: the sale, the rent, a reversal' '
	ledger-post --date 2026-11-02 --memo "Sold 120 bolts" --ref INV-1 \
		Cash=600.00 Sales= >/dev/null && check 75 &&
	ledger-post --date 2026-11-02 --memo "Workshop rent" --ref RENT-11 \
		Rent=500.00 Cash= >/dev/null && check 75 &&
	ledger-post --date 2026-11-02 --memo "Wrong till" Cash=10.00 \
		Sales= >out && check 75 &&
	ledger-post --reverse "$(field out 1 id)" --date 2026-11-02 \
		>/dev/null && check 75
'

# Cash: debit 600 + 10 = 610, credit 500 + 10 = 510, balance 100.
# Inventory: debit 250 + 150 = 400, credit 310 + 15 = 325, balance 75.
# Payable: credit 400.  Sales: debit 10, credit 600 + 10 = 610, -600.
# Debits 610 + 400 + 10 + 310 + 15 + 500 = 1845 = credits
# 510 + 325 + 400 + 610.
test_expect_success 'the trial balance of the day' '
	ledger-balance --total --where ".debit != 0 or .credit != 0" \
		--jq "[.account, .debit, .credit, .balance]" >got &&
	jq -c . got >out &&
	cat >expect <<-\EOF &&
	["1000",610,510,100]
	["1300",400,325,75]
	["2000",0,400,-400]
	["4000",10,610,-600]
	["5000",310,0,310]
	["5100",15,0,15]
	["6100",500,0,500]
	[null,1845,1845,0]
	EOF
	test_cmp expect out
'

test_expect_success 'automatic entries carry their document refs' '
	ledger-register Inventory --jq "[.ref, .amount, .balance]" >got &&
	jq -c . got >out &&
	cat >expect <<-\EOF &&
	["RCV-1",250,250]
	["RCV-2",150,400]
	["SO-1",-310,90]
	["SCRAP-1",-15,75]
	EOF
	test_cmp expect out
'

test_expect_success 'a manual ref never collides with a document ref' '
	ledger-post --memo "Same ref as a receipt" --ref RCV-1 Cash=1 \
		Sales= >out && test "$(field out 1 op)" = created &&
	ledger-post --reverse "$(field out 1 id)" >/dev/null && check 75
'

test_expect_success 'the export of the day balances in hledger' '
	ledger-export >day.journal &&
	hledger -f day.journal balance --flat --no-total -O csv >hl.csv &&
	grep "^\"Assets:Inventory\",\"75.00 USD\"$" hl.csv &&
	grep "^\"Assets:Cash\",\"100.00 USD\"$" hl.csv
'

test_done
