#!/bin/sh
# bench/ledger-balance.sh [ENTRIES] - the ledger benchmark of issue 4.
#
# Posts ENTRIES (default 500,000) two-posting entries from stdin, so
# 1,000,000 postings; times ledger-balance (trial balance) against
# `hledger balance` and `ledger balance` on the exported journal, in the
# same run; checks the three agree on Cash; then times ledger-post of
# 100,000 entries into a fresh database.  Prints medians (ms) and ratios.
set -eu
. "$(dirname "$0")/env.sh"
entries=${1:-500000}
post_entries=${POST_ENTRIES:-100000}
runs=${RUNS:-5}
slow_runs=${SLOW_RUNS:-1}
dir="$top/bench/scratch/ledger"
rm -rf "$dir" && mkdir -p "$dir" && cd "$dir"

now_ms() { date +%s%3N; }

# median_ms RUNS CMD...: the median wall time of RUNS runs of CMD, in ms.
median_ms() {
	n=$1
	shift
	i=0
	: >times
	while [ "$i" -lt "$n" ]; do
		t0=$(now_ms)
		"$@" >/dev/null
		t1=$(now_ms)
		echo $((t1 - t0)) >>times
		i=$((i + 1))
	done
	sort -n times | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'
}

sh "$top/bench/ledger-gen.sh" "$entries" >entries.jsonl
ledger_db big.db
t0=$(now_ms)
ledger-post --db big.db - <entries.jsonl >/dev/null
t1=$(now_ms)
echo "ledger-post $entries entries: $((t1 - t0)) ms"

ledger-export --db big.db --format hledger >big.journal
ledger-export --db big.db --format ledger >big.ledger

biz_ms=$(median_ms "$runs" ledger-balance --db big.db)
ledger_ms=$(median_ms "$slow_runs" ledger -f big.ledger balance)
hledger_ms=$(median_ms "$slow_runs" hledger -f big.journal balance)

# The three must agree: Cash by each of them.
ledger-balance --db big.db --where '.account == "1000"' --jq .balance \
	>cash.biz
hledger -f big.journal balance Assets:Cash --no-total -O csv >cash.hl
ledger -f big.ledger balance --flat --no-total \
	--format '%(account)|%(scrub(display_total))\n' ^Assets:Cash$ >cash.lc
echo "cash: bizutils $(cat cash.biz), hledger $(sed -n 2p cash.hl)," \
	"ledger $(cat cash.lc)"

sh "$top/bench/ledger-gen.sh" "$post_entries" >post.jsonl
ledger_db post.db
t0=$(now_ms)
ledger-post --db post.db - <post.jsonl >/dev/null
t1=$(now_ms)
post_ms=$((t1 - t0))

postings=$((2 * entries))
echo "postings:                $postings"
echo "ledger-balance (median): $biz_ms ms"
echo "ledger balance:          $ledger_ms ms"
echo "hledger balance:         $hledger_ms ms"
awk -v b="$biz_ms" -v l="$ledger_ms" -v h="$hledger_ms" 'BEGIN {
	if (b < 1) b = 1
	printf "ratio ledger/bizutils:   %.0fx\n", l / b
	printf "ratio hledger/bizutils:  %.0fx\n", h / b
}'
echo "ledger-post $post_entries entries from stdin: $post_ms ms"
echo "date: $(date -u +%Y-%m-%d), machine: $(nproc) cores," \
	"$(uname -m), $(hledger --version | head -1)," \
	"$(ledger --version | head -1 | cut -d, -f1)"
