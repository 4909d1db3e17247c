// The demo generator on real SQLite files: the default community has the promised shape,
// its data is internally consistent (sizes, tags, ID numbers, caseloads), every row is in a
// valid audit chain without raw personal data, the logins work, and the same seed gives the
// same rows.
#include "modules/registry/demo.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <memory>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/pii.hpp"
#include "modules/accounts/accounts.hpp"
#include "modules/audit/audit_log.hpp"
#include "modules/registry/model.hpp"
#include "storage/migrate.hpp"
#include "storage/temp_database.hpp"

namespace gz::registry {
namespace {

// Ages are measured at the demo's reference date, 2026-11-29.
constexpr const char* kBornBefore60 = "1966-11-29";  // aged 60+ when born on or before
constexpr const char* kBornAfter18 = "2008-11-29";   // a minor when born after
constexpr const char* kBornAfter1 = "2025-11-29";    // under one year old when born after

using storage::TempDatabase;

// Text of every row, for comparing two databases.
std::vector<std::string> dump(storage::Connection& db, const std::string& sql) {
  return storage::dump_rows(db, sql);
}

// One default demo (one community, default seed) shared by the read-only tests.
class DemoDefault : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    database_ = new TempDatabase();
    summary_ = new DemoSummary(generate_demo(database_->connection(), DemoOptions{}));
  }
  static void TearDownTestSuite() {
    delete summary_;
    delete database_;
    summary_ = nullptr;
    database_ = nullptr;
  }
  static storage::Connection& db() { return database_->connection(); }
  static const DemoSummary& summary() { return *summary_; }
  static std::int64_t count(const std::string& sql) { return db().query_int(sql); }
  static double ratio(const std::string& part_sql, const std::string& whole_sql) {
    return static_cast<double>(count(part_sql)) / static_cast<double>(count(whole_sql));
  }

  static TempDatabase* database_;
  static DemoSummary* summary_;
};
TempDatabase* DemoDefault::database_ = nullptr;
DemoSummary* DemoDefault::summary_ = nullptr;

