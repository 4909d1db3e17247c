// The allocation demo on a real SQLite file, on top of the registry and needs demos: plans
// that add up exactly and chain quarter to quarter, the newborn surge moving childcare from
// ~20% to ~35%, and the same plans for the same seed.
#include "modules/allocation/demo.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "modules/allocation/plans.hpp"
#include "modules/audit/audit_log.hpp"
#include "modules/needs/demo.hpp"
#include "modules/registry/demo.hpp"
#include "modules/requests/demo.hpp"
#include "storage/temp_database.hpp"

namespace gz::allocation {
namespace {

using storage::TempDatabase;

struct Generated {
  std::unique_ptr<TempDatabase> database;
  std::int64_t community_id = 0;
  DemoPlansSummary summary;
  long long milliseconds = 0;
};

// The registry and needs demos first, as `gongzhi demo` runs them: the plans read the
// households and the guides' assessments.
Generated generate(int households, std::uint64_t seed) {
  Generated out;
  out.database = std::make_unique<TempDatabase>();
  registry::DemoOptions options;
  options.households_per_community = households;
  options.seed = seed;
  auto& db = out.database->connection();
  out.community_id = registry::generate_demo(db, options).community_ids.front();
  needs::generate_demo_needs(db, out.community_id, seed, requests::kDemoAsOfMs);
  const auto started = std::chrono::steady_clock::now();
  out.summary = generate_demo_plans(db, out.community_id, requests::kDemoAsOfMs);
  out.milliseconds = std::chrono::duration_cast<std::chrono::milliseconds>(
                         std::chrono::steady_clock::now() - started)
                         .count();
  return out;
}

class AllocationDemo : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    generated_ = new Generated(generate(4500, registry::DemoOptions{}.seed));
    std::printf("[allocation demo] %lld ms: %d plans\n", generated_->milliseconds,
                generated_->summary.plans);
  }
  static void TearDownTestSuite() {
    delete generated_;
    generated_ = nullptr;
  }
  static storage::Connection& db() { return generated_->database->connection(); }
  static const DemoPlansSummary& summary() { return generated_->summary; }
  static StoredPlan plan(std::int64_t id) {
    auto plan = get_plan(db(), audit::system_actor(), id);
    EXPECT_TRUE(plan.ok()) << plan.error().message;
    return *plan;
  }

  static Generated* generated_;
};
Generated* AllocationDemo::generated_ = nullptr;

TEST_F(AllocationDemo, plans_add_up_exactly_and_chain_quarter_to_quarter) {
  EXPECT_EQ(summary().plans, 10);
  const auto& ids = summary().plan_ids;
  ASSERT_EQ(ids.size(), 10u);
  for (std::size_t series = 0; series < 2; ++series) {
    std::optional<StoredPlan> previous;
    for (std::size_t q = 0; q < 5; ++q) {
      auto current = plan(ids[series * 5 + q]);
      std::int64_t lines = 0;
      for (const auto& line : current.lines) {
        EXPECT_EQ(line.base + line.dynamic, line.total);
        lines += line.total;
      }
      EXPECT_EQ(current.emergency + current.base_pool + current.dynamic_pool, current.total);
      EXPECT_EQ(lines + current.emergency + current.surplus, current.total) << current.quarter;
      EXPECT_EQ(current.total, series == 0 ? 1'200'000 : 60);
      for (std::size_t i = 0; i < current.lines.size(); ++i) {
        if (previous) {
          ASSERT_TRUE(current.lines[i].previous_total.has_value());
          EXPECT_EQ(*current.lines[i].previous_total, previous->lines[i].total);
        } else {
          EXPECT_FALSE(current.lines[i].previous_total.has_value());
        }
      }
      previous = current;
    }
  }
}

TEST_F(AllocationDemo, the_newborn_surge_moves_childcare_from_a_fifth_to_about_a_third) {
  std::vector<double> shares;
  for (std::size_t q = 0; q < 5; ++q) {
    auto current = plan(summary().plan_ids[q]);
    std::string line_text;
    for (const auto& line : current.lines) {
      if (line.category == "childcare") {
        shares.push_back(static_cast<double>(line.total) / static_cast<double>(current.total));
      }
      line_text += line.category + "=" + std::to_string(line.total) + " ";
    }
    std::printf("[allocation demo] %s: %s\n", current.quarter.c_str(), line_text.c_str());
  }
  ASSERT_EQ(shares.size(), 5u);
  EXPECT_NEAR(shares.front(), 0.20, 0.015);
  EXPECT_NEAR(shares.back(), 0.35, 0.015);
  for (std::size_t q = 1; q < shares.size(); ++q) EXPECT_GT(shares[q], shares[q - 1]);
}

TEST(AllocationDemoSeed, the_same_seed_gives_the_same_plans) {
  auto first = generate(600, 7);
  auto second = generate(600, 7);
  ASSERT_EQ(first.summary.plan_ids.size(), second.summary.plan_ids.size());
  for (std::size_t i = 0; i < first.summary.plan_ids.size(); ++i) {
    auto a =
        get_plan(first.database->connection(), audit::system_actor(), first.summary.plan_ids[i]);
    auto b =
        get_plan(second.database->connection(), audit::system_actor(), second.summary.plan_ids[i]);
    ASSERT_TRUE(a && b);
    ASSERT_EQ(a->lines.size(), b->lines.size());
    for (std::size_t l = 0; l < a->lines.size(); ++l)
      EXPECT_EQ(a->lines[l].total, b->lines[l].total);
  }
}

}  // namespace
}  // namespace gz::allocation
