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
  out["published"] = status.published;
  out["returned"] = status.returned;
  out["revises_plan_id"] = http::json_or_null(status.revises_plan_id);
  out["revised_by_plan_id"] = http::json_or_null(status.revised_by_plan_id);
  return out;
}

boost::json::object vote_json(const CouncilVote& vote) {
  return {{"id", vote.id},
          {"plan_id", vote.plan_id},
          {"meeting", vote.meeting},
          {"held_at", vote.held_at},
          {"place", http::json_or_null(vote.place)},
          {"members_total", vote.members_total},
          {"members_present", vote.members_present},
          {"votes_for", vote.votes_for},
          {"votes_against", vote.votes_against},
          {"votes_abstain", vote.votes_abstain},
          {"quorum_met", vote.quorum_met},
          {"passed", vote.passed},
          {"minutes", vote.minutes},
          {"reasons", http::json_or_null(vote.reasons)},
          {"created_at", vote.created_at}};
}

boost::json::object assessment_json(const Assessment& assessment) {
  return {{"id", assessment.id},
          {"plan_id", assessment.plan_id},
          {"assessor", assessment.assessor},
          {"organisation", assessment.organisation},
          {"findings", assessment.findings},
          {"recommendation", assessment.recommendation},
          {"conditions", http::json_or_null(assessment.conditions)},
          {"created_at", assessment.created_at}};
}

boost::json::object emergency_json(const EmergencySpend& spend) {
  return {{"id", spend.id},
          {"plan_id", spend.plan_id},
          {"kind", spend.kind},
          {"reason", spend.reason},
          {"households_served", spend.households_served},
          {"amount", spend.amount},
          {"payee_category", spend.payee_category},
          {"receipt_ref", spend.receipt_ref},
          {"spent_on", spend.spent_on},
          {"created_at", spend.created_at},
          {"published_at", spend.created_at},
          {"sign_off_due_at", format_iso8601(spend.sign_off_due_ms)},
          {"signed_off_at", http::json_or_null(spend.signed_off_at)},
          {"sign_off_note", http::json_or_null(spend.sign_off_note)},
          {"overdue", spend.overdue}};
}

boost::json::object reserve_json(const Reserve& reserve) {
  boost::json::array items;
  for (const auto& spend : reserve.spends) items.push_back(emergency_json(spend));
  return {{"reserve", reserve.reserve},
          {"spent", reserve.spent},
          {"left", reserve.left},
          {"carried_out", reserve.carried_out},
          {"carried_in", reserve.carried_in},
          {"items", std::move(items)}};
}

boost::json::object pledge_json(const Pledge& pledge) {
  return {{"id", pledge.id},
          {"plan_id", pledge.plan_id},
          {"category", pledge.category},
          {"party_id", pledge.party_id},
          {"party_name", pledge.party_name},
          {"party_kind", pledge.party_kind},
          {"amount", pledge.amount},
          {"received", pledge.received},
          {"note", http::json_or_null(pledge.note)},
          {"created_at", pledge.created_at}};
}

boost::json::object party_json(const Party& party) {
  return {{"id", party.id},
          {"community_id", party.community_id},
          {"kind", party.kind},
          {"name", party.name},
          {"profile", party.profile},
          {"pledged", party.pledged},
          {"received", party.received},
          {"created_at", party.created_at}};
}

boost::json::object funding_json(const PlanFunding& funding) {
  boost::json::array lines;
  for (const auto& line : funding.lines) {
    boost::json::array shares, pledges;
    for (const auto& share : line.shares) {
      shares.push_back(boost::json::object{{"party_kind", share.party_kind},
                                           {"ratio", share.ratio},
                                           {"expected", share.expected},
                                           {"pledged", share.pledged},
                                           {"received", share.received}});
    }
    for (const auto& pledge : line.pledges) pledges.push_back(pledge_json(pledge));
    lines.push_back(boost::json::object{{"category", line.category},
                                        {"need_type", line.need_type},
                                        {"government", line.government},
                                        {"shares", std::move(shares)},
                                        {"pledges", std::move(pledges)},
                                        {"others_expected", line.others_expected},
                                        {"others_pledged", line.others_pledged},
                                        {"others_received", line.others_received},
                                        {"shortfall", line.shortfall},
                                        {"funded", line.funded}});
  }
  return {{"lines", std::move(lines)},
          {"government", funding.government},
          {"others_expected", funding.others_expected},
          {"others_pledged", funding.others_pledged},
          {"others_received", funding.others_received}};
}

