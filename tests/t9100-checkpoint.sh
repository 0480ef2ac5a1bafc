#!/bin/sh
# The WAL and its checkpoints (db.c, WAL_CHECKPOINT_SIZE = 1 MiB): a
# short command leaves its commit in the WAL, synced, for the next
# command to read; a command that closes the database with the WAL at
# 1 MiB or more moves it into the database file and empties it, unless a
# reader is behind; biz-init always does.
. "$(dirname "$0")/lib.sh"

wal_size() {
	if [ -f "$BIZ_DB-wal" ]; then wc -c <"$BIZ_DB-wal"; else echo 0; fi
}

test_expect_success 'biz-init leaves the new database in one file' '
	biz-init >/dev/null &&
	test "$(wal_size)" -eq 0 &&
	cp "$BIZ_DB" copy.db &&
	biz-init --db copy.db >out &&
	test "$(field out 1 op)" = unchanged
'

test_expect_success 'a one-line receipt stays in the WAL, and is read back' '
	inv-item add BOLT --name Bolt >/dev/null &&
	inv-receive --wh MAIN --sku BOLT --qty 7 --cost 0.10 >/dev/null &&
	test "$(wal_size)" -gt 0 &&
	inv-stock --sku BOLT >stock &&
	test "$(field stock 1 on_hand)" = 7
'

# 6,000 lines write far more than 1 MiB (each line a move, a layer, an
# event); on hand 7 + 6,000 = 6,007.
test_expect_success 'a batch past 1 MiB of WAL leaves it empty' '
	awk "BEGIN { print \"sku,qty,cost\"; for (i = 0; i < 6000; i++)
		print \"BOLT,1,0.10\" }" >batch.csv &&
	inv-receive --wh MAIN batch.csv >/dev/null &&
	test "$(wal_size)" -eq 0 &&
	inv-stock --sku BOLT >stock &&
	test "$(field stock 1 on_hand)" = 6007
'

# A reader inside a transaction (the sqlite3 shell, fed through a fifo)
# holds the WAL: the batch's close gives up on the checkpoint at once and
# keeps the WAL; once the reader has finished, the next command to close
# the database, here one that only reads, empties it.
test_expect_success 'a reader behind: a later command does the checkpoint' '
	mkfifo to-reader || exit 1
	sqlite3 "$BIZ_DB" <to-reader >reader.out &
	reader=$!
	exec 3>to-reader &&
	echo "BEGIN; SELECT count(*) FROM move;" >&3 &&
	for i in 1 2 3 4 5 6 7 8 9 10; do
		test -s reader.out && break; sleep 0.2
	done &&
	test -s reader.out &&
	inv-receive --wh MAIN batch.csv >/dev/null &&
	test "$(wal_size)" -gt 0 &&
	echo "COMMIT; SELECT '"'"'done'"'"';" >&3 &&
	for i in 1 2 3 4 5 6 7 8 9 10; do
		grep -q done reader.out && break; sleep 0.2
	done &&
	grep -q done reader.out &&
	inv-stock --sku BOLT >stock &&
	test "$(wal_size)" -eq 0 &&
	exec 3>&- && wait $reader &&
	test "$(field stock 1 on_hand)" = 12007
'

test_done