TEST_F(DemoDefault, counts_match_a_mixed_community_of_4500_households) {
  const auto& s = summary();
  EXPECT_EQ(s.communities, 1);
  ASSERT_EQ(s.community_ids.size(), 1u);
  EXPECT_GE(s.buildings, 38);
  EXPECT_LE(s.buildings, 42);
  EXPECT_GE(s.households, 4300);
  EXPECT_LE(s.households, 4700);
  EXPECT_GE(s.residents, 12500);
  EXPECT_LE(s.residents, 13500);
  EXPECT_GE(s.migrants, 4700);
  EXPECT_LE(s.migrants, 5300);
  EXPECT_EQ(s.registered + s.migrants, s.residents);
  const double aged_share = static_cast<double>(s.aged_60_plus) / s.residents;
  EXPECT_GE(aged_share, 0.21);
  EXPECT_LE(aged_share, 0.23);

  // The summary tells the truth about the tables.
  EXPECT_EQ(count("SELECT COUNT(*) FROM communities"), 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM buildings"), s.buildings);
  EXPECT_EQ(count("SELECT COUNT(*) FROM households"), s.households);
  EXPECT_EQ(count("SELECT COUNT(*) FROM residents"), s.residents);
  EXPECT_EQ(count("SELECT COUNT(*) FROM residents WHERE registration = 'migrant'"), s.migrants);
  EXPECT_EQ(count(std::string("SELECT COUNT(*) FROM residents WHERE birth_date <= '") +
                  kBornBefore60 + "'"),
            s.aged_60_plus);
}

TEST_F(DemoDefault, the_first_community_is_xingfuli_in_beishan_street) {
  auto row = db().query_one(
      "SELECT name, code, district, street, community_id, id "
      "FROM communities");
  ASSERT_TRUE(row);
  EXPECT_EQ(row->text(0), "幸福里社区");
  EXPECT_EQ(row->text(1), "330106-001");
  EXPECT_EQ(row->text(2), "西湖区");
  EXPECT_EQ(row->text(3), "北山街道");
  EXPECT_EQ(row->integer(4), row->integer(5));  // its own shard key
  EXPECT_EQ(count("SELECT COUNT(*) FROM buildings WHERE name = '1号楼'"), 1);
}

TEST_F(DemoDefault, housing_is_mostly_owned_with_a_third_rented) {
  const std::string all = "SELECT COUNT(*) FROM households";
  const std::string of_type = "SELECT COUNT(*) FROM households WHERE housing_type = ";
  EXPECT_NEAR(ratio(of_type + "'owner'", all), 0.60, 0.04);
  EXPECT_NEAR(ratio(of_type + "'tenant'", all), 0.32, 0.04);
  EXPECT_NEAR(ratio(of_type + "'public'", all), 0.08, 0.03);
  // Migrants mostly rent.
  const std::string migrant_heads =
      "SELECT COUNT(*) FROM residents r JOIN households h ON h.id = r.household_id "
      "WHERE r.relation = 'self' AND r.registration = 'migrant'";
  EXPECT_GT(ratio(migrant_heads + " AND h.housing_type = 'tenant'", migrant_heads), 0.7);
}

TEST_F(DemoDefault, household_codes_follow_building_unit_room) {
  for (const auto& row : db().query("SELECT h.code, h.address, b.name FROM households h "
                                    "JOIN buildings b ON b.id = h.building_id")) {
    const std::string& code = row.text(0);
    ASSERT_EQ(code.size(), 9u) << code;  // 01-2-0301
    EXPECT_EQ(code[2], '-') << code;
    EXPECT_EQ(code[4], '-') << code;
    const int building = std::stoi(code.substr(0, 2));
    EXPECT_EQ(row.text(2), std::to_string(building) + "号楼");
    const std::string expected_address = "幸福里社区" + std::to_string(building) + "号楼" +
                                         code.substr(3, 1) + "单元" +
                                         std::to_string(std::stoi(code.substr(5))) + "室";
    EXPECT_EQ(row.text(1), expected_address);
  }
  EXPECT_EQ(count("SELECT COUNT(DISTINCT code) FROM households"), summary().households);
}

TEST_F(DemoDefault, every_id_number_is_valid_unique_and_agrees_with_sex_and_birth_date) {
  std::set<std::string> seen;
  for (const auto& row : db().query("SELECT id_number, sex, birth_date FROM residents")) {
    ASSERT_FALSE(row.is_null(0));
    const std::string& id = row.text(0);
    EXPECT_TRUE(pii::is_valid_id_number(id)) << id;
    EXPECT_EQ(pii::sex_from_id(id), row.text(1)) << id;
    EXPECT_EQ(pii::birth_date_from_id(id), row.text(2)) << id;
    EXPECT_TRUE(seen.insert(id).second) << "duplicate " << id;
  }
  EXPECT_EQ(static_cast<int>(seen.size()), summary().residents);
}

TEST_F(DemoDefault, mobiles_are_valid_and_most_adults_have_one) {
  for (const auto& row : db().query("SELECT mobile FROM residents WHERE mobile IS NOT NULL")) {
    EXPECT_TRUE(pii::is_valid_mobile(row.text(0))) << row.text(0);
    EXPECT_EQ(pii::normalize_mobile(row.text(0)), row.text(0));
  }
  const std::string adults =
      std::string("SELECT COUNT(*) FROM residents WHERE birth_date <= '") + kBornAfter18 + "'";
  EXPECT_GT(ratio(adults + " AND mobile IS NOT NULL", adults), 0.8);
  EXPECT_EQ(count("SELECT COUNT(*) FROM residents WHERE mobile IS NOT NULL AND "
                  "birth_date > '2014-11-29'"),
            0);  // no child under 12 has a phone of their own
}

TEST_F(DemoDefault, every_household_size_equals_its_resident_count) {
  EXPECT_EQ(count("SELECT COUNT(*) FROM households h WHERE h.size <> "
                  "(SELECT COUNT(*) FROM residents r WHERE r.household_id = h.id)"),
            0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM households WHERE size < 1"), 0);
  // Exactly one head per household.
  EXPECT_EQ(count("SELECT COUNT(*) FROM households h WHERE "
                  "(SELECT COUNT(*) FROM residents r WHERE r.household_id = h.id "
                  "AND r.relation = 'self') <> 1"),
            0);
}

TEST_F(DemoDefault, tags_agree_with_the_members) {
  auto households_with_tag = [](const std::string& tag) {
    return "SELECT household_id FROM household_labels WHERE kind = 'tag' AND value = '" + tag + "'";
  };
  const std::string born_before_60 = std::string("r.birth_date <= '") + kBornBefore60 + "'";
  // elderly_alone: exactly one resident, aged 60 or more; and every such household is tagged.
  EXPECT_GT(count("SELECT COUNT(*) FROM (" + households_with_tag("elderly_alone") + ")"), 300);
  EXPECT_EQ(count("SELECT COUNT(*) FROM households h WHERE h.id IN (" +
                  households_with_tag("elderly_alone") +
                  ") AND (h.size <> 1 OR NOT EXISTS (SELECT 1 FROM residents r WHERE "
                  "r.household_id = h.id AND " +
                  born_before_60 + "))"),
            0);
  EXPECT_EQ(
      count("SELECT COUNT(*) FROM households h WHERE h.size = 1 AND EXISTS (SELECT 1 FROM "
            "residents r WHERE r.household_id = h.id AND " +
            born_before_60 + ") AND h.id NOT IN (" + households_with_tag("elderly_alone") + ")"),
      0);

  // A tag is present exactly when the members (or the housing) say so.
  struct Rule {
    std::string tag;
    std::string condition;  // over h (the household)
  };
  const std::vector<Rule> rules = {
      {"elderly",
       "EXISTS (SELECT 1 FROM residents r WHERE r.household_id = h.id AND " + born_before_60 + ")"},
      {"minor", std::string("EXISTS (SELECT 1 FROM residents r WHERE r.household_id = h.id AND "
                            "r.birth_date > '") +
                    kBornAfter18 + "')"},
      {"newborn", std::string("EXISTS (SELECT 1 FROM residents r WHERE r.household_id = h.id AND "
                              "r.birth_date > '") +
                      kBornAfter1 + "')"},
      {"empty_nest",
       "h.size >= 2 AND NOT EXISTS (SELECT 1 FROM residents r WHERE "
       "r.household_id = h.id AND NOT (" +
           born_before_60 + "))"},
      {"tenant", "h.housing_type = 'tenant'"},
      {"low_income", "h.income_band = 'low'"},
  };
  for (const auto& rule : rules) {
    const std::string tagged = "h.id IN (" + households_with_tag(rule.tag) + ")";
    EXPECT_GT(count("SELECT COUNT(*) FROM households h WHERE " + tagged), 0) << rule.tag;
    EXPECT_EQ(count("SELECT COUNT(*) FROM households h WHERE " + tagged + " AND NOT (" +
                    rule.condition + ")"),
              0)
        << rule.tag << " on a household that does not qualify";
    EXPECT_EQ(count("SELECT COUNT(*) FROM households h WHERE NOT " + tagged + " AND (" +
                    rule.condition + ")"),
              0)
        << rule.tag << " missing";
  }
  // Newborns are as rare as births are (about 7 per 1,000 residents a year).
  EXPECT_LT(count("SELECT COUNT(*) FROM (" + households_with_tag("newborn") + ")"), 200);
}

TEST_F(DemoDefault, needs_follow_from_tags_and_labels_use_the_registry_vocabulary) {
  struct Rule {
    std::string need;
    std::string tag;
  };
  for (const Rule& rule : std::vector<Rule>{{"elderly_care", "elderly"},
                                            {"childcare", "minor"},
                                            {"disability_service", "disability"},
                                            {"low_income_assistance", "low_income"}}) {
    EXPECT_GT(count("SELECT COUNT(*) FROM household_labels WHERE kind = 'need' AND value = '" +
                    rule.need + "'"),
              0)
        << rule.need;
    EXPECT_EQ(count("SELECT COUNT(*) FROM household_labels n WHERE n.kind = 'need' AND "
                    "n.value = '" +
                    rule.need +
                    "' AND NOT EXISTS (SELECT 1 FROM household_labels t WHERE "
                    "t.household_id = n.household_id AND t.kind = 'tag' AND t.value = '" +
                    rule.tag + "')"),
              0)
        << rule.need << " without " << rule.tag;
  }
  for (const auto& row : db().query("SELECT DISTINCT kind, value FROM household_labels")) {
    const std::string& kind = row.text(0);
    const std::string& value = row.text(1);
    if (kind == "tag") {
      EXPECT_EQ(find_term(household_tags(), value), value);
    } else if (kind == "need") {
      EXPECT_EQ(find_term(service_categories(), value), value);
    } else {
      EXPECT_EQ(kind, "skill");
      EXPECT_FALSE(value.empty());
    }
  }
  EXPECT_GT(count("SELECT COUNT(DISTINCT household_id) FROM household_labels "
                  "WHERE kind = 'skill'"),
            200);
  for (const auto& row : db().query("SELECT DISTINCT income_band FROM households")) {
    EXPECT_EQ(find_term(income_bands(), row.text(0)), row.text(0));
  }
  for (const auto& row : db().query("SELECT DISTINCT willingness FROM households")) {
    EXPECT_EQ(find_term(willingness_levels(), row.text(0)), row.text(0));
  }
  std::set<std::string> relations_seen;
  for (const auto& row : db().query("SELECT DISTINCT relation FROM residents")) {
    EXPECT_EQ(find_term(relations(), row.text(0)), row.text(0));
    relations_seen.insert(row.text(0));
  }
  EXPECT_EQ(relations_seen, (std::set<std::string>{"self", "spouse", "child", "parent",
                                                   "grandchild", "sibling", "other"}));
}

TEST_F(DemoDefault, five_guides_share_the_households_within_the_caseload_cap) {
  EXPECT_EQ(count("SELECT COUNT(*) FROM households WHERE guide_user_id IS NULL"), 0);
  auto rows = db().query(
      "SELECT u.role, u.community_id, COUNT(*) FROM households h "
      "JOIN users u ON u.id = h.guide_user_id GROUP BY h.guide_user_id, u.role, u.community_id");
  EXPECT_EQ(rows.size(), 5u);
  for (const auto& row : rows) {
    EXPECT_EQ(row.text(0), "guide");
    EXPECT_EQ(row.integer(1), summary().community_ids.front());
    EXPECT_LE(row.integer(2), kDefaultCaseloadCap);
    EXPECT_GE(row.integer(2), 800);
  }
}

TEST_F(DemoDefault, timestamps_are_fixed_demo_times_within_the_past_year) {
  EXPECT_EQ(count("SELECT COUNT(*) FROM households WHERE created_at < '2025-12-01' OR "
                  "created_at > '2026-11-30' OR updated_at < created_at OR "
                  "updated_at > '2026-11-30' OR created_at NOT LIKE '%+08:00'"),
            0);
  EXPECT_EQ(count("SELECT COUNT(*) FROM residents r JOIN households h ON h.id = r.household_id "
                  "WHERE r.created_at <> h.created_at"),
            0);
}

TEST_F(DemoDefault, a_login_exists_for_every_role_and_the_resident_can_log_in) {
  std::set<std::string> roles;
  for (const auto& login : summary().logins) {
    auto row = db().query_one("SELECT role FROM users WHERE username = ?", {login.username});
    ASSERT_TRUE(row) << login.username;
    EXPECT_EQ(row->text(0), login.role);
    EXPECT_EQ(login.password, DemoOptions{}.password);
    EXPECT_FALSE(login.note.empty());
    roles.insert(login.role);
  }
  EXPECT_EQ(roles, (std::set<std::string>{"admin", "street", "staff", "guide", "resident"}));
  for (const char* username : {"admin", "street", "staff", "guide1", "guide5", "resident"}) {
    EXPECT_EQ(count(std::string("SELECT COUNT(*) FROM users WHERE username = '") + username + "'"),
              1)
        << username;
  }

  auto login = accounts::log_in(db(), "resident", DemoOptions{}.password, "127.0.0.1");
  ASSERT_TRUE(login.ok()) << login.error().message;
  EXPECT_EQ(login->actor.role, Role::resident);
  ASSERT_TRUE(login->actor.household_id);
  const std::int64_t household_id = *login->actor.household_id;
  EXPECT_GE(
      count("SELECT COUNT(*) FROM residents WHERE household_id = " + std::to_string(household_id)),
      2);
  EXPECT_EQ(count("SELECT community_id FROM households WHERE id = " + std::to_string(household_id)),
            summary().community_ids.front());
  EXPECT_FALSE(accounts::log_in(db(), "resident", "wrong-password", "127.0.0.1").ok());
}

TEST_F(DemoDefault, every_write_is_in_a_valid_audit_chain_without_raw_personal_data) {
  const auto result = audit::verify(db());
  EXPECT_TRUE(result.ok);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'community.create'"), 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'building.create'"),
            summary().buildings);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'household.create'"),
            summary().households);
  EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE action = 'user.create'"),
            static_cast<std::int64_t>(summary().logins.size()));
  EXPECT_EQ(result.checked, count("SELECT COUNT(*) FROM audit_log"));

  // A sample of residents: their masked forms are in the log, their raw numbers are not.
  for (const auto& row : db().query("SELECT id_number, mobile, household_id FROM residents "
                                    "WHERE mobile IS NOT NULL AND id % 401 = 0")) {
    const std::string& id_number = row.text(0);
    const std::string& mobile = row.text(1);
    EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE instr(change, '" + id_number + "') > 0"),
              0);
    EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE instr(change, '" + mobile + "') > 0"), 0);
    EXPECT_EQ(count("SELECT COUNT(*) FROM audit_log WHERE object_type = 'household' AND "
                    "object_id = '" +
                    row.text(2) + "' AND instr(change, '" + pii::mask_id_number(id_number) +
                    "') > 0 AND instr(change, '" + pii::mask_mobile(mobile) + "') > 0"),
              1);
  }
}

