#!/usr/bin/env bash
# Runs the API suite and the browser suites with the clock of every process (the tests and the
# servers they start) set to instants that used to be dangerous, frozen there, and the browser
# in another zone than the community's. Exits non-zero when any run fails; says which.
#
#   scripts/test-clocks.sh [BUILD_DIR]          (make test-clocks; needs GONGZHI_TEST_PG for
#                                                the PostgreSQL half, see with-postgres.sh)
#   CLOCK_INSTANTS="2026-12-31T23:59:00+08:00" scripts/test-clocks.sh build
set -uo pipefail
cd "$(dirname "$0")/.."
build_dir=${1:-build}

# Just before and just after Shanghai midnight at New Year (also a quarter's and a year's end,
# and a year the bundled working-day calendar may not cover yet), the eve of National Day
# (a quarter boundary before a week of holidays), and the eve of the Spring Festival, itself
# a make-up working Saturday (调休) before nine days off.
default_instants=(
  2026-12-31T23:59:00+08:00
  2027-01-01T00:01:00+08:00
  2026-09-30T23:59:00+08:00
  2026-02-14T23:59:00+08:00
)
read -r -a instants <<< "${CLOCK_INSTANTS:-${default_instants[*]}}"

export GONGZHI_TEST_CLOCK=1 GONGZHI_FREEZE_CLOCK=1
export GONGZHI_BIN="$PWD/$build_dir/gongzhi"
# The browser in New York: a page that counts in the device's zone would show the wrong day.
export E2E_TIMEZONE=${E2E_TIMEZONE:-America/New_York}
failed=()
for instant in "${instants[@]}"; do
  echo "== clock at $instant: API suite"
  GONGZHI_NOW=$instant "$build_dir/api_tests" --gtest_brief=1 || failed+=("API at $instant")
  echo "== clock at $instant: browser suites"
  (cd tests/e2e && GONGZHI_NOW=$instant node --test --test-concurrency=1 --test-reporter=dot \
    web.test.mjs notice.test.mjs) || failed+=("browser at $instant")
done
if [[ ${#failed[@]} -gt 0 ]]; then
  printf 'test-clocks: failed: %s\n' "${failed[@]}" >&2
  exit 1
fi
echo "test-clocks: the API and browser suites passed at ${#instants[@]} instants: ${instants[*]}"
