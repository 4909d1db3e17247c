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
}

}  // namespace gz::timebank
