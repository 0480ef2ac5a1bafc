#!/bin/sh
# crm-lead: add, import with deduplication, list, show, set.
. "$(dirname "$0")/lib.sh"

test_expect_success 'set up' 'biz-init >/dev/null'

# Three rows, one person: row 2 is row 1 by email in another case, row 3
# by phone with other punctuation (digits 5551234567 both times).
cat >dupes.csv <<'CSV'
name,email,phone,source,tier
Ann Archer,ann@example.com,(555) 123-4567,web,gold
ANN A.,Ann@Example.COM,,fair,
Ann at the fair,,555.123.4567,fair,silver
CSV

# Rows 2 and 3 are Ann again (email, phone) and bring nothing the first
# row left empty (tier is gold already): they change nothing.
test_expect_success 'import: the same person thrice is 1 created, 2 unchanged' '
	crm-lead import dupes.csv >out &&
	jq -r .op out >ops && printf "created\nunchanged\nunchanged\n" >expect &&
	test_cmp expect ops &&
	test "$(jq -r .id out | sort -u)" = 1 &&
	crm-lead list >all && test "$(wc -l <all)" -eq 1
'

test_expect_success 'a merge fills empty fields and overwrites nothing' '
	crm-lead show 1 >out &&
	test "$(field out 1 name)" = "Ann Archer" &&
	test "$(field out 1 source)" = web &&
	test "$(field out 1 phone)" = "(555) 123-4567" &&
	test "$(field out 1 tier)" = gold
'

test_expect_success 'rerunning the import creates nothing and logs nothing' '
	biz-events >before &&
	crm-lead import dupes.csv >out &&
	test "$(jq -r .op out | sort -u)" = unchanged &&
	biz-events >after && test_cmp before after
'

test_expect_success 'CSV values stay strings; unknown columns are custom' '
	printf "name,phone,zip\nZed,08123,01234\n" >zero.csv &&
	crm-lead import zero.csv >out &&
	test "$(jq -r .zip out)" = 01234 &&
	test "$(jq -r ".zip | type" out)" = string &&
	test "$(jq -r .phone out)" = 08123
'

test_expect_success 'the same source and external id merges' '
	printf "{\"name\":\"Xena\",\"source\":\"ads\",\"external_id\":\"A-1\"}\n{\"name\":\"X.\",\"source\":\"ads\",\"external_id\":\"A-1\",\"company\":\"Xco\"}\n" >ext.jsonl &&
	crm-lead import ext.jsonl >out &&
	jq -r .op out >ops && printf "created\nmerged\n" >expect &&
	test_cmp expect ops &&
	test "$(field out 2 company)" = Xco && test "$(field out 2 name)" = Xena
'

test_expect_success 'a JSON array imports too' '
	echo "[{\"name\":\"Yan\",\"email\":\"yan@example.com\",\"size\":12}]" >arr.json &&
	crm-lead import arr.json >out &&
	test "$(field out 1 size)" = 12 && test "$(field out 1 op)" = created
'

test_expect_success 'add with --set creates a lead with a custom field' '
	crm-lead add --name "Bo Brook" --email bo@example.com --region north \
		--set tier=bronze >out &&
	test "$(field out 1 op)" = created &&
	test "$(field out 1 tier)" = bronze &&
	test "$(field out 1 status)" = new
'

test_expect_success 'add of a known email merges' '
	crm-lead add --name Other --email BO@example.com --company Brook >out &&
	test "$(field out 1 op)" = merged &&
	test "$(field out 1 name)" = "Bo Brook" &&
	test "$(field out 1 company)" = Brook
'

test_expect_success 'import --set fills a field the rows lack' '
	printf "name\nCy\n" >cy.csv &&
	crm-lead import --set campaign=spring cy.csv >out &&
	test "$(field out 1 campaign)" = spring
'

# Line 3 opens a quote that never closes: nothing of the file is stored,
# not even line 2.
cat >bad.csv <<'CSV'
name,email
Good Row,good@example.com
"Broken,broken@example.com
Later,later@example.com
CSV

test_expect_success 'an unterminated quote exits 65 naming the line; nothing stored' '
	crm-lead list >before &&
	crm-lead import bad.csv >out 2>err; rc=$?
	test $rc -eq 65 &&
	grep -q "^crm-lead: bad.csv:3: unterminated quoted field" err &&
	test ! -s out &&
	crm-lead list >after && test_cmp before after
'

test_expect_success 'a row with too many fields exits 65 naming the line' '
	printf "name,email\nA,a@x.com\nB,b@x.com,extra\n" >wide.csv &&
	crm-lead import wide.csv 2>err; rc=$?
	test $rc -eq 65 && grep -q "wide.csv:3:" err
'

test_expect_success 'bad JSON exits 65 naming the line' '
	printf "{\"name\":\"A\"}\n{\"name\":\n\n" >bad.jsonl &&
	crm-lead import bad.jsonl 2>err; rc=$?
	test $rc -eq 65 && grep -q "bad.jsonl:2:" err
