// HTTP routes of the plan lifecycle, plan execution and the public board: decode → command →
// encode. The lifecycle routes answer under /api/v1/plans/{id}/… and, as first published,
// under /api/v1/allocation/plans/{id}/…; both run the same handlers.
#include "modules/transparency/routes.hpp"

#include <boost/json.hpp>

#include "core/clock.hpp"
#include "http/json_io.hpp"
#include "modules/transparency/notice_page.hpp"
#include "modules/transparency/pb_plan.hpp"
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
  // When the notice ends and whether objections are still taken, by the server's one rule:
  // pages show these, never their own arithmetic on the browser's clock.
  out["notice_ends_at"] = status.notice_ends_ms
                              ? boost::json::value(format_iso8601(*status.notice_ends_ms))
                              : boost::json::value(nullptr);
  out["objections_open"] = status.objections_open;
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

boost::json::object spending_json(const Spending& spending) {
  return {{"id", spending.id},
          {"plan_id", spending.plan_id},
          {"category", spending.category},
          {"amount", spending.amount},
          {"purpose", spending.purpose},
          {"payee_category", spending.payee_category},
          {"receipt_ref", spending.receipt_ref},
          {"spent_on", spending.spent_on},
          {"corrects_id", http::json_or_null(spending.corrects_id)},
          {"households", spending.households},
          {"created_at", spending.created_at}};
}

boost::json::object evaluation_json(const Evaluation& evaluation) {
  return {{"id", evaluation.id},
          {"plan_id", evaluation.plan_id},
          {"kind", evaluation.kind},
          {"evaluator", evaluation.evaluator},
          {"summary", evaluation.summary},
          {"score", http::json_or_null(evaluation.score)},
          {"report_ref", http::json_or_null(evaluation.report_ref)},
          {"created_at", evaluation.created_at}};
}

boost::json::object satisfaction_json(const Satisfaction& satisfaction) {
  boost::json::array distribution;
  for (auto count : satisfaction.distribution) distribution.push_back(count);
  return {{"served_households", satisfaction.served_households},
          {"responses", satisfaction.responses},
          {"distribution", std::move(distribution)},
          {"mean_hundredths", satisfaction.mean_hundredths},
          {"satisfied_bp", satisfaction.satisfied_bp}};
}

std::int64_t share_bp(std::int64_t part, std::int64_t whole) {
  return whole > 0 ? (part * 10000 + whole / 2) / whole : 0;
}

boost::json::object board_json(const PlanBoard& board) {
  boost::json::array labels, values, progress, spending, evaluations, feedback, history;
  for (const auto& line : board.progress.lines) {
    labels.push_back(boost::json::value(line.category));
    values.push_back(line.planned);
    boost::json::object item{{"category", line.category},
                             {"planned", line.planned},
                             {"spent", line.spent},
                             {"spent_bp", share_bp(line.spent, line.planned)},
                             {"households_served", line.households_served},
                             {"households_covered", line.households_covered},
                             {"households_targeted", http::json_or_null(line.households_targeted)}};
    item["coverage_bp"] =
        line.households_targeted
            ? boost::json::value(share_bp(line.households_covered, *line.households_targeted))
            : boost::json::value(nullptr);
    progress.push_back(std::move(item));
  }
  for (const auto& record : board.spending) spending.push_back(spending_json(record));
  for (const auto& evaluation : board.evaluations)
    evaluations.push_back(evaluation_json(evaluation));
  for (const auto& objection : board.feedback) feedback.push_back(objection_json(objection));
  for (const auto& event : board.history) {
    history.push_back(boost::json::object{{"id", event.id},
                                          {"action", event.action},
                                          {"from", event.from_stage},
                                          {"to", event.to_stage},
                                          {"note", event.note},
                                          {"created_at", event.created_at}});
  }
  const auto& totals = board.progress;
  return {{"plan", status_json(board.plan)},
          {"allocation",
           boost::json::object{{"labels", std::move(labels)}, {"values", std::move(values)}}},
          {"progress", std::move(progress)},
          {"totals", boost::json::object{{"planned", totals.planned},
                                         {"spent", totals.spent},
                                         {"spent_bp", share_bp(totals.spent, totals.planned)},
                                         {"households_served", totals.households_served},
                                         {"delivered_units", totals.delivered_units},
                                         {"misallocated_units", totals.misallocated_units},
                                         {"misallocation_bp", share_bp(totals.misallocated_units,
                                                                       totals.delivered_units)}}},
          {"spending", std::move(spending)},
          {"evaluations", std::move(evaluations)},
          {"feedback", std::move(feedback)},
          {"objections",
           boost::json::object{{"objecting_households", board.objections.objecting_households},
                               {"households", board.objections.households},
                               {"threshold_bp", board.objections.threshold_bp},
                               {"third_party_required", board.objections.third_party_required},
                               {"third_party_recorded", board.objections.third_party_recorded}}},
          {"satisfaction", satisfaction_json(board.satisfaction)},
          {"history", std::move(history)}};
}

