#!/bin/sh
# tools/errors-option.sh - adds the shared option --errors text|json to
# every man page (synopsis, option entry, BIZ_ERRORS in ENVIRONMENT) and
# every completion file that lacks it, as tools/output-options.sh did for
# -o/--sort/--limit/--total.  Idempotent: run it again after adding a
# command.
# usage: tools/errors-option.sh [TOP]
set -e
top=${1:-$(cd "$(dirname "$0")/.." && pwd)}

for page in "$top"/man/man1/*.1; do
	case $page in */bizutils.1) continue ;; esac
	grep -qF 'the error line on standard error is one JSON object' "$page" &&
		continue
	awk '
	# The groff-style synopsis: the last common line is split so the
	# page mirrors the usage (cli.h CLI_COMMON_USAGE).
	/^ *\[\\fB\\-o\\fR .*\[\\fB\\-\\-total\\fR\] \[\\fB\\-q\\fR\] \[\\fB\\-h\\fR\] \[\\fB\\-V\\fR\]$/ {
		sub(/ \[\\fB\\-q\\fR\] \[\\fB\\-h\\fR\] \[\\fB\\-V\\fR\]$/, "")
		print
		print "                [\\fB\\-\\-errors\\fR text|json] [\\fB\\-q\\fR] [\\fB\\-h\\fR] [\\fB\\-V\\fR]"
		next
	}
	# The plain synopsis of the ledger pages had no common block.
	/^\.fi$/ && insyn && plain {
		print "common options: [--db PATH] [-f json|jsonl|csv|tsv|table] [--jq FILTER]"
		print "                [--where JQ] [--dry-run] [--actor NAME] [--input-format csv|jsonl|json]"
		print "                [-o FIELD,...] [--sort FIELD,...] [--limit N] [--total]"
		print "                [--errors text|json] [-q] [-h] [-V]"
	}
	/^\.SH/ { insyn = ($0 ~ /SYNOPSIS/) }
	/^\.BR \\-q ", " \\-\\-quiet$/ {
		print ".BI \\-\\-errors \" text|json\""
		print "With \\fBjson\\fR the error line on standard error is one JSON object,"
		print "\\fB{\"prog\",\"status\",\"message\",\"file\",\"line\",\"field\"}\\fR,"
		print "as with \\fBBIZ_ERRORS=json\\fR; a usage error then prints that line"
		print "alone, without the usage."
		print "\\fBtext\\fR (the default) prints \\fIprogram\\fR: \\fImessage\\fR."
		print ".TP"
	}
	# The run-on common option list of the ledger pages.
	/^\.BR -q ,$/ {
		print ".B --errors"; print ".IR text|json ,"
	}
	/^\.BR -V \.$/ && plain {
		print
		print "With"
		print ".B --errors json"
		print "the error line on standard error is one JSON object,"
		print "\\fB{\"prog\",\"status\",\"message\",\"file\",\"line\",\"field\"}\\fR,"
		print "as with \\fBBIZ_ERRORS=json\\fR; a usage error then prints that line"
		print "alone, without the usage."
		next
	}
	# ENVIRONMENT: BIZ_ERRORS after BIZ_ACTOR (or BIZ_FORMAT).
	inenv && after && /^\.(TP|SH)/ { print_env(); after = 0 }
	/^\.SH/ { inenv = ($0 ~ /^\.SH +"?ENVIRONMENT/) }
	inenv && /^\.B BIZ_(ACTOR|FORMAT)$/ { after = 1 }
	{ print }
	function print_env() {
		if (envdone || hasenv) return
		print ".TP"
		print ".B BIZ_ERRORS"
		print "\\fBjson\\fR: errors as with \\fB\\-\\-errors json\\fR."
		envdone = 1
	}
	' plain="$(grep -c '^\.BR -q ,$' "$page" || true)" \
	  hasenv="$(grep -c '^\.B BIZ_ERRORS$' "$page" || true)" \
		"$page" >"$page.tmp" && mv "$page.tmp" "$page"
done

for f in "$top"/completions/zsh/_*; do
	case $f in */_bizutils) continue ;; esac
	grep -q -- "'--errors=" "$f" && continue
	awk '
	{ print }
	/^[ \t]*.--total\[/ {
		match($0, /^[ \t]*/); ind = substr($0, 1, RLENGTH)
		end = ($0 ~ /\\$/) ? " \\" : ""
		print ind "\x27--errors=[how the error line is printed]:errors:(text json)\x27" end
	}' "$f" >"$f.tmp" && mv "$f.tmp" "$f"
done

for f in "$top"/completions/fish/*.fish; do
	case $f in */bizutils.fish) continue ;; esac
	grep -q -- '-l errors' "$f" && continue
	cmd=$(basename "$f" .fish)
	awk -v cmd="$cmd" '
	{ print }
	/-l total/ {
		print "complete -c " cmd " -l errors -x -a \x27text json\x27 -d \x27how the error line is printed\x27"
	}' "$f" >"$f.tmp" && mv "$f.tmp" "$f"
done

for f in "$top"/completions/bash/*; do
	case $f in */bizutils) continue ;; esac
	grep -q -- '--errors' "$f" && continue
	awk '
	/--total --quiet/ { sub(/--total --quiet/, "--total --errors --quiet") }
	/\(\(i\+\+\)\)/ { sub(/\|--input-format\|/, "|--input-format|--errors|") }
	{ print }
	/^\t--input-format\)$/ { pending = 1 }
	pending && /^\t\treturn ;;$/ {
		print "\t--errors)"
		print "\t\tCOMPREPLY=($(compgen -W \"text json\" -- \"$cur\"))"
		print "\t\treturn ;;"
		pending = 0
	}' "$f" >"$f.tmp" && mv "$f.tmp" "$f"
done
