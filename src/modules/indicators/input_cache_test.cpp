#include "modules/indicators/input_cache.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "modules/audit/audit_log.hpp"
#include "storage/temp_database.hpp"

namespace gz::indicators {
namespace {

Period quarter(const std::string& label) {
  auto period = parse_period(label);
  EXPECT_TRUE(period.ok());
  return *period;
}

// Gathers a made-up input and counts how often each community was gathered.
struct CountingGather {
  std::map<std::int64_t, int> calls;
  InputCache::Gather function() {
    return [this](storage::Connection&, std::int64_t community_id, const Period& period) {
      int call = ++calls[community_id];
      IndicatorInput input;
      input.months = period.months;
      input.households = community_id * 1000 + call;  // shows which gathering it came from
      input.requests.resize(static_cast<std::size_t>(community_id));
      return input;
    };
  }
};

void audit(storage::Connection& db, std::optional<std::int64_t> community_id) {
  audit::append(db, audit::system_actor(), {community_id, "test.write", "test", "1", {}});
}

TEST(InputCache, KeepsACommunitysInputUntilItsNextAuditedWrite) {
  storage::TempDatabase temp;
  auto& db = temp.connection();
  audit(db, 1);
  audit(db, 2);
  CountingGather gather;
  InputCache cache(gather.function(), std::chrono::seconds(600));
  Period q3 = quarter("2026Q3");

  auto first = cache.sum(db, {1, 2}, q3);
  EXPECT_EQ(first.households, 1001 + 2001);
  EXPECT_EQ(first.requests.size(), 3u);
  auto again = cache.sum(db, {1, 2}, q3);
  EXPECT_EQ(again.households, first.households);
  EXPECT_EQ(gather.calls[1], 1);
  EXPECT_EQ(gather.calls[2], 1);
  EXPECT_EQ(cache.hits(), 2u);

  audit(db, 2);  // a write in community 2 only
  auto after_write = cache.sum(db, {1, 2}, q3);
  EXPECT_EQ(gather.calls[1], 1);
  EXPECT_EQ(gather.calls[2], 2);
  EXPECT_EQ(after_write.households, 1001 + 2002);

  audit(db, std::nullopt);  // a default every community inherits
  cache.sum(db, {1, 2}, q3);
  EXPECT_EQ(gather.calls[1], 2);
  EXPECT_EQ(gather.calls[2], 3);

  cache.sum(db, {1}, quarter("2026Q2"));  // another period is another entry
  EXPECT_EQ(gather.calls[1], 3);
  cache.sum(db, {1, 2}, q3);
  EXPECT_EQ(gather.calls[1], 3);
  EXPECT_EQ(gather.calls[2], 3);
}

TEST(InputCache, EntriesExpireAfterTheirMaximumAge) {
  storage::TempDatabase temp;
  CountingGather gather;
  InputCache cache(gather.function(), std::chrono::seconds(0));
  cache.sum(temp.connection(), {7}, quarter("2026Q3"));
  cache.sum(temp.connection(), {7}, quarter("2026Q3"));
  EXPECT_EQ(gather.calls[7], 2);  // a community with no audit entry yet is still gathered
}

TEST(InputCache, AddsInputsOfSeveralCommunities) {
  IndicatorInput total;
  IndicatorInput a;
  a.households = 10;
  a.participating_households = 4;
  a.leaders_at_end = 2;
  a.ratings.push_back({ResidentGroup::elderly, 5});
  IndicatorInput b;
  b.households = 5;
  b.leaders_at_start = 3;
  b.leaders_at_end = 4;
  b.spending_fen = 700;
  b.ratings.push_back({ResidentGroup::tenants, 2});
  add_input(total, a);
  EXPECT_FALSE(total.leaders_at_start.has_value());  // no leader at the start anywhere: no data
  add_input(total, b);
  EXPECT_EQ(total.households, 15);
  EXPECT_EQ(total.participating_households, 4);
  EXPECT_EQ(total.leaders_at_start, 3);
  EXPECT_EQ(total.leaders_at_end, 6);
  EXPECT_EQ(total.spending_fen, 700);
  ASSERT_EQ(total.ratings.size(), 2u);
  EXPECT_EQ(total.ratings[1].rating, 2);
}

}  // namespace
}  // namespace gz::indicators