boost::json::value revision_json(const std::optional<Revision>& revision) {
  if (!revision) return nullptr;
  boost::json::array lines;
  for (const auto& line : revision->lines) {
    lines.push_back(boost::json::object{{"category", line.category},
                                        {"before", http::json_or_null(line.before)},
                                        {"after", line.after},
                                        {"change", line.after - line.before.value_or(0)}});
  }
  return boost::json::object{{"revises_plan_id", revision->revises_plan_id},
                             {"total_before", revision->total_before},
                             {"total_after", revision->total_after},
                             {"lines", std::move(lines)}};
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
  boost::json::array votes, assessments, decisions;
  for (const auto& vote : board.council_votes) votes.push_back(vote_json(vote));
  for (const auto& assessment : board.assessments)
    assessments.push_back(assessment_json(assessment));
  for (const auto& decision : board.decisions) {
    decisions.push_back(boost::json::object{{"action", decision.action},
                                            {"stage_from", decision.from_stage},
                                            {"stage_to", decision.to_stage},
                                            {"reason", decision.reason},
                                            {"created_at", decision.created_at}});
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
          {"history", std::move(history)},
          {"council_votes", std::move(votes)},
          {"assessments", std::move(assessments)},
          {"decisions", std::move(decisions)},
          {"revision", revision_json(board.revision)},
          {"emergency", reserve_json(board.emergency)},
          {"funding", board.plan.unit == "fen" ? boost::json::value(funding_json(board.funding))
                                               : boost::json::value(nullptr)}};
}

Result<Response> transition_route(RequestContext& context) {
  GZ_ASSIGN_OR_RETURN(std::int64_t id, context.id_param("id"));
  GZ_ASSIGN_OR_RETURN(auto body, context.json_object());
  http::JsonReader reader(body);
  reader.only({"action", "note", "revises_plan_id"});
  auto action = reader.text("action", Need::required, 40);
  auto note = reader.text("note", Need::required, 2000);
  auto revises = reader.integer("revises_plan_id", Need::optional, 1);
  if (!reader.ok()) return reader.error();
  auto lease = context.pool.lease();
  auto result = transition(*lease, context.user(), id, *action, *note, now_epoch_ms(), revises);
  if (!result) return result.error();
  return http::json_response(200, status_json(*result));
}

Result<Response> council_vote_route(RequestContext& context) {
  GZ_ASSIGN_OR_RETURN(std::int64_t id, context.id_param("id"));
  GZ_ASSIGN_OR_RETURN(auto body, context.json_object());
  http::JsonReader reader(body);
  reader.only({"meeting", "held_at", "place", "members_total", "members_present", "votes_for",
               "votes_against", "votes_abstain", "minutes", "reasons"});
  CouncilVoteInput input;
  auto meeting = reader.text("meeting", Need::required, 200);
  auto held_at = reader.text("held_at", Need::required, 40);
  auto place = reader.text("place", Need::optional, 200);
  auto members_total = reader.integer("members_total", Need::required, 0, 100000);
  auto members_present = reader.integer("members_present", Need::required, 0, 100000);
  auto votes_for = reader.integer("votes_for", Need::required, 0, 100000);
  auto votes_against = reader.integer("votes_against", Need::required, 0, 100000);
  auto votes_abstain = reader.integer("votes_abstain", Need::required, 0, 100000);
  auto minutes = reader.text("minutes", Need::required, 8000);
  auto reasons = reader.text("reasons", Need::optional, 2000);
  if (!reader.ok()) return reader.error();
  auto held = parse_iso8601(*held_at);
  if (!held)
    return bad_request("invalid_field", "held_at is a time such as 2026-12-05T19:30:00+08:00");
  input.meeting = *meeting;
  input.held_ms = *held;
  input.place = place;
  input.members_total = *members_total;
  input.members_present = *members_present;
  input.votes_for = *votes_for;
  input.votes_against = *votes_against;
  input.votes_abstain = *votes_abstain;
  input.minutes = *minutes;
  input.reasons = reasons;
  auto lease = context.pool.lease();
  PlanStatus moved;
  auto vote = record_council_vote(*lease, context.user(), id, input, now_epoch_ms(), moved);
  if (!vote) return vote.error();
  return http::json_response(
      201, boost::json::object{{"vote", vote_json(*vote)}, {"plan", status_json(moved)}});
}

