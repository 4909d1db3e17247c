// The needs and participatory-budgeting demo on a real SQLite file, on top of the registry
// demo: plausible counts, an election in which equal shares gives the young families' fifth
// of the voters something greedy does not, a valid audit chain, and the same data for the
// same seed. The plans made from these assessments are tested in allocation/demo_test.cpp.
#include "modules/needs/demo.hpp"

#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "modules/audit/audit_log.hpp"
#include "modules/pb/elections.hpp"
#include "modules/registry/demo.hpp"
#include "modules/requests/demo.hpp"
#include "storage/temp_database.hpp"

namespace gz::needs {
namespace {

using storage::TempDatabase;

struct Generated {
  std::unique_ptr<TempDatabase> database;
  std::int64_t community_id = 0;
  DemoNeedsSummary summary;
  long long milliseconds = 0;
};

Generated generate(int households, std::uint64_t seed) {
  Generated out;
  out.database = std::make_unique<TempDatabase>();
  registry::DemoOptions options;
  options.households_per_community = households;
  options.seed = seed;
  out.community_id =
      registry::generate_demo(out.database->connection(), options).community_ids.front();
  const auto started = std::chrono::steady_clock::now();
  out.summary = generate_demo_needs(out.database->connection(), out.community_id, seed,
                                    requests::kDemoAsOfMs);
  out.milliseconds = std::chrono::duration_cast<std::chrono::milliseconds>(
                         std::chrono::steady_clock::now() - started)
                         .count();
  return out;
}

const std::set<std::string> kChildcareProjects = {"儿童游乐设施", "社区托育点", "亲子阅读角"};

class NeedsDemo : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    generated_ = new Generated(generate(4500, registry::DemoOptions{}.seed));
    const auto& s = generated_->summary;
    std::printf("[needs demo] %lld ms: %d assessments, %d elections, %d projects, %d ballots\n",
                generated_->milliseconds, s.assessments, s.elections, s.projects, s.ballots);
  }
  static void TearDownTestSuite() {
    delete generated_;
    generated_ = nullptr;
  }
  static storage::Connection& db() { return generated_->database->connection(); }
  static const DemoNeedsSummary& summary() { return generated_->summary; }
  static std::int64_t count(const std::string& sql) { return db().query_int(sql); }
  static pb::ElectionResults results(std::int64_t id, pb::RuleName rule) {
    auto results = pb::election_results(db(), audit::system_actor(), id, rule);
    EXPECT_TRUE(results.ok()) << results.error().message;
    return *results;
  }
  static std::int64_t childcare_cost(const pb::ElectionResults& results) {
    std::int64_t cost = 0;
    for (auto index : results.outcome.selected) {
      if (kChildcareProjects.count(results.projects[index].name)) {
        cost += results.projects[index].cost;
      }
    }
    return cost;
  }
  static void print(const char* rule, const pb::ElectionResults& results) {
    std::string names;
    for (auto index : results.outcome.selected) names += results.projects[index].name + " ";
    std::printf("[needs demo] %s: %lld yuan: %s\n", rule,
                static_cast<long long>(results.outcome.cost), names.c_str());
  }

  static Generated* generated_;
};
Generated* NeedsDemo::generated_ = nullptr;

TEST_F(NeedsDemo, counts_are_plausible_for_a_community_of_4500_households) {
  const auto& s = summary();
  EXPECT_GE(s.assessments, 4500 * 3 / 100);
  EXPECT_LE(s.assessments, 4500 * 5 / 100);
  EXPECT_EQ(count("SELECT COUNT(*) FROM needs_assessments"), s.assessments);
  EXPECT_EQ(count("SELECT COUNT(DISTINCT household_id) FROM needs_assessments"), s.assessments);
  // Every assessment is by the household's own guide, with a reason.
  EXPECT_EQ(
      count("SELECT COUNT(*) FROM needs_assessments a JOIN households h ON h.id = "
            "a.household_id WHERE a.assessed_by_user_id = h.guide_user_id AND a.reason <> ''"),
      s.assessments);
  EXPECT_EQ(s.elections, 2);
  EXPECT_EQ(count("SELECT COUNT(*) FROM pb_ballots"), s.ballots);
  const std::int64_t finished = count("SELECT COUNT(*) FROM pb_ballots WHERE election_id = " +
                                      std::to_string(s.finished_election_id));
  EXPECT_GE(finished, 1200);
  EXPECT_LE(finished, 1800);
  EXPECT_LT(s.ballots - finished, finished / 3);
  EXPECT_GT(s.ballots - finished, 0);
  EXPECT_GE(count("SELECT COUNT(*) FROM pb_projects WHERE election_id = " +
                  std::to_string(s.finished_election_id)),
            12);
}

TEST_F(NeedsDemo, equal_shares_funds_the_young_families_where_greedy_does_not) {
  auto id = summary().finished_election_id;
  auto greedy = results(id, pb::RuleName::greedy);
  auto shares = results(id, pb::RuleName::equal_shares);
  auto add1 = results(id, pb::RuleName::equal_shares_add1);
  print("greedy", greedy);
  print("equal-shares", shares);
  print("equal-shares-add1", add1);
  EXPECT_LE(greedy.outcome.cost, 300'000);
  EXPECT_LE(add1.outcome.cost, 300'000);
  // A fifth of the voters own a fifth of the budget under equal shares.
  EXPECT_GT(childcare_cost(add1), childcare_cost(greedy));
  EXPECT_GE(childcare_cost(add1), 300'000 / 10);
  EXPECT_NE(greedy.outcome.selected, add1.outcome.selected);
}

TEST_F(NeedsDemo, the_audit_chain_verifies) {
  auto result = audit::verify(db());
  EXPECT_TRUE(result.ok);
  EXPECT_GT(result.checked, summary().ballots);
}

std::vector<std::string> fingerprint(storage::Connection& db) {
  std::vector<std::string> out;
  for (const auto& sql : {"SELECT household_id, dimension, score, reason, assessed_by_user_id FROM "
                          "needs_assessments ORDER BY id",
                          "SELECT election_id, household_id, projects FROM pb_ballots ORDER BY id",
                          "SELECT name, cost FROM pb_projects ORDER BY id"}) {
    for (const auto& row : storage::dump_rows(db, sql)) out.push_back(row);
  }
  return out;
}

TEST(NeedsDemoSeed, the_same_seed_gives_the_same_history) {
  auto first = generate(600, 7);
  auto second = generate(600, 7);
  auto third = generate(600, 8);
  EXPECT_EQ(fingerprint(first.database->connection()), fingerprint(second.database->connection()));
  EXPECT_NE(fingerprint(first.database->connection()), fingerprint(third.database->connection()));
}

}  // namespace
}  // namespace gz::needs
