// The points and time-bank demo on real SQLite files, on top of the registry demo: the year
// has plausible volumes for a community of 4,500 households, obeys every ledger rule (no
// balance below its floor, balances rebuilt from postings, every posting in a valid audit
// chain), is dated inside the year in id order, tells the seed's story of participation
// rising month by month, and is the same for the same seed.
#include "modules/points/demo.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/clock.hpp"
#include "modules/audit/audit_log.hpp"
#include "modules/ledger/ledger.hpp"
#include "modules/registry/demo.hpp"
#include "storage/migrate.hpp"
#include "storage/temp_database.hpp"

namespace gz::points {
namespace {

// 2026-11-29T08:00:00+08:00, the demo's "now".
const std::int64_t kAsOfMs = days_from_civil(2026, 11, 29) * 86'400'000;
constexpr std::int64_t kYearMs = 366LL * 86'400'000;

using storage::TempDatabase;

std::vector<std::string> dump(storage::Connection& db, const std::string& sql) {
  return storage::dump_rows(db, sql);
}

struct Generated {
  std::unique_ptr<TempDatabase> database;
  std::int64_t community_id = 0;
  DemoPointsSummary summary;
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
  out.summary = generate_demo_points(out.database->connection(), out.community_id, seed, kAsOfMs);
  out.milliseconds = std::chrono::duration_cast<std::chrono::milliseconds>(
                         std::chrono::steady_clock::now() - started)
                         .count();
  return out;
}

// One default community (4,500 households, the default seed) shared by the read-only tests.
class PointsDemo : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    generated_ = new Generated(generate(4500, registry::DemoOptions{}.seed));
    const auto& s = generated_->summary;
    std::printf(
        "[points demo] %lld ms: %d awards (%lld points), %d redemptions, %d catalogue items, "
        "%d time-bank services (%lld minutes confirmed), %d transfers\n",
        generated_->milliseconds, s.awards, static_cast<long long>(s.points_awarded), s.redemptions,
        s.catalog_items, s.services, static_cast<long long>(s.minutes_banked), s.transfers);
  }
  static void TearDownTestSuite() {
    delete generated_;
    generated_ = nullptr;
  }
  static storage::Connection& db() { return generated_->database->connection(); }
  static const DemoPointsSummary& summary() { return generated_->summary; }
  static std::int64_t community() { return generated_->community_id; }
  static std::int64_t count(const std::string& sql) { return db().query_int(sql); }

  // Share of households with an award, per calendar month (local time), oldest first.
  static std::vector<double> monthly_household_share() {
    const double households = static_cast<double>(count("SELECT COUNT(*) FROM households"));
    std::vector<double> shares;
    for (const auto& row : db().query(
             "SELECT substr(p.created_at, 1, 7) AS month, COUNT(DISTINCT r.household_id) FROM "
             "ledger_postings p JOIN ledger_accounts a ON a.id = p.credit_account_id JOIN "
             "residents r ON r.id = a.resident_id WHERE p.code = 'award' GROUP BY month ORDER "
             "BY month")) {
      shares.push_back(static_cast<double>(row.integer(1)) / households);
      std::printf("[points demo] %s: %.1f%% of households earned points\n", row.text(0).c_str(),
                  100.0 * shares.back());
    }
    return shares;
  }

  static Generated* generated_;
};
Generated* PointsDemo::generated_ = nullptr;

TEST_F(PointsDemo, volumes_are_plausible_for_a_community_of_4500_households) {
  const auto& s = summary();
  EXPECT_GE(s.awards, 20000);
  EXPECT_LE(s.awards, 60000);
  EXPECT_GE(s.catalog_items, 8);
  EXPECT_LE(s.catalog_items, 12);
  EXPECT_GE(s.redemptions, 1000);
  EXPECT_GE(s.services, 300);
  EXPECT_LE(s.services, 600);
  EXPECT_GE(s.transfers, 3);
  EXPECT_GT(s.minutes_banked, 0);
  // Redemptions spend a good part, but not all, of what was earned.
  const std::int64_t spent = count("SELECT COALESCE(SUM(points), 0) FROM points_redemptions");
  EXPECT_GT(spent, s.points_awarded * 3 / 10);
  EXPECT_LT(spent, s.points_awarded * 8 / 10);
  // A few double entries, each reversed by a correction naming it.
  const std::int64_t corrections =
      count("SELECT COUNT(*) FROM ledger_postings WHERE code = 'correction'");
  EXPECT_GE(corrections, 3);
  EXPECT_LE(corrections, 10);
  EXPECT_EQ(count("SELECT COUNT(*) FROM ledger_postings c JOIN ledger_postings o ON o.id = "
                  "c.corrects_posting_id WHERE c.code = 'correction' AND o.code = 'award' AND "
                  "o.reference LIKE '%:补录'"),
            corrections);
}