Result<Response> transition_route(RequestContext& context) {
  GZ_ASSIGN_OR_RETURN(std::int64_t id, context.id_param("id"));
  GZ_ASSIGN_OR_RETURN(auto body, context.json_object());
  http::JsonReader reader(body);
  reader.only({"action", "note"});
  auto action = reader.text("action", Need::required, 40);
  auto note = reader.text("note", Need::required, 2000);
  if (!reader.ok()) return reader.error();
  auto lease = context.pool.lease();
  auto result = transition(*lease, context.user(), id, *action, *note, now_epoch_ms());
  if (!result) return result.error();
  return http::json_response(200, status_json(*result));
}

Result<Response> objection_route(RequestContext& context) {
  GZ_ASSIGN_OR_RETURN(std::int64_t id, context.id_param("id"));
  GZ_ASSIGN_OR_RETURN(auto body, context.json_object());
  http::JsonReader reader(body);
  reader.only({"text"});
  auto text = reader.text("text", Need::required, 2000);
  if (!reader.ok()) return reader.error();
  auto lease = context.pool.lease();
  auto result = file_objection(*lease, context.user(), id, *text, now_epoch_ms());
  if (!result) return result.error();
  return http::json_response(201, objection_json(*result));
}

Result<Response> answers_route(RequestContext& context) {
  GZ_ASSIGN_OR_RETURN(std::int64_t id, context.id_param("id"));
  GZ_ASSIGN_OR_RETURN(auto body, context.json_object());
  http::JsonReader reader(body);
  reader.only({"objection_ids", "answer"});
  auto answer = reader.text("answer", Need::required, 4000);
  if (!reader.ok()) return reader.error();
  std::vector<std::int64_t> ids;
  const auto* field = body.if_contains("objection_ids");
  if (!field || !field->is_array()) {
    return bad_request("invalid_field", "objection_ids must be an array of objection ids");
  }
  for (const auto& item : field->get_array()) {
    if (!item.is_int64() || item.get_int64() < 1) {
      return bad_request("invalid_field", "objection_ids must be an array of objection ids");
    }
    ids.push_back(item.get_int64());
  }
  auto lease = context.pool.lease();
  auto result = answer_objections(*lease, context.user(), id, ids, *answer, now_epoch_ms());
  if (!result) return result.error();
  boost::json::array items;
  for (const auto& objection : *result) items.push_back(objection_json(objection));
  return http::json_response(200, boost::json::object{{"items", std::move(items)}});
}

Result<Response> answer_route(RequestContext& context) {
  auto objection_id = context.id_param("oid");
  if (!objection_id) return objection_id.error();
  GZ_ASSIGN_OR_RETURN(std::int64_t id, context.id_param("id"));
  GZ_ASSIGN_OR_RETURN(auto body, context.json_object());
  http::JsonReader reader(body);
  reader.only({"answer"});
  auto answer = reader.text("answer", Need::required, 4000);
  if (!reader.ok()) return reader.error();
  auto lease = context.pool.lease();
  auto result =
      answer_objection(*lease, context.user(), id, *objection_id, *answer, now_epoch_ms());
  if (!result) return result.error();
  return http::json_response(200, objection_json(*result));
}

Result<std::vector<std::int64_t>> household_list(const boost::json::object& body) {
  std::vector<std::int64_t> out;
  const auto* field = body.if_contains("household_ids");
  if (!field || field->is_null()) return out;
  if (!field->is_array()) {
    return bad_request("invalid_field", "household_ids must be an array of household ids");
  }
  for (const auto& item : field->get_array()) {
    if (!item.is_int64() || item.get_int64() < 1) {
      return bad_request("invalid_field", "household_ids must be an array of household ids");
    }
    out.push_back(item.get_int64());
  }
  return out;
}

