// Allocation plans stored per community and quarter: the use cases behind
// /api/v1/allocation/plans and `gongzhi allocate`. The arithmetic is pools.hpp; this file
// decides the inputs, stores the result and reads it back.
//
// Default inputs, per category (the five categories the needs module measures, in its order:
// elderly_care, childcare, disability_service, low_income_assistance, culture_sports):
//   policy weight (base pool)   the category's eligible population today: the sum over the
//                               community's households of their demand in it (persons aged
//                               60+, children 0–3, members with a disability, low-income
//                               households, members aged 6+; needs/matrix.hpp). The registry keeps
//                               no history, so "the start of the year" is read as now.
//   demand weight (dynamic)     the quarter's need-weighted demand: the sum over households of
//                               demand × overall needs score (hundredths), so a category whose
//                               eligible households are needier draws more of the dynamic pool.
//   demand cap                  none when the unit is fen; for whole units ("place") the
//                               category's demand in persons/households: no category gets
//                               more places than it has people who need them.
// A caller may give any of the three per category. Categories other than the five need both
// weights. previous_total: the same category's total in the latest earlier plan of the same
// community and unit (quarter not after this one; a re-plan of the quarter counts).
// The pool percentages default to 5 / 70 / 30 and may be given per plan (pools.hpp refuses
// a set that does not add up: 400 invalid_percentages); they are not stored, the amounts are.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/actor.hpp"
#include "core/result.hpp"
#include "modules/allocation/fairness.hpp"
#include "modules/allocation/pools.hpp"
#include "storage/database.hpp"

namespace gz::allocation {

struct PlanCategoryRequest {
  std::string category;
  std::optional<std::int64_t> policy_weight;
  std::optional<std::int64_t> demand_weight;
  std::optional<std::int64_t> demand;
};

struct PlanRequest {
  std::int64_t community_id = 0;
  std::string quarter;  // "2026Q3"
  std::int64_t total = 0;
  std::string unit = "fen";
  std::optional<std::vector<PlanCategoryRequest>> categories;
  PoolPercents percents;  // 5 / 70 / 30 unless the request says otherwise
};

struct StoredPlanLine {
  std::string category;
  std::int64_t policy_weight = 0;
  std::int64_t demand_weight = 0;
  std::optional<std::int64_t> demand;
  std::int64_t base = 0;
  std::int64_t dynamic = 0;
  std::int64_t total = 0;
  std::optional<std::int64_t> previous_total;
};

struct StoredPlan {
  std::int64_t id = 0;
  std::int64_t community_id = 0;
  std::string quarter;
  std::int64_t total = 0;
  std::string unit;
  std::int64_t emergency = 0;
  std::int64_t base_pool = 0;
  std::int64_t dynamic_pool = 0;
  std::int64_t surplus = 0;     // dynamic units no category needed, added to the reserve
  std::int64_t carried_in = 0;  // the previous quarter's unspent reserve, in the dynamic pool
  std::optional<std::int64_t> carried_from_plan_id;
  std::optional<std::int64_t> previous_plan_id;
  std::int64_t created_by_user_id = 0;
  std::string created_at;
  std::vector<StoredPlanLine> lines;
};

// What an earlier plan leaves of its emergency reserve to a new plan of the community, unit
// and quarter: found inside create_plan's transaction by whoever keeps the reserve's spending
// (the transparency module, handed in by the app), carried into the new plan's dynamic pool.
struct Carry {
  std::int64_t from_plan_id = 0;
  std::int64_t amount = 0;
};
using CarryFinder = std::function<std::optional<Carry>(
    storage::Connection& db, std::int64_t community_id, const std::string& unit,
    const std::string& quarter, std::int64_t now_ms)>;

// Staff and admins of the community. Audited.
Result<StoredPlan> create_plan(storage::Connection& db, const Actor& actor,
                               const PlanRequest& request, const CarryFinder& carry = {});
// Guides, staff, street users of the community and admins.
Result<StoredPlan> get_plan(storage::Connection& db, const Actor& actor, std::int64_t plan_id);

// One row of a community's list of plans: the figures and where the plan is in its lifecycle
// ("draft" until transparency records a stage for it).
struct PlanSummary {
  std::int64_t id = 0;
  std::string quarter;
  std::string unit;
  std::int64_t total = 0;
  std::string stage;
  std::string created_at;
  bool published = false;  // it has been on public notice (public from then on)
  bool returned = false;   // a draft again after a return or a failing vote or assessment
};
// Guides, staff, street users of the community and admins; newest first. Residents 403,
// outsiders 404.
Result<std::vector<PlanSummary>> list_plans(storage::Connection& db, const Actor& actor,
                                            std::int64_t community_id);

// Fairness of a plan against today's registry. Model: each line's total goes to the
// households with demand in its category in proportion to that demand (largest remainder).
// Each household counts in one group, the first it fits in this order: disabled,
// low_income, elderly (a member 60+), families_with_children (a member under 18), tenants,
// others. Need = the households' overall needs scores; population = their members.
// gini_bp: across households of what each receives; group_gini_bp: across the groups.
// Misallocation = units modelled to households without demand in the category: 0 under
// this model by construction, reported so a delivery-based figure can replace it.
struct PlanFairness {
  StoredPlan plan;
  FairnessReport report;
  std::int64_t household_gini_bp = 0;
  Misallocation misallocation;
  FairnessBounds bounds;
};
Result<PlanFairness> plan_fairness(storage::Connection& db, const Actor& actor,
                                   std::int64_t plan_id);

}  // namespace gz::allocation
