# Fuzz targets (libFuzzer + ASan + UBSan, Debian's clang), included from the top Makefile.
# Each target compiles only the sources it needs, listed here, into $(FUZZ_BUILD_DIR). The
# whole build runs under the shared build lock (the machine's cores are shared), taken once
# so that the targets' dozen compiles do not queue for it one by one.
#   make fuzz                    build, then run each target FUZZ_SECONDS on its corpus
#   make fuzz FUZZ_SECONDS=300   a longer run; make fuzz-build only builds

FUZZ_BUILD_DIR ?= build-fuzz
FUZZ_SECONDS ?= 20
FUZZ_CXX ?= clang++
FUZZ_LOCK ?= flock /tmp/gz-build.lock
FUZZ_JOBS ?= 2
FUZZ_SANITIZERS := -fsanitize=address,undefined -fno-sanitize-recover=undefined
FUZZ_CXXFLAGS := -std=c++20 -g -O1 -fno-omit-frame-pointer $(FUZZ_SANITIZERS) -Isrc \
  -DBOOST_ASIO_NO_DEPRECATED -DBOOST_BEAST_USE_STD_STRING_VIEW -Wall -Wno-unused-parameter

FUZZ_TARGETS := json_io csv pabulib router
FUZZ_SOURCES_json_io := fuzz/json_io_fuzz.cpp src/http/json_io.cpp src/http/message.cpp \
  src/http/schema_trace.cpp \
  src/core/text.cpp src/core/clock.cpp
FUZZ_LIBS_json_io := -lboost_json
FUZZ_SOURCES_csv := fuzz/csv_fuzz.cpp src/modules/registry/csv.cpp src/core/text.cpp
FUZZ_SOURCES_pabulib := fuzz/pabulib_fuzz.cpp src/modules/pb/pabulib.cpp
FUZZ_SOURCES_router := fuzz/router_fuzz.cpp src/http/router.cpp src/http/message.cpp \
  src/http/json_io.cpp src/http/schema_trace.cpp src/core/text.cpp src/core/clock.cpp
FUZZ_LIBS_router := -lboost_url -lboost_json

FUZZ_BINARIES := $(FUZZ_TARGETS:%=$(FUZZ_BUILD_DIR)/%_fuzz)
fuzz_objects = $(patsubst %.cpp,$(FUZZ_BUILD_DIR)/obj/%.o,$(FUZZ_SOURCES_$(1)))

.PHONY: fuzz fuzz-build fuzz-binaries

fuzz-build:
	$(FUZZ_LOCK) $(MAKE) --no-print-directory -j $(FUZZ_JOBS) -f fuzz/fuzz.mk \
	  FUZZ_BUILD_DIR=$(FUZZ_BUILD_DIR) fuzz-binaries

fuzz-binaries: $(FUZZ_BINARIES)

fuzz: fuzz-build
	FUZZ_BUILD_DIR=$(FUZZ_BUILD_DIR) fuzz/run.sh $(FUZZ_SECONDS) $(FUZZ_TARGETS)

# Kept between runs: make would otherwise delete them as intermediates.
.PRECIOUS: $(FUZZ_BUILD_DIR)/obj/%.o

$(FUZZ_BUILD_DIR)/obj/%.o: %.cpp
	@mkdir -p $(dir $@)
	$(FUZZ_CXX) $(FUZZ_CXXFLAGS) -fsanitize=fuzzer-no-link -MMD -MP -c $< -o $@

.SECONDEXPANSION:
$(FUZZ_BUILD_DIR)/%_fuzz: $$(call fuzz_objects,$$*)
	$(FUZZ_CXX) $(FUZZ_SANITIZERS) -fsanitize=fuzzer $^ $(FUZZ_LIBS_$*) -o $@

-include $(shell find $(FUZZ_BUILD_DIR)/obj -name '*.d' 2>/dev/null)
