#!/bin/sh
# --where decides as jq's select does, whether the predicate runs natively
# (src/core/predicate.c) or through libjq.
. "$(dirname "$0")/lib.sh"

test_expect_success 'set up: leads of every field type' '
	biz-init >/dev/null &&
	cat >leads.jsonl <<-\EOT &&
	{"name":"A","region":"north","size":50,"tier":"gold","vip":true}
	{"name":"B","region":"south","size":500,"tier":"silver","vip":false}
	{"name":"C","region":"north","tier":3}
	{"name":"D","industry":"retail","size":120,"tier":{"level":2}}
	EOT
	crm-lead import leads.jsonl >/dev/null &&
	crm-lead list >all
'

# Each predicate: crm-lead list --where P must print exactly the records
# that jq -c "select(P)" keeps from the full list; where jq raises an
# error on a record, --where does too: exit 65 with jq's message, as
# --jq (an error is not a false).
cat >predicates <<'EOT'
.region == "north"
.region != "north"
.size > 100
.size <= 50
.size == null
.vip
.vip | not
.region == "north" and .size < 100
.region == "south" or .tier == 3
(.region == "north" or .industry == "retail") and .size != null
.tier.level == 2
.tier > "a"
.name < "C" | not
length > 0
.tier | type == "object"
EOT

test_expect_success '--where agrees with jq select on every predicate' '
	while IFS= read -r p; do
		# jq 1.6 exits 0 after an error on an input but the last.
		jq -c "select($p)" all >expect 2>jqerr
		if [ $? -ne 0 ] || [ -s jqerr ]; then
			expect_exit 65 crm-lead list --where "$p" || exit 1
			grep -q "^crm-lead: --where: " err || exit 1
			continue
		fi
		crm-lead list --where "$p" >got || exit 1
		test_cmp expect got || { echo "differs: $p"; exit 1; }
	done <predicates
'

test_expect_success 'a runtime error in --where is 65 with jq'"'"'s message' '
	expect_exit 65 crm-lead list --where ".name | tonumber > 1" &&
	grep -q "^crm-lead: --where: Invalid numeric literal" err &&
	test ! -s out
'

test_done
