#!/bin/sh
# crm-ticket open --ref and open FILE: a job that opens tickets from a
# mailbox can be rerun.  The same request under a ref prints the ticket
# with "op":"unchanged" (exit 0), another is refused (1) naming what
# differs; a batch is one transaction whose bad line is named.
. "$(dirname "$0")/lib.sh"

count_tickets() {
	crm-ticket list >list.out && wc -l <list.out
}

test_expect_success 'set up' '
	biz-init >/dev/null &&
	crm-rep add ann --name Ann >/dev/null &&
	crm-customer add --name Acme >/dev/null &&
	crm-customer add --name Bolt >/dev/null
'

test_expect_success 'open with a ref: the ref is on the record' '
	crm-ticket open --customer 1 --subject "Printer jam" --ref MSG-1 \
		--set tier=gold >out &&
	jqe out 1 ".id == 1 and .ref == \"MSG-1\" and .op == \"created\" and
		.tier == \"gold\""
'

test_expect_success 'the same request again: unchanged, no new ticket or event' '
	biz-events >before &&
	expect_exit 0 crm-ticket open --customer 1 --subject "Printer jam" \
		--ref MSG-1 --set tier=gold &&
	jqe out 1 ".id == 1 and .op == \"unchanged\"" &&
	biz-events >after && test_cmp before after &&
	test "$(count_tickets)" -eq 1
'

test_expect_success 'the ref asked otherwise: refused, naming what differs' '
	expect_exit 1 crm-ticket open --customer 1 --subject "Printer fire" \
		--ref MSG-1 --set tier=gold &&
	test ! -s out &&
	grep -q "ref .MSG-1. is ticket 1 with subject .Printer jam., not .Printer fire." err &&
	expect_exit 1 crm-ticket open --customer 2 --subject "Printer jam" \
		--ref MSG-1 --set tier=gold &&
	grep -q "with customer .1., not .2." err &&
	expect_exit 1 crm-ticket open --customer 1 --subject "Printer jam" \
		--ref MSG-1 &&
	grep -q "with extra" err &&
	test "$(count_tickets)" -eq 1
'

# A later change to the ticket is not a change of the request: a rerun
# of the job after the ticket was assigned is still unchanged.
test_expect_success 'a rerun after the ticket moved on is still unchanged' '
	crm-ticket assign 1 ann >/dev/null &&
	expect_exit 0 crm-ticket open --customer 1 --subject "Printer jam" \
		--ref MSG-1 --set tier=gold &&
	jqe out 1 ".op == \"unchanged\" and .owner == \"ann\""
'

test_expect_success 'a batch: one ticket a line, refs per line' '
	printf "customer,subject,priority,ref,tier\n2,No power,urgent,MSG-2,\n1,Toner,low,MSG-3,silver\n" >mail.csv &&
	expect_exit 0 crm-ticket open mail.csv &&
	test $(wc -l <out) -eq 2 &&
	grep -c "column .tier. is a custom field" err >n && test "$(cat n)" -eq 1 &&
	jqe out 1 ".id == 2 and .customer == 2 and .priority == \"urgent\" and
		.ref == \"MSG-2\" and .op == \"created\"" &&
	jqe out 2 ".id == 3 and .tier == \"silver\" and .ref == \"MSG-3\"" &&
	expect_exit 0 crm-ticket open mail.csv &&
	test $(jq -s "map(select(.op == \"unchanged\")) | length" out) -eq 2 &&
	test "$(count_tickets)" -eq 3
'

test_expect_success 'a bad line writes nothing and is named' '
	printf "customer,subject,priority,ref\n2,Fan noise,low,MSG-4\n2,Fan noise,bogus,MSG-5\n" >bad.csv &&
	expect_exit 65 crm-ticket open bad.csv &&
	grep -q "bad.csv:3: priority .bogus." err &&
	printf "customer,subject,ref\n9,Ghost,MSG-6\n" >ghost.csv &&
	expect_exit 65 crm-ticket open ghost.csv &&
	grep -q "ghost.csv:2:" err &&
	printf "customer,subject,ref\n2,Fan noise,MSG-1\n" >clash.csv &&
	expect_exit 1 crm-ticket open clash.csv &&
	grep -q "ref .MSG-1. is ticket 1" err &&
	test "$(count_tickets)" -eq 3
'

test_expect_success 'a FILE with the options of one ticket: 64' '
	expect_exit 64 crm-ticket open --priority high mail.csv &&
	expect_exit 64 crm-ticket open --subject x
'

test_done
