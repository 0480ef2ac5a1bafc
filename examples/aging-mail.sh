#!/bin/sh
# examples/aging-mail.sh RECIPIENT: mails the receivables and payables
# aging (ledger-aging --ar and --ap) to RECIPIENT, only when something is
# open: no mail on a day with nothing owed either way.  For cron
# (examples/crontab); mail(1) is bsd-mailx or mailutils.
set -u
to=${1:?usage: aging-mail.sh RECIPIENT}
tmp=$(mktemp -d) || exit 73
trap 'rm -rf "$tmp"' EXIT
body="$tmp/body"
: >"$body"
for side in ar ap; do
	# One record per party with something open; none at all when clear.
	ledger-aging --$side -f jsonl >"$tmp/$side.jsonl" || exit $?
	[ -s "$tmp/$side.jsonl" ] || continue
	case $side in
	ar) echo "Receivables (what customers owe), by days past due:" ;;
	ap) echo "Payables (what we owe suppliers), by days past due:" ;;
	esac >>"$body"
	ledger-aging --$side -f table --total >>"$body" || exit $?
	echo >>"$body"
done
[ -s "$body" ] || exit 0
mail -s "Aging report $(date -u +%Y-%m-%d)" "$to" <"$body"