Result<Response> council_votes_route(RequestContext& context) {
  GZ_ASSIGN_OR_RETURN(std::int64_t id, context.id_param("id"));
  auto lease = context.pool.lease();
  auto votes = list_council_votes(*lease, context.user(), id);
  if (!votes) return votes.error();
  boost::json::array items;
  for (const auto& vote : *votes) items.push_back(vote_json(vote));
  return http::json_response(200, boost::json::object{{"items", std::move(items)}});
}

Result<Response> assessment_route(RequestContext& context) {
  GZ_ASSIGN_OR_RETURN(std::int64_t id, context.id_param("id"));
  GZ_ASSIGN_OR_RETURN(auto body, context.json_object());
  http::JsonReader reader(body);
  reader.only({"assessor", "organisation", "findings", "recommendation", "conditions"});
  auto assessor = reader.text("assessor", Need::required, 100);
  auto organisation = reader.text("organisation", Need::required, 200);
  auto findings = reader.text("findings", Need::required, 8000);
  auto recommendation = reader.text("recommendation", Need::required, 40);
  auto conditions = reader.text("conditions", Need::optional, 4000);
  if (!reader.ok()) return reader.error();
  AssessmentInput input{*assessor, *organisation, *findings, *recommendation, conditions};
  auto lease = context.pool.lease();
  PlanStatus moved;
  auto assessment = record_assessment(*lease, context.user(), id, input, now_epoch_ms(), moved);
  if (!assessment) return assessment.error();
  return http::json_response(201, boost::json::object{{"assessment", assessment_json(*assessment)},
                                                      {"plan", status_json(moved)}});
}

Result<Response> assessments_route(RequestContext& context) {
  GZ_ASSIGN_OR_RETURN(std::int64_t id, context.id_param("id"));
  auto lease = context.pool.lease();
  auto assessments = list_assessments(*lease, context.user(), id);
  if (!assessments) return assessments.error();
  boost::json::array items;
  for (const auto& assessment : *assessments) items.push_back(assessment_json(assessment));
  return http::json_response(200, boost::json::object{{"items", std::move(items)}});
}

Result<Response> emergency_route(RequestContext& context) {
  GZ_ASSIGN_OR_RETURN(std::int64_t id, context.id_param("id"));
  GZ_ASSIGN_OR_RETURN(auto body, context.json_object());
  http::JsonReader reader(body);
  reader.only({"kind", "reason", "households_served", "amount", "payee_category", "receipt_ref",
               "spent_on"});
  auto kind = reader.text("kind", Need::required, 40);
  auto reason = reader.text("reason", Need::required, 2000);
  auto households = reader.integer("households_served", Need::required, 0, 100000);
  auto amount = reader.amount("amount", Need::required, 1);
  auto payee = reader.text("payee_category", Need::required, 40);
  auto receipt = reader.text("receipt_ref", Need::required, 200);
  auto spent_on = reader.text("spent_on", Need::optional, 10);
  if (!reader.ok()) return reader.error();
  EmergencyInput input{*kind, *reason, *households, *amount, *payee, *receipt, spent_on};
  auto lease = context.pool.lease();
  auto spend = spend_reserve(*lease, context.user(), id, input, now_epoch_ms());
  if (!spend) return spend.error();
  return http::json_response(201, emergency_json(*spend));
}

Result<Response> emergency_list_route(RequestContext& context) {
  GZ_ASSIGN_OR_RETURN(std::int64_t id, context.id_param("id"));
  auto lease = context.pool.lease();
  auto reserve = read_reserve(*lease, context.user(), id, now_epoch_ms());
  if (!reserve) return reserve.error();
  return http::json_response(200, reserve_json(*reserve));
}

