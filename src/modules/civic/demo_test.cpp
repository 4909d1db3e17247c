// The civic demo on a real SQLite file, on top of the registry and needs demos: four surveys
// with plausible response shares that vary by group, one of them a plan's closing survey and
// one still open; representatives in most buildings with tenants, never more than two current
// per building and only from tenant households; a leader register that grows by more than 10%
// over the year; a valid audit chain; the same rows for the same seed; and fast.
#include "modules/civic/demo.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <memory>
#include <string>

#include "core/clock.hpp"
#include "modules/allocation/demo.hpp"
#include "modules/audit/audit_log.hpp"
#include "modules/civic/leaders.hpp"
#include "modules/civic/surveys.hpp"
#include "modules/needs/demo.hpp"
#include "modules/registry/demo.hpp"
#include "modules/requests/demo.hpp"
#include "storage/temp_database.hpp"

namespace gz::civic {
namespace {

using storage::TempDatabase;

struct Generated {
  std::unique_ptr<TempDatabase> database;
  std::int64_t community_id = 0;
  DemoCivicSummary summary;
  long long milliseconds = 0;
};

Generated generate(int households, std::uint64_t seed, bool with_needs) {
  Generated out;
  out.database = std::make_unique<TempDatabase>();
  registry::DemoOptions options;
  options.households_per_community = households;
  options.seed = seed;
  auto& db = out.database->connection();
  out.community_id = registry::generate_demo(db, options).community_ids.front();
  if (with_needs) {
    needs::generate_demo_needs(db, out.community_id, seed, requests::kDemoAsOfMs);
    allocation::generate_demo_plans(db, out.community_id, requests::kDemoAsOfMs);
  }
  const auto started = std::chrono::steady_clock::now();
  out.summary = generate_demo_civic(db, out.community_id, seed, requests::kDemoAsOfMs);
  out.milliseconds = std::chrono::duration_cast<std::chrono::milliseconds>(
                         std::chrono::steady_clock::now() - started)
                         .count();
  return out;
}

class CivicDemo : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    generated_ = new Generated(generate(4500, registry::DemoOptions{}.seed, true));
    const auto& s = generated_->summary;
    std::printf(
        "[civic demo] %lld ms: %d surveys, %d responses, %d elections, %d representatives (%d "
        "current), %d modules, %d completions, %d leaders, %d organisations\n",
        generated_->milliseconds, s.surveys, s.responses, s.elections, s.representatives,
        s.current_representatives, s.modules, s.completions, s.leaders, s.organisations);
  }
  static void TearDownTestSuite() {
    delete generated_;
    generated_ = nullptr;
  }
  static storage::Connection& db() { return generated_->database->connection(); }
  static const DemoCivicSummary& summary() { return generated_->summary; }
  static std::int64_t cid() { return generated_->community_id; }
  static std::int64_t count(const std::string& sql) { return db().query_int(sql); }
  static double share(const std::string& answered, const std::string& households) {
    return static_cast<double>(count(answered)) / static_cast<double>(count(households));
  }
  static Generated* generated_;
};
Generated* CivicDemo::generated_ = nullptr;

TEST_F(CivicDemo, WritesFourSurveysOneOpenOneForAPlan) {
  EXPECT_EQ(summary().surveys, 4);
  EXPECT_EQ(count("SELECT COUNT(*) FROM surveys WHERE status = 'closed'"), 3);
  EXPECT_EQ(count("SELECT COUNT(*) FROM surveys WHERE status = 'open'"), 1);
  ASSERT_GT(summary().plan_survey_id, 0);
  auto plan =
      db().query_one("SELECT plan_id FROM surveys WHERE id = ?", {summary().plan_survey_id});
  ASSERT_TRUE(plan && !plan->is_null(0));
  EXPECT_EQ(plan_survey(db(), plan->integer(0)), summary().plan_survey_id);
  EXPECT_EQ(count("SELECT COUNT(*) FROM survey_responses"), summary().responses);
  EXPECT_GT(summary().responses, 2500);
  EXPECT_LT(summary().responses, 5500);
  // Every answer came in while its survey was open, and not after the demo's "now".
  EXPECT_EQ(count("SELECT COUNT(*) FROM survey_responses r JOIN surveys s ON s.id = r.survey_id "
                  "WHERE r.created_at < s.opened_at OR (s.closed_at IS NOT NULL AND "
                  "r.created_at > s.closed_at)"),
            0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM survey_responses WHERE created_at > '" +
                  format_iso8601(requests::kDemoAsOfMs) + "'"),
            0);
}

