# Gongzhi (共治). Two commands set everything up on a fresh Debian 12 machine:
#   make run    install what is missing (as root), build, serve the demo community on SQLite
#   make test   install what tests need, build, run every suite (SQLite and PostgreSQL 15)

BUILD_DIR ?= build
BUILD_TYPE ?= RelWithDebInfo
HOST ?= 127.0.0.1
PORT ?= 8080
DB ?= sqlite:gongzhi.db
JOBS ?= $(shell nproc)

RUN_PACKAGES := g++ cmake ninja-build ccache pkg-config libboost1.81-dev libboost-json1.81-dev \
  libboost-url1.81-dev libsqlite3-dev libpq-dev libssl-dev libargon2-dev
TEST_PACKAGES := $(RUN_PACKAGES) libgtest-dev postgresql-15 clang-format

.PHONY: run test build deps deps-test format format-check clean

run: deps build
	$(BUILD_DIR)/gongzhi serve --demo --host $(HOST) --port $(PORT) --db $(DB)

test: deps-test build format-check
	scripts/with-postgres.sh ctest --test-dir $(BUILD_DIR) --output-on-failure -j $(JOBS)

build:
	cmake -S . -B $(BUILD_DIR) -G Ninja -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) -Wno-dev > /dev/null
	cmake --build $(BUILD_DIR) -j $(JOBS)

deps:
	@scripts/install-packages.sh $(RUN_PACKAGES)

deps-test:
	@scripts/install-packages.sh $(TEST_PACKAGES)

FORMAT_FILES = $(shell git ls-files '*.cpp' '*.hpp' 2>/dev/null)

format:
	clang-format -i $(FORMAT_FILES)

format-check:
	@clang-format --dry-run --Werror $(FORMAT_FILES) && echo "format: clean"

clean:
	rm -rf $(BUILD_DIR)