Result<Response> party_route(RequestContext& context) {
  GZ_ASSIGN_OR_RETURN(auto body, context.json_object());
  http::JsonReader reader(body);
  reader.only({"community_id", "kind", "name", "profile"});
  auto community = reader.integer("community_id", Need::required, 1);
  auto kind = reader.text("kind", Need::required, 40);
  auto name = reader.text("name", Need::required, 200);
  auto profile = reader.text("profile", Need::required, 2000);
  if (!reader.ok()) return reader.error();
  auto lease = context.pool.lease();
  auto party =
      add_party(*lease, context.user(), {*community, *kind, *name, *profile}, now_epoch_ms());
  if (!party) return party.error();
  return http::json_response(201, party_json(*party));
}

Result<Response> parties_route(RequestContext& context) {
  GZ_ASSIGN_OR_RETURN(std::int64_t community, context.community_param());
  auto lease = context.pool.lease();
  auto parties = public_parties(*lease, community);
  if (!parties) return parties.error();
  boost::json::array items;
  for (const auto& party : *parties) items.push_back(party_json(party));
  return http::json_response(200, boost::json::object{{"items", std::move(items)}});
}

Result<Response> pledge_route(RequestContext& context) {
  GZ_ASSIGN_OR_RETURN(std::int64_t id, context.id_param("id"));
  GZ_ASSIGN_OR_RETURN(auto body, context.json_object());
  http::JsonReader reader(body);
  reader.only({"party_id", "category", "amount", "note"});
  auto party = reader.integer("party_id", Need::required, 1);
  auto category = reader.text("category", Need::required, 100);
  auto amount = reader.amount("amount", Need::required, 1);
  auto note = reader.text("note", Need::optional, 1000);
  if (!reader.ok()) return reader.error();
  auto lease = context.pool.lease();
  auto made =
      pledge(*lease, context.user(), id, {*party, *category, *amount, note}, now_epoch_ms());
  if (!made) return made.error();
  return http::json_response(201, pledge_json(*made));
}

Result<Response> receipt_route(RequestContext& context) {
  GZ_ASSIGN_OR_RETURN(std::int64_t id, context.id_param("id"));
  GZ_ASSIGN_OR_RETURN(auto body, context.json_object());
  http::JsonReader reader(body);
  reader.only({"amount", "receipt_ref", "received_on"});
  auto amount = reader.amount("amount", Need::required, 1);
  auto receipt = reader.text("receipt_ref", Need::required, 200);
  auto received_on = reader.text("received_on", Need::optional, 10);
  if (!reader.ok()) return reader.error();
  auto lease = context.pool.lease();
  auto made = receive(*lease, context.user(), id, {*amount, *receipt, received_on}, now_epoch_ms());
  if (!made) return made.error();
  return http::json_response(201, pledge_json(*made));
}

