#!/bin/sh
# tests/fuzz/run.sh SECONDS [TARGET...] - runs each libFuzzer target
# (make fuzz) for SECONDS, one after the other, in one process each
# (no -jobs/-workers: the machine is shared).  The corpus grows in
# tests/fuzz/work/TARGET, seeded from tests/fuzz/corpus/TARGET; a crash
# is left as tests/fuzz/work/crash-TARGET-*.  Prints one line per target:
# executions, corpus size, crashes.
cd "$(dirname "$0")" || exit 1
seconds=${1:-60}
shift
targets=${*:-reader decimal posting date predicate}
mkdir -p work
for t in $targets; do
	mkdir -p "work/$t"
	# libjq 1.6's jv_parser_next leaks a token's string on some
	# malformed JSON (its stack cannot be told from ours cheaply): the
	# reader runs without the leak check, ASan's other checks stay.
	leaks=1
	[ "$t" = reader ] && leaks=0
	ASAN_OPTIONS=detect_leaks=$leaks ./fuzz-"$t" -max_total_time="$seconds" -max_len=4096 \
		-detect_leaks=$leaks \
		-timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
		-artifact_prefix="work/crash-$t-" "work/$t" "corpus/$t" \
		>"work/$t.log" 2>&1
	runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "work/$t.log")
	crashes=$(ls work/crash-"$t"-* 2>/dev/null | wc -l)
	echo "$t: $runs executions in ${seconds}s, corpus $(ls "work/$t" | wc -l), $crashes crashes"
done
