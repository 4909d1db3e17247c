#include "modules/allocation/pools.hpp"

#include <set>

#include "modules/allocation/apportion.hpp"

namespace gz::allocation {

Result<void> validate(const PoolPercents& percents) {
  auto in_range = [](int p) { return p >= 0 && p <= 100; };
  if (!in_range(percents.emergency_percent) || !in_range(percents.base_percent) ||
      !in_range(percents.dynamic_percent)) {
    return bad_request("invalid_percentages", "each pool percentage must be between 0 and 100");
  }
  if (percents.base_percent + percents.dynamic_percent != 100) {
    return bad_request("invalid_percentages",
                       "the base and dynamic pools must add up to 100% of what is left after "
                       "the emergency reserve (they add up to " +
                           std::to_string(percents.base_percent + percents.dynamic_percent) + "%)");
  }
  return {};
}

Result<Plan> plan_allocation(std::int64_t total, std::span<const CategoryInput> categories,
                             const PoolPercents& percents, std::int64_t carried_in) {
  GZ_TRY(validate(percents));
  if (total < 0) return bad_request("negative_amount", "the total cannot be negative");
  if (carried_in < 0) return bad_request("negative_amount", "a carried amount cannot be negative");
  if (categories.empty()) return bad_request("no_categories", "a plan needs categories");
  std::set<std::string> names;
  for (const CategoryInput& category : categories) {
    if (!names.insert(category.name).second) {
      return bad_request("duplicate_category", "category " + category.name + " is listed twice");
    }
    if (category.demand && *category.demand < 0) {
      return bad_request("negative_amount", "the demand of " + category.name + " is negative");
    }
  }

  Plan plan;
  plan.total = total;
  plan.emergency =
      static_cast<std::int64_t>(static_cast<__int128>(total) * percents.emergency_percent / 100);
  const std::int64_t rest = total - plan.emergency;
  const std::int64_t pool_weights[] = {percents.base_percent, percents.dynamic_percent};
  auto pools = apportion(rest, pool_weights);
  if (!pools.ok()) return pools.take_error();
  plan.base_pool = pools.value()[0];
  plan.dynamic_pool = pools.value()[1] + carried_in;
  plan.carried_in = carried_in;

  std::vector<std::int64_t> policy, demand;
  for (const CategoryInput& category : categories) {
    policy.push_back(category.policy_weight);
    demand.push_back(category.demand_weight);
  }
  auto base = apportion(plan.base_pool, policy);
  if (!base.ok()) return base.take_error();

  std::vector<std::optional<std::int64_t>> caps;
  for (std::size_t i = 0; i < categories.size(); ++i) {
    const auto& need = categories[i].demand;
    caps.push_back(
        need ? std::optional<std::int64_t>(std::max<std::int64_t>(*need - base.value()[i], 0))
             : std::nullopt);
  }
  bool any_demand = false;
  for (std::int64_t w : demand) any_demand = any_demand || w > 0;
  CappedSplit dynamic;
  if (any_demand) {
    auto split = apportion_capped(plan.dynamic_pool, demand, caps);
    if (!split.ok()) return split.take_error();
    dynamic = std::move(split.value());
  } else {
    for (std::int64_t w : demand) {
      if (w < 0) return bad_request("negative_weight", "a demand weight cannot be negative");
    }
    dynamic.parts.assign(categories.size(), 0);
    dynamic.unallocated = plan.dynamic_pool;
  }
  plan.surplus = dynamic.unallocated;

  for (std::size_t i = 0; i < categories.size(); ++i) {
    PlanLine line;
    line.category = categories[i].name;
    line.base = base.value()[i];
    line.dynamic = dynamic.parts[i];
    line.total = line.base + line.dynamic;
    plan.lines.push_back(std::move(line));
  }
  return plan;
}

std::vector<LineChange> diff_plans(const Plan& previous, const Plan& current) {
  std::vector<LineChange> changes;
  auto find = [&](const std::string& name) -> LineChange* {
    for (LineChange& change : changes) {
      if (change.category == name) return &change;
    }
    changes.push_back(LineChange{name, std::nullopt, std::nullopt, 0, 0, 0});
    return &changes.back();
  };
  for (const PlanLine& line : previous.lines) {
    LineChange* change = find(line.category);
    change->previous_total = line.total;
    change->previous_share_bp = basis_points(line.total, previous.distributable());
  }
  for (const PlanLine& line : current.lines) {
    LineChange* change = find(line.category);
    change->current_total = line.total;
    change->current_share_bp = basis_points(line.total, current.distributable());
  }
  for (LineChange& change : changes) {
    change.change = change.current_total.value_or(0) - change.previous_total.value_or(0);
  }
  return changes;
}

}  // namespace gz::allocation
