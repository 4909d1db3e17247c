// Quarters are Shanghai's: an instant late on 30 September UTC is already the fourth quarter.
#include "core/clock.hpp"

#include <gtest/gtest.h>

#include <cstdlib>

namespace gz {
namespace {

TEST(Clock, QuarterOfAnInstantInShanghai) {
  const std::int64_t october_first_utc = days_from_civil(2026, 10, 1) * kDayMs;
  EXPECT_EQ(quarter_of(october_first_utc - 8 * kHourMs - 1), "2026Q3");  // 23:59:59.999 +08
  EXPECT_EQ(quarter_of(october_first_utc - 8 * kHourMs), "2026Q4");      // 00:00 +08
  EXPECT_EQ(quarter_of(days_from_civil(2027, 1, 1) * kDayMs), "2027Q1");
  EXPECT_EQ(quarter_of(days_from_civil(2026, 4, 15) * kDayMs), "2026Q2");
  EXPECT_EQ(quarter_of(october_first_utc - 8 * kHourMs, 0), "2026Q3");  // in UTC still September
}

// A demo or a test sets the clock to an instant; it then advances with the system clock (or
// stays, frozen), and resetting it gives the system clock back.
TEST(Clock, a_set_clock_starts_at_its_instant_and_advances) {
  const std::int64_t new_years_eve = *parse_iso8601("2026-12-31T23:59:00+08:00");
  set_clock(new_years_eve);
  EXPECT_TRUE(clock_is_set());
  const std::int64_t first = now_epoch_ms();
  EXPECT_GE(first, new_years_eve);
  EXPECT_LT(first, new_years_eve + kMinuteMs);
  EXPECT_EQ(quarter_of(first), "2026Q4");
  EXPECT_GE(now_epoch_ms(), first);
  reset_clock();
  EXPECT_FALSE(clock_is_set());
  EXPECT_GT(std::abs(now_epoch_ms() - new_years_eve), kMinuteMs);  // the real date, not the eve
}

TEST(Clock, a_frozen_clock_stays_at_its_instant) {
  const std::int64_t instant = *parse_iso8601("2027-01-01T00:01:00+08:00");
  set_clock(instant, ClockPace::frozen);
  EXPECT_EQ(now_epoch_ms(), instant);
  EXPECT_EQ(now_iso8601(), "2027-01-01T00:01:00.000+08:00");
  EXPECT_EQ(quarter_of(now_epoch_ms()), "2027Q1");
  reset_clock();
}

TEST(Clock, shanghai_days_turn_at_shanghai_midnight) {
  const std::int64_t midnight = *parse_iso8601("2027-01-01T00:00:00+08:00");
  EXPECT_EQ(shanghai_day(midnight), days_from_civil(2027, 1, 1));
  EXPECT_EQ(shanghai_day(midnight - 1), days_from_civil(2026, 12, 31));
  EXPECT_EQ(shanghai_midnight_ms(days_from_civil(2027, 1, 1)), midnight);
}

TEST(Clock, http_dates_are_imf_fixdates_in_gmt) {
  EXPECT_EQ(format_http_date(*parse_iso8601("2026-12-07T05:03:44+08:00")),
            "Sun, 06 Dec 2026 21:03:44 GMT");
  EXPECT_EQ(format_http_date(0), "Thu, 01 Jan 1970 00:00:00 GMT");
}

TEST(Clock, dates_outside_1900_to_2199_are_refused) {
  int year = 0;
  unsigned month = 0, day = 0;
  EXPECT_FALSE(parse_date("0000-01-01", year, month, day));
  EXPECT_FALSE(parse_date("2200-01-01", year, month, day));
  EXPECT_TRUE(parse_date("1900-01-01", year, month, day));
  EXPECT_FALSE(parse_iso8601("0000-01-01T00:00:00Z").ok());
}

TEST(Clock, age_on_a_day_counts_the_birthday_itself) {
  const std::int64_t birthday = days_from_civil(2026, 3, 1);
  EXPECT_EQ(age_on("1950-03-01", birthday), 76);
  EXPECT_EQ(age_on("1950-03-01", birthday - 1), 75);
  EXPECT_EQ(age_on("2027-01-01", birthday), std::nullopt);
  EXPECT_EQ(age_on("not a date", birthday), std::nullopt);
  EXPECT_EQ(day_text(birthday), "2026-03-01");
  EXPECT_EQ(shanghai_ms_of_day(*parse_iso8601("2026-03-01T08:30:00+08:00")),
            8 * kHourMs + 30 * kMinuteMs);
  EXPECT_EQ(shanghai_time_ms(birthday, 3600), *parse_iso8601("2026-03-01T01:00:00+08:00"));
}

TEST(Clock, parse_iso8601_refuses_a_time_without_an_offset) {
  EXPECT_EQ(*parse_iso8601("2026-09-30T02:00:00Z"), *parse_iso8601("2026-09-30T10:00:00+08:00"));
  auto local = parse_iso8601("2026-09-30T10:00:00");
  ASSERT_FALSE(local.ok());
  EXPECT_EQ(local.error().code, "invalid_time");
}

}  // namespace
}  // namespace gz

