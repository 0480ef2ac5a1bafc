# bizutils - plain make: `make`, `make check`, `make install`, `make demo`.
# DEVELOPER=1 adds -Werror and stricter warnings;
# SANITIZE=address,undefined builds with those sanitizers.

PREFIX ?= /usr/local
BINDIR ?= $(PREFIX)/bin
MANDIR ?= $(PREFIX)/share/man
BASHCOMPDIR ?= $(PREFIX)/share/bash-completion/completions
ZSHCOMPDIR ?= $(PREFIX)/share/zsh/site-functions
FISHCOMPDIR ?= $(PREFIX)/share/fish/vendor_completions.d

CC ?= cc
# The library, one folder per part: core (what every domain stands on),
# the domains, admin (what spans them: set-up and the invariants) and cli
# (what the commands share).  src/cmd holds one file per command.
LIB_DIRS := src/core src/crm src/stock src/books src/sales src/purchase \
	src/mfg src/service src/admin src/cli
LIB_DIRS := $(wildcard $(LIB_DIRS))
CFLAGS ?= -O2 -g
BIZ_CFLAGS = -std=c11 -D_POSIX_C_SOURCE=200809L -Wall -Wextra \
	$(addprefix -I,$(LIB_DIRS)) -MMD -MP
ifeq ($(DEVELOPER),1)
BIZ_CFLAGS += -Werror -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
	-Wno-missing-field-initializers
endif
ifneq ($(SANITIZE),)
BIZ_CFLAGS += -fsanitize=$(SANITIZE) -fno-omit-frame-pointer
LDFLAGS += -fsanitize=$(SANITIZE)
endif
# libjq and libcsv ship no pkg-config file on Debian 12.  SQLite and
# libcsv are linked in statically (Debian's libsqlite3-dev and libcsv-dev
# ship the archives): the dynamic linking of libsqlite3 cost each run of a
# command 0.4 to 0.9 ms (bench/README.md).  libjq ships no archive.
LIBS = -Wl,-Bstatic -lsqlite3 -lcsv -Wl,-Bdynamic -ljq -lm

