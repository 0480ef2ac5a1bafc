#!/bin/sh
# make install: commands, man pages and completions under DESTDIR/PREFIX.
. "$(dirname "$0")/lib.sh"

test_expect_success 'make install puts every piece under DESTDIR and PREFIX' '
	make -s -C "$TOP" install DESTDIR="$SCRATCH/root" PREFIX=/opt/biz \
		>/dev/null &&
	for cmd in "$TOP"/bin/*; do
		name=$(basename "$cmd") &&
		test -x "root/opt/biz/bin/$name" &&
		test -f "root/opt/biz/share/man/man1/$name.1" &&
		test -f "root/opt/biz/share/bash-completion/completions/$name" &&
		test -f "root/opt/biz/share/zsh/site-functions/_$name" &&
		test -f "root/opt/biz/share/fish/vendor_completions.d/$name.fish" ||
		{ echo "missing a piece of $name"; exit 1; }
	done
'

test_expect_success 'the installed commands are links to one program' '
	for cmd in $(bizutils --list); do
		test root/opt/biz/bin/$cmd -ef root/opt/biz/bin/bizutils ||
		{ echo "$cmd is a copy"; exit 1; }
	done
'

test_expect_success 'an installed command runs' '
	root/opt/biz/bin/biz-init --db "$SCRATCH/i.db" >out &&
	test "$(field out 1 op)" = created
'

test_done