TEST_F(PointsDemo, the_summary_tells_the_truth_about_the_tables) {
  const auto& s = summary();
  EXPECT_EQ(count("SELECT COUNT(*) FROM ledger_postings WHERE code = 'award'"), s.awards);
  EXPECT_EQ(count("SELECT SUM(amount) FROM ledger_postings WHERE code = 'award'"),
            s.points_awarded);
  EXPECT_EQ(count("SELECT COUNT(*) FROM points_redemptions"), s.redemptions);
  EXPECT_EQ(count("SELECT COUNT(*) FROM points_catalog"), s.catalog_items);
  EXPECT_EQ(count("SELECT COUNT(*) FROM timebank_services"), s.services);
  EXPECT_EQ(count("SELECT COUNT(*) FROM ledger_postings WHERE code = 'timebank_transfer'"),
            s.transfers);
  EXPECT_EQ(count("SELECT COALESCE(SUM(minutes), 0) FROM timebank_services WHERE status = "
                  "'confirmed'"),
            s.minutes_banked);
}

TEST_F(PointsDemo, no_resident_balance_crosses_its_floor) {
  EXPECT_EQ(count("SELECT COUNT(*) FROM ledger_accounts WHERE owner = 'resident' AND kind = "
                  "'points' AND balance < 0"),
            0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM ledger_accounts WHERE owner = 'resident' AND kind = "
                  "'minutes' AND balance < floor"),
            0);
  // The time bank is used: some recipients owe time, some providers have banked it.
  EXPECT_GT(count("SELECT COUNT(*) FROM ledger_accounts WHERE kind = 'minutes' AND balance < 0"),
            50);
  EXPECT_GT(count("SELECT COUNT(*) FROM ledger_accounts WHERE kind = 'minutes' AND balance > 0"),
            20);
}

TEST_F(PointsDemo, balances_rebuild_from_postings_and_the_audit_chain_verifies) {
  const auto balances = ledger::verify_balances(db());
  EXPECT_TRUE(balances.ok) << balances.message;
  EXPECT_EQ(balances.postings, count("SELECT COUNT(*) FROM ledger_postings"));
  const auto chain = audit::verify(db());
  EXPECT_TRUE(chain.ok);
}

TEST_F(PointsDemo, everything_is_dated_within_the_year_before_as_of_in_id_order) {
  EXPECT_GE(count("SELECT MIN(created_ms) FROM ledger_postings"), kAsOfMs - kYearMs);
  EXPECT_LT(count("SELECT MAX(created_ms) FROM ledger_postings"), kAsOfMs);
  EXPECT_GE(count("SELECT MIN(created_ms) FROM timebank_services"), kAsOfMs - kYearMs);
  EXPECT_LT(count("SELECT MAX(created_ms) FROM timebank_services"), kAsOfMs);
  EXPECT_EQ(count("SELECT COUNT(*) FROM points_redemptions WHERE created_ms >= " +
                  std::to_string(kAsOfMs)),
            0);
  // Postings were written in the order they happened, so statements read naturally.
  EXPECT_EQ(count("SELECT COUNT(*) FROM (SELECT created_ms, LAG(created_ms) OVER (ORDER BY id) "
                  "AS previous FROM ledger_postings) WHERE previous > created_ms"),
            0);
  // The activity spreads over the whole year, not a few days.
  EXPECT_EQ(count("SELECT COUNT(DISTINCT substr(created_at, 1, 7)) FROM ledger_postings"), 12);
}

TEST_F(PointsDemo, participation_rises_month_by_month_as_in_the_seed_case) {
  const auto shares = monthly_household_share();
  ASSERT_EQ(shares.size(), 12u);
  EXPECT_GE(shares.front(), 0.22);
  EXPECT_LE(shares.front(), 0.34);
  EXPECT_GE(shares.back(), 0.60);
  for (std::size_t i = 1; i < shares.size(); ++i) {
    EXPECT_GE(shares[i], shares[i - 1] - 0.02) << "month " << i;
  }
  for (std::size_t quarter = 1; quarter < 4; ++quarter) {
    const double before =
        shares[quarter * 3 - 3] + shares[quarter * 3 - 2] + shares[quarter * 3 - 1];
    const double now = shares[quarter * 3] + shares[quarter * 3 + 1] + shares[quarter * 3 + 2];
    EXPECT_GT(now, before) << "quarter " << quarter;
  }
}

