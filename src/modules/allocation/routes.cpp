// HTTP routes of the allocation engine and co-funding: decode → use case → encode.
#include "modules/allocation/routes.hpp"

#include <boost/json.hpp>

#include "http/json_io.hpp"
#include "modules/allocation/cofunding.hpp"
#include "modules/allocation/plans.hpp"
#include "storage/database.hpp"

namespace gz::allocation {
namespace {

using http::Need;
using http::RequestContext;
using http::Response;

Result<PlanCategoryRequest> read_category(const boost::json::value& value) {
  if (value.is_string()) return PlanCategoryRequest{std::string(value.get_string()), {}, {}, {}};
  if (!value.is_object()) {
    return bad_request("invalid_field", "each category is a name or an object");
  }
  http::JsonReader reader(value.get_object());
  reader.only({"category", "policy_weight", "demand_weight", "demand"});
  PlanCategoryRequest out;
  out.category = reader.text("category", Need::required, 40).value_or("");
  out.policy_weight = reader.amount("policy_weight", Need::optional, 0);
  out.demand_weight = reader.amount("demand_weight", Need::optional, 0);
  out.demand = reader.amount("demand", Need::optional, 0);
  if (!reader.ok()) return reader.error();
  return out;
}

Result<Response> create_plan_route(RequestContext& context, const CarryFinder& carry) {
  auto body = http::parse_json_object(context.request);
  if (!body) return body.error();
  http::JsonReader reader(*body);
  reader.only({"community_id", "quarter", "total", "unit", "categories", "percents"});
  PlanRequest request;
  request.community_id = reader.integer("community_id", Need::required, 1).value_or(0);
  request.quarter = reader.text("quarter", Need::required, 6).value_or("");
  request.total = reader.amount("total", Need::required, 0).value_or(0);
  request.unit = reader.text("unit", Need::optional, 20).value_or("fen");
  if (!reader.ok()) return reader.error();
  if (auto it = body->find("percents"); it != body->end() && !it->value().is_null()) {
    if (!it->value().is_object()) {
      return bad_request("invalid_field", "'percents' must be an object");
    }
    http::JsonReader percents(it->value().get_object());
    percents.only({"emergency_percent", "base_percent", "dynamic_percent"});
    auto& p = request.percents;
    p.emergency_percent = static_cast<int>(
        percents.integer("emergency_percent", Need::optional, -1000, 1000).value_or(5));
    p.base_percent = static_cast<int>(
        percents.integer("base_percent", Need::optional, -1000, 1000).value_or(70));
    p.dynamic_percent = static_cast<int>(
        percents.integer("dynamic_percent", Need::optional, -1000, 1000).value_or(30));
    if (!percents.ok()) return percents.error();
  }
  if (auto it = body->find("categories"); it != body->end() && !it->value().is_null()) {
    if (!it->value().is_array() || it->value().get_array().empty() ||
        it->value().get_array().size() > 50) {
      return bad_request("invalid_field", "'categories' must be a list of 1 to 50 categories");
    }
    std::vector<PlanCategoryRequest> categories;
    for (const auto& element : it->value().get_array()) {
      auto category = read_category(element);
      if (!category) return category.error();
      categories.push_back(std::move(*category));
    }
    request.categories = std::move(categories);
  }
  auto lease = context.pool.lease();
  auto plan = create_plan(*lease, context.user(), request, carry);
  if (!plan) return plan.error();
  return http::json_response(201, plan_json(*plan));
}

Result<Response> list_plans_route(RequestContext& context) {
  auto community_id = context.community_param();
  if (!community_id) return community_id.error();
  auto lease = context.pool.lease();
  auto plans = list_plans(*lease, context.user(), *community_id);
  if (!plans) return plans.error();
  boost::json::array items;
  for (const auto& plan : *plans) {
    items.push_back(boost::json::object{{"id", plan.id},
                                        {"quarter", plan.quarter},
                                        {"unit", plan.unit},
                                        {"total", plan.total},
                                        {"stage", plan.stage},
                                        {"published", plan.published},
                                        {"returned", plan.returned},
                                        {"created_at", plan.created_at}});
  }
  return http::json_response(
      200, boost::json::object{{"community_id", *community_id}, {"items", std::move(items)}});
}

Result<Response> get_plan_route(RequestContext& context) {
  auto id = context.id_param("id");
  if (!id) return id.error();
  auto lease = context.pool.lease();
  auto plan = get_plan(*lease, context.user(), *id);
  if (!plan) return plan.error();
  return http::json_response(200, plan_json(*plan));
}

Result<Response> fairness_route(RequestContext& context) {
  auto id = context.id_param("id");
  if (!id) return id.error();
  auto lease = context.pool.lease();
  auto fairness = plan_fairness(*lease, context.user(), *id);
  if (!fairness) return fairness.error();
  boost::json::array groups;
  boost::json::array warnings;
  for (const auto& group : fairness->report.groups) {
    groups.push_back(boost::json::object{
        {"group", group.group},
        {"resource_share_bp", group.resource_share_bp},
        {"need_share_bp", group.need_share_bp},
        {"population_share_bp", group.population_share_bp},
        {"ratio_to_need_percent", http::json_or_null(group.ratio_to_need_percent)},
        {"ratio_to_population_percent", http::json_or_null(group.ratio_to_population_percent)},
        {"elite_capture", group.elite_capture},
        {"left_behind", group.left_behind}});
    if (group.elite_capture) {
      warnings.push_back(boost::json::object{{"group", group.group}, {"kind", "elite_capture"}});
    }
    if (group.left_behind) {
      warnings.push_back(boost::json::object{{"group", group.group}, {"kind", "left_behind"}});
    }
  }
  const auto& m = fairness->misallocation;
  return http::json_response(
      200, boost::json::object{
               {"plan_id", fairness->plan.id},
               {"community_id", fairness->plan.community_id},
               {"quarter", fairness->plan.quarter},
               {"unit", fairness->plan.unit},
               {"bounds",
                boost::json::object{{"max_ratio_percent", fairness->bounds.max_ratio_percent},
                                    {"min_ratio_percent", fairness->bounds.min_ratio_percent}}},
               {"groups", std::move(groups)},
               {"elite_capture", fairness->report.elite_capture},
               {"warnings", std::move(warnings)},
               {"gini_bp", fairness->household_gini_bp},
               {"group_gini_bp", fairness->report.gini_bp},
               {"misallocation", boost::json::object{{"misallocated_units", m.misallocated_units},
                                                     {"total_units", m.total_units},
                                                     {"rate_bp", m.rate_bp},
                                                     {"model", "demand_proportional"}}}});
}

Result<Response> cofunding_route(RequestContext& context) {
  auto body = http::parse_json_object(context.request);
  if (!body) return body.error();
  http::JsonReader reader(*body);
  reader.only({"class", "amount_fen"});
  auto funding_class = reader.text("class", Need::required, 40);
  auto amount = reader.amount("amount_fen", Need::required, 0);
  if (!reader.ok()) return reader.error();
  auto rules = default_cofunding_rules();
  auto parts = split_cofunding(rules, *funding_class, *amount);
  if (!parts) return parts.error();
  boost::json::array out;
  for (const auto& part : *parts) {
    out.push_back(boost::json::object{{"party", part.party}, {"amount_fen", part.amount_fen}});
  }
  return http::json_response(200, boost::json::object{{"class", *funding_class},
                                                      {"amount_fen", *amount},
                                                      {"parts", std::move(out)},
                                                      {"rounding", "largest_remainder"}});
}

}  // namespace

boost::json::object plan_json(const StoredPlan& plan) {
  boost::json::array lines;
  std::int64_t lines_total = 0;
  for (const auto& line : plan.lines) {
    boost::json::object out{{"category", line.category},
                            {"base", line.base},
                            {"dynamic", line.dynamic},
                            {"total", line.total},
                            {"policy_weight", line.policy_weight},
                            {"demand_weight", line.demand_weight},
                            {"demand", http::json_or_null(line.demand)}};
    if (line.previous_total) {
      out["previous_total"] = *line.previous_total;
      out["change"] = line.total - *line.previous_total;
    }
    lines_total += line.total;
    lines.push_back(std::move(out));
  }
  return {{"id", plan.id},
          {"community_id", plan.community_id},
          {"quarter", plan.quarter},
          {"total", plan.total},
          {"unit", plan.unit},
          {"pools", boost::json::object{{"emergency", plan.emergency},
                                        {"base", plan.base_pool},
                                        {"dynamic", plan.dynamic_pool},
                                        {"surplus", plan.surplus},
                                        {"reserve", plan.emergency + plan.surplus},
                                        {"carried_in", plan.carried_in}}},
          {"carried_in", plan.carried_in},
          {"carried_from_plan_id", http::json_or_null(plan.carried_from_plan_id)},
          {"lines", std::move(lines)},
          {"lines_total", lines_total},
          {"previous_plan_id", http::json_or_null(plan.previous_plan_id)},
          {"created_by_user_id", plan.created_by_user_id},
          {"created_at", plan.created_at}};
}

void register_routes(http::Router& router, CarryFinder carry) {
  using http::Access;
  router.add(
      {"POST",
       "/api/v1/allocation/plans",
       Access::login,
       [carry](RequestContext& context) { return create_plan_route(context, carry); },
       {"Plan a quarter: 5% emergency reserve, then 70% base pool by eligible population and 30% "
        "dynamic pool by need-weighted demand; every split exact (largest remainder)",
        "allocation", "staff, admin",
        R"({"community_id":1,"quarter":"2026Q3","total":1000000,"unit":"fen"})", ""}});
  router.add({"GET",
              "/api/v1/allocation/plans",
              Access::login,
              list_plans_route,
              {"A community's allocation plans, newest first, with their lifecycle stage (draft "
               "until published)",
               "allocation", "guide, staff, street, admin", "", "community_id"}});
  router.add({"GET",
              "/api/v1/allocation/plans/{id}",
              Access::login,
              get_plan_route,
              {"An allocation plan with its lines and the previous totals", "allocation",
               "guide, staff, street, admin", "", ""}});
  router.add({"GET",
              "/api/v1/allocation/plans/{id}/fairness",
              Access::login,
              fairness_route,
              {"Each group's share of the plan against its share of need and population, "
               "elite-capture warnings, Gini, misallocation",
               "allocation", "guide, staff, street, admin", "", ""}});
  router.add(
      {"POST",
       "/api/v1/cofunding/split",
       Access::login,
       cofunding_route,
       {"Split a cost between the funding parties of a class (basic 70:30, improvement "
        "3:3:4, special 8:2), exact in fen",
        "allocation", "any logged-in user", R"({"class":"basic","amount_fen":100001})", ""}});
}

}  // namespace gz::allocation
