#!/bin/sh
# bench/gen-leads.sh N - writes N synthetic leads as CSV on stdout.
#
# Columns: name,email,phone,source,external_id,region,industry,size and one
# custom column, score.  The output depends on N only (no randomness), and
# every email, phone and (source, external_id) is unique, so an import
# creates N leads and merges none.  Every 50th name holds a comma and is
# quoted, every 97th holds doubled quotes, to exercise the CSV reader.
set -eu
n=${1:?usage: gen-leads.sh N}
case $n in
*[!0-9]* | '') echo "gen-leads.sh: N must be a number" >&2; exit 64 ;;
esac
awk -v n="$n" 'BEGIN {
	split("Ada Ben Cleo Dan Eva Finn Gia Hugo Iris Jon Kai Lea Mo Nia Otto Pia", first, " ")
	split("Smith Jones Brown Garcia Miller Davis Lopez Wilson Moore Clark Lewis", last, " ")
	split("web referral event partner ads cold", source, " ")
	split("north south east west central", region, " ")
	split("retail manufacturing software health finance logistics education", industry, " ")
	print "name,email,phone,source,external_id,region,industry,size,score"
	for (i = 1; i <= n; i++) {
		f = first[i % 16 + 1]; l = last[int(i / 16) % 11 + 1]
		name = f " " l
		if (i % 50 == 0) name = "\"" l ", " f "\""
		else if (i % 97 == 0) name = "\"" f " \"\"" l "\"\" Jr\""
		# A phone of 10 digits unique per lead, with punctuation.
		p = 2000000000 + i
		phone = sprintf("+1 (%03d) %03d-%04d", int(p / 10000000), int(p / 10000) % 1000, p % 10000)
		printf "%s,%s.%s.%d@example.com,%s,%s,X%08d,%s,%s,%d,%d\n", \
			name, tolower(f), tolower(l), i, phone, source[i % 6 + 1], \
			i, region[i % 5 + 1], industry[i % 7 + 1], (i * 7) % 500 + 1, i % 100
	}
}'