TEST_F(CivicDemo, OlderResidentsAnswerMoreThanYoungAdultsAndTenantsAreLessSatisfied) {
  std::string survey = std::to_string(summary().plan_survey_id);
  auto group_share = [&](const char* band) {
    return static_cast<double>(count(std::string("SELECT COUNT(*) FROM survey_responses WHERE "
                                                 "age_band = '") +
                                     band + "'"));
  };
  EXPECT_GT(group_share("60_plus"), group_share("18_34"));
  auto results = load_results(db(), summary().plan_survey_id);
  ASSERT_TRUE(results);
  std::optional<double> registered, tenants;
  for (const auto& group : results->tally.groups) {
    if (group.dimension != "residence" || group.suppressed) continue;
    for (const auto& q : group.questions) {
      if (q.kind != QuestionKind::scale) continue;
      (group.key == "registered" ? registered : tenants) = q.scale_mean;
    }
  }
  ASSERT_TRUE(registered && tenants);
  EXPECT_GT(*registered, *tenants + 0.2);
  bool has_coefficient = false;
  for (const auto& difference : results->tally.differences) {
    if (difference.dimension == "residence" && difference.coefficient) {
      has_coefficient = true;
      EXPECT_GT(*difference.coefficient, 0.02);
      EXPECT_LT(*difference.coefficient, 0.3);
    }
  }
  EXPECT_TRUE(has_coefficient);
}

TEST_F(CivicDemo, ElectsRepresentativesFromTenantHouseholdsInMostBuildings) {
  EXPECT_GT(summary().elections, 20);
  auto with_tenants = count(
      "SELECT COUNT(DISTINCT building_id) FROM households WHERE housing_type IN ('tenant', "
      "'public') AND building_id IS NOT NULL AND community_id = " +
      std::to_string(cid()));
  auto current = count(
      "SELECT COUNT(DISTINCT building_id) FROM representatives WHERE term_start <= '2026-11-29' "
      "AND term_end >= '2026-11-29'");
  EXPECT_GT(static_cast<double>(current), 0.7 * static_cast<double>(with_tenants));
  // At most two current per building; all of them in tenant households of that building.
  EXPECT_EQ(count("SELECT COUNT(*) FROM (SELECT building_id FROM representatives WHERE "
                  "term_start <= '2026-11-29' AND term_end >= '2026-11-29' GROUP BY "
                  "building_id HAVING COUNT(*) > 2) t"),
            0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM representatives p JOIN residents r ON r.id = "
                  "p.resident_id JOIN households h ON h.id = r.household_id WHERE h.building_id "
                  "<> p.building_id OR h.housing_type NOT IN ('tenant', 'public')"),
            0);
  EXPECT_GT(summary().representatives, summary().current_representatives);  // ended terms too
}

TEST_F(CivicDemo, GrowsTheLeaderRegisterByMoreThanTenPercentInTheYear) {
  auto growth = leader_growth(db(), cid(), "2025-11-29", "2026-11-29");
  EXPECT_GE(growth.leaders_at_start, 40);
  ASSERT_TRUE(growth.growth_rate);
  EXPECT_GT(*growth.growth_rate, 0.10);
  EXPECT_LT(*growth.growth_rate, 0.25);
  EXPECT_GT(growth.left, 0);
  EXPECT_EQ(summary().modules, 6);
  EXPECT_GE(summary().organisations, 5);
  EXPECT_GT(summary().completions, summary().leaders * 2);
}

TEST_F(CivicDemo, KeepsTheAuditChainValid) {
  auto verified = audit::verify(db());
  EXPECT_TRUE(verified.ok);
  EXPECT_GE(count("SELECT COUNT(*) FROM audit_log WHERE action = 'survey.respond'"),
            summary().responses);
}

TEST(CivicDemoSmall, IsTheSameForTheSameSeedAndWorksWithoutPlans) {
  auto a = generate(300, 7, false);
  auto b = generate(300, 7, false);
  EXPECT_EQ(a.summary.plan_survey_id, 0);
  EXPECT_EQ(a.summary.surveys, 3);
  EXPECT_EQ(a.summary.responses, b.summary.responses);
  EXPECT_EQ(a.summary.elections, b.summary.elections);
  auto dump = [](storage::Connection& db) {
    std::string out;
    for (const auto& row : db.query("SELECT respondent, age_band, residence, answers, created_at "
                                    "FROM survey_responses ORDER BY id")) {
      out += row.text(0) + row.text(1) + row.text(2) + row.text(3) + row.text(4) + "\n";
    }
    for (const auto& row : db.query("SELECT resident_id, since_on FROM resident_leaders ORDER "
                                    "BY id")) {
      out += std::to_string(row.integer(0)) + row.text(1) + "\n";
    }
    return out;
  };
  EXPECT_EQ(dump(a.database->connection()), dump(b.database->connection()));
  EXPECT_GT(a.summary.responses, 50);
}

}  // namespace
}  // namespace gz::civic
