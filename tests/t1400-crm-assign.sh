#!/bin/sh
# crm-assign: strategies, capacity, rules, territory, stale leads,
# persistence, dry runs, bad rules files and two runs at once.
. "$(dirname "$0")/lib.sh"

# fresh NAME: a new database NAME.db for one scenario (export BIZ_DB
# outside the test blocks, which run in subshells).
fresh() {
	biz-init --db "$SCRATCH/$1.db" >/dev/null
}

# leads N [OPTIONS]: adds N leads with the options given.
leads() {
	n=$1
	shift
	i=0
	while [ $i -lt "$n" ]; do
		i=$((i + 1))
		crm-lead add --name "lead $i" "$@" >/dev/null || return 1
	done
}

# pairs FILE: "lead rep" per record of FILE.
pairs() {
	jq -r '"\(.lead) \(.rep)"' "$1"
}

BIZ_DB=$SCRATCH/weighted.db; export BIZ_DB
test_expect_success 'weighted: 10 leads, weights 3:2:1' '
	fresh weighted &&
	crm-rep add a --name A --weight 3 >/dev/null &&
	crm-rep add b --name B --weight 2 >/dev/null &&
	crm-rep add c --name C --weight 1 >/dev/null &&
	leads 10 &&
	crm-assign --strategy weighted >out &&
	pairs out >got &&
	# Smooth weighted round-robin: each pick adds every rep its weight
	# (sum 6), takes the highest (ties: first in order) and subtracts 6
	# from it.  current weights a b c before -> after the pick:
	#  1: 3  2  1 -> a: -3  2  1     6: 6  0  0 -> a:  0  0  0
	#  2: 0  4  2 -> b:  0 -2  2     then the cycle a b a c b a repeats:
	#  3: 3  0  3 -> a: -3  0  3     7 a, 8 b, 9 a, 10 c
	#  4: 0  2  4 -> c:  0  2 -2     totals a 5, b 3, c 2
	#  5: 3  4 -1 -> b:  3 -2 -1
	cat >want <<-\EOT &&
	1 a
	2 b
	3 a
	4 c
	5 b
	6 a
	7 a
	8 b
	9 a
	10 c
	EOT
	test_cmp want got &&
	jq -r .strategy out | sort -u >got &&
	echo weighted >want &&
	test_cmp want got
'

test_expect_success 'each assignment sets owner, status, assigned_at, event' '
	crm-lead show 4 >lead &&
	test "$(jq -r .owner lead)" = c &&
	test "$(jq -r .status lead)" = assigned &&
	test "$(jq -r .assigned_at lead)" = 2026-11-27T08:00:00Z &&
	biz-events --kind lead.assigned >events &&
	test "$(wc -l <events)" -eq 10 &&
	test "$(sed -n 4p events | jq -r .data.rep)" = c
'

test_expect_success 'a rerun with nothing to assign prints nothing, exits 0' '
	crm-assign --strategy weighted >out &&
	test ! -s out
'

test_expect_success 'weighted rotation persists: the next run continues' '
	leads 2 --source more &&
	crm-assign --strategy weighted >out &&
	pairs out >got &&
	printf "11 b\n12 a\n" >want &&
	test_cmp want got
'

BIZ_DB=$SCRATCH/rr.db; export BIZ_DB
test_expect_success 'round-robin continues across runs' '
	fresh rr &&
	crm-rep add a --name A >/dev/null &&
	crm-rep add b --name B >/dev/null &&
	crm-rep add c --name C >/dev/null &&
	leads 4 &&
	crm-assign >out1 &&
	leads 4 --source second &&
	crm-assign --strategy round-robin >out2 &&
	pairs out1 >got && pairs out2 >>got &&
	printf "1 a\n2 b\n3 c\n4 a\n5 b\n6 c\n7 a\n8 b\n" >want &&
	test_cmp want got
'

test_expect_success 'an inactive rep is skipped by the rotation' '
	crm-rep deactivate c >/dev/null &&
	leads 3 --source third &&
	crm-assign >out &&
	pairs out >got &&
	printf "9 a\n10 b\n11 a\n" >want &&
	test_cmp want got
'

