// HTTP routes of the property trust fund (信托制物业) and public-revenue sharing: decode →
// use case → encode. Money is in fen, shares and adjustments in basis points, mean scores in
// hundredths. Who may call each route is in trust_fund.hpp and revenue.hpp.
#include "modules/property/routes.hpp"

#include <boost/json.hpp>

#include "core/amount.hpp"
#include "core/clock.hpp"
#include "http/json_io.hpp"
#include "modules/ledger/ledger.hpp"
#include "modules/property/revenue.hpp"
#include "modules/property/trust_fund.hpp"
#include "storage/database.hpp"

namespace gz::property {
namespace {

using http::Need;
using http::RequestContext;
using http::Response;

constexpr std::int64_t kMaxLimit = 5000;

boost::json::value opt(const std::optional<std::int64_t>& value) {
  return http::json_or_null(value);
}

boost::json::object settings_json(const Settings& settings) {
  const auto& a = settings.adjustment;
  return {
      {"community_id", settings.community_id},
      {"base_fee_fen", opt(settings.base_fee_fen)},
      {"fee_basis", settings.fee_per_m2_fen ? "floor_area_month" : "household_month"},
      {"fee_per_m2_fen", opt(settings.fee_per_m2_fen)},
      {"adjustment",
       boost::json::object{{"neutral_score", a.neutral_score},
                           {"up_bp_per_point", a.up_bp_per_point},
                           {"down_bp_per_point", a.down_bp_per_point},
                           {"cap_up_bp", a.cap_up_bp},
                           {"cap_down_bp", a.cap_down_bp},
                           {"rule",
                            "分数每高于中性分1分上调up_bp_per_point个基点，每低1分下调"
                            "down_bp_per_point个基点，上下限各不超过10%（1000基点），四舍五入"}}},
      {"notice_days", settings.notice_days},
      {"committee_quorum_bp", settings.committee_quorum_bp},
      {"committee_min_members", kCommitteeMin},
      {"min_response_bp", settings.min_response_bp}};
}

boost::json::object fee_json(const QuarterFee& fee) {
  return {{"quarter", fee.quarter},
          {"base_fee_fen", fee.base_fee_fen},
          {"evaluated_quarter", fee.evaluated_quarter},
          {"evaluations", fee.evaluations},
          {"mean_score_centi", opt(fee.mean_score_centi)},
          {"responses_needed", fee.responses_needed},
          {"responses_sufficient", fee.evaluations >= fee.responses_needed},
          {"adjustment_bp", fee.adjustment_bp},
          {"monthly_fee_fen", fee.monthly_fee_fen},
          {"fee_per_m2_fen", opt(fee.fee_per_m2_fen)},
          {"bills_by_area", fee.bills_by_area},
          {"bills", fee.bills},
          {"billed_fen", fee.billed_fen}};
}

boost::json::object posting_json(const ledger::NamedPosting& line) {
  const auto& posting = line.posting;
  return {{"id", posting.id},
          {"debit", line.debit},
          {"credit", line.credit},
          {"amount_fen", posting.amount},
          {"code", posting.code},
          {"reference", posting.reference.value_or("")},
          {"memo", http::json_or_null(posting.memo)},
          {"created_at", posting.created_at}};
}

boost::json::object expense_json(const Expense& expense) {
  return {{"id", expense.id},
          {"community_id", expense.community_id},
          {"amount_fen", expense.amount_fen},
          {"category", expense.category},
          {"payee_category", expense.payee_category},
          {"receipt_ref", expense.receipt_ref},
          {"purpose", expense.purpose},
          {"spent_on", expense.spent_on},
          {"status", expense.status},
          {"approved_by_committee", expense.decided_by_committee && expense.status == "approved"},
          {"decision_note", http::json_or_null(expense.decision_note)},
          {"decided_at", http::json_or_null(expense.decided_at)},
          {"posting_id", opt(expense.posting_id)},
          {"created_at", expense.created_at},
          {"approvals", expense.approvals},
          {"rejections", expense.rejections},
          {"committee_size", expense.committee_size},
          {"approvals_needed", expense.approvals_needed},
          {"my_vote", http::json_or_null(expense.my_vote)}};
}

boost::json::object meeting_json(const AssessmentMeeting& meeting) {
  return {{"id", meeting.id},
          {"community_id", meeting.community_id},
          {"quarter", meeting.quarter},
          {"held_at", meeting.held_at},
          {"committee_present", meeting.committee_present},
          {"attendees", meeting.attendees},
          {"minutes", meeting.minutes},
          {"created_at", meeting.created_at}};
}

boost::json::object rule_json(const RevenueRule& rule) {
  boost::json::array shares;
  for (const auto& share : rule.shares) {
    shares.push_back(
        boost::json::object{{"destination", share.destination}, {"share_bp", share.share_bp}});
  }
  return {{"id", rule.id},
          {"community_id", rule.community_id},
          {"source", rule.source},
          {"version", rule.version},
          {"notice", rule.notice},
          {"shares", std::move(shares)},
          {"published_at", rule.published_at},
          {"effective_on", rule.effective_on},
          {"status", rule.status}};
}

boost::json::object income_json(const Income& income) {
  boost::json::array shares;
  for (const auto& share : income.shares) {
    shares.push_back(boost::json::object{{"destination", share.destination},
                                         {"share_bp", share.share_bp},
                                         {"amount_fen", share.amount_fen},
                                         {"posting_id", opt(share.posting_id)}});
  }
  return {{"id", income.id},
          {"community_id", income.community_id},
          {"source", income.source},
          {"amount_fen", income.amount_fen},
          {"received_on", income.received_on},
          {"receipt_ref", income.receipt_ref},
          {"payer_category", income.payer_category},
          {"rule_id", income.rule_id},
          {"rule_version", income.rule_version},
          {"shares", std::move(shares)},
          {"created_at", income.created_at}};
}

// The community_id of a body, or the caller's first community when absent.
std::int64_t body_community(http::JsonReader& reader, const RequestContext& context) {
  auto given = reader.integer("community_id", Need::optional, 1);
  if (given) return *given;
  const auto& communities = context.user().community_ids;
  return communities.empty() ? 0 : communities.front();
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
  GZ_ASSIGN_OR_RETURN(auto body, context.json_object());
  http::JsonReader reader(body);
  reader.only({"community_id", "base_fee_fen", "neutral_score", "up_bp_per_point",
               "down_bp_per_point", "cap_up_bp", "cap_down_bp", "notice_days",
               "committee_quorum_bp", "min_response_bp", "fee_per_m2_fen"});
  std::int64_t community_id = body_community(reader, context);
  auto base = reader.amount("base_fee_fen", Need::required);
  auto neutral = reader.integer("neutral_score", Need::optional);
  auto up = reader.integer("up_bp_per_point", Need::optional);
  auto down = reader.integer("down_bp_per_point", Need::optional);
  auto cap_up = reader.integer("cap_up_bp", Need::optional);
  auto cap_down = reader.integer("cap_down_bp", Need::optional);
  auto notice_days = reader.integer("notice_days", Need::optional);
  auto quorum = reader.integer("committee_quorum_bp", Need::optional);
  auto min_response = reader.integer("min_response_bp", Need::optional);
  bool per_m2_given = reader.has("fee_per_m2_fen");
  auto per_m2 = reader.integer("fee_per_m2_fen", Need::optional);
  if (!reader.ok()) return reader.error();
  auto lease = context.pool.lease();
  // Fields left out keep their current values.
  Settings settings = load_settings(*lease, community_id);
  settings.base_fee_fen = base;
  auto& a = settings.adjustment;
  a.neutral_score = neutral.value_or(a.neutral_score);
  a.up_bp_per_point = up.value_or(a.up_bp_per_point);
  a.down_bp_per_point = down.value_or(a.down_bp_per_point);
  a.cap_up_bp = cap_up.value_or(a.cap_up_bp);
  a.cap_down_bp = cap_down.value_or(a.cap_down_bp);
  settings.notice_days = notice_days.value_or(settings.notice_days);
  settings.committee_quorum_bp = quorum.value_or(settings.committee_quorum_bp);
  settings.min_response_bp = min_response.value_or(settings.min_response_bp);
  if (per_m2_given) settings.fee_per_m2_fen = per_m2;  // null: back to the fee per household
  auto result = set_settings(*lease, context.user(), settings);
  if (!result) return result.error();
  return http::json_response(200, settings_json(*result));
}

Result<Response> committee_route(RequestContext& context) {
  GZ_ASSIGN_OR_RETURN(auto body, context.json_object());
  http::JsonReader reader(body);
  reader.only({"community_id", "user_id"});
  std::int64_t community_id = body_community(reader, context);
  auto user_id = reader.integer("user_id", Need::required, 1);
  if (!reader.ok()) return reader.error();
  auto lease = context.pool.lease();
  auto result =
      add_committee_member(*lease, context.user(), community_id, *user_id, now_epoch_ms());
  if (!result) return result.error();
  return http::json_response(201, boost::json::object{{"community_id", result->community_id},
                                                      {"user_id", result->user_id},
                                                      {"display_name", result->display_name}});
}

Result<Response> issue_bills_route(RequestContext& context) {
  GZ_ASSIGN_OR_RETURN(auto body, context.json_object());
  http::JsonReader reader(body);
  reader.only({"community_id", "quarter"});
  std::int64_t community_id = body_community(reader, context);
  auto quarter = reader.text("quarter", Need::required, 10);
  if (!reader.ok()) return reader.error();
  auto lease = context.pool.lease();
  auto result = issue_bills(*lease, context.user(), community_id, *quarter, now_epoch_ms());
  if (!result) return result.error();
  return http::json_response(201, fee_json(*result));
}

Result<Response> bills_route(RequestContext& context) {
  auto community = context.community_param();
  if (!community) return community.error();
  auto limit = context.limit_param("limit", 500, kMaxLimit);
  if (!limit) return limit.error();
  auto lease = context.pool.lease();
  auto result = list_bills(*lease, context.user(), *community,
                           context.request.query_param("quarter"), *limit);
  if (!result) return result.error();
  boost::json::array items;
  for (const auto& bill : *result) {
    boost::json::object item{{"id", bill.id},
                             {"household_id", bill.household_id},
                             {"quarter", bill.quarter},
                             {"amount_fen", bill.amount_fen},
                             {"paid", bill.paid_on.has_value()},
                             {"paid_on", http::json_or_null(bill.paid_on)},
                             {"posting_id", opt(bill.posting_id)}};
    if (!bill.household_code.empty()) item["household_code"] = bill.household_code;
    items.push_back(std::move(item));
  }
  return http::json_response(200, boost::json::object{{"items", std::move(items)}});
}

Result<Response> payments_route(RequestContext& context) {
  GZ_ASSIGN_OR_RETURN(auto body, context.json_object());
  http::JsonReader reader(body);
  reader.only({"bill_ids", "paid_on"});
  auto paid_on = reader.text("paid_on", Need::optional, 10);
  if (!reader.ok()) return reader.error();
  std::vector<std::int64_t> bill_ids;
  const auto* field = body.if_contains("bill_ids");
  if (!field || !field->is_array()) {
    return bad_request("invalid_bills", "bill_ids must be an array of bill ids");
  }
  for (const auto& item : field->get_array()) {
    if (!item.is_int64() || item.get_int64() < 1) {
      return bad_request("invalid_bills", "bill_ids must be an array of bill ids");
    }
    bill_ids.push_back(item.get_int64());
  }
  auto lease = context.pool.lease();
  auto result = record_payments(*lease, context.user(), bill_ids, paid_on, now_epoch_ms());
  if (!result) return result.error();
  boost::json::array paid(result->paid.begin(), result->paid.end());
  boost::json::array already(result->already_paid.begin(), result->already_paid.end());
  boost::json::object out{{"paid", std::move(paid)},
                          {"already_paid", std::move(already)},
                          {"amount_fen", result->amount_fen}};
  out["posting"] = result->posting ? boost::json::value(posting_json(*result->posting))
                                   : boost::json::value(nullptr);
  return http::json_response(result->posting ? 201 : 200, out);
}

Result<Response> expense_route(RequestContext& context) {
  GZ_ASSIGN_OR_RETURN(auto body, context.json_object());
  http::JsonReader reader(body);
  reader.only({"community_id", "amount_fen", "category", "payee_category", "receipt_ref", "purpose",
               "spent_on"});
  ExpenseInput input;
  input.community_id = body_community(reader, context);
  auto amount = reader.amount("amount_fen", Need::required, 1);
  auto category = reader.text("category", Need::required, 40);
  auto payee = reader.text("payee_category", Need::required, 40);
  auto receipt = reader.text("receipt_ref", Need::required, 80);
  auto purpose = reader.text("purpose", Need::required, 1000);
  auto spent_on = reader.text("spent_on", Need::required, 10);
  if (!reader.ok()) return reader.error();
  input.amount_fen = *amount;
  input.category = *category;
  input.payee_category = *payee;
  input.receipt_ref = *receipt;
  input.purpose = *purpose;
  input.spent_on = *spent_on;
  auto lease = context.pool.lease();
  auto result = record_expense(*lease, context.user(), input, now_epoch_ms());
  if (!result) return result.error();
  return http::json_response(201, expense_json(*result));
}

Result<Response> decision_route(RequestContext& context) {
  auto id = context.id_param("id");
  if (!id) return id.error();
  GZ_ASSIGN_OR_RETURN(auto body, context.json_object());
  http::JsonReader reader(body);
  reader.only({"decision", "note"});
  auto decision = reader.text("decision", Need::required, 20);
  auto note = reader.text("note", Need::optional, 2000);
  if (!reader.ok()) return reader.error();
  auto lease = context.pool.lease();
  auto result =
      decide_expense(*lease, context.user(), *id, *decision, note.value_or(""), now_epoch_ms());
  if (!result) return result.error();
  return http::json_response(200, expense_json(*result));
}

Result<Response> fund_route(RequestContext& context) {
  auto community = context.community_param();
  if (!community) return community.error();
  auto limit = context.limit_param("limit", 100, kMaxLimit);
  if (!limit) return limit.error();
  auto before = context.int_query("before_id");
  if (!before) return before.error();
  auto lease = context.pool.lease();
  auto result = fund_view(*lease, context.user(), *community, *limit, before->value_or(INT64_MAX));
  if (!result) return result.error();
  boost::json::array accounts, income, expenses, postings;
  for (const auto& account : result->accounts) {
    accounts.push_back(
        boost::json::object{{"code", account.name.value_or("")}, {"balance_fen", account.balance}});
  }
  for (const auto& [quarter, fen] : result->income_by_quarter) {
    income.push_back(boost::json::object{{"quarter", quarter}, {"paid_fen", fen}});
  }
  for (const auto& expense : result->expenses) expenses.push_back(expense_json(expense));
  for (const auto& posting : result->postings) postings.push_back(posting_json(posting));
  return http::json_response(
      200, boost::json::object{{"community_id", result->community_id},
                               {"trust_fund_fen", result->trust_fund_fen},
                               {"fee_income_fen", result->fee_income_fen},
                               {"expenses_fen", result->expenses_fen},
                               {"pending_expenses_fen", result->pending_expenses_fen},
                               {"accounts", std::move(accounts)},
                               {"income_by_quarter", std::move(income)},
                               {"expenses", std::move(expenses)},
                               {"postings", std::move(postings)}});
}

// No login: the fund's income and spending, the quarters' fees and the assessment meetings.
Result<Response> public_fund_route(RequestContext& context) {
  auto community = context.community_param();
  if (!community) return community.error();
  auto lease = context.pool.lease();
  auto result = public_fund(*lease, *community);
  if (!result) return result.error();
  boost::json::array income, expenses, meetings, fees;
  for (const auto& [quarter, fen] : result->income_by_quarter) {
    income.push_back(boost::json::object{{"quarter", quarter}, {"paid_fen", fen}});
  }
  for (auto expense : result->expenses) {
    expense.receipt_ref = "";  // the board shows what was bought, not the paperwork
    auto item = expense_json(expense);
    item.erase("receipt_ref");
    item.erase("my_vote");
    expenses.push_back(std::move(item));
  }
  for (const auto& meeting : assessment_meetings(*lease, *community)) {
    meetings.push_back(meeting_json(meeting));
  }
  for (const auto& row :
       lease->query("SELECT quarter, base_fee_fen, evaluated_quarter, evaluations, "
                    "mean_score_centi, adjustment_bp, monthly_fee_fen, responses_needed, "
                    "fee_per_m2_fen FROM property_quarter_fees WHERE community_id = ? ORDER BY "
                    "quarter DESC LIMIT 8",
                    {*community})) {
    QuarterFee fee;
    fee.quarter = row.text(0);
    fee.base_fee_fen = row.integer(1);
    fee.evaluated_quarter = row.text(2);
    fee.evaluations = row.integer(3);
    fee.mean_score_centi = row.opt_integer(4);
    fee.adjustment_bp = row.integer(5);
    fee.monthly_fee_fen = row.integer(6);
    fee.responses_needed = row.integer(7);
    fee.fee_per_m2_fen = row.opt_integer(8);
    auto item = fee_json(fee);
    item.erase("bills");
    item.erase("billed_fen");
    item.erase("bills_by_area");
    fees.push_back(std::move(item));
  }
  return http::json_response(
      200, boost::json::object{{"community_id", result->community_id},
                               {"trust_fund_fen", result->trust_fund_fen},
                               {"fee_income_fen", result->fee_income_fen},
                               {"expenses_fen", result->expenses_fen},
                               {"pending_expenses_fen", result->pending_expenses_fen},
                               {"income_by_quarter", std::move(income)},
                               {"expenses", std::move(expenses)},
                               {"fees", std::move(fees)},
                               {"assessment_meetings", std::move(meetings)}});
}

Result<Response> meeting_post_route(RequestContext& context) {
  GZ_ASSIGN_OR_RETURN(auto body, context.json_object());
  http::JsonReader reader(body);
  reader.only({"community_id", "quarter", "held_at", "committee_present", "attendees", "minutes"});
  std::int64_t community_id = body_community(reader, context);
  auto quarter = reader.text("quarter", Need::required, 10);
  auto held_at = reader.text("held_at", Need::required, 40);
  auto present = reader.integer("committee_present", Need::required, 0, 1000);
  auto attendees = reader.integer("attendees", Need::required, 0, 100000);
  auto minutes = reader.text("minutes", Need::required, 8000);
  if (!reader.ok()) return reader.error();
  auto held = parse_iso8601(*held_at);
  if (!held)
    return bad_request("invalid_field", "held_at is a time such as 2026-12-05T19:30:00+08:00");
  auto lease = context.pool.lease();
  auto result = record_assessment_meeting(
      *lease, context.user(), {community_id, *quarter, *held, *present, *attendees, *minutes},
      now_epoch_ms());
  if (!result) return result.error();
  return http::json_response(201, meeting_json(*result));
}

Result<Response> meetings_route(RequestContext& context) {
  auto community = context.community_param();
  if (!community) return community.error();
  auto lease = context.pool.lease();
  GZ_TRY(check_member(*lease, context.user(), *community));
  boost::json::array items;
  for (const auto& meeting : assessment_meetings(*lease, *community)) {
    items.push_back(meeting_json(meeting));
  }
  return http::json_response(200, boost::json::object{{"items", std::move(items)}});
}

Result<Response> quarters_route(RequestContext& context) {
  auto community = context.community_param();
  if (!community) return community.error();
  auto lease = context.pool.lease();
  auto result = quarter_reports(*lease, context.user(), *community);
  if (!result) return result.error();
  boost::json::array items;
  for (const auto& report : *result) {
    boost::json::object item{{"quarter", report.quarter},
                             {"bills_issued", report.bills_issued},
                             {"billed_fen", report.billed_fen},
                             {"bills_paid", report.bills_paid},
                             {"paid_fen", report.paid_fen},
                             {"collection_rate_bp", report.collection_rate_bp},
                             {"collection_rate_fen_bp", report.collection_rate_fen_bp},
                             {"evaluations", report.evaluations},
                             {"mean_score_centi", opt(report.mean_score_centi)},
                             {"next_adjustment_bp", opt(report.next_adjustment_bp)},
                             {"my_score", opt(report.my_score)}};
    item["fee"] =
        report.fee ? boost::json::value(fee_json(*report.fee)) : boost::json::value(nullptr);
    items.push_back(std::move(item));
  }
  return http::json_response(200, boost::json::object{{"items", std::move(items)}});
}

Result<Response> evaluation_route(RequestContext& context) {
  GZ_ASSIGN_OR_RETURN(auto body, context.json_object());
  http::JsonReader reader(body);
  reader.only({"quarter", "score"});
  auto quarter = reader.text("quarter", Need::required, 10);
  auto score = reader.integer("score", Need::required);
  if (!reader.ok()) return reader.error();
  auto lease = context.pool.lease();
  auto result = submit_evaluation(*lease, context.user(), *quarter, *score, now_epoch_ms());
  if (!result) return result.error();
  return http::json_response(201, boost::json::object{{"id", result->id},
                                                      {"quarter", result->quarter},
                                                      {"score", result->score},
                                                      {"created_at", result->created_at}});
}

Result<Response> rule_route(RequestContext& context) {
  GZ_ASSIGN_OR_RETURN(auto body, context.json_object());
  http::JsonReader reader(body);
  reader.only({"community_id", "source", "shares", "effective_on", "notice"});
  RuleInput input;
  input.community_id = body_community(reader, context);
  auto source = reader.text("source", Need::required, 40);
  auto effective_on = reader.text("effective_on", Need::optional, 10);
  auto notice = reader.text("notice", Need::required, 2000);
  if (!reader.ok()) return reader.error();
  const auto* field = body.if_contains("shares");
  Error invalid = bad_request("invalid_shares",
                              "shares must be an array of {\"destination\", \"share_bp\"} objects");
  if (!field || !field->is_array()) return invalid;
  for (const auto& item : field->get_array()) {
    if (!item.is_object()) return invalid;
    const auto& object = item.get_object();
    const auto* destination = object.if_contains("destination");
    const auto* share = object.if_contains("share_bp");
    if (share && share->is_number() && !(share->is_int64() && is_amount(share->get_int64()))) {
      return bad_request("invalid_amount",
                         "share_bp must be a whole number from 0 to " + std::to_string(kAmountMax));
    }
    if (object.size() != 2 || !destination || !destination->is_string() || !share ||
        !share->is_int64()) {
      return invalid;
    }
    input.shares.push_back({std::string(destination->get_string()), share->get_int64()});
  }
  input.source = *source;
  input.effective_on = effective_on;
  input.notice = *notice;
  auto lease = context.pool.lease();
  auto result = declare_rule(*lease, context.user(), input, now_epoch_ms());
  if (!result) return result.error();
  return http::json_response(201, rule_json(*result));
}

Result<Response> rules_route(RequestContext& context) {
  auto community = context.community_param();
  if (!community) return community.error();
  auto lease = context.pool.lease();
  auto result = list_rules(*lease, context.user(), *community, now_epoch_ms());
  if (!result) return result.error();
  boost::json::array items;
  for (const auto& rule : *result) items.push_back(rule_json(rule));
  return http::json_response(200, boost::json::object{{"items", std::move(items)}});
}

Result<Response> income_route(RequestContext& context) {
  GZ_ASSIGN_OR_RETURN(auto body, context.json_object());
  http::JsonReader reader(body);
  reader.only(
      {"community_id", "source", "amount_fen", "received_on", "receipt_ref", "payer_category"});
  IncomeInput input;
  input.community_id = body_community(reader, context);
  auto source = reader.text("source", Need::required, 40);
  auto amount = reader.amount("amount_fen", Need::required, 1);
  auto received_on = reader.text("received_on", Need::required, 10);
  auto receipt = reader.text("receipt_ref", Need::required, 80);
  auto payer = reader.text("payer_category", Need::optional, 40);
  if (!reader.ok()) return reader.error();
  input.source = *source;
  input.amount_fen = *amount;
  input.received_on = *received_on;
  input.receipt_ref = *receipt;
  input.payer_category = payer.value_or("other");
  auto lease = context.pool.lease();
  auto result = record_income(*lease, context.user(), input, now_epoch_ms());
  if (!result) return result.error();
  return http::json_response(result->repeated ? 200 : 201, income_json(*result));
}

Result<Response> incomes_route(RequestContext& context) {
  auto community = context.community_param();
  if (!community) return community.error();
  auto limit = context.limit_param("limit", 100, kMaxLimit);
  if (!limit) return limit.error();
  auto lease = context.pool.lease();
  auto result = list_incomes(*lease, context.user(), *community,
                             context.request.query_param("source"), *limit);
  if (!result) return result.error();
  boost::json::array items;
  for (const auto& income : *result) items.push_back(income_json(income));
  return http::json_response(200, boost::json::object{{"items", std::move(items)}});
}

Result<Response> verify_route(RequestContext& context) {
  auto community = context.community_param();
  if (!community) return community.error();
  auto lease = context.pool.lease();
  auto member = check_member(*lease, context.user(), *community);
  if (!member) return member.error();
  // The money on the ledger (every community): balances from postings, each posting against
  // its copy in the audit chain.
  auto check = ledger::verify_balances(*lease, ledger::Kind::fen).kinds[ledger::Kind::fen];
  return http::json_response(200, boost::json::object{{"ok", check.ok},
                                                      {"accounts", check.accounts},
                                                      {"postings", check.postings},
                                                      {"message", check.message}});
}

}  // namespace

void register_routes(http::Router& router) {
  using http::Access;
  const std::string base = "/api/v1/property";
  const char* tag = "property";
  const char* members = "members of the community (all roles), admin";
  const char* managers = "staff, admin";
  router.add({"GET",
              base + "/settings",
              Access::login,
              settings_get_route,
              {"The fee schedule (base fee per household per month, fen) and the documented "
               "adjustment parameters",
               tag, members, "", "community_id"}});
  router.add(
      {"PUT",
       base + "/settings",
       Access::login,
       settings_put_route,
       {"Set the base fee, the adjustment parameters (caps ≤ 1000 bp) and the notice "
        "days of rule changes (≥ 7)",
        tag, managers,
        R"({"community_id":1,"base_fee_fen":15000,"neutral_score":80,"up_bp_per_point":25,"down_bp_per_point":50,"cap_up_bp":1000,"cap_down_bp":1000,"notice_days":7})",
        ""}});
  router.add({"POST",
              base + "/committee",
              Access::login,
              committee_route,
              {"Flag a resident user as an owners' committee member (approves expenses); 409 "
               "already_member",
               tag, managers, R"({"community_id":1,"user_id":42})", ""}});
  router.add({"POST",
              base + "/bills",
              Access::login,
              issue_bills_route,
              {"Issue a quarter's bills to every household at the fee its previous quarter's "
               "evaluation fixed; 409 fee_not_set, bills_already_issued, quarter_too_early",
               tag, managers, R"({"community_id":1,"quarter":"2027Q1"})", ""}});
  router.add({"GET",
              base + "/bills",
              Access::login,
              bills_route,
              {"Bills: a resident's own household, or all for staff", tag,
               "resident (own household), staff, admin", "", "community_id,quarter,limit"}});
  router.add({"POST",
              base + "/payments",
              Access::login,
              payments_route,
              {"Record bills as paid: one fee_payment posting into the trust fund; bills paid "
               "already are listed and left alone (201 new, 200 nothing new)",
               tag, managers, R"({"bill_ids":[101,102],"paid_on":"2026-11-20"})", ""}});
  router.add(
      {"POST",
       base + "/expenses",
       Access::login,
       expense_route,
       {"Record an expense of the trust fund, pending the committee's approval", tag, managers,
        R"({"community_id":1,"amount_fen":350000,"category":"cleaning","payee_category":"service_provider","receipt_ref":"FP-2026-0193","purpose":"11月保洁服务","spent_on":"2026-11-20"})",
        ""}});
  router.add(
      {"POST",
       base + "/expenses/{id}/decision",
       Access::login,
       decision_route,
       {"A committee member votes to approve or reject an expense; a majority of the committee "
        "(at least 3 members) approves it (posts trust_fund → expense), or rejects it once "
        "approval cannot be reached; 409 already_voted, already_decided, committee_too_small, "
        "fund_insufficient",
        tag, "owners' committee members", R"({"decision":"approve","note":"票据核对无误"})", ""}});
  router.add({"GET",
              base + "/fund",
              Access::login,
              fund_route,
              {"The trust fund in public: balances, income per quarter (no payers), expenses and "
               "every posting",
               tag, members, "", "community_id,limit,before_id"}});
  router.add({"GET",
              "/api/v1/public/property/fund",
              Access::open,
              public_fund_route,
              {"The trust fund for anyone: balances, income per quarter, expenses with the "
               "committee's votes, each quarter's fee and the assessment meetings (no payer, "
               "no receipt, no memo)",
               tag, "anyone, no login", "", "community_id"}});
  router.add(
      {"POST",
       base + "/assessment-meetings",
       Access::login,
       meeting_post_route,
       {"Record the quarter's service assessment meeting (质量评估会) and its minutes, "
        "once per quarter; 409 meeting_recorded",
        tag, managers,
        R"({"community_id":1,"quarter":"2026Q3","held_at":"2026-10-10T19:00:00+08:00","committee_present":5,"attendees":46,"minutes":"逐项评议保洁、安保、绿化与维修"})",
        ""}});
  router.add(
      {"GET",
       base + "/assessment-meetings",
       Access::login,
       meetings_route,
       {"The community's assessment meetings, newest first", tag, members, "", "community_id"}});
  router.add({"GET",
              base + "/verify",
              Access::login,
              verify_route,
              {"Re-derive every fund balance from its postings and compare each posting with "
               "the audit chain",
               tag, members, "", "community_id"}});
  router.add({"GET",
              base + "/quarters",
              Access::login,
              quarters_route,
              {"Per quarter: the fee and its adjustment, collection rate (bills and fen), "
               "evaluations and mean score",
               tag, members, "", "community_id"}});
  router.add({"POST",
              base + "/evaluations",
              Access::login,
              evaluation_route,
              {"A household's service-quality score (0-100) for the current or last quarter, "
               "once; 409 already_evaluated, evaluation_closed",
               tag, "residents", R"({"quarter":"2026Q4","score":85})", ""}});
  router.add(
      {"POST",
       base + "/revenue/rules",
       Access::login,
       rule_route,
       {"Publish a sharing rule of a revenue source (shares sum to 10000 bp); a change "
        "takes effect no sooner than notice_days after publication; 409 change_pending",
        tag, managers,
        R"({"community_id":1,"source":"advertising","shares":[{"destination":"maintenance_fund","share_bp":5000},{"destination":"elderly_canteen","share_bp":3000},{"destination":"activities","share_bp":2000}],"notice":"电梯广告收益分配规则","effective_on":"2026-12-10"})",
        ""}});
  router.add(
      {"GET",
       base + "/revenue/rules",
       Access::login,
       rules_route,
       {"Every version of every sharing rule, with its status", tag, members, "", "community_id"}});
  router.add(
      {"POST",
       base + "/revenue/incomes",
       Access::login,
       income_route,
       {"Record a public-revenue income: split by the rule in effect on received_on into "
        "postings that sum exactly to it; a repeated receipt returns the first record",
        tag, managers,
        R"({"community_id":1,"source":"advertising","amount_fen":1000001,"received_on":"2026-11-20","receipt_ref":"AD-2026-11","payer_category":"advertiser"})",
        ""}});
  router.add({"GET",
              base + "/revenue/incomes",
              Access::login,
              incomes_route,
              {"Public-revenue incomes with their splits and postings", tag, members, "",
               "community_id,source,limit"}});
}

}  // namespace gz::property
