// HTTP routes of the plan lifecycle and the public board: decode → command → encode.
#include "modules/transparency/routes.hpp"

#include <boost/json.hpp>

#include "core/clock.hpp"
#include "http/json_io.hpp"
#include "modules/transparency/transparency.hpp"
#include "storage/database.hpp"

namespace gz::transparency {
namespace {

using http::Need;
using http::RequestContext;
using http::Response;

boost::json::object status_json(const PlanStatus& status) {
  boost::json::object out{{"plan_id", status.plan_id},
                          {"community_id", status.community_id},
                          {"quarter", status.quarter},
                          {"unit", status.unit},
                          {"total", status.total},
                          {"state", stage_name(status.stage)},
                          {"notice_days", status.notice_days},
                          {"days_left", http::json_or_null(status.notice_days_left)}};
  out["notice_started_at"] = status.notice_started_ms
                                 ? boost::json::value(format_iso8601(*status.notice_started_ms))
                                 : boost::json::value(nullptr);
  return out;
}

boost::json::object objection_json(const Objection& objection) {
  return {{"id", objection.id},
          {"plan_id", objection.plan_id},
          {"text", objection.text},
          {"created_at", objection.created_at},
          {"answer", http::json_or_null(objection.answer)},
          {"answered_at", http::json_or_null(objection.answered_at)}};
}

Response transition_route(RequestContext& context) {
  auto id = context.id_param("id");
  if (!id) return http::error_response(id.error());
  auto body = http::parse_json_object(context.request);
  if (!body) return http::error_response(body.error());
  http::JsonReader reader(*body);
  reader.only({"action", "note"});
  auto action = reader.text("action", Need::required, 40);
  auto note = reader.text("note", Need::required, 2000);
  if (!reader.ok()) return http::error_response(reader.error());
  auto lease = context.pool.lease();
  auto result = transition(*lease, context.user(), *id, *action, *note, now_epoch_ms());
  if (!result) return http::error_response(result.error());
  return http::json_response(200, status_json(*result));
}

Response objection_route(RequestContext& context) {
  auto id = context.id_param("id");
  if (!id) return http::error_response(id.error());
  auto body = http::parse_json_object(context.request);
  if (!body) return http::error_response(body.error());
  http::JsonReader reader(*body);
  reader.only({"text"});
  auto text = reader.text("text", Need::required, 2000);
  if (!reader.ok()) return http::error_response(reader.error());
  auto lease = context.pool.lease();
  auto result = file_objection(*lease, context.user(), *id, *text);
  if (!result) return http::error_response(result.error());
  return http::json_response(201, objection_json(*result));
}

Response answer_route(RequestContext& context) {
  auto id = context.id_param("id");
  if (!id) return http::error_response(id.error());
  auto objection_id = context.id_param("oid");
  if (!objection_id) return http::error_response(objection_id.error());
  auto body = http::parse_json_object(context.request);
  if (!body) return http::error_response(body.error());
  http::JsonReader reader(*body);
  reader.only({"answer"});
  auto answer = reader.text("answer", Need::required, 4000);
  if (!reader.ok()) return http::error_response(reader.error());
  auto lease = context.pool.lease();
  auto result = answer_objection(*lease, context.user(), *id, *objection_id, *answer);
  if (!result) return http::error_response(result.error());
  return http::json_response(200, objection_json(*result));
}

// Public routes read community_id from the query only: there is no login to default from.
Result<std::int64_t> required_community(RequestContext& context) {
  auto given = context.int_query("community_id");
  if (!given) return given.take_error();
  if (!*given || **given < 1) {
    return bad_request("invalid_query", "community_id is required");
  }
  return **given;
}

Response notices_route(RequestContext& context) {
  auto community = required_community(context);
  if (!community) return http::error_response(community.error());
  auto lease = context.pool.lease();
  auto notices = public_notices(*lease, *community, now_epoch_ms());
  if (!notices) return http::error_response(notices.error());
  boost::json::array items;
  for (const auto& notice : *notices) {
    auto item = status_json(notice.status);
    boost::json::array objections;
    for (const auto& objection : notice.objections) objections.push_back(objection_json(objection));
    item["objections"] = std::move(objections);
    items.push_back(std::move(item));
  }
  return http::json_response(
      200, boost::json::object{{"community_id", *community}, {"items", std::move(items)}});
}

Response community_resources_route(RequestContext& context) {
  auto community = required_community(context);
  if (!community) return http::error_response(community.error());
  auto lease = context.pool.lease();
  auto resources = community_resources(*lease, *community, now_epoch_ms());
  if (!resources) return http::error_response(resources.error());
  boost::json::array labels, values, progress, feedback, history;
  for (const auto& line : resources->lines) {
    labels.push_back(boost::json::value(line.category));
    values.push_back(line.planned);
    progress.push_back(boost::json::object{
        {"category", line.category}, {"spent", line.spent}, {"planned", line.planned}});
  }
  for (const auto& objection : resources->feedback) feedback.push_back(objection_json(objection));
  for (const auto& event : resources->history) {
    history.push_back(boost::json::object{{"id", event.id},
                                          {"action", event.action},
                                          {"from", event.from_stage},
                                          {"to", event.to_stage},
                                          {"note", event.note},
                                          {"created_at", event.created_at}});
  }
  boost::json::object out{{"community_id", *community},
                          {"allocation", boost::json::object{{"labels", std::move(labels)},
                                                             {"values", std::move(values)}}},
                          {"progress", std::move(progress)},
                          {"feedback", std::move(feedback)},
                          {"history", std::move(history)}};
  out["plan"] = resources->plan ? boost::json::value(status_json(*resources->plan))
                                : boost::json::value(nullptr);
  return http::json_response(200, out);
}

}  // namespace

void register_routes(http::Router& router) {
  using http::Access;
  router.add(
      {"POST",
       "/api/v1/allocation/plans/{id}/transitions",
       Access::login,
       transition_route,
       {"Move a plan through its lifecycle (publish, open_vote, assess, submit_review, approve, "
        "close); 409 notice_period_running, objections_unanswered, invalid_transition",
        "transparency", "staff (approve: street), admin",
        R"({"action":"publish","note":"公示于社区公告栏与线上"})", ""}});
  router.add({"POST",
              "/api/v1/allocation/plans/{id}/objections",
              Access::login,
              objection_route,
              {"Object to a plan during its public notice", "transparency",
               "residents of the community", R"({"text":"助老份额偏少"})", ""}});
  router.add({"POST",
              "/api/v1/allocation/plans/{id}/objections/{oid}/answer",
              Access::login,
              answer_route,
              {"Answer an objection publicly (once)", "transparency", "staff, admin",
               R"({"answer":"已按需求评估调整"})", ""}});
  router.add({"GET",
              "/api/v1/public/notices",
              Access::open,
              notices_route,
              {"Plans on public notice and after: state, days left, objections and answers "
               "(no personal data)",
               "transparency", "anyone, no login", "", "community_id"}});
  router.add({"GET",
              "/api/community-resources",
              Access::open,
              community_resources_route,
              {"The transparency board: the current plan's allocation, progress, answered "
               "objections and history",
               "transparency", "anyone, no login", "", "community_id"}});
}

}  // namespace gz::transparency
