#include "modules/ledger/rules.hpp"

#include <gtest/gtest.h>

#include "core/clock.hpp"

namespace gz::ledger {
namespace {

TEST(AwardPoints, PaysPerEventAndProRataPerHourRoundedDown) {
  EXPECT_EQ(*award_points(Unit::event, 10, 1), 10);
  EXPECT_EQ(*award_points(Unit::event, 15, 2), 30);
  EXPECT_EQ(*award_points(Unit::minute, 5, 60), 5);
  EXPECT_EQ(*award_points(Unit::minute, 5, 45), 3);
  EXPECT_EQ(*award_points(Unit::minute, 5, 119), 9);
  EXPECT_EQ(award_points(Unit::minute, 5, 11).error().code, "too_little");
  EXPECT_EQ(award_points(Unit::event, 10, 0).error().code, "invalid_quantity");
  EXPECT_EQ(award_points(Unit::minute, 5, 2000).error().code, "invalid_quantity");
}

TEST(QuarterHours, RoundToTheNearestQuarterWithAFloorOfFifteen) {
  EXPECT_EQ(round_to_quarter_hour(1), 15);
  EXPECT_EQ(round_to_quarter_hour(22), 15);
  EXPECT_EQ(round_to_quarter_hour(23), 30);
  EXPECT_EQ(round_to_quarter_hour(60), 60);
  EXPECT_EQ(round_to_quarter_hour(100), 105);
}

std::int64_t at(const char* iso_date_shanghai) {
  int year;
  unsigned month, day;
  EXPECT_TRUE(parse_date(iso_date_shanghai, year, month, day));
  return days_from_civil(year, month, day) * 86'400'000 - 8 * 3600 * 1000;
}

TEST(LimitPeriods, StartInShanghaiOnMondaysMonthsQuartersAndYears) {
  std::int64_t now = at("2026-11-26") + 15 * 3600 * 1000;  // Thursday 15:00
  EXPECT_EQ(period_start_ms(LimitPeriod::day, now), at("2026-11-26"));
  EXPECT_EQ(period_start_ms(LimitPeriod::week, now), at("2026-11-23"));
  EXPECT_EQ(period_start_ms(LimitPeriod::month, now), at("2026-11-01"));
  EXPECT_EQ(period_start_ms(LimitPeriod::quarter, now), at("2026-10-01"));
  EXPECT_EQ(period_start_ms(LimitPeriod::year, now), at("2026-01-01"));
  EXPECT_EQ(period_start_ms(LimitPeriod::total, now), 0);
  // 23:30 UTC on Sunday is already Monday in Shanghai: a new week.
  std::int64_t sunday_night_utc =
      at("2026-11-30") - 30 * 60 * 1000 + 8 * 3600 * 1000 - 8 * 3600 * 1000;
  EXPECT_EQ(period_start_ms(LimitPeriod::week, at("2026-11-30") + 60 * 1000), at("2026-11-30"));
  EXPECT_EQ(period_start_ms(LimitPeriod::week, sunday_night_utc), at("2026-11-23"));
}

TEST(Expiry, OldPointsExpireOnlyWhatSpendingHasNotUsed) {
  EXPECT_EQ(expirable_points(100, 30), 70);
  EXPECT_EQ(expirable_points(100, 130), 0);
  EXPECT_EQ(expirable_points(0, 0), 0);
}

TEST(Expiry, TheCutoffIsCalendarMonthsEarlierInShanghai) {
  auto at = [](const char* text) { return *parse_iso8601(text); };
  // Twelve months before 8 December 2026, 00:30 in Shanghai (still 7 December in UTC).
  EXPECT_EQ(expiry_cutoff_ms(at("2026-12-08T00:30:00+08:00"), 12), at("2025-12-08T00:30:00+08:00"));
  // A month's missing day is its last: one month before 31 March is the end of February.
  EXPECT_EQ(expiry_cutoff_ms(at("2027-03-31T10:00:00+08:00"), 1), at("2027-02-28T10:00:00+08:00"));
  // Six months is not 180 days.
  EXPECT_EQ(expiry_cutoff_ms(at("2026-09-01T00:00:00+08:00"), 6), at("2026-03-01T00:00:00+08:00"));
}

}  // namespace
}  // namespace gz::ledger
