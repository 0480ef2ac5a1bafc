#!/bin/sh
# Every completion loads in its shell (bash, zsh, fish) without an error,
# and a few completions give what they should: subcommands, SKUs from the
# database, no file names where an argument is not a file.
. "$(dirname "$0")/lib.sh"

commands=$(cd "$TOP/bin" && ls)

test_expect_success 'setup: an item, and a file that must not be offered' '
	biz-init >/dev/null &&
	inv-item add BOLT --name Bolt >/dev/null &&
	ledger-account add 1234 --name Petty --type asset >/dev/null &&
	crm-customer add --name Diaz >/dev/null &&
	crm-order create --customer 1 --line BOLT:2:10 >/dev/null &&
	crm-deal stages set tender --probability 30 >/dev/null &&
	: >zzfile
'

# Options are completed after a first word: a subcommand for the noun
# commands (a word that is none for the verb commands).
# bash_complete LINE: the words bash offers for LINE (its last word is
# the one completed; a trailing space starts an empty one).
cat >bash-complete.sh <<\EOS
cmd=${1%% *}
. "$COMPLETIONS/bash/$cmd" || exit 1
read -ra COMP_WORDS <<<"$1"
[ "${1% }" != "$1" ] && COMP_WORDS+=("")
COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
COMP_LINE=$1 COMP_POINT=${#1}
spec=$(complete -p "$cmd") || exit 1
func=${spec#*-F }; func=${func%% *}
"$func" "$cmd" "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}" ||
	exit 1
printf "%s\n" "${COMPREPLY[@]}"
EOS
bash_complete() {
	COMPLETIONS="$TOP/completions" bash bash-complete.sh "$1"
}

test_expect_success 'bash: every completion loads and offers --db' '
	for cmd in $commands; do
		[ $cmd = bizutils ] && continue
		bash_complete "$cmd x --d" >out 2>err &&
		test ! -s err && grep -qx -- --db out ||
		{ echo "$cmd:"; cat out err; exit 1; }
	done
'

test_expect_success 'bash: subcommands, SKUs, no file names' '
	bash_complete "inv-item s" >out && grep -qx show out && grep -qx set out &&
	bash_complete "inv-item show " >out && grep -qx BOLT out &&
	! grep -q zzfile out &&
	{ bash_complete "inv-qc pass " >out || :; } && ! grep -q zzfile out &&
	bash_complete "inv-warehouse add " >out && ! grep -q zzfile out &&
	bash_complete "inv-item import " >out && grep -qx zzfile out &&
	bash_complete "biz-export --format " >out &&
	printf "jsonl\ncsv\n" >expect && test_cmp expect out &&
	bash_complete "bizutils inv-st" >out && grep -qx inv-stock out
'

# zsh_complete LINE...: types each LINE and a tab in one interactive zsh
# (compinit over completions/zsh) and writes what the terminal shows,
# one file zsh.N per line.
cat >zsh-complete.zsh <<\EOS
zmodload zsh/zpty || exit 1
zpty z zsh -f -i
zpty -w z "PS1='> '; fpath=($COMPLETIONS/zsh \$fpath); autoload -U compinit; compinit -u -D"
zpty -w z "zstyle ':completion:*' menu no; print READY"
zpty -r z line '*READY*'
n=0
for input in "$@"; do
	n=$((n + 1))
	zpty -w -n z "$input"$'\t'
	# Read until the terminal has been quiet for 0.15 s after an option
	# list or an error came, or for 0.6 s after anything (other
	# completions), at most 6 s: on a loaded machine the echo of the line
	# may come well before the completion.
	out= quiet=0
	for i in {1..120}; do
		sleep 0.05
		got=
		while zpty -r -t z chunk; do got+=$chunk; done
		out+=$got
		if [[ -n $got ]]; then quiet=0; else quiet=$((quiet + 1)); fi
		[[ $out == *(--|error|invalid|not\ found|_arguments)* &&
		   $quiet -ge 3 ]] && break
		[[ -n $out && $quiet -ge 12 ]] && break
	done
	print -r -- "$out" >zsh.$n
	zpty -w -n z $'\x03'
	sleep 0.1
	while zpty -r -t z chunk; do :; done
done
zpty -d z
EOS
zsh_complete() {
	COMPLETIONS="$TOP/completions" zsh -f zsh-complete.zsh "$@"
}

test_expect_success 'bash: account codes, order ids, stage names' '
	bash_complete "ledger-register 12" >out && grep -qx 1234 out &&
	bash_complete "ledger-account set 12" >out && grep -qx 1234 out &&
	bash_complete "ledger-account add 9 --parent 12" >out && grep -qx 1234 out &&
	bash_complete "ledger-post --memo m 12" >out && grep -qx 1234= out &&
	bash_complete "crm-order show " >out && grep -qx 1 out &&
	bash_complete "crm-order pay " >out && grep -qx 1 out &&
	bash_complete "crm-deal move 1 te" >out && grep -qx tender out &&
	bash_complete "crm-log add --customer " >out && grep -qx 1 out &&
	bash_complete "crm-order list --customer " >out && grep -qx 1 out &&
	bash_complete "inv-move --sku " >out && grep -qx BOLT out
'

test_expect_success 'zsh: every completion loads without an error' '
	set -- && for cmd in $commands; do set -- "$@" "$cmd -"; done &&
	zsh_complete "$@" &&
	n=0 && for cmd in $commands; do
		n=$((n + 1))
		! grep -qE "invalid argument|command not found|_arguments:|parse error" zsh.$n &&
		grep -q -- "--db\|--list" zsh.$n ||
		{ echo "$cmd:"; cat -v zsh.$n; exit 1; }
	done
'

test_expect_success 'zsh: subcommands, SKUs, options of a verb, no file names' '
	zsh_complete "inv-item sh" "inv-warehouse a" "inv-item show B" \
		"inv-qc pass --da" "inv-qc pass zz" "inv-item list zz" \
		"bizutils inv-wa" &&
	grep -q "inv-item show" zsh.1 && grep -q "inv-warehouse add" zsh.2 &&
	grep -q "inv-item show BOLT" zsh.3 &&
	grep -q -- "--date" zsh.4 &&
	! grep -q zzfile zsh.5 && ! grep -q zzfile zsh.6 &&
	grep -q "bizutils inv-warehouse" zsh.7
'

test_expect_success 'zsh: account codes, order ids, stage names' '
	zsh_complete "ledger-register 123" "crm-order show " \
		"crm-deal move 1 ten" "ledger-account set 123" \
		"ledger-post --memo m 123" "crm-log add --customer=" \
		"inv-move --sku=B" &&
	grep -q "ledger-register 1234" zsh.1 &&
	grep -q "crm-order show 1" zsh.2 &&
	grep -q "crm-deal move 1 tender" zsh.3 &&
	grep -q "ledger-account set 1234" zsh.4 &&
	grep -q "ledger-post --memo m 1234=" zsh.5 &&
	grep -q "crm-log add --customer=1" zsh.6 &&
	grep -q "inv-move --sku=BOLT" zsh.7
'

# fish_complete LINE: what fish offers for LINE, one a line.
fish_complete() {
	fish --no-config -c "source $TOP/completions/fish/${1%% *}.fish; complete -C '$1'"
}

test_expect_success 'fish: every completion loads and offers --db' '
	for cmd in $commands; do
		[ $cmd = bizutils ] && continue
		fish_complete "$cmd x --d" >out 2>err &&
		test ! -s err && cut -f1 out | grep -qx -- --db ||
		{ echo "$cmd:"; cat out err; exit 1; }
	done
'

test_expect_success 'fish: subcommands, SKUs, no file names' '
	fish_complete "inv-item sh" >out && cut -f1 out | grep -qx show &&
	fish_complete "inv-item show " >out && cut -f1 out | grep -qx BOLT &&
	! grep -q zzfile out &&
	fish_complete "inv-qc pass " >out && ! grep -q zzfile out &&
	fish_complete "inv-item import " >out && grep -q zzfile out &&
	fish_complete "bizutils inv-st" >out && cut -f1 out | grep -qx inv-stock
'

test_expect_success 'fish: account codes, order ids, stage names' '
	fish_complete "ledger-register 12" >out && cut -f1 out | grep -qx 1234 &&
	fish_complete "ledger-account set 12" >out && cut -f1 out | grep -qx 1234 &&
	fish_complete "ledger-account add 9 --parent 12" >out &&
	cut -f1 out | grep -qx 1234 &&
	fish_complete "ledger-post --memo m 12" >out && cut -f1 out | grep -qx 1234= &&
	fish_complete "crm-order show " >out && cut -f1 out | grep -qx 1 &&
	fish_complete "crm-deal move 1 te" >out && cut -f1 out | grep -qx tender &&
	fish_complete "crm-log add --customer=" >out &&
	cut -f1 out | grep -qx -- --customer=1 &&
	fish_complete "inv-move --sku " >out && cut -f1 out | grep -qx BOLT
'

# Entities from the database: the values expected are the ones made here.
test_expect_success 'setup: SKUs, a product, warehouses, a rep, a supplier' '
	inv-item add NUT-M8 --name Nut >/dev/null &&
	inv-item add Q:1 --name "a colon in a SKU" >/dev/null &&
	crm-customer tag 1 vip >/dev/null &&
	inv-item add TEA --name Tea --tracking lot >/dev/null &&
	inv-receive --wh MAIN --sku TEA --qty 2 --cost 1 --lot L-7 >/dev/null &&
	inv-bom add NUT-M8 BOLT 2 >/dev/null &&
	inv-warehouse add EAST --name East >/dev/null &&
	crm-rep add ann --name Ann >/dev/null &&
	inv-supplier add ACME --name Acme >/dev/null &&
	crm-lead add --name Lee >/dev/null &&
	crm-deal add --customer 1 --title Big --amount 10 >/dev/null &&
	crm-ticket open --customer 1 --subject Broken >/dev/null &&
	inv-purchase request --supplier ACME --line BOLT:5:1 --wh EAST >/dev/null
'

test_expect_success 'bash: SKUs, warehouses, reps, customers, suppliers' '
	bash_complete "inv-issue --sku N" >out && echo NUT-M8 >expect &&
	test_cmp expect out &&
	bash_complete "inv-receive --sku " >out && sort out >got &&
	printf "BOLT\nNUT-M8\nQ:1\nTEA\n" >expect && test_cmp expect got &&
	bash_complete "inv-stock --sku B" >out && grep -qx BOLT out &&
	bash_complete "inv-build --sku " >out && echo NUT-M8 >expect &&
	test_cmp expect out &&
	bash_complete "inv-item add X --variant-of N" >out && grep -qx NUT-M8 out &&
	bash_complete "inv-reorder --wh " >out && sort out >got &&
	printf "EAST\nMAIN\n" >expect && test_cmp expect got &&
	bash_complete "inv-purchase request --wh E" >out && grep -qx EAST out &&
	bash_complete "crm-order create --wh E" >out && grep -qx EAST out &&
	bash_complete "crm-ticket stats --rep " >out && grep -qx ann out &&
	bash_complete "crm-deal list --owner a" >out && grep -qx ann out &&
	bash_complete "crm-ticket open --customer " >out && grep -qx 1 out &&
	bash_complete "inv-purchase list --supplier " >out && grep -qx ACME out &&
	bash_complete "inv-item add X --supplier A" >out && grep -qx ACME out &&
	bash_complete "inv-supplier show " >out && grep -qx ACME out &&
	! grep -q zzfile out &&
	bash_complete "inv-stock --errors " >out &&
	printf "text\njson\n" >expect && test_cmp expect out
'

# Each made above is the first of its kind: id 1.
test_expect_success 'bash: lead, deal, ticket, order and purchase ids' '
	bash_complete "crm-log add --lead " >out && grep -qx 1 out &&
	bash_complete "crm-log list --deal " >out && grep -qx 1 out &&
	bash_complete "crm-lead convert " >out && grep -qx 1 out &&
	bash_complete "crm-deal won " >out && grep -qx 1 out &&
	bash_complete "crm-ticket reply " >out && grep -qx 1 out &&
	bash_complete "crm-ticket assign 1 " >out && grep -qx ann out &&
	bash_complete "inv-issue --order " >out && grep -qx 1 out &&
	bash_complete "inv-receive --po " >out && grep -qx 1 out &&
	bash_complete "inv-purchase approve " >out && grep -qx 1 out &&
	! grep -q zzfile out &&
	bash_complete "crm-customer list --tag " >out && grep -qx vip out &&
	bash_complete "crm-customer untag 1 " >out && grep -qx vip out &&
	bash_complete "inv-issue --lot " >out && echo L-7 >expect &&
	test_cmp expect out
'

test_expect_success 'bash: no database, no completions and no error text' '
	for line in "inv-issue --sku " "inv-reorder --wh " "crm-stats --rep " \
		"crm-ticket open --customer " "inv-purchase list --supplier "; do
		# compgen with no match returns 1: only the output counts
		BIZ_DB="$SCRATCH/none/x.db" bash_complete "$line" >out 2>err
		test ! -s out && test ! -s err || { echo "$line"; exit 1; }
	done
'

test_expect_success 'zsh: SKUs, warehouses, reps, customers, suppliers' '
	zsh_complete "inv-issue --sku=N" "inv-build --sku=" "inv-reorder --wh=E" \
		"crm-order create --wh=E" "crm-ticket stats --rep=a" \
		"crm-lead convert 1 --customer=" "inv-purchase list --supplier=A" \
		"inv-supplier show A" "inv-stock --sku=N" "inv-count start --sku=N" \
		"inv-item add X --supplier=A" "inv-stock --errors=j" \
		"crm-log add --lead=" "crm-ticket reply " "inv-purchase approve " \
		"inv-stock --sku=Q" "crm-customer untag 1 v" "inv-move --lot=L" &&
	grep -q "inv-issue --sku=NUT-M8" zsh.1 &&
	grep -q "inv-build --sku=NUT-M8" zsh.2 &&
	grep -q "inv-reorder --wh=EAST" zsh.3 &&
	grep -q "crm-order create --wh=EAST" zsh.4 &&
	grep -q "crm-ticket stats --rep=ann" zsh.5 &&
	grep -q "crm-lead convert 1 --customer=1" zsh.6 &&
	grep -q "inv-purchase list --supplier=ACME" zsh.7 &&
	grep -q "inv-supplier show ACME" zsh.8 &&
	grep -q "inv-stock --sku=NUT-M8" zsh.9 &&
	grep -q "inv-count start --sku=NUT-M8" zsh.10 &&
	grep -q "inv-item add X --supplier=ACME" zsh.11 &&
	grep -q "inv-stock --errors=json" zsh.12 &&
	grep -q "crm-log add --lead=1" zsh.13 &&
	grep -q "crm-ticket reply 1" zsh.14 &&
	grep -q "inv-purchase approve 1" zsh.15 &&
	grep -q "inv-stock --sku=Q:1" zsh.16 &&
	grep -q "crm-customer untag 1 vip" zsh.17 &&
	grep -q "inv-move --lot=L-7" zsh.18
'

test_expect_success 'zsh: no database, no error text' '
	BIZ_DB="$SCRATCH/none/x.db" zsh_complete "inv-issue --sku=" \
		"crm-stats --rep=" "inv-purchase list --supplier=" &&
	for n in 1 2 3; do
		! grep -qE "no database|biz-init|error|not found" zsh.$n ||
		{ cat -v zsh.$n; exit 1; }
	done
'

test_expect_success 'fish: SKUs, warehouses, reps, customers, suppliers' '
	fish_complete "inv-issue --sku N" >out && cut -f1 out >got &&
	echo NUT-M8 >expect && test_cmp expect got &&
	fish_complete "inv-build --sku " >out && cut -f1 out >got &&
	test_cmp expect got &&
	fish_complete "inv-item list --variant-of N" >out &&
	cut -f1 out | grep -qx NUT-M8 &&
	fish_complete "inv-reorder --wh " >out && cut -f1 out | sort >got &&
	printf "EAST\nMAIN\n" >expect && test_cmp expect got &&
	fish_complete "crm-order create --wh E" >out && cut -f1 out | grep -qx EAST &&
	fish_complete "crm-ticket stats --rep " >out && cut -f1 out | grep -qx ann &&
	fish_complete "crm-ticket open --customer " >out &&
	printf "1\tDiaz\n" >expect && test_cmp expect out &&
	fish_complete "crm-deal list --customer " >out && test_cmp expect out &&
	fish_complete "inv-purchase request --supplier " >out &&
	cut -f1 out | grep -qx ACME &&
	fish_complete "inv-supplier set " >out && cut -f1 out | grep -qx ACME &&
	! grep -q zzfile out &&
	fish_complete "inv-stock --errors " >out && cut -f1 out >got &&
	printf "json\ntext\n" >expect && sort got | test_cmp expect -
'

test_expect_success 'fish: lead, deal, ticket, order and purchase ids' '
	fish_complete "crm-log add --lead " >out &&
	printf "1\tLee\n" >expect && test_cmp expect out &&
	fish_complete "crm-deal show " >out && grep -qx "1	Big" out &&
	fish_complete "crm-ticket close " >out && grep -qx "1	Broken" out &&
	fish_complete "inv-issue --order " >out && cut -f1 out | grep -qx 1 &&
	fish_complete "inv-purchase pay " >out && grep -qx "1	ACME" out &&
	! grep -q zzfile out &&
	fish_complete "crm-segment --tag " >out && cut -f1 out | grep -qx vip &&
	fish_complete "crm-customer untag 1 " >out && cut -f1 out | grep -qx vip &&
	fish_complete "inv-issue --lot " >out && cut -f1 out | grep -qx L-7
'

test_expect_success 'fish: no database, no completions and no error text' '
	for line in "inv-issue --sku " "inv-reorder --wh " "crm-stats --rep " \
		"crm-ticket open --customer " "inv-purchase list --supplier "; do
		BIZ_DB="$SCRATCH/none/x.db" fish_complete "$line" >out 2>err &&
		test ! -s out && test ! -s err || { echo "$line"; cat out err; exit 1; }
	done
'

# Setting keys, event kinds, held receipts, entries to reverse.  Entries:
# 1 is the TEA receipt above, 2 and 3 the receipts R-HOLD and R-OK here
# (a pass moves no value, so no entry), 4 the manual entry, 5 its
# reversal: --reverse offers 1, 2, 3 (4 is reversed, 5 a reversal).
test_expect_success 'setup: held receipts, one passed; an entry reversed' '
	inv-receive --wh MAIN --sku BOLT --qty 3 --cost 1 --hold --ref R-HOLD >/dev/null &&
	inv-receive --wh MAIN --sku BOLT --qty 2 --cost 1 --hold --ref R-OK >/dev/null &&
	inv-qc pass R-OK >/dev/null &&
	ledger-post --memo "cash in" 1000=5 1234=-5 >/dev/null &&
	ledger-post --reverse 4 >/dev/null
'

test_expect_success 'bash: setting keys, event kinds, held receipts, entries' '
	bash_complete "biz-config get " >out && grep -qx sales.terms_days out &&
	bash_complete "biz-config set sales.t" >out && sort out >got &&
	printf "sales.tax_account\nsales.terms_days\n" >expect && test_cmp expect got &&
	bash_complete "biz-config unset led" >out && grep -qx ledger.lock_date out &&
	{ bash_complete "biz-config get sales.terms_days " >out || :; } &&
	! grep -q . out &&
	{ bash_complete "biz-config list " >out || :; } && ! grep -q . out &&
	bash_complete "biz-events --kind cu" >out && echo customer. >expect &&
	test_cmp expect out &&
	bash_complete "biz-events --kind " >out && grep -qx stock. out &&
	grep -qx ticket. out && ! grep -qx lead out &&
	bash_complete "inv-qc pass " >out && echo R-HOLD >expect &&
	test_cmp expect out &&
	bash_complete "inv-qc --date 2026-11-27 fail R" >out && test_cmp expect out &&
	{ bash_complete "inv-qc pass R-HOLD " >out || :; } && ! grep -q . out &&
	bash_complete "ledger-post --reverse " >out &&
	printf "1\n2\n3\n" >expect && test_cmp expect out &&
	bash_complete "crm-ticket resolve " >out && grep -qx 1 out
'

test_expect_success 'zsh: setting keys, event kinds, held receipts, entries' '
	zsh_complete "biz-config get sales.te" "biz-events --kind=cu" \
		"inv-qc pass R" "ledger-post --reverse=" "biz-config list zz" \
		"crm-ticket close " &&
	grep -q "biz-config get sales.terms_days" zsh.1 &&
	grep -q "biz-events --kind=customer." zsh.2 &&
	grep -q "inv-qc pass R-HOLD" zsh.3 && ! grep -q R-OK zsh.3 &&
	grep -q "3  -- receipt BOLT 2 MAIN" zsh.4 &&
	! grep -q "cash in" zsh.4 && ! grep -q "Reversal" zsh.4 &&
	! grep -q zzfile zsh.5 &&
	grep -q "crm-ticket close 1" zsh.6
'

test_expect_success 'fish: setting keys, event kinds, held receipts, entries' '
	fish_complete "biz-config set sales.te" >out &&
	grep -q "^sales.terms_days	payment terms" out &&
	fish_complete "biz-config list " >out && ! grep -q sales out &&
	fish_complete "biz-events --kind cu" >out && cut -f1 out >got &&
	echo customer. >expect && test_cmp expect got &&
	fish_complete "inv-qc fail " >out && cut -f1 out >got &&
	echo R-HOLD >expect && test_cmp expect got &&
	fish_complete "ledger-post --reverse " >out && cut -f1 out >got &&
	printf "1\n2\n3\n" >expect && test_cmp expect got &&
	grep -qx "3	receipt BOLT 2 MAIN" out &&
	fish_complete "crm-ticket reopen " >out && grep -q "^1	Broken" out
'

# --db on the line: the lookups read that database, not $BIZ_DB (where
# the SKUs are BOLT, NUT-M8, Q:1, TEA and the warehouses EAST, MAIN).
test_expect_success 'setup: a second database with its own SKU, warehouse, account; one in ~' '
	biz-init --db other.db >/dev/null &&
	inv-item --db other.db add OTHER-1 --name Other >/dev/null &&
	inv-warehouse --db other.db add FAR --name Far >/dev/null &&
	ledger-account --db other.db add 5555 --name Kitty --type asset >/dev/null &&
	mkdir home && biz-init --db home/h.db >/dev/null &&
	inv-item --db home/h.db add HOME-1 --name Home >/dev/null
'

test_expect_success 'bash: --db PATH and --db=PATH on the line choose the database' '
	bash_complete "inv-issue --db other.db --sku " >out &&
	echo OTHER-1 >expect && test_cmp expect out &&
	bash_complete "inv-issue --db=other.db --sku " >out && test_cmp expect out &&
	bash_complete "inv-move --db other.db --from " >out && sort out >got &&
	printf "FAR\nMAIN\n" >expect && test_cmp expect got &&
	bash_complete "inv-reorder --db=other.db --wh F" >out &&
	echo FAR >expect && test_cmp expect out &&
	{ bash_complete "crm-stats --db other.db --rep " >out || :; } &&
	! grep -q . out &&
	bash_complete "ledger-register --db other.db 55" >out &&
	echo 5555 >expect && test_cmp expect out &&
	{ bash_complete "ledger-register --db other.db 12" >out || :; } &&
	! grep -q . out &&
	(HOME=$PWD/home && export HOME &&
	 bash_complete "inv-issue --db ~/h.db --sku ") >out &&
	echo HOME-1 >expect && test_cmp expect out &&
	{ bash_complete "crm-ticket --db other.db show " >out || :; } &&
	! grep -q . out &&
	bash_complete "crm-ticket show " >out && grep -qx 1 out
'

test_expect_success 'zsh: --db PATH and --db=PATH on the line choose the database' '
	zsh_complete "inv-issue --db other.db --sku=O" \
		"inv-stock --db=other.db --wh=F" "ledger-post --db other.db 555" \
		"crm-ticket --db other.db reply " "inv-item --db other.db show O" \
		"inv-issue --sku=N" &&
	grep -q "inv-issue --db other.db --sku=OTHER-1" zsh.1 &&
	grep -q "inv-stock --db=other.db --wh=FAR" zsh.2 &&
	grep -q "ledger-post --db other.db 5555=" zsh.3 &&
	! grep -q "reply 1" zsh.4 &&
	grep -q "inv-item --db other.db show OTHER-1" zsh.5 &&
	grep -q "inv-issue --sku=NUT-M8" zsh.6 &&
	(HOME=$PWD/home && export HOME &&
	 zsh_complete "inv-issue --db ~/h.db --sku=H") &&
	grep -q "inv-issue --db ~/h.db --sku=HOME-1" zsh.1
'

test_expect_success 'fish: --db PATH and --db=PATH on the line choose the database' '
	fish_complete "inv-issue --db other.db --sku " >out && cut -f1 out >got &&
	echo OTHER-1 >expect && test_cmp expect got &&
	fish_complete "inv-issue --db=other.db --sku " >out && cut -f1 out >got &&
	test_cmp expect got &&
	fish_complete "inv-item --db other.db show " >out && cut -f1 out >got &&
	test_cmp expect got &&
	fish_complete "inv-move --db other.db --to " >out && cut -f1 out | sort >got &&
	printf "FAR\nMAIN\n" >expect && test_cmp expect got &&
	fish_complete "ledger-post --db other.db 55" >out && cut -f1 out >got &&
	echo 5555= >expect && test_cmp expect got &&
	(HOME=$PWD/home && export HOME &&
	 fish_complete "inv-issue --db ~/h.db --sku ") >out &&
	cut -f1 out >got && echo HOME-1 >expect && test_cmp expect got &&
	fish_complete "crm-ticket --db other.db close " >out && test ! -s out &&
	fish_complete "crm-ticket close " >out && grep -q "^1	" out
'

test_expect_success 'descriptions end on a whole word' '
	grep -ho "\-d .[^'\'']*." "$TOP"/completions/fish/*.fish >descs &&
	! grep -E "(toda|seria|only items with|one se|\(see|items at o?|\(default)'\''$" descs
'

test_done
