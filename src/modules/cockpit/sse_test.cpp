// Unit tests of the SSE framing and the cockpit's pure helpers.
#include "modules/cockpit/sse.hpp"

#include <gtest/gtest.h>

#include "modules/cockpit/snapshot.hpp"

namespace gz::cockpit {
namespace {

TEST(CockpitSse, RetryIsOneLineInMilliseconds) {
  EXPECT_EQ(sse_retry(15000), "retry: 15000\n");
}

TEST(CockpitSse, AnEventEndsWithABlankLine) {
  EXPECT_EQ(sse_event("snapshot", R"({"a":1})"), "event: snapshot\ndata: {\"a\":1}\n\n");
}

TEST(CockpitSse, EveryLineOfTheDataGetsItsOwnDataField) {
  EXPECT_EQ(sse_event("x", "one\ntwo\r\nthree\rfour"),
            "event: x\ndata: one\ndata: two\ndata: three\ndata: four\n\n");
  EXPECT_EQ(sse_event("x", ""), "event: x\ndata: \n\n");
}

// 2026-12-31T23:30:00+08:00 = 2026-12-31T15:30:00Z.
constexpr std::int64_t kNewYearsEveMs = 1798731000000;

TEST(CockpitSnapshot, TheDayStartsAtShanghaiMidnight) {
  // 2026-12-31T00:00:00+08:00 = 2026-12-30T16:00:00Z.
  EXPECT_EQ(start_of_day_ms(kNewYearsEveMs), 1798646400000);
  EXPECT_EQ(start_of_day_ms(1798646400000), 1798646400000);
  EXPECT_EQ(start_of_day_ms(1798646400000 - 1), 1798646400000 - 24LL * 3600 * 1000);
}

TEST(CockpitSnapshot, KeepsTheNewestWarningsNewestFirst) {
  std::vector<warnings::Warning> all;
  for (int i = 1; i <= 7; ++i) {
    warnings::Warning warning;
    warning.id = i;
    warning.raised_at = "2026-11-0" + std::to_string(i) + "T10:00:00+08:00";
    all.push_back(warning);
  }
  all[6].raised_at = all[5].raised_at;  // a tie: the higher id first
  auto kept = newest_first(all, 5);
  ASSERT_EQ(kept.size(), 5u);
  EXPECT_EQ(kept[0].id, 7);
  EXPECT_EQ(kept[1].id, 6);
  EXPECT_EQ(kept[4].id, 3);
  EXPECT_EQ(newest_first({}, 5).size(), 0u);
}

}  // namespace
}  // namespace gz::cockpit