BIZ_DB=$SCRATCH/least.db; export BIZ_DB
test_expect_success 'least-loaded: fewest open leads, ties by handle' '
	fresh least &&
	crm-rep add a --name A >/dev/null &&
	crm-rep add b --name B >/dev/null &&
	crm-rep add c --name C >/dev/null &&
	leads 8 &&
	echo "[{\"name\": \"to-a\", \"reps\": [\"a\"]}]" >to-a.json &&
	echo "[{\"name\": \"to-c\", \"reps\": [\"c\"]}]" >to-c.json &&
	crm-assign --rules to-a.json 1 2 >/dev/null &&
	crm-assign --rules to-c.json 3 >/dev/null &&
	crm-assign --strategy least-loaded >out &&
	pairs out >got &&
	# open before: a 2, b 0, c 1
	# 4 -> b (0); 5 -> b (b 1, c 1: tie, b first); 6 -> c (1);
	# 7 -> a (all 2: a first); 8 -> b (b 2, c 2)
	printf "4 b\n5 b\n6 c\n7 a\n8 b\n" >want &&
	test_cmp want got
'

BIZ_DB=$SCRATCH/capacity.db; export BIZ_DB
test_expect_success 'capacity: never past it; the rest stays unassigned (--strict: exit 1)' '
	fresh capacity &&
	crm-rep add a --name A --capacity 2 >/dev/null &&
	crm-rep add b --name B --capacity 1 >/dev/null &&
	leads 5 &&
	expect_exit 1 crm-assign --strict &&
	pairs out >got &&
	printf "1 a\n2 b\n3 a\n4 null\n5 null\n" >want &&
	test_cmp want got &&
	test "$(sed -n 4p out | jq -r .reason)" = \
		"every eligible rep is at capacity" &&
	grep "2 leads left unassigned" err &&
	crm-lead list --unassigned >left &&
	test "$(wc -l <left)" -eq 2 &&
	crm-rep list >reps &&
	jq -r "\"\(.handle) \(.open_leads)\"" reps >got &&
	printf "a 2\nb 1\n" >want &&
	test_cmp want got
'

# A cron job every five minutes: leads 4 and 5 were reported by the run
# that found them; the next runs say nothing and exit 0 unless asked.
test_expect_success 'a rerun is quiet about leads already reported' '
	expect_exit 0 crm-assign &&
	test ! -s out && test ! -s err &&
	expect_exit 0 crm-assign --all &&
	pairs out >got &&
	printf "4 null\n5 null\n" >want &&
	test_cmp want got &&
	expect_exit 1 crm-assign --strict &&
	grep "2 leads left unassigned" err
'

test_expect_success 'crm-lead list --unroutable lists them' '
	crm-lead list --unroutable >left &&
	jq -r .id left >got &&
	printf "4\n5\n" >want &&
	test_cmp want got
'

# a and b deactivated: the reason becomes "no active rep", so leads 4
# and 5 are reported again; then c (no capacity limit) takes both.
test_expect_success 'a lead is reported again only when its reason changes' '
	crm-rep deactivate a >/dev/null &&
	crm-rep deactivate b >/dev/null &&
	expect_exit 0 crm-assign &&
	pairs out >got &&
	printf "4 null\n5 null\n" >want &&
	test_cmp want got &&
	test "$(sed -n 1p out | jq -r .reason)" = "no active rep" &&
	crm-rep add c --name C >/dev/null &&
	expect_exit 0 crm-assign &&
	pairs out >got &&
	printf "4 c\n5 c\n" >want &&
	test_cmp want got &&
	crm-lead list --unroutable >left &&
	test ! -s left
'

BIZ_DB=$SCRATCH/rules.db; export BIZ_DB
test_expect_success 'rules: the first that holds decides, custom fields seen' '
	fresh rules &&
	for r in a b c d; do
		crm-rep add $r --name $r >/dev/null || return 1
	done &&
	cat >rules.json <<-\EOT &&
	[
	  {"name": "vip", "when": ".tier == \"gold\"", "reps": ["c"]},
	  {"name": "big", "when": ".size >= 100  # a comment",
	   "reps": ["a"], "strategy": "least-loaded"},
	  {"name": "north", "when": ".region == \"north\"", "reps": ["b"]},
	  {"name": "rest", "reps": "*", "strategy": "round-robin"},
	  {"name": "never", "reps": ["d"]}
	]
	EOT
	crm-lead add --name one --region north --size 500 >/dev/null &&
	crm-lead add --name two --region north --size 5 >/dev/null &&
	crm-lead add --name three --size 900 --set tier=gold >/dev/null &&
	crm-lead add --name four >/dev/null &&
	crm-lead add --name five --region south >/dev/null &&
	crm-assign --rules rules.json >out &&
	jq -r "\"\(.lead) \(.rep) \(.rule) \(.strategy)\"" out >got &&
	cat >want <<-\EOT &&
	1 a big least-loaded
	2 b north round-robin
	3 c vip round-robin
	4 a rest round-robin
	5 b rest round-robin
	EOT
	test_cmp want got
