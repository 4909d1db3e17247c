// HTTP routes of the time bank: decode → command → encode.
#include "modules/timebank/routes.hpp"

#include <boost/json.hpp>

#include "core/clock.hpp"
#include "http/json_io.hpp"
#include "modules/ledger/ledger.hpp"
#include "modules/timebank/timebank.hpp"
#include "storage/database.hpp"

namespace gz::timebank {
namespace {

using http::Need;
using http::RequestContext;
using http::Response;

boost::json::object service_json(const Service& service) {
  return {{"id", service.id},
          {"community_id", service.community_id},
          {"provider_resident_id", service.provider_resident_id},
          {"recipient_resident_id", service.recipient_resident_id},
          {"service_date", service.service_date},
          {"minutes", service.minutes},
          {"service_type", service.service_type},
          {"note", http::json_or_null(service.note)},
          {"status", service.status},
          {"posting_id", http::json_or_null(service.posting_id)},
          {"created_at", service.created_at},
          {"expires_at", format_iso8601(service.expires_ms)}};
}

Result<Response> account_route(RequestContext& context) {
  auto id = context.id_param("resident_id");
  if (!id) return id.error();
  auto lease = context.pool.lease();
  auto view = account_view(*lease, context.user(), *id);
  if (!view) return view.error();
  boost::json::object out{{"resident_id", view->resident.id},
                          {"community_id", view->resident.community_id},
                          {"kind", ledger::kind_name(ledger::Kind::minutes)},
                          {"account_id", view->account.id ? boost::json::value(view->account.id)
                                                          : boost::json::value(nullptr)},
                          {"balance", view->account.balance},
                          {"earned", view->earned},
                          {"spent", view->spent}};
  out["floor"] = http::json_or_null(view->account.floor);
  auto statement = ledger::statement(*lease, view->account.id, 50, INT64_MAX);
  boost::json::array lines;
  for (const auto& [posting, signed_amount] : statement.lines) {
    auto line = ledger::posting_json(posting);
    line["signed_amount"] = signed_amount;
    lines.push_back(std::move(line));
  }
  out["statement"] = std::move(lines);
  return http::json_response(200, out);
}

Result<Response> record_service_route(RequestContext& context) {
  auto body = http::parse_json_object(context.request);
  if (!body) return body.error();
  http::JsonReader reader(*body);
  reader.only({"provider_resident_id", "recipient_resident_id", "service_date", "minutes",
               "service_type", "note"});
  NewService input;
  input.provider_resident_id =
      reader.integer("provider_resident_id", Need::required, 1).value_or(0);
  input.recipient_resident_id =
      reader.integer("recipient_resident_id", Need::required, 1).value_or(0);
  input.service_date = reader.text("service_date", Need::required, 10).value_or("");
  input.minutes = reader.amount("minutes", Need::required, 1, 720).value_or(0);
  input.service_type = reader.text("service_type", Need::required, 40).value_or("");
  input.note = reader.text("note", Need::optional, 500);
  if (!reader.ok()) return reader.error();
  auto lease = context.pool.lease();
  auto result = record_service(*lease, context.user(), input, now_epoch_ms());
  if (!result) return result.error();
  return http::json_response(201, service_json(*result));
}

Result<Response> confirm_service_route(RequestContext& context) {
  auto id = context.id_param("id");
  if (!id) return id.error();
  auto lease = context.pool.lease();
  auto result = confirm_service(*lease, context.user(), *id, now_epoch_ms());
  if (!result) return result.error();
  return http::json_response(200, service_json(*result));
}

Result<Response> dispute_service_route(RequestContext& context) {
  auto id = context.id_param("id");
  if (!id) return id.error();
  auto body = http::parse_json_object(context.request);
  if (!body) return body.error();
  http::JsonReader reader(*body);
  reader.only({"note"});
  auto note = reader.text("note", Need::required, 500);
  if (!reader.ok()) return reader.error();
  auto lease = context.pool.lease();
  auto result = dispute_service(*lease, context.user(), *id, *note, now_epoch_ms());
  if (!result) return result.error();
  return http::json_response(200, service_json(*result));
}

Result<Response> list_services_route(RequestContext& context) {
  auto community = context.community_param();
  if (!community) return community.error();
  std::int64_t id = *community;
  auto lease = context.pool.lease();
  auto result = list_services(*lease, context.user(), id, context.request.query_param("status"));
  if (!result) return result.error();
  boost::json::array items;
  for (const auto& service : *result) items.push_back(service_json(service));
  return http::json_response(200, boost::json::object{{"items", std::move(items)}});
}

Result<Response> transfer_route(RequestContext& context) {
  auto body = http::parse_json_object(context.request);
  if (!body) return body.error();
  http::JsonReader reader(*body);
  reader.only({"from_resident_id", "to_resident_id", "minutes"});
  auto from = reader.integer("from_resident_id", Need::required, 1);
  auto to = reader.integer("to_resident_id", Need::required, 1);
  auto minutes = reader.amount("minutes", Need::required, 1, 100000);
  if (!reader.ok()) return reader.error();
  auto lease = context.pool.lease();
  auto result = transfer(*lease, context.user(), *from, *to, *minutes, now_epoch_ms());
  if (!result) return result.error();
  return http::json_response(201, ledger::posting_json(*result));
}

boost::json::object post_json(const Post& post) {
  return {{"id", post.id},
          {"community_id", post.community_id},
          {"kind", post.kind},
          {"service_type", post.service_type},
          {"title", post.title},
          {"details", post.details},
          {"availability", post.availability},
          {"status", post.status},
          {"poster_name", post.poster_name},
          {"building", http::json_or_null(post.building)},
          {"age_band", http::json_or_null(post.age_band)},
          {"mine", post.mine},
          {"resident_id", http::json_or_null(post.resident_id)},
          {"responses", post.responses},
          {"created_at", format_iso8601(post.created_ms)}};
}

boost::json::object match_json(const Match& match) {
  return {{"id", match.id},
          {"post_id", match.post_id},
          {"post_title", match.post_title},
          {"post_kind", match.post_kind},
          {"status", match.status},
          {"message", match.message},
          {"responder_name", match.responder_name},
          {"responder_building", http::json_or_null(match.responder_building)},
          {"responder_age_band", http::json_or_null(match.responder_age_band)},
          {"responder_resident_id", http::json_or_null(match.responder_resident_id)},
          {"service_id", http::json_or_null(match.service_id)},
          {"created_at", format_iso8601(match.created_ms)}};
}

Result<Response> create_post_route(RequestContext& context) {
  GZ_ASSIGN_OR_RETURN(auto body, context.json_object());
  http::JsonReader reader(body);
  reader.only({"resident_id", "kind", "service_type", "title", "details", "availability"});
  NewPost input;
  input.resident_id = reader.integer("resident_id", Need::required, 1).value_or(0);
  input.kind = reader.text("kind", Need::required, 10).value_or("");
  input.service_type = reader.text("service_type", Need::required, 30).value_or("");
  input.title = reader.text("title", Need::required, 40).value_or("");
  input.details = reader.text("details", Need::optional, 500).value_or("");
  input.availability = reader.text("availability", Need::optional, 60).value_or("");
  if (!reader.ok()) return reader.error();
  auto lease = context.pool.lease();
  GZ_ASSIGN_OR_RETURN(auto post, create_post(*lease, context.user(), input, now_epoch_ms()));
  return http::json_response(201, post_json(post));
}

Result<Response> list_posts_route(RequestContext& context) {
  PostFilter filter;
  GZ_ASSIGN_OR_RETURN(filter.community_id, context.community_param());
  GZ_ASSIGN_OR_RETURN(filter.limit, context.limit_param("limit", 50, 200));
  GZ_ASSIGN_OR_RETURN(filter.building_id, context.int_query("building_id"));
  if (auto kind = context.request.query_param("kind"); kind && !kind->empty()) filter.kind = *kind;
  if (auto type = context.request.query_param("service_type"); type && !type->empty()) {
    filter.service_type = *type;
  }
  for (const char* flag : {"mine", "include_closed"}) {
    auto value = context.request.query_param(flag);
    if (!value || value->empty()) continue;
    if (*value != "true" && *value != "false") {
      return bad_request("invalid_query", std::string(flag) + " must be true or false");
    }
    (std::string(flag) == "mine" ? filter.mine : filter.include_closed) = *value == "true";
  }
  auto lease = context.pool.lease();
  GZ_ASSIGN_OR_RETURN(auto posts, list_posts(*lease, context.user(), filter));
  boost::json::array items;
  for (const auto& post : posts) items.push_back(post_json(post));
  return http::json_response(200, boost::json::object{{"items", std::move(items)}});
}

Result<Response> close_post_route(RequestContext& context) {
  GZ_ASSIGN_OR_RETURN(auto id, context.id_param("id"));
  auto lease = context.pool.lease();
  GZ_ASSIGN_OR_RETURN(auto post, close_post(*lease, context.user(), id, now_epoch_ms()));
  return http::json_response(200, post_json(post));
}

Result<Response> respond_route(RequestContext& context) {
  GZ_ASSIGN_OR_RETURN(auto id, context.id_param("id"));
  GZ_ASSIGN_OR_RETURN(auto body, context.json_object());
  http::JsonReader reader(body);
  reader.only({"resident_id", "message"});
  auto resident = reader.integer("resident_id", Need::required, 1);
  auto message = reader.text("message", Need::optional, 300);
  if (!reader.ok()) return reader.error();
  auto lease = context.pool.lease();
  GZ_ASSIGN_OR_RETURN(auto match, respond(*lease, context.user(), id, *resident,
                                          message.value_or(""), now_epoch_ms()));
  return http::json_response(201, match_json(match));
}

Result<Response> list_matches_route(RequestContext& context) {
  GZ_ASSIGN_OR_RETURN(auto post, context.int_query("post_id"));
  auto lease = context.pool.lease();
  GZ_ASSIGN_OR_RETURN(auto matches, list_matches(*lease, context.user(), post));
  boost::json::array items;
  for (const auto& match : matches) items.push_back(match_json(match));
  return http::json_response(200, boost::json::object{{"items", std::move(items)}});
}

Result<Response> answer_match_route(RequestContext& context) {
  GZ_ASSIGN_OR_RETURN(auto id, context.id_param("id"));
  GZ_ASSIGN_OR_RETURN(auto body, context.json_object());
  http::JsonReader reader(body);
  reader.only({"accept"});
  auto accept = reader.boolean("accept", Need::required);
  if (!reader.ok()) return reader.error();
  auto lease = context.pool.lease();
  GZ_ASSIGN_OR_RETURN(auto match,
                      answer_match(*lease, context.user(), id, *accept, now_epoch_ms()));
  return http::json_response(200, match_json(match));
}

Result<Response> match_service_route(RequestContext& context) {
  GZ_ASSIGN_OR_RETURN(auto id, context.id_param("id"));
  GZ_ASSIGN_OR_RETURN(auto body, context.json_object());
  http::JsonReader reader(body);
  reader.only({"service_date", "minutes", "note"});
  auto date = reader.text("service_date", Need::required, 10);
  auto minutes = reader.amount("minutes", Need::required, 1, 24 * 60);
  auto note = reader.text("note", Need::optional, 200);
  if (!reader.ok()) return reader.error();
  auto lease = context.pool.lease();
  GZ_ASSIGN_OR_RETURN(auto service, record_from_match(*lease, context.user(), id, *date, *minutes,
                                                      note, now_epoch_ms()));
  return http::json_response(201, service_json(service));
}

}  // namespace

void register_routes(http::Router& router) {
  using http::Access;
  router.add(
      {"POST",
       "/api/v1/timebank/services",
       Access::login,
       record_service_route,
       {"Record a service given (minutes move once the recipient confirms)", "timebank",
        "provider's household, guide, staff",
        R"({"provider_resident_id":12,"recipient_resident_id":34,"service_date":"2026-11-28","minutes":90,"service_type":"companionship"})",
        ""}});
  router.add({"GET",
              "/api/v1/timebank/services",
              Access::login,
              list_services_route,
              {"Time-bank service records", "timebank",
               "community members (residents: their household's)", "", "community_id, status"}});
  router.add({"POST",
              "/api/v1/timebank/services/{id}/confirm",
              Access::login,
              confirm_service_route,
              {"Confirm a service received; moves the minutes", "timebank",
               "recipient's household, guide, staff", "", ""}});
  router.add({"POST",
              "/api/v1/timebank/services/{id}/dispute",
              Access::login,
              dispute_service_route,
              {"Dispute a service record", "timebank", "recipient's household, guide, staff",
               R"({"note":"没有上门"})", ""}});
  router.add({"GET",
              "/api/v1/timebank/accounts/{resident_id}",
              Access::login,
              account_route,
              {"A member's banked minutes and statement", "timebank",
               "own household (resident), community members", "", ""}});
  router.add({"POST",
              "/api/v1/timebank/transfers",
              Access::login,
              transfer_route,
              {"Give banked minutes to a member of the same household", "timebank",
               "the member's household, staff",
               R"({"from_resident_id":12,"to_resident_id":13,"minutes":60})", ""}});
  router.add(
      {"POST",
       "/api/v1/timebank/posts",
       Access::login,
       create_post_route,
       {"Post an offer or a request of time-bank help for a member of one's household", "timebank",
        "the member's household, guide, staff",
        R"({"resident_id":12,"kind":"offer","service_type":"companionship","title":"陪老人聊天","details":"退休教师，喜欢下棋","availability":"工作日下午"})",
        ""}});
  router.add({"GET",
              "/api/v1/timebank/posts",
              Access::login,
              list_posts_route,
              {"Open offers and requests of the community, newest first (neighbours masked)",
               "timebank", "members of the community", "",
               "community_id, kind, service_type, building_id, mine, include_closed, limit"}});
  router.add({"POST",
              "/api/v1/timebank/posts/{id}/close",
              Access::login,
              close_post_route,
              {"Close a post (its household, or staff taking it down)", "timebank",
               "the poster's household, staff", "", ""}});
  router.add({"POST",
              "/api/v1/timebank/posts/{id}/responses",
              Access::login,
              respond_route,
              {"Answer a neighbour's post for a member of one's household", "timebank",
               "resident, guide, staff", R"({"resident_id":34,"message":"我周三下午有空"})", ""}});
  router.add({"GET",
              "/api/v1/timebank/responses",
              Access::login,
              list_matches_route,
              {"The answers to a post (post_id), or one's household's answers and the answers "
               "to its posts",
               "timebank", "the households involved, officials", "", "post_id"}});
  router.add({"POST",
              "/api/v1/timebank/responses/{id}/decision",
              Access::login,
              answer_match_route,
              {"Accept or decline an answer (accepting closes a request)", "timebank",
               "the poster's household", R"({"accept":true})", ""}});
  router.add({"POST",
              "/api/v1/timebank/responses/{id}/service",
              Access::login,
              match_service_route,
              {"Record the service of an accepted match; the recipient then confirms it",
               "timebank", "the provider's household, guide, staff",
               R"({"service_date":"2026-12-05","minutes":90})", ""}});
}

}  // namespace gz::timebank
