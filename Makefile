# refpy -- see README.md.  `make` builds ./refpy and build/librefpy.a.
CC ?= cc
# Release flags by default; `make debug` adds the refcount assertions.
OPT ?= -O2
CFLAGS_BASE = -std=c11 -D_GNU_SOURCE -DRP_BUILD_CORE -Iinclude -Isrc \
              -Wall -Wextra -Wno-unused-parameter -Wno-missing-field-initializers \
              -fvisibility=hidden -g
CFLAGS ?= $(OPT)
LDLIBS = -lm -lpthread
BUILD ?= build

SRCS := $(filter-out src/cli/%,$(wildcard src/*/*.c))
LIBPY := $(sort $(wildcard lib/*.py lib/*/*.py))
OBJS := $(SRCS:src/%.c=$(BUILD)/obj/%.o) $(BUILD)/obj/gen/frozen.o
CLI_OBJS := $(BUILD)/obj/cli/main.o
DEPS := $(OBJS:.o=.d) $(CLI_OBJS:.o=.d)

all: refpy

refpy: $(BUILD)/refpy
	cp $< $@

$(BUILD)/refpy: $(CLI_OBJS) $(BUILD)/librefpy.a
	$(CC) $(CFLAGS_BASE) $(CFLAGS) -o $@ $(CLI_OBJS) $(BUILD)/librefpy.a $(LDFLAGS) $(LDLIBS)

$(BUILD)/librefpy.a: $(OBJS)
	@rm -f $@
	ar rcs $@ $(OBJS)

$(BUILD)/obj/%.o: src/%.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_BASE) $(CFLAGS) -MMD -MP -c $< -o $@

# lib/*.py are embedded into the binary as frozen modules.
$(BUILD)/embed: tools/embed.c
	@mkdir -p $(dir $@)
	$(CC) -O1 -o $@ $<
# The list of lib files is a prerequisite too: a new file (whatever its
# mtime) or a removed one must regenerate frozen.c.
$(BUILD)/gen/libpy.list: FORCE
	@mkdir -p $(dir $@)
	@echo '$(LIBPY)' | cmp -s - $@ || echo '$(LIBPY)' > $@
$(BUILD)/gen/frozen.c: $(BUILD)/embed $(LIBPY) $(BUILD)/gen/libpy.list
	@mkdir -p $(dir $@)
	$(BUILD)/embed $@ $(LIBPY)
$(BUILD)/obj/gen/frozen.o: $(BUILD)/gen/frozen.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_BASE) $(CFLAGS) -c $< -o $@

# Compile only (every object file, no link): what each subsystem checks alone.
objs: $(OBJS) $(CLI_OBJS)

FORCE:

-include $(DEPS)

# ---- tests -----------------------------------------------------------------
UNIT_SRCS := $(wildcard tests/unit/*.c)
UNIT_BINS := $(UNIT_SRCS:tests/unit/%.c=$(BUILD)/unit/%)

$(BUILD)/unit/%: tests/unit/%.c $(BUILD)/librefpy.a
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_BASE) $(CFLAGS) -o $@ $< $(BUILD)/librefpy.a $(LDLIBS)

unit: $(UNIT_BINS)

test: refpy unit
	@sh tests/run.sh ./refpy $(BUILD)/unit

# Regenerate expected output with CPython 3.11 (never needed by `make test`).
expected:
	@sh tests/gen_expected.sh

# src/objects/unicodedb_data.h (1.3 MB of tables) is generated, not written:
# this reads the Unicode Character Database from CPython 3.11's unicodedata.
# The build uses the checked-in file and never needs CPython.
unicodedb:
	/usr/bin/python3 tools/gen_unicodedb.py > src/objects/unicodedb_data.h.tmp
	mv src/objects/unicodedb_data.h.tmp src/objects/unicodedb_data.h

demo: refpy
	./refpy examples/seed.py

# Debug build: refcount total, negative-count abort, GC invariants.
debug:
	$(MAKE) BUILD=build-debug OPT="-O0 -DRP_REF_DEBUG -DRP_GC_DEBUG" refpy-debug
refpy-debug: $(BUILD)/refpy
	cp $< $@

# AddressSanitizer + UndefinedBehaviorSanitizer over the whole suite.
SAN_FLAGS = -O1 -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined -DRP_REF_DEBUG -DRP_GC_DEBUG
# One sub-make builds the interpreter and the unit tests, so that two
# parallel sub-makes never generate the same build-asan files at once.
check:
	$(MAKE) BUILD=build-asan OPT="$(SAN_FLAGS)" LDFLAGS="-fsanitize=address,undefined" build-asan/refpy unit
	REFPY_MALLOC=malloc ASAN_OPTIONS=detect_leaks=1 sh tests/run.sh build-asan/refpy build-asan/unit

# ThreadSanitizer over the tests that start threads (or processes).
TSAN_FLAGS = -O1 -fsanitize=thread -fno-omit-frame-pointer
check-tsan:
	$(MAKE) BUILD=build-tsan OPT="$(TSAN_FLAGS)" LDFLAGS="-fsanitize=thread" build-tsan/refpy
	REFPY_MALLOC=malloc TSAN_OPTIONS="halt_on_error=1 die_after_fork=0" TESTS="$$(cd tests/py && ls thread_*.py mp_*.py 2>/dev/null | sed 's/\.py$$//' | tr '\n' ' ')" sh tests/run.sh build-tsan/refpy

# --fair-sched: valgrind runs one thread at a time; without fair scheduling
# a thread that spins can hold valgrind's lock long after the GIL passed on.
check-valgrind: refpy unit
	TEST_TIMEOUT=$${TEST_TIMEOUT:-600} REFPY_MALLOC=malloc RUNNER_WRAP="valgrind -q --fair-sched=yes --error-exitcode=99 --leak-check=full --show-leak-kinds=definite --errors-for-leak-kinds=definite" sh tests/run.sh ./refpy $(BUILD)/unit

bench: refpy
	@sh bench/run.sh ./refpy

clean:
	rm -rf build build-debug build-asan build-tsan refpy refpy-debug

.PHONY: FORCE all objs unit test expected unicodedb demo debug check check-tsan check-valgrind bench clean
