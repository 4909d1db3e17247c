// HTTP routes of the notice board: decode → use case → encode.
#include "modules/announcements/routes.hpp"

#include <boost/json.hpp>

#include "core/clock.hpp"
#include "http/json_io.hpp"
#include "modules/announcements/announcements.hpp"
#include "storage/database.hpp"

namespace gz::announcements {
namespace {

using http::Need;
using http::RequestContext;
using http::Response;

boost::json::object announcement_json(const Announcement& a) {
  boost::json::array buildings;
  for (const auto& building : a.buildings) {
    buildings.push_back(boost::json::object{{"id", building.id}, {"name", building.name}});
  }
  boost::json::object out{
      {"id", a.id},
      {"community_id", a.community_id},
      {"kind", a.kind},
      {"title", a.title},
      {"body", a.body},
      {"pinned", a.pinned},
      {"urgent", a.urgent},
      {"published_at", format_iso8601(a.published_ms)},
      {"valid_until", http::time_or_null(a.valid_until_ms)},
      {"buildings", std::move(buildings)},
      {"withdrawn_at", http::time_or_null(a.withdrawn_ms)},
      {"withdrawn_reason",
       a.withdrawn_reason ? boost::json::value(*a.withdrawn_reason) : boost::json::value(nullptr)}};
  if (!a.author_name.empty()) out["author_name"] = a.author_name;
  if (a.read) out["read"] = *a.read;
  if (a.reads) out["reads"] = *a.reads;
  return out;
}

Response list_response(const std::vector<Announcement>& list) {
  boost::json::array items;
  for (const auto& a : list) items.push_back(announcement_json(a));
  return http::json_response(200, boost::json::object{{"items", std::move(items)}});
}

Result<Response> publish_route(RequestContext& context) {
  auto body = context.json_object();
  if (!body) return body.error();
  http::JsonReader reader(*body);
  reader.only(
      {"community_id", "kind", "title", "body", "building_ids", "pinned", "urgent", "valid_until"});
  auto community = reader.integer("community_id", Need::required, 1);
  auto kind = reader.text("kind", Need::required, 10);
  auto title = reader.text("title", Need::required, kMaxTitle);
  auto text = reader.text("body", Need::required, kMaxBody);
  auto buildings = reader.integer_list("building_ids", Need::optional, 1, INT64_MAX, kMaxBuildings);
  auto pinned = reader.boolean("pinned", Need::optional);
  auto urgent = reader.boolean("urgent", Need::optional);
  auto valid_until = reader.text("valid_until", Need::optional, 40);
  if (!reader.ok()) return reader.error();
  NewAnnouncement input;
  input.community_id = *community;
  input.kind = *kind;
  input.title = *title;
  input.body = *text;
  if (buildings) input.building_ids = *buildings;
  input.pinned = pinned.value_or(false);
  input.urgent = urgent.value_or(false);
  if (valid_until) {
    GZ_ASSIGN_OR_RETURN(input.valid_until_ms,
                        http::instant_or_day("valid_until", *valid_until, true));
  }
  auto lease = context.pool.lease();
  GZ_ASSIGN_OR_RETURN(auto published, publish(*lease, context.user(), input, now_epoch_ms()));
  return http::json_response(201, announcement_json(published));
}

Result<Response> list_route(RequestContext& context) {
  Filter filter;
  GZ_ASSIGN_OR_RETURN(filter.community_id, context.community_param());
  GZ_ASSIGN_OR_RETURN(filter.limit, context.limit_param("limit", 50, 200));
  if (auto past = context.request.query_param("include"); past && !past->empty()) {
    if (*past != "past") return bad_request("invalid_query", "include must be past");
    filter.include_past = true;
  }
  auto lease = context.pool.lease();
  GZ_ASSIGN_OR_RETURN(auto found, list(*lease, context.user(), filter, now_epoch_ms()));
  return list_response(found);
}

Result<Response> public_list_route(RequestContext& context) {
  auto community = context.int_query("community_id");
  if (!community) return community.error();
  if (!*community) return bad_request("invalid_query", "community_id is required");
  GZ_ASSIGN_OR_RETURN(auto limit, context.limit_param("limit", 20, 200));
  auto lease = context.pool.lease();
  GZ_ASSIGN_OR_RETURN(auto found, list_public(*lease, **community, limit, now_epoch_ms()));
  return list_response(found);
}

Result<Response> get_route(RequestContext& context) {
  GZ_ASSIGN_OR_RETURN(auto id, context.id_param("id"));
  auto lease = context.pool.lease();
  GZ_ASSIGN_OR_RETURN(auto found, get(*lease, context.user(), id));
  return http::json_response(200, announcement_json(found));
}

Result<Response> read_route(RequestContext& context) {
  GZ_ASSIGN_OR_RETURN(auto id, context.id_param("id"));
  auto lease = context.pool.lease();
  GZ_ASSIGN_OR_RETURN(auto found, mark_read(*lease, context.user(), id, now_epoch_ms()));
  return http::json_response(200, announcement_json(found));
}

Result<Response> update_route(RequestContext& context) {
  GZ_ASSIGN_OR_RETURN(auto id, context.id_param("id"));
  auto body = context.json_object();
  if (!body) return body.error();
  http::JsonReader reader(*body);
  reader.only({"pinned", "valid_until"});
  auto pinned = reader.boolean("pinned", Need::optional);
  auto valid_until = reader.text("valid_until", Need::optional, 40);
  if (!reader.ok()) return reader.error();
  Change change;
  change.pinned = pinned;
  if (valid_until) {
    GZ_ASSIGN_OR_RETURN(auto at, http::instant_or_day("valid_until", *valid_until, true));
    change.valid_until_ms = std::optional<std::int64_t>(at);
  } else if (reader.has("valid_until")) {
    change.valid_until_ms = std::optional<std::int64_t>();  // null: no end
  }
  auto lease = context.pool.lease();
  GZ_ASSIGN_OR_RETURN(auto found, update(*lease, context.user(), id, change, now_epoch_ms()));
  return http::json_response(200, announcement_json(found));
}

Result<Response> withdraw_route(RequestContext& context) {
  GZ_ASSIGN_OR_RETURN(auto id, context.id_param("id"));
  auto body = context.json_object();
  if (!body) return body.error();
  http::JsonReader reader(*body);
  reader.only({"reason"});
  auto reason = reader.text("reason", Need::required, 200);
  if (!reader.ok()) return reader.error();
  auto lease = context.pool.lease();
  GZ_ASSIGN_OR_RETURN(auto found, withdraw(*lease, context.user(), id, *reason, now_epoch_ms()));
  return http::json_response(200, announcement_json(found));
}

Result<Response> reads_route(RequestContext& context) {
  GZ_ASSIGN_OR_RETURN(auto id, context.id_param("id"));
  auto lease = context.pool.lease();
  GZ_ASSIGN_OR_RETURN(auto figures, read_figures(*lease, context.user(), id));
  boost::json::array buildings;
  for (const auto& line : figures.buildings) {
    buildings.push_back(boost::json::object{{"building_id", line.building_id},
                                            {"building_name", line.building_name},
                                            {"households", line.households},
                                            {"households_read", line.households_read},
                                            {"residents_read", line.residents_read}});
  }
  return http::json_response(200, boost::json::object{{"announcement_id", figures.announcement_id},
                                                      {"households", figures.households},
                                                      {"households_read", figures.households_read},
                                                      {"residents_read", figures.residents_read},
                                                      {"buildings", std::move(buildings)}});
}

}  // namespace

void register_routes(http::Router& router) {
  using http::Access;
  router.add(
      {"POST",
       "/api/v1/announcements",
       Access::login,
       publish_route,
       {"Publish a notice to the whole community or chosen buildings; the residents it is for "
        "are notified",
        "announcements", "staff, admin",
        R"({"community_id":1,"kind":"outage","title":"3号楼12月9日停水","body":"因管道维修，12月9日8:00-14:00停水，请提前储水。","building_ids":[3],"urgent":true,"valid_until":"2026-12-09"})",
        ""}});
  router.add({"GET",
              "/api/v1/announcements",
              Access::login,
              list_route,
              {"The community's current notices, pinned first (a resident: the whole community's "
               "and their building's, with read; officials: with reads, include=past for "
               "expired and withdrawn ones)",
               "announcements", "resident, guide, staff, street, admin", "",
               "community_id, include, limit"}});
  router.add({"GET",
              "/api/v1/public/announcements",
              Access::open,
              public_list_route,
              {"The community's current notices for everyone (whole-community ones only)",
               "announcements", "anyone", "", "community_id, limit"}});
  router.add({"GET",
              "/api/v1/announcements/{id}",
              Access::login,
              get_route,
              {"One notice", "announcements", "resident, guide, staff, street, admin", "", ""}});
  router.add({"POST",
              "/api/v1/announcements/{id}/read",
              Access::login,
              read_route,
              {"Mark a notice read (a resident's first read is counted for their building)",
               "announcements", "resident", "", ""}});
  router.add(
      {"PATCH",
       "/api/v1/announcements/{id}",
       Access::login,
       update_route,
       {"Pin or unpin a notice, or change the day it is valid until (null: no end)",
        "announcements", "staff, admin", R"({"pinned":true,"valid_until":"2026-12-31"})", ""}});
  router.add({"POST",
              "/api/v1/announcements/{id}/withdraw",
              Access::login,
              withdraw_route,
              {"Withdraw a notice with a reason residents can read", "announcements",
               "staff, admin", R"({"reason":"停水时间改期，另行通知"})", ""}});
  router.add({"GET",
              "/api/v1/announcements/{id}/reads",
              Access::login,
              reads_route,
              {"How many households of each building have read a notice", "announcements",
               "guide, staff, street, admin", "", ""}});
}

}  // namespace gz::announcements
