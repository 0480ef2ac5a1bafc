#!/bin/sh
# Codes and names: SKUs, warehouse codes, rep handles, account codes,
# supplier codes and tags are any UTF-8 without whitespace or control
# characters, by one rule (src/core/code.c).
. "$(dirname "$0")/lib.sh"

test_expect_success 'setup' '
	biz-init >/dev/null
'

test_expect_success 'a CJK SKU and warehouse code are codes' '
	expect_exit 0 inv-item add 茶杯-01 --name 茶杯 &&
	jqe out 1 ".sku == \"茶杯-01\"" &&
	expect_exit 0 inv-warehouse add 上海仓 --name 上海 &&
	expect_exit 0 inv-receive --wh 上海仓 --sku 茶杯-01 --qty 2 --cost 1.5 &&
	jqe out 1 ".wh == \"上海仓\" and .value == 3" &&
	check_ok
'

test_expect_success 'a CJK rep handle, account code, supplier code and tag' '
	expect_exit 0 crm-rep add 李明 --name 李明 &&
	expect_exit 0 ledger-account add 现金 --name 现金 --type asset &&
	expect_exit 0 ledger-post --memo 开户 现金=5 3000 &&
	jqe out 1 ".postings[0].account == \"现金\"" &&
	expect_exit 0 inv-supplier add 供应商-1 --name 供应商 &&
	expect_exit 0 crm-customer add --name 甲 --tag 茶
'

test_expect_success 'whitespace (ASCII or ideographic) or a control is refused' '
	expect_exit 65 inv-item add "茶 杯" --name x &&
	grep -q "no whitespace or control characters" err &&
	expect_exit 65 inv-item add "茶　杯" --name x &&
	expect_exit 65 inv-warehouse add "$(printf "W\001")" --name x &&
	expect_exit 65 crm-rep add "a b" --name x &&
	expect_exit 65 ledger-account add "$(printf "10\t0")" --name x \
		--type asset &&
	expect_exit 65 inv-supplier add "S 1" --name x
'

# Bytes that are not UTF-8 were stored as U+FFFD: two different SKUs
# became one, and the SKU typed could not be found again.
test_expect_success 'an argument that is not UTF-8 text: 64, nothing stored' '
	expect_exit 64 inv-item add "$(printf "\377\376")" --name x &&
	grep -q "argument 2 is not UTF-8 text" err &&
	expect_exit 64 crm-lead add --name "$(printf "Bad\377")" &&
	inv-item list -o sku >items && ! grep -q "\\ufffd" items &&
	! grep -q "$(printf "\357\277\275")" items
'

test_expect_success 'input lines that are not UTF-8 text: 65 naming the line' '
	printf "name,email\nGood,g@x.com\nBad\377Name,b@x.com\n" >bad.csv &&
	expect_exit 65 crm-lead import bad.csv &&
	grep -q "bad.csv:3: not UTF-8 text" err &&
	printf "name\nA\000B\n" >nul.csv &&
	expect_exit 65 crm-lead import nul.csv &&
	grep -q "nul.csv:2: not UTF-8 text" err &&
	printf "{\"name\":\"\300\257\"}\n" >overlong.jsonl &&
	expect_exit 65 crm-lead import overlong.jsonl &&
	crm-lead list >leads && test ! -s leads
'

test_done
