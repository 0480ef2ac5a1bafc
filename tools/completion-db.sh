#!/bin/sh
# tools/completion-db.sh - makes every database lookup of the completions
# read the database named by --db on the command line (--db PATH or
# --db=PATH), not $BIZ_DB or the default, in the three shells:
#   bash  a helper _bizutils_db sets the function's local $db, and each
#         lookup "$(CMD ..." becomes "$(CMD ${db:+--db "$db"} ...";
#   zsh   a helper _bizutils_db sets reply=(--db PATH) or (), called on
#         the line before each lookup "$(CMD ...", which becomes
#         "$(CMD $reply ...";
#   fish  a function __bizutils_db prints --db and PATH (or nothing), and
#         each lookup (CMD ... becomes (CMD (__bizutils_db) ...
# Each file carries its own identical copy of the helper (whichever file
# loads first defines it).  Idempotent: run it again after adding a
# completion or a lookup.
# usage: tools/completion-db.sh [TOP]
set -e
top=${1:-$(cd "$(dirname "$0")/.." && pwd)}

# The bizutils commands (a lookup runs one of them), as an ERE.
cmds=$(cd "$top/completions/bash" && ls | grep -vx bizutils | paste -sd'|' -)

for f in "$top"/completions/bash/*; do
	case $f in */bizutils) continue ;; esac
	grep -qE "\\\$\\(($cmds) " "$f" || continue
	awk -v cmds="^($cmds)\$" '
	function helper() {
		print "# _bizutils_db: the --db PATH on the line (bash splits --db=PATH at"
		print "# the =), in the caller'\''s local $db, for the database lookups."
		print "_bizutils_db()"
		print "{"
		print "\tlocal i"
		print "\tdb="
		print "\tfor ((i = 1; i < COMP_CWORD; i++)); do"
		print "\t\tcase ${COMP_WORDS[i]} in"
		print "\t\t--db)"
		print "\t\t\tdb=${COMP_WORDS[i+1]}"
		print "\t\t\t[ \"$db\" = = ] && db=${COMP_WORDS[i+2]} ;;"
		print "\t\t--db=*) db=${COMP_WORDS[i]#--db=} ;;"
		print "\t\tesac"
		print "\tdone"
		print "\t[[ $db == \\~/* ]] && db=$HOME/${db#\\~/}"
		print "}"
		print ""
	}
	# "$(CMD " -> "$(CMD ${db:+--db "$db"} ", once.
	function lookups(s,    out, c, rest) {
		out = ""
		while (match(s, /\$\([a-z]+-[a-z]+ /)) {
			c = substr(s, RSTART + 2, RLENGTH - 3)
			out = out substr(s, 1, RSTART + RLENGTH - 1)
			rest = substr(s, RSTART + RLENGTH)
			if (c ~ cmds && index(rest, "${db:+") != 1)
				out = out "${db:+--db \"$db\"} "
			s = rest
		}
		return out s
	}
	FNR == 1 {
		n = 0
		while ((getline l < FILENAME) > 0) {
			if (l ~ /^_bizutils_db\(\)/) hashelper = 1
			if (l ~ /^\t_bizutils_db$/) hascall = 1
		}
		close(FILENAME)
	}
	# The function of the command: the helper goes before it.
	!infunc && /^_[a-z_]+\(\)/ && $0 !~ /^_bizutils_db/ {
		if (!hashelper) helper()
		infunc = 1; head = 1
		print; next
	}
	# The call goes after the locals that open the function.
	head && !/^(\{|\tlocal |\t(cur|prev)=)/ {
		if (!hascall) {
			if (!declared) print "\tlocal db="
			print "\t_bizutils_db"
		}
		head = 0
	}
	head && /^\tlocal .*[ \t]db=/ { declared = 1 }
	# A loop that only looked for --db: the helper does it now.
	/^\tfor \(\(i = 1; i < COMP_CWORD; i\+\+\)\); do$/ {
		if ((getline l1) > 0 && l1 ~ /= --db \] && db=/) {
			getline l2
			next
		}
		print; $0 = l1
	}
	{ sub(/--db\) db=\$\{COMP_WORDS\[i\+1\]\}; \(\(i\+\+\)\) ;;/, "--db) ((i++)) ;;") }
	{ print lookups($0) }
	' "$f" >"$f.tmp" && mv "$f.tmp" "$f"
done

