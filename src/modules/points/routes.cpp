// HTTP routes of the points bank: decode → command → encode.
#include "modules/points/routes.hpp"

#include <boost/json.hpp>

#include "core/clock.hpp"
#include "core/pii.hpp"
#include "core/qr.hpp"
#include "http/json_io.hpp"
#include "modules/ledger/ledger.hpp"
#include "modules/points/permissions.hpp"
#include "modules/points/points.hpp"
#include "modules/registry/permissions.hpp"
#include "storage/database.hpp"

namespace gz::points {
namespace {

using http::Need;
using http::RequestContext;
using http::Response;

boost::json::object item_json(const CatalogItem& item) {
  return {{"id", item.id},
          {"community_id", item.community_id},
          {"name", item.name},
          {"category", item.category},
          {"price_points", item.price_points},
          {"stock", http::json_or_null(item.stock_total)},
          {"stock_remaining", http::json_or_null(item.stock_remaining)},
          {"limit_per_resident", http::json_or_null(item.limit_per_resident)},
          {"limit_period", http::json_or_null(item.limit_period)},
          {"available_from", http::json_or_null(item.available_from)},
          {"available_until", http::json_or_null(item.available_until)}};
}

Result<Response> points_account_route(RequestContext& context) {
  auto id = context.id_param("resident_id");
  if (!id) return id.error();
  auto lease = context.pool.lease();
  auto view = account_view(*lease, context.user(), *id);
  if (!view) return view.error();
  return http::json_response(
      200,
      boost::json::object{{"resident_id", view->resident.id},
                          {"community_id", view->resident.community_id},
                          {"kind", ledger::kind_name(ledger::Kind::points)},
                          {"account_id", view->account.id ? boost::json::value(view->account.id)
                                                          : boost::json::value(nullptr)},
                          {"balance", view->account.balance},
                          {"earned", view->earned},
                          {"spent", view->spent}});
}

Result<Response> postings_route(RequestContext& context) {
  auto id = context.id_param("resident_id");
  if (!id) return id.error();
  GZ_ASSIGN_OR_RETURN(std::int64_t page, context.limit_param("limit", 50, 500));
  GZ_ASSIGN_OR_RETURN(auto before, context.int_query("before"));
  auto lease = context.pool.lease();
  auto view = account_view(*lease, context.user(), *id);
  if (!view) return view.error();
  boost::json::array items;
  // Staff's memos name people; residents and guides read them masked.
  const pii::Reader reader =
      registry::permissions::personal_data_reader(context.user(), view->resident.community_id);
  if (view->account.id) {
    auto statement = ledger::statement(*lease, view->account.id, page, before.value_or(INT64_MAX));
    for (auto& [posting, signed_amount] : statement.lines) {
      posting.memo = pii::text_for(reader, posting.memo);
      auto line = ledger::posting_json(posting);
      line["signed_amount"] = signed_amount;
      items.push_back(std::move(line));
    }
  }
  return http::json_response(200, boost::json::object{{"resident_id", *id},
                                                      {"balance", view->account.balance},
                                                      {"items", std::move(items)}});
}

Result<AwardInput> read_award(const boost::json::object& body) {
  http::JsonReader reader(body);
  reader.only({"resident_id", "rule", "quantity", "reference", "memo"});
  AwardInput input;
  input.resident_id = reader.integer("resident_id", Need::required, 1).value_or(0);
  input.rule = reader.text("rule", Need::required, 40).value_or("");
  input.quantity = reader.amount("quantity", Need::optional, 1, 100000).value_or(1);
  input.reference = reader.text("reference", Need::required, 100).value_or("");
  input.memo = reader.text("memo", Need::optional, 200);
  if (!reader.ok()) return reader.error();
  return input;
}

Result<Response> awards_route(RequestContext& context) {
  auto body = http::parse_json_object(context.request);
  if (!body) return body.error();
  std::vector<AwardInput> awards;
  bool batch = body->contains("awards");
  if (batch) {
    const auto& list = body->at("awards");
    if (!list.is_array() || body->size() != 1) {
      return bad_request("invalid_field", "'awards' must be an array of awards");
    }
    for (const auto& element : list.get_array()) {
      if (!element.is_object()) return bad_request("invalid_field", "each award is an object");
      auto award = read_award(element.get_object());
      if (!award) return award.error();
      awards.push_back(std::move(*award));
    }
  } else {
    auto award = read_award(*body);
    if (!award) return award.error();
    awards.push_back(std::move(*award));
  }
  auto lease = context.pool.lease();
  auto result = award(*lease, context.user(), awards, now_epoch_ms());
  if (!result) return result.error();
  if (!batch) {
    auto out = ledger::posting_json(result->front());
    out["resident_id"] = awards.front().resident_id;
    out["points"] = result->front().amount;
    out["balance"] =
        ledger::find_resident_account(*lease, ledger::Kind::points, awards.front().resident_id)
            ->balance;
    return http::json_response(201, out);
  }
  std::int64_t total = 0;
  for (const auto& posting : *result) total += posting.amount;
  return http::json_response(
      201, boost::json::object{{"postings", static_cast<std::int64_t>(result->size())},
                               {"points", total},
                               {"first_posting_id", result->front().id},
                               {"last_posting_id", result->back().id}});
}

Result<Response> catalog_list_route(RequestContext& context) {
  auto community = context.community_param();
  if (!community) return community.error();
  std::int64_t id = *community;
  auto lease = context.pool.lease();
  auto items = list_catalog(*lease, context.user(), id);
  if (!items) return items.error();
  boost::json::array out;
  for (const auto& item : *items) out.push_back(item_json(item));
  return http::json_response(200, boost::json::object{{"items", std::move(out)}});
}

Result<Response> catalog_add_route(RequestContext& context) {
  auto body = http::parse_json_object(context.request);
  if (!body) return body.error();
  http::JsonReader reader(*body);
  reader.only({"community_id", "name", "category", "price_points", "stock", "limit_per_resident",
               "limit_period", "available_from", "available_until"});
  CatalogItem item;
  item.community_id = reader.integer("community_id", Need::required, 1).value_or(0);
  item.name = reader.text("name", Need::required, 100).value_or("");
  item.category = reader.text("category", Need::required, 40).value_or("");
  item.price_points = reader.amount("price_points", Need::required, 1, 1'000'000).value_or(0);
  item.stock_total = reader.amount("stock", Need::optional, 0, 1'000'000'000);
  item.limit_per_resident = reader.amount("limit_per_resident", Need::optional, 1, 1'000'000);
  item.limit_period = reader.text("limit_period", Need::optional, 10);
  item.available_from = reader.text("available_from", Need::optional, 10);
  item.available_until = reader.text("available_until", Need::optional, 10);
  if (!reader.ok()) return reader.error();
  auto lease = context.pool.lease();
  auto result = add_catalog_item(*lease, context.user(), item);
  if (!result) return result.error();
  return http::json_response(201, item_json(*result));
}

Result<Response> redemption_route(RequestContext& context) {
  auto body = http::parse_json_object(context.request);
  if (!body) return body.error();
  http::JsonReader reader(*body);
  reader.only({"resident_id", "item_id", "quantity"});
  auto resident_id = reader.integer("resident_id", Need::required, 1);
  auto item_id = reader.integer("item_id", Need::required, 1);
  auto quantity = reader.amount("quantity", Need::optional, 1, 100).value_or(1);
  if (!reader.ok()) return reader.error();
  auto lease = context.pool.lease();
  auto result = redeem(*lease, context.user(), *resident_id, *item_id, quantity, now_epoch_ms());
  if (!result) return result.error();
  return http::json_response(
      201, boost::json::object{{"id", result->id},
                               {"resident_id", result->resident_id},
                               {"item_id", result->item_id},
                               {"quantity", result->quantity},
                               {"points", result->points},
                               {"posting_id", result->posting.id},
                               {"balance", result->balance_after},
                               {"stock_remaining", http::json_or_null(result->stock_remaining)},
                               {"voucher_code", result->voucher_code},
                               {"created_at", result->created_at}});
}

boost::json::object voucher_json(const Voucher& voucher) {
  return {{"redemption_id", voucher.redemption_id},
          {"community_id", voucher.community_id},
          {"code",
           voucher.code.empty() ? boost::json::value(nullptr) : boost::json::value(voucher.code)},
          {"item_id", voucher.item_id},
          {"item_name", voucher.item_name},
          {"quantity", voucher.quantity},
          {"points", voucher.points},
          {"resident_id", voucher.resident_id},
          {"resident_name", voucher.resident_name},
          {"created_at", voucher.created_at},
          {"used_at", http::json_or_null(voucher.used_at)},
          // valid | used | void
          {"state", voucher.void_     ? "void"
                    : voucher.used_at ? "used"
                                      : "valid"}};
}

Result<Response> voucher_route(RequestContext& context) {
  auto lease = context.pool.lease();
  GZ_ASSIGN_OR_RETURN(auto voucher,
                      check_voucher(*lease, context.user(), context.params.at("code")));
  return http::json_response(200, voucher_json(voucher));
}

Result<Response> voucher_use_route(RequestContext& context) {
  auto lease = context.pool.lease();
  GZ_ASSIGN_OR_RETURN(
      auto voucher, use_voucher(*lease, context.user(), context.params.at("code"), now_epoch_ms()));
  return http::json_response(200, voucher_json(voucher));
}

// The voucher's code as a QR image to show at the counter (the household and those who hand
// items out, as the voucher itself).
Result<Response> voucher_qr_route(RequestContext& context) {
  auto lease = context.pool.lease();
  GZ_ASSIGN_OR_RETURN(auto voucher,
                      check_voucher(*lease, context.user(), context.params.at("code")));
  auto matrix = qr_encode(voucher.code);
  if (!matrix) return bad_request("invalid_code", "the code cannot be drawn");
  Response response;
  response.content_type = "image/svg+xml";
  response.body = qr_svg(*matrix, 200);
  response.headers.emplace_back("Cache-Control", "private, no-store");
  return response;
}

Result<Response> resident_vouchers_route(RequestContext& context) {
  auto id = context.id_param("resident_id");
  if (!id) return id.error();
  auto lease = context.pool.lease();
  GZ_ASSIGN_OR_RETURN(auto vouchers, resident_vouchers(*lease, context.user(), *id));
  boost::json::array items;
  for (const auto& voucher : vouchers) items.push_back(voucher_json(voucher));
  return http::json_response(200, boost::json::object{{"items", std::move(items)}});
}

Result<Response> correction_route(RequestContext& context) {
  auto body = http::parse_json_object(context.request);
  if (!body) return body.error();
  http::JsonReader reader(*body);
  reader.only({"posting_id", "reason"});
  auto posting_id = reader.integer("posting_id", Need::required, 1);
  auto reason = reader.text("reason", Need::required, 500);
  if (!reader.ok()) return reader.error();
  auto lease = context.pool.lease();
  auto result = correct(*lease, context.user(), *posting_id, *reason, now_epoch_ms());
  if (!result) return result.error();
  return http::json_response(201, ledger::posting_json(*result));
}

Result<Response> rules_route(RequestContext& context) {
  auto community = context.community_param();
  if (!community) return community.error();
  std::int64_t id = *community;
  if (!is_member(context.user(), id)) return not_found("no community " + std::to_string(id));
  auto lease = context.pool.lease();
  boost::json::array out;
  for (const auto& rule : list_rules(*lease, id)) {
    out.push_back({{"rule", rule.rule},
                   {"name_zh", rule.name_zh},
                   {"unit", rule.unit == ledger::Unit::event ? "event" : "minute"},
                   {"points_per_unit", rule.points_per_unit}});
  }
  return http::json_response(200, boost::json::object{{"rules", std::move(out)}});
}

Result<Response> set_rule_route(RequestContext& context) {
  auto body = http::parse_json_object(context.request);
  if (!body) return body.error();
  http::JsonReader reader(*body);
  reader.only({"community_id", "rule", "name_zh", "unit", "points_per_unit"});
  auto community_id = reader.integer("community_id", Need::required, 1);
  Rule rule;
  rule.rule = reader.text("rule", Need::required, 40).value_or("");
  rule.name_zh = reader.text("name_zh", Need::required, 40).value_or("");
  auto unit = reader.text("unit", Need::required, 10);
  rule.points_per_unit = reader.amount("points_per_unit", Need::required, 1, 1000).value_or(0);
  if (!reader.ok()) return reader.error();
  if (*unit != "event" && *unit != "minute") {
    return bad_request("invalid_unit", "unit must be event or minute (points per hour)");
  }
  rule.unit = *unit == "event" ? ledger::Unit::event : ledger::Unit::minute;
  auto lease = context.pool.lease();
  auto result = set_rule(*lease, context.user(), *community_id, rule);
  if (!result) return result.error();
  return http::json_response(200,
                             boost::json::object{{"rule", result->rule},
                                                 {"name_zh", result->name_zh},
                                                 {"unit", *unit},
                                                 {"points_per_unit", result->points_per_unit}});
}

boost::json::object settings_json(std::int64_t community_id, const Settings& value) {
  return {{"community_id", community_id},
          {"expiry_months", http::json_or_null(value.expiry_months)},
          {"timebank_floor_minutes", value.timebank_floor_minutes}};
}

Result<Response> get_settings_route(RequestContext& context) {
  auto community = context.community_param();
  if (!community) return community.error();
  std::int64_t id = *community;
  if (!is_member(context.user(), id)) return not_found("no community " + std::to_string(id));
  auto lease = context.pool.lease();
  return http::json_response(200, settings_json(id, settings(*lease, id)));
}

Result<Response> set_settings_route(RequestContext& context) {
  auto body = http::parse_json_object(context.request);
  if (!body) return body.error();
  http::JsonReader reader(*body);
  reader.only({"community_id", "expiry_months", "timebank_floor_minutes"});
  auto community_id = reader.integer("community_id", Need::required, 1);
  Settings value;
  value.expiry_months = reader.integer("expiry_months", Need::optional, 1, 120);
  value.timebank_floor_minutes =
      reader.integer("timebank_floor_minutes", Need::optional, -6000, 0).value_or(-600);
  if (!reader.ok()) return reader.error();
  auto lease = context.pool.lease();
  auto result = set_settings(*lease, context.user(), *community_id, value);
  if (!result) return result.error();
  return http::json_response(200, settings_json(*community_id, *result));
}

// Periods: "2026" (year), "2026Q3" (quarter), "2026-11" (month); default: this year.
Result<std::pair<std::int64_t, std::int64_t>> period_bounds(
    const std::optional<std::string>& period) {
  auto parsed = Period::parse(period.value_or(format_date(now_epoch_ms()).substr(0, 4)));
  if (!parsed) return bad_request("invalid_period", "period must be like 2026, 2026Q3 or 2026-11");
  return std::pair{parsed->from_ms, parsed->to_ms};
}

Result<Response> leaderboard_route(RequestContext& context) {
  auto community = context.community_param();
  if (!community) return community.error();
  std::int64_t id = *community;
  auto bounds = period_bounds(context.request.query_param("period"));
  if (!bounds) return bounds.error();
  auto lease = context.pool.lease();
  auto rows = leaderboard(*lease, context.user(), id, bounds->first, bounds->second, 50);
  if (!rows) return rows.error();
  boost::json::array out;
  for (const auto& row : *rows) {
    out.push_back({{"rank", row.rank},
                   {"resident_id", http::json_or_null(row.resident_id)},
                   {"name", row.name},
                   {"points", row.points}});
  }
  return http::json_response(200, boost::json::object{{"community_id", id},
                                                      {"from", format_iso8601(bounds->first)},
                                                      {"to", format_iso8601(bounds->second)},
                                                      {"items", std::move(out)}});
}

Result<Response> optin_route(RequestContext& context) {
  auto body = http::parse_json_object(context.request);
  if (!body) return body.error();
  http::JsonReader reader(*body);
  reader.only({"resident_id", "show_name"});
  auto resident_id = reader.integer("resident_id", Need::required, 1);
  auto show = reader.boolean("show_name", Need::required);
  if (!reader.ok()) return reader.error();
  auto lease = context.pool.lease();
  auto result = set_leaderboard_optin(*lease, context.user(), *resident_id, *show);
  if (!result) return result.error();
  return http::json_response(
      200, boost::json::object{{"resident_id", *resident_id}, {"show_name", *show}});
}

}  // namespace

void register_routes(http::Router& router) {
  using http::Access;
  router.add({"GET",
              "/api/v1/points/accounts/{resident_id}",
              Access::login,
              points_account_route,
              {"A resident's points balance", "points",
               "own household (resident), community members", "", ""}});
  router.add({"GET",
              "/api/v1/points/accounts/{resident_id}/postings",
              Access::login,
              postings_route,
              {"A resident's points postings, newest first", "points",
               "own household (resident), community members", "", "limit, before"}});
  router.add(
      {"POST",
       "/api/v1/points/awards",
       Access::login,
       awards_route,
       {"Award points by rule (or a batch: {\"awards\":[...]}, all or nothing)", "points",
        "staff, guide",
        R"({"resident_id":12,"rule":"meeting","quantity":1,"reference":"meeting:2026-11-20"})",
        ""}});
  router.add({"GET",
              "/api/v1/points/rules",
              Access::login,
              rules_route,
              {"Earning rules of a community", "points", "community members", "", "community_id"}});
  router.add({"GET",
              "/api/v1/points/catalog",
              Access::login,
              catalog_list_route,
              {"The redemption catalogue", "points", "community members", "", "community_id"}});
  router.add(
      {"POST",
       "/api/v1/points/catalog",
       Access::login,
       catalog_add_route,
       {"Add a catalogue item", "points", "staff, admin",
        R"({"community_id":1,"name":"社区食堂餐券","category":"canteen_voucher","price_points":30,"stock":200,"limit_per_resident":4,"limit_period":"month"})",
        ""}});
  router.add(
      {"POST",
       "/api/v1/points/redemptions",
       Access::login,
       redemption_route,
       {"Redeem points for a catalogue item (409 out_of_stock, insufficient_points, limit_reached)",
        "points", "resident (own household), staff",
        R"({"resident_id":12,"item_id":3,"quantity":1})", ""}});
  router.add({"GET",
              "/api/v1/points/vouchers/{code}",
              Access::login,
              voucher_route,
              {"Check a redemption's voucher by its code (valid, used or void)", "points",
               "the household, guide, staff, admin", "", ""}});
  router.add({"POST",
              "/api/v1/points/vouchers/{code}/use",
              Access::login,
              voucher_use_route,
              {"Hand out what a voucher buys: marks it used, once (409 voucher_used, "
               "voucher_void)",
               "points", "guide, staff, admin", "", ""}});
  router.add({"GET",
              "/api/v1/points/vouchers/{code}/qr.svg",
              Access::login,
              voucher_qr_route,
              {"The voucher's code as a QR image (SVG)", "points",
               "the household, guide, staff, admin", "", ""}});
  router.add({"GET",
              "/api/v1/points/accounts/{resident_id}/redemptions",
              Access::login,
              resident_vouchers_route,
              {"A resident's redemptions with their vouchers, newest first", "points",
               "own household (resident), guide, staff, street, admin", "", ""}});
  router.add({"POST",
              "/api/v1/points/corrections",
              Access::login,
              correction_route,
              {"Correct a posting with a reversing posting", "points", "staff, admin",
               R"({"posting_id":41,"reason":"重复录入"})", ""}});
  router.add({"GET",
              "/api/v1/points/leaderboard",
              Access::login,
              leaderboard_route,
              {"Points earned per resident in a period; names only for those who opted in",
               "points", "community members", "", "community_id, period"}});
  router.add({"PUT",
              "/api/v1/points/leaderboard/optin",
              Access::login,
              optin_route,
              {"Choose whether your name appears on the leaderboard", "points", "resident",
               R"({"resident_id":12,"show_name":true})", ""}});
  router.add(
      {"PUT",
       "/api/v1/points/rules",
       Access::login,
       set_rule_route,
       {"Set a community's earning rule (unit event: points per event; minute: points per hour)",
        "points", "staff, admin",
        R"({"community_id":1,"rule":"volunteer","name_zh":"志愿服务","unit":"minute","points_per_unit":6})",
        ""}});
  router.add({"GET",
              "/api/v1/points/settings",
              Access::login,
              get_settings_route,
              {"Points expiry and the time-bank debt cap of a community", "points",
               "community members", "", "community_id"}});
  router.add({"PUT",
              "/api/v1/points/settings",
              Access::login,
              set_settings_route,
              {"Set points expiry (months, or null for never) and the time-bank debt cap", "points",
               "staff, admin",
               R"({"community_id":1,"expiry_months":24,"timebank_floor_minutes":-600})", ""}});
}

}  // namespace gz::points
