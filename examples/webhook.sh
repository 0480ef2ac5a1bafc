#!/bin/sh
# examples/webhook.sh URL STATE: POSTs every new event of the event log
# to URL as JSON, one request per event, in order; for cron every minute
# (examples/crontab).
#
# biz-events --cursor-file STATE.cursor appends the events after the last
# run to STATE.pending (the cursor moves only once they are written
# there), and the events are posted from that file; an event leaves it
# only once curl has had a 2xx answer.  So a failed POST, or a run killed
# midway, keeps the rest for the next run: every event is posted at least
# once, in order (a receiver dedups on the event's "id").  Exit 75 when
# some are still waiting.  flock(1) keeps overlapping runs out.
set -u
url=${1:?usage: webhook.sh URL STATE}
state=${2:?usage: webhook.sh URL STATE}
exec 9>"$state.lock"
flock -n 9 || exit 0
pending="$state.pending"
biz-events -f jsonl --cursor-file "$state.cursor" >>"$pending" || exit $?
sent=0
while IFS= read -r event; do
	curl -fsS --max-time 20 -X POST -H 'Content-Type: application/json' \
		--data-binary "$event" "$url" >/dev/null || break
	sent=$((sent + 1))
done <"$pending"
left=$(($(wc -l <"$pending") - sent))
tail -n "+$((sent + 1))" "$pending" >"$pending.tmp" && mv "$pending.tmp" "$pending"
[ "$left" -eq 0 ] || { echo "webhook.sh: $left events waiting for $url" >&2; exit 75; }
