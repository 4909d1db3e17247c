// Category suggestion by keywords, the request throttle of the no-login routes, and the
// dialect sections of migrations (the assistant's migration is the first to need one).
#include "modules/assistant/classify.hpp"

#include <gtest/gtest.h>

#include "core/throttle.hpp"
#include "storage/migrate.hpp"

namespace gz::assistant {
namespace {

const std::vector<CategoryKeyword> kRules{
    {"elevator", "电梯", 3},   {"elevator", "困", 1},
    {"parking", "停车", 3},    {"parking", "车位", 3},
    {"noise", "吵", 2},        {"water_leak", "漏水", 3},
    {"sanitation", "垃圾", 3}, {"public_facility", "坏了", 1}};

TEST(AssistantClassify, PicksTheCategoryWithTheMostKeywordWeight) {
  auto suggestion = suggest_category("电梯坏了，老人被困在里面", kRules);
  EXPECT_EQ(suggestion.category, "elevator");
  EXPECT_EQ(suggestion.matched, (std::vector<std::string>{"电梯", "困"}));
  // 4 of the 5 matched weight points, and the winner's weight saturates: 0.8.
  EXPECT_EQ(suggestion.confidence_bp, 8000);
}

TEST(AssistantClassify, NothingMatchedFallsBackWithZeroConfidence) {
  auto suggestion = suggest_category("想咨询一下", kRules);
  EXPECT_EQ(suggestion.category, "other");
  EXPECT_TRUE(suggestion.matched.empty());
  EXPECT_EQ(suggestion.confidence_bp, 0);
}

TEST(AssistantClassify, OneWeakKeywordIsOnlyAHint) {
  auto suggestion = suggest_category("楼下的椅子坏了", kRules);
  EXPECT_EQ(suggestion.category, "public_facility");
  EXPECT_EQ(suggestion.confidence_bp, 3333);
}

TEST(AssistantClassify, TiesGoToTheRuleListedFirstAndRepeatsCountOnce) {
  std::vector<CategoryKeyword> rules{{"parking", "车", 2}, {"noise", "车", 2}};
  auto suggestion = suggest_category("车车车", rules);
  EXPECT_EQ(suggestion.category, "parking");
  EXPECT_EQ(suggestion.confidence_bp, 3333);  // half the weight, two of three points
}

TEST(AssistantClassify, LatinKeywordsIgnoreCase) {
  std::vector<CategoryKeyword> rules{{"gas_leak", "gas", 3}};
  EXPECT_EQ(suggest_category("Smells of GAS in the hall", rules).category, "gas_leak");
}

TEST(AssistantThrottle, AllowsTheBudgetPerAddressAndWindow) {
  Throttle throttle(3, 60'000);
  EXPECT_TRUE(throttle.allow("10.0.0.1", 0));
  EXPECT_TRUE(throttle.allow("10.0.0.1", 1));
  EXPECT_TRUE(throttle.allow("10.0.0.1", 2));
  EXPECT_FALSE(throttle.allow("10.0.0.1", 3));
  EXPECT_TRUE(throttle.allow("10.0.0.2", 3));       // another address has its own budget
  EXPECT_TRUE(throttle.allow("10.0.0.1", 60'000));  // a new window
}

TEST(AssistantMigration, DialectSectionsKeepOnlyTheirEngine) {
  std::string sql =
      "CREATE TABLE t (id {{PK}});\n-- dialect: sqlite\nCREATE VIRTUAL TABLE f USING fts5(x);\n"
      "-- dialect: postgresql\nCREATE EXTENSION IF NOT EXISTS pg_trgm;\n-- dialect: all\n"
      "CREATE INDEX i ON t (id);\n";
  auto sqlite = storage::render_migration(sql, storage::Dialect::sqlite);
  auto postgresql = storage::render_migration(sql, storage::Dialect::postgresql);
  EXPECT_NE(sqlite.find("fts5"), std::string::npos);
  EXPECT_EQ(sqlite.find("pg_trgm"), std::string::npos);
  EXPECT_EQ(postgresql.find("fts5"), std::string::npos);
  EXPECT_NE(postgresql.find("pg_trgm"), std::string::npos);
  EXPECT_NE(sqlite.find("CREATE INDEX i"), std::string::npos);
  EXPECT_NE(postgresql.find("BIGSERIAL"), std::string::npos);
  // Without markers a migration is unchanged apart from its placeholders.
  EXPECT_EQ(storage::render_migration("SELECT 1;\n", storage::Dialect::sqlite), "SELECT 1;\n");
}

}  // namespace
}  // namespace gz::assistant
