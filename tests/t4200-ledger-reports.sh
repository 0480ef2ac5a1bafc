#!/bin/sh
# ledger-balance, ledger-register, ledger-export over a day of trading,
# every figure computed by hand; the export is read back by the real
# hledger, ledger-cli and beancount.
. "$(dirname "$0")/lib.sh"

test_expect_success 'set up: the chart with rent accounts' '
	biz-init >/dev/null &&
	ledger-account add 6100 --name Rent --type expense >/dev/null &&
	ledger-account add 6110 --name "Office rent" --parent 6100 >/dev/null
'

# The day (entry: postings):
#  1 2026-10-30 owner invests   Cash +10000.00   Equity -10000.00
#  2 2026-11-02 rent            Rent +1000.00  Office rent +500.00
#                               Cash -1500.00 (inferred)
#  3 2026-11-02 stock on credit Inventory +1200.00  Payable -1200.00
#  4 2026-11-02 till sales      Cash +250.00  Sales -250.00 (inferred)
#  5 2026-11-02 invoice 7       Receivable +480.50  Sales -480.50
#  6 2026-11-02 cost of sales   COGS +420.00  Inventory -420.00
#  7 2026-11-03 misposted sale  Cash +99.99  Sales -99.99
#  8 2026-11-03 reversal of 7   Cash -99.99  Sales +99.99
test_expect_success 'a day of trading posted with ledger-post' '
	# Inventory, payables and receivables by hand, as a business
	# without the stock, purchase and order commands would.
	ledger-account set 1300 --no-control >/dev/null &&
	ledger-account set 2000 --no-control >/dev/null &&
	ledger-account set 1100 --no-control >/dev/null &&
	ledger-post --date 2026-10-30 --memo "Owner invests" --ref CAP-1 \
		Cash=10000.00 Equity= >/dev/null &&
	ledger-post --date 2026-11-02 --memo "November rent" --ref RENT-11 \
		Rent=1000.00 "Office rent=500.00" Cash= >/dev/null &&
	cat >day.jsonl <<-\EOF &&
	{"date":"2026-11-02","memo":"Stock bought on credit","ref":"PO-1","postings":[{"account":"Inventory","amount":"1200.00"},{"account":"2000","amount":"-1200.00"}]}
	{"date":"2026-11-02","memo":"Till; cash sales","ref":"TILL-1","postings":[{"account":"1000","amount":"250.00"},{"account":"4000"}]}
	{"date":"2026-11-02","memo":"Invoice 7","ref":"INV-7","postings":[{"account":"1100","amount":"480.50"},{"account":"4000","amount":"-480.50"}]}
	{"date":"2026-11-02","memo":"Cost of sales","ref":"COGS-1","postings":[{"account":"5000","amount":"420.00"},{"account":"1300"}]}
	{"date":"2026-11-03","memo":"(Misposted) sale","postings":[{"account":"1000","amount":"99.99"},{"account":"4000","amount":"-99.99"}]}
	EOF
	ledger-post day.jsonl >out && test "$(wc -l <out)" -eq 5 &&
	ledger-post --reverse 7 --date 2026-11-03 >out &&
	test "$(field out 1 id)" = 8
'

# Cash:  debit 10000 + 250 + 99.99 = 10349.99, credit 1500 + 99.99 =
#        1599.99, balance 8750.  Sales: debit 99.99, credit 250 + 480.50
#        + 99.99 = 830.49, balance -730.50.  Inventory 1200 - 420 = 780.
# Debits: 10349.99 + 480.50 + 1200 + 99.99 + 420 + 1000 + 500 = 14050.48;
# credits: 1599.99 + 420 + 1200 + 10000 + 830.49 = 14050.48.
test_expect_success 'trial balance: every account, totals sum to zero' '
	ledger-balance --total --jq "[.account, .debit, .credit, .balance]" -f jsonl \
		>got &&
	jq -c . got >out &&
	cat >expect <<-\EOF &&
	["1000",10349.99,1599.99,8750]
	["1100",480.5,0,480.5]
	["1300",1200,420,780]
	["2000",0,1200,-1200]
	["2100",0,0,0]
	["2200",0,0,0]
	["3000",0,10000,-10000]
	["4000",99.99,830.49,-730.5]
	["4100",0,0,0]
	["5000",420,0,420]
	["5100",0,0,0]
	["5200",0,0,0]
	["6100",1000,0,1000]
	["6110",500,0,500]
	[null,14050.48,14050.48,0]
	EOF
	test_cmp expect out
