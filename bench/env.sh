# bench/env.sh - sourced by every benchmark script: the built commands
# first on PATH, a fixed clock and actor, JSON Lines out, and no database
# but the one a script names.  Sets $top (the project root) and now().
top=$(cd "$(dirname "$0")/.." && pwd)
PATH="$top/bin:$PATH"
BIZ_NOW=2026-11-27T08:00:00Z
BIZ_ACTOR=bench
BIZ_FORMAT=jsonl
export PATH BIZ_NOW BIZ_ACTOR BIZ_FORMAT
unset BIZ_DB XDG_DATA_HOME

# Seconds since the epoch, with nanoseconds.
now() { date +%s.%N; }

# ledger_db DB: a new database whose control accounts (Receivable,
# Inventory, Payable, GRNI) take manual postings, as bench/ledger-gen.sh's
# entries post to them.
ledger_db() {
	biz-init --db "$1" >/dev/null &&
	for a in 1100 1300 2000 2100; do
		ledger-account set "$a" --no-control --db "$1" >/dev/null || return
	done
}