TEST(Clock, periods_are_years_quarters_or_months_in_shanghai) {
  auto quarter = gz::Period::parse("2026q3");
  ASSERT_TRUE(quarter);
  EXPECT_EQ(quarter->label, "2026Q3");
  EXPECT_EQ(quarter->months, 3);
  EXPECT_EQ(gz::format_iso8601(quarter->from_ms), "2026-07-01T00:00:00.000+08:00");
  EXPECT_EQ(gz::format_iso8601(quarter->to_ms), "2026-10-01T00:00:00.000+08:00");
  auto december = gz::Period::parse("2026-12");
  ASSERT_TRUE(december);
  EXPECT_EQ(gz::format_iso8601(december->to_ms), "2027-01-01T00:00:00.000+08:00");
  auto year = gz::Period::parse("2027");
  ASSERT_TRUE(year);
  EXPECT_EQ(year->months, 12);
  EXPECT_EQ(year->to_ms - year->from_ms, 365 * gz::kDayMs);
  for (const char* bad : {"", "26", "1999", "2101", "2026Q5", "2026Q0", "2026-13", "2026-1",
                          "2026-00", "2026X1", "20a6", "2026Q3 "}) {
    EXPECT_FALSE(gz::Period::parse(bad)) << bad;
  }
}

TEST(Clock, months_before_keeps_the_time_of_day_and_clamps_to_the_months_end) {
  auto at = [](const char* text) { return *gz::parse_iso8601(text); };
  EXPECT_EQ(gz::format_iso8601(gz::months_before(at("2026-03-31T09:30:00+08:00"), 1)),
            "2026-02-28T09:30:00.000+08:00");
  EXPECT_EQ(gz::format_iso8601(gz::months_before(at("2028-03-31T00:10:00+08:00"), 1)),
            "2028-02-29T00:10:00.000+08:00");
  EXPECT_EQ(gz::format_iso8601(gz::months_before(at("2027-01-15T23:59:00+08:00"), 12)),
            "2026-01-15T23:59:00.000+08:00");
  EXPECT_EQ(gz::format_iso8601(gz::months_before(at("2027-02-01T00:30:00+08:00"), 3)),
            "2026-11-01T00:30:00.000+08:00");
  EXPECT_EQ(gz::months_before(at("2026-06-01T12:00:00+08:00"), 0), at("2026-06-01T12:00:00+08:00"));
}

TEST(Clock, quarters_after_a_label_wrap_at_the_year) {
  EXPECT_EQ(gz::quarter_after("2026Q1", -1), "2025Q4");
  EXPECT_EQ(gz::quarter_after("2026Q3", -1), "2026Q2");
  EXPECT_EQ(gz::quarter_after("2026Q4", 1), "2027Q1");
  EXPECT_EQ(gz::quarter_after("2026Q2", 1), "2026Q3");
  EXPECT_EQ(gz::quarter_after("2026Q3", -2), "2026Q1");
  EXPECT_EQ(gz::quarter_after("2026-07", 1), "");
}

namespace gz {
namespace {

TEST(Clock, MonthAfterCountsAcrossYears) {
  EXPECT_EQ(month_after("2026-11", 1), "2026-12");
  EXPECT_EQ(month_after("2026-12", 1), "2027-01");
  EXPECT_EQ(month_after("2026-01", -1), "2025-12");
  EXPECT_EQ(month_after("2026-03", -14), "2025-01");
  EXPECT_EQ(month_after("2026-11", 0), "2026-11");
  EXPECT_EQ(month_after("2026-13", 0), "");
  EXPECT_EQ(month_after("2026Q4", 0), "");
  EXPECT_EQ(month_after("2100-12", 1), "");
}

}  // namespace
}  // namespace gz