LIB_SRC := $(sort $(wildcard $(addsuffix /*.c,$(LIB_DIRS))))
LIB_OBJ := $(LIB_SRC:.c=.o)
CMD_SRC := $(sort $(wildcard src/cmd/*.c))
CMD_OBJ := $(CMD_SRC:.c=.o)
# The commands are one program, bin/bizutils, and links to it by the
# names of the others (src/cmd/commands.h).
COMMANDS := $(patsubst src/cmd/%.c,bin/%,$(CMD_SRC))
LINKS := $(filter-out bin/bizutils,$(COMMANDS))
UNIT_SRC := $(sort $(wildcard tests/unit/*.c))
UNIT_BIN := $(UNIT_SRC:.c=)

all: $(COMMANDS)

# Made anew: ar would keep the member of a source file since removed.
src/libbiz.a: $(LIB_OBJ)
	rm -f $@
	$(AR) rcs $@ $^

src/%.o: src/%.c
	$(CC) $(BIZ_CFLAGS) $(CFLAGS) -c -o $@ $<

bin/bizutils: $(CMD_OBJ) src/libbiz.a
	@mkdir -p bin
	$(CC) $(LDFLAGS) -o $@ $(CMD_OBJ) src/libbiz.a $(LIBS)

$(LINKS): bin/bizutils
	ln -f bin/bizutils $@

# bench/inv-bench.sh's floor: what any command that writes costs.
bench/write-floor: bench/write-floor.c src/libbiz.a
	$(CC) $(BIZ_CFLAGS) $(CFLAGS) $(LDFLAGS) -o $@ $< src/libbiz.a $(LIBS)

tests/unit/%: tests/unit/%.c src/libbiz.a
	$(CC) $(BIZ_CFLAGS) $(CFLAGS) $(LDFLAGS) -o $@ $< src/libbiz.a $(LIBS)

# Fuzzing (tests/fuzz/README.md): `make fuzz` builds one libFuzzer
# binary per target with clang; `make check` replays the seed corpora
# through tests/fuzz/replay.c, built with $(CC).
FUZZ_TARGETS := reader decimal posting date predicate
FUZZ_CC ?= clang-14
FUZZ_SAN = -fsanitize=address,undefined -fno-sanitize-recover=undefined
FUZZ_LIB_OBJ := $(LIB_SRC:%.c=tests/fuzz/obj/%.o)
FUZZ_BIN := $(FUZZ_TARGETS:%=tests/fuzz/fuzz-%)
REPLAY_BIN := $(FUZZ_TARGETS:%=tests/fuzz/replay-%)

fuzz: $(FUZZ_BIN)

tests/fuzz/obj/%.o: %.c
	@mkdir -p $(dir $@)
	$(FUZZ_CC) $(BIZ_CFLAGS) -g -O1 -fsanitize=fuzzer-no-link $(FUZZ_SAN) \
		-c -o $@ $<

tests/fuzz/fuzz-%: tests/fuzz/%.c tests/fuzz/fuzz.h $(FUZZ_LIB_OBJ)
	$(FUZZ_CC) $(BIZ_CFLAGS) -Itests/fuzz -g -O1 -fsanitize=fuzzer \
		$(FUZZ_SAN) -o $@ $< $(FUZZ_LIB_OBJ) $(LIBS)

tests/fuzz/replay-%: tests/fuzz/%.c tests/fuzz/replay.c tests/fuzz/fuzz.h \
		src/libbiz.a
	$(CC) $(BIZ_CFLAGS) $(CFLAGS) -Itests/fuzz $(LDFLAGS) -o $@ $< \
		tests/fuzz/replay.c src/libbiz.a $(LIBS)

check: all $(UNIT_BIN) $(REPLAY_BIN)
	@sh tests/run.sh

# tests/stress.sh at length: 4 processes x STRESS_N mixed writes.
STRESS_N ?= 2000
check-stress: all
	@rm -rf tests/scratch/stress && mkdir -p tests/scratch/stress && \
	cd tests/scratch/stress && PATH="$(CURDIR)/bin:$$PATH" \
		BIZ_DB="$(CURDIR)/tests/scratch/stress/biz.db" \
		BIZ_NOW=2026-11-27T08:00:00Z BIZ_ACTOR=stress \
		STRESS_DIR="$(CURDIR)/tests/scratch/stress/work" \
		sh "$(CURDIR)/tests/stress.sh" $(STRESS_N) 4

demo: all
	@sh examples/demo.sh

install: all
	mkdir -p $(DESTDIR)$(BINDIR) $(DESTDIR)$(MANDIR)/man1 \
		$(DESTDIR)$(BASHCOMPDIR) $(DESTDIR)$(ZSHCOMPDIR) \
		$(DESTDIR)$(FISHCOMPDIR)
	cp bin/bizutils $(DESTDIR)$(BINDIR)/
	for cmd in $(LINKS:bin/%=%); do \
		ln -f $(DESTDIR)$(BINDIR)/bizutils $(DESTDIR)$(BINDIR)/$$cmd; \
	done
	cp man/man1/*.1 $(DESTDIR)$(MANDIR)/man1/
	cp completions/bash/* $(DESTDIR)$(BASHCOMPDIR)/
	cp completions/zsh/_* $(DESTDIR)$(ZSHCOMPDIR)/
	cp completions/fish/*.fish $(DESTDIR)$(FISHCOMPDIR)/

clean:
	rm -f $(LIB_OBJ) $(CMD_OBJ) $(LIB_OBJ:.o=.d) $(CMD_OBJ:.o=.d) \
		src/libbiz.a $(COMMANDS) $(UNIT_BIN) $(UNIT_BIN:=.d) \
		bench/write-floor bench/write-floor.d
	rm -rf tests/scratch tests/fuzz/obj
	rm -f $(FUZZ_BIN) $(REPLAY_BIN) $(REPLAY_BIN:=.d) $(FUZZ_BIN:=.d)

-include $(LIB_OBJ:.o=.d) $(CMD_OBJ:.o=.d) $(UNIT_BIN:=.d) $(REPLAY_BIN:=.d)

.PHONY: all check check-stress demo install clean fuzz
.SECONDARY:
