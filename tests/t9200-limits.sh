#!/bin/sh
# Limits that keep hostile input from crashing a command: how deep a jq
# program may nest, chains of and/or of any length, jq's input and
# inputs, and jq programs libjq refuses (issue 15).
. "$(dirname "$0")/lib.sh"

# nest N TEXT: TEXT inside N pairs of parentheses.
nest() {
	awk -v n="$1" -v t="$2" 'BEGIN {
		for (i = 0; i < n; i++) printf "(";
		printf "%s", t;
		for (i = 0; i < n; i++) printf ")";
		print "" }'
}

# chain N TEXT WORD: N copies of TEXT joined by WORD.
chain() {
	awk -v n="$1" -v t="$2" -v w="$3" 'BEGIN {
		for (i = 0; i < n; i++) printf "%s%s", (i ? " " w " " : ""), t;
		print "" }'
}

test_expect_success 'set up: two reps, two leads' '
	biz-init >/dev/null &&
	crm-rep add a --name Ann >/dev/null &&
	crm-rep add b --name Bob >/dev/null &&
	crm-lead add --name north --region north >/dev/null &&
	crm-lead add --name south --region south >/dev/null
'

test_expect_success '60,000 nested parentheses in --where: 64, not a crash' '
	expect_exit 64 crm-rep list --where "$(nest 60000 .name)" &&
	grep "^crm-rep: --where: nested more than 64 levels deep$" err
'

test_expect_success '64 levels are taken, 65 refused' '
	expect_exit 0 crm-rep list --where "$(nest 64 ".handle == \"a\"")" &&
	test "$(jq -r .handle out)" = a &&
	expect_exit 64 crm-rep list --where "$(nest 65 ".handle == \"a\"")" &&
	expect_exit 64 crm-rep list --jq "$(nest 65 .handle)" &&
	expect_exit 64 crm-rep list --where "[$(nest 64 .handle)]" &&
	expect_exit 0 crm-rep list --where "$(nest 64 ".handle|length") == 1"
'

test_expect_success 'a rule with a 200,000-long and chain works' '
	chain 200000 ".region == \"north\"" and >when &&
	jq -R "[{name: \"long\", when: ., reps: [\"b\"]}]" when >rules.json &&
	expect_exit 0 crm-assign --dry-run --rules rules.json 1 &&
	test "$(jq -r .rep out)" = b &&
	chain 200000 ".region == \"north\"" or >when &&
	jq -R "[{name: \"long\", when: ., reps: [\"a\"]}]" when >rules.json &&
	expect_exit 0 crm-assign --dry-run --rules rules.json 1 &&
	test "$(jq -r .rep out)" = a
'

test_expect_success 'a rule nested too deep: 65 naming the rule' '
	nest 100 ".region == \"north\"" >when &&
	jq -R "[{name: \"deep\", when: ., reps: [\"b\"]}]" when >rules.json &&
	expect_exit 65 crm-assign --dry-run --rules rules.json &&
	grep "rule .deep.: when: nested more than 64 levels deep" err
'

test_expect_success 'long and/or chains answer as jq does' '
	expect_exit 0 crm-lead list \
		--where "$(chain 5000 ".region == \"north\"" and)" &&
	test "$(jq -r .name out)" = north &&
	expect_exit 0 crm-lead list \
		--where ".region == \"x\" or .region == \"south\" and .name != null" &&
	test "$(jq -r .name out)" = south &&
	expect_exit 0 crm-lead list --where "$(chain 101 "not" "|" | sed "s/^/.vip | /")" &&
	test "$(wc -l <out)" -eq 2
'

test_expect_success 'input and inputs in a filter: 64 with a clear message' '
	expect_exit 64 crm-rep list --where input &&
	grep "^crm-rep: --where: input is not available: a filter reads one record$" err &&
	expect_exit 64 crm-rep list --jq "[inputs]" &&
	grep "inputs is not available" err &&
	echo "[{\"name\": \"x\", \"when\": \"input\", \"reps\": \"*\"}]" >rules.json &&
	expect_exit 65 crm-assign --dry-run --rules rules.json &&
	grep "rule .x.: when: input is not available" err
'

test_expect_success 'a field, variable, key or string called input is fine' '
	expect_exit 0 crm-rep list --where ".input == null" &&
	test "$(wc -l <out)" -eq 2 &&
	expect_exit 0 crm-rep list --where ". as \$input | \$input.handle == \"a\"" &&
	test "$(wc -l <out)" -eq 1 &&
	expect_exit 0 crm-rep list --jq "{input: .handle, s: \"input \(.handle) inputs\"}" &&
	jqe out 1 ".input == \"a\" and .s == \"input a inputs\"" &&
	expect_exit 0 crm-rep list --jq "{handle, input} | {input}, {a: 1, input}" &&
	jqe out 1 ".input == null" &&
	expect_exit 64 crm-rep list --jq "[1, input]" &&
	expect_exit 64 crm-rep list --jq "{a: input}" &&
	expect_exit 64 crm-rep list --jq "{(input): 1}" &&
	expect_exit 64 crm-rep list --jq "\"\(input)\""
'

test_expect_success 'a --jq program libjq refuses: 64 with its message' '
	expect_exit 64 crm-rep list --jq "$(chain 15000 .x and)" &&
	grep "^crm-rep: --jq: .*too long" err &&
	test ! -s out
'

test_done
