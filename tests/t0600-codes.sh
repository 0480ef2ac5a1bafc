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

test_done