'

test_expect_success 'no rule matches: rep null with a reason' '
	echo "[{\"name\": \"x\", \"when\": \".region == \\\"x\\\"\", \"reps\": \"*\"}]" >only-x.json &&
	crm-lead add --name six >/dev/null &&
	expect_exit 1 crm-assign --strict --rules only-x.json &&
	test "$(jq -r .rep out)" = null &&
	test "$(jq -r .reason out)" = "no rule matches"
'

lead_count() {
	crm-lead list --unassigned >unassigned &&
	wc -l <unassigned
}

test_expect_success 'rules file not JSON: exit 65, nothing assigned' '
	echo "[{\"name\": \"x\", " >broken.json &&
	expect_exit 65 crm-assign --rules broken.json &&
	grep "broken.json: not JSON" err &&
	test ! -s out &&
	test "$(lead_count)" -eq 1
'

test_expect_success 'a when that does not compile: exit 65 naming the rule' '
	cat >badwhen.json <<-\EOT &&
	[{"name": "ok", "when": ".size > 1", "reps": "*"},
	 {"name": "oops", "when": ".region ==", "reps": "*"}]
	EOT
	expect_exit 65 crm-assign --rules badwhen.json &&
	grep "rule .oops.: when:" err &&
	test ! -s out &&
	test "$(lead_count)" -eq 1
'

test_expect_success 'a rule naming an unknown rep: exit 65, nothing assigned' '
	cat >ghost.json <<-\EOT &&
	[{"name": "all", "reps": "*"},
	 {"name": "haunted", "reps": ["a", "ghost"]}]
	EOT
	biz-events >before &&
	expect_exit 65 crm-assign --rules ghost.json &&
	grep "rule .haunted.: no rep .ghost." err &&
	test ! -s out &&
	biz-events >after &&
	test_cmp before after
'

test_expect_success 'other bad rules and options' '
	echo "{\"name\": \"x\"}" >object.json &&
	expect_exit 65 crm-assign --rules object.json &&
	echo "[{\"name\": \"x\", \"reps\": \"*\", \"strategy\": \"lucky\"}]" >strat.json &&
	expect_exit 65 crm-assign --rules strat.json &&
	echo "[{\"reps\": \"*\"}]" >noname.json &&
	expect_exit 65 crm-assign --rules noname.json &&
	expect_exit 66 crm-assign --rules missing.json &&
	expect_exit 64 crm-assign --strategy lucky &&
	expect_exit 64 crm-assign --reassign-stale soon &&
	expect_exit 65 crm-assign 999 &&
	test "$(lead_count)" -eq 1
'

BIZ_DB=$SCRATCH/predicates.db; export BIZ_DB
test_expect_success 'rule predicates decide exactly as jq does' '
	fresh predicates &&
	crm-rep add a --name A >/dev/null &&
	crm-lead add --name ann --region north --size 500 --set tier=gold >/dev/null &&
	crm-lead add --name bob --region south --size 5 --set tier=7 >/dev/null &&
	crm-lead add --name cy --set score=12 --set nested=x >/dev/null &&
	crm-lead add --name dee --region North --size 100 >/dev/null &&
	crm-lead list >leads &&
	cat >predicates <<-\EOT &&
	.region == "north"
	.size > 100
	.size >= 100 and .region != "south"
	.region == "south" or .size < 10
	.tier > 5
	.tier == null
	.score
	(.region == "north") | not
	.nested.deeper == null
	.nested.deeper == null or true
	false and .nested.deeper
	.region # a comment
	.size <= 5 and (.tier != "gold" or .region == null)
	.name | test("^[ab]")
	.size // 0 | . > 50
	. != null
	EOT
	: >want && : >got &&
	while IFS= read -r p; do
		printf "[{\"name\": \"p\", \"when\": %s, \"reps\": [\"a\"]},\n" \
			"$(printf "%s" "$p" | jq -R .)" >rules.json &&
		echo " {\"name\": \"else\", \"reps\": [\"a\"]}]" >>rules.json &&
		# A predicate jq raises an error on for some lead stops the
		# run (65); the others decide each lead as jq does.
		errors=$(jq -r "[try ($p
		) catch \"ERROR\"] | map(select(. == \"ERROR\")) | length" \
			leads | awk "{ s += \$1 } END { print s }") &&
		if [ "$errors" -gt 0 ]; then
			expect_exit 65 crm-assign --rules rules.json --dry-run &&
			echo "error" >>want && echo "error" >>got
		else
			crm-assign --rules rules.json --dry-run >out &&
			jq -r .rule out >>got &&
			jq -r "if ([try ($p
			) catch false] | .[0] // false) then \"p\" else \"else\" end" \
				leads >>want
		fi || return 1
	done <predicates &&
	test_cmp want got &&
	test "$(grep -c error got)" -ge 1
