// HTTP routes of open data: decode → use case → encode. No login (permissions.hpp).
#include "modules/opendata/routes.hpp"

#include <boost/json.hpp>

#include "core/clock.hpp"
#include "http/json_io.hpp"
#include "modules/opendata/opendata.hpp"
#include "modules/opendata/permissions.hpp"
#include "storage/database.hpp"

namespace gz::opendata {
namespace {

using http::RequestContext;
using http::Response;

boost::json::value number_or_null(const std::optional<double>& value) {
  return value ? boost::json::value(*value) : boost::json::value(nullptr);
}

boost::json::value bool_or_null(const std::optional<bool>& value) {
  return value ? boost::json::value(*value) : boost::json::value(nullptr);
}

Result<Dataset> dataset_of(RequestContext& context, std::int64_t now_ms) {
  static_assert(may_read_open_data());
  auto community = context.int_query("community_id");
  if (!community) return community.error();
  if (!*community) return bad_request("invalid_query", "community_id is required");
  std::string quarter = context.request.query_param("quarter").value_or(quarter_of(now_ms));
  auto lease = context.pool.lease();
  return build(*lease, **community, quarter, now_ms);
}

std::string file_name(const Dataset& dataset, const std::string& table, const char* extension) {
  return "gongzhi-c" + std::to_string(dataset.community_id) + "-" + dataset.quarter + "-" + table +
         extension;
}

Result<Response> dataset_route(RequestContext& context) {
  std::int64_t now = now_epoch_ms();
  GZ_ASSIGN_OR_RETURN(auto dataset, dataset_of(context, now));
  boost::json::array requests;
  for (const auto& r : dataset.requests) {
    requests.push_back(boost::json::object{
        {"received_date", r.received_date},
        {"category", r.category},
        {"priority", r.priority},
        {"channel", r.channel},
        {"status", r.status},
        {"response_hours", number_or_null(r.response_hours)},
        {"resolution_hours", number_or_null(r.resolution_hours)},
        {"responded_on_time", bool_or_null(r.responded_on_time)},
        {"resolved_on_time", bool_or_null(r.resolved_on_time)},
        {"referred", r.referred},
        {"rating", r.rating ? boost::json::value(*r.rating) : boost::json::value(nullptr)}});
  }
  boost::json::array lines;
  for (const auto& l : dataset.plan_lines) {
    lines.push_back(boost::json::object{{"plan_id", l.plan_id},
                                        {"quarter", l.quarter},
                                        {"stage", l.stage},
                                        {"unit", l.unit},
                                        {"position", l.position},
                                        {"category", l.category},
                                        {"planned", l.planned},
                                        {"spent", l.spent},
                                        {"households_served", l.households_served}});
  }
  boost::json::array indicators;
  for (const auto& i : dataset.indicators) {
    indicators.push_back(boost::json::object{{"key", i.key},
                                             {"value", number_or_null(i.value)},
                                             {"target", i.target},
                                             {"status", i.status},
                                             {"numerator", number_or_null(i.numerator)},
                                             {"denominator", number_or_null(i.denominator)}});
  }
  auto response =
      http::json_response(200, boost::json::object{{"community_id", dataset.community_id},
                                                   {"community_name", dataset.community_name},
                                                   {"street", http::json_or_null(dataset.street)},
                                                   {"quarter", dataset.quarter},
                                                   {"partial", dataset.partial},
                                                   {"licence", kLicence},
                                                   {"licence_url", kLicenceUrl},
                                                   {"schema", "/api/v1/public/open-data/schema"},
                                                   {"requests", std::move(requests)},
                                                   {"plan_lines", std::move(lines)},
                                                   {"indicators", std::move(indicators)}});
  response.headers.emplace_back("Content-Disposition",
                                "inline; filename=\"" + file_name(dataset, "all", ".json") + "\"");
  return response;
}

Result<Response> table_route(RequestContext& context) {
  // "requests.csv": a table's name and the format.
  std::string file = context.params.at("file");
  std::string name = file.size() > 4 && file.substr(file.size() - 4) == ".csv"
                         ? file.substr(0, file.size() - 4)
                         : std::string();
  auto table = parse_table(name);
  if (!table)
    return not_found("no table " + file + " (requests.csv, plan_lines.csv, indicators.csv)");
  GZ_ASSIGN_OR_RETURN(auto dataset, dataset_of(context, now_epoch_ms()));
  Response response;
  response.status = 200;
  response.content_type = "text/csv; charset=utf-8";
  response.body = to_csv(dataset, *table);
  response.headers.emplace_back(
      "Content-Disposition", "attachment; filename=\"" + file_name(dataset, name, ".csv") + "\"");
  return response;
}

Result<Response> schema_route(RequestContext&) {
  Response response;
  response.status = 200;
  response.content_type = "application/json";
  response.body = schema_json();
  return response;
}

}  // namespace

void register_routes(http::Router& router) {
  using http::Access;
  router.add({"GET",
              "/api/v1/public/open-data",
              Access::open,
              dataset_route,
              {"A community's anonymised open data for a quarter: requests, plan lines, "
               "indicators (CC BY 4.0)",
               "opendata", "anyone", "", "community_id, quarter"}});
  router.add({"GET",
              "/api/v1/public/open-data/schema",
              Access::open,
              schema_route,
              {"The open data's tables, fields, anonymisation rules and licence", "opendata",
               "anyone", "", ""}});
  router.add({"GET",
              "/api/v1/public/open-data/{file}",
              Access::open,
              table_route,
              {"One table of a community's quarter as CSV (requests, plan_lines, indicators)",
               "opendata", "anyone", "", "community_id, quarter"}});
}

}  // namespace gz::opendata
