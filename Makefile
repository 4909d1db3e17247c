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
  libboost-url1.81-dev libsqlite3-dev libpq-dev libssl-dev libargon2-dev \
  libqrencode-dev libxlsxwriter-dev zlib1g-dev
# Browser tests: Debian's chromium driven by playwright-core (no browser download), with CJK fonts.
E2E_PACKAGES := chromium fonts-noto-cjk
# Fuzz targets (fuzz/): Debian's clang with its libFuzzer and sanitizer runtimes.
FUZZ_PACKAGES := clang libclang-rt-14-dev
# The package and its clean-Debian test; the cluster (nginx with brotli, TLS certificates).
DEPLOY_PACKAGES := dpkg-dev debootstrap nginx libnginx-mod-http-brotli-static openssl curl
TEST_PACKAGES := $(RUN_PACKAGES) libgtest-dev postgresql-15 clang-format $(E2E_PACKAGES) \
  $(FUZZ_PACKAGES) $(DEPLOY_PACKAGES)

.PHONY: run test build deps deps-test format format-check clean web web-test e2e node test-clocks \
  notify-demo deb deb-test cluster-test openapi openapi-check bench-page-weight api-types

run: deps build web
	$(BUILD_DIR)/gongzhi serve --demo --host $(HOST) --port $(PORT) --db $(DB)

test: deps-test build format-check web
	rm -rf $(BUILD_DIR)/schema-trace && mkdir -p $(BUILD_DIR)/schema-trace
	GONGZHI_API_SCHEMA_TRACE=$(abspath $(BUILD_DIR))/schema-trace \
	  scripts/with-postgres.sh ctest --test-dir $(BUILD_DIR) --output-on-failure -j $(JOBS)
	$(MAKE) --no-print-directory openapi-check
	$(MAKE) --no-print-directory web-test e2e
	$(MAKE) --no-print-directory test-clocks
	$(MAKE) --no-print-directory deb-test
	$(MAKE) --no-print-directory cluster-test
	$(MAKE) --no-print-directory fuzz

build:
	cmake -S . -B $(BUILD_DIR) -G Ninja -DCMAKE_BUILD_TYPE=$(BUILD_TYPE) -Wno-dev > /dev/null
	cmake --build $(BUILD_DIR) -j $(JOBS)

deps:
	@scripts/install-packages.sh $(RUN_PACKAGES)

deps-test:
	@scripts/install-packages.sh $(TEST_PACKAGES)

# The web application (web/): Vue + Vite, built into web/dist, which `gongzhi serve` serves.
# npm ci runs again only when node_modules is missing or package-lock.json changed.
WEB_SOURCES = $(shell find web/src web/public web/scripts -type f 2>/dev/null) web/index.html \
  web/vite.config.ts web/tsconfig.json web/package.json

web: web/dist/index.html

web/dist/index.html: web/node_modules/.installed $(WEB_SOURCES)
	cd web && npm run build

web/node_modules/.installed: web/package-lock.json | node
	cd web && npm ci --no-audit --no-fund
	touch $@

tests/e2e/node_modules/.installed: tests/e2e/package-lock.json | node
	cd tests/e2e && npm ci --no-audit --no-fund
	touch $@

web-test: web/node_modules/.installed
	cd web && npm test

e2e: web build tests/e2e/node_modules/.installed
	cd tests/e2e && GONGZHI_BIN=$(abspath $(BUILD_DIR))/gongzhi node --test --test-concurrency=1 \
	  web.test.mjs notice.test.mjs onboarding.test.mjs admin.test.mjs shell.test.mjs defects.test.mjs \
	  insight.test.mjs pb.test.mjs points.test.mjs civic.test.mjs property.test.mjs \
	  vouchers.test.mjs households.test.mjs workbench.test.mjs decisions.test.mjs \
	  onlinehall.test.mjs cofund.test.mjs propertyfund.test.mjs hosts.test.mjs pwa.test.mjs \
	  announcements.test.mjs referrals.test.mjs bookings.test.mjs discussion.test.mjs market.test.mjs

