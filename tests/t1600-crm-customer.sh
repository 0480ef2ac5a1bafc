#!/bin/sh
# crm-customer: add, dedupe on import, list by tags, tag and untag (also
# from records on stdin), set, show, and the refusals with their codes.
. "$(dirname "$0")/lib.sh"

test_expect_success 'setup' '
	biz-init >/dev/null
'

test_expect_success 'add prints the record with its fields and op' '
	crm-customer add --name "Acme Ltd" --email Buyer@Acme.example \
		--phone "+1 (555) 010-0000" --industry retail --region north \
		--size 40 --terms 45 --tag vip --tag export --set color=red >out &&
	jq -r "[.id, .name, .email, .phone, .industry, .size, .region, .terms, (.tags | join(\"+\")), .revenue, .last_purchase, .balance, .created_at, .color, .op] | map(tostring) | join(\"|\")" out >got &&
	echo "1|Acme Ltd|Buyer@Acme.example|+1 (555) 010-0000|retail|40|north|45|export+vip|0|null|0|2026-11-27T08:00:00Z|red|created" >want &&
	test_cmp want got
'

test_expect_success 'import dedupes by email (any case) and phone (digits): created, merged, unchanged' '
	cat >in.csv <<-\EOF &&
	name,email,phone,industry,tags,note
	Acme again,buyer@acme.EXAMPLE,,,,first note
	Beta GmbH,info@beta.example,+49 30 1234,manufacturing,"vip,de",
	Beta by phone,,+49-30-1234,,,
	Gamma,,,,,
	EOF
	crm-customer import in.csv >out &&
	jq -r "[.id, .name, .op] | map(tostring) | join(\" \")" out >got &&
	cat >want <<-\EOF &&
	1 Acme Ltd merged
	2 Beta GmbH created
	2 Beta GmbH unchanged
	3 Gamma created
	EOF
	test_cmp want got &&
	test "$(crm-customer show 1 | jq -r .note)" = "first note"
'

test_expect_success 'a rerun of the import changes nothing: unchanged' '
	crm-customer import in.csv >out &&
	jq -r .op out | sort -u >got &&
	echo unchanged >want &&
	test_cmp want got
'

test_expect_success 'list --tag is repeatable: every tag given' '
	crm-customer list --tag vip >out &&
	jq -r .id out | tr "\n" " " >got &&
	printf "1 2 " >want && test_cmp want got &&
	crm-customer list --tag vip --tag export >out &&
	jq -r .id out >got &&
	echo 1 >want && test_cmp want got &&
	crm-customer list --tag vip --tag de --industry manufacturing >out &&
	jq -r .id out >got &&
	echo 2 >want && test_cmp want got &&
	crm-customer list --tag nobody >out && test ! -s out
'

test_expect_success 'tag - reads customer records from stdin' '
	crm-customer list --tag vip >vips &&
	crm-customer tag - campaign-2026q4 <vips >out &&
	jq -r "[.id, .op] | join(\" \")" out >got &&
	printf "1 updated\n2 updated\n" >want &&
	test_cmp want got &&
	crm-customer tag - campaign-2026q4 <vips >out &&
	jq -r .op out | sort -u >got &&
	echo unchanged >want && test_cmp want got &&
	crm-customer list --tag campaign-2026q4 >out &&
	test "$(wc -l <out)" -eq 2
'

test_expect_success 'untag removes, a UTF-8 tag is fine' '
	crm-customer untag 2 de >out &&
	test "$(jq -c .tags out)" = "[\"campaign-2026q4\",\"vip\"]" &&
	crm-customer tag 3 重点客户 >out &&
	test "$(jq -c .tags out)" = "[\"重点客户\"]"
'

test_expect_code 65 'a tag with a space is bad data' '
	crm-customer tag 1 "two words"
'

test_expect_success 'a tag with a space or control character writes nothing' '
	expect_exit 65 crm-customer tag 1 ok "$(printf "bad\tone")" &&
	grep -q "no spaces or control characters" err &&
	test "$(crm-customer show 1 | jq -c .tags)" = "[\"campaign-2026q4\",\"export\",\"vip\"]" &&
	expect_exit 65 crm-customer add --name X --tag "a b" &&
	test "$(crm-customer list | wc -l)" -eq 3
'

test_expect_success 'no such customer: 65 on show, set, tag' '
	expect_exit 65 crm-customer show 99 &&
	grep -q "no such customer 99" err &&
	expect_exit 65 crm-customer set 99 --region x &&
	expect_exit 65 crm-customer tag 99 vip
'

test_expect_success 'a bad record in an import writes nothing and names its line' '
	printf "name,email\nDelta,d@d.example\nEpsilon,no-at-sign\n" >bad.csv &&
	expect_exit 65 crm-customer import bad.csv &&
	grep -q "bad.csv:3" err &&
	test "$(crm-customer list | wc -l)" -eq 3
'

test_expect_success 'tag - with a record without an id is bad data' '
	echo "{\"name\":\"x\"}" >noid.jsonl &&
	expect_exit 65 crm-customer tag - vip <noid.jsonl
'

test_expect_success 'set overwrites, clears with an empty value, reruns unchanged' '
	crm-customer set 3 --region south --set tier=gold >out &&
	test "$(jq -r "[.region, .tier, .op] | join(\" \")" out)" = "south gold updated" &&
	crm-customer set 3 --region south --set tier=gold >out &&
	test "$(jq -r .op out)" = unchanged &&
	crm-customer set 3 --region "" >out &&
	test "$(jq -r .region out)" = null &&
	expect_exit 65 crm-customer set 3 --name ""
'

test_expect_success 'usage errors: 64' '
	expect_exit 64 crm-customer add --email x@y.example &&
	expect_exit 64 crm-customer tag 1 &&
	expect_exit 64 crm-customer list --terms 3 &&
	expect_exit 64 crm-customer frob
'

test_expect_success 'import --tag tags every record; list --limit' '
	printf "name,email\nZeta,z@z.example\nEta,e@e.example\n" >fair.csv &&
	crm-customer import --tag fair-2026 fair.csv >out &&
	jq -r "[.name, (.tags | join(\",\")), .op] | join(\" \")" out >got &&
	printf "Zeta fair-2026 created\nEta fair-2026 created\n" >want &&
	test_cmp want got &&
	crm-customer list --limit 2 >out &&
	jq -r .id out | tr "\n" " " >got &&
	printf "1 2 " >want && test_cmp want got
'

test_expect_success 'show is the 360 view: deals and activities arrays' '
	crm-customer show 1 >out &&
	jq -e ".deals == [] and .activities == [] and .id == 1" out >/dev/null
'

test_expect_success 'events: created, merged, tagged' '
	biz-events --kind customer. >ev &&
	jq -r .kind ev | sort | uniq -c | awk "{print \$2, \$1}" >got &&
	cat >want <<-\EOF &&
	customer.created 5
	customer.merged 1
	customer.tagged 3
	customer.untagged 1
	customer.updated 2
	EOF
	test_cmp want got
'

test_done
