#!/bin/sh
# make demo: a short end-to-end pipeline on a fresh demo database.
set -eu
cd "$(dirname "$0")/.."
PATH="$PWD/bin:$PATH"
demo=$(mktemp -d)
trap 'rm -rf "$demo"' EXIT
BIZ_DB="$demo/demo.db"
BIZ_NOW=2026-11-27T08:00:00Z
BIZ_FORMAT=table
export BIZ_DB BIZ_NOW BIZ_FORMAT

step() { printf '\n$ %s\n' "$*"; "$@"; }

step biz-init
step crm-rep add ann --name "Ann Archer" --region north --capacity 3
step crm-rep add bob --name "Bob Baker" --region south,east --weight 2
cat >"$demo/leads.csv" <<'CSV'
name,company,email,phone,source,region,campaign
Carla Diaz,Diaz Hardware,carla@diaz.example,555-0101,web,north,spring
Dev Patel,Patel Foods,dev@patel.example,555-0102,fair,south,spring
CARLA D.,,CARLA@diaz.example,,fair,north,
Eve Stone,Stone & Co,eve@stone.example,555-0103,web,east,summer
CSV
step crm-lead import "$demo/leads.csv" --jq '{id, name, email, op}'
step crm-lead list --where '.campaign == "spring"' --jq '{id, name, campaign}'
step crm-rep list --jq '{handle, name, regions, open_leads}'
for cmd in crm-assign inv-receive inv-issue inv-stock ledger-balance biz-check; do
	[ -x "bin/$cmd" ] || continue
	case $cmd in
	crm-assign) step crm-assign --jq '{lead, rep, rule, strategy, reason}' ;;
	inv-receive)
		step inv-item add BOLT-M6 --name "Bolt M6"
		step inv-receive --wh MAIN --sku BOLT-M6 --qty 100 --cost 0.25 --ref PO-1
		step inv-receive --wh MAIN --sku BOLT-M6 --qty 50 --cost 0.31 --ref PO-2 ;;
	inv-issue) step inv-issue --wh MAIN --sku BOLT-M6 --qty 120 --ref SO-1 ;;
	inv-stock) step inv-stock ;;
	ledger-balance) step ledger-balance ;;
	biz-check) step biz-check ;;
	esac
done
step biz-events --jq '{id, kind, entity, entity_id}'
