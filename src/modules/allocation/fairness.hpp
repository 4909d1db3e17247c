// Fairness read-outs for a plan or a period: each resident group's share of the resources
// against its share of the need and of the population, warnings for elite capture
// (精英俘获: a group's ratio above the bound) and for groups left behind, the Gini
// coefficient, and the misallocation rate. Pure functions.
//
// Exactness: every share and ratio is a fraction of integers, computed in 128-bit integers
// and shown in basis points (1/100 of a percent) or whole percent, rounded half up. The
// warnings compare the exact fractions, never the rounded figures.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/result.hpp"
#include "modules/needs/needs.hpp"

namespace gz::allocation {

struct GroupInput {
  std::string group;            // "retired cadres", "young tenants", "families with children"…
  std::int64_t resources = 0;   // fen or units the group received
  std::int64_t need = 0;        // the group's assessed need (e.g. summed needs scores)
  std::int64_t population = 0;  // residents (or households) in the group
};

// A group's ratio is its share of the resources divided by its share of the need.
struct FairnessBounds {
  int max_ratio_percent = 150;  // above: elite capture
  int min_ratio_percent = 50;   // below: left behind
};

struct GroupFairness {
  std::string group;
  std::int64_t resource_share_bp = 0;
  std::int64_t need_share_bp = 0;
  std::int64_t population_share_bp = 0;
  std::optional<std::int64_t> ratio_to_need_percent;        // none when the need share is 0
  std::optional<std::int64_t> ratio_to_population_percent;  // none when the population is 0
  bool elite_capture = false;  // ratio to need > max (or resources with no need at all)
  bool left_behind = false;    // ratio to need < min
};

struct FairnessReport {
  std::vector<GroupFairness> groups;
  bool elite_capture = false;  // some group is flagged
  // Gini of resources per resident across the groups, each group weighted by population.
  std::int64_t gini_bp = 0;
};

// Errors (bad_request): "negative_amount"; "invalid_bounds" unless 0 <= min <= max.
Result<FairnessReport> assess_fairness(std::span<const GroupInput> groups,
                                       const FairnessBounds& bounds = {});

// Gini coefficient of non-negative values (e.g. what each household received), in basis
// points: G = Σ_i Σ_j |x_i − x_j| / (2 n Σx), exact, rounded half up; 0 when all are 0.
// bad_request "negative_amount" for a negative value.
Result<std::int64_t> gini_bp(std::span<const std::int64_t> values);

// Units delivered to a household in a category.
struct Delivery {
  std::int64_t household_id = 0;
  needs::ServiceCategory category = needs::ServiceCategory::elderly_care;
  std::int64_t units = 0;
};

struct Misallocation {
  std::int64_t misallocated_units = 0;  // went to households with no demand in the category
  std::int64_t total_units = 0;
  std::int64_t rate_bp = 0;
};

// The share of delivered units that went to households not assessed as needing that
// category (no demand in it, or no assessment at all).
Misallocation misallocation_rate(std::span<const Delivery> deliveries,
                                 std::span<const needs::AssessedHousehold> households);

}  // namespace gz::allocation
