#include "modules/allocation/cofunding.hpp"

#include <gtest/gtest.h>

namespace gz::allocation {
namespace {

std::vector<CofundingPart> split(std::string_view funding_class, std::int64_t amount_fen) {
  auto rules = default_cofunding_rules();
  auto parts = split_cofunding(rules, funding_class, amount_fen);
  EXPECT_TRUE(parts.ok()) << (parts.ok() ? "" : parts.error().message);
  return parts.ok() ? parts.value() : std::vector<CofundingPart>{};
}

TEST(Cofunding, basic_needs_are_70_government_30_residents) {
  EXPECT_EQ(split("basic", 1'000'000),
            (std::vector<CofundingPart>{{"government", 700'000}, {"residents", 300'000}}));
  // 1 fen: 0.7 / 0.3 -> the government's larger remainder takes it.
  EXPECT_EQ(split("basic", 1), (std::vector<CofundingPart>{{"government", 1}, {"residents", 0}}));
  // 7 fen: 4.9 / 2.1 -> 5 / 2.
  EXPECT_EQ(split("basic", 7), (std::vector<CofundingPart>{{"government", 5}, {"residents", 2}}));
  EXPECT_EQ(split("basic", 100'001),
            (std::vector<CofundingPart>{{"government", 70'001}, {"residents", 30'000}}));
}

TEST(Cofunding, improvement_needs_are_3_3_4) {
  // 100,001 fen: 30,000.3 / 30,000.3 / 40,000.4 -> the residents' 0.4 takes the last fen.
  EXPECT_EQ(split("improvement", 100'001),
            (std::vector<CofundingPart>{
                {"government", 30'000}, {"market", 30'000}, {"residents", 40'001}}));
  EXPECT_EQ(split("improvement", 1),
            (std::vector<CofundingPart>{{"government", 0}, {"market", 0}, {"residents", 1}}));
  // 2 fen: 0.6 / 0.6 / 0.8 -> residents first, then the tie between government and market
  // (same remainder, same ratio) goes to the party listed first.
  EXPECT_EQ(split("improvement", 2),
            (std::vector<CofundingPart>{{"government", 1}, {"market", 0}, {"residents", 1}}));
  EXPECT_EQ(split("improvement", 7),
            (std::vector<CofundingPart>{{"government", 2}, {"market", 2}, {"residents", 3}}));
}

TEST(Cofunding, special_needs_are_8_government_2_foundation) {
  EXPECT_EQ(split("special", 7),
            (std::vector<CofundingPart>{{"government", 6}, {"foundation", 1}}));
  EXPECT_EQ(split("special", 1),
            (std::vector<CofundingPart>{{"government", 1}, {"foundation", 0}}));
  EXPECT_EQ(split("special", 100'001),
            (std::vector<CofundingPart>{{"government", 80'001}, {"foundation", 20'000}}));
  EXPECT_EQ(split("special", 0),
            (std::vector<CofundingPart>{{"government", 0}, {"foundation", 0}}));
}

TEST(Cofunding, rules_are_configurable_and_checked) {
  std::vector<CofundingRule> rules = {
      {"sports_field", {{"government", 1}, {"sponsor", 1}, {"club", 1}}}};
  auto parts = split_cofunding(rules, "sports_field", 100);
  ASSERT_TRUE(parts.ok());
  EXPECT_EQ(parts.value(),
            (std::vector<CofundingPart>{{"government", 34}, {"sponsor", 33}, {"club", 33}}));
  EXPECT_EQ(split_cofunding(rules, "basic", 100).error().code, "unknown_funding_class");
  EXPECT_EQ(split_cofunding(rules, "sports_field", -1).error().code, "negative_amount");
  std::vector<CofundingRule> zero = {{"x", {{"government", 0}}}};
  EXPECT_EQ(validate(zero).error().code, "invalid_cofunding_rule");
  std::vector<CofundingRule> twice = {{"x", {{"a", 1}, {"a", 2}}}};
  EXPECT_EQ(validate(twice).error().code, "invalid_cofunding_rule");
  std::vector<CofundingRule> duplicate_class = {{"x", {{"a", 1}}}, {"x", {{"b", 1}}}};
  EXPECT_EQ(validate(duplicate_class).error().code, "invalid_cofunding_rule");
  EXPECT_TRUE(validate(default_cofunding_rules()).ok());
}

TEST(Cofunding, every_split_sums_to_the_amount) {
  auto rules = default_cofunding_rules();
  for (const char* funding_class : {"basic", "improvement", "special"}) {
    for (std::int64_t amount = 0; amount < 2000; ++amount) {
      auto parts = split_cofunding(rules, funding_class, amount);
      ASSERT_TRUE(parts.ok());
      std::int64_t sum = 0;
      for (const auto& part : parts.value()) sum += part.amount_fen;
      ASSERT_EQ(sum, amount);
    }
  }
}

}  // namespace
}  // namespace gz::allocation
