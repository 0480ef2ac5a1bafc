#!/bin/sh
# Input headers on import: --map HEADER=field renames a column (crm-lead,
# crm-customer, inv-item import through cli_batch), and a column that
# becomes a custom field is named once on stderr, not with -q.
. "$(dirname "$0")/lib.sh"

test_expect_success 'set up' 'biz-init >/dev/null'

# A spreadsheet's header: "E-Mail Address" is no field name.  Row 2 is
# row 1's person by email in another case: mapped, it dedupes.
cat >leads.csv <<'CSV'
Name,E-Mail Address
Ann Archer,ann@example.com
ANN A.,Ann@Example.COM
CSV

test_expect_success 'crm-lead import --map: the email column dedupes' '
	expect_exit 0 crm-lead import --map "E-Mail Address=email" leads.csv &&
	jq -r .op out >ops && printf "created\nunchanged\n" >expect &&
	test_cmp expect ops &&
	test "$(field out 1 email)" = ann@example.com &&
	test "$(jq -r .id out | sort -u)" = 1 &&
	! test -s err &&
	crm-lead list >all && test "$(wc -l <all)" -eq 1
'

test_expect_success 'the header is matched in any case, spaces around ignored' '
	expect_exit 0 crm-lead import --map " e-mail address =email" leads.csv &&
	test "$(jq -r .op out | sort -u)" = unchanged
'

test_expect_success 'a --map without = is a usage error (64), nothing written' '
	biz-events >before &&
	expect_exit 64 crm-lead import --map "E-Mail Address" leads.csv &&
	grep -q "HEADER=field" err &&
	expect_exit 64 crm-lead import --map "=email" leads.csv &&
	expect_exit 64 crm-lead import --map "E-Mail Address=" leads.csv &&
	biz-events >after && test_cmp before after
'

# Unmapped, the column is a custom field, named once for two rows; no
# email, so two leads (ids 2 and 3).
test_expect_success 'crm-lead import without --map: one notice, two leads' '
	expect_exit 0 crm-lead import leads.csv &&
	test "$(grep -c "column .E-Mail Address. is a custom field" err)" -eq 1 &&
	test "$(jq -r .op out | sort -u)" = created &&
	test "$(field out 2 id)" = 3
'

cat >customers.csv <<'CSV'
Name,E-Mail Address,Loyalty
Acme,buy@acme.example,gold
ACME Corp,BUY@acme.example,
CSV

# Row 2 is Acme by email and brings nothing new: unchanged.
test_expect_success 'crm-customer import --map dedupes; Loyalty named once' '
	expect_exit 0 crm-customer import --map "E-Mail Address=email" \
		customers.csv &&
	jq -r .op out >ops && printf "created\nunchanged\n" >expect &&
	test_cmp expect ops &&
	test "$(field out 1 Loyalty)" = gold &&
	test "$(grep -c "is a custom field" err)" -eq 1 &&
	grep -q "column .Loyalty. is a custom field" err
'

test_expect_success 'crm-customer import -q: no notice; rerun unchanged' '
	expect_exit 0 crm-customer import -q --map "E-Mail Address=email" \
		customers.csv &&
	! test -s err &&
	test "$(jq -r .op out | sort -u)" = unchanged
'

test_expect_success 'crm-customer import: a bad --map is 64' '
	expect_exit 64 crm-customer import --map nothing customers.csv
'

cat >items.csv <<'CSV'
Item Code,Name,Colour
W-1,Widget,red
W-2,Gadget,blue
CSV

test_expect_success 'inv-item import --map: SKUs from "Item Code"; Colour named once' '
	expect_exit 0 inv-item import --map "Item Code=sku" items.csv &&
	test "$(field out 1 sku)" = W-1 &&
	test "$(field out 2 sku)" = W-2 &&
	test "$(field out 2 Colour)" = blue &&
	test "$(grep -c "is a custom field" err)" -eq 1 &&
	grep -q "column .Colour. is a custom field" err
'

test_expect_success 'inv-item import: a bad --map is 64, nothing written' '
	biz-events >before &&
	expect_exit 64 inv-item import --map "Item Code" items.csv &&
	biz-events >after && test_cmp before after
'

test_done
