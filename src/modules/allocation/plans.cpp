#include "modules/allocation/plans.hpp"

#include <boost/json.hpp>
#include <map>

#include "core/amount.hpp"
#include "core/clock.hpp"
#include "modules/allocation/apportion.hpp"
#include "modules/allocation/permissions.hpp"
#include "modules/allocation/pools.hpp"
#include "modules/audit/audit.hpp"
#include "modules/needs/needs.hpp"
#include "modules/registry/registry.hpp"
#include "storage/transact.hpp"

namespace gz::allocation {
namespace {

bool valid_quarter(const std::string& quarter) {
  return Quarter::parse(quarter).has_value();
}

bool valid_unit(const std::string& unit) {
  if (unit.empty() || unit.size() > 20) return false;
  for (char c : unit) {
    if (!((c >= 'a' && c <= 'z') || c == '_')) return false;
  }
  return true;
}

StoredPlan plan_from(const storage::Row& row) {
  StoredPlan plan;
  plan.id = row.integer(0);
  plan.community_id = row.integer(1);
  plan.quarter = row.text(2);
  plan.total = row.integer(3);
  plan.unit = row.text(4);
  plan.emergency = row.integer(5);
  plan.base_pool = row.integer(6);
  plan.dynamic_pool = row.integer(7);
  plan.surplus = row.integer(8);
  plan.created_by_user_id = row.integer(9);
  plan.created_at = row.text(10);
  plan.carried_in = row.integer(11);
  plan.carried_from_plan_id = row.opt_integer(12);
  return plan;
}

constexpr const char* kPlanColumns =
    "SELECT id, community_id, quarter, total, unit, emergency, base_pool, dynamic_pool, surplus, "
    "created_by_user_id, created_at, carried_in, carried_from_plan_id FROM allocation_plans";

void load_lines(storage::Connection& db, StoredPlan& plan) {
  for (const auto& row :
       db.query("SELECT category, policy_weight, demand_weight, demand, base, dynamic, total, "
                "previous_total FROM allocation_plan_lines WHERE plan_id = ? ORDER BY position",
                {plan.id})) {
    plan.lines.push_back({row.text(0), row.integer(1), row.integer(2), row.opt_integer(3),
                          row.integer(4), row.integer(5), row.integer(6), row.opt_integer(7)});
  }
}

Result<StoredPlan> load_plan(storage::Connection& db, const Actor& actor, std::int64_t plan_id) {
  auto row = db.query_one(std::string(kPlanColumns) + " WHERE id = ?", {plan_id});
  if (!row) return not_found("no plan " + std::to_string(plan_id));
  StoredPlan plan = plan_from(*row);
  if (!actor.belongs_to(plan.community_id)) return not_found("no plan " + std::to_string(plan_id));
  if (!may_read_plans(actor, plan.community_id)) return forbidden("residents do not read plans");
  load_lines(db, plan);
  return plan;
}

}  // namespace

Result<StoredPlan> create_plan(storage::Connection& db, const Actor& actor,
                               const PlanRequest& request, const CarryFinder& carry) {
  GZ_TRY(registry::require_member(db, actor, request.community_id));
  if (!may_plan(actor, request.community_id)) {
    return forbidden("only staff and admins create allocation plans");
  }
  if (!valid_quarter(request.quarter)) {
    return bad_request("invalid_quarter", "quarter must look like 2026Q3");
  }
  if (!valid_unit(request.unit)) {
    return bad_request("invalid_unit", "unit must be fen or a unit name such as place");
  }
  GZ_TRY(check_amount(request.total, "total"));
  if (request.categories) {
    for (const auto& category : *request.categories) {
      for (const auto& [value, name] : {std::pair{category.policy_weight, "policy_weight"},
                                        std::pair{category.demand_weight, "demand_weight"},
                                        std::pair{category.demand, "demand"}}) {
        if (value) GZ_TRY(check_amount(*value, name));
      }
    }
  }
  bool whole_units = request.unit != "fen";

  // Inputs from the needs module, for whichever category leaves a figure out.
  auto needs = needs::load_community(db, request.community_id);
  needs::CategoryDemand eligible{}, weighted{};
  for (const auto& household : needs.households) {
    for (std::size_t i = 0; i < needs::kCategoryCount; ++i) {
      eligible[i] += household.demand[i];
      weighted[i] += household.demand[i] * household.score.overall_hundredths;
    }
  }
  std::vector<PlanCategoryRequest> wanted;
  if (request.categories) {
    wanted = *request.categories;
  } else {
    for (std::size_t i = 0; i < needs::kCategoryCount; ++i) {
      wanted.push_back(
          {std::string(needs::category_name(static_cast<needs::ServiceCategory>(i))), {}, {}, {}});
    }
  }
  std::vector<CategoryInput> inputs;
  for (const auto& category : wanted) {
    auto known = needs::parse_category(category.category);
    if (!known && (!category.policy_weight || !category.demand_weight)) {
      return bad_request("unknown_category", "the needs module has no demand for '" +
                                                 category.category +
                                                 "'; give policy_weight and demand_weight");
    }
    CategoryInput input;
    input.name = category.category;
    std::size_t i = known ? static_cast<std::size_t>(*known) : 0;
    input.policy_weight = category.policy_weight.value_or(known ? eligible[i] : 0);
    input.demand_weight = category.demand_weight.value_or(known ? weighted[i] : 0);
    if (category.demand) {
      input.demand = category.demand;
    } else if (whole_units && known) {
      input.demand = eligible[i];
    }
    inputs.push_back(std::move(input));
  }
  GZ_TRY(plan_allocation(request.total, inputs, request.percents));

  return storage::transact(db, storage::TxMode::write, [&]() -> Result<StoredPlan> {
    std::optional<Carry> carried;
    if (carry) {
      carried = carry(db, request.community_id, request.unit, request.quarter, now_epoch_ms());
    }
    auto computed =
        plan_allocation(request.total, inputs, request.percents, carried ? carried->amount : 0);
    if (!computed) return computed.take_error();
    StoredPlan plan;
    plan.carried_in = computed->carried_in;
    if (carried) plan.carried_from_plan_id = carried->from_plan_id;
    plan.community_id = request.community_id;
    plan.quarter = request.quarter;
    plan.total = request.total;
    plan.unit = request.unit;
    plan.emergency = computed->emergency;
    plan.base_pool = computed->base_pool;
    plan.dynamic_pool = computed->dynamic_pool;
    plan.surplus = computed->surplus;
    plan.created_by_user_id = actor.user_id;
    plan.created_at = now_iso8601();
    std::map<std::string, std::int64_t> previous;
    if (auto row = db.query_one(
            "SELECT id FROM allocation_plans WHERE community_id = ? AND unit = ? AND quarter <= ? "
            "ORDER BY quarter DESC, id DESC LIMIT 1",
            {request.community_id, request.unit, request.quarter})) {
      plan.previous_plan_id = row->integer(0);
      for (const auto& line :
           db.query("SELECT category, total FROM allocation_plan_lines WHERE plan_id = ?",
                    {*plan.previous_plan_id})) {
        previous[line.text(0)] = line.integer(1);
      }
    }
    plan.id = db.query_one(
                    "INSERT INTO allocation_plans (community_id, quarter, total, unit, emergency, "
                    "base_pool, dynamic_pool, surplus, created_by_user_id, created_at, "
                    "carried_in, carried_from_plan_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
                    "RETURNING id",
                    {plan.community_id, plan.quarter, plan.total, plan.unit, plan.emergency,
                     plan.base_pool, plan.dynamic_pool, plan.surplus, plan.created_by_user_id,
                     plan.created_at, plan.carried_in, storage::opt_int(plan.carried_from_plan_id)})
                  ->integer(0);
    boost::json::array audit_lines;
    for (std::size_t i = 0; i < computed->lines.size(); ++i) {
      const auto& line = computed->lines[i];
      StoredPlanLine stored{line.category,
                            inputs[i].policy_weight,
                            inputs[i].demand_weight,
                            inputs[i].demand,
                            line.base,
                            line.dynamic,
                            line.total,
                            std::nullopt};
      if (plan.previous_plan_id) {
        auto it = previous.find(line.category);
        stored.previous_total = it == previous.end() ? 0 : it->second;
      }
      db.execute(
          "INSERT INTO allocation_plan_lines (plan_id, community_id, position, category, "
          "policy_weight, demand_weight, demand, base, dynamic, total, previous_total) VALUES "
          "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
          {plan.id, plan.community_id, static_cast<std::int64_t>(i), stored.category,
           stored.policy_weight, stored.demand_weight, storage::opt_int(stored.demand), stored.base,
           stored.dynamic, stored.total, storage::opt_int(stored.previous_total)});
      audit_lines.push_back(boost::json::object{{"category", stored.category},
                                                {"base", stored.base},
                                                {"dynamic", stored.dynamic},
                                                {"total", stored.total}});
      plan.lines.push_back(std::move(stored));
    }
    audit::append(
        db, actor,
        {plan.community_id, "allocation.plan_create", "allocation_plan", std::to_string(plan.id),
         boost::json::object{{"quarter", plan.quarter},
                             {"total", plan.total},
                             {"unit", plan.unit},
                             {"emergency", plan.emergency},
                             {"surplus", plan.surplus},
                             {"carried_in", plan.carried_in},
                             {"lines", std::move(audit_lines)}}});
    return plan;
  });
}

Result<StoredPlan> get_plan(storage::Connection& db, const Actor& actor, std::int64_t plan_id) {
  auto plan = load_plan(db, actor, plan_id);
  if (!plan) return plan;
  if (auto row = db.query_one(
          "SELECT id FROM allocation_plans WHERE community_id = ? AND unit = ? AND (quarter < ? "
          "OR (quarter = ? AND id < ?)) ORDER BY quarter DESC, id DESC LIMIT 1",
          {plan->community_id, plan->unit, plan->quarter, plan->quarter, plan->id})) {
    plan->previous_plan_id = row->integer(0);
  }
  return plan;
}

Result<std::vector<PlanSummary>> list_plans(storage::Connection& db, const Actor& actor,
                                            std::int64_t community_id) {
  GZ_TRY(registry::require_member(db, actor, community_id));
  if (!may_read_plans(actor, community_id)) return forbidden("residents do not read plans");
  std::vector<PlanSummary> plans;
  for (const auto& row : db.query(
           "SELECT p.id, p.quarter, p.unit, p.total, COALESCE(l.stage, 'draft'), p.created_at, "
           "l.plan_id FROM allocation_plans p LEFT JOIN plan_lifecycle l ON l.plan_id = p.id "
           "WHERE p.community_id = ? ORDER BY p.id DESC",
           {community_id})) {
    PlanSummary plan{row.integer(0), row.text(1), row.text(2),
                     row.integer(3), row.text(4), row.text(5)};
    plan.published = !row.is_null(6);
    plan.returned = plan.published && plan.stage == "draft";
    plans.push_back(std::move(plan));
  }
  return plans;
}

Result<PlanFairness> plan_fairness(storage::Connection& db, const Actor& actor,
                                   std::int64_t plan_id) {
  auto plan = get_plan(db, actor, plan_id);
  if (!plan) return plan.take_error();
  auto needs = needs::load_community(db, plan->community_id);
  const auto& households = needs.households;
  std::vector<std::int64_t> received(households.size(), 0);
  std::vector<Delivery> deliveries;
  for (const auto& line : plan->lines) {
    auto category = needs::parse_category(line.category);
    if (!category) continue;  // no household-level demand to share it by
    auto c = static_cast<std::size_t>(*category);
    std::vector<std::int64_t> weights;
    weights.reserve(households.size());
    std::int64_t any = 0;
    for (const auto& household : households) {
      weights.push_back(household.demand[c]);
      any += household.demand[c];
    }
    if (any == 0) continue;
    auto parts = apportion(line.total, weights);
    if (!parts) return parts.take_error();
    for (std::size_t h = 0; h < households.size(); ++h) {
      received[h] += (*parts)[h];
      if ((*parts)[h] > 0) {
        deliveries.push_back({households[h].household_id, *category, (*parts)[h]});
      }
    }
  }
  const char* kGroups[] = {"disabled", "low_income", "elderly", "families_with_children",
                           "tenants",  "others"};
  std::vector<GroupInput> groups;
  for (const char* name : kGroups) groups.push_back({name, 0, 0, 0});
  for (std::size_t h = 0; h < households.size(); ++h) {
    const auto& household = households[h];
    const auto& facts = household.facts;
    bool elderly = false, child = false;
    for (int age : facts.member_ages) {
      elderly = elderly || age >= 60;
      child = child || age < 18;
    }
    std::size_t group = 5;
    if (facts.disabled_members > 0 || (facts.tags & needs::tag_disability)) {
      group = 0;
    } else if (household.demand[static_cast<std::size_t>(
                   needs::ServiceCategory::low_income_assistance)] > 0) {
      group = 1;
    } else if (elderly) {
      group = 2;
    } else if (child) {
      group = 3;
    } else if (facts.tags & needs::tag_tenant) {
      group = 4;
    }
    groups[group].resources += received[h];
    groups[group].need += household.score.overall_hundredths;
    groups[group].population += static_cast<std::int64_t>(facts.member_ages.size());
  }
  PlanFairness out;
  out.plan = std::move(*plan);
  auto report = assess_fairness(groups, out.bounds);
  if (!report) return report.take_error();
  out.report = std::move(*report);
  auto gini = gini_bp(received);
  if (!gini) return gini.take_error();
  out.household_gini_bp = *gini;
  out.misallocation = misallocation_rate(deliveries, needs::assessed(needs));
  return out;
}

}  // namespace gz::allocation
