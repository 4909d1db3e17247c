// GenerateDemoPlans: the quarterly allocation plans of one demo community, through the real
// use case (see demo.hpp for the story).
//
// The registry keeps no history, so the plan use case's default demand would be the same
// every quarter. The services plans therefore pass the year's policy shares (elderly care 35,
// childcare 20, disability service 15, low-income assistance 15, culture and sports 15) and a
// demand weight per quarter in which childcare rises with the newborn surge; with the default
// 5/70/30 pools childcare's total goes from ~20% to ~35%.

#include "modules/allocation/demo.hpp"

#include <array>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>

#include "core/actor.hpp"
#include "core/clock.hpp"
#include "modules/allocation/plans.hpp"
#include "modules/audit/audit.hpp"
#include "modules/registry/registry.hpp"

namespace gz::allocation {
namespace {

template <typename T>
T must(Result<T> result, std::string_view what) {
  if (!result) {
    throw std::runtime_error("allocation demo: " + std::string(what) + ": " +
                             result.error().message);
  }
  return std::move(*result);
}

// Plans for the five quarters ending with as_of's (2025Q4 … 2026Q4 for the demo date).
constexpr int kPlanQuarters = 5;
// Childcare's demand weight in the dynamic pool, per mille, quarter by quarter: with its 20%
// policy share its line goes 20% → 24% → 28% → 32% → 35% of the total (0.665 × 20% of the
// base pool plus 0.285 × this).
constexpr std::array<std::int64_t, 5> kChildcareDemandPermille = {235, 370, 510, 650, 760};
constexpr std::int64_t kServicesTotalFen = 1'200'000;
constexpr std::int64_t kPlacesTotal = 60;

std::vector<std::int64_t> make_plans(storage::Connection& db, std::int64_t community_id,
                                     std::int64_t as_of_ms) {
  std::vector<std::int64_t> ids;
  std::array<std::string, kPlanQuarters> quarters;
  for (int q = 0; q < kPlanQuarters; ++q) {
    quarters[static_cast<std::size_t>(q)] =
        Quarter::containing(as_of_ms).plus(q - (kPlanQuarters - 1)).name();
  }
  const Actor system = audit::system_actor();
  // Policy shares of the year (the base pool), childcare second.
  constexpr std::array<std::pair<std::string_view, std::int64_t>, 5> kPolicy = {
      {{"elderly_care", 35},
       {"childcare", 20},
       {"disability_service", 15},
       {"low_income_assistance", 15},
       {"culture_sports", 15}}};
  for (std::size_t q = 0; q < quarters.size(); ++q) {
    std::int64_t childcare = kChildcareDemandPermille[q];
    std::vector<PlanCategoryRequest> categories;
    for (const auto& [name, policy] : kPolicy) {
      // The other categories share what childcare leaves in proportion to their policy.
      std::int64_t demand = name == "childcare" ? childcare : (1000 - childcare) * policy / 80;
      categories.push_back({std::string(name), policy, demand, std::nullopt});
    }
    PlanRequest services;
    services.community_id = community_id;
    services.quarter = quarters[q];
    services.total = kServicesTotalFen;
    services.unit = "fen";
    services.categories = std::move(categories);
    ids.push_back(must(create_plan(db, system, services), "services plan").id);
  }
  // Day-care places: elderly day care and childcare share 60 places; demand caps (people who
  // need a place) come from the needs module.
  for (std::size_t q = 0; q < quarters.size(); ++q) {
    std::int64_t childcare = 300 + 100 * static_cast<std::int64_t>(q);
    PlanRequest places;
    places.community_id = community_id;
    places.quarter = quarters[q];
    places.total = kPlacesTotal;
    places.unit = "place";
    places.categories =
        std::vector<PlanCategoryRequest>{{"elderly_care", 60, 1000 - childcare, std::nullopt},
                                         {"childcare", 40, childcare, std::nullopt}};
    ids.push_back(must(create_plan(db, system, places), "places plan").id);
  }
  return ids;
}

}  // namespace

DemoPlansSummary generate_demo_plans(storage::Connection& db, std::int64_t community_id,
                                     std::int64_t as_of_ms) {
  if (!registry::community_exists(db, community_id)) {
    throw std::invalid_argument("allocation demo: no community " + std::to_string(community_id));
  }
  DemoPlansSummary summary;
  summary.plan_ids = make_plans(db, community_id, as_of_ms);
  summary.plans = static_cast<int>(summary.plan_ids.size());
  return summary;
}

}  // namespace gz::allocation