Result<Response> spending_route(RequestContext& context) {
  GZ_ASSIGN_OR_RETURN(std::int64_t id, context.id_param("id"));
  GZ_ASSIGN_OR_RETURN(auto body, context.json_object());
  http::JsonReader reader(body);
  reader.only({"category", "amount", "purpose", "payee_category", "receipt_ref", "spent_on",
               "household_ids", "corrects_id"});
  SpendingInput input;
  auto corrects = reader.integer("corrects_id", Need::optional, 1);
  Need need = corrects ? Need::optional : Need::required;
  auto category = reader.text("category", need, 100);
  auto amount = reader.amount("amount", need, 1);
  auto purpose = reader.text("purpose", Need::required, 500);
  auto payee = reader.text("payee_category", need, 40);
  auto receipt = reader.text("receipt_ref", need, 200);
  auto spent_on = reader.text("spent_on", Need::optional, 10);
  if (!reader.ok()) return reader.error();
  auto households = household_list(body);
  if (!households) return households.error();
  input.category = category.value_or("");
  input.amount = amount.value_or(0);
  input.purpose = *purpose;
  input.payee_category = payee.value_or("");
  input.receipt_ref = receipt.value_or("");
  input.spent_on = spent_on;
  input.household_ids = std::move(*households);
  input.corrects_id = corrects;
  if (input.corrects_id && (!input.household_ids.empty() || category || amount)) {
    return bad_request("invalid_correction",
                       "a correction names only corrects_id and purpose (the reason)");
  }
  auto lease = context.pool.lease();
  auto result = record_spending(*lease, context.user(), id, input, now_epoch_ms());
  if (!result) return result.error();
  return http::json_response(201, spending_json(*result));
}

Result<Response> spending_list_route(RequestContext& context) {
  auto id = context.id_param("id");
  if (!id) return id.error();
  auto limit = context.int_query("limit");
  if (!limit) return limit.error();
  auto lease = context.pool.lease();
  auto result =
      list_spending(*lease, context.user(), *id,
                    static_cast<int>(std::clamp<std::int64_t>(limit->value_or(100), 1, 500)));
  if (!result) return result.error();
  boost::json::array items;
  for (const auto& record : *result) items.push_back(spending_json(record));
  return http::json_response(200, boost::json::object{{"items", std::move(items)}});
}

Result<Response> evaluation_route(RequestContext& context) {
  GZ_ASSIGN_OR_RETURN(std::int64_t id, context.id_param("id"));
  GZ_ASSIGN_OR_RETURN(auto body, context.json_object());
  http::JsonReader reader(body);
  reader.only({"kind", "evaluator", "summary", "score", "report_ref"});
  EvaluationInput input;
  auto kind = reader.text("kind", Need::required, 20);
  auto evaluator = reader.text("evaluator", Need::required, 100);
  auto summary = reader.text("summary", Need::required, 4000);
  input.score = reader.integer("score", Need::optional, 0, 100);
  input.report_ref = reader.text("report_ref", Need::optional, 200);
  if (!reader.ok()) return reader.error();
  input.kind = *kind;
  input.evaluator = *evaluator;
  input.summary = *summary;
  auto lease = context.pool.lease();
  auto result = record_evaluation(*lease, context.user(), id, input, now_epoch_ms());
  if (!result) return result.error();
  return http::json_response(201, evaluation_json(*result));
}

Result<Response> rating_route(RequestContext& context) {
  GZ_ASSIGN_OR_RETURN(std::int64_t id, context.id_param("id"));
  GZ_ASSIGN_OR_RETURN(auto body, context.json_object());
  http::JsonReader reader(body);
  reader.only({"score", "comment"});
  auto score = reader.integer("score", Need::required, 1, 5);
  auto comment = reader.text("comment", Need::optional, 1000);
  if (!reader.ok()) return reader.error();
  auto lease = context.pool.lease();
  auto result = rate_plan(*lease, context.user(), id, *score, comment, now_epoch_ms());
  if (!result) return result.error();
  return http::json_response(201, satisfaction_json(*result));
}

boost::json::object settings_json(const Settings& settings) {
  return {{"community_id", settings.community_id},
          {"notice_days", settings.notice_days},
          {"objection_threshold_bp", settings.objection_threshold_bp}};
}

Result<Response> settings_get_route(RequestContext& context) {
  auto community = context.community_param();
  if (!community) return community.error();
  auto lease = context.pool.lease();
  auto result = get_settings(*lease, context.user(), *community);
  if (!result) return result.error();
  return http::json_response(200, settings_json(*result));
}

