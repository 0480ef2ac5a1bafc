#!/bin/sh
# inv-item: a field given a JSON type it cannot take (an object, an
# array, a boolean where a string or a number is expected) is 65 naming
# the field, on a new item and on an existing one, and changes nothing.
. "$(dirname "$0")/lib.sh"

test_expect_success 'set up: one item' '
	biz-init >/dev/null &&
	inv-item add BOLT --name Bolt --unit ea >/dev/null &&
	biz-events >events.before
'

for field in tracking costing multiple min max lead_time lead_time_sd \
	service_level name unit barcode supplier; do
	for value in "{}" "[]" true; do
		test_expect_success "$field: $value on an existing item: 65" "
			echo '{\"sku\": \"BOLT\", \"$field\": $value}' >in.jsonl &&
			expect_exit 65 inv-item import in.jsonl &&
			grep '^inv-item: in.jsonl:1: $field: .* is not a string or a number\$' err
		"
		test_expect_success "$field: $value on a new item: 65" "
			echo '{\"sku\": \"NEW\", \"name\": \"n\", \"$field\": $value}' >in.jsonl &&
			expect_exit 65 inv-item import in.jsonl &&
			grep '^inv-item: in.jsonl:1: $field: ' err
		"
	done
done

test_expect_success 'bad numbers on set: 65 naming the field' '
	expect_exit 65 inv-item set BOLT --multiple abc &&
	grep "^inv-item: multiple: .abc. is not a number" err &&
	expect_exit 65 inv-item set BOLT --min "{}" &&
	grep "^inv-item: min: " err &&
	expect_exit 65 inv-item set BOLT --lead-time x &&
	grep "^inv-item: lead_time: " err
'

test_expect_success 'nothing changed: no new item, no event' '
	expect_exit 65 inv-item show NEW &&
	biz-events >events.after &&
	test_cmp events.before events.after
'

test_done
