// HTTP routes of the data cockpit: decode the scope → load_snapshot → encode as JSON, or as
// one Server-Sent Event.
//
// About the stream: our HTTP layer sends complete responses (it never holds a connection open
// to push later), so GET /api/v1/cockpit/stream is SSE with server-closed streams. Each
// response is a `retry: 15000` line and one `event: snapshot`, and then it ends; the browser's
// EventSource treats the end as a dropped connection and reconnects after the retry delay,
// getting a fresh snapshot each time. Clients see a live feed that refreshes every 15 seconds
// while no connection or server thread is held between snapshots, which keeps the server
// stateless (several processes behind one proxy) and immune to slow readers.
#include "modules/cockpit/routes.hpp"

#include <boost/json.hpp>

#include "core/clock.hpp"
#include "http/json_io.hpp"
#include "modules/cockpit/snapshot.hpp"
#include "modules/cockpit/sse.hpp"
#include "storage/database.hpp"

namespace gz::cockpit {
namespace {

using http::RequestContext;
using http::Response;

constexpr std::int64_t kRetryMs = 15000;

boost::json::value number_or_null(const std::optional<double>& value) {
  return value ? boost::json::value(*value) : boost::json::value(nullptr);
}

// The same fields as GET /api/v1/indicators gives for each indicator.
boost::json::object indicator_json(const indicators::Indicator& indicator) {
  return {{"key", indicator.key},
          {"value", number_or_null(indicator.value)},
          {"target", indicator.target},
          {"comparison", indicator.comparison == indicators::Comparison::above ? ">" : "<"},
          {"status", indicators::status_name(indicator.status)},
          {"formula", indicator.formula},
          {"numerator", number_or_null(indicator.numerator)},
          {"denominator", number_or_null(indicator.denominator)}};
}

boost::json::object warning_json(const warnings::Warning& warning) {
  return {{"id", warning.id},
          {"community_id", warning.community_id},
          {"kind", warning.kind},
          {"subject", warning.subject},
          {"suggestion", warning.suggestion_zh},
          {"suggestion_en", warning.suggestion_en},
          {"raised_at", warning.raised_at}};
}

boost::json::object snapshot_json(const Snapshot& snapshot, const indicators::Scope& scope) {
  const auto& report = snapshot.indicators;
  boost::json::array communities, indicator_items, newest;
  for (auto id : report.community_ids) communities.push_back(id);
  for (const auto& indicator : report.indicators)
    indicator_items.push_back(indicator_json(indicator));
  for (const auto& warning : snapshot.newest_warnings) newest.push_back(warning_json(warning));
  boost::json::object body{
      {"generated_at", format_iso8601(snapshot.generated_ms)},
      {"community_ids", std::move(communities)},
      {"period", report.period.label},
      {"indicators", std::move(indicator_items)},
      {"warnings",
       boost::json::object{{"open", snapshot.open_warnings}, {"newest", std::move(newest)}}},
      {"requests_today",
       boost::json::object{{"received", snapshot.requests_today.received},
                           {"overdue_open", snapshot.requests_today.overdue_open}}},
      {"ledger", boost::json::object{{"seq", snapshot.ledger_head.seq},
                                     {"hash", snapshot.ledger_head.hash}}}};
  // Resources multiplied (basis points of the government's money): 10000 + others/government.
  const auto& funding = snapshot.funding;
  body["funding"] = boost::json::object{
      {"government", funding.government},
      {"others_received", funding.others_received},
      {"parties", funding.parties},
      {"multiplier_bp",
       funding.government > 0
           ? boost::json::value(10000 + funding.others_received * 10000 / funding.government)
           : boost::json::value(nullptr)}};
  if (scope.community_id) body["community_id"] = *scope.community_id;
  if (scope.street) body["street_id"] = *scope.street;
  return body;
}

// street_id (communities.street) when given, else community_id, else the actor's first
// community.
Result<indicators::Scope> scope_of(const RequestContext& context) {
  indicators::Scope scope;
  if (auto street = context.request.query_param("street_id"); street && !street->empty()) {
    if (context.request.query_param("community_id")) {
      return bad_request("missing_query", "give one of community_id and street_id, not both");
    }
    scope.street = *street;
    return scope;
  }
  auto community = context.community_param();
  if (!community) return community.take_error();
  scope.community_id = *community;
  return scope;
}

Result<boost::json::object> snapshot_for(RequestContext& context) {
  auto scope = scope_of(context);
  if (!scope) return scope.take_error();
  auto lease = context.pool.lease();
  auto snapshot = load_snapshot(*lease, context.user(), *scope, now_epoch_ms());
  if (!snapshot) return snapshot.take_error();
  return snapshot_json(*snapshot, *scope);
}

Result<Response> snapshot_route(RequestContext& context) {
  auto body = snapshot_for(context);
  if (!body) return body.error();
  return http::json_response(200, *body);
}

// One snapshot as a Server-Sent Event, after which the response ends (see the top of this
// file); errors stay JSON with their 4xx status, on which EventSource stops reconnecting.
Result<Response> stream_route(RequestContext& context) {
  auto body = snapshot_for(context);
  if (!body) return body.error();
  Response response;
  response.content_type = "text/event-stream; charset=utf-8";
  response.headers.emplace_back("Cache-Control", "no-cache");
  response.body = sse_retry(kRetryMs) + sse_event("snapshot", boost::json::serialize(*body));
  return response;
}

}  // namespace

void register_routes(http::Router& router) {
  router.add({"GET",
              "/api/v1/cockpit",
              http::Access::login,
              snapshot_route,
              {"The data cockpit's snapshot of a community or a street: the current quarter's "
               "indicators, open warnings (count and newest five), today's requests (received, "
               "overdue open) and the audit-chain head",
               "cockpit", "guide, staff, street, admin of the community or street", "",
               "community_id, street_id"}});
  router.add({"GET",
              "/api/v1/cockpit/stream",
              http::Access::login,
              stream_route,
              {"The cockpit snapshot as Server-Sent Events (text/event-stream): a `retry: 15000` "
               "line and one `event: snapshot` whose data is the JSON of GET /api/v1/cockpit. "
               "The server sends complete responses, so the stream ends after that one event and "
               "the browser's EventSource reconnects after the retry delay (15 s) for the next "
               "snapshot: SSE with server-closed streams, not a held-open connection",
               "cockpit", "guide, staff, street, admin of the community or street", "",
               "community_id, street_id"}});
}

}  // namespace gz::cockpit
