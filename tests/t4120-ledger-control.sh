#!/bin/sh
# Control accounts: Inventory (1300), GRNI (2100), Accounts Receivable
# (1100) and Accounts Payable (2000) take postings only
# from their documents; a manual ledger-post there is refused (1) naming
# what to use, since it would break biz-check.  ledger-account set CODE
# --control / --no-control changes which accounts are.
. "$(dirname "$0")/lib.sh"

test_expect_success 'set up: stock received through its document' '
	biz-init >/dev/null &&
	inv-item add BOLT --name Bolt >/dev/null &&
	inv-receive --wh MAIN --sku BOLT --qty 10 --cost 2.50 --ref RCV-1 \
		>/dev/null &&
	inv-receive --wh MAIN --sku BOLT --qty 4 --cost 2.50 --ref RCV-2 \
		>/dev/null &&
	check_ok &&
	biz-events >events.before
'

test_expect_success 'a manual posting to Inventory: 1 naming the commands' '
	expect_exit 1 ledger-post --memo "fix stock" Inventory=5.00 Cash= &&
	grep "^ledger-post: account .1300. (Inventory) is a control account: the stock commands post to it (inv-receive" err &&
	grep "ledger-account set 1300 --no-control" err &&
	expect_exit 1 ledger-post --memo "fix stock" 1300=-5.00 1000= &&
	test ! -s out
'

test_expect_success 'a manual posting to GRNI: 1 too' '
	expect_exit 1 ledger-post --memo "accrual" 2100=-5.00 5000= &&
	grep "account .2100. (Goods Received Not Invoiced) is a control account: purchase receipts post to it and bills clear it (inv-purchase receive" err
'

# An opening balance posted by hand to AR or AP passed before, and then
# biz-check's receivables (payables) check failed for good: the invoices
# owe 0.00, the account said 100.00.
test_expect_success 'a manual posting to AR or AP: 1 naming the documents' '
	expect_exit 1 ledger-post --date today --memo "opening AR" 1100=100 3000 &&
	grep "^ledger-post: account .1100. (Accounts Receivable) is a control account: invoices, returns and payments post to it (crm-order invoice, return, pay); .ledger-account set 1100 --no-control. allows manual postings" err &&
	expect_exit 1 ledger-post --date today --memo "opening AP" 2000=-100 3000 &&
	grep "^ledger-post: account .2000. (Accounts Payable) is a control account: bills and their payments post to it (inv-purchase bill, pay)" err &&
	test ! -s out
'

test_expect_success 'a batch with one such line: 1 naming it, nothing posted' '
	cat >batch.jsonl <<-\EOT &&
	{"memo": "rent", "postings": [{"account": "1000", "amount": "-9.00"}, {"account": "5100"}]}
	{"memo": "stock", "postings": [{"account": "1300", "amount": "9.00"}, {"account": "1000"}]}
	EOT
	expect_exit 1 ledger-post batch.jsonl &&
	grep "^ledger-post: batch.jsonl:2: account .1300." err &&
	test ! -s out
'

test_expect_success 'reversing a receipt by hand: 1' '
	biz-events --kind ledger.posted >posted &&
	id=$(jq -r "select(.data.source != \"manual\") | .entity_id" posted | head -n 1) &&
	test -n "$id" &&
	expect_exit 1 ledger-post --reverse "$id" &&
	grep "control account" err
'

test_expect_success 'nothing was written; biz-check stays green' '
	biz-events >events.after &&
	test_cmp events.before events.after &&
	check_ok
'

test_expect_success 'other accounts still take manual postings' '
	expect_exit 0 ledger-post --memo "rent" 5100=3.00 Cash= &&
	check_ok
'

test_expect_success 'set --no-control: manual postings go through' '
	expect_exit 0 ledger-account set 1300 --no-control &&
	jqe out 1 ".code == \"1300\" and .name == \"Inventory\" and
		(.control | not) and .op == \"updated\"" &&
	biz-events --kind ledger.account_changed >changed &&
	test "$(wc -l <changed)" -eq 1 &&
	jqe changed 1 ".entity_id == \"1300\" and (.data.control | not)" &&
	expect_exit 0 ledger-post --memo "write-up" Inventory=1.00 5100= &&
	expect_exit 1 biz-check
'

test_expect_success 'set again: unchanged, no event; --control back' '
	expect_exit 0 ledger-account set 1300 --no-control &&
	jqe out 1 ".op == \"unchanged\"" &&
	biz-events --kind ledger.account_changed >changed &&
	test "$(wc -l <changed)" -eq 1 &&
	expect_exit 0 ledger-account set 1300 --control &&
	jqe out 1 ".control and .op == \"updated\"" &&
	expect_exit 1 ledger-post --memo "again" Inventory=1.00 5100=
'

test_expect_success 'any account can be made one' '
	expect_exit 0 ledger-account set 4100 --control &&
	expect_exit 1 ledger-post --memo "returns" 4100=1.00 1000= &&
	grep "only the documents that own it post to it" err
'

test_expect_success 'set: bad uses' '
	expect_exit 65 ledger-account set 9999 --control &&
	grep "no account .9999." err &&
	expect_exit 64 ledger-account set 1300 &&
	expect_exit 64 ledger-account set &&
	expect_exit 64 ledger-account set 1300 --control --name X &&
	expect_exit 64 ledger-account list --control
'

test_expect_success 'migration 8 makes 1300 and 2100 control on an old database' '
	biz-init --db old.db >/dev/null &&
	sqlite3 old.db "ALTER TABLE account DROP COLUMN control; PRAGMA user_version = 7" &&
	expect_exit 1 ledger-post --db "$SCRATCH/old.db" --memo x 2100=1.00 1000= &&
	expect_exit 0 ledger-post --db "$SCRATCH/old.db" --memo x 2200=1.00 1000= &&
	test "$(sqlite3 old.db "SELECT group_concat(code) FROM account WHERE control")" = 1100,1300,2000,2100
'

# The migration after 12 adds Accounts Receivable (1100) and Payable (2000): a
# database at 12 with them ordinary accounts gets them as control ones,
# and 1300, 2100 stay; the migration run again changes nothing.
test_expect_success 'the AR/AP migration makes 1100 and 2000 control on an old database' '
	biz-init --db v12.db >/dev/null &&
	sqlite3 v12.db "UPDATE account SET control = 0 WHERE code IN (\"1100\", \"2000\"); PRAGMA user_version = 12" &&
	expect_exit 1 ledger-post --db "$SCRATCH/v12.db" --memo x 1100=1.00 4000= &&
	grep "account .1100. (Accounts Receivable) is a control account: invoices, returns and payments post to it" err &&
	expect_exit 1 ledger-post --db "$SCRATCH/v12.db" --memo x 2000=-1.00 5000= &&
	grep "account .2000. (Accounts Payable) is a control account: bills and their payments post to it" err &&
	test "$(sqlite3 v12.db "SELECT group_concat(code) FROM account WHERE control")" = 1100,1300,2000,2100 &&
	sqlite3 v12.db "PRAGMA user_version = 12" &&
	expect_exit 0 ledger-account --db "$SCRATCH/v12.db" list &&
	test "$(sqlite3 v12.db "SELECT group_concat(code) FROM account WHERE control")" = 1100,1300,2000,2100
'

test_done
