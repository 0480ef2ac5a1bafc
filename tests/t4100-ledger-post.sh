#!/bin/sh
# ledger-post: entries by arguments and from files, inferred amounts,
# refusals that write nothing, idempotent refs, reversals, immutability.
. "$(dirname "$0")/lib.sh"

# entries: how many entries the event log says were posted.
entries() {
	biz-events --kind ledger.posted >"$SCRATCH/.events" &&
	wc -l <"$SCRATCH/.events" | tr -d " "
}

# Invoices posted by hand, as a business without crm-order would:
# Accounts Receivable is a control account by default (t4120).
test_expect_success 'set up' '
	biz-init >/dev/null &&
	ledger-account set 1100 --no-control >/dev/null &&
	ledger-account add 6100 --name Rent --type expense >/dev/null
'

test_expect_success 'a manual entry by code and name, one amount inferred' '
	ledger-post --date 2026-11-02 --memo "November rent" --ref RENT-11 \
		Rent=1500.00 Cash= >out &&
	test "$(field out 1 id)" = 1 &&
	test "$(field out 1 op)" = created &&
	test "$(field out 1 ref)" = RENT-11 &&
	test "$(field out 1 date)" = 2026-11-02 &&
	jq -c .postings out >got &&
	echo "[{\"account\":\"6100\",\"amount\":1500},{\"account\":\"1000\",\"amount\":-1500}]" >expect &&
	test_cmp expect got
'

test_expect_success 'the date defaults to today ($BIZ_NOW)' '
	ledger-post --memo "Owner invests" Cash=10000 Equity=-10000 >out &&
	test "$(field out 1 date)" = 2026-11-27
'

test_expect_success 'entries from a JSON Lines file, all in one go' '
	cat >sales.jsonl <<-\EOF &&
	{"date":"2026-11-02","memo":"Till","ref":"TILL-1","postings":[{"account":"Cash","amount":"250.00"},{"account":"4000"}]}
	{"date":"2026-11-02","memo":"Invoice 7","postings":[{"account":"1100","amount":480.5},{"account":"Sales","amount":-480.5}]}
	EOF
	ledger-post sales.jsonl >out &&
	test "$(wc -l <out)" -eq 2 &&
	test "$(field out 1 id)" = 3 && test "$(field out 2 id)" = 4 &&
	jq -c "[.postings[].amount]" out >got &&
	printf "[250,-250]\n[480.5,-480.5]\n" >expect && test_cmp expect got
'

test_expect_success 'entries from stdin' '
	echo "{\"date\":\"2026-11-03\",\"memo\":\"Misposted\",\"postings\":[{\"account\":\"1000\",\"amount\":\"99.99\"},{\"account\":\"4000\",\"amount\":\"-99.99\"}]}" >one.jsonl &&
	ledger-post - <one.jsonl >out && test "$(field out 1 id)" = 5
'

test_expect_success '--reverse posts the mirror entry' '
	ledger-post --reverse 5 --date 2026-11-03 >out &&
	test "$(field out 1 id)" = 6 &&
	test "$(field out 1 reverses)" = 5 &&
	test "$(field out 1 memo)" = "Reversal of entry 5: Misposted" &&
	jq -c .postings out >got &&
	echo "[{\"account\":\"1000\",\"amount\":-99.99},{\"account\":\"4000\",\"amount\":99.99}]" >expect &&
	test_cmp expect got
'

test_expect_code 1 'an entry is reversed only once' 'ledger-post --reverse 5'
test_expect_code 65 'reversing an unknown entry exits 65' 'ledger-post --reverse 99'

test_expect_success 'a posted --ref is a no-op: same entry, a warning, exit 0' '
	n=$(entries) &&
	ledger-post --date 2026-11-02 --memo "November rent" --ref RENT-11 \
		Rent=1500.00 Cash= >out 2>err &&
	test "$(field out 1 id)" = 1 &&
	test "$(field out 1 op)" = unchanged &&
	grep "already posted as entry 1" err &&
	test "$(entries)" = "$n"
'

