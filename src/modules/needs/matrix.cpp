#include "modules/needs/matrix.hpp"

#include "core/text.hpp"

#include <algorithm>
#include <map>

namespace gz::needs {
namespace {

constexpr std::array<std::string_view, kDimensionCount> kDimensionNames = {
    "population_structure", "health", "economy", "willingness", "special_needs"};
constexpr std::array<std::string_view, kCategoryCount> kCategoryNames = {
    "elderly_care", "childcare", "disability_service", "low_income_assistance", "culture_sports"};

int clamp_score(std::int64_t points) {
  return static_cast<int>(std::clamp<std::int64_t>(points, 0, 100));
}

bool in_range(int age, const AgeRange& range) {
  return age >= range.min_age && age <= range.max_age;
}

std::size_t index(Dimension d) {
  return static_cast<std::size_t>(d);
}
std::size_t index(ServiceCategory c) {
  return static_cast<std::size_t>(c);
}

}  // namespace

std::string_view dimension_name(Dimension dimension) {
  return kDimensionNames[index(dimension)];
}

std::optional<Dimension> parse_dimension(std::string_view name) {
  for (std::size_t i = 0; i < kDimensionCount; ++i) {
    if (kDimensionNames[i] == name) return static_cast<Dimension>(i);
  }
  return std::nullopt;
}

std::string_view category_name(ServiceCategory category) {
  return kCategoryNames[index(category)];
}

std::optional<ServiceCategory> parse_category(std::string_view name) {
  for (std::size_t i = 0; i < kCategoryCount; ++i) {
    if (kCategoryNames[i] == name) return static_cast<ServiceCategory>(i);
  }
  return std::nullopt;
}

std::optional<IncomeBand> parse_income_band(std::string_view name) {
  if (name == "subsistence") return IncomeBand::subsistence;
  if (name == "low") return IncomeBand::low;
  if (name == "lower_middle") return IncomeBand::lower_middle;
  if (name == "middle") return IncomeBand::middle;
  if (name == "high") return IncomeBand::high;
  if (name == "unknown" || name.empty()) return IncomeBand::unknown;
  return std::nullopt;
}

std::optional<HouseholdTag> parse_household_tag(std::string_view name) {
  if (name == "elderly_living_alone") return tag_elderly_living_alone;
  if (name == "disability") return tag_disability;
  if (name == "low_income") return tag_low_income;
  if (name == "newborn") return tag_newborn;
  if (name == "tenant") return tag_tenant;
  if (name == "single_parent") return tag_single_parent;
  if (name == "major_illness") return tag_major_illness;
  if (name == "left_behind_child") return tag_left_behind_child;
  if (name == "special_care") return tag_special_care;
  return std::nullopt;
}

Result<void> validate(const NeedsWeights& weights) {
  int sum = 0;
  for (int w : weights.percent) {
    if (w < 0 || w > 100) {
      return bad_request("invalid_weights", "each dimension's weight must be between 0 and 100");
    }
    sum += w;
  }
  if (sum != 100) {
    return bad_request("invalid_weights", "the five weights must add up to 100% (they add up to " +
                                              std::to_string(sum) + "%)");
  }
  return {};
}

SubScores compute_sub_scores(const HouseholdFacts& facts, const NeedsRules& rules) {
  SubScores scores{};
  std::int64_t population = 0;
  for (int age : facts.member_ages) {
    for (const AgeBandPoints& band : rules.age_points) {
      if (age >= band.min_age && age <= band.max_age) {
        population += band.points_per_member;
        break;
      }
    }
  }
  scores[index(Dimension::population_structure)] = clamp_score(population);

  scores[index(Dimension::health)] =
      clamp_score(static_cast<std::int64_t>(facts.disabled_members) * rules.disabled_member_points +
                  static_cast<std::int64_t>(facts.chronic_illness_members) *
                      rules.chronic_illness_member_points);

  int economy = rules.income_band_points[static_cast<std::size_t>(facts.income_band)];
  if (facts.tags & tag_low_income) economy = std::max(economy, rules.low_income_tag_floor);
  scores[index(Dimension::economy)] = clamp_score(economy);

  scores[index(Dimension::willingness)] = clamp_score(
      static_cast<std::int64_t>(facts.participation_count) * rules.participation_points +
      (facts.willing_to_take_part ? rules.stated_willingness_points : 0));

  std::int64_t special = 0;
  for (const TagPoints& tag : rules.special_tag_points) {
    if (facts.tags & tag.tag) special += tag.points;
  }
  scores[index(Dimension::special_needs)] = clamp_score(special);
  return scores;
}

int overall_hundredths(const SubScores& scores, const NeedsWeights& weights) {
  int total = 0;
  for (std::size_t i = 0; i < kDimensionCount; ++i) total += weights.percent[i] * scores[i];
  return total;
}

Result<NeedsScore> assess_household(const HouseholdFacts& facts,
                                    std::span<const ProfessionalOverride> overrides,
                                    const NeedsWeights& weights, const NeedsRules& rules) {
  GZ_TRY(validate(weights));
  NeedsScore score;
  score.computed = compute_sub_scores(facts, rules);
  score.sub_scores = score.computed;
  for (const ProfessionalOverride& o : overrides) {
    if (o.score < 0 || o.score > 100) {
      return bad_request("invalid_score", "a professional assessment scores 0 to 100");
    }
    bool has_reason = std::any_of(o.reason.begin(), o.reason.end(),
                                  [](char c) { return c != ' ' && c != '\t' && c != '\n'; });
    if (!has_reason) {
      return bad_request(
          "override_needs_reason",
          "overriding the " + std::string(dimension_name(o.dimension)) + " score needs a reason");
    }
    score.sub_scores[index(o.dimension)] = o.score;
    score.overridden[index(o.dimension)] = true;
  }
  score.overall_hundredths = overall_hundredths(score.sub_scores, weights);
  return score;
}

CategoryDemand category_demand(const HouseholdFacts& facts, const NeedsRules& rules) {
  CategoryDemand demand{};
  for (int age : facts.member_ages) {
    if (in_range(age, rules.elderly_care_ages)) ++demand[index(ServiceCategory::elderly_care)];
    if (in_range(age, rules.childcare_ages)) ++demand[index(ServiceCategory::childcare)];
    if (in_range(age, rules.culture_sports_ages)) ++demand[index(ServiceCategory::culture_sports)];
  }
  std::int64_t disabled = facts.disabled_members;
  if (disabled == 0 && (facts.tags & tag_disability)) disabled = 1;
  demand[index(ServiceCategory::disability_service)] = disabled;
  bool poor = facts.income_band == IncomeBand::subsistence ||
              facts.income_band == IncomeBand::low || (facts.tags & tag_low_income);
  demand[index(ServiceCategory::low_income_assistance)] = poor ? 1 : 0;
  return demand;
}

CategoryDemand total_demand(std::span<const AssessedHousehold> households) {
  CategoryDemand total{};
  for (const AssessedHousehold& h : households) {
    for (std::size_t c = 0; c < kCategoryCount; ++c) total[c] += h.demand[c];
  }
  return total;
}

std::vector<HeatMapRow> heat_map(std::span<const AssessedHousehold> households) {
  std::map<std::string, HeatMapRow> by_building;
  for (const AssessedHousehold& h : households) {
    HeatMapRow& row = by_building[h.building];
    row.building = h.building;
    for (std::size_t c = 0; c < kCategoryCount; ++c) {
      row.demand[c] += h.demand[c];
      row.households[c] += h.demand[c] > 0 ? 1 : 0;
    }
  }
  std::vector<HeatMapRow> rows;
  rows.reserve(by_building.size());
  for (auto& [building, row] : by_building) rows.push_back(std::move(row));
  std::stable_sort(rows.begin(), rows.end(), [](const HeatMapRow& a, const HeatMapRow& b) {
    return text::natural_less(a.building, b.building);
  });
  return rows;
}

std::vector<std::int64_t> rank_households(std::span<const AssessedHousehold> households,
                                          std::optional<ServiceCategory> category) {
  std::vector<const AssessedHousehold*> listed;
  for (const AssessedHousehold& h : households) {
    if (!category || h.demand[index(*category)] > 0) listed.push_back(&h);
  }
  std::sort(listed.begin(), listed.end(),
            [&](const AssessedHousehold* a, const AssessedHousehold* b) {
              if (a->overall_hundredths != b->overall_hundredths) {
                return a->overall_hundredths > b->overall_hundredths;
              }
              if (category && a->demand[index(*category)] != b->demand[index(*category)]) {
                return a->demand[index(*category)] > b->demand[index(*category)];
              }
              return a->household_id < b->household_id;
            });
  std::vector<std::int64_t> ids;
  ids.reserve(listed.size());
  for (const AssessedHousehold* h : listed) ids.push_back(h->household_id);
  return ids;
}

std::vector<std::int64_t> silent_needy(std::span<const AssessedHousehold> households,
                                       int min_overall_hundredths, int max_participation) {
  std::vector<AssessedHousehold> chosen;
  for (const AssessedHousehold& h : households) {
    if (h.overall_hundredths >= min_overall_hundredths &&
        h.participation_count <= max_participation) {
      chosen.push_back(h);
    }
  }
  return rank_households(chosen);
}

}  // namespace gz::needs