for f in "$top"/completions/zsh/_*; do
	case $f in */_bizutils) continue ;; esac
	grep -qE "\\\$\\(($cmds) " "$f" || continue
	awk -v cmds="^($cmds)\$" '
	function helper() {
		print "# _bizutils_db: reply=(--db PATH) for the --db given on the line (the"
		print "# whole line: a subcommand narrows $words), () when none, so the"
		print "# lookups read that database."
		print "(( $+functions[_bizutils_db] )) ||"
		print "_bizutils_db() {"
		print "  local -a w"
		print "  local i"
		print "  reply=()"
		print "  w=(${(z)LBUFFER})"
		print "  for (( i = 1; i <= $#w; i++ )); do"
		print "    case $w[i] in"
		print "    (\x27|\x27|\x27||\x27|\x27&&\x27|\x27;\x27|\x27&\x27) reply=() ;;"
		print "    (--db) (( i < $#w )) && reply=(--db ${(Q)w[i+1]}) ;;"
		print "    (--db=*) reply=(--db ${(Q)w[i]#--db=}) ;;"
		print "    esac"
		print "  done"
		print "  [[ $reply[2] == \x27~/\x27* ]] && reply[2]=$HOME/${reply[2]#\\~/}"
		print "}"
		print ""
	}
	function lookups(s,    out, c, rest) {
		out = ""
		while (match(s, /\$\([a-z]+-[a-z]+ /)) {
			c = substr(s, RSTART + 2, RLENGTH - 3)
			out = out substr(s, 1, RSTART + RLENGTH - 1)
			rest = substr(s, RSTART + RLENGTH)
			if (c ~ cmds && index(rest, "$reply ") != 1) {
				out = out "$reply "
				call = 1
			}
			s = rest
		}
		return out s
	}
	FNR == 1 {
		while ((getline l < FILENAME) > 0)
			if (l ~ /^_bizutils_db\(\)/) hashelper = 1
		close(FILENAME)
	}
	# The helper goes before the first function and the comment over it.
	!hashelper && /^#/ && FNR > 2 { pend = pend $0 "\n"; next }
	!hashelper && /^\(\( \$\+functions\[/ { helper(); hashelper = 1 }
	pend != "" { printf "%s", pend; pend = "" }
	{
		call = 0
		line = lookups($0)
		if (call && prev !~ /^ *_bizutils_db$/) {
			match($0, /^ */)
			print substr($0, 1, RLENGTH) "_bizutils_db"
		}
		print line
		prev = $0
	}
	' "$f" >"$f.tmp" && mv "$f.tmp" "$f"
done

for f in "$top"/completions/fish/*.fish; do
	case $f in */bizutils.fish) continue ;; esac
	grep -qE "(\\(|^ +)($cmds) " "$f" || continue
	awk -v cmds="^($cmds)\$" '
	function helper() {
		print "# --db PATH given on the line: its two words, for the lookups."
		print "function __bizutils_db"
		print "    set -l words (commandline -opc)"
		print "    set -l db"
		print "    for i in (seq (count $words))"
		print "        switch $words[$i]"
		print "            case --db"
		print "                test $i -lt (count $words); and set db $words[(math $i + 1)]"
		print "            case \x27--db=*\x27"
		print "                set db (string replace -- --db= \x27\x27 $words[$i])"
		print "        end"
		print "    end"
		print "    test -n \"$db\"; or return 0"
		print "    echo --db"
		print "    string replace -r -- \x27^~/\x27 \"$HOME/\" $db"
		print "end"
		print ""
	}
	function lookups(s,    out, c, rest, pre) {
		out = ""
		while (match(s, /(\(|^ +)[a-z]+-[a-z]+ /)) {
			pre = substr(s, RSTART, RLENGTH)
			c = pre; sub(/^(\(| +)/, "", c); sub(/ $/, "", c)
			out = out substr(s, 1, RSTART + RLENGTH - 1)
			rest = substr(s, RSTART + RLENGTH)
			if (c ~ cmds && index(rest, "(__bizutils_db) ") != 1)
				out = out "(__bizutils_db) "
			s = rest
		}
		return out s
	}
	FNR == 1 {
		while ((getline l < FILENAME) > 0)
			if (l ~ /^function __bizutils_db/) hashelper = 1
		close(FILENAME)
	}
	# The helper goes before the first line that is neither a comment
	# nor blank.
	!hashelper && !/^(#|$)/ { helper(); hashelper = 1 }
	/^complete / && !/ -a / { print; next }
	{ print lookups($0) }
	' "$f" >"$f.tmp" && mv "$f.tmp" "$f"
done