'

BIZ_DB=$SCRATCH/territory.db; export BIZ_DB
test_expect_success 'territory: region and industry lists decide' '
	fresh territory &&
	crm-rep add n1 --name N1 --region north >/dev/null &&
	crm-rep add n2 --name N2 --region north,east >/dev/null &&
	crm-rep add s --name S --region south --industry retail >/dev/null &&
	crm-rep add w --name W --region west --capacity 0 >/dev/null &&
	crm-lead add --name a --region north --industry tech >/dev/null &&
	crm-lead add --name b --region north >/dev/null &&
	crm-lead add --name c --region east >/dev/null &&
	crm-lead add --name d --region south --industry retail >/dev/null &&
	crm-lead add --name e --region south --industry tech >/dev/null &&
	crm-lead add --name f --region west >/dev/null &&
	expect_exit 1 crm-assign --strict &&
	jq -r "\"\(.lead) \(.rep) \(.reason)\"" out >got &&
	cat >want <<-\EOT &&
	1 n1 null
	2 n2 null
	3 n2 null
	4 s null
	5 null no rep covers the lead'"'"'s region and industry
	6 null every eligible rep is at capacity
	EOT
	test_cmp want got
'

BIZ_DB=$SCRATCH/stale.db; export BIZ_DB
test_expect_success 'stale leads go to another rep; both assignments logged' '
	fresh stale &&
	crm-rep add a --name A >/dev/null &&
	crm-rep add b --name B >/dev/null &&
	leads 3 &&
	crm-assign >/dev/null &&
	crm-log add --kind call --rep b --lead 2 >/dev/null &&
	BIZ_NOW=2026-11-28T20:00:00Z crm-lead add --name late >/dev/null &&
	BIZ_NOW=2026-11-28T20:00:00Z crm-assign >/dev/null &&
	BIZ_NOW=2026-11-29T07:00:00Z crm-assign --reassign-stale 48 >out &&
	test ! -s out &&
	BIZ_NOW=2026-11-29T09:00:00Z crm-assign --reassign-stale 48 >out &&
	jq -r "\"\(.lead) \(.from) -> \(.rep) \(.reason)\"" out >got &&
	# At 07:00, 47 hours after the first run, nothing is stale.  At
	# 09:00, 1 (a) and 3 (a) are 49 hours old with no activity; 2 was
	# called; 4 (b) was assigned 13 hours ago.
	printf "1 a -> b stale\n3 a -> b stale\n" >want &&
	test_cmp want got &&
	crm-lead show 1 >lead &&
	test "$(jq -r .owner lead)" = b &&
	test "$(jq -r .assigned_at lead)" = 2026-11-29T09:00:00Z &&
	biz-events --kind lead.assigned >events &&
	jq -r "select(.entity_id == \"1\") | .data.rep" events >got &&
	printf "a\nb\n" >want &&
	test_cmp want got
'

test_expect_success 'a stale lead with no other rep stays with its owner' '
	crm-rep deactivate a >/dev/null &&
	BIZ_NOW=2026-12-01T09:00:00Z crm-assign --reassign-stale 24 >out &&
	jq -r "\"\(.lead) \(.rep) \(.from) \(.reason)\"" out >got &&
	r="stale, but no other eligible rep: kept by its owner" &&
	printf "1 b b %s\n3 b b %s\n4 b b %s\n" "$r" "$r" "$r" >want &&
	test_cmp want got &&
	test "$(crm-lead show 1 | jq -r .owner)" = b
