# Two commands: `make run` and `make test` (see README.md).
BUILD      ?= build
ASAN_BUILD ?= build-asan
FUZZ_BUILD ?= build-fuzz
FUZZ_SECONDS ?= 600
DEMO       ?= $(BUILD)/demo.lectern
XVFB        = dbus-run-session -- xvfb-run -a -s "-screen 0 1280x800x24 -nolisten tcp"

.PHONY: run test deps build build-asan build-fuzz fuzz screenshots bench clean

deps:
	@build-aux/ensure-deps.sh

$(BUILD)/build.ninja:
	meson setup $(BUILD) -Dwerror=true

$(ASAN_BUILD)/build.ninja:
	meson setup $(ASAN_BUILD) -Dwerror=true -Db_sanitize=address,undefined -Db_lundef=false -Dbuildtype=debug

# The libFuzzer targets, with clang, AddressSanitizer and UBSan: only
# what they read is built (see tests/fuzz/).
$(FUZZ_BUILD)/build.ninja:
	CC=clang meson setup $(FUZZ_BUILD) -Dfuzzing=true -Db_sanitize=address,undefined -Db_lundef=false -Dbuildtype=debug

build-fuzz: deps $(FUZZ_BUILD)/build.ninja
	ninja -C $(FUZZ_BUILD) tests/fuzz/fuzz-front-matter tests/fuzz/fuzz-schedule

# A longer run of the fuzz targets: make fuzz FUZZ_SECONDS=3600
fuzz: build-fuzz
	LECTERN_FUZZ_SECONDS=$(FUZZ_SECONDS) meson test -C $(FUZZ_BUILD) --no-rebuild --suite fuzz --print-errorlogs

build: deps $(BUILD)/build.ninja
	ninja -C $(BUILD)

build-asan: deps $(ASAN_BUILD)/build.ninja
	ninja -C $(ASAN_BUILD)

# Opens the app on the built-in demo workshop (ES-FoMo 2023), or on FILE=…
run: build
	@test -f $(DEMO) || $(BUILD)/src/lectern demo $(DEMO)
	GSETTINGS_SCHEMA_DIR=$(BUILD)/data $(BUILD)/src/lectern $(if $(FILE),$(FILE),$(DEMO))

# The whole suite, then again built with AddressSanitizer and UBSan (leak
# checks on), under Xvfb and a private D-Bus session. A GUI test that
# cannot open a display fails; it is never skipped. Then a short run of
# each fuzz target (20 s).
test: build build-asan build-fuzz
	@rm -f $(BUILD)/meson-logs/testlog.json $(ASAN_BUILD)/meson-logs/testlog-asan.json \
	  $(FUZZ_BUILD)/meson-logs/testlog-fuzz.json
	-@LECTERN_REQUIRE_DISPLAY=1 LECTERN_REQUIRE_RUBY=1 LECTERN_REQUIRE_JEKYLL=1 \
	  $(XVFB) meson test -C $(BUILD) --print-errorlogs --num-processes 2
	-@LECTERN_REQUIRE_DISPLAY=1 LECTERN_REQUIRE_RUBY=1 LECTERN_REQUIRE_JEKYLL=1 \
	  $(XVFB) meson test -C $(ASAN_BUILD) --setup asan --print-errorlogs --num-processes 1
	-@meson test -C $(FUZZ_BUILD) --no-rebuild --suite fuzz --print-errorlogs --logbase testlog-fuzz
	@python3 build-aux/test-summary.py $(BUILD)/meson-logs/testlog.json $(ASAN_BUILD)/meson-logs/testlog-asan.json \
	  $(FUZZ_BUILD)/meson-logs/testlog-fuzz.json

screenshots: build
	$(XVFB) bash tests/screenshots.sh

# Benchmarks are timed on an optimized build of their own.
BENCH_BUILD ?= build-bench

$(BENCH_BUILD)/build.ninja:
	meson setup $(BENCH_BUILD) -Dwerror=true -Dbuildtype=release

bench: deps $(BENCH_BUILD)/build.ninja
	ninja -C $(BENCH_BUILD) tests/bench/bench-export tests/bench/bench-schedule tests/bench/bench-publish tests/bench/bench-timeline tests/bench/bench-import tests/bench/bench-program
	$(BENCH_BUILD)/tests/bench/bench-export
	$(BENCH_BUILD)/tests/bench/bench-schedule
	$(BENCH_BUILD)/tests/bench/bench-publish
	$(BENCH_BUILD)/tests/bench/bench-import
	$(BENCH_BUILD)/tests/bench/bench-program
	GSK_RENDERER=cairo $(XVFB) $(BENCH_BUILD)/tests/bench/bench-timeline

clean:
	rm -rf $(BUILD) $(ASAN_BUILD) $(BENCH_BUILD)