Result<Response> settings_put_route(RequestContext& context) {
  auto community = context.community_param();
  if (!community) return community.error();
  auto body = http::parse_json_object(context.request);
  if (!body) return body.error();
  http::JsonReader reader(*body);
  reader.only({"notice_days", "objection_threshold_bp"});
  auto days = reader.integer("notice_days", Need::required);
  auto threshold = reader.integer("objection_threshold_bp", Need::required);
  if (!reader.ok()) return reader.error();
  auto lease = context.pool.lease();
  auto result = set_settings(*lease, context.user(), {*community, *days, *threshold});
  if (!result) return result.error();
  return http::json_response(200, settings_json(*result));
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

Result<Response> notices_route(RequestContext& context) {
  auto community = required_community(context);
  if (!community) return community.error();
  auto lease = context.pool.lease();
  auto notices = public_notices(*lease, *community, now_epoch_ms());
  if (!notices) return notices.error();
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

Result<Response> community_resources_route(RequestContext& context) {
  auto community = required_community(context);
  if (!community) return community.error();
  auto lease = context.pool.lease();
  auto resources = community_resources(*lease, *community, now_epoch_ms());
  if (!resources) return resources.error();
  boost::json::object out;
  if (resources->current) {
    out = board_json(*resources->current);
  } else {
    out = {{"plan", nullptr},
           {"allocation", boost::json::object{{"labels", boost::json::array{}},
                                              {"values", boost::json::array{}}}},
           {"progress", boost::json::array{}},
           {"feedback", boost::json::array{}},
           {"history", boost::json::array{}}};
  }
  out["community_id"] = *community;
  boost::json::array plans;
  for (const auto& plan : resources->plans) plans.push_back(status_json(plan));
  out["plans"] = std::move(plans);
  return http::json_response(200, out);
}

Result<Response> public_plan_route(RequestContext& context) {
  auto id = context.id_param("id");
  if (!id) return id.error();
  auto lease = context.pool.lease();
  auto board = public_plan(*lease, *id, now_epoch_ms());
  if (!board) return board.error();
  return http::json_response(200, board_json(*board));
}

Result<Response> print_route(RequestContext& context) {
  auto id = context.id_param("id");
  if (!id) return id.error();
  auto lease = context.pool.lease();
  auto now_ms = now_epoch_ms();
  auto board = public_plan(*lease, *id, now_ms);
  if (!board) return board.error();
  auto community =
      lease->query_one("SELECT name FROM communities WHERE id = ?", {board->plan.community_id});
  NoticePageInput input{&*board, community ? community->text(0) : "",
                        notice_url(context.request, board->plan.plan_id), now_ms,
                        context.request.query_param("lang").value_or("zh") == "en"};
  Response response;
  response.content_type = "text/html; charset=utf-8";
  response.body = render_notice_page(input);
  // Inline styles and an inline SVG only: nothing to fetch, nothing to run.
  response.headers.emplace_back("Content-Security-Policy",
                                "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
                                "frame-ancestors 'none'; base-uri 'none'; form-action 'none'");
  response.headers.emplace_back("Cache-Control", "no-cache");
  return response;
}

Result<Response> pb_plan_route(RequestContext& context) {
  auto id = context.id_param("id");
  if (!id) return id.error();
  std::optional<std::string> rule;
  if (!context.request.body.empty()) {
    auto body = http::parse_json_object(context.request);
    if (!body) return body.error();
    http::JsonReader reader(*body);
    reader.only({"rule"});
    rule = reader.text("rule", Need::optional, 40);
    if (!reader.ok()) return reader.error();
  }
  auto lease = context.pool.lease();
  auto result = plan_from_election(*lease, context.user(), *id, rule, now_epoch_ms());
  if (!result) return result.error();
  return http::json_response(201, status_json(*result));
}

}  // namespace

void register_routes(http::Router& router) {
  using http::Access;
  for (const char* prefix : {"/api/v1/plans", "/api/v1/allocation/plans"}) {
    std::string base(prefix);
    router.add({"POST",
                base + "/{id}/transitions",
                Access::login,
                transition_route,
                {"Move a plan through its lifecycle (publish, open_vote, assess, submit_review, "
                 "approve, close); 409 notice_period_running, objections_unanswered, "
                 "third_party_evaluation_required, final_evaluation_missing, invalid_transition",
                 "transparency", "staff (approve: street), admin",
                 R"({"action":"publish","note":"公示于社区公告栏与线上"})", ""}});
    router.add({"POST",
                base + "/{id}/objections",
                Access::login,
                objection_route,
                {"Object to a plan during its public notice", "transparency",
                 "residents of the community", R"({"text":"助老份额偏少"})", ""}});
    router.add({"POST",
                base + "/{id}/objections/{oid}/answer",
                Access::login,
                answer_route,
                {"Answer an objection publicly (once)", "transparency", "staff, admin",
                 R"({"answer":"已按需求评估调整"})", ""}});
    router.add({"POST",
                base + "/{id}/objections/answers",
                Access::login,
                answers_route,
                {"Answer several objections that say the same thing with one public answer "
                 "(all or none; 409 already_answered)",
                 "transparency", "staff, admin",
                 R"({"objection_ids":[31,32,33],"answer":"已按需求评估调整"})", ""}});
  }
  router.add(
      {"POST",
       "/api/v1/plans/{id}/spending",
       Access::login,
       spending_route,
       {"Record spending against a plan line while it executes, with the households served; "
        "or reverse one record (corrects_id). 409 not_executing, line_overspent, "
        "already_corrected",
        "transparency", "staff, admin",
        R"({"category":"elderly_care","amount":120000,"purpose":"助餐补贴","payee_category":"service_provider","receipt_ref":"FP-2026-0193","household_ids":[12,15]})",
        ""}});
  router.add({"GET",
              "/api/v1/plans/{id}/spending",
              Access::login,
              spending_list_route,
              {"A plan's spending records, newest first", "transparency",
               "guide, staff, street, admin", "", "limit"}});
  router.add(
      {"POST",
       "/api/v1/plans/{id}/evaluations",
       Access::login,
       evaluation_route,
       {"Record the third-party evaluation (public notice, council vote) or the final "
        "evaluation (executing); once each",
        "transparency", "staff, admin",
        R"({"kind":"third_party","evaluator":"某社工评估中心","summary":"…","score":82})", ""}});
  router.add({"POST",
              "/api/v1/plans/{id}/ratings",
              Access::login,
              rating_route,
              {"Satisfaction (1-5) of a household the closed plan served; once per household",
               "transparency", "residents served", R"({"score":5,"comment":"送餐准时"})", ""}});
  router.add({"POST",
              "/api/v1/pb/elections/{id}/plan",
              Access::login,
              pb_plan_route,
              {"Turn a closed budgeting election's funded projects into a draft plan (fen, one "
               "line per project) for public notice; 409 voting_not_closed, plan_exists",
               "transparency", "staff, admin", R"({"rule":"equal_shares"})", ""}});
  router.add({"GET",
              "/api/v1/transparency/settings",
              Access::login,
              settings_get_route,
              {"The community's public-notice rules", "transparency", "guide, staff, street, admin",
               "", "community_id"}});
  router.add({"PUT",
              "/api/v1/transparency/settings",
              Access::login,
              settings_put_route,
              {"Set the notice length (7-60 days) and the objection threshold (basis points "
               "of households)",
               "transparency", "staff, admin", R"({"notice_days":10,"objection_threshold_bp":500})",
               "community_id"}});
  router.add({"GET",
              "/api/v1/public/notices",
              Access::open,
              notices_route,
              {"Plans on public notice and after: state, days left, objections and answers "
               "(no personal data)",
               "transparency", "anyone, no login", "", "community_id"}});
  router.add({"GET",
              "/api/v1/public/plans/{id}",
              Access::open,
              public_plan_route,
              {"One plan past draft as the board shows it: progress, coverage, spending, "
               "evaluations, objections, satisfaction, history",
               "transparency", "anyone, no login", "", ""}});
  router.add({"GET",
              "/api/v1/public/plans/{id}/print",
              Access::open,
              print_route,
              {"The printable notice (HTML for the notice board) with a QR code to the online "
               "notice",
               "transparency", "anyone, no login", "", "lang"}});
  router.add({"GET",
              "/api/community-resources",
              Access::open,
              community_resources_route,
              {"The transparency board: the current plan's allocation, progress, coverage, "
               "spending, answered objections and history, and every plan past draft",
               "transparency", "anyone, no login", "", "community_id"}});
}

}  // namespace gz::transparency
