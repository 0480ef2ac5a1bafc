#!/bin/sh
# tests/stress.sh N [PROCS] - PROCS processes (4) each run N mixed writes
# on one database ($BIZ_DB, created here): receipts, issues, transfers,
# lead imports, assignments, ledger posts and sales orders (created,
# confirmed, shipped), with short random sleeps between them.  Then: every
# operation (and each step of an order) exited 0 (committed) or 1
# (refused), biz-check is green, and the event log holds one event per
# committed change (two per transfer, one per lead assigned, a stock issue
# per order shipped).  Prints one summary
# line; exits 1 on any failure.  make check-stress runs it long,
# tests/t9600-stress.sh short.
n=${1:-100}
procs=${2:-4}
work=${STRESS_DIR:-$(mktemp -d)}
BIZ_BUSY_TIMEOUT=${BIZ_BUSY_TIMEOUT:-30000}
export BIZ_BUSY_TIMEOUT
mkdir -p "$work" || exit 1

fail() {
	echo "stress: $*" >&2
	exit 1
}

biz-init >/dev/null || fail "biz-init"
inv-warehouse add EAST --name East >/dev/null &&
inv-item add BOLT --name Bolt >/dev/null &&
inv-item add NUT --name Nut --costing avco >/dev/null &&
crm-rep add a --name A >/dev/null &&
crm-rep add b --name B >/dev/null &&
crm-customer add --name Acme >/dev/null || fail "set-up"

# worker ID: N operations, each logged as "OP STATUS [COUNT]".
worker() {
	id=$1
	awk -v n="$n" -v seed="$id" 'BEGIN {
		srand(seed * 7919 + 17);
		split("MAIN EAST", wh, " "); split("BOLT NUT", sku, " ");
		for (i = 1; i <= n; i++) {
			op = int(rand() * 7); w = int(rand() * 2) + 1;
			s = sku[int(rand() * 2) + 1]; q = int(rand() * 9) + 1;
			printf "%d %s %s %s %d %d.%02d %d\n", op, wh[w],
				wh[3 - w], s, q, int(rand() * 20),
				int(rand() * 100), int(rand() * 50);
		}
	}' | while read -r op from to item qty cost pause; do
		case $op in
		0) inv-receive --wh "$from" --sku "$item" --qty "$qty" \
			--cost "$cost" >/dev/null 2>>"$work/err.$id"
		   echo "receive $?" ;;
		1) inv-issue --wh "$from" --sku "$item" --qty "$qty" \
			>/dev/null 2>>"$work/err.$id"
		   echo "issue $?" ;;
		2) inv-move --from "$from" --to "$to" --sku "$item" \
			--qty "$qty" >/dev/null 2>>"$work/err.$id"
		   echo "transfer $?" ;;
		3) printf '{"name":"lead %s %s %s"}\n' "$id" "$qty" "$pause" \
			>"$work/lead.$id"
		   crm-lead import "$work/lead.$id" >/dev/null \
			2>>"$work/err.$id"
		   echo "lead $?" ;;
		4) crm-assign >"$work/assign.$id" 2>>"$work/err.$id"
		   rc=$?
		   echo "assign $rc $(grep -c '"rep":"' "$work/assign.$id")" ;;
		5) ledger-post --memo "stress $id" 5100="$cost" 1000= \
			>/dev/null 2>>"$work/err.$id"
		   echo "post $?" ;;
		6) # "order CREATE CONFIRM SHIP": each step's status, - not run
		   oid=$(crm-order create --customer 1 --wh "$from" \
			--line "$item:$qty:$cost" --jq .id 2>>"$work/err.$id")
		   rc=$? c=- s=-
		   if [ "$rc" -eq 0 ]; then
			crm-order confirm "$oid" >/dev/null 2>>"$work/err.$id"
			c=$?
		   fi
		   if [ "$c" = 0 ]; then
			crm-order ship "$oid" >/dev/null 2>>"$work/err.$id"
			s=$?
		   fi
		   echo "order $rc $c $s" ;;
		esac
		sleep "0.0$((pause % 10))"
	done >"$work/log.$id"
}

i=1
while [ "$i" -le "$procs" ]; do
	worker "$i" &
	i=$((i + 1))
done
wait

cat "$work"/log.* >"$work/all"
total=$(wc -l <"$work/all")
[ "$total" -eq $((n * procs)) ] || fail "$total operations logged, $((n * procs)) run"
bad=$(awk '$2 != 0 && $2 != 1 ||
	$1 == "order" && ($3 !~ /^[-01]$/ || $4 !~ /^[-01]$/)' "$work/all" | head -n 3)
[ -z "$bad" ] || fail "exit statuses other than 0 and 1: $bad (see $work/err.*)"
biz-check >"$work/check" || fail "biz-check: $(cat "$work/check")"

# ok OP: how many OP operations committed.
ok() {
	awk -v op="$1" '$1 == op && $2 == 0' "$work/all" | wc -l
}
# events KIND [SOURCE]: how many events of KIND (and data.source).
events() {
	biz-events --kind "$1" >"$work/events" || fail "biz-events"
	if [ -n "${2:-}" ]; then
		grep -c "\"source\":\"$2\"" "$work/events"
	else
		grep -c "\"kind\":\"$1\"" "$work/events"
	fi
}
assigned=$(awk '$1 == "assign" && $2 == 0 { s += $3 } END { print s + 0 }' "$work/all")
confirmed=$(awk '$1 == "order" && $3 == "0"' "$work/all" | wc -l)
shipped=$(awk '$1 == "order" && $4 == "0"' "$work/all" | wc -l)
[ "$(events stock.received)" -eq "$(ok receive)" ] || fail "receipts and their events differ"
[ "$(events stock.issued)" -eq $(($(ok issue) + shipped)) ] || fail "issues and their events differ"
[ "$(events order.created)" -eq "$(ok order)" ] || fail "orders and their events differ"
[ "$(events order.confirmed)" -eq "$confirmed" ] || fail "confirmations and their events differ"
[ "$(events order.shipped)" -eq "$shipped" ] || fail "shipments and their events differ"
[ "$(events stock.transferred)" -eq $((2 * $(ok transfer))) ] || fail "transfers and their events differ"
[ "$(events lead.created)" -eq "$(ok lead)" ] || fail "lead imports and their events differ"
[ "$(events lead.assigned)" -eq "$assigned" ] || fail "assignments and their events differ"
[ "$(events ledger.posted manual)" -eq "$(ok post)" ] || fail "posts and their events differ"
refused=$(awk '$2 == 1' "$work/all" | wc -l)
echo "stress: $total operations in $procs processes, $((total - refused)) committed, $refused refused ($(ok order) orders: $confirmed confirmed, $shipped shipped); biz-check green, one event per change"
