#!/bin/sh
# crm-lead convert: a new customer, an existing one (by email, by company
# name, named), converting twice (1, nothing written); statuses only move
# forward (backwards is refused with 1; lost reopens to new).
. "$(dirname "$0")/lib.sh"

test_expect_success 'setup: a rep and four assigned leads' '
	biz-init >/dev/null &&
	crm-rep add ann --name Ann >/dev/null &&
	crm-lead add --name "Jo Smith" --company "Acme Ltd" --email jo@acme.example --phone "555 0101" >/dev/null &&
	crm-lead add --name "Al Jones" --company "Beta" --email AL@beta.example >/dev/null &&
	crm-lead add --name "Cy Brown" --company "Acme Ltd" >/dev/null &&
	crm-lead add --name "Di Green" >/dev/null &&
	crm-assign >/dev/null
'

test_expect_success 'a new customer: created from the lead, a deal in the first stage owned by the lead'"'"'s owner' '
	crm-lead convert 1 --amount 1200.50 --close 2026-12-31 >out &&
	jq -r "[.lead.id, .lead.status, .customer.id, .customer.name, .customer.email, .customer.phone, .customer.contact, .customer.op, .deal.id, .deal.customer, .deal.title, .deal.amount, .deal.stage, .deal.owner, .deal.close, .deal.lead, .deal.op] | map(tostring) | join(\"|\")" out >got &&
	echo "1|converted|1|Acme Ltd|jo@acme.example|555 0101|Jo Smith|created|1|1|Acme Ltd|1200.5|new|ann|2026-12-31|1|created" >want &&
	test_cmp want got
'

test_expect_success 'converting a converted lead: 1, nothing written' '
	crm-customer list >before-c &&
	crm-deal list >before-d &&
	expect_exit 1 crm-lead convert 1 --amount 5 &&
	grep -q "lead 1 is already converted" err &&
	crm-customer list >after-c &&
	crm-deal list >after-d &&
	test_cmp before-c after-c &&
	test_cmp before-d after-d
'

test_expect_success 'an existing customer, found by the lead'"'"'s email (any case)' '
	crm-customer add --name "Beta GmbH" --email al@BETA.example >/dev/null &&
	crm-lead convert 2 --title "Beta trial" >out &&
	jq -r "[.customer.id, .customer.op, .deal.customer, .deal.title, .deal.amount] | map(tostring) | join(\" \")" out >got &&
	echo "2 unchanged 2 Beta trial 0" >want &&
	test_cmp want got
'

test_expect_success 'an existing customer, found by company name' '
	crm-lead convert 3 >out &&
	test "$(jq -r "[.customer.id, .deal.customer] | map(tostring) | join(\" \")" out)" = "1 1" &&
	test "$(crm-customer list | wc -l)" -eq 2
'

test_expect_success 'the customer named with --customer; a missing one is 65' '
	expect_exit 65 crm-lead convert 4 --customer 9 &&
	grep -q "no such customer 9" err &&
	test "$(crm-lead show 4 | jq -r .status)" = assigned &&
	crm-lead convert 4 --customer 2 >out &&
	test "$(jq -r .deal.customer out)" = 2
'

test_expect_success 'bad amount or missing lead: 65, nothing written' '
	crm-lead add --name "Ed White" >/dev/null &&
	expect_exit 65 crm-lead convert 5 --amount -3 &&
	expect_exit 65 crm-lead convert 5 --close tomorrow &&
	test "$(crm-lead show 5 | jq -r .status)" = new &&
	test "$(crm-customer list | wc -l)" -eq 2 &&
	expect_exit 65 crm-lead convert 99
'

test_expect_success 'events: lead.converted names the customer and the deal' '
	biz-events --kind lead.converted >ev &&
	test "$(wc -l <ev)" -eq 4 &&
	test "$(sed -n 1p ev | jq -c "[.data.customer, .data.deal]")" = "[1,1]"
'

test_expect_success 'statuses move forward: new -> contacted -> qualified' '
	crm-lead set 5 --status contacted >out &&
	test "$(jq -r .op out)" = updated &&
	crm-lead set 5 --status qualified >/dev/null &&
	crm-lead set 5 --status qualified >out &&
	test "$(jq -r .op out)" = unchanged
'

test_expect_code 1 'a backward move is refused' '
	crm-lead set 5 --status assigned
'

test_expect_success 'a refused move writes nothing; converted stays converted' '
	expect_exit 1 crm-lead set 5 --status new --name Edward &&
	grep -q "forward only" err &&
	test "$(crm-lead show 5 | jq -r "[.status, .name] | join(\" \")")" = "qualified Ed White" &&
	expect_exit 1 crm-lead set 1 --status qualified &&
	expect_exit 1 crm-lead set 1 --status lost
'

test_expect_success 'lost from anywhere; reopened only to new; a lost lead does not convert' '
	crm-lead set 5 --status lost >/dev/null &&
	expect_exit 1 crm-lead set 5 --status qualified &&
	expect_exit 1 crm-lead convert 5 &&
	grep -q "lost" err &&
	crm-lead set 5 --status new >out &&
	test "$(jq -r .status out)" = new &&
	crm-lead convert 5 >out &&
	test "$(jq -r .lead.status out)" = converted
'

test_done
