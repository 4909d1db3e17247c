#include "core/calendar.hpp"

#include <gtest/gtest.h>

#include <random>
#include <string>

#include "core/clock.hpp"

namespace gz {
namespace {

std::int64_t day(int year, unsigned month, unsigned day_of_month) {
  return days_from_civil(year, month, day_of_month);
}

// The calendar the binary ships with (data/calendar/cn-workdays.json, from chinese-days).
const WorkCalendar& bundled() {
  static const WorkCalendar calendar = [] {
    auto parsed = WorkCalendar::from_json(embedded::cn_workdays_json);
    EXPECT_TRUE(parsed.ok()) << (parsed.ok() ? "" : parsed.error().message);
    return parsed.ok() ? std::move(parsed.value()) : WorkCalendar();
  }();
  return calendar;
}

void expect_invalid(std::string_view json, std::string_view message_part) {
  auto parsed = WorkCalendar::from_json(json);
  ASSERT_FALSE(parsed.ok()) << json;
  EXPECT_EQ(parsed.error().kind, ErrorKind::bad_request);
  EXPECT_EQ(parsed.error().code, "invalid_calendar");
  EXPECT_NE(parsed.error().message.find(message_part), std::string::npos) << parsed.error().message;
}

TEST(WorkCalendar, bundled_data_covers_the_package_years) {
  EXPECT_EQ(bundled_calendar_json(), embedded::cn_workdays_json);
  EXPECT_EQ(bundled().source(), "chinese-days@1.5.7");
  EXPECT_TRUE(bundled().covers_year(2004));
  EXPECT_TRUE(bundled().covers_year(2026));
  EXPECT_FALSE(bundled().covers_year(2003));
  EXPECT_FALSE(bundled().covers_year(2031));
  EXPECT_EQ(bundled().holidays().at(day(2026, 10, 1)), "国庆节");
  EXPECT_EQ(bundled().workdays().at(day(2026, 10, 10)), "国庆节调休");
}

// National Day 2026 (国办发明电〔2025〕7号): 1–7 October off, Sunday 20 September and
// Saturday 10 October worked.
TEST(WorkCalendar, national_day_2026_holidays_and_make_up_days) {
  for (unsigned d = 1; d <= 7; ++d) {
    EXPECT_FALSE(bundled().is_workday(day(2026, 10, d))) << "2026-10-0" << d;
  }
  EXPECT_TRUE(bundled().is_workday(day(2026, 9, 20)));    // Sunday, make-up
  EXPECT_TRUE(bundled().is_workday(day(2026, 10, 10)));   // Saturday, make-up
  EXPECT_FALSE(bundled().is_workday(day(2026, 10, 11)));  // an ordinary Sunday
  EXPECT_TRUE(bundled().is_workday(day(2026, 9, 30)));    // Wednesday before
  EXPECT_TRUE(bundled().is_workday(day(2026, 10, 8)));    // Thursday after
}

// Mid-Autumn 2026: Friday 25 to Sunday 27 September, no make-up day.
TEST(WorkCalendar, mid_autumn_2026_is_three_days_off) {
  EXPECT_TRUE(bundled().is_workday(day(2026, 9, 24)));
  EXPECT_FALSE(bundled().is_workday(day(2026, 9, 25)));
  EXPECT_FALSE(bundled().is_workday(day(2026, 9, 26)));
  EXPECT_FALSE(bundled().is_workday(day(2026, 9, 27)));
  EXPECT_TRUE(bundled().is_workday(day(2026, 9, 28)));
  EXPECT_EQ(bundled().holidays().at(day(2026, 9, 26)), "中秋");
}

// Spring Festival 2026: 15 (Sunday) to 23 (Monday) February off; Saturdays 14 and 28 worked.
TEST(WorkCalendar, spring_festival_2026_holidays_and_make_up_days) {
  EXPECT_TRUE(bundled().is_workday(day(2026, 2, 13)));
  EXPECT_TRUE(bundled().is_workday(day(2026, 2, 14)));
  for (unsigned d = 15; d <= 23; ++d) {
    EXPECT_FALSE(bundled().is_workday(day(2026, 2, d))) << "2026-02-" << d;
  }
  EXPECT_TRUE(bundled().is_workday(day(2026, 2, 24)));
  EXPECT_TRUE(bundled().is_workday(day(2026, 2, 28)));
  EXPECT_FALSE(bundled().is_workday(day(2026, 3, 1)));  // an ordinary Sunday
}

TEST(WorkCalendar, nth_workday_after_skips_holidays_and_counts_make_up_days) {
  // From Wednesday 30 Sep 2026: 1–7 Oct off, Thu 8 (#1), Fri 9 (#2), Sat 10 make-up (#3),
  // Sun 11 off, Mon 12 (#4) … Thu 15 (#7).
  EXPECT_EQ(bundled().nth_workday_after(day(2026, 9, 30), 1), day(2026, 10, 8));
  EXPECT_EQ(bundled().nth_workday_after(day(2026, 9, 30), 3), day(2026, 10, 10));
  EXPECT_EQ(bundled().nth_workday_after(day(2026, 9, 30), 7), day(2026, 10, 15));
  // The day itself never counts, even when it is a working day.
  EXPECT_EQ(bundled().nth_workday_after(day(2026, 10, 8), 1), day(2026, 10, 9));
  // From a holiday: the next working day is the first after the break.
  EXPECT_EQ(bundled().nth_workday_after(day(2026, 2, 16), 1), day(2026, 2, 24));
  EXPECT_EQ(bundled().nth_workday_after(day(2026, 9, 30), 0), day(2026, 9, 30));
}

TEST(WorkCalendar, workdays_between_counts_the_half_open_range) {
  // (30 Sep, 8 Oct]: only 8 Oct works.
  EXPECT_EQ(bundled().workdays_between(day(2026, 9, 30), day(2026, 10, 8)), 1);
  // (30 Sep, 15 Oct]: 8, 9, 10 (make-up), 12, 13, 14, 15.
  EXPECT_EQ(bundled().workdays_between(day(2026, 9, 30), day(2026, 10, 15)), 7);
  // (13 Feb, 25 Feb]: 14 (make-up), 24, 25.
  EXPECT_EQ(bundled().workdays_between(day(2026, 2, 13), day(2026, 2, 25)), 3);
  EXPECT_EQ(bundled().workdays_between(day(2026, 2, 13), day(2026, 2, 13)), 0);
  EXPECT_EQ(bundled().workdays_between(day(2026, 2, 25), day(2026, 2, 13)), 0);
  // 2026 as a whole: 261 Monday-to-Friday days, 19 of them holidays, 6 make-up weekend days.
  EXPECT_EQ(bundled().workdays_between(day(2025, 12, 31), day(2026, 12, 31)), 261 - 19 + 6);
}

TEST(WorkCalendar, workdays_between_agrees_with_counting_day_by_day) {
  std::mt19937 random(20260930);
  std::uniform_int_distribution<std::int64_t> pick(day(2003, 6, 1), day(2028, 6, 1));
  std::uniform_int_distribution<std::int64_t> length(0, 400);
  for (int i = 0; i < 300; ++i) {
    const std::int64_t from = pick(random);
    const std::int64_t to = from + length(random);
    int expected = 0;
    for (std::int64_t d = from + 1; d <= to; ++d) expected += bundled().is_workday(d) ? 1 : 0;
    ASSERT_EQ(bundled().workdays_between(from, to), expected) << from << ".." << to;
  }
  // Including days before 1970, where the weekday arithmetic goes negative.
  WorkCalendar plain;
  EXPECT_EQ(plain.workdays_between(day(1969, 12, 26), day(1970, 1, 9)), 10);
  EXPECT_FALSE(plain.is_workday(day(1969, 12, 28)));  // Sunday
  EXPECT_TRUE(plain.is_workday(day(1969, 12, 29)));   // Monday
}

TEST(WorkCalendar, a_year_not_covered_falls_back_to_monday_to_friday) {
  ASSERT_FALSE(bundled().covers_year(2031));
  // 1 October 2031 is a Wednesday; without that year's arrangement it is a working day.
  EXPECT_TRUE(bundled().is_workday(day(2031, 10, 1)));
  EXPECT_TRUE(bundled().is_workday(day(2031, 10, 3)));   // Friday
  EXPECT_FALSE(bundled().is_workday(day(2031, 10, 4)));  // Saturday
  EXPECT_EQ(bundled().nth_workday_after(day(2031, 10, 3), 1), day(2031, 10, 6));
}

TEST(WorkCalendar, merge_replaces_the_years_the_newer_file_lists) {
  WorkCalendar calendar = bundled();
  // A corrected 2026 with only one (invented) holiday, and a 2027 file.
  auto newer = WorkCalendar::from_json(R"({"source":"admin-2026","years":[2026],
      "holidays":{"2026-12-31":"测试"},"workdays":{"2026-12-26":"测试调休"}})");
  ASSERT_TRUE(newer.ok()) << newer.error().message;
  calendar.merge(newer.value());
  EXPECT_TRUE(calendar.is_workday(day(2026, 10, 1)));    // the old 2026 entries are gone
  EXPECT_FALSE(calendar.is_workday(day(2026, 10, 10)));  // a Saturday again
  EXPECT_FALSE(calendar.is_workday(day(2026, 12, 31)));
  EXPECT_TRUE(calendar.is_workday(day(2026, 12, 26)));
  EXPECT_FALSE(calendar.is_workday(day(2025, 10, 1)));  // other years untouched
  EXPECT_EQ(calendar.source(), "chinese-days@1.5.7 + admin-2026");

