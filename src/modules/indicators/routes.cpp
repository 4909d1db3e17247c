// HTTP routes of the indicators module: decode → load_indicators → encode.
#include "modules/indicators/routes.hpp"

#include <boost/json.hpp>

#include "core/clock.hpp"
#include "http/json_io.hpp"
#include "modules/indicators/load_indicators.hpp"
#include "modules/indicators/permissions.hpp"
#include "storage/database.hpp"

namespace gz::indicators {
namespace {

using http::RequestContext;
using http::Response;

boost::json::value number_or_null(const std::optional<double>& value) {
  return value ? boost::json::value(*value) : boost::json::value(nullptr);
}

boost::json::object indicator_json(const Indicator& indicator) {
  return {{"key", indicator.key},
          {"value", number_or_null(indicator.value)},
          {"target", indicator.target},
          {"comparison", indicator.comparison == Comparison::above ? ">" : "<"},
          {"status", status_name(indicator.status)},
          {"formula", indicator.formula},
          {"numerator", number_or_null(indicator.numerator)},
          {"denominator", number_or_null(indicator.denominator)}};
}

Result<Response> indicators_route(RequestContext& context) {
  if (!may_read_indicators(context.user())) {
    return forbidden("residents may not read the indicators");
  }
  auto community_id = context.int_query("community_id");
  if (!community_id) return community_id.error();
  Scope scope;
  scope.community_id = *community_id;
  if (auto street = context.request.query_param("street_id"); street && !street->empty()) {
    scope.street = *street;
  }
  auto period_text = context.request.query_param("period");
  if (!period_text || period_text->empty()) {
    return bad_request("missing_query", "period is required (e.g. 2026Q3)");
  }
  auto period = parse_period(*period_text);
  if (!period) return period.error();
  auto lease = context.pool.lease();
  auto report = load_indicators(*lease, context.user(), scope, *period, now_epoch_ms());
  if (!report) return report.error();
  boost::json::array communities, indicators;
  for (auto id : report->community_ids) communities.push_back(id);
  for (const auto& indicator : report->indicators) indicators.push_back(indicator_json(indicator));
  boost::json::object body{{"period", report->period.label},
                           {"from", format_iso8601(report->period.from_ms)},
                           {"to", format_iso8601(report->period.to_ms)},
                           {"community_ids", std::move(communities)},
                           {"indicators", std::move(indicators)}};
  if (scope.community_id) body["community_id"] = *scope.community_id;
  if (scope.street) body["street_id"] = *scope.street;
  return http::json_response(200, body);
}

boost::json::object targets_json(std::int64_t community_id, const Targets& targets) {
  boost::json::object values;
  for (const auto& [key, value] : target_values(targets)) values[key] = value;
  return {{"community_id", community_id}, {"targets", std::move(values)}};
}

Result<Response> targets_get_route(RequestContext& context) {
  auto community = context.community_param();
  if (!community) return community.error();
  auto lease = context.pool.lease();
  auto result = get_targets(*lease, context.user(), *community);
  if (!result) return result.error();
  return http::json_response(200, targets_json(*community, *result));
}

Result<Response> targets_put_route(RequestContext& context) {
  auto community = context.community_param();
  if (!community) return community.error();
  auto body = http::parse_json_object(context.request);
  if (!body) return body.error();
  const auto* given = body->if_contains("targets");
  if (!given || !given->is_object() || body->size() != 1) {
    return bad_request("invalid_field", "the body is {\"targets\": {key: number, ...}}");
  }
  std::vector<std::pair<std::string, double>> values;
  for (const auto& [key, value] : given->get_object()) {
    if (!value.is_number()) {
      return bad_request("invalid_target", std::string(key) + " must be a number");
    }
    values.emplace_back(std::string(key), value.to_number<double>());
  }
  auto lease = context.pool.lease();
  auto result = set_targets(*lease, context.user(), *community, values, now_epoch_ms());
  if (!result) return result.error();
  return http::json_response(200, targets_json(*community, *result));
}

Result<Response> participation_route(RequestContext& context) {
  auto community_id = context.int_query("community_id");
  if (!community_id) return community_id.error();
  Scope scope;
  scope.community_id = *community_id;
  if (auto street = context.request.query_param("street_id"); street && !street->empty()) {
    scope.street = *street;
  }
  std::string label = context.request.query_param("period").value_or(quarter_of(now_epoch_ms()));
  GZ_ASSIGN_OR_RETURN(auto period, parse_period(label));
  auto lease = context.pool.lease();
  GZ_ASSIGN_OR_RETURN(auto breakdown,
                      participation_breakdown(*lease, context.user(), scope, period));
  boost::json::array groups, channels;
  for (const auto& group : breakdown.groups) {
    groups.push_back(boost::json::object{{"group", group.group},
                                         {"households", group.households},
                                         {"participating", group.participating},
                                         {"rate", number_or_null(group.rate)},
                                         {"previous_participating", group.previous_participating},
                                         {"previous_rate", number_or_null(group.previous_rate)},
                                         {"gain", number_or_null(group.gain)}});
  }
  for (const auto& channel : breakdown.channels) {
    boost::json::object by_group;
    for (const auto& [group, count] : channel.households_by_group) by_group[group] = count;
    channels.push_back(boost::json::object{{"channel", channel.channel},
                                           {"activities", channel.activities},
                                           {"attendances", channel.attendances},
                                           {"households", channel.households},
                                           {"households_by_group", std::move(by_group)}});
  }
  boost::json::array communities;
  for (auto id : breakdown.community_ids) communities.push_back(id);
  return http::json_response(200,
                             boost::json::object{{"period", breakdown.period.label},
                                                 {"previous_period", breakdown.previous_period},
                                                 {"community_ids", std::move(communities)},
                                                 {"groups", std::move(groups)},
                                                 {"channels", std::move(channels)}});
}

}  // namespace

void register_routes(http::Router& router) {
  router.add(
      {"GET",
       "/api/v1/indicators/participation",
       http::Access::login,
       participation_route,
       {"Participation by resident group (elderly, young workers, tenants, migrants) with "
        "the gain over the period before, and by channel (online hall, building corner, "
        "tenant representatives)",
        "indicators", "guide, staff, street, admin", "", "community_id, street_id, period"}});
  router.add({"GET",
              "/api/v1/indicators/targets",
              http::Access::login,
              targets_get_route,
              {"The community's indicator targets (its own, else the defaults)", "indicators",
               "guide, staff, street, admin", "", "community_id"}});
  router.add(
      {"PUT",
       "/api/v1/indicators/targets",
       http::Access::login,
       targets_put_route,
       {"Set some of the community's indicator targets (shares 0-1, counts and days)", "indicators",
        "staff, admin", R"({"targets":{"complaint_rate":0.03,"median_resolution_working_days":4}})",
        "community_id"}});
  router.add({"GET",
              "/api/v1/indicators",
              http::Access::login,
              indicators_route,
              {"Evaluation indicators of a community or a street for a period, each with its "
               "target, status, formula, numerator and denominator",
               "indicators", "guide, staff, street, admin of the community or street", "",
               "community_id, street_id, period"}});
}

}  // namespace gz::indicators
