// The allocation engine (资源弹性调配池): a quarter's total for a community (fen, or whole
// units such as childcare places) split into an emergency reserve, a base pool shared by
// fixed policy shares, and a dynamic pool shared by the quarter's demand. Pure functions.
//
//   1. Emergency reserve = floor(total * emergency_percent / 100), taken first. Rounding
//      down keeps the fraction of a unit in the pools that are actually spent.
//   2. The rest splits base_percent : dynamic_percent (default 70 : 30, must sum to 100)
//      by largest remainder (ties to the base pool).
//   3. The base pool splits by each category's policy share (default: its share of
//      eligible population at the start of the year), largest remainder.
//   4. The dynamic pool splits by demand weight, capped at each category's unmet demand —
//      its demand this quarter minus what the base pool already gave it — and what a
//      capped category cannot take flows to the others by weight (water-filling): no
//      category gets more than it needs while another is short. A category with no
//      demand figure is not capped. If every category's need is met, the surplus goes to
//      the emergency reserve rather than to a category that does not need it.
//   5. What the previous quarter's plan left of its reserve (carried_in) joins the dynamic
//      pool before it is shared.
//   Every split is integer and sums exactly (apportion.hpp: larger remainder, then larger
//   weight, then category order). So: reserve + sum of line totals == total + carried_in,
//   always.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "core/result.hpp"

namespace gz::allocation {

struct PoolPercents {
  int emergency_percent = 5;
  int base_percent = 70;
  int dynamic_percent = 30;
};

// Each percentage 0..100 and base + dynamic == 100, else bad_request "invalid_percentages".
Result<void> validate(const PoolPercents& percents);

struct CategoryInput {
  std::string name;
  std::int64_t policy_weight = 0;      // share of the base pool (population, or a percentage)
  std::int64_t demand_weight = 0;      // share of the dynamic pool this quarter
  std::optional<std::int64_t> demand;  // units needed this quarter: dynamic <= demand - base
};

struct PlanLine {
  std::string category;
  std::int64_t base = 0;
  std::int64_t dynamic = 0;
  std::int64_t total = 0;
};

struct Plan {
  std::int64_t total = 0;
  std::int64_t emergency = 0;  // the reserve taken first
  std::int64_t base_pool = 0;
  std::int64_t dynamic_pool = 0;
  std::int64_t surplus = 0;     // dynamic units no category needed; added to the reserve
  std::int64_t carried_in = 0;  // from the previous plan's reserve, inside dynamic_pool
  std::vector<PlanLine> lines;  // in the order the categories were given

  std::int64_t reserve() const { return emergency + surplus; }
  std::int64_t distributable() const { return base_pool + dynamic_pool; }
};

// Errors (bad_request): "invalid_percentages", "negative_amount", "no_categories",
// "duplicate_category", "negative_weight", "no_weight" (a pool to share but no share > 0).
Result<Plan> plan_allocation(std::int64_t total, std::span<const CategoryInput> categories,
                             const PoolPercents& percents = {}, std::int64_t carried_in = 0);

// How a re-planned quarter differs from the previous one, per category (categories of
// either plan; a category missing from one plan counts as 0 there). Shares are of each
// plan's distributable amount (base + dynamic), in basis points.
struct LineChange {
  std::string category;
  std::optional<std::int64_t> previous_total;
  std::optional<std::int64_t> current_total;
  std::int64_t change = 0;
  std::int64_t previous_share_bp = 0;
  std::int64_t current_share_bp = 0;
};
std::vector<LineChange> diff_plans(const Plan& previous, const Plan& current);

}  // namespace gz::allocation
