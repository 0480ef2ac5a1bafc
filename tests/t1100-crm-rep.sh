#!/bin/sh
# crm-rep: add, set, list, show, deactivate.
. "$(dirname "$0")/lib.sh"

test_expect_success 'set up' 'biz-init >/dev/null'

test_expect_success 'add prints the new rep with op created' '
	crm-rep add ann --name "Ann Archer" --email ann@example.com \
		--region north,east --industry retail --capacity 2 \
		--weight 3 --team blue >out &&
	test "$(field out 1 op)" = created &&
	test "$(jq -c .regions out)" = "[\"north\",\"east\"]" &&
	test "$(jq -c .industries out)" = "[\"retail\"]" &&
	test "$(field out 1 capacity)" = 2 &&
	test "$(field out 1 weight)" = 3 &&
	test "$(field out 1 active)" = true &&
	test "$(field out 1 open_leads)" = 0
'

test_expect_success 'the same add again is unchanged and logs nothing' '
	biz-events >before &&
	crm-rep add ann --name "Ann Archer" --email ann@example.com \
		--region north,east --industry retail --capacity 2 \
		--weight 3 --team blue >out &&
	test "$(field out 1 op)" = unchanged &&
	biz-events >after && test_cmp before after
'

test_expect_code 1 'adding an existing handle with other fields is refused' '
	crm-rep add ann --name "Someone Else"
'

test_expect_success 'set changes only the fields given' '
	crm-rep set ann --capacity 5 >out &&
	test "$(field out 1 op)" = updated &&
	test "$(field out 1 capacity)" = 5 &&
	test "$(field out 1 name)" = "Ann Archer" &&
	crm-rep set ann --capacity none >out &&
	test "$(field out 1 capacity)" = null
'

test_expect_success 'deactivate hides a rep from list, --all shows it' '
	crm-rep add bob --name Bob >/dev/null &&
	crm-rep deactivate bob >out && test "$(field out 1 active)" = false &&
	crm-rep list >out && test "$(wc -l <out)" -eq 1 &&
	crm-rep list --all >out && test "$(wc -l <out)" -eq 2 &&
	crm-rep set bob --active >out && test "$(field out 1 active)" = true
'

test_expect_success '--where filters the list' '
	crm-rep list --where ".team == \"blue\"" >out &&
	test "$(wc -l <out)" -eq 1 && test "$(field out 1 handle)" = ann
'

test_expect_success 'every change is in the event log' '
	biz-events --kind rep. --jq .kind >out &&
	printf "\"rep.created\"\n\"rep.updated\"\n\"rep.updated\"\n\"rep.created\"\n\"rep.updated\"\n\"rep.updated\"\n" >expect &&
	test_cmp expect out
'

test_expect_code 65 'show of an unknown rep exits 65 (not found)' 'crm-rep show zed'
test_expect_code 65 'a bad handle exits 65' 'crm-rep add "a b" --name X'
test_expect_code 65 'a rep without a name exits 65' 'crm-rep add carl'
test_expect_code 65 'a negative capacity exits 65' '
	crm-rep add carl --name Carl --capacity -1
'
test_expect_code 65 'a zero weight exits 65' '
	crm-rep add carl --name Carl --weight 0
'
test_expect_code 64 'a subcommand is needed' 'crm-rep'
test_expect_code 64 'an unknown subcommand exits 64' 'crm-rep fire ann'

test_expect_success '--dry-run prints the rep but stores nothing' '
	crm-rep add dora --name Dora --dry-run >out &&
	test "$(field out 1 op)" = created &&
	test_expect_code_inner=$(crm-rep show dora >/dev/null 2>&1; echo $?) &&
	test "$test_expect_code_inner" -eq 65
'

# Each verb takes only its own options: one that belongs to another verb
# is a usage error (64), not a field silently dropped.
test_expect_code 64 'list refuses add'"'"'s --name' 'crm-rep list --name Zed'
test_expect_code 64 'add refuses list'"'"'s --all' 'crm-rep add zed --name Zed --all'
test_expect_code 64 'add refuses set'"'"'s --active' 'crm-rep add zed --name Zed --active'
test_expect_code 64 'show takes no --email' 'crm-rep show ann --email a@b.c'
test_expect_code 64 'deactivate takes no --team' 'crm-rep deactivate ann --team x'
test_expect_success 'a refused option wrote nothing' '
	test_expect_code_inner=$(crm-rep show zed >/dev/null 2>&1; echo $?) &&
	test "$test_expect_code_inner" -eq 65
'

test_done