test_expect_success 'rerunning a file of refs posts only what is new' '
	n=$(entries) &&
	ledger-post sales.jsonl >out 2>err &&
	test "$(field out 1 op)" = unchanged &&
	test "$(field out 2 op)" = created &&
	test "$(entries)" = $((n + 1))
'

# The trial balance before the bad input below, to show it is untouched.
test_expect_success 'record the books' '
	ledger-balance >books.before && entries >count.before
'

test_expect_code 1 'an unbalanced entry exits 1' '
	ledger-post --memo x Cash=10.00 Sales=-9.99
'
test_expect_code 65 'an unknown account exits 65' '
	ledger-post --memo x Cash=10 Nowhere=
'
test_expect_code 65 'two missing amounts exit 65' '
	ledger-post --memo x Cash=10 Sales= Equity=
'
test_expect_code 65 'three decimals in a two-place currency exit 65' '
	ledger-post --memo x Cash=12.345 Sales=
'
test_expect_code 65 'an exponent exits 65' 'ledger-post --memo x Cash=1e3 Sales='
test_expect_code 65 'a decimal comma exits 65' 'ledger-post --memo x Cash=12,00 Sales='
test_expect_code 65 'a bad date exits 65' '
	ledger-post --date 2026-02-30 --memo x Cash=1 Sales=
'
test_expect_code 65 'one posting alone cannot be inferred' '
	ledger-post --memo x Cash=
'
test_expect_code 64 'an entry needs --memo' 'ledger-post Cash=1 Sales=-1'
test_expect_code 64 'ACCOUNT=AMOUNT or a file is needed' 'ledger-post'

test_expect_success 'a bad entry in a file writes none of the file' '
	cat >bad.jsonl <<-\EOF &&
	{"date":"2026-11-04","memo":"fine","postings":[{"account":"1000","amount":"5"},{"account":"4000"}]}
	{"date":"2026-11-04","memo":"bad","postings":[{"account":"1000","amount":"1e3"},{"account":"4000"}]}
	EOF
	expect_exit 65 ledger-post bad.jsonl &&
	grep "bad.jsonl:2: amount .1e3." err &&
	test ! -s out
'

test_expect_success 'an unbalanced entry in a file exits 1 with its line' '
	cat >unbalanced.jsonl <<-\EOF &&
	{"date":"2026-11-04","memo":"fine","postings":[{"account":"1000","amount":"5"},{"account":"4000"}]}
	{"date":"2026-11-04","memo":"off","postings":[{"account":"1000","amount":"5"},{"account":"4000","amount":"-4.99"}]}
	EOF
	expect_exit 1 ledger-post unbalanced.jsonl &&
	grep "unbalanced.jsonl:2: entry does not balance" err
'

test_expect_success 'an unknown field in a file exits 65' '
	echo "{\"memo\":\"x\",\"amount\":5,\"postings\":[]}" >odd.jsonl &&
	expect_exit 65 ledger-post odd.jsonl
'

test_expect_success 'none of the refusals wrote anything' '
	ledger-balance >books.after && test_cmp books.before books.after &&
	test "$(entries)" = "$(cat count.before)"
'

test_expect_success '--dry-run prints the entry and keeps nothing' '
	ledger-post --dry-run --memo "dry" Cash=1 Sales= >out &&
	test "$(field out 1 op)" = created &&
	test "$(entries)" = "$(cat count.before)"
'

test_expect_success 'the database refuses to change or delete postings' '
	for sql in "UPDATE posting SET amount = 0" "DELETE FROM posting" \
		"UPDATE entry SET memo = 1" "DELETE FROM entry"; do
		if sqlite3 "$BIZ_DB" "$sql" 2>err; then return 1; fi &&
		grep "immutable" err || return 1
	done &&
	ledger-balance >books.after && test_cmp books.before books.after
'

test_expect_success 'every entry is in the event log with its postings' '
	biz-events --kind ledger.posted --jq ".data.postings | length" >out &&
	printf "2\n2\n2\n2\n2\n2\n2\n" >expect && test_cmp expect out
'

test_done
