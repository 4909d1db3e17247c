// The participation demo on a real SQLite file, on top of the registry and points demos: every
// points sheet became an activity whose attendance names its posting, the new meetings paid
// their points once, proposals reach every state with consistent seconds, votes and
// outcomes, one topic is stalled, it runs fast, and the same seed gives the same rows.
#include "modules/participation/demo.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <memory>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "modules/audit/audit_log.hpp"
#include "modules/ledger/ledger.hpp"
#include "modules/participation/rules.hpp"
#include "modules/points/demo.hpp"
#include "modules/registry/demo.hpp"
#include "storage/temp_database.hpp"

namespace gz::participation {
namespace {

// 2026-11-29T08:00:00+08:00, the demo's "now".
const std::int64_t kAsOfMs = days_from_civil(2026, 11, 29) * 86'400'000;

struct Generated {
  std::unique_ptr<storage::TempDatabase> database;
  std::int64_t community_id = 0;
  DemoParticipationSummary summary;
  long long milliseconds = 0;
};

Generated generate(int households, std::uint64_t seed) {
  Generated out;
  out.database = std::make_unique<storage::TempDatabase>();
  registry::DemoOptions options;
  options.households_per_community = households;
  options.seed = seed;
  auto& db = out.database->connection();
  out.community_id = registry::generate_demo(db, options).community_ids.front();
  (void)points::generate_demo_points(db, out.community_id, seed, kAsOfMs);
  const auto started = std::chrono::steady_clock::now();
  out.summary = generate_demo_participation(db, out.community_id, seed, kAsOfMs);
  out.milliseconds = std::chrono::duration_cast<std::chrono::milliseconds>(
                         std::chrono::steady_clock::now() - started)
                         .count();
  return out;
}

class ParticipationDemo : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    generated_ = new Generated(generate(1200, registry::DemoOptions{}.seed));
    const auto& s = generated_->summary;
    std::printf(
        "[participation demo] %lld ms: %d activities, %d attendances, %d sign-ups, %d "
        "proposals, %d votes, %d stalled\n",
        generated_->milliseconds, s.activities, s.attendances, s.signups, s.proposals, s.votes,
        s.stalled);
  }
  static void TearDownTestSuite() {
    delete generated_;
    generated_ = nullptr;
  }
  static storage::Connection& db() { return generated_->database->connection(); }
  static std::int64_t count(const std::string& sql) { return db().query_int(sql); }
  static Generated* generated_;
};
Generated* ParticipationDemo::generated_ = nullptr;

TEST_F(ParticipationDemo, the_summary_tells_the_truth_and_runs_fast) {
  const auto& s = generated_->summary;
  EXPECT_EQ(count("SELECT COUNT(*) FROM activities"), s.activities);
  EXPECT_EQ(count("SELECT COUNT(*) FROM activity_attendance"), s.attendances);
  EXPECT_EQ(count("SELECT COUNT(*) FROM activity_signups"), s.signups);
  EXPECT_EQ(count("SELECT COUNT(*) FROM proposals"), s.proposals);
  EXPECT_EQ(count("SELECT COUNT(*) FROM proposal_votes"), s.votes);
  EXPECT_GE(s.proposals, 1200 * 5 / 100);  // more than 5 per 100 households a year
  EXPECT_EQ(s.stalled, 1);
}

TEST_F(ParticipationDemo, every_channel_and_kind_has_activities_in_the_year_and_upcoming) {
  for (const char* channel : {"online_hall", "building_corner", "tenant_reps", "community"}) {
    EXPECT_GT(
        count(std::string("SELECT COUNT(*) FROM activities WHERE channel = '") + channel + "'"), 0)
        << channel;
  }
  for (const char* kind : {"meeting", "volunteer", "skill_sharing"}) {
    EXPECT_GT(count(std::string("SELECT COUNT(*) FROM activities WHERE kind = '") + kind + "'"), 0)
        << kind;
  }
  EXPECT_GE(count("SELECT COUNT(*) FROM activities WHERE starts_ms > " + std::to_string(kAsOfMs)),
            3);
  EXPECT_EQ(count("SELECT COUNT(*) FROM activity_attendance WHERE checked_in_ms >= " +
                  std::to_string(kAsOfMs)),
            0);
  // Building corners name their building.
  EXPECT_EQ(count("SELECT COUNT(*) FROM activities WHERE channel = 'building_corner' AND "
                  "building_id IS NULL"),
            0);
}