'

# Assets 8750 + 480.50 + 780 = 10010.50; liabilities 1200; equity 10000;
# earnings = income 730.50 - expenses (420 + 1000 + 500) = -1189.50;
# 1200 + 10000 - 1189.50 = 10010.50 = assets.
test_expect_success 'balance sheet: assets = liabilities + equity + earnings' '
	ledger-balance --total --type bs --jq "select(.account == null) |
		[.name, .amount]" >got &&
	jq -c . got >out &&
	cat >expect <<-\EOF &&
	["Current earnings",-1189.5]
	["Total assets",10010.5]
	["Total liabilities",1200]
	["Total equity",8810.5]
	["Assets - liabilities - equity",0]
	EOF
	test_cmp expect out
'

test_expect_success 'profit and loss: income - expenses' '
	ledger-balance --total --type pl --jq "select(.account == null) |
		[.name, .amount]" >got &&
	jq -c . got >out &&
	cat >expect <<-\EOF &&
	["Total income",730.5]
	["Total expenses",1920]
	["Net income",-1189.5]
	EOF
	test_cmp expect out
'

test_expect_success '--as-of: only the owner invests by October 31' '
	ledger-balance --total --as-of 2026-10-31 \
		--where ".debit != 0 or .credit != 0" \
		--jq "[.account, .debit, .credit, .balance]" >got &&
	jq -c . got >out &&
	printf "%s\n" "[\"1000\",10000,0,10000]" "[\"3000\",0,10000,-10000]" \
		"[null,10000,10000,0]" >expect &&
	test_cmp expect out &&
	ledger-balance --total --type bs --as-of 2026-10-31 \
		--jq "select(.name == \"Total assets\") | .amount" >out &&
	echo 10000 >expect && test_cmp expect out
'

# November alone: Cash debit 250 + 99.99 = 349.99, credit 1599.99,
# balance -1250; all debits 14050.48 - 10000 = 4050.48.
test_expect_success '--from --to: the movements of November' '
	ledger-balance --total --from 2026-11-01 --to 2026-11-30 \
		--where ".account == \"1000\" or .account == null" \
		--jq "[.account, .debit, .credit, .balance]" >got &&
	jq -c . got >out &&
	printf "%s\n" "[\"1000\",349.99,1599.99,-1250]" \
		"[null,4050.48,4050.48,0]" >expect &&
	test_cmp expect out &&
	ledger-balance --total --type pl --from 2026-10-01 --to 2026-10-31 \
		--jq "select(.name == \"Net income\") | .amount" >out &&
	echo 0 >expect && test_cmp expect out
'

# Cash moves +10000 in October and 8750 - 10000 = -1250 in November;
# the balance sheet shows month-end balances 10000 and 8750.
test_expect_success '--monthly: a column per month' '
	ledger-balance --monthly --where ".account == \"1000\"" \
		--jq "[.[\"2026-10\"], .[\"2026-11\"], .balance]" >got &&
	jq -c . got >out && echo "[10000,-1250,8750]" >expect &&
	test_cmp expect out &&
	ledger-balance --type bs --monthly --where ".account == \"1000\"" \
		--jq "[.[\"2026-10\"], .[\"2026-11\"]]" >got &&
	jq -c . got >out && echo "[10000,8750]" >expect &&
	test_cmp expect out
'

test_expect_code 64 'bs is a balance at a date, --from needs --monthly' '
	ledger-balance --type bs --from 2026-11-01
'
test_expect_code 64 'a bad --as-of exits 64' 'ledger-balance --as-of 2026-13-01'
test_expect_code 64 'an unknown --type exits 64' 'ledger-balance --type cash'

