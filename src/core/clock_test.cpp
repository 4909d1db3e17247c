// Quarters are Shanghai's: an instant late on 30 September UTC is already the fourth quarter.
#include "core/clock.hpp"

#include <gtest/gtest.h>

namespace gz {
namespace {

constexpr std::int64_t kDayMs = 24LL * 60 * 60 * 1000;
constexpr std::int64_t kHourMs = 60LL * 60 * 1000;

TEST(Clock, QuarterOfAnInstantInShanghai) {
  const std::int64_t october_first_utc = days_from_civil(2026, 10, 1) * kDayMs;
  EXPECT_EQ(quarter_of(october_first_utc - 8 * kHourMs - 1), "2026Q3");  // 23:59:59.999 +08
  EXPECT_EQ(quarter_of(october_first_utc - 8 * kHourMs), "2026Q4");      // 00:00 +08
  EXPECT_EQ(quarter_of(days_from_civil(2027, 1, 1) * kDayMs), "2027Q1");
  EXPECT_EQ(quarter_of(days_from_civil(2026, 4, 15) * kDayMs), "2026Q2");
  EXPECT_EQ(quarter_of(october_first_utc - 8 * kHourMs, 0), "2026Q3");  // in UTC still September
}

}  // namespace
}  // namespace gz