TEST_F(ParticipationDemo, attendance_and_points_agree_and_nothing_is_paid_twice) {
  // Every attendance with points names an award posting of that resident and amount.
  EXPECT_EQ(count("SELECT COUNT(*) FROM activity_attendance t LEFT JOIN ledger_postings p ON "
                  "p.id = t.posting_id LEFT JOIN ledger_accounts a ON a.id = p.credit_account_id "
                  "WHERE p.id IS NULL OR p.code <> 'award' OR a.resident_id <> t.resident_id OR "
                  "p.amount <> t.points"),
            0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM (SELECT posting_id FROM activity_attendance GROUP BY "
                  "posting_id HAVING COUNT(*) > 1) d"),
            0);
  EXPECT_TRUE(ledger::verify_balances(db()).ok);
  EXPECT_TRUE(audit::verify(db()).ok);
}

TEST_F(ParticipationDemo, proposals_reach_every_state_consistently) {
  for (const char* state : {"draft", "seconding", "withdrawn", "deferred", "responded"}) {
    EXPECT_GT(count(std::string("SELECT COUNT(*) FROM proposals WHERE state = '") + state + "'"), 0)
        << state;
  }
  EXPECT_GT(count("SELECT COUNT(*) FROM proposal_agenda WHERE outcome = 'passed'"), 0);
  EXPECT_GT(count("SELECT COUNT(*) FROM proposal_agenda WHERE outcome = 'rejected'"), 0);
  EXPECT_GT(count("SELECT COUNT(*) FROM proposal_agenda WHERE outcome = 'no_quorum'"), 0);
  // Nothing reached an agenda without its seconds, and no household seconded its own.
  EXPECT_EQ(count("SELECT COUNT(*) FROM proposals p WHERE p.meetings > 0 AND (SELECT COUNT(*) "
                  "FROM proposal_seconds s WHERE s.proposal_id = p.id) < 5"),
            0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM proposal_seconds s JOIN proposals p ON p.id = "
                  "s.proposal_id WHERE s.household_id = p.household_id"),
            0);
  // Only households present voted, and every recorded outcome follows the rule.
  EXPECT_EQ(count("SELECT COUNT(*) FROM proposal_votes v JOIN proposal_agenda g ON g.id = "
                  "v.agenda_id WHERE NOT EXISTS (SELECT 1 FROM activity_attendance t WHERE "
                  "t.activity_id = g.activity_id AND t.household_id = v.household_id)"),
            0);
  for (const auto& row :
       db().query("SELECT present_households, yes_votes, no_votes, abstentions, outcome FROM "
                  "proposal_agenda WHERE motion = 'decided'")) {
    Tally tally{row.integer(0), row.integer(1), row.integer(2), row.integer(3)};
    EXPECT_EQ(state_name(decide(tally, Settings{})), row.text(4));
  }
  EXPECT_EQ(count("SELECT COUNT(*) FROM proposals WHERE meetings >= 3 AND state = 'deferred'"), 1);
}

TEST(ParticipationDemoSeed, the_same_seed_gives_the_same_rows) {
  auto first = generate(150, 7);
  auto second = generate(150, 7);
  auto rows = [](storage::Connection& db) {
    return storage::dump_rows(db,
                              "SELECT id, kind, channel, title, starts_ms, "
                              "(SELECT COUNT(*) FROM activity_attendance t WHERE t.activity_id = "
                              "a.id) FROM activities a ORDER BY id");
  };
  auto proposals = [](storage::Connection& db) {
    return storage::dump_rows(db,
                              "SELECT id, household_id, title, state, meetings, decided_ms "
                              "FROM proposals ORDER BY id");
  };
  EXPECT_EQ(rows(first.database->connection()), rows(second.database->connection()));
  EXPECT_EQ(proposals(first.database->connection()), proposals(second.database->connection()));
}

}  // namespace
}  // namespace gz::participation
