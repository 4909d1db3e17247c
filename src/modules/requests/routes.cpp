// HTTP routes of the requests module: decode → command → encode.
#include "modules/requests/routes.hpp"

#include <boost/json.hpp>

#include "core/clock.hpp"
#include "http/json_io.hpp"
#include "modules/requests/calendar_store.hpp"
#include "modules/requests/sla.hpp"
#include "storage/database.hpp"
#include "storage/transact.hpp"

namespace gz::requests {
namespace {

using http::Need;
using http::RequestContext;
using http::Response;

std::optional<CurrentDeadline> deadline_now(const Request& request, std::int64_t now_ms) {
  return current_deadline(is_open(request.status), request.responded_ms.has_value(),
                          request.response_due_ms, request.resolution_due_ms, now_ms);
}

bool overdue_now(const Request& request, std::int64_t now_ms) {
  auto deadline = deadline_now(request, now_ms);
  return deadline && deadline->overdue;
}

// {kind, due_at, overdue}: the deadline the case works against now (sla.hpp), or null once
// it is no longer open. Pages count down to due_at and colour by overdue.
// `provisional`: counted on days the working-day calendar does not cover yet (the next year's
// holidays not loaded), so the due instant may still move when they are.
boost::json::value deadline_json(const Request& request, std::int64_t now_ms,
                                 const WorkCalendar& calendar) {
  auto deadline = deadline_now(request, now_ms);
  if (!deadline) return nullptr;
  return boost::json::object{
      {"kind", deadline_kind_name(deadline->kind)},
      {"due_at", format_iso8601(deadline->due_ms)},
      {"overdue", deadline->overdue},
      {"provisional", !deadlines_official(calendar, request.received_ms, deadline->due_ms)}};
}

boost::json::array events_json(const std::vector<Event>& events, bool with_actor) {
  boost::json::array out;
  for (const auto& event : events) {
    boost::json::object item{{"at", event.at},
                             {"action", event.action},
                             {"from_status", http::json_or_null(event.from_status)},
                             {"status", event.to_status},
                             {"note", http::json_or_null(event.note)},
                             {"by", event.actor_role}};
    if (with_actor) {
      item["actor_user_id"] = http::json_or_null(event.actor_user_id);
      item["public"] = event.is_public;
    }
    out.push_back(std::move(item));
  }
  return out;
}

Result<std::optional<Priority>> read_priority(const std::optional<std::string>& text) {
  if (!text) return std::optional<Priority>{};
  auto priority = parse_priority(*text);
  if (!priority) return bad_request("invalid_priority", "priority must be red, yellow or blue");
  return std::optional<Priority>{*priority};
}

Result<Response> submit_route(RequestContext& context) {
  auto body = http::parse_json_object(context.request);
  if (!body) return body.error();
  http::JsonReader reader(*body);
  reader.only({"community_id", "category", "description", "priority", "household_id", "location",
               "latitude", "longitude", "channel", "received_at", "contact_name", "contact_phone"});
  NewRequest input;
  input.community_id = reader.integer("community_id", Need::optional, 1);
  input.category = reader.text("category", Need::required, 40).value_or("");
  input.description = reader.text("description", Need::required, 2000).value_or("");
  auto priority_text = reader.text("priority", Need::optional, 10);
  input.household_id = reader.integer("household_id", Need::optional, 1);
  input.location = reader.text("location", Need::optional, 200);
  input.latitude = reader.text("latitude", Need::optional, 20);
  input.longitude = reader.text("longitude", Need::optional, 20);
  input.channel = reader.text("channel", Need::optional, 20)
                      .value_or(context.user().is(Role::resident) ? "app" : "phone");
  auto received_at = reader.text("received_at", Need::optional, 40);
  input.contact_name = reader.text("contact_name", Need::optional, 40);
  input.contact_phone = reader.text("contact_phone", Need::optional, 20);
  if (!reader.ok()) return reader.error();
  auto priority = read_priority(priority_text);
  if (!priority) return priority.error();
  input.priority = *priority;
  if (received_at) {
    auto parsed = parse_iso8601(*received_at);
    if (!parsed) return parsed.error();
    input.received_ms = *parsed;
  }
  auto lease = context.pool.lease();
  // The write joins the group commit: one durable commit for all submissions arriving together.
  auto result =
      submit_request(*lease, context.user(), input, now_epoch_ms(), [&](const WriteStep& step) {
        context.pool.write_grouped([&](storage::Connection& connection) {
          storage::with_transaction(connection, storage::TxMode::write, [&] { step(connection); });
        });
      });
  if (!result) return result.error();
  return http::json_response(
      201, boost::json::object{{"id", result->id},
                               {"tracking_code", result->tracking_code},
                               {"priority", priority_name(result->priority)},
                               {"triage_note", http::json_or_null(result->triage_note)},
                               {"status", status_name(result->status)},
                               {"received_at", format_iso8601(result->received_ms)},
                               {"response_due_at", format_iso8601(result->response_due_ms)},
                               {"resolution_due_at", format_iso8601(result->resolution_due_ms)}});
}

Result<Response> list_route(RequestContext& context) {
  RequestFilter filter;
  for (const char* name : {"community_id", "assignee", "household_id", "page", "page_size"}) {
    auto value = context.int_query(name);
    if (!value) return value.error();
    if (!*value) continue;
    std::string key = name;
    if (key == "community_id") filter.community_id = **value;
    if (key == "assignee") filter.assignee_user_id = **value;
    if (key == "household_id") filter.household_id = **value;
    if (key == "page") filter.page = **value;
    if (key == "page_size") filter.page_size = **value;
  }
  if (auto q = context.request.query_param("q"); q && !q->empty()) {
    if (q->size() > 100) return bad_request("invalid_query", "q is at most 100 bytes");
    filter.q = *q;
  }
  if (auto status = context.request.query_param("status")) {
    filter.status = parse_status(*status);
    if (!filter.status) return bad_request("invalid_query", "unknown status '" + *status + "'");
  }
  if (auto priority = context.request.query_param("priority")) {
    filter.priority = parse_priority(*priority);
    if (!filter.priority)
      return bad_request("invalid_query", "priority must be red, yellow or blue");
  }
  if (auto overdue = context.request.query_param("overdue")) {
    if (*overdue != "true" && *overdue != "false") {
      return bad_request("invalid_query", "overdue must be true or false");
    }
    filter.overdue = *overdue == "true";
  }
  filter.category = context.request.query_param("category");
  filter.referral = context.request.query_param("referral");
  auto lease = context.pool.lease();
  auto result = list_requests(*lease, context.user(), filter);
  auto calendar = current_calendar(*lease);
  if (!result) return result.error();
  boost::json::array items;
  for (const auto& request : result->items) {
    items.push_back(request_json(request, *calendar));
  }
  return http::json_response(200, boost::json::object{{"items", std::move(items)},
                                                      {"total", result->total},
                                                      {"page", result->page},
                                                      {"page_size", result->page_size}});
}

Result<Response> get_route(RequestContext& context, const std::vector<DetailField>& fields) {
  auto id = context.id_param("id");
  if (!id) return id.error();
  auto lease = context.pool.lease();
  auto result = get_request(*lease, context.user(), *id);
  if (!result) return result.error();
  auto out = request_json(*result, *current_calendar(*lease));
  out["events"] = events_json(result->events, !context.user().is(Role::resident));
  boost::json::array referrals;
  for (const auto& referral : result->referrals) {
    referrals.push_back(
        boost::json::object{{"id", referral.id},
                            {"level", referral.level},
                            {"department", http::json_or_null(referral.department)},
                            {"receiver", referral.receiver},
                            {"reason", referral.reason},
                            {"status", referral.status},
                            {"referred_at", format_iso8601(referral.referred_ms)},
                            {"answered_at", http::time_or_null(referral.answered_ms)},
                            {"answer_note", http::json_or_null(referral.answer_note)}});
  }
  out["referrals"] = std::move(referrals);
  // What the modules above add (the photos); never on the public page.
  for (const auto& field : fields) out[field.name] = field.value(*lease, *id);
  return http::json_response(200, out);
}

Result<Response> transition_route(RequestContext& context) {
  auto id = context.id_param("id");
  if (!id) return id.error();
  auto body = http::parse_json_object(context.request);
  if (!body) return body.error();
  http::JsonReader reader(*body);
  reader.only(
      {"action", "note", "assignee", "department", "duplicate_of", "priority", "version", "level"});
  auto action_text = reader.text("action", Need::required, 30);
  TransitionInput input;
  input.note = reader.text("note", Need::optional, 1000);
  input.assignee_user_id = reader.integer("assignee", Need::optional, 1);
  input.assignee_department = reader.text("department", Need::optional, 40);
  input.duplicate_of = reader.integer("duplicate_of", Need::optional, 1);
  auto priority_text = reader.text("priority", Need::optional, 10);
  input.expected_version = reader.integer("version", Need::optional, 1);
  input.referral_level = reader.text("level", Need::optional, 20);
  if (!reader.ok()) return reader.error();
  auto action = parse_action(*action_text);
  if (!action) {
    return bad_request("invalid_action",
                       "action must be one of accept, assign, start, resolve, close, reopen, "
                       "mark_duplicate, reject, cancel, comment, set_priority, refer, "
                       "accept_referral, return_referral");
  }
  input.action = *action;
  auto priority = read_priority(priority_text);
  if (!priority) return priority.error();
  input.priority = *priority;
  auto lease = context.pool.lease();
  auto result = transition_request(*lease, context.user(), *id, input, now_epoch_ms());
  if (!result) return result.error();
  return http::json_response(200, request_json(*result, *current_calendar(*lease)));
}

Result<Response> rating_route(RequestContext& context) {
  auto id = context.id_param("id");
  if (!id) return id.error();
  auto body = http::parse_json_object(context.request);
  if (!body) return body.error();
  http::JsonReader reader(*body);
  reader.only({"score", "comment"});
  auto score = reader.integer("score", Need::required, 1, 5);
  auto comment = reader.text("comment", Need::optional, 500);
  if (!reader.ok()) return reader.error();
  auto lease = context.pool.lease();
  auto result =
      rate_request(*lease, context.user(), *id, static_cast<int>(*score), comment, now_epoch_ms());
  if (!result) return result.error();
  return http::json_response(200, request_json(*result, *current_calendar(*lease)));
}

Result<Response> track_route(RequestContext& context) {
  auto lease = context.pool.lease();
  // One snapshot: the status and the timeline agree (and SQLite takes its read lock once).
  std::string category_name;
  std::shared_ptr<const WorkCalendar> calendar;
  auto result = storage::transact(*lease, storage::TxMode::read, [&]() -> Result<Request> {
    auto found = track_request(*lease, context.params.at("code"));
    if (!found) return found;
    auto category = find_category(*lease, found->community_id, found->category);
    category_name = category ? category->name_zh : found->category;
    calendar = current_calendar(*lease);
    return found;
  });
  if (!result) return result.error();
  std::int64_t now_ms = now_epoch_ms();
  return http::json_response(
      200, boost::json::object{{"tracking_code", result->tracking_code},
                               {"category", result->category},
                               {"category_name", category_name},
                               {"status", status_name(result->status)},
                               {"priority", priority_name(result->priority)},
                               {"received_at", format_iso8601(result->received_ms)},
                               {"response_due_at", format_iso8601(result->response_due_ms)},
                               {"resolution_due_at", format_iso8601(result->resolution_due_ms)},
                               {"responded_at", http::time_or_null(result->responded_ms)},
                               {"resolved_at", http::time_or_null(result->resolved_ms)},
                               {"closed_at", http::time_or_null(result->closed_ms)},
                               {"overdue", overdue_now(*result, now_ms)},
                               {"deadline", deadline_json(*result, now_ms, *calendar)},
                               {"rated", result->rating.has_value()},
                               {"timeline", events_json(result->events, false)}});
}

// Dates as YYYY-MM-DD (Shanghai days; `to` inclusive) or full ISO 8601 times.
Result<std::int64_t> read_bound(const std::optional<std::string>& text, bool end,
                                std::int64_t fallback) {
  if (!text) return fallback;
  int year;
  unsigned month, day;
  if (parse_date(*text, year, month, day)) {
    return shanghai_midnight_ms(days_from_civil(year, month, day) + (end ? 1 : 0));
  }
  auto parsed = parse_iso8601(*text);
  if (!parsed) return bad_request("invalid_query", "from/to must be YYYY-MM-DD or ISO 8601 times");
  return *parsed;
}

boost::json::object rate_json(const Rate& rate) {
  auto value = rate.value();
  return {{"value", value ? boost::json::value(*value) : boost::json::value(nullptr)},
          {"numerator", rate.numerator},
          {"denominator", rate.denominator}};
}

Result<Response> stats_route(RequestContext& context) {
  auto community_id = context.int_query("community_id");
  if (!community_id) return community_id.error();
  if (!*community_id) return bad_request("missing_query", "community_id is required");
  std::int64_t now_ms = now_epoch_ms();
  auto from = read_bound(context.request.query_param("from"), false, now_ms - 365 * kDayMs);
  if (!from) return from.error();
  auto to = read_bound(context.request.query_param("to"), true, now_ms + 1);
  if (!to) return to.error();
  auto lease = context.pool.lease();
  auto result = request_stats(*lease, context.user(), **community_id, *from, *to, now_ms);
  if (!result) return result.error();
  auto median = result->median_working_days_to_resolve;
  return http::json_response(
      200, boost::json::object{{"community_id", **community_id},
                               {"from", format_iso8601(*from)},
                               {"to", format_iso8601(*to)},
                               {"received", result->received},
                               {"response_rate", rate_json(result->response)},
                               {"resolution_rate", rate_json(result->resolution)},
                               {"satisfaction_rate", rate_json(result->satisfaction)},
                               {"overdue", result->overdue},
                               {"resolved", result->resolved_count},
                               {"median_working_days_to_resolve",
                                median ? boost::json::value(*median) : boost::json::value(nullptr)},
                               {"definitions",
                                {{"response_rate",
                                  "first responses within the deadline / requests responded to or "
                                  "past their response deadline (cancelled excluded)"},
                                 {"resolution_rate",
                                  "resolved or closed / requests resolved or past their resolution "
                                  "deadline (cancelled, duplicates and referrals excluded)"},
                                 {"satisfaction_rate", "ratings of 4-5 / all ratings"}}}});
}

boost::json::value score_json(const std::optional<double>& score) {
  return score ? boost::json::value(*score) : boost::json::value(nullptr);
}

Result<Response> league_route(RequestContext& context) {
  auto street = context.int_query("street_id");
  if (!street) return street.error();
  if (!*street) return bad_request("missing_query", "street_id is required");
  std::int64_t now_ms = now_epoch_ms();
  std::string month =
      context.request.query_param("month").value_or(format_date(now_ms).substr(0, 7));
  GZ_ASSIGN_OR_RETURN(auto months, context.limit_param("months", 6, 12));
  auto lease = context.pool.lease();
  GZ_ASSIGN_OR_RETURN(auto league, league_table(*lease, context.user(), **street, month,
                                                static_cast<int>(months), now_ms));
  boost::json::array out_months;
  for (const auto& one : league.months) {
    boost::json::array rows;
    for (const auto& row : one.rows) {
      rows.push_back(boost::json::object{{"community_id", row.community_id},
                                         {"community_name", row.community_name},
                                         {"received", row.stats.received},
                                         {"response_rate", rate_json(row.stats.response)},
                                         {"resolution_rate", rate_json(row.stats.resolution)},
                                         {"satisfaction_rate", rate_json(row.stats.satisfaction)},
                                         {"overdue", row.stats.overdue},
                                         {"referred", row.referred},
                                         {"referrals_returned", row.referrals_returned},
                                         {"score", score_json(row.score)},
                                         {"rank", row.rank}});
    }
    out_months.push_back(boost::json::object{{"month", one.month}, {"rows", std::move(rows)}});
  }
  return http::json_response(
      200, boost::json::object{
               {"street_id", league.street_id},
               {"street_name", league.street_name},
               {"weights", {{"response", 0.2}, {"resolution", 0.4}, {"satisfaction", 0.4}}},
               {"months", std::move(out_months)}});
}

Result<Response> categories_route(RequestContext& context) {
  auto community = context.community_param();
  if (!community) return community.error();
  std::int64_t id = *community;
  if (id != 0 && !context.user().belongs_to(id))
    return not_found("no community " + std::to_string(id));
  auto lease = context.pool.lease();
  boost::json::array categories;
  for (const auto& category : list_categories(*lease, id)) {
    categories.push_back({{"code", category.code},
                          {"name_zh", category.name_zh},
                          {"name_en", category.name_en},
                          {"default_priority", priority_name(category.default_priority)},
                          {"resolution_working_days", category.resolution_working_days},
                          {"is_complaint", category.is_complaint}});
  }
  boost::json::array departments;
  for (const auto& department : list_departments(*lease, id)) {
    departments.push_back({{"code", department.code},
                           {"name_zh", department.name_zh},
                           {"name_en", department.name_en}});
  }
  return http::json_response(200, boost::json::object{{"categories", std::move(categories)},
                                                      {"departments", std::move(departments)}});
}

Result<Response> set_category_route(RequestContext& context) {
  auto body = http::parse_json_object(context.request);
  if (!body) return body.error();
  http::JsonReader reader(*body);
  reader.only({"community_id", "code", "name_zh", "name_en", "default_priority",
               "resolution_working_days", "is_complaint", "active"});
  auto community_id = reader.integer("community_id", Need::required, 1);
  Category category;
  category.code = reader.text("code", Need::required, 40).value_or("");
  category.name_zh = reader.text("name_zh", Need::required, 40).value_or("");
  category.name_en = reader.text("name_en", Need::required, 80).value_or("");
  auto priority_text = reader.text("default_priority", Need::required, 10);
  category.resolution_working_days = static_cast<int>(
      reader.integer("resolution_working_days", Need::required, 1, 60).value_or(0));
  category.is_complaint = reader.boolean("is_complaint", Need::optional).value_or(false);
  bool active = reader.boolean("active", Need::optional).value_or(true);
  if (!reader.ok()) return reader.error();
  auto priority = parse_priority(*priority_text);
  if (!priority)
    return bad_request("invalid_priority", "default_priority must be red, yellow or blue");
  category.default_priority = *priority;
  auto lease = context.pool.lease();
  auto result = set_category(*lease, context.user(), *community_id, category, active);
  if (!result) return result.error();
  return http::json_response(
      200, boost::json::object{{"code", result->code},
                               {"name_zh", result->name_zh},
                               {"default_priority", priority_name(result->default_priority)},
                               {"resolution_working_days", result->resolution_working_days},
                               {"active", active}});
}

Result<Response> add_triage_rule_route(RequestContext& context) {
  auto body = http::parse_json_object(context.request);
  if (!body) return body.error();
  http::JsonReader reader(*body);
  reader.only({"community_id", "keyword", "priority", "note"});
  auto community_id = reader.integer("community_id", Need::required, 1);
  TriageRuleInput rule;
  rule.keyword = reader.text("keyword", Need::required, 20).value_or("");
  auto priority_text = reader.text("priority", Need::required, 10);
  rule.note = reader.text("note", Need::required, 200).value_or("");
  if (!reader.ok()) return reader.error();
  auto priority = parse_priority(*priority_text);
  if (!priority) return bad_request("invalid_priority", "priority must be red, yellow or blue");
  rule.priority = *priority;
  auto lease = context.pool.lease();
  auto result = add_triage_rule(*lease, context.user(), *community_id, rule);
  if (!result) return result.error();
  return http::json_response(201, boost::json::object{{"id", *result},
                                                      {"keyword", rule.keyword},
                                                      {"priority", priority_name(rule.priority)}});
}

Result<Response> add_department_route(RequestContext& context) {
  auto body = http::parse_json_object(context.request);
  if (!body) return body.error();
  http::JsonReader reader(*body);
  reader.only({"community_id", "code", "name_zh", "name_en"});
  auto community_id = reader.integer("community_id", Need::required, 1);
  Department department;
  department.code = reader.text("code", Need::required, 40).value_or("");
  department.name_zh = reader.text("name_zh", Need::required, 40).value_or("");
  department.name_en = reader.text("name_en", Need::required, 80).value_or("");
  if (!reader.ok()) return reader.error();
  auto lease = context.pool.lease();
  auto result = add_department(*lease, context.user(), *community_id, department);
  if (!result) return result.error();
  return http::json_response(
      201, boost::json::object{{"code", result->code}, {"name_zh", result->name_zh}});
}

Result<Response> calendar_put_route(RequestContext& context) {
  auto lease = context.pool.lease();
  auto result = load_calendar(*lease, context.user(), context.request.body, "api");
  if (!result) return result.error();
  boost::json::array years;
  for (int year : result->years) years.push_back(year);
  return http::json_response(
      200, boost::json::object{{"years", years},
                               {"holidays", result->holidays},
                               {"workdays", result->workdays},
                               {"deadlines_recomputed", result->deadlines_recomputed}});
}

Result<Response> calendar_get_route(RequestContext& context) {
  auto year = context.int_query("year");
  if (!year) return year.error();
  auto lease = context.pool.lease();
  auto calendar = current_calendar(*lease);
  boost::json::array years;
  for (int covered : calendar->years()) years.push_back(covered);
  boost::json::object holidays, workdays;
  auto collect = [&](const std::map<std::int64_t, std::string>& days, boost::json::object& out) {
    for (const auto& [day, name] : days) {
      std::string date = day_text(day);
      if (!*year || date.rfind(std::to_string(**year) + "-", 0) == 0) out[date] = name;
    }
  };
  collect(calendar->holidays(), holidays);
  collect(calendar->workdays(), workdays);
  auto coverage = calendar_coverage(*calendar, now_epoch_ms());
  return http::json_response(
      200, boost::json::object{
               {"years", years},
               {"holidays", holidays},
               {"workdays", workdays},
               {"covered_through", coverage.covered_through_day
                                       ? boost::json::value(format_date(
                                             shanghai_midnight_ms(*coverage.covered_through_day)))
                                       : boost::json::value(nullptr)},
               {"covers_next_60_days", coverage.ok}});
}

}  // namespace

boost::json::object request_json(const Request& request, const WorkCalendar& calendar) {
  std::int64_t now_ms = now_epoch_ms();
  boost::json::object out{{"id", request.id},
                          {"community_id", request.community_id},
                          {"tracking_code", request.tracking_code},
                          {"category", request.category},
                          {"description", request.description},
                          {"priority", priority_name(request.priority)},
                          {"priority_source", request.priority_source},
                          {"triage_note", http::json_or_null(request.triage_note)},
                          {"status", status_name(request.status)},
                          {"channel", request.channel},
                          {"household_id", http::json_or_null(request.household_id)},
                          {"location", http::json_or_null(request.location)},
                          {"latitude", http::json_or_null(request.latitude)},
                          {"longitude", http::json_or_null(request.longitude)},
                          {"received_at", format_iso8601(request.received_ms)},
                          {"response_due_at", format_iso8601(request.response_due_ms)},
                          {"resolution_due_at", format_iso8601(request.resolution_due_ms)},
                          {"responded_at", http::time_or_null(request.responded_ms)},
                          {"resolved_at", http::time_or_null(request.resolved_ms)},
                          {"closed_at", http::time_or_null(request.closed_ms)},
                          {"assignee_user_id", http::json_or_null(request.assignee_user_id)},
                          {"assignee_name", http::json_or_null(request.assignee_name)},
                          {"assignee_department", http::json_or_null(request.assignee_department)},
                          {"duplicate_of", http::json_or_null(request.duplicate_of)},
                          {"overdue", overdue_now(request, now_ms)},
                          {"deadline", deadline_json(request, now_ms, calendar)},
                          {"escalated", request.overdue_response || request.overdue_resolution},
                          {"rating", request.rating ? boost::json::value(*request.rating)
                                                    : boost::json::value(nullptr)},
                          {"rating_comment", http::json_or_null(request.rating_comment)},
                          {"version", request.version}};
  // Masked by the use case for readers without personal-data rights.
  out["contact_name"] = http::json_or_null(request.contact_name);
  out["contact_phone"] = http::json_or_null(request.contact_phone);
  return out;
}

void register_routes(http::Router& router, std::vector<DetailField> detail_fields) {
  using http::Access;
  router.add(
      {"POST",
       "/api/v1/requests",
       Access::login,
       submit_route,
       {"Submit a request (诉求); triaged red/yellow/blue with deadlines and a tracking code",
        "requests", "resident (own household), guide, staff, admin",
        R"({"category":"water_leak","description":"楼上漏水到我家厨房","location":"3号楼2单元201"})",
        ""}});
  router.add(
      {"GET",
       "/api/v1/requests",
       Access::login,
       list_route,
       {"The request queue: overdue first, then priority (residents: their own)", "requests",
        "any logged-in user", "",
        "community_id, status, priority, overdue, assignee, household_id, category, referral, q, "
        "page, page_size"}});
  router.add(
      {"GET",
       "/api/v1/requests/categories",
       Access::login,
       categories_route,
       {"Request categories with their default priority and resolution days, and departments",
        "requests", "any logged-in user", "", "community_id"}});
  router.add(
      {"GET",
       "/api/v1/requests/stats",
       Access::login,
       stats_route,
       {"Response, resolution and satisfaction rates (三率), overdue count, median working days",
        "requests", "guide, staff, street, admin", "", "community_id, from, to"}});
  router.add({"GET",
              "/api/v1/requests/league",
              Access::login,
              league_route,
              {"The street's league table: each community's three rates, referrals and score, "
               "ranked, month by month (newest first)",
               "requests", "street, admin", "", "street_id, month (YYYY-MM), months (1-12)"}});
  router.add(
      {"GET",
       "/api/v1/requests/{id}",
       Access::login,
       [fields = std::move(detail_fields)](RequestContext& context) {
         return get_route(context, fields);
       },
       {"One request with its events", "requests", "its resident, community members", "", ""}});
  router.add({"POST",
              "/api/v1/requests/{id}/transitions",
              Access::login,
              transition_route,
              {"Move a request through the workflow (409 when the state does not allow it)",
               "requests", "by action: staff, guide, the resident who asked",
               R"({"action":"assign","assignee":12,"note":"请指导员上门查看","version":2})", ""}});
  router.add({"POST",
              "/api/v1/requests/{id}/rating",
              Access::login,
              rating_route,
              {"Rate a resolved request 1-5 once (1-2 reopens it)", "requests",
               "the resident who asked; staff recording a follow-up call",
               R"({"score":5,"comment":"很及时"})", ""}});
  router.add({"GET",
              "/api/v1/track/{code}",
              Access::open,
              track_route,
              {"Public progress of a request by tracking code, without personal data", "requests",
               "anyone", "", ""},
              false,
              /*quick=*/true});

  router.add({"GET",
              "/api/v1/calendar",
              Access::open,
              calendar_get_route,
              {"The working-day calendar in force (holidays and make-up workdays)", "requests",
               "anyone", "", "year"}});
  router.add({"PUT",
              "/api/v1/calendar",
              Access::login,
              calendar_put_route,
              {"Load a year's calendar file (replaces the years it covers)", "requests", "admin",
               R"({"years":[2027],"holidays":{"2027-01-01":"元旦"},"workdays":{}})", ""}});
  router.add(
      {"PUT",
       "/api/v1/requests/categories",
       Access::login,
       set_category_route,
       {"Set a community's own version of a category (priority, resolution days, complaint flag)",
        "requests", "staff, admin",
        R"({"community_id":1,"code":"elevator","name_zh":"电梯故障","name_en":"Elevator fault","default_priority":"red","resolution_working_days":2})",
        ""}});
  router.add(
      {"POST",
       "/api/v1/requests/triage-rules",
       Access::login,
       add_triage_rule_route,
       {"Add a keyword that raises a request's priority in a community", "requests", "staff, admin",
        R"({"community_id":1,"keyword":"被困","priority":"red","note":"有人被困，按紧急处理"})",
        ""}});
  router.add(
      {"POST",
       "/api/v1/requests/departments",
       Access::login,
       add_department_route,
       {"Add a department requests may be assigned to", "requests", "staff, admin",
        R"({"community_id":1,"code":"water_company","name_zh":"自来水公司","name_en":"Water company"})",
        ""}});
}

}  // namespace gz::requests