'

BIZ_DB=$SCRATCH/dry.db; export BIZ_DB
test_expect_success '--dry-run prints the same records and changes nothing' '
	fresh dry &&
	crm-rep add a --name A --weight 2 >/dev/null &&
	crm-rep add b --name B >/dev/null &&
	leads 3 &&
	crm-assign --strategy weighted >/dev/null &&
	leads 5 --source more &&
	sqlite3 "$BIZ_DB" "SELECT * FROM assign_state" >state-before &&
	biz-events >events-before &&
	crm-assign --strategy weighted --dry-run >dry &&
	crm-assign --strategy weighted --dry-run >dry2 &&
	test_cmp dry dry2 &&
	sqlite3 "$BIZ_DB" "SELECT * FROM assign_state" >state-after &&
	biz-events >events-after &&
	test_cmp state-before state-after &&
	test_cmp events-before events-after &&
	test "$(lead_count)" -eq 5 &&
	crm-assign --strategy weighted >real &&
	test_cmp dry real &&
	test -s real
'

BIZ_DB=$SCRATCH/pipe.db; export BIZ_DB
test_expect_success 'crm-lead import | crm-assign - assigns what was imported' '
	fresh pipe &&
	crm-rep add a --name A >/dev/null &&
	crm-lead add --name old >/dev/null &&
	printf "name,email\nx,x@example.com\ny,y@example.com\n" >new.csv &&
	crm-lead import new.csv >imported &&
	crm-assign - <imported >out &&
	pairs out >got &&
	printf "2 a\n3 a\n" >want &&
	test_cmp want got &&
	crm-lead import new.csv >imported &&
	crm-assign - <imported >out &&
	test ! -s out &&
	echo "{\"name\": \"no id\"}" >noid.jsonl &&
	expect_exit 65 crm-assign - <noid.jsonl &&
	crm-assign 1 >out &&
	pairs out >got &&
	echo "1 a" >want &&
	test_cmp want got
'

BIZ_DB=$SCRATCH/parallel.db; export BIZ_DB
test_expect_success 'two runs at once: no lead twice, no rep past capacity' '
	fresh parallel &&
	crm-rep add a --name A --capacity 70 >/dev/null &&
	crm-rep add b --name B --capacity 50 --weight 2 >/dev/null &&
	crm-rep add c --name C --capacity 30 >/dev/null &&
	i=0 &&
	while [ $i -lt 300 ]; do
		i=$((i + 1)) &&
		printf "{\"name\": \"p%d\"}\n" $i || return 1
	done >many.jsonl &&
	crm-lead import many.jsonl >/dev/null &&
	{ crm-assign --strategy weighted >p1 2>e1 & } &&
	{ crm-assign --strategy least-loaded >p2 2>e2 & } &&
	wait &&
	cat p1 p2 >both &&
	jq -r "select(.rep != null) | .lead" both | sort | uniq -d >twice &&
	test ! -s twice &&
	biz-events --kind lead.assigned >events &&
	jq -r .entity_id events | sort | uniq -d >twice &&
	test ! -s twice &&
	test "$(wc -l <events)" -eq 150 &&
	crm-rep list >reps &&
	jq -r "\"\(.handle) \(.open_leads)\"" reps >got &&
	printf "a 70\nb 50\nc 30\n" >want &&
	test_cmp want got
'

# A rule whose when raises an error on a lead (tonumber on a name) stops
# the run like a --where error: 65 naming the rule and the lead, nothing
# assigned.  It counted as false and the lead went to the next rule.
test_expect_success 'a when that raises an error: 65, nothing assigned' '
	BIZ_DB=$SCRATCH/when-error.db &&
	export BIZ_DB &&
	biz-init >/dev/null &&
	crm-rep add r --name R >/dev/null &&
	printf "name,company\nA,Acme\n" >one.csv &&
	crm-lead import one.csv >/dev/null &&
	echo "[{\"name\":\"num\",\"when\":\".company | tonumber > 3\",\"reps\":[\"r\"]},{\"name\":\"rest\",\"reps\":[\"r\"]}]" >bad-when.json &&
	expect_exit 65 crm-assign --rules bad-when.json &&
	grep "rule .num.: its when raised an error on lead 1" err &&
	crm-lead show 1 >lead && jqe lead 1 ".owner == null"
'

test_done
