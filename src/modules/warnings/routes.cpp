// HTTP routes of warnings and improvement tasks: decode → use case → encode.
#include "modules/warnings/routes.hpp"

#include <boost/json.hpp>

#include "core/clock.hpp"
#include "http/json_io.hpp"
#include "modules/warnings/warnings.hpp"
#include "storage/database.hpp"

namespace gz::warnings {
namespace {

using http::Need;
using http::RequestContext;
using http::Response;

boost::json::object warning_json(const Warning& warning) {
  boost::json::value evidence;
  boost::system::error_code ignored;
  evidence = boost::json::parse(warning.evidence_json, ignored);
  return {{"id", warning.id},
          {"community_id", warning.community_id},
          {"kind", warning.kind},
          {"subject", warning.subject},
          {"evidence", evidence},
          {"suggestion", warning.suggestion_zh},
          {"suggestion_en", warning.suggestion_en},
          {"raised_at", warning.raised_at},
          {"state", warning.resolved_at ? "resolved" : "open"},
          {"resolved_at", http::json_or_null(warning.resolved_at)},
          {"resolution", http::json_or_null(warning.resolution)}};
}

boost::json::value optional_bool(const std::optional<bool>& value) {
  return value ? boost::json::value(*value) : boost::json::value(nullptr);
}

boost::json::object improvement_json(const Improvement& task) {
  return {{"id", task.id},
          {"community_id", task.community_id},
          {"indicator", task.indicator},
          {"period", task.period},
          {"title", task.title},
          {"trigger_value_bp", http::json_or_null(task.trigger_value_bp)},
          {"target_bp", http::json_or_null(task.target_bp)},
          {"stage", task.stage},
          {"owner_user_id", http::json_or_null(task.owner_user_id)},
          {"owner_name", http::json_or_null(task.owner_name)},
          {"due_on", task.due_on},
          {"notes", boost::json::object{{"plan", http::json_or_null(task.plan_note)},
                                        {"do", http::json_or_null(task.do_note)},
                                        {"check", http::json_or_null(task.check_note)},
                                        {"act", http::json_or_null(task.act_note)}}},
          {"check", boost::json::object{{"period", http::json_or_null(task.check_period)},
                                        {"value_bp", http::json_or_null(task.check_value_bp)},
                                        {"met", optional_bool(task.check_met)}}},
          {"automatic", task.automatic},
          {"created_at", task.created_at},
          {"updated_at", task.updated_at}};
}

Result<Response> list_route(RequestContext& context) {
  auto community = context.community_param();
  if (!community) return community.error();
  auto lease = context.pool.lease();
  auto result = list_warnings(*lease, context.user(), *community,
                              context.request.query_param("state").value_or("open"));
  if (!result) return result.error();
  boost::json::array items;
  for (const auto& warning : *result) items.push_back(warning_json(warning));
  return http::json_response(
      200, boost::json::object{{"community_id", *community}, {"items", std::move(items)}});
}

Result<Response> evaluate_route(RequestContext& context) {
  auto community = context.community_param();
  if (!community) return community.error();
  auto lease = context.pool.lease();
  auto result = evaluate_now(*lease, context.user(), *community, now_epoch_ms());
  if (!result) return result.error();
  return http::json_response(
      200, boost::json::object{{"raised", result->raised},
                               {"improvements_opened", result->improvements_opened},
                               {"checks_recorded", result->checks_recorded}});
}

Result<Response> resolve_route(RequestContext& context) {
  auto id = context.id_param("id");
  if (!id) return id.error();
  auto body = http::parse_json_object(context.request);
  if (!body) return body.error();
  http::JsonReader reader(*body);
  reader.only({"resolution"});
  auto resolution = reader.text("resolution", Need::required, 2000);
  if (!reader.ok()) return reader.error();
  auto lease = context.pool.lease();
  auto result = resolve_warning(*lease, context.user(), *id, *resolution, now_epoch_ms());
  if (!result) return result.error();
  return http::json_response(200, warning_json(*result));
}

Result<Response> improvements_route(RequestContext& context) {
  auto community = context.community_param();
  if (!community) return community.error();
  auto lease = context.pool.lease();
  auto result = list_improvements(*lease, context.user(), *community);
  if (!result) return result.error();
  boost::json::array items;
  for (const auto& task : *result) items.push_back(improvement_json(task));
  return http::json_response(
      200, boost::json::object{{"community_id", *community}, {"items", std::move(items)}});
}

Result<Response> open_route(RequestContext& context) {
  auto body = http::parse_json_object(context.request);
  if (!body) return body.error();
  http::JsonReader reader(*body);
  reader.only({"community_id", "indicator", "period", "title", "due_on", "owner_user_id"});
  ImprovementInput input;
  auto community = reader.integer("community_id", Need::required, 1);
  auto indicator = reader.text("indicator", Need::required, 60);
  auto period = reader.text("period", Need::required, 10);
  auto title = reader.text("title", Need::required, 200);
  auto due_on = reader.text("due_on", Need::required, 10);
  input.owner_user_id = reader.integer("owner_user_id", Need::optional, 1);
  if (!reader.ok()) return reader.error();
  input.community_id = *community;
  input.indicator = *indicator;
  input.period = *period;
  input.title = *title;
  input.due_on = *due_on;
  auto lease = context.pool.lease();
  auto result = open_improvement(*lease, context.user(), input, now_epoch_ms());
  if (!result) return result.error();
  return http::json_response(201, improvement_json(*result));
}

Result<Response> change_route(RequestContext& context) {
  auto id = context.id_param("id");
  if (!id) return id.error();
  auto body = http::parse_json_object(context.request);
  if (!body) return body.error();
  http::JsonReader reader(*body);
  reader.only({"stage", "note", "owner_user_id", "due_on"});
  ImprovementChange change;
  change.stage = reader.text("stage", Need::optional, 10);
  change.note = reader.text("note", Need::optional, 2000);
  change.owner_user_id = reader.integer("owner_user_id", Need::optional, 1);
  change.due_on = reader.text("due_on", Need::optional, 10);
  if (!reader.ok()) return reader.error();
  auto lease = context.pool.lease();
  auto result = change_improvement(*lease, context.user(), *id, change, now_epoch_ms());
  if (!result) return result.error();
  return http::json_response(200, improvement_json(*result));
}

}  // namespace

void register_routes(http::Router& router) {
  using http::Access;
  router.add({"GET",
              "/api/v1/warnings",
              Access::login,
              list_route,
              {"Risk warnings with their evidence and suggested response (state: open, "
               "resolved, all)",
               "warnings", "guide, staff, street, admin", "", "community_id,state"}});
  router.add({"POST",
              "/api/v1/warnings/evaluate",
              Access::login,
              evaluate_route,
              {"Run the warning evaluation now (the job also runs it hourly)", "warnings",
               "staff, admin", "", "community_id"}});
  router.add({"POST",
              "/api/v1/warnings/{id}/resolve",
              Access::login,
              resolve_route,
              {"Resolve a warning with what was done; once", "warnings", "staff, admin",
               R"({"resolution":"已启动第三方评估并公开决策过程"})", ""}});
  router.add({"GET",
              "/api/v1/improvements",
              Access::login,
              improvements_route,
              {"Improvement (PDCA) tasks, newest first", "warnings", "guide, staff, street, admin",
               "", "community_id"}});
  router.add(
      {"POST",
       "/api/v1/improvements",
       Access::login,
       open_route,
       {"Open an improvement task by hand (satisfaction below 85% opens one "
        "automatically)",
        "warnings", "staff, admin",
        R"({"community_id":1,"indicator":"complaint_rate","period":"2026Q3","title":"投诉率上升","due_on":"2026-12-31"})",
        ""}});
  router.add(
      {"PATCH",
       "/api/v1/improvements/{id}",
       Access::login,
       change_route,
       {"Move a task to its next stage with a note, or set its owner or due date; 409 "
        "check_pending before the next quarter's figure",
        "warnings", "staff, admin", R"({"stage":"do","note":"计划：增加晚间议事时段"})", ""}});
}

}  // namespace gz::warnings