  auto next_year = WorkCalendar::from_json(R"({"source":"admin-2027","years":[2027],
      "holidays":{"2027-10-01":"国庆节","2026-12-31":"元旦"},"workdays":{}})");
  ASSERT_TRUE(next_year.ok()) << next_year.error().message;
  ASSERT_FALSE(calendar.covers_year(2027));
  calendar.merge(next_year.value());
  EXPECT_TRUE(calendar.covers_year(2027));
  EXPECT_FALSE(calendar.is_workday(day(2027, 10, 1)));
  // A December entry of the next year's New Year arrangement is added on top of 2026.
  EXPECT_EQ(calendar.holidays().at(day(2026, 12, 31)), "元旦");
  EXPECT_TRUE(calendar.is_workday(day(2026, 12, 26)));

  // A newer entry of the other kind on the same date wins; a date is never both.
  auto swap = WorkCalendar::from_json(
      R"({"years":[2027],"holidays":{"2026-12-26":"换"},"workdays":{"2027-10-01":"换"}})");
  ASSERT_TRUE(swap.ok()) << swap.error().message;
  calendar.merge(swap.value());
  EXPECT_FALSE(calendar.is_workday(day(2026, 12, 26)));
  EXPECT_FALSE(calendar.workdays().contains(day(2026, 12, 26)));
  EXPECT_TRUE(calendar.is_workday(day(2027, 10, 1)));
  EXPECT_FALSE(calendar.holidays().contains(day(2027, 10, 1)));
}

