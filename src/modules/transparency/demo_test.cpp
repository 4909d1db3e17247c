// The plan-lifecycle demo on a real SQLite file, on top of the registry and needs demos: every
// past plan closed through each stage with answered objections, spending within each line,
// frozen accounts and ratings; the disputed quarter waited for its third-party evaluation; the
// current quarter executes; the next one is on notice with objections still open; the audit
// chain holds; and the same seed gives the same history.
#include "modules/transparency/demo.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <memory>

#include "core/clock.hpp"
#include "modules/allocation/demo.hpp"
#include "modules/audit/audit_log.hpp"
#include "modules/needs/demo.hpp"
#include "modules/registry/demo.hpp"
#include "modules/requests/demo.hpp"
#include "modules/transparency/execution.hpp"
#include "modules/transparency/transparency.hpp"
#include "storage/temp_database.hpp"

namespace gz::transparency {
namespace {

struct Generated {
  std::unique_ptr<storage::TempDatabase> database;
  std::int64_t community_id = 0;
  DemoTransparencySummary summary;
  long long milliseconds = 0;
};

Generated generate(int households, std::uint64_t seed) {
  Generated out;
  out.database = std::make_unique<storage::TempDatabase>();
  auto& db = out.database->connection();
  registry::DemoOptions options;
  options.households_per_community = households;
  options.seed = seed;
  out.community_id = registry::generate_demo(db, options).community_ids.front();
  needs::generate_demo_needs(db, out.community_id, seed, requests::kDemoAsOfMs);
  auto plans = allocation::generate_demo_plans(db, out.community_id, requests::kDemoAsOfMs);
  auto started = std::chrono::steady_clock::now();
  out.summary =
      generate_demo_transparency(db, out.community_id, plans.plan_ids, seed, requests::kDemoAsOfMs);
  out.milliseconds = std::chrono::duration_cast<std::chrono::milliseconds>(
                         std::chrono::steady_clock::now() - started)
                         .count();
  return out;
}

class TransparencyDemo : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    generated_ = new Generated(generate(4500, registry::DemoOptions{}.seed));
    const auto& s = generated_->summary;
    std::printf(
        "[transparency demo] %lld ms: %d published, %d closed, %d objections, %d spending "
        "records, %d ratings\n",
        generated_->milliseconds, s.plans_published, s.plans_closed, s.objections,
        s.spending_records, s.ratings);
  }
  static void TearDownTestSuite() {
    delete generated_;
    generated_ = nullptr;
  }
  static storage::Connection& db() { return generated_->database->connection(); }
  static const DemoTransparencySummary& summary() { return generated_->summary; }
  static std::int64_t count(const std::string& sql) { return db().query_int(sql); }
  static Generated* generated_;
};
Generated* TransparencyDemo::generated_ = nullptr;

TEST_F(TransparencyDemo, PastPlansClosedThroughEveryStage) {
  EXPECT_EQ(summary().plans_published, 11);  // 5 quarters × 2 kinds, and the 2027Q1 notice
  EXPECT_EQ(summary().plans_closed, 8);      // 2025Q4 … 2026Q3
  EXPECT_EQ(count("SELECT COUNT(*) FROM plan_lifecycle WHERE stage = 'closed'"), 8);
  EXPECT_EQ(count("SELECT COUNT(*) FROM plan_lifecycle WHERE stage = 'executing'"), 2);
  EXPECT_EQ(count("SELECT COUNT(*) FROM plan_lifecycle WHERE stage = 'public_notice'"), 1);
  // Each closed plan: six events (three more for the plan voted on twice), a final
  // evaluation, frozen accounts within plan.
  EXPECT_EQ(summary().council_failures, 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM plan_events e JOIN plan_lifecycle l ON l.plan_id = "
                  "e.plan_id WHERE l.stage = 'closed'"),
            8 * 6 + 3);
  EXPECT_EQ(count("SELECT COUNT(*) FROM plan_evaluations WHERE kind = 'final'"), 8);
  EXPECT_EQ(count("SELECT COUNT(*) FROM plan_accounts WHERE spent > planned OR spent < 0"), 0);
  EXPECT_EQ(count("SELECT COUNT(DISTINCT plan_id) FROM plan_accounts"), 8);
  EXPECT_EQ(count("SELECT COUNT(*) FROM plan_objections WHERE answer IS NULL AND plan_id <> " +
                  std::to_string(summary().notice_plan_id)),
            0);
}

