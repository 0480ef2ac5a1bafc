#!/bin/sh
# A value outside an option's closed set is usage (64) whether or not the
# database is there: options are checked before the database is opened,
# so a missing one (69) does not hide the mistake.  The same command with
# a good value does reach the database, and exits 69.
. "$(dirname "$0")/lib.sh"

nodb="$SCRATCH/none/x.db"

# each line: a bad value, then the good one in its place
cat >cases <<\EOF_CASES
crm-forecast --by bogus|crm-forecast --by rep
crm-lead list --status bogus|crm-lead list --status new
crm-lead set 1 --status bogus|crm-lead set 1 --status lost
crm-log add --kind bogus --rep ann --lead 1|crm-log add --kind call --rep ann --lead 1
crm-order list --status bogus|crm-order list --status paid
inv-purchase list --status bogus|inv-purchase list --status paid
inv-item add X --name N --tracking bogus|inv-item add X --name N --tracking lot
inv-item add X --name N --costing bogus|inv-item add X --name N --costing avco
ledger-account add 1 --name N --type bogus|ledger-account add 1 --name N --type asset
ledger-account list --type bogus|ledger-account list --type income
ledger-balance --type bogus|ledger-balance --type pl
ledger-export --format bogus|ledger-export --format beancount
crm-ticket list --status bogus|crm-ticket list --status open
crm-ticket list --priority bogus|crm-ticket list --priority high
crm-ticket stats --by bogus|crm-ticket stats --by day
crm-assign --strategy bogus|crm-assign --strategy weighted
inv-issue --wh W --sku S --qty 1 --reason bogus|inv-issue --wh W --sku S --qty 1 --reason scrap
biz-events --since bogus%|biz-events --since 2026-11
inv-build --sku S --qty x --wh W|inv-build --sku S --qty 1 --wh W
biz-export --format xml|biz-export --format csv
inv-stock --errors xml|inv-stock --errors json
EOF_CASES

while IFS='|' read -r bad good; do
	test_expect_success "bad value, no database: 64 ($bad)" "
		expect_exit 64 $bad --db '$nodb' &&
		grep -q 'bogus\\|xml\\|.x.' err &&
		expect_exit 69 $good --db '$nodb'
	"
done <cases

test_expect_success 'with --errors json: the one JSON line, status 64' '
	expect_exit 64 crm-forecast --by bogus --db "$nodb" --errors json &&
	test "$(wc -l <err)" -eq 1 &&
	jqe err 1 ".status == 64 and .prog == \"crm-forecast\" and
		.message == \"--by: '"'bogus'"' is not one of month, rep, stage\""
'

# A missing operand or required option is usage too: the database opens
# at its first use, after the command checked them (it opened at the end
# of the options, so these were 69 without a database).
cat >missing <<\EOF_MISSING
crm-lead show|crm-lead show 1
crm-order show|crm-order show 1
inv-build --sku S --wh W|inv-build --sku S --qty 1 --wh W
ledger-post|ledger-post --memo m 1000=1 3000
ledger-register|ledger-register 1000
inv-count record|inv-count record 1
inv-issue --wh W|inv-issue --wh W --sku S --qty 1
crm-ticket targets set|crm-ticket targets set high
inv-purchase approve|inv-purchase approve 1
crm-deal move 1|crm-deal move 1 won
EOF_MISSING

while IFS='|' read -r bad good; do
	test_expect_success "missing operand or option, no database: 64 ($bad)" "
		expect_exit 64 $bad --db '$nodb' &&
		expect_exit 69 $good --db '$nodb'
	"
done <missing

test_done
