// HTTP routes of the reports module: decode → build_report → encode as JSON or as a file.
#include "modules/reports/routes.hpp"

#include <boost/json.hpp>

#include "core/clock.hpp"
#include "http/json_io.hpp"
#include "modules/reports/document.hpp"
#include "modules/reports/html.hpp"
#include "storage/database.hpp"

namespace gz::reports {
namespace {

using http::RequestContext;
using http::Response;

boost::json::value number_or_null(const std::optional<double>& value) {
  return value ? boost::json::value(*value) : boost::json::value(nullptr);
}

boost::json::object rate_json(const requests::Rate& rate) {
  return {{"value", number_or_null(rate.value())},
          {"numerator", rate.numerator},
          {"denominator", rate.denominator}};
}

boost::json::object stats_json(const requests::RequestStats& stats) {
  return {{"received", stats.received},
          {"response_rate", rate_json(stats.response)},
          {"resolution_rate", rate_json(stats.resolution)},
          {"satisfaction_rate", rate_json(stats.satisfaction)},
          {"median_working_days", number_or_null(stats.median_working_days_to_resolve)},
          {"resolved", stats.resolved_count},
          {"overdue", stats.overdue}};
}

boost::json::object plan_json(const PlanSection& plan) {
  boost::json::array lines;
  for (const auto& line : plan.lines) {
    lines.push_back({{"category", line.category},
                     {"planned", line.planned},
                     {"spent", line.spent},
                     {"households_served", line.households_served},
                     {"households_covered", line.households_covered},
                     {"households_targeted", http::json_or_null(line.households_targeted)}});
  }
  boost::json::object out{{"plan_id", plan.plan_id},   {"community_id", plan.community_id},
                          {"quarter", plan.quarter},   {"unit", plan.unit},
                          {"stage", plan.stage},       {"total", plan.total},
                          {"planned", plan.planned},   {"spent", plan.spent},
                          {"lines", std::move(lines)}, {"fairness", nullptr}};
  if (plan.fairness) {
    boost::json::array groups;
    for (const auto& group : plan.fairness->groups) {
      groups.push_back({{"group", group.group},
                        {"resource_share_bp", group.resource_share_bp},
                        {"need_share_bp", group.need_share_bp},
                        {"population_share_bp", group.population_share_bp},
                        {"ratio_to_need_percent", http::json_or_null(group.ratio_to_need_percent)},
                        {"elite_capture", group.elite_capture},
                        {"left_behind", group.left_behind}});
    }
    out["fairness"] = boost::json::object{{"groups", std::move(groups)},
                                          {"gini_bp", plan.fairness->gini_bp},
                                          {"household_gini_bp", plan.household_gini_bp},
                                          {"elite_capture", plan.fairness->elite_capture}};
  }
  out["satisfaction"] = {{"responses", plan.satisfaction.responses},
                         {"served_households", plan.satisfaction.served_households},
                         {"satisfied_bp", plan.satisfaction.satisfied_bp}};
  return out;
}

boost::json::object report_json(const Report& report) {
  boost::json::array communities, indicators, warnings, improvements, plans, priorities;
  for (auto id : report.community_ids) communities.push_back(id);
  for (const auto& row : report.indicators) {
    const auto& indicator = row.indicator;
    boost::json::array trend;
    for (const auto& point : row.trend) {
      trend.push_back({{"period", point.period}, {"value", number_or_null(point.value)}});
    }
    indicators.push_back(
        {{"key", indicator.key},
         {"value", number_or_null(indicator.value)},
         {"target", indicator.target},
         {"comparison", indicator.comparison == indicators::Comparison::above ? ">" : "<"},
         {"status", indicators::status_name(indicator.status)},
         {"formula", indicator.formula},
         {"numerator", number_or_null(indicator.numerator)},
         {"denominator", number_or_null(indicator.denominator)},
         {"trend", std::move(trend)}});
  }
  for (const auto& item : report.warnings) {
    const auto& warning = item.warning;
    warnings.push_back({{"id", warning.id},
                        {"community_id", warning.community_id},
                        {"kind", warning.kind},
                        {"subject", warning.subject},
                        {"raised_at", warning.raised_at},
                        {"resolved_at", http::json_or_null(warning.resolved_at)},
                        {"raised_in_period", item.raised_in_period},
                        {"suggestion_zh", warning.suggestion_zh},
                        {"suggestion_en", warning.suggestion_en}});
  }
  for (const auto& task : report.improvements) {
    improvements.push_back({{"id", task.id},
                            {"community_id", task.community_id},
                            {"indicator", task.indicator},
                            {"period", task.period},
                            {"title", task.title},
                            {"stage", task.stage},
                            {"due_on", task.due_on},
                            {"automatic", task.automatic}});
  }
  for (const auto& plan : report.plans) plans.push_back(plan_json(plan));
  for (const auto& priority : report.requests.by_priority) {
    auto stats = stats_json(priority.stats);
    stats["priority"] = priority.priority;
    priorities.push_back(std::move(stats));
  }
  auto requests = stats_json(report.requests.overall);
  requests["by_priority"] = std::move(priorities);
  boost::json::object body{{"period", report.period.label},
                           {"from", format_iso8601(report.period.from_ms)},
                           {"to", format_iso8601(report.period.to_ms)},
                           {"scope_name", report.scope_name},
                           {"generated_at", report.generated_at},
                           {"community_ids", std::move(communities)},
                           {"indicators", std::move(indicators)},
                           {"warnings", std::move(warnings)},
                           {"improvements", std::move(improvements)},
                           {"plans", std::move(plans)},
                           {"requests", std::move(requests)}};
  if (report.community_id) body["community_id"] = *report.community_id;
  if (report.street) body["street_id"] = *report.street;
  return body;
}

Result<Response> report_route(RequestContext& context) {
  if (context.user().is(Role::resident)) {
    return forbidden("residents may not read the reports");
  }
  auto quarter = parse_quarter(context.params["period"]);
  if (!quarter) return quarter.error();
  auto format_text = context.request.query_param("format").value_or("json");
  auto format = parse_format(format_text);
  if (!format) {
    return bad_request("invalid_format", "format must be json, html, csv or xlsx");
  }
  auto community_id = context.int_query("community_id");
  if (!community_id) return community_id.error();
  indicators::Scope scope;
  scope.community_id = *community_id;
  if (auto street = context.request.query_param("street_id"); street && !street->empty()) {
    scope.street = *street;
  }
  Language language =
      context.request.query_param("lang").value_or("zh") == "en" ? Language::en : Language::zh;
  auto lease = context.pool.lease();
  auto report = build_report(*lease, context.user(), scope, *quarter, now_epoch_ms());
  if (!report) return report.error();
  if (*format == Format::json) return http::json_response(200, report_json(*report));
  auto document = render_document(*report, *format, language);
  if (!document) return document.error();
  Response response;
  response.content_type = document->content_type;
  response.body = std::move(document->body);
  response.headers.emplace_back("Content-Disposition",
                                std::string(*format == Format::html ? "inline" : "attachment") +
                                    "; filename=\"" + document->file_name + "\"");
  if (*format == Format::html) {
    response.headers.emplace_back("Content-Security-Policy", kReportCsp);
  }
  response.headers.emplace_back("Cache-Control", "no-store");
  return response;
}

}  // namespace

void register_routes(http::Router& router) {
  router.add({"GET",
              "/api/v1/reports/{period}",
              http::Access::login,
              report_route,
              {"The quarterly report of a community or a street: indicators against targets with "
               "their trend, warnings, improvement tasks, plans with fairness, request rates; as "
               "JSON, printable HTML, CSV or XLSX",
               "reports", "guide, staff, street, admin of the community or street", "",
               "community_id, street_id, format, lang"}});
}

}  // namespace gz::reports