# The Debian package (binary stripped, web application, systemd unit, settings, nginx example),
# made from the build that is already there; deb-test installs it into a clean Debian 12 chroot
# and starts the server as its unit would.
deb: build web
	cd $(BUILD_DIR) && cpack -G DEB > cpack.log || { cat cpack.log; exit 1; }
	@ls $(BUILD_DIR)/gongzhi_*.deb

deb-test: deb
	scripts/test-deb.sh $(BUILD_DIR)

# The OpenAPI document: its operations' schemas come from what the API tests read and answer
# (src/http/schema_trace.hpp). `make openapi` runs the API tests with the trace on and rebuilds
# src/http/openapi_schemas.json (review its diff); openapi-check validates the served document
# with an OpenAPI 3.1 validator and checks the last test run's requests and answers against it.
tools/openapi/node_modules/.installed: tools/openapi/package-lock.json | node
	cd tools/openapi && npm ci --no-audit --no-fund
	touch $@

openapi: build tools/openapi/node_modules/.installed
	rm -rf $(BUILD_DIR)/schema-trace && mkdir -p $(BUILD_DIR)/schema-trace
	GONGZHI_API_SCHEMA_TRACE=$(abspath $(BUILD_DIR))/schema-trace \
	  scripts/with-postgres.sh $(BUILD_DIR)/api_tests --gtest_brief=1
	node tools/openapi/build.mjs $(BUILD_DIR)/schema-trace src/http/openapi_schemas.json
	cmake --build $(BUILD_DIR) -j $(JOBS) --target gongzhi
	$(MAKE) --no-print-directory api-types

# The web's API types (web/src/api/schema.gen.ts, openapi-typescript) from the server's document;
# npm test fails while they are stale.
api-types: build web/node_modules/.installed
	$(BUILD_DIR)/gongzhi openapi > web/src/api/openapi.json 2> /dev/null
	cd web && npm run api-types

openapi-check: build tools/openapi/node_modules/.installed
	$(BUILD_DIR)/gongzhi openapi > $(BUILD_DIR)/openapi.json 2> /dev/null
	node tools/openapi/check.mjs $(BUILD_DIR)/openapi.json $(BUILD_DIR)/schema-trace
	@cmp -s $(BUILD_DIR)/openapi.json web/src/api/openapi.json || { echo "web/src/api/openapi.json \
	  is not the server's document: make api-types"; exit 1; }

# The public board and the resident home on a throttled phone connection (1.6 Mbit/s), against
# the same pages uncompressed, in one run (bench/RESULTS.md).
bench-page-weight: build web tests/e2e/node_modules/.installed
	GONGZHI_BIN=$(abspath $(BUILD_DIR))/gongzhi GONGZHI_WEB_ROOT=$(CURDIR)/web/dist \
	  bench/run-page-weight.sh

# Several servers behind nginx on a PostgreSQL primary and its streaming replica
# (scripts/cluster.sh), under load through a server crash, a replica outage and a failover.
cluster-test: web build
	cd tests/cluster && GONGZHI_BIN=$(abspath $(BUILD_DIR))/gongzhi node --test failover.test.mjs

# Notifications end to end on this machine: a loopback receiver prints what robots, webhooks and
# the SMS sink get while a script walks a resident's request through a demo server.
notify-demo: deps build node
	node scripts/notify-demo.mjs $(abspath $(BUILD_DIR))/gongzhi

# The API and browser suites again with the clock set to instants that used to be dangerous
# (scripts/test-clocks.sh): no test may depend on the hour or the date it runs.
test-clocks: web build tests/e2e/node_modules/.installed
	scripts/with-postgres.sh scripts/test-clocks.sh $(BUILD_DIR)

# Debian 12's nodejs is 18, which the web toolchain supports; a machine with a newer node
# (from its image) keeps it.
node:
	@command -v node > /dev/null || scripts/install-packages.sh nodejs npm

FORMAT_FILES = $(shell git ls-files '*.cpp' '*.hpp' 2>/dev/null)

format:
	clang-format -i $(FORMAT_FILES)

format-check:
	@clang-format --dry-run --Werror $(FORMAT_FILES) && echo "format: clean"

clean:
	rm -rf $(BUILD_DIR)

# Fuzz targets: make fuzz [FUZZ_SECONDS=20]; see fuzz/fuzz.mk.
include fuzz/fuzz.mk
