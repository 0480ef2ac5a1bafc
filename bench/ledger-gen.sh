#!/bin/sh
# bench/ledger-gen.sh N - N two-posting entries as JSON Lines on stdout,
# spread over two years and the default chart: a reproducible ledger
# (no randomness beyond the entry number) for the ledger benchmarks.
n=${1:-100000}
awk -v n="$n" 'BEGIN {
	split("1000 1100 1300 2000 2100 3000 4000 5000 5100", acct, " ")
	for (i = 1; i <= n; i++) {
		day = i % 730
		y = 2025 + int(day / 365); d = day % 365
		m = int(d / 31) + 1; if (m > 12) m = 12
		dd = d % 28 + 1
		a = acct[i % 9 + 1]; b = acct[(i * 7 + 3) % 9 + 1]
		if (a == b) b = (a == "1000") ? "4000" : "1000"
		cents = (i * 7919) % 1000000 + 1
		printf "{\"date\":\"%04d-%02d-%02d\",\"memo\":\"entry %d\",\"ref\":\"B-%d\",\"postings\":[{\"account\":\"%s\",\"amount\":\"%d.%02d\"},{\"account\":\"%s\"}]}\n", \
			y, m, dd, i, i, a, int(cents / 100), cents % 100, b
	}
}'
