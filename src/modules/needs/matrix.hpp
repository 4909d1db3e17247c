// The needs-assessment matrix (需求评估矩阵): a household's need on five dimensions, each a
// whole score 0–100 computed from plain facts of its registry file by configurable rules,
// weighted into an overall score; demand per service category; rankings and a building ×
// category heat map. A guide may override a computed sub-score with a professional
// assessment, which must give a reason. Pure functions, integer arithmetic throughout:
// the overall score is kept in hundredths of a point (0–10000), exact.
//
// Default rules (NeedsRules), each sub-score capped at 100:
//   population structure  points per member by age: 0–2 → 35, 3–6 → 25, 7–17 → 10,
//                         60–69 → 15, 70–79 → 25, 80+ → 40 (the dependants who need care)
//   health                40 per member with a disability, 25 per member with a chronic
//                         illness
//   economy               by income band: subsistence (低保) 100, low 75, lower-middle 50,
//                         middle 25, high 0, unknown 40; the low_income tag lifts it to at
//                         least 75
//   willingness           10 per activity, meeting or volunteering in the last 12 months,
//                         +40 when the household said it wants to take part
//   special needs         by tag: elderly living alone 50, disability 40, major illness 40,
//                         single parent 30, left-behind child 30, special care (优抚) 20
// Demand per category, in the unit each category is planned in:
//   elderly care          members aged 60+                       (persons)
//   childcare             members aged 0–3                       (persons, i.e. places)
//   disability service    members with a disability (at least 1 with the disability tag)
//   low-income assistance 1 when the band is subsistence or low, or the low_income tag
//                         is set                                 (households)
//   culture and sports    members aged 6+                        (persons)
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"

namespace gz::needs {

enum class Dimension { population_structure, health, economy, willingness, special_needs };
inline constexpr std::size_t kDimensionCount = 5;
std::string_view dimension_name(Dimension dimension);
std::optional<Dimension> parse_dimension(std::string_view name);

enum class ServiceCategory {
  elderly_care,
  childcare,
  disability_service,
  low_income_assistance,
  culture_sports,
};
inline constexpr std::size_t kCategoryCount = 5;
std::string_view category_name(ServiceCategory category);
std::optional<ServiceCategory> parse_category(std::string_view name);

enum class IncomeBand { subsistence, low, lower_middle, middle, high, unknown };
std::optional<IncomeBand> parse_income_band(std::string_view name);

// Registry tags a household can carry (bit flags).
enum HouseholdTag : std::uint32_t {
  tag_elderly_living_alone = 1u << 0,
  tag_disability = 1u << 1,
  tag_low_income = 1u << 2,
  tag_newborn = 1u << 3,
  tag_tenant = 1u << 4,
  tag_single_parent = 1u << 5,
  tag_major_illness = 1u << 6,
  tag_left_behind_child = 1u << 7,
  tag_special_care = 1u << 8,
};
std::optional<HouseholdTag> parse_household_tag(std::string_view name);

struct HouseholdFacts {
  std::vector<int> member_ages;
  int disabled_members = 0;
  int chronic_illness_members = 0;
  IncomeBand income_band = IncomeBand::unknown;
  int participation_count = 0;  // activities, meetings, volunteering in the last 12 months
  bool willing_to_take_part = false;
  std::uint32_t tags = 0;  // HouseholdTag bits
};

// Percent per dimension, in Dimension order; must sum to exactly 100.
struct NeedsWeights {
  std::array<int, kDimensionCount> percent = {25, 20, 20, 15, 20};
};
// bad_request "invalid_weights" unless each is 0..100 and they sum to 100.
Result<void> validate(const NeedsWeights& weights);

struct AgeBandPoints {
  int min_age = 0;
  int max_age = 0;  // inclusive
  int points_per_member = 0;
};
struct TagPoints {
  std::uint32_t tag = 0;
  int points = 0;
};
struct AgeRange {
  int min_age = 0;
  int max_age = 0;  // inclusive
};

struct NeedsRules {
  std::vector<AgeBandPoints> age_points = {{0, 2, 35},   {3, 6, 25},   {7, 17, 10},
                                           {60, 69, 15}, {70, 79, 25}, {80, 200, 40}};
  int disabled_member_points = 40;
  int chronic_illness_member_points = 25;
  // Indexed by IncomeBand.
  std::array<int, 6> income_band_points = {100, 75, 50, 25, 0, 40};
  int low_income_tag_floor = 75;
  int participation_points = 10;
  int stated_willingness_points = 40;
  std::vector<TagPoints> special_tag_points = {
      {tag_elderly_living_alone, 50}, {tag_disability, 40},        {tag_major_illness, 40},
      {tag_single_parent, 30},        {tag_left_behind_child, 30}, {tag_special_care, 20}};
  AgeRange elderly_care_ages = {60, 200};
  AgeRange childcare_ages = {0, 3};
  AgeRange culture_sports_ages = {6, 200};
};

using SubScores = std::array<int, kDimensionCount>;
using CategoryDemand = std::array<std::int64_t, kCategoryCount>;

// The computed sub-scores (0–100 each), before any override.
SubScores compute_sub_scores(const HouseholdFacts& facts, const NeedsRules& rules = {});
// Σ weight_percent × sub-score: the overall score in hundredths of a point (0–10000).
// Assumes valid weights (see validate).
int overall_hundredths(const SubScores& scores, const NeedsWeights& weights);

struct ProfessionalOverride {
  Dimension dimension = Dimension::population_structure;
  int score = 0;       // 0–100
  std::string reason;  // required: why the guide's assessment differs
};

struct NeedsScore {
  SubScores computed{};    // from the facts
  SubScores sub_scores{};  // after overrides: what the overall is made of
  std::array<bool, kDimensionCount> overridden{};
  int overall_hundredths = 0;
};

// Errors (bad_request): "invalid_weights", "invalid_score" (an override outside 0–100),
// "override_needs_reason". A later override of the same dimension replaces an earlier one.
Result<NeedsScore> assess_household(const HouseholdFacts& facts,
                                    std::span<const ProfessionalOverride> overrides,
                                    const NeedsWeights& weights = {}, const NeedsRules& rules = {});

CategoryDemand category_demand(const HouseholdFacts& facts, const NeedsRules& rules = {});

// A household as the aggregations below see it.
struct AssessedHousehold {
  std::int64_t household_id = 0;
  std::string building;
  int overall_hundredths = 0;
  CategoryDemand demand{};
  int participation_count = 0;
};

CategoryDemand total_demand(std::span<const AssessedHousehold> households);

struct HeatMapRow {
  std::string building;
  // Demand units (people who would use the service) per category.
  CategoryDemand demand{};
  // Households with any demand in the category: what a heat map "户数" counts.
  CategoryDemand households{};
};
// Demand per building and category, buildings in natural order of their names (2号楼 before
// 10号楼).
std::vector<HeatMapRow> heat_map(std::span<const AssessedHousehold> households);

// Household ids, neediest first: by overall score, then (for a category) by demand in it,
// then by id. With a category, only households with demand in it are listed.
std::vector<std::int64_t> rank_households(std::span<const AssessedHousehold> households,
                                          std::optional<ServiceCategory> category = {});

// The "silent" needy the seed says are missed: overall score at least
// min_overall_hundredths and at most max_participation activities, neediest first.
std::vector<std::int64_t> silent_needy(std::span<const AssessedHousehold> households,
                                       int min_overall_hundredths, int max_participation);

}  // namespace gz::needs
