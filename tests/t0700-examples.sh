#!/bin/sh
# examples/: the crontab and the scripts it calls (import-leads.sh,
# aging-mail.sh, webhook.sh), each run against this test's database, with
# a fake mail(1) and curl(1) first on PATH that record what they were
# given, so no example rots.
. "$(dirname "$0")/lib.sh"
EX="$TOP/examples"
mkdir -p fakebin spool lib
# mail -s SUBJECT TO <BODY: records its arguments and the body.
cat >fakebin/mail <<\END
#!/bin/sh
printf '%s\n' "$@" >>"$FAKE_LOG/mail.args"
cat >>"$FAKE_LOG/mail.body"
END
# curl ...: records its arguments (one per line, a blank line after each
# call); fails (exit 22, as curl -f on a 500) once FAKE_CURL_FAIL_AFTER
# calls have succeeded.
cat >fakebin/curl <<\END
#!/bin/sh
n=$(cat "$FAKE_LOG/curl.n" 2>/dev/null || echo 0)
if [ -n "${FAKE_CURL_FAIL_AFTER-}" ] && [ "$n" -ge "$FAKE_CURL_FAIL_AFTER" ]; then
	echo "curl: (22) The requested URL returned error: 500" >&2
	exit 22
fi
echo $((n + 1)) >"$FAKE_LOG/curl.n"
{ printf '%s\n' "$@"; echo; } >>"$FAKE_LOG/curl.args"
END
chmod +x fakebin/mail fakebin/curl
FAKE_LOG=$SCRATCH
PATH="$SCRATCH/fakebin:$EX:$PATH"
export FAKE_LOG PATH

test_expect_success 'setup: a database, two reps, an item under its minimum' '
	biz-init >/dev/null &&
	crm-rep add ann --name Ann --region north >/dev/null &&
	crm-rep add bob --name Bob --region south >/dev/null &&
	inv-supplier add ACME --name "Acme" --lead-time 5 >/dev/null &&
	inv-item add BOLT --name Bolt --min 10 --max 50 --supplier ACME >/dev/null &&
	inv-receive --wh MAIN --sku BOLT --qty 4 --cost 1 >/dev/null
'

# import-leads.sh: good files imported, assigned and moved to done/, a
# bad one to failed/ (nothing of it written), a rerun does nothing.
test_expect_success 'import-leads.sh imports, assigns and moves files aside' '
	printf "name,email,region\nCarla,carla@x.example,north\nDev,dev@x.example,south\n" >spool/a.csv &&
	printf "name,email,region\nEve,eve@x.example,north\n" >spool/b.csv &&
	printf "name,email\n,nobody@x.example\n" >spool/bad.csv &&
	printf "name,email\nHal,hal@x.example\n" >spool/c.csv.tmp &&
	expect_exit 65 import-leads.sh "$SCRATCH/spool" &&
	ls spool/done/*-a.csv spool/done/*-b.csv spool/failed/*-bad.csv &&
	test -f spool/c.csv.tmp &&
	! ls spool/*.csv &&
	# 3 leads: Carla, Dev, Eve; none of bad.csv; all assigned.
	crm-lead list -f jsonl >leads &&
	test $(wc -l <leads) = 3 &&
	test $(jq -r "select(.owner == null) | .id" leads | wc -l) = 0 &&
	test $(grep -c nobody leads) = 0
'

test_expect_success 'import-leads.sh on an empty drop folder does nothing' '
	expect_exit 0 import-leads.sh "$SCRATCH/spool" &&
	test $(crm-lead list -f jsonl | wc -l) = 3
'

test_expect_code 66 'import-leads.sh without its folder is exit 66' \
	'import-leads.sh "$SCRATCH/nosuch"'

# aging-mail.sh: nothing open (the receipt has no bill: no AP aging, no
# invoice: no AR aging) means no mail.
test_expect_success 'aging-mail.sh mails nothing when nothing is open' '
	expect_exit 0 aging-mail.sh acc@example.com &&
	test ! -e mail.args
'

# An order of 2 bolts at 10.00, no tax, shipped and invoiced: 20.00 open.
test_expect_success 'aging-mail.sh mails the aging when an invoice is open' '
	crm-customer add --name "Diaz Hardware" >/dev/null &&
	crm-order create --customer 1 --line BOLT:2:10 >/dev/null &&
	crm-order confirm 1 >/dev/null && crm-order ship 1 >/dev/null &&
	crm-order invoice 1 >/dev/null &&
	expect_exit 0 aging-mail.sh acc@example.com &&
	grep -qx -- -s mail.args && grep -qx acc@example.com mail.args &&
	grep -q "^Receivables" mail.body && ! grep -q "^Payables" mail.body &&
	grep -q "Diaz Hardware.*20\\.00" mail.body
'

# webhook.sh: every event posted once, in order; a failing receiver keeps
# the rest for the next run.
test_expect_success 'webhook.sh posts every event once, in order' '
	biz-events -f jsonl >events &&
	expect_exit 0 webhook.sh https://hook.example/x "$SCRATCH/lib/hook" &&
	test $(cat curl.n) = $(wc -l <events) &&
	grep -c "^https://hook.example/x\$" curl.args >n &&
	test $(cat n) = $(wc -l <events) &&
	grep "^{" curl.args >posted &&
	test_cmp events posted &&
	grep -q "^Content-Type: application/json\$" curl.args &&
	expect_exit 0 webhook.sh https://hook.example/x "$SCRATCH/lib/hook" &&
	test $(cat curl.n) = $(wc -l <events)
'

# Two new events (a rep added, then set); the receiver takes one and then
# fails: one left pending (exit 75), posted on the next run.
test_expect_success 'webhook.sh keeps what the receiver refused' '
	rm -f curl.args curl.n &&
	crm-rep add cy --name Cy >/dev/null && crm-rep set cy --capacity 5 >/dev/null &&
	FAKE_CURL_FAIL_AFTER=1 &&
	export FAKE_CURL_FAIL_AFTER &&
	expect_exit 75 webhook.sh https://hook.example/x "$SCRATCH/lib/hook" &&
	test $(cat curl.n) = 1 && grep -q "rep.created" curl.args &&
	test $(wc -l <lib/hook.pending) = 1 &&
	unset FAKE_CURL_FAIL_AFTER &&
	expect_exit 0 webhook.sh https://hook.example/x "$SCRATCH/lib/hook" &&
	test $(cat curl.n) = 2 && grep -q "rep.updated" curl.args &&
	test ! -s lib/hook.pending
'

# The crontab itself: each of its lines, with the paths moved into this
# test's folder, runs and exits 0.  BOLT: 2 on hand (4 in, 2 shipped),
# min 10, max 50: the reorder line requests 50 - 2 = 48 from ACME.
test_expect_success 'every line of examples/crontab runs' '
	printf "name,email\nIvy,ivy@x.example\n" >spool/d.csv &&
	grep -v "^#" "$EX/crontab" | grep -v "^[A-Z_]*=" | grep . |
	cut -d" " -f6- |
	sed "s|/var/spool/bizutils/leads|$SCRATCH/spool|; s|/var/lib/bizutils|$SCRATCH/lib|" >cron.cmds &&
	test $(wc -l <cron.cmds) = 4 &&
	while IFS= read -r line; do
		sh -c "$line" >cron.out 2>&1 || { echo "$line"; cat cron.out; exit 1; }
	done <cron.cmds &&
	ls spool/done/*-d.csv &&
	inv-purchase list -f jsonl >po &&
	jqe po 1 ".status == \"requested\" or .status == \"draft\"" &&
	grep -q "\"qty\":48" po
'

test_done
