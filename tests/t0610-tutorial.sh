#!/bin/sh
# README.md's tutorial ("## Tutorial" section): every command in its
# ```console blocks is run again by examples/tutorial.sh on a throw-away
# database, and what they print must be what the README shows, so the
# tutorial never drifts from the commands.
. "$(dirname "$0")/lib.sh"
tut="$TOP/examples/tutorial.sh"

test_expect_success 'the tutorial has the day the README promises' '
	"$tut" --extract >readme.txt &&
	for c in crm-lead\ import crm-assign crm-deal\ won "crm-order create" \
		"crm-order confirm" "crm-order ship" inv-receive inv-reorder \
		ledger-balance "ledger-export | hledger -f - balance"; do
		grep -q "^\$ $c" readme.txt || { echo "no $c"; exit 1; }
	done
'

# The figures the README shows, worked out by hand:
#   order: 12 shelves x 100.00 = 1200.00 net, 20 % tax = 240.00, 1440.00;
#   20 received at 40.00 = 800.00 (Inventory / Accounts Payable), 12
#   shipped at FIFO 40.00 = 480.00 (COGS / Inventory), 320.00 left for 8;
#   trial totals 1440 + 800 + 480 = 2720.00 each side;
#   reorder: 8 on hand under min 10, no max, so up to 10: 2.
test_expect_success 'the README shows the figures worked out by hand' '
	grep -q "^ 1  draft   1200.00  240.00  1440.00$" readme.txt &&
	grep -q "^1300     Inventory            asset       800.00   480.00    320.00$" readme.txt &&
	grep -q "^         Total                           2720.00  2720.00      0.00$" readme.txt &&
	grep -q "^SHELF  MAIN        8             10  min_max              2$" readme.txt
'

test_expect_success 'replaying the tutorial prints what the README shows' '
	"$tut" >replay.txt &&
	sed "s/[[:space:]]*\$//" readme.txt >want &&
	sed "s/[[:space:]]*\$//" replay.txt >got &&
	test_cmp want got
'

# The extraction on a small README of its own: "$ " commands, "> "
# continuations, other lines output, blocks outside the section ignored,
# error output folded in, a failing command not stopping the replay.
test_expect_success 'the format: commands, continuations, output, sections' '
	cat >mini.md <<-\END &&
	## Quick start
	```console
	$ echo not part of it
	```
	## Tutorial: mini
	```console
	$ cat <<X
	> a b
	> X
	a b
	$ echo oops >&2; false
	oops
	```
	text
	```console
	$ echo "after; the same shell"
	after; the same shell
	```
	## A tour
	END
	"$tut" --extract mini.md >mini.want &&
	test $(grep -c "^\\$ " mini.want) = 3 &&
	"$tut" mini.md >mini.got &&
	test_cmp mini.want mini.got
'

test_expect_success 'a drift is seen' '
	sed "s/^a b\$/a c/" mini.md >drift.md &&
	"$tut" --extract drift.md >drift.want &&
	"$tut" drift.md >drift.got &&
	! cmp -s drift.want drift.got
'

test_expect_code 66 'a missing README is exit 66' '"$tut" --extract nosuch.md'

test_done