'

test_expect_code 65 'a lead without a name exits 65' '
	crm-lead add --email nobody@example.com
'
test_expect_code 65 'an email without @ exits 65' '
	crm-lead add --name X --email nowhere
'
test_expect_code 65 'a size that is not a number exits 65' '
	crm-lead add --name X --size big
'
test_expect_code 66 'a missing input file exits 66' 'crm-lead import nope.csv'

test_expect_success 'list filters by status, source, owner and --where' '
	crm-lead list --source fair >out && test ! -s out &&
	crm-lead list --source ads >out && test "$(wc -l <out)" -eq 1 &&
	crm-lead list --unassigned --limit 2 >out && test "$(wc -l <out)" -eq 2 &&
	crm-lead list --where ".tier == \"bronze\"" >out &&
	test "$(field out 1 name)" = "Bo Brook"
'

test_expect_success 'set overwrites fields and custom fields' '
	crm-lead set 1 --status lost --set tier=platinum >out &&
	test "$(field out 1 op)" = updated &&
	test "$(field out 1 status)" = lost &&
	test "$(field out 1 tier)" = platinum &&
	crm-lead set 1 --status lost >out &&
	test "$(field out 1 op)" = unchanged
'

# A value outside a closed set is usage (DESIGN.md, exit status).
test_expect_code 64 'set refuses an unknown status' 'crm-lead set 1 --status won'
test_expect_code 65 'show of an unknown lead exits 65 (not found)' 'crm-lead show 999'
test_expect_code 64 'show needs an id' 'crm-lead show abc'
test_expect_code 64 'list --status outside the statuses is usage' '
	crm-lead list --status bogus
'
test_expect_code 65 'list --owner naming no rep is bad data' '
	crm-lead list --owner nobdy
'
test_expect_code 65 'set of an unknown lead is not found' '
	crm-lead set 999 --company X
'

# The import writes a new lead's record and event as text; custom fields
# named like the lead's own or "op" must come out as the jv path made them.
cat >odd.jsonl <<'JSON'
{"name":"Odd","op":"x","id":999,"tier":"t","extra":{"company":"c","name":"n"}}
JSON

test_expect_success 'import: custom fields never hide or outlive own ones' '
	crm-lead import odd.jsonl >out &&
	test "$(jq -c "[.id != 999, .op, .name, .company, .tier]" out)" = \
		"[true,\"created\",\"Odd\",null,\"t\"]" &&
	test "$(jq -r "keys_unsorted | index(\"op\") < index(\"tier\")" out)" \
		= true &&
	id=$(jq .id out) &&
	biz-events --kind lead.created >events &&
	jq -c "select(.entity_id == \"$id\") | .data" events >data &&
	echo "{\"name\":\"Odd\",\"op\":\"x\",\"id\":999,\"tier\":\"t\",\"company\":\"c\"}" >expect &&
	test_cmp expect data &&
	crm-lead show "$id" >shown &&
	jq -c "del(.op)" out >a && jq -c "del(.op)" shown >b && test_cmp a b
'

# Each verb takes only its own options: one that belongs to another verb
# is a usage error, not a filter silently ignored.
test_expect_code 64 'list refuses add'"'"'s --name' 'crm-lead list --name ZZZ'
test_expect_code 64 'list refuses add'"'"'s --company' 'crm-lead list --company Q'
test_expect_code 64 'show takes no --status' 'crm-lead show 1 --status new'
test_expect_code 64 'an unknown subcommand' 'crm-lead frobnicate'
test_expect_code 64 'no subcommand' 'crm-lead'
test_expect_success 'options may come before the verb' '
	crm-lead --db "$BIZ_DB" list --limit 1 >out && test -s out
'

# A spreadsheet's header: field names in any case, spaces around them;
# only Tier, no field of a lead, stays a custom field as written.
test_expect_success 'CSV headers match field names in any case, trimmed' '
	printf "Name, Region ,EMAIL,Tier\nHana,east,hana@example.com,gold\n" \
		>hdr.csv &&
	crm-lead import hdr.csv >out &&
	jqe out 1 ".name == \"Hana\" and .region == \"east\" and
		.email == \"hana@example.com\" and .Tier == \"gold\" and
		(has(\"Region\") | not) and (has(\" Region \") | not)"
'

test_expect_success 'a column that becomes a custom field is named once' '
	printf "name,Tier\nIda,gold\nIvo,silver\n" >custom.csv &&
	crm-lead import custom.csv >out 2>err &&
	test "$(grep -c "column .Tier. is a custom field" err)" -eq 1 &&
	printf "name,Tier\nJo,gold\n" >custom2.csv &&
	crm-lead import -q custom2.csv >out 2>err &&
	test ! -s err
'

test_done