TEST_F(PointsDemo, a_core_of_activists_earns_a_large_share) {
  const std::int64_t earners =
      count("SELECT COUNT(DISTINCT credit_account_id) FROM ledger_postings WHERE code = 'award'");
  const std::int64_t top = earners / 10;
  const std::int64_t top_points = count(
      "SELECT COALESCE(SUM(total), 0) FROM (SELECT SUM(amount) AS total FROM "
      "ledger_postings WHERE code = 'award' GROUP BY credit_account_id ORDER BY total DESC "
      "LIMIT " +
      std::to_string(top) + ")");
  EXPECT_GT(top_points * 100 / summary().points_awarded, 25);
}

TEST_F(PointsDemo, meetings_pay_ten_points_to_at_most_sixty_attendees) {
  EXPECT_EQ(count("SELECT COUNT(*) FROM ledger_postings WHERE rule = 'meeting' AND amount <> 10"),
            0);
  EXPECT_EQ(
      count("SELECT COUNT(*) FROM ledger_postings WHERE rule = 'skill_share' AND amount <> 15"), 0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM (SELECT reference FROM ledger_postings WHERE rule = "
                  "'meeting' GROUP BY reference HAVING COUNT(*) > 60)"),
            0);
  const std::int64_t meetings =
      count("SELECT COUNT(DISTINCT reference) FROM ledger_postings WHERE rule = 'meeting'");
  const std::int64_t attendances =
      count("SELECT COUNT(*) FROM ledger_postings WHERE rule = 'meeting'");
  // Every corner (a high-rise, or walk-ups sharing one) and the online hall, monthly.
  EXPECT_GE(meetings, 12 * 20);
  EXPECT_GE(attendances / meetings, 20);
  EXPECT_LE(attendances / meetings, 60);
  EXPECT_EQ(count("SELECT COUNT(*) FROM ledger_postings WHERE rule = 'meeting' AND reference NOT "
                  "LIKE 'meeting:%'"),
            0);
  // Skill sharing is done by households that list a skill.
  EXPECT_EQ(count("SELECT COUNT(*) FROM ledger_postings p JOIN ledger_accounts a ON a.id = "
                  "p.credit_account_id JOIN residents r ON r.id = a.resident_id WHERE p.rule = "
                  "'skill_share' AND NOT EXISTS (SELECT 1 FROM household_labels l WHERE "
                  "l.household_id = r.household_id AND l.kind = 'skill')"),
            0);
}

TEST_F(PointsDemo, redemptions_respect_stock_and_limits) {
  EXPECT_EQ(count("SELECT COUNT(*) FROM points_catalog WHERE stock_remaining < 0"), 0);
  const std::int64_t childcare = count("SELECT id FROM points_catalog WHERE name = '暑期托管名额'");
  EXPECT_LE(count("SELECT COALESCE(SUM(quantity), 0) FROM points_redemptions WHERE item_id = " +
                  std::to_string(childcare)),
            40);
  EXPECT_EQ(count("SELECT COUNT(*) FROM (SELECT resident_id FROM points_redemptions WHERE "
                  "item_id = " +
                  std::to_string(childcare) + " GROUP BY resident_id HAVING SUM(quantity) > 1)"),
            0);
  // Every item with a price the residents can reach is redeemed at some point.
  EXPECT_GE(count("SELECT COUNT(DISTINCT item_id) FROM points_redemptions"), 8);
  // Each redemption has its posting, for its price.
  EXPECT_EQ(count("SELECT COUNT(*) FROM points_redemptions r JOIN ledger_postings p ON p.id = "
                  "r.posting_id WHERE p.code = 'redemption' AND p.amount = r.points"),
            summary().redemptions);
}

TEST_F(PointsDemo, the_time_bank_pairs_younger_elderly_with_older_neighbours) {
  const std::int64_t services = count("SELECT COUNT(*) FROM timebank_services");
  const std::int64_t confirmed =
      count("SELECT COUNT(*) FROM timebank_services WHERE status = 'confirmed'");
  EXPECT_GE(confirmed * 100 / services, 80);
  EXPECT_GT(count("SELECT COUNT(*) FROM timebank_services WHERE status = 'disputed' OR status = "
                  "'expired'"),
            0);
  // Providers aged 60-70, recipients 75 or more, never of the same household (ages at as_of,
  // give or take the birthday).
  EXPECT_EQ(count("SELECT COUNT(*) FROM timebank_services s JOIN residents p ON p.id = "
                  "s.provider_resident_id WHERE p.birth_date > '1966-11-29' OR p.birth_date <= "
                  "'1955-11-29'"),
            0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM timebank_services s JOIN residents r ON r.id = "
                  "s.recipient_resident_id WHERE r.birth_date > '1951-11-29'"),
            0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM timebank_services s JOIN residents p ON p.id = "
                  "s.provider_resident_id JOIN residents r ON r.id = s.recipient_resident_id "
                  "WHERE p.household_id = r.household_id"),
            0);
  // Confirmed services each moved their minutes; nothing else did.
  EXPECT_EQ(count("SELECT COUNT(*) FROM timebank_services s JOIN ledger_postings p ON p.id = "
                  "s.posting_id WHERE s.status = 'confirmed' AND p.amount = s.minutes"),
            confirmed);
  EXPECT_EQ(count("SELECT COUNT(*) FROM timebank_services WHERE status <> 'confirmed' AND "
                  "posting_id IS NOT NULL"),
            0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM timebank_services WHERE minutes % 15 <> 0"), 0);
}