TEST_F(DemoDefault, the_same_seed_gives_the_same_rows) {
  TempDatabase other;
  const DemoSummary again = generate_demo(other.connection(), DemoOptions{});
  EXPECT_EQ(again.residents, summary().residents);
  EXPECT_EQ(again.aged_60_plus, summary().aged_60_plus);
  const std::string residents =
      "SELECT r.id, h.code, r.name, r.sex, r.birth_date, r.id_number, r.mobile, r.relation, "
      "r.registration, r.created_at FROM residents r JOIN households h ON h.id = r.household_id "
      "WHERE r.id % 37 = 0 ORDER BY r.id";
  const std::string households =
      "SELECT id, code, housing_type, size, income_band, willingness, guide_user_id, "
      "created_at, updated_at FROM households WHERE id % 11 = 0 ORDER BY id";
  const std::string labels =
      "SELECT household_id, kind, value FROM household_labels ORDER BY household_id, kind, value";
  EXPECT_EQ(dump(other.connection(), residents), dump(db(), residents));
  EXPECT_EQ(dump(other.connection(), households), dump(db(), households));
  EXPECT_EQ(dump(other.connection(), labels), dump(db(), labels));
  EXPECT_GT(dump(db(), residents).size(), 300u);
}

TEST_F(DemoDefault, refuses_a_database_that_already_holds_communities) {
  DemoOptions options;
  options.households_per_community = 10;
  EXPECT_THROW(generate_demo(db(), options), std::runtime_error);
}