TEST_F(TransparencyDemo, EveryPlanPastItsVoteHasTheVoteAndTheAssessmentOnRecord) {
  // Ten plans voted on (8 closed, 2 executing), one of them twice; each assessed once.
  EXPECT_EQ(count("SELECT COUNT(*) FROM plan_council_votes WHERE passed = 1"), 10);
  EXPECT_EQ(count("SELECT COUNT(*) FROM plan_council_votes WHERE passed = 0 AND quorum_met = 0"),
            1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM plan_assessments WHERE recommendation <> 'reject'"), 10);
  EXPECT_EQ(count("SELECT COUNT(*) FROM plan_council_votes WHERE passed = 1 AND "
                  "votes_for * 2 <= members_present"),
            0);
}

TEST_F(TransparencyDemo, TheReserveMetEmergenciesWithinItsSizeSignedOffByTheStreet) {
  EXPECT_GE(summary().emergency_spends, 5);  // one or two in each of five services quarters
  EXPECT_EQ(count("SELECT COUNT(*) FROM plan_emergency_spending"), summary().emergency_spends);
  for (const auto& row : db().query("SELECT DISTINCT plan_id FROM plan_emergency_spending")) {
    EXPECT_GE(reserve_left(db(), row.integer(0)), 0) << row.integer(0);
  }
  // Only the latest spends may still wait for the street; none is overdue at as_of.
  EXPECT_TRUE(overdue_sign_offs(db(), generated_->community_id, requests::kDemoAsOfMs).empty());
  // The next quarter's plan took in what 2026Q3's services plan (the last quarter ended)
  // left of its reserve.
  auto carried = db().query_one(
      "SELECT carried_in, carried_from_plan_id FROM allocation_plans "
      "WHERE id = ?",
      {summary().notice_plan_id});
  ASSERT_TRUE(carried.has_value());
  EXPECT_GT(carried->integer(0), 0);
  EXPECT_EQ(reserve_left(db(), carried->integer(1)), 0);
}

TEST_F(TransparencyDemo, PartiesFundedTheServicesLinesByTheirRules) {
  EXPECT_EQ(count("SELECT COUNT(*) FROM funding_parties"), 5);
  EXPECT_GT(summary().pledges, 0);
  auto funding = community_funding(db(), generated_->community_id);
  // Basic lines add 30/70 of the government's part, improvement 7/3, special 2/8: the
  // parties add about half again of what the government plans.
  EXPECT_GT(funding.others_received * 100, funding.government * 30);
  EXPECT_LT(funding.others_received, funding.government);
  // A closed plan's pledges are paid in full; no pledge passes its line's share.
  for (const auto& row : db().query("SELECT plan_id FROM plan_lifecycle WHERE stage = 'closed' "
                                    "AND plan_id IN (SELECT plan_id FROM funding_pledges)")) {
    for (const auto& line : funding_of(db(), row.integer(0)).lines) {
      for (const auto& share : line.shares) EXPECT_LE(share.pledged, share.expected);
      for (const auto& pledge : line.pledges) EXPECT_EQ(pledge.received, pledge.amount);
    }
  }
}

TEST_F(TransparencyDemo, ClosedPlansWereSpentMostlyOnHouseholdsInNeedAndRated) {
  for (const auto& row :
       db().query("SELECT plan_id FROM plan_lifecycle WHERE stage = 'closed' ORDER BY plan_id")) {
    auto progress = progress_of(db(), row.integer(0));
    ASSERT_GT(progress.planned, 0);
    // 93.5%–97.5% of each line by the end of the quarter.
    EXPECT_GE(progress.spent * 100, progress.planned * 90) << row.integer(0);
    EXPECT_LE(progress.spent, progress.planned);
    EXPECT_GT(progress.households_served, 0);
    ASSERT_GT(progress.delivered_units, 0);
    EXPECT_LT(progress.misallocated_units * 100, progress.delivered_units * 12) << row.integer(0);
    auto satisfaction = satisfaction_of(db(), row.integer(0));
    EXPECT_GT(satisfaction.responses, 0);
    EXPECT_LE(satisfaction.responses, 60);
    EXPECT_GE(satisfaction.satisfied_bp, 7000);
  }
  // Some deliveries missed: the indicator has something to show.
  EXPECT_GT(count("SELECT COUNT(*) FROM plan_deliveries WHERE had_demand = 0"), 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM plan_ratings"), summary().ratings);
}

TEST_F(TransparencyDemo, TheDisputedQuarterWaitedForAThirdPartyEvaluation) {
  auto plan = std::to_string(summary().disputed_plan_id);
  std::int64_t objecting =
      count("SELECT COUNT(DISTINCT household_id) FROM plan_objections WHERE plan_id = " + plan);
  std::int64_t households = count("SELECT COUNT(*) FROM households WHERE community_id = " +
                                  std::to_string(generated_->community_id));
  EXPECT_GT(objecting * 100, households * 5);
  EXPECT_EQ(count("SELECT COUNT(*) FROM plan_evaluations WHERE kind = 'third_party' AND "
                  "plan_id = " +
                  plan),
            1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM plan_evaluations WHERE kind = 'third_party'"), 1);
}

TEST_F(TransparencyDemo, TheNextQuarterIsOnNoticeWithOpenObjections) {
  auto notices = public_notices(db(), generated_->community_id, requests::kDemoAsOfMs);
  ASSERT_TRUE(notices.ok());
  ASSERT_FALSE(notices->empty());
  const auto& newest = notices->front();
  EXPECT_EQ(newest.status.plan_id, summary().notice_plan_id);
  EXPECT_EQ(newest.status.stage, Stage::public_notice);
  EXPECT_EQ(newest.status.notice_days_left, 4);
  int open = 0;
  for (const auto& objection : newest.objections) open += objection.answer ? 0 : 1;
  EXPECT_EQ(open, 2);
  EXPECT_EQ(newest.objections.size(), 6u);
}

TEST_F(TransparencyDemo, AuditChainHolds) {
  auto verified = audit::verify(db());
  EXPECT_TRUE(verified.ok);
  EXPECT_GT(verified.checked, 0);
}

TEST(TransparencyDemoSeed, SameSeedSameHistory) {
  auto first = generate(400, 7);
  auto second = generate(400, 7);
  const char* sql = "SELECT COUNT(*) * 1000003 + COALESCE(SUM(amount), 0) FROM plan_spending";
  EXPECT_EQ(first.database->connection().query_int(sql),
            second.database->connection().query_int(sql));
  EXPECT_EQ(first.summary.objections, second.summary.objections);
  EXPECT_EQ(first.summary.ratings, second.summary.ratings);
}

}  // namespace
}  // namespace gz::transparency
