#!/bin/sh
# bench/inv-growth.sh DIR... - one one-line inv-issue process on each
# database bench/inv-gen.sh built in the DIRs (say 10,000, 100,000 and
# 1,000,000 moves), in one hyperfine run (200 runs on each after 10
# warm-ups, one database after the other), to show whether its time
# grows with the moves.  Prints each database's move count, median and
# minimum.  Each database gets 1,000 more units of the item issued:
# bench a copy.
set -eu
[ $# -gt 0 ] || { echo "usage: inv-growth.sh DIR..." >&2; exit 64; }
. "$(dirname "$0")/env.sh"

for dir; do
	inv-receive --db "$dir/biz.db" --wh MAIN --sku SKU00812 --qty 1000 \
		--cost 2.50 >/dev/null
done
json=$(mktemp)
trap 'rm -f "$json"' EXIT
dirs=$(printf '%s,' "$@")
hyperfine -N --style none --warmup 10 --runs 200 --export-json "$json" \
	--parameter-list dir "${dirs%,}" \
	"$top/bin/inv-issue --db {dir}/biz.db --wh MAIN --sku SKU00812 --qty 1" \
	>/dev/null 2>&1
for dir; do
	printf '%s moves: ' "$(sqlite3 "$dir/biz.db" 'SELECT count(*) FROM move')"
	jq -r --arg dir "$dir" '.results[] | select(.parameters.dir == $dir) |
		"median \(.median * 1e5 | round / 100) ms," +
		" min \(.min * 1e5 | round / 100) ms"' "$json"
done