TEST(WorkCalendar, to_json_round_trips) {
  auto again = WorkCalendar::from_json(bundled().to_json());
  ASSERT_TRUE(again.ok()) << again.error().message;
  EXPECT_EQ(again->holidays(), bundled().holidays());
  EXPECT_EQ(again->workdays(), bundled().workdays());
  EXPECT_EQ(again->years(), bundled().years());
  EXPECT_EQ(again->source(), bundled().source());
  EXPECT_EQ(again->to_json(), bundled().to_json());
  EXPECT_NE(bundled().to_json().find(R"("2026-10-10":"国庆节调休")"), std::string::npos);
}

TEST(WorkCalendar, rejects_malformed_files_with_invalid_calendar) {
  expect_invalid("", "not valid JSON");
  expect_invalid(R"({"years":[2026],)", "not valid JSON");
  expect_invalid("[2026]", "object");
  expect_invalid(R"({"holidays":{},"workdays":{}})", "years");
  expect_invalid(R"({"years":[],"holidays":{},"workdays":{}})", "years");
  expect_invalid(R"({"years":"2026","holidays":{},"workdays":{}})", "years");
  expect_invalid(R"({"years":[2026.5],"holidays":{},"workdays":{}})", "whole numbers");
  expect_invalid(R"({"years":[26],"holidays":{},"workdays":{}})", "four-digit");
  expect_invalid(R"({"years":[2026],"workdays":{}})", "holidays");
  expect_invalid(R"({"years":[2026],"holidays":{}})", "workdays");
  expect_invalid(R"({"years":[2026],"holidays":[],"workdays":{}})", "holidays");
  expect_invalid(R"({"years":[2026],"holidays":{"2026-02-30":"春节"},"workdays":{}})",
                 "2026-02-30");
  expect_invalid(R"({"years":[2026],"holidays":{"2026-2-3":"春节"},"workdays":{}})", "YYYY-MM-DD");
  expect_invalid(R"({"years":[2026],"holidays":{"2062-10-01":"国庆节"},"workdays":{}})",
                 "outside the years");
  expect_invalid(R"({"years":[2026],"holidays":{"2026-10-01":1},"workdays":{}})", "name");
  expect_invalid(R"({"years":[2026],"holidays":{"2026-10-01":""},"workdays":{}})", "name");
  expect_invalid(
      R"({"years":[2026],"holidays":{"2026-10-10":"国庆节"},"workdays":{"2026-10-10":"调休"}})",
      "both a holiday and a make-up workday");
  expect_invalid(R"({"source":7,"years":[2026],"holidays":{},"workdays":{}})", "source");
}

TEST(WorkCalendar, an_empty_calendar_is_monday_to_friday) {
  WorkCalendar plain;
  EXPECT_FALSE(plain.covers_year(2026));
  EXPECT_TRUE(plain.is_workday(day(2026, 10, 1)));   // Thursday
  EXPECT_FALSE(plain.is_workday(day(2026, 10, 3)));  // Saturday
  EXPECT_EQ(plain.nth_workday_after(day(2026, 10, 2), 1), day(2026, 10, 5));
}

}  // namespace
}  // namespace gz
