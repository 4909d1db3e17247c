#include "modules/requests/stats.hpp"

#include <gtest/gtest.h>

namespace gz::requests {
namespace {

constexpr std::int64_t kHour = 3600 * 1000;
constexpr std::int64_t kNow = 1'790'000'000'000;  // a Friday in 2026

RequestFacts fact(Status status, std::int64_t received, std::int64_t response_due,
                  std::int64_t resolution_due) {
  RequestFacts out;
  out.status = status;
  out.received_ms = received;
  out.response_due_ms = response_due;
  out.resolution_due_ms = resolution_due;
  return out;
}

TEST(RequestStats, CountsOnlyWhatIsDueAndLeavesOutCancelledAndReferred) {
  WorkCalendar calendar;  // Monday to Friday
  std::vector<RequestFacts> facts;
  auto on_time = fact(Status::closed, kNow - 48 * kHour, kNow - 24 * kHour, kNow - kHour);
  on_time.responded_ms = kNow - 47 * kHour;
  on_time.resolved_ms = kNow - 46 * kHour;
  on_time.rating = 5;
  facts.push_back(on_time);
  auto late = fact(Status::resolved, kNow - 48 * kHour, kNow - 24 * kHour, kNow + kHour);
  late.responded_ms = kNow - 20 * kHour;
  late.resolved_ms = kNow - 10 * kHour;
  late.rating = 3;
  late.overdue = true;
  facts.push_back(late);
  facts.push_back(fact(Status::submitted, kNow - kHour, kNow + 23 * kHour, kNow + 100 * kHour));
  facts.push_back(fact(Status::cancelled, kNow - 48 * kHour, kNow - 24 * kHour, kNow - kHour));
  auto referred =
      fact(Status::not_our_responsibility, kNow - 48 * kHour, kNow - 24 * kHour, kNow - kHour);
  referred.responded_ms = kNow - 30 * kHour;
  facts.push_back(referred);
  RequestStats stats = compute_stats(facts, kNow, calendar);
  EXPECT_EQ(stats.received, 4);
  EXPECT_EQ(stats.response.numerator, 2);    // on_time, referred
  EXPECT_EQ(stats.response.denominator, 3);  // on_time, late, referred (fresh one not yet due)
  EXPECT_EQ(stats.resolution.numerator, 2);
  EXPECT_EQ(stats.resolution.denominator, 2);  // referred is left out
  EXPECT_EQ(stats.satisfaction.numerator, 1);
  EXPECT_EQ(stats.satisfaction.denominator, 2);
  EXPECT_EQ(stats.overdue, 1);
  EXPECT_EQ(stats.resolved_count, 2);
  ASSERT_TRUE(stats.median_working_days_to_resolve.has_value());
}

TEST(RequestStats, EmptyPeriodHasNoRates) {
  RequestStats stats = compute_stats({}, kNow, WorkCalendar{});
  EXPECT_EQ(stats.received, 0);
  EXPECT_FALSE(stats.response.value().has_value());
  EXPECT_FALSE(stats.median_working_days_to_resolve.has_value());
}

}  // namespace
}  // namespace gz::requests
