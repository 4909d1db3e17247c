// HTTP routes of casework: decode → use case → encode.
#include "modules/casework/routes.hpp"

#include <boost/json.hpp>

#include "core/clock.hpp"
#include "http/json_io.hpp"
#include "modules/casework/casework.hpp"
#include "storage/database.hpp"

namespace gz::casework {
namespace {

using http::Need;
using http::RequestContext;
using http::Response;

boost::json::object visit_json(const Visit& visit) {
  boost::json::array needs;
  for (const auto& need : visit.needs_found) needs.emplace_back(need);
  return {
      {"id", visit.id},
      {"community_id", visit.community_id},
      {"household_id", visit.household_id},
      {"household_code", visit.household_code},
      {"household_address", visit.household_address},
      {"visitor_user_id", visit.visitor_user_id},
      {"visitor_name", visit.visitor_name},
      {"kind", visit.kind},
      {"visited_at", format_iso8601(visit.visited_ms)},
      {"notes", visit.notes},
      {"needs_found", std::move(needs)},
      {"follow_up_at", visit.follow_up_ms ? boost::json::value(format_iso8601(*visit.follow_up_ms))
                                          : boost::json::value(nullptr)},
      {"created_at", format_iso8601(visit.created_ms)}};
}

Result<Response> record_route(RequestContext& context) {
  auto body = http::parse_json_object(context.request);
  if (!body) return body.error();
  http::JsonReader reader(*body);
  reader.only({"household_id", "visited_at", "kind", "notes", "needs_found", "follow_up_at"});
  auto household = reader.integer("household_id", Need::required, 1);
  auto visited_at = reader.text("visited_at", Need::required, 40);
  auto kind = reader.text("kind", Need::required, 10);
  auto notes = reader.text("notes", Need::required, 2000);
  auto needs = reader.text_list("needs_found", Need::optional);
  auto follow_up = reader.text("follow_up_at", Need::optional, 40);
  if (!reader.ok()) return reader.error();
  NewVisit visit;
  visit.household_id = *household;
  GZ_ASSIGN_OR_RETURN(visit.visited_ms, http::instant_or_day("visited_at", *visited_at));
  if (follow_up) {
    GZ_ASSIGN_OR_RETURN(auto at, http::instant_or_day("follow_up_at", *follow_up));
    visit.follow_up_ms = at;
  }
  visit.kind = *kind;
  visit.notes = *notes;
  if (needs) visit.needs_found = *needs;
  auto lease = context.pool.lease();
  GZ_ASSIGN_OR_RETURN(auto recorded, record_visit(*lease, context.user(), visit, now_epoch_ms()));
  return http::json_response(201, visit_json(recorded));
}

Result<Response> list_route(RequestContext& context) {
  VisitFilter filter;
  for (const char* name : {"household_id", "community_id", "limit"}) {
    auto value = context.int_query(name);
    if (!value) return value.error();
    if (!*value) continue;
    std::string key = name;
    if (key == "household_id") filter.household_id = **value;
    if (key == "community_id") filter.community_id = **value;
    if (key == "limit") filter.limit = **value;
  }
  if (auto visitor = context.request.query_param("visitor"); visitor && !visitor->empty()) {
    if (*visitor == "me") {
      filter.visitor_user_id = context.user().user_id;
    } else {
      auto id = context.int_query("visitor");
      if (!id) return id.error();
      if (!*id || **id < 1) return bad_request("invalid_query", "visitor must be me or a user id");
      filter.visitor_user_id = **id;
    }
  }
  if (auto due = context.request.query_param("follow_up"); due && !due->empty()) {
    if (*due != "due") return bad_request("invalid_query", "follow_up must be due");
    // Due: by the end of today in Shanghai.
    filter.follow_up_before_ms = shanghai_midnight_ms(shanghai_day(now_epoch_ms()) + 1);
  }
  auto lease = context.pool.lease();
  GZ_ASSIGN_OR_RETURN(auto visits, list_visits(*lease, context.user(), filter));
  boost::json::array items;
  for (const auto& visit : visits) items.push_back(visit_json(visit));
  return http::json_response(200, boost::json::object{{"items", std::move(items)}});
}

Result<Response> timeline_route(RequestContext& context) {
  auto id = context.id_param("id");
  if (!id) return id.error();
  auto limit = context.int_query("limit");
  if (!limit) return limit.error();
  auto lease = context.pool.lease();
  GZ_ASSIGN_OR_RETURN(auto items,
                      household_timeline(*lease, context.user(), *id, limit->value_or(100)));
  boost::json::array out;
  for (const auto& item : items) {
    out.push_back(boost::json::object{{"at", format_iso8601(item.at_ms)},
                                      {"kind", item.kind},
                                      {"title", item.title},
                                      {"ref_id", http::json_or_null(item.ref_id)},
                                      {"amount", http::json_or_null(item.amount)},
                                      {"note", http::json_or_null(item.note)},
                                      {"resident_id", http::json_or_null(item.resident_id)}});
  }
  return http::json_response(200,
                             boost::json::object{{"household_id", *id}, {"items", std::move(out)}});
}

Result<Response> figures_route(RequestContext& context) {
  std::int64_t guide = 0;
  auto which = context.params.at("id");
  if (which == "me") {
    guide = context.user().user_id;
  } else {
    auto id = context.id_param("id");
    if (!id) return id.error();
    guide = *id;
  }
  auto community = context.community_param();
  if (!community) return community.error();
  std::int64_t now = now_epoch_ms();
  std::string label = context.request.query_param("period").value_or(quarter_of(now));
  auto period = Period::parse(label);
  if (!period) return bad_request("invalid_query", "period must be like 2026Q4, 2026 or 2026-11");
  auto lease = context.pool.lease();
  GZ_ASSIGN_OR_RETURN(auto figures,
                      guide_figures(*lease, context.user(), guide, *community, *period, now));
  return http::json_response(
      200, boost::json::object{{"guide_user_id", figures.guide_user_id},
                               {"guide_name", figures.guide_name},
                               {"community_id", figures.community_id},
                               {"period", figures.period},
                               {"households_in_charge", figures.households_in_charge},
                               {"households_visited", figures.households_visited},
                               {"visits", figures.visits},
                               {"silent_in_charge", figures.silent_in_charge},
                               {"silent_reached", figures.silent_reached},
                               {"follow_ups_due", figures.follow_ups_due},
                               {"requests_resolved", figures.requests_resolved},
                               {"requests_resolved_on_time", figures.requests_resolved_on_time},
                               {"requests_open", figures.requests_open},
                               {"requests_open_overdue", figures.requests_open_overdue}});
}

}  // namespace

void register_routes(http::Router& router) {
  using http::Access;
  router.add(
      {"POST",
       "/api/v1/visits",
       Access::login,
       record_route,
       {"Record a visit to a household (home, phone or street) with notes, the needs found and "
        "an optional follow-up date",
        "casework", "guide, staff, admin",
        R"({"household_id":12,"visited_at":"2026-12-07T10:00:00+08:00","kind":"home","notes":"独居老人，腿脚不便，需要助餐","needs_found":["elderly_care"],"follow_up_at":"2026-12-21"})",
        ""}});
  router.add({"GET",
              "/api/v1/visits",
              Access::login,
              list_route,
              {"Visits, newest first: of a household, of a community, or the caller's own "
               "(visitor=me); follow_up=due lists the follow-ups due by today",
               "casework", "guide, staff, admin", "",
               "household_id, community_id, visitor (me or a user id), follow_up, limit"}});
  router.add({"GET",
              "/api/v1/households/{id}/timeline",
              Access::login,
              timeline_route,
              {"A household's history, newest first: requests, visits, assessments, "
               "activities, points",
               "casework", "guide, staff, admin", "", "limit"}});
  router.add({"GET",
              "/api/v1/guides/{id}/figures",
              Access::login,
              figures_route,
              {"A guide's figures for a period (id or me): households in charge and visited, "
               "silent needy reached, follow-ups due, requests handled on time",
               "casework", "the guide, staff, street, admin", "", "community_id, period"}});
}

}  // namespace gz::casework
