#!/bin/sh
# tools/output-options.sh - adds the shared output options (-o/--fields,
# --sort, --limit, --total) to every man page and completion file that
# lacks them.  Idempotent: run it again after adding a command.
# usage: tools/output-options.sh [TOP]
set -e
top=${1:-$(cd "$(dirname "$0")/.." && pwd)}

for page in "$top"/man/man1/*.1; do
	grep -q -- 'total' "$page" && grep -q -- '-sort' "$page" && continue
	case $page in */bizutils.1) continue ;; esac
	awk '
	/^\.BR \\-q ", " \\-\\-quiet$/ && !done {
		print ".BR \\-o \", \" \\-\\-fields \" \" \\fIFIELD\\fR,..."
		print "Prints only these fields, in this order, in every format."
		print ".TP"
		print ".BI \\-\\-sort \" FIELD\" ,..."
		print "Sorts the records by these fields, \\fB\\-\\fR\\fIFIELD\\fR descending."
		print ".TP"
		print ".BI \\-\\-limit \" N\""
		print "Prints at most \\fIN\\fR records (the first after \\fB\\-\\-sort\\fR)."
		print ".TP"
		print ".B \\-\\-total"
		print "Prints total rows (\\fB\"total\": true\\fR) in every format;"
		print "without it only the table shows them."
		print ".TP"
		done = 1
	}
	/^\.BR -q ,$/ && !done {
		print ".B -o"; print ".IR FIELD,... ,"
		print ".B --sort"; print ".IR FIELD,... ,"
		print ".B --limit"; print ".IR N ,"
		print ".BR --total ,"
		done = 1
	}
	/^ *\[\\fB\\-q\\fR\] \[\\fB\\-h\\fR\] \[\\fB\\-V\\fR\]$/ {
		sub(/\[\\fB\\-q/, "[\\fB\\-o\\fR \\fIFIELD,...\\fR] [\\fB\\-\\-sort\\fR \\fIFIELD,...\\fR] [\\fB\\-\\-limit\\fR \\fIN\\fR] [\\fB\\-\\-total\\fR] [\\fB\\-q")
	}
	{
		sub(/CSV, TSV and the table take their columns from the first record\./,
		    "CSV, TSV and the table take their columns from every record: the first record'"'"'s fields, then any other in the order it appears; money prints with the currency'"'"'s places.")
		print
	}' "$page" >"$page.tmp" && mv "$page.tmp" "$page"
done

for f in "$top"/completions/zsh/_*; do
	grep -q -- '--total' "$f" && continue
	awk '
	{ print }
	/^[ \t]*.--input-format=\[/ {
		match($0, /^[ \t]*/); ind = substr($0, 1, RLENGTH)
		end = ($0 ~ /\\$/) ? " \\" : ""
		print ind "\x27(-o --fields)\x27{-o+,--fields=}\x27[fields to print, in order]:fields: \x27" end
		print ind "\x27--sort=[sort by fields, -FIELD descending]:fields: \x27" end
		if ($0 !~ /limit/ && !haslimit)
			print ind "\x27--limit=[at most N records]:number: \x27" end
		print ind "\x27--total[total rows in every format]\x27" end
	}' haslimit="$(grep -c -- "'--limit=" "$f" || true)" "$f" |
	awk -v haslimit="$(grep -c -- "'--limit=" "$f" || true)" '
	/--limit=\[at most N records\]/ && haslimit > 0 { next } { print }' \
		>"$f.tmp" && mv "$f.tmp" "$f"
done

for f in "$top"/completions/fish/*.fish; do
	grep -q -- '-l total' "$f" && continue
	cmd=$(basename "$f" .fish)
	awk -v cmd="$cmd" -v haslimit="$(grep -c -- '-l limit' "$f" || true)" '
	{ print }
	/-l input-format/ {
		print "complete -c " cmd " -s o -l fields -x -d \x27fields to print, in order\x27"
		print "complete -c " cmd " -l sort -x -d \x27sort by fields, -FIELD descending\x27"
		if (haslimit == 0)
			print "complete -c " cmd " -l limit -x -d \x27at most N records\x27"
		print "complete -c " cmd " -l total -d \x27total rows in every format\x27"
	}' "$f" >"$f.tmp" && mv "$f.tmp" "$f"
done

for f in "$top"/completions/bash/*; do
	grep -q -- '--total' "$f" && continue
	sed -e 's/--input-format --quiet/--input-format --fields --sort --limit --total --quiet/' \
	    -e 's/|--input-format)/|--input-format|-o|--fields|--sort|--limit)/' \
	    -e 's/|--input-format|--db)/|--input-format|--db|-o|--fields|--sort|--limit)/' \
	    "$f" >"$f.tmp" && mv "$f.tmp" "$f"
done