TEST_F(PointsDemo, about_thirty_percent_of_earners_show_their_name) {
  const std::int64_t earners =
      count("SELECT COUNT(DISTINCT credit_account_id) FROM ledger_postings WHERE code = 'award'");
  const std::int64_t shown =
      count("SELECT COUNT(*) FROM points_leaderboard_optin WHERE show_name = 1");
  EXPECT_GE(shown * 100 / earners, 22);
  EXPECT_LE(shown * 100 / earners, 38);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'points.leaderboard_optin'"),
            shown);
}

TEST_F(PointsDemo, the_connection_gets_its_durability_settings_back) {
  EXPECT_EQ(count("PRAGMA synchronous"), 2);  // FULL, as the driver opens it
  EXPECT_EQ(count("PRAGMA wal_autocheckpoint"), 1000);
}

TEST_F(PointsDemo, refuses_a_community_that_already_has_points_activity) {
  EXPECT_THROW(generate_demo_points(db(), community(), 1, kAsOfMs), std::runtime_error);
  EXPECT_THROW(generate_demo_points(db(), community() + 1000, 1, kAsOfMs), std::invalid_argument);
}

TEST(PointsDemoSeed, the_same_seed_gives_the_same_postings) {
  constexpr const char* kPostings =
      "SELECT id, kind, debit_account_id, credit_account_id, amount, code, rule, reference, "
      "corrects_posting_id, memo, created_at, created_ms FROM ledger_postings ORDER BY id";
  constexpr const char* kServices =
      "SELECT id, provider_resident_id, recipient_resident_id, service_date, minutes, "
      "service_type, status, created_ms FROM timebank_services ORDER BY id";
  auto first = generate(600, 7);
  auto second = generate(600, 7);
  EXPECT_EQ(first.summary.awards, second.summary.awards);
  EXPECT_EQ(dump(first.database->connection(), kPostings),
            dump(second.database->connection(), kPostings));
  EXPECT_EQ(dump(first.database->connection(), kServices),
            dump(second.database->connection(), kServices));
  auto other = generate(600, 8);
  EXPECT_NE(dump(first.database->connection(), kPostings),
            dump(other.database->connection(), kPostings));
}

TEST(PointsDemoSeed, communities_of_one_street_each_get_their_own_year) {
  TempDatabase database;
  auto& db = database.connection();
  registry::DemoOptions options;
  options.communities = 2;
  options.households_per_community = 300;
  const auto registry = registry::generate_demo(db, options);
  const auto first = generate_demo_points(db, registry.community_ids[0], options.seed, kAsOfMs);
  const auto second = generate_demo_points(db, registry.community_ids[1], options.seed, kAsOfMs);
  EXPECT_GT(first.awards, 0);
  EXPECT_GT(second.awards, 0);
  EXPECT_NE(first.points_awarded, second.points_awarded);  // not one year copied twice
  const auto balances = ledger::verify_balances(db);
  EXPECT_TRUE(balances.ok) << balances.message;
  EXPECT_TRUE(audit::verify(db).ok);
  for (std::int64_t community : registry.community_ids) {
    EXPECT_EQ(
        db.query_int("SELECT COUNT(*) FROM points_catalog WHERE community_id = ?", {community}),
        10);
  }
}

TEST(PointsDemoSeed, a_tiny_community_still_gets_a_consistent_year) {
  auto tiny = generate(12, 3);
  auto& db = tiny.database->connection();
  EXPECT_EQ(tiny.summary.catalog_items, 10);
  const auto balances = ledger::verify_balances(db);
  EXPECT_TRUE(balances.ok) << balances.message;
  EXPECT_TRUE(audit::verify(db).ok);
  EXPECT_EQ(db.query_int("SELECT COUNT(*) FROM ledger_accounts WHERE owner = 'resident' AND "
                         "balance < COALESCE(floor, 0)"),
            0);
}

}  // namespace
}  // namespace gz::points