Result<Response> sign_off_route(RequestContext& context) {
  GZ_ASSIGN_OR_RETURN(std::int64_t id, context.id_param("id"));
  GZ_ASSIGN_OR_RETURN(std::int64_t spend_id, context.id_param("sid"));
  GZ_ASSIGN_OR_RETURN(auto body, context.json_object());
  http::JsonReader reader(body);
  reader.only({"note"});
  auto note = reader.text("note", Need::required, 2000);
  if (!reader.ok()) return reader.error();
  auto lease = context.pool.lease();
  auto spend = sign_off_spend(*lease, context.user(), id, spend_id, *note, now_epoch_ms());
  if (!spend) return spend.error();
  return http::json_response(200, emergency_json(*spend));
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
                {"Move a plan through its lifecycle (publish — with revises_plan_id for a "
                 "revision —, open_vote, submit_review, approve, return, reject, close); 409 "
                 "notice_period_running, objections_unanswered, third_party_evaluation_required, "
                 "council_vote_required, assessment_missing, final_evaluation_missing, "
                 "not_revisable, invalid_transition",
                 "transparency", "staff (approve, return, reject: street), admin",
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
       "/api/v1/funding/parties",
       Access::login,
       party_route,
       {"Register a co-funding party of the community (government, market, foundation, "
        "residents) with its public profile; 409 party_exists",
        "transparency", "staff, admin",
        R"({"community_id":1,"kind":"market","name":"幸福里长者食堂","profile":"低价助餐，每餐让利3元"})",
        ""}});
  router.add({"GET",
              "/api/v1/public/funding/parties",
              Access::open,
              parties_route,
              {"The community's co-funding parties, their profiles and what each pledged and gave",
               "transparency", "anyone, no login", "", "community_id"}});
  router.add(
      {"POST",
       "/api/v1/plans/{id}/pledges",
       Access::login,
       pledge_route,
       {"A party's pledge to a plan line, up to its share by the line's co-funding rule "
        "(a fen posting); 409 party_not_in_rule, pledge_exceeds_share, plan_not_open",
        "transparency", "staff, admin",
        R"({"party_id":3,"category":"elderly_care","amount":300000,"note":"三季度助餐"})", ""}});
  router.add(
      {"POST",
       "/api/v1/pledges/{id}/receipts",
       Access::login,
       receipt_route,
       {"Money received against a pledge, with its receipt (a fen posting); 409 "
        "receipt_exceeds_pledge",
        "transparency", "staff, admin",
        R"({"amount":150000,"receipt_ref":"SK-2026-0031","received_on":"2026-12-01"})", ""}});
  router.add(
      {"POST",
       "/api/v1/plans/{id}/council-votes",
       Access::login,
       council_vote_route,
       {"Record the council vote (议事会表决) on a plan in council_vote: passing moves it to "
        "professional assessment, failing returns it to draft with the reasons public; "
        "400 invalid_votes, 409 not_in_council_vote",
        "transparency", "staff, admin",
        R"({"meeting":"2026年第四季度社区议事会","held_at":"2026-12-05T19:30:00+08:00","place":"社区活动室","members_total":15,"members_present":11,"votes_for":8,"votes_against":2,"votes_abstain":1,"minutes":"会议纪要"})",
        ""}});
  router.add({"GET",
              "/api/v1/plans/{id}/council-votes",
              Access::login,
              council_votes_route,
              {"A plan's council votes, oldest first", "transparency",
               "guide, staff, street, admin", "", ""}});
  router.add(
      {"POST",
       "/api/v1/plans/{id}/assessments",
       Access::login,
       assessment_route,
       {"Record the professional assessment (专业评估) of a plan: approve, "
        "approve_with_changes or reject (back to draft); 409 not_in_assessment",
        "transparency", "staff, admin",
        R"({"assessor":"李明","organisation":"某社会工作评估中心","findings":"需求依据充分","recommendation":"approve"})",
        ""}});
  router.add({"GET",
              "/api/v1/plans/{id}/assessments",
              Access::login,
              assessments_route,
              {"A plan's professional assessments, oldest first", "transparency",
               "guide, staff, street, admin", "", ""}});
  router.add(
      {"POST",
       "/api/v1/plans/{id}/emergency-spending",
       Access::login,
       emergency_route,
       {"Spend from an executing plan's emergency reserve for a declared emergency, "
        "published at once, the street to sign off within 7 days; 409 not_executing, "
        "reserve_exceeded",
        "transparency", "staff, admin",
        R"({"kind":"natural_disaster","reason":"暴雨致3号楼地下室进水，紧急抽水","households_served":12,"amount":150000,"payee_category":"service_provider","receipt_ref":"FP-2026-1201"})",
        ""}});
  router.add({"GET",
              "/api/v1/plans/{id}/emergency-spending",
              Access::login,
              emergency_list_route,
              {"The plan's reserve, what is spent and left, and each emergency spend",
               "transparency", "guide, staff, street, admin", "", ""}});
  router.add({"POST",
              "/api/v1/plans/{id}/emergency-spending/{sid}/sign-off",
              Access::login,
              sign_off_route,
              {"The street signs an emergency spend off (once; 409 already_signed_off)",
               "transparency", "street, admin", R"({"note":"已核实票据与受益户"})", ""}});
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
