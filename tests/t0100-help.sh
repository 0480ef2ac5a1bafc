#!/bin/sh
# Every command in bin/: --help exits 0, its usage is the synopsis of its
# man page (each usage line, with its subcommand and option names, appears
# in the SYNOPSIS; the common options block too, and each common option
# in the OPTIONS section), and it has
# bash, zsh and fish completions naming its options (cli.h's checklist).
# A command without a man page or a completion fails: nothing is skipped.
. "$(dirname "$0")/lib.sh"

# synopsis PAGE: the SYNOPSIS section of a man(7) page as plain text on one
# line: font escapes, \- and the macro names dropped, the arguments of the
# alternating-font macros (.BR, .BI...) joined as groff prints them.
synopsis() {
	awk '
	/^\.SH/ { on = ($0 ~ /^\.SH +"?SYNOPSIS"?/); next }
	!on || /^\.(nf|fi|br|sp|PP|LP|P|in|ad|na|hy|nh|TP|HP|RS|RE)( |$)/ \
		|| /^\.\\"/ { next }
	/^\.(BR|BI|IR|IB|RB|RI)( |$)/ {
		# Alternating fonts: the arguments are printed without spaces.
		line = substr($0, 4); out = ""
		while (line != "") {
			sub(/^ +/, "", line)
			if (line ~ /^"/) {
				match(line, /^"[^"]*"?/)
				out = out substr(line, 2, RLENGTH - 2)
			} else {
				match(line, /^[^ ]+/)
				out = out substr(line, 1, RLENGTH)
			}
			line = substr(line, RLENGTH + 1)
		}
		print out; next
	}
	/^\.[A-Z]+( |$)/ { sub(/^\.[A-Z]+ */, "") }
	{ print }
	' "$1" |
	sed -e 's/\\f[BIRP1-4]//g' -e 's/\\f([A-Z][A-Z]//g' \
	    -e 's/\\f\[[^]]*\]//g' -e 's/\\-/-/g' -e 's/\\&//g' \
	    -e 's/\\ / /g' -e "s/\\\\(aq/'/g" -e 's/\\e/\\/g' |
	tr '\n\t' '  ' | tr -s ' '
	echo
}

# The options named in text on stdin: --long and -x as in "[-x".
option_names() {
	sed 's/=.*//' | grep -oE -- '(^|[^A-Za-z0-9-])--?[A-Za-z][A-Za-z0-9-]*' |
		sed 's/^[^-]*//' | grep -E -- '^(--[a-z]|-[A-Za-z]$)' | sort -u
}

# has_word TEXTFILE WORD: WORD appears in the file, not as part of a
# longer option or word.
has_word() {
	grep -qE -- "(^|[^A-Za-z0-9-])$2([^A-Za-z0-9-]|\$)" "$1"
}

commands=$(cd "$TOP/bin" && ls)

test_expect_success 'bin/ holds the commands' '
	test -n "$commands"
'

for cmd in $commands; do
	[ -x "$TOP/bin/$cmd" ] || continue
	page="$TOP/man/man1/$cmd.1"

	test_expect_success "$cmd --help exits 0 with its usage" "
		$cmd --help >'$cmd.usage' &&
		head -n 1 '$cmd.usage' | grep -q '^usage: $cmd'
	"

	test_expect_success "$cmd: man page synopsis mirrors the usage" "
		test -f '$page' || { echo 'no man page $page'; exit 1; }
		synopsis '$page' >'$cmd.synopsis' &&
		sed -n 1p '$cmd.synopsis' | sed 's/^/synopsis: /' &&
		sed '/^common options:/,\$d' '$cmd.usage' >'$cmd.own' &&
		missing= &&
		sed 's/^usage: *//; s/^ *//' '$cmd.own' | tr -s ' ' >'$cmd.lines' &&
		while read -r line; do
			grep -qF -- \"\$line\" '$cmd.synopsis' ||
				missing=\"\$missing
	line: \$line\"
		done <'$cmd.lines' &&
		for sub in \$(sed -n 's/^[usage: ]*$cmd \\([a-z][a-z-]*\\).*/\\1/p' \
				'$cmd.own'); do
			grep -qF -- '$cmd '\"\$sub\" '$cmd.synopsis' ||
				missing=\"\$missing $cmd \$sub\"
		done &&
		for opt in \$(option_names <'$cmd.own'); do
			has_word '$cmd.synopsis' \"\$opt\" ||
				missing=\"\$missing \$opt\"
		done &&
		{ test -z \"\$missing\" ||
		  { echo \"not in the synopsis:\$missing\"; exit 1; }; }
	"

	# bizutils runs the others and takes none of their options; its page
	# has the sections every page has.
	common_check="test -s '$cmd.common'"
	[ "$cmd" = bizutils ] && common_check="test ! -s '$cmd.common'"

	test_expect_success "$cmd: man page documents the common options" "
		test -f '$page' || { echo 'no man page $page'; exit 1; }
		sed -e 's/\\\\f[BIRP]//g' -e 's/\\\\-/-/g' '$page' >'$cmd.man' &&
		sed -n '/^common options:/,\$p' '$cmd.usage' >'$cmd.common' &&
		$common_check &&
		synopsis '$page' >'$cmd.synopsis' &&
		awk '/^\\.SH/ { on = (\$0 ~ /OPTIONS/) } on' '$cmd.man' \
			>'$cmd.options' &&
		missing= &&
		sed 's/^ *//' '$cmd.common' | tr -s ' ' >'$cmd.clines' &&
		while read -r line; do
			grep -qF -- \"\$line\" '$cmd.synopsis' ||
				missing=\"\$missing
	synopsis line: \$line\"
		done <'$cmd.clines' &&
		for opt in \$(option_names <'$cmd.common'); do
			has_word '$cmd.options' \"\$opt\" ||
				missing=\"\$missing \$opt\"
		done &&
		for section in NAME SYNOPSIS DESCRIPTION OPTIONS ENVIRONMENT \
			'EXIT STATUS' EXAMPLES 'SEE ALSO'; do
			grep -qE \"^\\.SH +\\\"?\$section\" '$cmd.man' ||
				missing=\"\$missing (section \$section)\"
		done &&
		{ test -z \"\$missing\" ||
		  { echo \"not in the man page:\$missing\"; exit 1; }; }
	"

	test_expect_success "$cmd: bash, zsh and fish completions" "
		bash='$TOP/completions/bash/$cmd' &&
		zsh='$TOP/completions/zsh/_$cmd' &&
		fish='$TOP/completions/fish/$cmd.fish' &&
		missing= &&
		for f in \"\$bash\" \"\$zsh\" \"\$fish\"; do
			test -f \"\$f\" || missing=\"\$missing \$f\"
		done &&
		{ test -z \"\$missing\" ||
		  { echo \"no completion file:\$missing\"; exit 1; }; } &&
		grep -qE '^complete .* $cmd\$' \"\$bash\" &&
		head -n 1 \"\$zsh\" | grep -qE '^#compdef( .*)? $cmd( |\$)' &&
		grep -q '^complete -c $cmd ' \"\$fish\" &&
		for opt in \$(option_names <'$cmd.usage' | grep -- '^--'); do
			for f in \"\$bash\" \"\$zsh\" \"\$fish\"; do
				grep -qF -- \"\${opt#--}\" \"\$f\" ||
					missing=\"\$missing \$opt(\${f##*/})\"
			done
		done &&
		{ test -z \"\$missing\" ||
		  { echo \"options not completed:\$missing\"; exit 1; }; }
	"
done

test_done
