#include "modules/allocation/pools.hpp"

#include <gtest/gtest.h>

#include <numeric>
#include <random>

namespace gz::allocation {
namespace {

// Five categories with their policy shares (percent of eligible population).
std::vector<CategoryInput> categories(std::vector<std::int64_t> demand_weights) {
  std::vector<CategoryInput> out = {{"childcare", 20, 0, {}},
                                    {"elderly_care", 40, 0, {}},
                                    {"culture_sports", 20, 0, {}},
                                    {"disability_service", 10, 0, {}},
                                    {"low_income_assistance", 10, 0, {}}};
  for (std::size_t i = 0; i < out.size(); ++i) out[i].demand_weight = demand_weights[i];
  return out;
}

Plan plan(std::int64_t total, const std::vector<CategoryInput>& input, PoolPercents percents = {}) {
  auto result = plan_allocation(total, input, percents);
  EXPECT_TRUE(result.ok()) << (result.ok() ? "" : result.error().message);
  return result.ok() ? result.value() : Plan{};
}

std::int64_t sum_of_lines(const Plan& p) {
  std::int64_t sum = 0;
  for (const PlanLine& line : p.lines) sum += line.total;
  return sum;
}

TEST(Pools, takes_the_reserve_first_then_splits_70_30) {
  Plan p = plan(1'000'000, categories({20, 40, 20, 10, 10}));
  EXPECT_EQ(p.emergency, 50'000);
  EXPECT_EQ(p.base_pool, 665'000);
  EXPECT_EQ(p.dynamic_pool, 285'000);
  EXPECT_EQ(p.surplus, 0);
  EXPECT_EQ(p.lines[0].category, "childcare");
  EXPECT_EQ(p.lines[0].base, 133'000);
  EXPECT_EQ(p.lines[0].dynamic, 57'000);
  EXPECT_EQ(p.lines[0].total, 190'000);
  EXPECT_EQ(p.reserve() + sum_of_lines(p), 1'000'000);
}

TEST(Pools, rounds_the_reserve_down_and_keeps_the_fraction_in_the_pools) {
  // 5% of 99 fen is 4.95: the reserve is 4, the pools share 95 (66.5 / 28.5 -> 67 / 28,
  // the tie going to the larger pool).
  Plan p = plan(99, categories({1, 1, 1, 1, 1}));
  EXPECT_EQ(p.emergency, 4);
  EXPECT_EQ(p.base_pool, 67);
  EXPECT_EQ(p.dynamic_pool, 28);
  EXPECT_EQ(p.reserve() + sum_of_lines(p), 99);
  Plan places = plan(7, categories({1, 1, 1, 1, 1}));  // 7 childcare places
  EXPECT_EQ(places.emergency, 0);
  EXPECT_EQ(places.reserve() + sum_of_lines(places), 7);
}

TEST(Pools, a_newborn_surge_moves_childcare_from_20_to_35_percent) {
  // The seed: in the quarter of the newborn surge, childcare went from 20% of the
  // resources to 35%, and the idle elderly activity budget shrank. Base shares stay
  // fixed; the quarter's demand weights move the dynamic pool.
  Plan spring = plan(1'000'000, categories({20, 40, 20, 10, 10}));
  Plan surge = plan(1'000'000, categories({70, 10, 10, 5, 5}));
  EXPECT_EQ(surge.lines[0].base, 133'000);
  EXPECT_EQ(surge.lines[0].dynamic, 199'500);
  EXPECT_EQ(surge.lines[0].total, 332'500);
  EXPECT_EQ(surge.lines[1].total, 294'500);
  EXPECT_EQ(surge.reserve() + sum_of_lines(surge), 1'000'000);

  std::vector<LineChange> changes = diff_plans(spring, surge);
  ASSERT_EQ(changes.size(), 5u);
  EXPECT_EQ(changes[0].category, "childcare");
  EXPECT_EQ(changes[0].previous_total, 190'000);
  EXPECT_EQ(changes[0].current_total, 332'500);
  EXPECT_EQ(changes[0].change, 142'500);
  EXPECT_EQ(changes[0].previous_share_bp, 2000);  // 20% of the 950,000 shared out
  EXPECT_EQ(changes[0].current_share_bp, 3500);   // 35%
  EXPECT_EQ(changes[1].category, "elderly_care");
  EXPECT_EQ(changes[1].change, 294'500 - 380'000);
  std::int64_t net = 0;
  for (const LineChange& change : changes) net += change.change;
  EXPECT_EQ(net, 0);
}

TEST(Pools, caps_the_dynamic_pool_at_unmet_demand_and_passes_the_surplus_on) {
  // The surge again, but childcare needs 250,000 in all: 133,000 from the base pool, so at
  // most 117,000 of the dynamic pool (weight 70 would give it 199,500). Culture needs
  // 150,000: at most 17,000. The 151,000 left goes to the others 10 : 5 : 5.
  std::vector<CategoryInput> input = categories({70, 10, 10, 5, 5});
  input[0].demand = 250'000;
  input[2].demand = 150'000;
  Plan p = plan(1'000'000, input);
  EXPECT_EQ(p.lines[0].dynamic, 117'000);
  EXPECT_EQ(p.lines[0].total, 250'000);
  EXPECT_EQ(p.lines[2].dynamic, 17'000);
  EXPECT_EQ(p.lines[1].dynamic, 75'500);
  EXPECT_EQ(p.lines[3].dynamic, 37'750);
  EXPECT_EQ(p.lines[4].dynamic, 37'750);
  EXPECT_EQ(p.surplus, 0);
  EXPECT_EQ(p.reserve() + sum_of_lines(p), 1'000'000);
}

TEST(Pools, sends_a_surplus_nobody_needs_to_the_reserve) {
  std::vector<CategoryInput> input = categories({20, 40, 20, 10, 10});
  for (auto& c : input) c.demand = 0;  // the base pool already covers everything
  Plan p = plan(1'000'000, input);
  EXPECT_EQ(p.surplus, 285'000);
  EXPECT_EQ(p.reserve(), 335'000);
  EXPECT_EQ(p.reserve() + sum_of_lines(p), 1'000'000);
}

TEST(Pools, refuses_percentages_that_do_not_add_up) {
  PoolPercents bad;
  bad.base_percent = 70;
  bad.dynamic_percent = 40;
  auto result = plan_allocation(100, categories({1, 1, 1, 1, 1}), bad);
  ASSERT_FALSE(result.ok());
  EXPECT_EQ(result.error().code, "invalid_percentages");
  bad = PoolPercents{101, 70, 30};
  EXPECT_EQ(validate(bad).error().code, "invalid_percentages");
  PoolPercents custom{10, 60, 40};
  Plan p = plan(1000, categories({1, 1, 1, 1, 1}), custom);
  EXPECT_EQ(p.emergency, 100);
  EXPECT_EQ(p.base_pool, 540);
  EXPECT_EQ(p.dynamic_pool, 360);
}

TEST(Pools, refuses_bad_categories) {
  std::vector<CategoryInput> none;
  EXPECT_EQ(plan_allocation(100, none).error().code, "no_categories");
  std::vector<CategoryInput> twice = {{"a", 1, 1, {}}, {"a", 1, 1, {}}};
  EXPECT_EQ(plan_allocation(100, twice).error().code, "duplicate_category");
  std::vector<CategoryInput> no_policy = {{"a", 0, 1, {}}};
  EXPECT_EQ(plan_allocation(100, no_policy).error().code, "no_weight");
  EXPECT_EQ(plan_allocation(-1, categories({1, 1, 1, 1, 1})).error().code, "negative_amount");
}

TEST(Pools, plans_always_add_up_to_the_total) {
  std::mt19937_64 random(3);
  for (int round = 0; round < 2000; ++round) {
    const std::size_t n = 1 + random() % 20;
    std::vector<CategoryInput> input(n);
    for (std::size_t i = 0; i < n; ++i) {
      input[i].name = "c" + std::to_string(i);
      input[i].policy_weight = static_cast<std::int64_t>(random() % 1000) + (i == 0 ? 1 : 0);
      input[i].demand_weight = static_cast<std::int64_t>(random() % 1000);
      if (random() % 2) input[i].demand = static_cast<std::int64_t>(random() % 100'000'000);
    }
    const std::int64_t total = static_cast<std::int64_t>(random() % 1'000'000'000'000LL);
    PoolPercents percents;
    percents.emergency_percent = static_cast<int>(random() % 21);
    percents.base_percent = static_cast<int>(random() % 101);
    percents.dynamic_percent = 100 - percents.base_percent;
    Plan p = plan(total, input, percents);
    ASSERT_EQ(p.emergency + p.base_pool + p.dynamic_pool, total);
    ASSERT_EQ(p.reserve() + sum_of_lines(p), total);
    std::int64_t base = 0, dynamic = 0;
    for (std::size_t i = 0; i < n; ++i) {
      base += p.lines[i].base;
      dynamic += p.lines[i].dynamic;
      if (input[i].demand) {
        ASSERT_LE(p.lines[i].dynamic,
                  std::max<std::int64_t>(*input[i].demand - p.lines[i].base, 0));
      }
    }
    ASSERT_EQ(base, p.base_pool);
    ASSERT_EQ(dynamic + p.surplus, p.dynamic_pool);
  }
}

}  // namespace
}  // namespace gz::allocation