# 10000 - 1500 = 8500; + 250 = 8750; + 99.99 = 8849.99; - 99.99 = 8750.
test_expect_success 'register: postings with a running balance' '
	ledger-register Cash --jq "[.entry, .amount, .balance]" >got &&
	jq -c . got >out &&
	cat >expect <<-\EOF &&
	[1,10000,10000]
	[2,-1500,8500]
	[4,250,8750]
	[7,99.99,8849.99]
	[8,-99.99,8750]
	EOF
	test_cmp expect out
'

test_expect_success 'register --from starts from the balance before it' '
	ledger-register 1000 --from 2026-11-03 --jq "[.entry, .balance]" \
		>got &&
	jq -c . got >out && printf "[7,8849.99]\n[8,8750]\n" >expect &&
	test_cmp expect out
'

test_expect_code 65 'register of an unknown account exits 65' '
	ledger-register Nowhere
'

# The non-zero balances of the trial balance above, by exported name
# (hledger and beancount: each account alone).
cat >expect.flat <<-\EOF
Assets:Accounts Receivable|480.50
Assets:Cash|8750.00
Assets:Inventory|780.00
Equity:Equity|-10000.00
Expenses:Cost of Goods Sold|420.00
Expenses:Rent:Office rent|500.00
Expenses:Rent|1000.00
Income:Sales|-730.50
Liabilities:Accounts Payable|-1200.00
EOF

test_expect_success 'hledger reads the export; its balances are ours' '
	ledger-export --format hledger >books.journal &&
	hledger -f books.journal balance --flat --no-total -O csv >hl.csv &&
	sed -e 1d -e "s/^\"\\(.*\\)\",\"\\(.*\\) USD\"$/\\1|\\2/" hl.csv |
		LC_ALL=C sort >out &&
	LC_ALL=C sort expect.flat >expect && test_cmp expect out
'

# ledger-cli shows a parent with its children: Rent 1000 + 500 = 1500.
test_expect_success 'ledger-cli reads the export; its balances are ours' '
	ledger-export --journal-format ledger >books.ledger &&
	ledger -f books.ledger balance --flat --no-total \
		--format "%(account)|%(scrub(display_total))\n" >lc.txt &&
	sed "s/ USD$//" lc.txt | LC_ALL=C sort >out &&
	sed "s/^Expenses:Rent|1000.00/Expenses:Rent|1500.00/" expect.flat |
		LC_ALL=C sort >expect &&
	test_cmp expect out
'

test_expect_success 'bean-check accepts the export; bean-query agrees' '
	ledger-export --format beancount >books.beancount &&
	bean-check books.beancount &&
	bean-query -f csv books.beancount "SELECT account, sum(number) AS n
		GROUP BY account ORDER BY account" >bq.csv &&
	sed -e 1d -e "s/[[:space:]]//g" -e "s/,/|/" bq.csv | LC_ALL=C sort >out &&
	sed -e "s/Accounts Receivable/Accounts-Receivable/" \
		-e "s/Cost of Goods Sold/Cost-of-Goods-Sold/" \
		-e "s/Office rent/Office-rent/" \
		-e "s/Accounts Payable/Accounts-Payable/" expect.flat |
		LC_ALL=C sort >expect &&
	test_cmp expect out
'

test_expect_success 'the export carries dates, memos, refs and entry ids' '
	grep "^2026-11-02 \* (INV-7) Invoice 7$" books.journal &&
	grep "^2026-11-03 \* - (Misposted) sale$" books.journal &&
	grep "^2026-11-02 \* (TILL-1) Till, cash sales$" books.journal &&
	grep "^    ; entry: 8$" books.journal &&
	grep "^  ref: \"INV-7\"$" books.beancount
'

test_expect_success 'export --from --to equals ledger-balance of the period' '
	ledger-export --from 2026-11-01 --to 2026-11-30 >nov.journal &&
	hledger -f nov.journal balance --flat --no-total -O csv >hl.csv &&
	grep "^\"Assets:Cash\",\"-1250.00 USD\"$" hl.csv &&
	! grep Equity:Equity hl.csv &&
	ledger-export --format beancount --from 2026-11-01 >nov.beancount &&
	bean-check nov.beancount
'

test_expect_code 64 'an unknown journal format exits 64' '
	ledger-export --format gnucash
'

test_done
