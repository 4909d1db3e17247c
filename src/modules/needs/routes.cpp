// HTTP routes of the needs-assessment matrix: decode → use case → encode.
#include "modules/needs/routes.hpp"

#include <boost/json.hpp>
#include <unordered_map>

#include "http/json_io.hpp"
#include "modules/needs/needs.hpp"
#include "storage/database.hpp"

namespace gz::needs {
namespace {

using http::Need;
using http::RequestContext;
using http::Response;

Result<std::int64_t> community_param(RequestContext& context) {
  auto id = context.int_query("community_id");
  if (!id) return id.take_error();
  if (*id) return **id;
  if (context.user().community_ids.empty()) {
    return bad_request("missing_field", "community_id is required");
  }
  return context.user().community_ids.front();
}

boost::json::object weights_json(std::int64_t community_id, const NeedsWeights& weights) {
  boost::json::object out{{"community_id", community_id}};
  boost::json::object percent;
  for (std::size_t i = 0; i < kDimensionCount; ++i) {
    percent[dimension_name(static_cast<Dimension>(i))] = weights.percent[i];
  }
  out["weights"] = std::move(percent);
  return out;
}

boost::json::object scores_json(const SubScores& scores) {
  boost::json::object out;
  for (std::size_t i = 0; i < kDimensionCount; ++i) {
    out[dimension_name(static_cast<Dimension>(i))] = scores[i];
  }
  return out;
}

boost::json::object demand_json(const CategoryDemand& demand) {
  boost::json::object out;
  for (std::size_t i = 0; i < kCategoryCount; ++i) {
    out[category_name(static_cast<ServiceCategory>(i))] = demand[i];
  }
  return out;
}

boost::json::array strings(const std::vector<std::string>& values) {
  boost::json::array out;
  for (const auto& value : values) out.emplace_back(value);
  return out;
}

boost::json::object assessment_json(const Assessment& a) {
  return {{"id", a.id},
          {"household_id", a.household_id},
          {"dimension", dimension_name(a.dimension)},
          {"score", a.score},
          {"reason", a.reason},
          {"assessed_by_user_id", a.assessed_by_user_id},
          {"assessed_at", a.created_at}};
}

std::string building_label(const std::string& building) {
  return building.empty() ? "unassigned" : building;
}

Result<Response> get_weights_route(RequestContext& context) {
  auto community_id = community_param(context);
  if (!community_id) return community_id.error();
  auto lease = context.pool.lease();
  auto weights = get_weights(*lease, context.user(), *community_id);
  if (!weights) return weights.error();
  return http::json_response(200, weights_json(*community_id, *weights));
}

Result<Response> put_weights_route(RequestContext& context) {
  auto body = http::parse_json_object(context.request);
  if (!body) return body.error();
  // Accept {"weights": {...}} or the five dimensions at the top level.
  const boost::json::object* source = &*body;
  std::optional<std::int64_t> community_in_body;
  if (auto it = body->find("community_id"); it != body->end() && it->value().is_int64()) {
    community_in_body = it->value().as_int64();
  }
  if (auto it = body->find("weights"); it != body->end()) {
    if (!it->value().is_object()) {
      return bad_request("invalid_field", "'weights' must be an object");
    }
    source = &it->value().get_object();
  }
  http::JsonReader reader(*source);
  if (source != &*body) {
    reader.only({"population_structure", "health", "economy", "willingness", "special_needs"});
  } else {
    reader.only({"community_id", "population_structure", "health", "economy", "willingness",
                 "special_needs"});
  }
  NeedsWeights weights;
  for (std::size_t i = 0; i < kDimensionCount; ++i) {
    std::string name(dimension_name(static_cast<Dimension>(i)));
    weights.percent[i] =
        static_cast<int>(reader.integer(name.c_str(), Need::required, -1000, 1000).value_or(0));
  }
  if (!reader.ok()) return reader.error();
  std::int64_t community_id = 0;
  if (community_in_body) {
    community_id = *community_in_body;
  } else {
    auto param = community_param(context);
    if (!param) return param.error();
    community_id = *param;
  }
  auto lease = context.pool.lease();
  auto saved = set_weights(*lease, context.user(), community_id, weights);
  if (!saved) return saved.error();
  return http::json_response(200, weights_json(community_id, *saved));
}

Result<Response> assessment_route(RequestContext& context) {
  auto body = http::parse_json_object(context.request);
  if (!body) return body.error();
  http::JsonReader reader(*body);
  reader.only({"household_id", "dimension", "score", "reason"});
  AssessmentInput input;
  input.household_id = reader.integer("household_id", Need::required, 1).value_or(0);
  input.dimension = reader.text("dimension", Need::required, 40).value_or("");
  input.score = reader.integer("score", Need::required).value_or(0);
  input.reason = reader.text("reason", Need::required, 500).value_or("");
  if (!reader.ok()) return reader.error();
  auto lease = context.pool.lease();
  auto saved = record_assessment(*lease, context.user(), input);
  if (!saved) return saved.error();
  return http::json_response(201, assessment_json(*saved));
}

Result<Response> household_needs_route(RequestContext& context) {
  auto id = context.id_param("id");
  if (!id) return id.error();
  auto lease = context.pool.lease();
  auto needs = household_needs(*lease, context.user(), *id);
  if (!needs) return needs.error();
  boost::json::array overrides;
  for (const auto& a : needs->overrides) overrides.push_back(assessment_json(a));
  boost::json::object overridden;
  for (std::size_t i = 0; i < kDimensionCount; ++i) {
    overridden[dimension_name(static_cast<Dimension>(i))] = needs->score.overridden[i];
  }
  boost::json::array ages;
  for (int age : needs->facts.member_ages) ages.emplace_back(age);
  auto weights = load_weights(*lease, needs->community_id);
  return http::json_response(
      200,
      boost::json::object{
          {"household_id", needs->household_id},
          {"community_id", needs->community_id},
          {"code", needs->code},
          {"building", building_label(needs->building)},
          {"weights", weights_json(needs->community_id, weights).at("weights")},
          {"sub_scores", scores_json(needs->score.sub_scores)},
          {"computed_sub_scores", scores_json(needs->score.computed)},
          {"overridden", std::move(overridden)},
          {"overall_hundredths", needs->score.overall_hundredths},
          {"overall", static_cast<double>(needs->score.overall_hundredths) / 100.0},
          {"overrides", std::move(overrides)},
          {"demand", demand_json(needs->demand)},
          {"facts", boost::json::object{{"member_ages", std::move(ages)},
                                        {"tags", strings(needs->tags)},
                                        {"stated_needs", strings(needs->stated_needs)},
                                        {"income_band", needs->income_band},
                                        {"willingness", needs->willingness},
                                        {"housing_type", needs->housing_type},
                                        {"participation_count", needs->facts.participation_count},
                                        {"request_count", needs->request_count}}}});
}

Result<Response> demand_route(RequestContext& context) {
  auto community_id = community_param(context);
  if (!community_id) return community_id.error();
  auto lease = context.pool.lease();
  auto needs = community_needs(*lease, context.user(), *community_id);
  if (!needs) return needs.error();
  auto households = assessed(*needs);
  CategoryDemand with_demand{};
  for (const auto& h : households) {
    for (std::size_t i = 0; i < kCategoryCount; ++i) with_demand[i] += h.demand[i] > 0 ? 1 : 0;
  }
  boost::json::array buildings;
  for (const auto& row : heat_map(households)) {
    buildings.push_back(boost::json::object{{"building", building_label(row.building)},
                                            {"demand", demand_json(row.demand)}});
  }
  return http::json_response(
      200, boost::json::object{{"community_id", *community_id},
                               {"households", static_cast<std::int64_t>(households.size())},
                               {"demand", demand_json(total_demand(households))},
                               {"households_with_demand", demand_json(with_demand)},
                               {"buildings", std::move(buildings)}});
}

Result<Response> heatmap_route(RequestContext& context) {
  auto community_id = community_param(context);
  if (!community_id) return community_id.error();
  auto lease = context.pool.lease();
  auto needs = community_needs(*lease, context.user(), *community_id);
  if (!needs) return needs.error();
  boost::json::array categories;
  for (std::size_t i = 0; i < kCategoryCount; ++i) {
    categories.emplace_back(category_name(static_cast<ServiceCategory>(i)));
  }
  boost::json::array buildings, cells;
  for (const auto& row : heat_map(assessed(*needs))) {
    buildings.emplace_back(building_label(row.building));
    boost::json::array line;
    for (auto value : row.households) line.emplace_back(value);
    cells.push_back(std::move(line));
  }
  return http::json_response(200, boost::json::object{{"community_id", *community_id},
                                                      {"unit", "households"},
                                                      {"categories", std::move(categories)},
                                                      {"buildings", std::move(buildings)},
                                                      {"cells", std::move(cells)}});
}

Result<Response> ranking_route(RequestContext& context) {
  auto community_id = community_param(context);
  if (!community_id) return community_id.error();
  std::optional<ServiceCategory> category;
  if (auto text = context.request.query_param("category"); text && !text->empty()) {
    category = parse_category(*text);
    if (!category) {
      return bad_request("unknown_category", "unknown service category '" + *text + "'");
    }
  }
  auto limit = context.int_query("limit");
  auto min_overall = context.int_query("silent_min_overall_hundredths");
  if (!limit) return limit.error();
  if (!min_overall) return min_overall.error();
  std::int64_t page = limit->value_or(100);
  if (page < 1 || page > 10000) {
    return bad_request("invalid_query", "limit must be 1-10000");
  }
  std::int64_t silent_bound = min_overall->value_or(kSilentMinOverallHundredths);
  bool only_silent = false;
  if (auto text = context.request.query_param("silent"); text && !text->empty()) {
    if (*text != "true" && *text != "false") {
      return bad_request("invalid_query", "silent must be true or false");
    }
    only_silent = *text == "true";
  }
  auto lease = context.pool.lease();
  auto needs = community_needs(*lease, context.user(), *community_id);
  if (!needs) return needs.error();
  auto households = assessed(*needs);
  std::unordered_map<std::int64_t, const HouseholdNeeds*> by_id;
  for (const auto& h : needs->households) by_id.emplace(h.household_id, &h);
  auto ranked = rank_households(households, category);
  boost::json::array items;
  std::int64_t silent_count = 0;
  std::int64_t rank = 0;
  std::int64_t listed = 0;
  for (std::int64_t id : ranked) {
    const HouseholdNeeds& h = *by_id.at(id);
    ++rank;
    bool silent = is_silent(h, silent_bound);
    if (silent) ++silent_count;
    // With silent=true only the silent are listed, each keeping its rank in the whole ranking.
    if (only_silent && !silent) continue;
    if (++listed > page) continue;
    items.push_back(boost::json::object{{"rank", rank},
                                        {"household_id", h.household_id},
                                        {"code", h.code},
                                        {"building", building_label(h.building)},
                                        {"overall_hundredths", h.score.overall_hundredths},
                                        {"sub_scores", scores_json(h.score.sub_scores)},
                                        {"demand", demand_json(h.demand)},
                                        {"participation_count", h.facts.participation_count},
                                        {"request_count", h.request_count},
                                        {"silent", silent}});
  }
  return http::json_response(
      200, boost::json::object{{"community_id", *community_id},
                               {"category", category ? boost::json::value(category_name(*category))
                                                     : boost::json::value(nullptr)},
                               {"total", static_cast<std::int64_t>(ranked.size())},
                               {"silent_count", silent_count},
                               {"silent_min_overall_hundredths", silent_bound},
                               {"items", std::move(items)}});
}

}  // namespace

void register_routes(http::Router& router) {
  using http::Access;
  router.add({"GET",
              "/api/v1/needs/weights",
              Access::login,
              get_weights_route,
              {"The needs-assessment weights of a community (percent per dimension)", "needs",
               "guide, staff, street, admin", "", "community_id"}});
  router.add(
      {"PUT",
       "/api/v1/needs/weights",
       Access::login,
       put_weights_route,
       {"Set the needs-assessment weights; they must sum to 100 (else 400 invalid_weights)",
        "needs", "staff, admin",
        R"({"community_id":1,"population_structure":25,"health":20,"economy":20,"willingness":15,"special_needs":20})",
        "community_id"}});
  router.add(
      {"POST",
       "/api/v1/needs/assessments",
       Access::login,
       assessment_route,
       {"Record a professional assessment overriding a computed sub-score (latest wins)", "needs",
        "guide, staff, admin",
        R"({"household_id":12,"dimension":"health","score":80,"reason":"上门评估：卧床"})", ""}});
  router.add({"GET",
              "/api/v1/households/{id}/needs",
              Access::login,
              household_needs_route,
              {"A household's needs: sub-scores, overall, overrides, demand per category", "needs",
               "own household (resident), guide, staff, street, admin", "", ""}});
  router.add({"GET",
              "/api/v1/needs/demand",
              Access::login,
              demand_route,
              {"Demand per service category, for the community and per building", "needs",
               "guide, staff, street, admin", "", "community_id"}});
  router.add({"GET",
              "/api/v1/needs/heatmap",
              Access::login,
              heatmap_route,
              {"Building × category heat map: households with demand in each category", "needs",
               "guide, staff, street, admin", "", "community_id"}});
  router.add({"GET",
              "/api/v1/needs/ranking",
              Access::login,
              ranking_route,
              {"Households ranked by need (optionally within a category); marks the silent needy",
               "needs", "guide, staff, street, admin", "",
               "community_id, category, limit, silent (true: only the silent needy), "
               "silent_min_overall_hundredths"}});
}

}  // namespace gz::needs
