#!/bin/sh
# examples/tutorial.sh [--extract|--script] [README]: replays README.md's
# "Tutorial" section on a throw-away database with a fixed clock.
#
# The tutorial's ```console blocks are the script: a line starting with
# "$ " is a command, the lines after it starting with "> " continue it
# (a here-document, say), every other line is what it printed.  All the
# blocks of the section run in order in one shell, in an empty folder,
# with BIZ_DB there and BIZ_NOW fixed, so their output is the same every
# time.  Without an option the replayed transcript goes to stdout, in the
# README's own form, so that
#
#   examples/tutorial.sh --extract | diff - <(examples/tutorial.sh)
#
# shows where the README and the commands part (tests/t0610-tutorial.sh).
# --extract prints the README's blocks as they stand; --script the shell
# script that replays them.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
mode=run
case ${1-} in
--extract) mode=extract; shift ;;
--script) mode=script; shift ;;
esac
readme=${1:-$top/README.md}
[ -r "$readme" ] || { echo "tutorial.sh: cannot read $readme" >&2; exit 66; }

# The lines of the section's console blocks.
extract() {
	awk '
		/^## / { in_sec = ($0 ~ /^## Tutorial/); next }
		!in_sec { next }
		/^```console$/ { in_blk = 1; next }
		/^```$/ && in_blk { in_blk = 0; next }
		in_blk { print }
	' "$readme"
}

# A script that echoes each command as the README shows it, then runs it
# with its error output folded into the transcript.
script() {
	extract | awk '
		function flush() {
			if (cmd == "") return
			print "cat <<'"'"'__TUTORIAL__'"'"'"
			printf "%s", shown
			print "__TUTORIAL__"
			print "{ " cmd "\n} 2>&1"
			cmd = ""; shown = ""
		}
		/^\$ / { flush(); shown = $0 "\n"; cmd = substr($0, 3); cont = 1; next }
		/^> / && cont && cmd != "" { shown = shown $0 "\n"; cmd = cmd "\n" substr($0, 3); next }
		{ flush(); cont = 0 }
		END { flush() }
	'
}

case $mode in
extract) extract; exit 0 ;;
script) script; exit 0 ;;
esac

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT INT TERM
script >"$work/.tutorial"
cd "$work"
PATH="$top/bin:$PATH"
BIZ_DB="$work/biz.db"
BIZ_NOW=2026-11-30T09:00:00Z
BIZ_ACTOR=me
BIZ_FORMAT=table
export PATH BIZ_DB BIZ_NOW BIZ_ACTOR BIZ_FORMAT
unset BIZ_BUSY_TIMEOUT XDG_DATA_HOME
sh "$work/.tutorial"
