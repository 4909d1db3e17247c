#include "modules/needs/matrix.hpp"

#include <gtest/gtest.h>

namespace gz::needs {
namespace {

// Four households, scored by hand with the default rules and weights 25/20/20/15/20.
HouseholdFacts elderly_living_alone() {  // 82, chronically ill, low income, never comes
  HouseholdFacts h;
  h.member_ages = {82};
  h.chronic_illness_members = 1;
  h.income_band = IncomeBand::low;
  h.tags = tag_elderly_living_alone;
  return h;
}
HouseholdFacts young_tenants_with_newborn() {
  HouseholdFacts h;
  h.member_ages = {29, 31, 0};
  h.income_band = IncomeBand::middle;
  h.participation_count = 1;
  h.tags = tag_tenant | tag_newborn;
  return h;
}
HouseholdFacts active_retired_cadres() {
  HouseholdFacts h;
  h.member_ages = {66, 64};
  h.income_band = IncomeBand::middle;
  h.participation_count = 12;
  h.willing_to_take_part = true;
  return h;
}
HouseholdFacts family_with_disabled_member() {  // on subsistence allowance (低保)
  HouseholdFacts h;
  h.member_ages = {45, 17};
  h.disabled_members = 1;
  h.income_band = IncomeBand::subsistence;
  h.tags = tag_disability | tag_low_income;
  return h;
}

NeedsScore assess(const HouseholdFacts& facts, std::vector<ProfessionalOverride> overrides = {}) {
  auto score = assess_household(facts, overrides);
  EXPECT_TRUE(score.ok()) << (score.ok() ? "" : score.error().message);
  return score.ok() ? score.value() : NeedsScore{};
}

TEST(Needs, scores_hand_checked_households) {
  // population 40 (80+), health 25 (chronic), economy 75 (low), willingness 0, special 50
  // (living alone): 25*40 + 20*25 + 20*75 + 15*0 + 20*50 = 4000 -> 40.00
  NeedsScore a = assess(elderly_living_alone());
  EXPECT_EQ(a.sub_scores, (SubScores{40, 25, 75, 0, 50}));
  EXPECT_EQ(a.overall_hundredths, 4000);
  // population 35 (a baby), economy 25, willingness 10: 875 + 500 + 150 = 1525
  NeedsScore b = assess(young_tenants_with_newborn());
  EXPECT_EQ(b.sub_scores, (SubScores{35, 0, 25, 10, 0}));
  EXPECT_EQ(b.overall_hundredths, 1525);
  // population 15 + 15, economy 25, willingness 12*10 + 40 capped at 100: 750 + 500 + 1500
  NeedsScore c = assess(active_retired_cadres());
  EXPECT_EQ(c.sub_scores, (SubScores{30, 0, 25, 100, 0}));
  EXPECT_EQ(c.overall_hundredths, 2750);
  // population 10 (17), health 40, economy 100, special 40: 250 + 800 + 2000 + 800
  NeedsScore d = assess(family_with_disabled_member());
  EXPECT_EQ(d.sub_scores, (SubScores{10, 40, 100, 0, 40}));
  EXPECT_EQ(d.overall_hundredths, 3850);
}

TEST(Needs, a_professional_override_replaces_a_sub_score_and_needs_a_reason) {
  NeedsScore b = assess(young_tenants_with_newborn(),
                        {{Dimension::health, 60, "mother has postpartum depression"}});
  EXPECT_EQ(b.computed[1], 0);
  EXPECT_EQ(b.sub_scores[1], 60);
  EXPECT_TRUE(b.overridden[1]);
  EXPECT_FALSE(b.overridden[0]);
  EXPECT_EQ(b.overall_hundredths, 1525 + 20 * 60);

  std::vector<ProfessionalOverride> no_reason = {{Dimension::health, 60, "  "}};
  EXPECT_EQ(assess_household(young_tenants_with_newborn(), no_reason).error().code,
            "override_needs_reason");
  std::vector<ProfessionalOverride> out_of_range = {{Dimension::economy, 101, "x"}};
  EXPECT_EQ(assess_household(young_tenants_with_newborn(), out_of_range).error().code,
            "invalid_score");
}

TEST(Needs, weights_must_sum_to_exactly_100) {
  EXPECT_TRUE(validate(NeedsWeights{}).ok());
  EXPECT_EQ(validate(NeedsWeights{{25, 20, 20, 15, 21}}).error().code, "invalid_weights");
  EXPECT_EQ(validate(NeedsWeights{{25, 20, 20, 15, 19}}).error().code, "invalid_weights");
  EXPECT_EQ(validate(NeedsWeights{{-5, 30, 30, 25, 20}}).error().code, "invalid_weights");
  EXPECT_EQ(
      assess_household(elderly_living_alone(), {}, NeedsWeights{{50, 50, 50, 0, 0}}).error().code,
      "invalid_weights");
  // Other weights, same sub-scores: all on health.
  auto health_only = assess_household(elderly_living_alone(), {}, NeedsWeights{{0, 100, 0, 0, 0}});
  ASSERT_TRUE(health_only.ok());
  EXPECT_EQ(health_only->overall_hundredths, 2500);
}

TEST(Needs, rules_are_configurable) {
  NeedsRules rules;
  rules.chronic_illness_member_points = 60;
  rules.income_band_points[static_cast<std::size_t>(IncomeBand::low)] = 90;
  SubScores s = compute_sub_scores(elderly_living_alone(), rules);
  EXPECT_EQ(s[1], 60);
  EXPECT_EQ(s[2], 90);
  // The low_income tag lifts the economy score to its floor whatever the band says.
  HouseholdFacts tagged;
  tagged.income_band = IncomeBand::middle;
  tagged.tags = tag_low_income;
  EXPECT_EQ(compute_sub_scores(tagged)[2], 75);
}

TEST(Needs, demand_per_category) {
  EXPECT_EQ(category_demand(elderly_living_alone()), (CategoryDemand{1, 0, 0, 1, 1}));
  EXPECT_EQ(category_demand(young_tenants_with_newborn()), (CategoryDemand{0, 1, 0, 0, 2}));
  EXPECT_EQ(category_demand(active_retired_cadres()), (CategoryDemand{2, 0, 0, 0, 2}));
  EXPECT_EQ(category_demand(family_with_disabled_member()), (CategoryDemand{0, 0, 1, 1, 2}));
}

std::vector<AssessedHousehold> community() {
  std::vector<std::pair<HouseholdFacts, std::string>> facts = {
      {elderly_living_alone(), "B1"},
      {young_tenants_with_newborn(), "B2"},
      {active_retired_cadres(), "B1"},
      {family_with_disabled_member(), "B2"}};
  std::vector<AssessedHousehold> out;
  out.reserve(facts.size());
  std::int64_t id = 101;
  for (auto& [f, building] : facts) {
    out.push_back(
        {id++, building, assess(f).overall_hundredths, category_demand(f), f.participation_count});
  }
  return out;
}

TEST(Needs, ranks_households_and_finds_the_silent_needy) {
  auto households = community();
  EXPECT_EQ(rank_households(households), (std::vector<std::int64_t>{101, 104, 103, 102}));
  EXPECT_EQ(rank_households(households, ServiceCategory::elderly_care),
            (std::vector<std::int64_t>{101, 103}));
  EXPECT_EQ(rank_households(households, ServiceCategory::childcare),
            (std::vector<std::int64_t>{102}));
  // Needy (>= 30.00) and never seen at an activity: not the cadres who come to everything.
  EXPECT_EQ(silent_needy(households, 3000, 0), (std::vector<std::int64_t>{101, 104}));
}

TEST(Needs, totals_and_heat_map_by_building) {
  auto households = community();
  EXPECT_EQ(total_demand(households), (CategoryDemand{3, 1, 1, 2, 7}));
  auto map = heat_map(households);
  ASSERT_EQ(map.size(), 2u);
  EXPECT_EQ(map[0].building, "B1");
  EXPECT_EQ(map[0].demand, (CategoryDemand{3, 0, 0, 1, 3}));
  EXPECT_EQ(map[1].building, "B2");
  EXPECT_EQ(map[1].demand, (CategoryDemand{0, 1, 1, 1, 4}));
}

TEST(Needs, heat_map_counts_households_not_people_and_orders_buildings_naturally) {
  std::vector<AssessedHousehold> households{
      {1, "10号楼", 5000, CategoryDemand{3, 0, 0, 0, 2}, 0},
      {2, "10号楼", 4000, CategoryDemand{2, 1, 0, 0, 0}, 0},
      {3, "2号楼", 3000, CategoryDemand{0, 0, 4, 0, 0}, 0},
  };
  auto map = heat_map(households);
  ASSERT_EQ(map.size(), 2u);
  EXPECT_EQ(map[0].building, "2号楼");
  EXPECT_EQ(map[0].households, (CategoryDemand{0, 0, 1, 0, 0}));
  EXPECT_EQ(map[1].building, "10号楼");
  EXPECT_EQ(map[1].demand, (CategoryDemand{5, 1, 0, 0, 2}));
  EXPECT_EQ(map[1].households, (CategoryDemand{2, 1, 0, 0, 1}));
}

TEST(Needs, names_round_trip) {
  for (std::size_t i = 0; i < kDimensionCount; ++i) {
    auto d = static_cast<Dimension>(i);
    EXPECT_EQ(parse_dimension(dimension_name(d)), d);
  }
  for (std::size_t i = 0; i < kCategoryCount; ++i) {
    auto c = static_cast<ServiceCategory>(i);
    EXPECT_EQ(parse_category(category_name(c)), c);
  }
  EXPECT_EQ(parse_household_tag("newborn"), tag_newborn);
  EXPECT_EQ(parse_income_band("subsistence"), IncomeBand::subsistence);
  EXPECT_EQ(parse_income_band("rich"), std::nullopt);
}

}  // namespace
}  // namespace gz::needs