TEST(Demo, a_different_seed_gives_different_people) {
  DemoOptions options;
  options.households_per_community = 150;
  TempDatabase first;
  TempDatabase second;
  generate_demo(first.connection(), options);
  options.seed += 1;
  generate_demo(second.connection(), options);
  const std::string sql = "SELECT name, id_number FROM residents ORDER BY id LIMIT 50";
  EXPECT_NE(dump(first.connection(), sql), dump(second.connection(), sql));
}

TEST(Demo, several_communities_share_a_street_and_never_share_an_id_number) {
  DemoOptions options;
  options.communities = 3;
  options.households_per_community = 200;
  TempDatabase database;
  auto& db = database.connection();
  const DemoSummary summary = generate_demo(db, options);
  EXPECT_EQ(summary.communities, 3);
  ASSERT_EQ(summary.community_ids.size(), 3u);
  EXPECT_EQ(summary.households, 600);
  EXPECT_EQ(db.query_int("SELECT COUNT(DISTINCT name) FROM communities"), 3);
  EXPECT_EQ(db.query_int("SELECT COUNT(DISTINCT street) FROM communities"), 1);
  EXPECT_EQ(db.query_int("SELECT COUNT(DISTINCT id_number) FROM residents"), summary.residents);
  // The street supervisor oversees every community; each community has its own staff and guides.
  EXPECT_EQ(db.query_int("SELECT COUNT(*) FROM user_communities uc JOIN users u "
                         "ON u.id = uc.user_id WHERE u.username = 'street'"),
            3);
  for (const char* username : {"staff2", "guide2_1", "guide3_5"}) {
    EXPECT_EQ(db.query_int("SELECT COUNT(*) FROM users WHERE username = ?", {username}), 1)
        << username;
  }
  EXPECT_EQ(db.query_int("SELECT COUNT(*) FROM households h JOIN users u "
                         "ON u.id = h.guide_user_id WHERE u.community_id <> h.community_id"),
            0);
  EXPECT_TRUE(audit::verify(db).ok);
}

TEST(Demo, a_tiny_demo_still_has_a_resident_login) {
  DemoOptions options;
  options.households_per_community = 1;
  TempDatabase database;
  const DemoSummary summary = generate_demo(database.connection(), options);
  EXPECT_EQ(summary.households, 1);
  EXPECT_EQ(summary.buildings, 1);
  EXPECT_TRUE(
      accounts::log_in(database.connection(), "resident", options.password, "127.0.0.1").ok());
}

TEST(Demo, rejects_options_out_of_range) {
  TempDatabase database;
  DemoOptions options;
  options.communities = 0;
  EXPECT_THROW(generate_demo(database.connection(), options), std::invalid_argument);
  options.communities = 1;
  options.households_per_community = 0;
  EXPECT_THROW(generate_demo(database.connection(), options), std::invalid_argument);
}

}  // namespace
}  // namespace gz::registry
