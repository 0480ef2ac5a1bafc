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
	bash_complete "inv-qc pass " >out && ! grep -q zzfile out &&
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

test_expect_success 'descriptions end on a whole word' '
	grep -ho "\-d .[^'\'']*." "$TOP"/completions/fish/*.fish >descs &&
	! grep -E "(toda|seria|only items with|one se|\(see|items at o?|\(default)'\''$" descs
'

test_done
