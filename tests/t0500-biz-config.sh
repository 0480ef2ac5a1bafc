#!/bin/sh
# biz-config: settings in the database, checked by kind; an unknown key
# is 64, a bad value 65; a rerun is unchanged; every change is an event.
. "$(dirname "$0")/lib.sh"

test_expect_success 'set up' '
	biz-init >/dev/null
'

test_expect_success 'list shows every key with its default' '
	biz-config list >out &&
	jq -r .key out | tr "\n" " " >keys &&
	test "$(cat keys)" = "ledger.lock_date purchase.approval_limit sales.tax_account sales.terms_days " &&
	jqe out 4 ".value == 30 and .default == 30 and .kind == \"days\"" &&
	jqe out 3 ".value == \"2200\"" &&
	jqe out 2 ".value == null"
'

test_expect_success 'set stores a checked value; the same again is unchanged' '
	biz-config set purchase.approval_limit 5000.50 >out &&
	jqe out 1 ".op == \"updated\" and .value == 5000.5" &&
	biz-config set purchase.approval_limit 5000.5 >out &&
	jqe out 1 ".op == \"unchanged\"" &&
	biz-config get purchase.approval_limit >out &&
	jqe out 1 ".value == 5000.5" &&
	biz-events --kind config.set >ev && test "$(wc -l <ev)" -eq 1
'

test_expect_success 'an account is stored by its code' '
	biz-config set sales.tax_account "Sales Tax Payable" >out &&
	jqe out 1 ".value == \"2200\"" &&
	biz-config set sales.terms_days 45 >out && jqe out 1 ".value == 45"
'

test_expect_success 'unset brings the default back' '
	biz-config unset sales.terms_days >out &&
	jqe out 1 ".value == 30 and .op == \"updated\"" &&
	biz-config unset sales.terms_days >out &&
	jqe out 1 ".op == \"unchanged\""
'

test_expect_code 64 'an unknown key is a usage error' '
	biz-config set purchase.limit 5
'

test_expect_code 64 'get of an unknown key too' '
	biz-config get nothing.here
'

test_expect_success 'bad values are bad data, nothing written' '
	expect_exit 65 biz-config set -- purchase.approval_limit -1 &&
	expect_exit 65 biz-config set purchase.approval_limit 1.005 &&
	expect_exit 65 biz-config set sales.terms_days soon &&
	expect_exit 65 biz-config set sales.tax_account 9999 &&
	expect_exit 65 biz-config set ledger.lock_date 2026-02-30 &&
	biz-config get purchase.approval_limit >out &&
	jqe out 1 ".value == 5000.5"
'

test_expect_code 64 'set without a value is a usage error' '
	biz-config set sales.terms_days
'

# A days setting is a count, not money: 30 (the default), not 30.00; the
# money setting keeps the currency's two places (5000.5 is 5000.50).
test_expect_success 'csv and table: only a money setting prints as money' '
	biz-config list -f csv -o key,value,default \
		--where ".key == \"sales.terms_days\" or
			.key == \"purchase.approval_limit\"" >out &&
	printf "key,value,default\npurchase.approval_limit,5000.50,\nsales.terms_days,30,30\n" >expect &&
	test_cmp expect out &&
	biz-config get sales.terms_days -f tsv -o value >out &&
	printf "value\n30\n" >expect && test_cmp expect out
'

test_done
