#include "modules/requests/sla.hpp"

#include <gtest/gtest.h>

#include <string>

#include "core/clock.hpp"

namespace gz::requests {
namespace {

// The calendar the binary ships with (data/calendar/cn-workdays.json, from chinese-days).
const WorkCalendar& calendar() {
  static const WorkCalendar parsed = [] {
    auto result = WorkCalendar::from_json(embedded::cn_workdays_json);
    EXPECT_TRUE(result.ok()) << (result.ok() ? "" : result.error().message);
    return result.ok() ? std::move(result.value()) : WorkCalendar();
  }();
  return parsed;
}

std::int64_t at(std::string_view text) {
  auto parsed = parse_iso8601(text);
  EXPECT_TRUE(parsed.ok()) << text;
  return parsed.ok() ? parsed.value() : 0;
}

// Deadlines read as the product shows them: whole seconds in Asia/Shanghai.
std::string shown(std::int64_t epoch_ms) {
  return format_iso8601(epoch_ms);
}

std::string response_due(Priority priority, std::string_view received) {
  return shown(response_due_ms(priority, at(received), calendar()));
}

TEST(Priority, names_round_trip) {
  for (Priority priority : {Priority::red, Priority::yellow, Priority::blue}) {
    EXPECT_EQ(parse_priority(priority_name(priority)), priority);
  }
  EXPECT_EQ(priority_name(Priority::yellow), "yellow");
  EXPECT_FALSE(parse_priority("Red").has_value());
  EXPECT_FALSE(parse_priority("green").has_value());
  EXPECT_FALSE(parse_priority("").has_value());
}

// National Day 2026: 1–7 Oct off (Thu–Wed), Sun 20 Sep and Sat 10 Oct are make-up workdays.
// Received Wed 30 Sep 10:00. Counting starts the day after: 1–7 Oct are holidays (3 and 4
// Oct are a weekend inside the break), Thu 8 Oct is #1, Fri 9 Oct #2, Sat 10 Oct (make-up)
// #3 → yellow due at the end of 10 Oct. Then Sun 11 Oct is an ordinary day off, Mon 12 #4,
// Tue 13 #5, Wed 14 #6, Thu 15 #7 → blue due at the end of 15 Oct.
TEST(ResponseDue, yellow_over_national_day_2026_lands_on_the_make_up_saturday) {
  EXPECT_EQ(response_due(Priority::yellow, "2026-09-30T10:00:00+08:00"),
            "2026-10-10T23:59:59.000+08:00");
}

TEST(ResponseDue, blue_over_national_day_2026_is_the_seventh_working_day) {
  EXPECT_EQ(response_due(Priority::blue, "2026-09-30T10:00:00+08:00"),
            "2026-10-15T23:59:59.000+08:00");
}

// Mid-Autumn 2026: Fri 25 to Sun 27 Sep off, no make-up day. Received Thu 24 Sep: 25–27 off,
// Mon 28 #1, Tue 29 #2, Wed 30 #3 → yellow due 30 Sep. Blue goes on over National Day:
// Thu 8 Oct #4, Fri 9 #5, Sat 10 (make-up) #6, Mon 12 #7.
TEST(ResponseDue, mid_autumn_2026_days_do_not_count) {
  EXPECT_EQ(response_due(Priority::yellow, "2026-09-24T09:00:00+08:00"),
            "2026-09-30T23:59:59.000+08:00");
  EXPECT_EQ(response_due(Priority::blue, "2026-09-24T09:00:00+08:00"),
            "2026-10-12T23:59:59.000+08:00");
}

// The make-up Sunday before National Day counts: received Fri 18 Sep, Sat 19 off,
// Sun 20 Sep (make-up) #1, Mon 21 #2, Tue 22 #3.
TEST(ResponseDue, a_make_up_sunday_counts_as_a_working_day) {
  EXPECT_EQ(response_due(Priority::yellow, "2026-09-18T15:00:00+08:00"),
            "2026-09-22T23:59:59.000+08:00");
}

// Spring Festival 2026: 15 (Sun) to 23 (Mon) Feb off; Sat 14 and Sat 28 Feb are make-up
// workdays. Received Fri 13 Feb 18:00: Sat 14 (make-up) #1, 15–23 off, Tue 24 #2, Wed 25 #3
// → yellow due 25 Feb. Blue: Thu 26 #4, Fri 27 #5, Sat 28 (make-up) #6, Sun 1 Mar off,
// Mon 2 Mar #7.
TEST(ResponseDue, yellow_over_spring_festival_2026_counts_the_make_up_saturday) {
  EXPECT_EQ(response_due(Priority::yellow, "2026-02-13T18:00:00+08:00"),
            "2026-02-25T23:59:59.000+08:00");
  EXPECT_EQ(response_due(Priority::blue, "2026-02-13T18:00:00+08:00"),
            "2026-03-02T23:59:59.000+08:00");
}

// 23:30 UTC on 29 Sep is 07:30 on 30 Sep in Shanghai, so it counts like the 10:00 case
// above (due 10 Oct). Counted from the UTC date it would wrongly be 9 Oct (30 Sep #1,
// 8 Oct #2, 9 Oct #3).
TEST(ResponseDue, counts_from_the_day_in_shanghai_not_in_utc) {
  EXPECT_EQ(response_due(Priority::yellow, "2026-09-29T23:30:00Z"),
            "2026-10-10T23:59:59.000+08:00");
  // And the reverse: 23:59:59 Shanghai on 29 Sep is still 29 Sep.
  EXPECT_EQ(response_due(Priority::yellow, "2026-09-29T15:59:59.999Z"),
            "2026-10-09T23:59:59.000+08:00");
}

TEST(ResponseDue, red_is_24_hours_even_across_a_holiday) {
  EXPECT_EQ(response_due(Priority::red, "2026-09-30T10:00:00+08:00"),
            "2026-10-01T10:00:00.000+08:00");
  EXPECT_EQ(response_due(Priority::red, "2026-02-16T22:15:30.250+08:00"),  // 除夕
            "2026-02-17T22:15:30.250+08:00");
  EXPECT_EQ(response_due_ms(Priority::red, 1000, calendar()), 1000 + kRedResponseMs);
}

// 2031 is not in the bundled data: plain Monday to Friday. Received Tue 30 Sep 2031:
// Wed 1 Oct #1, Thu 2 #2, Fri 3 #3 (in reality National Day; unknown until it is loaded).
TEST(ResponseDue, a_year_not_covered_counts_monday_to_friday) {
  ASSERT_FALSE(calendar().covers_year(2031));
  EXPECT_EQ(response_due(Priority::yellow, "2031-09-30T10:00:00+08:00"),
            "2031-10-03T23:59:59.000+08:00");
}

// A request received on a holiday: the day received does not count, so from Sun 4 Oct 2026
// the 3rd working day is Sat 10 Oct, as from 30 Sep.
TEST(ResponseDue, a_request_received_on_a_holiday_counts_from_the_next_working_day) {
  EXPECT_EQ(response_due(Priority::yellow, "2026-10-04T12:00:00+08:00"),
            "2026-10-10T23:59:59.000+08:00");
}

TEST(ResolutionDue, is_the_end_of_the_nth_working_day) {
  const std::int64_t received = at("2026-09-30T10:00:00+08:00");
  EXPECT_EQ(shown(resolution_due_ms(1, received, calendar())), "2026-10-08T23:59:59.000+08:00");
  EXPECT_EQ(shown(resolution_due_ms(5, received, calendar())), "2026-10-13T23:59:59.000+08:00");
  // Zero working days: the end of the day it was received.
  EXPECT_EQ(shown(resolution_due_ms(0, received, calendar())), "2026-09-30T23:59:59.000+08:00");
}

TEST(ResolutionDue, is_never_before_the_response_deadline) {
  // Red, same-day resolution category, received 22:00: the end of the day is two hours
  // away but the response is due in 24 hours, so resolution is due then too.
  const std::int64_t late = at("2026-09-30T22:00:00+08:00");
  EXPECT_EQ(shown(resolution_due_ms(Priority::red, 0, late, calendar())),
            "2026-10-01T22:00:00.000+08:00");
  // A longer category is left as it is.
  EXPECT_EQ(shown(resolution_due_ms(Priority::red, 5, late, calendar())),
            "2026-10-13T23:59:59.000+08:00");
  // Yellow with a 1-working-day category: response is due 10 Oct, so resolution is too.
  EXPECT_EQ(shown(resolution_due_ms(Priority::yellow, 1, late, calendar())),
            "2026-10-10T23:59:59.000+08:00");
}

TEST(WorkingDaysToResolve, counts_working_days_between_the_shanghai_days) {
  const std::int64_t received = at("2026-09-30T10:00:00+08:00");
  EXPECT_EQ(working_days_to_resolve(received, at("2026-09-30T17:00:00+08:00"), calendar()), 0);
  EXPECT_EQ(working_days_to_resolve(received, at("2026-10-05T09:00:00+08:00"), calendar()), 0);
  EXPECT_EQ(working_days_to_resolve(received, at("2026-10-08T09:00:00+08:00"), calendar()), 1);
  EXPECT_EQ(working_days_to_resolve(received, at("2026-10-10T09:00:00+08:00"), calendar()), 3);
  // Fri 13 Feb → Tue 24 Feb: Sat 14 (make-up) and Tue 24.
  EXPECT_EQ(working_days_to_resolve(at("2026-02-13T18:00:00+08:00"), at("2026-02-24T01:00:00Z"),
                                    calendar()),
            2);
  // A resolution recorded before receipt (clock skew between servers) counts as 0.
  EXPECT_EQ(working_days_to_resolve(received, at("2026-09-27T10:00:00+08:00"), calendar()), 0);
}

TEST(ParseIso8601, reads_offsets_fractions_and_zulu) {
  const std::int64_t expected = days_from_civil(2026, 9, 30) * 24 * kHourMs + 2 * kHourMs;
  EXPECT_EQ(at("2026-09-30T10:00:00+08:00"), expected);
  EXPECT_EQ(at("2026-09-30T02:00:00Z"), expected);
  EXPECT_EQ(at("2026-09-30t02:00:00z"), expected);
  EXPECT_EQ(at("2026-09-29T21:00:00-05:00"), expected);
  EXPECT_EQ(at("2026-09-30T07:30:00+05:30"), expected);
  EXPECT_EQ(at("2026-09-30T02:00:00-00:00"), expected);
  EXPECT_EQ(at("2026-09-30 10:00+08:00"), expected);  // space, no seconds
  EXPECT_EQ(at("2026-09-30T10:00:00.5+08:00"), expected + 500);
  EXPECT_EQ(at("2026-09-30T10:00:00.123+08:00"), expected + 123);
  EXPECT_EQ(at("2026-09-30T10:00:00.123999999+08:00"), expected + 123);  // cut, not rounded
  EXPECT_EQ(at("1970-01-01T00:00:00Z"), 0);
  EXPECT_EQ(at("1969-12-31T23:59:59Z"), -1000);
  EXPECT_EQ(at("2024-02-29T00:00:00+08:00"),
            days_from_civil(2024, 2, 28) * 24 * kHourMs + 16 * kHourMs);
  // What format_iso8601 writes, parse_iso8601 reads back.
  EXPECT_EQ(at(format_iso8601(expected + 42)), expected + 42);
}

TEST(ParseIso8601, rejects_malformed_times_with_invalid_time) {
  for (std::string_view bad : {
           "",
           "yesterday",
           "2026-09-30",
           "2026-09-30T",
           "2026-09-30T10:00:00",  // no offset: which zone?
           "2026-9-30T10:00:00Z",
           "2026-02-30T10:00:00Z",  // not a real date
           "2026-09-30T24:00:00Z",
           "2026-09-30T10:60:00Z",
           "2026-09-30T10:00:60Z",  // leap seconds are not kept
           "2026-09-30T10Z",
           "2026-09-30T10:00:0Z",
           "2026-09-30T10:00:00.Z",
           "2026-09-30T10:00:00+0800",
           "2026-09-30T10:00:00+08",
           "2026-09-30T10:00:00+24:00",
           "2026-09-30T10:00:00+08:00 ",
           "2026-09-30T10:00:00Zjunk",
           "2026-09-30X10:00:00Z",
           "２０２６-09-30T10:00:00Z",
       }) {
    auto parsed = parse_iso8601(bad);
    ASSERT_FALSE(parsed.ok()) << bad;
    EXPECT_EQ(parsed.error().kind, ErrorKind::bad_request) << bad;
    EXPECT_EQ(parsed.error().code, "invalid_time") << bad;
  }
  EXPECT_NE(parse_iso8601("2026-09-30T10:00:00").error().message.find("offset"), std::string::npos);
}

}  // namespace
}  // namespace gz::requests
