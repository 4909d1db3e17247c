// HTTP routes of participation: decode → use case → encode. The stalled-topic and overdue
// warnings are fields of each proposal ("warnings": ["stalled_topic", "response_overdue"]) and
// counted at the top of the list ("warnings": {"stalled_topic": n, "response_overdue": n}).
#include "modules/participation/routes.hpp"

#include <algorithm>
#include <boost/json.hpp>

#include "core/clock.hpp"
#include "http/json_io.hpp"
#include "modules/participation/activities.hpp"
#include "modules/participation/hosting.hpp"
#include "modules/participation/permissions.hpp"
#include "modules/participation/proposals.hpp"
#include "storage/database.hpp"

namespace gz::participation {
namespace {

using http::Need;
using http::RequestContext;
using http::Response;

boost::json::object activity_json(const Activity& a, const Actor& actor) {
  boost::json::object out{{"id", a.id},
                          {"community_id", a.community_id},
                          {"kind", kind_name(a.kind)},
                          {"channel", channel_name(a.channel)},
                          {"building_id", http::json_or_null(a.building_id)},
                          {"title", a.title},
                          {"agenda", a.agenda},
                          {"starts_at", format_iso8601(a.starts_ms)},
                          {"ends_at", format_iso8601(a.ends_ms)},
                          {"capacity", http::json_or_null(a.capacity)},
                          {"signups", a.signups},
                          {"attendees", a.attendees},
                          {"attending_households", a.attending_households},
                          {"minutes", http::json_or_null(a.minutes)},
                          {"minutes_at", http::json_or_null(a.minutes_at)},
                          {"video_url", http::json_or_null(a.video_url)}};
  if (a.capacity) out["places_left"] = std::max<std::int64_t>(0, *a.capacity - a.signups);
  // Its windows at the server's now, by rules.hpp: pages offer sign-up and check-in from
  // these, never from the browser's clock.
  const Window window{a.starts_ms, a.ends_ms};
  const std::int64_t now_ms = now_epoch_ms();
  out["ended"] = now_ms >= a.ends_ms;
  out["signup_open"] = a.status == "approved" && signup_open(window, now_ms);
  out["checkin_opens_at"] = format_iso8601(a.starts_ms - kCheckinEarlyMs);
  out["checkin_closes_at"] = format_iso8601(a.ends_ms + kCheckinLateMs);
  out["self_checkin_open"] = self_checkin_open(window, now_ms);
  out["staff_checkin_open"] = staff_checkin_open(window, now_ms);
  // The code is read out at the meeting; only those who run it (its host too) see it here.
  if (may_run_activities(actor, a.community_id) || hosts(actor, a)) {
    out["checkin_code"] = a.checkin_code;
  }
  out["status"] = a.status;
  out["host_name"] = http::json_or_null(a.host_name);
  out["hosted"] = a.host_user_id.has_value();
  out["is_host"] = hosts(actor, a);
  out["budget_fen"] = http::json_or_null(a.budget_fen);
  out["budget_plan_id"] = http::json_or_null(a.budget_plan_id);
  out["budget_category"] = http::json_or_null(a.budget_category);
  out["decision_note"] = http::json_or_null(a.decision_note);
  out["host_points_paid"] = a.host_points_paid;
  if (a.my_household_checked_in) out["my_household_checked_in"] = *a.my_household_checked_in;
  return out;
}

boost::json::object proposal_json(const Proposal& p, const Actor& actor) {
  boost::json::array warnings;
  if (p.stalled) warnings.push_back("stalled_topic");
  if (p.response_overdue) warnings.push_back("response_overdue");
  boost::json::object out{{"id", p.id},
                          {"community_id", p.community_id},
                          {"title", p.title},
                          {"body", p.body},
                          {"state", state_name(p.state)},
                          {"seconds", p.seconds},
                          {"seconded", p.seconded_by_my_household},
                          {"seconds_required", p.seconds_required},
                          {"meetings", p.meetings},
                          {"stalled", p.stalled},
                          {"response_overdue", p.response_overdue},
                          {"warnings", std::move(warnings)},
                          {"decided_at", http::time_or_null(p.decided_ms)},
                          {"response_due_at", http::time_or_null(p.response_due_ms)},
                          {"response", http::json_or_null(p.response)},
                          {"responded_at", http::json_or_null(p.responded_at)},
                          {"created_at", p.created_at},
                          {"own", actor.household_id && *actor.household_id == p.household_id}};
  if (may_run_activities(actor, p.community_id)) out["household_id"] = p.household_id;
  if (!p.agenda.empty()) {
    boost::json::array agenda;
    for (const auto& item : p.agenda) {
      agenda.push_back(
          boost::json::object{{"id", item.id},
                              {"activity_id", item.activity_id},
                              {"meeting_title", item.meeting_title},
                              {"meeting_starts_at", format_iso8601(item.meeting_starts_ms)},
                              {"motion", motion_name(item.motion)},
                              {"outcome", http::json_or_null(item.outcome)},
                              {"present_households", item.tally.present_households},
                              {"yes", item.tally.yes},
                              {"no", item.tally.no},
                              {"abstain", item.tally.abstain},
                              {"note", http::json_or_null(item.note)},
                              {"decided_at", http::json_or_null(item.decided_at)},
                              {"my_household_present", item.my_household_present},
                              {"my_vote", http::json_or_null(item.my_vote)}});
    }
    out["agenda"] = std::move(agenda);
  }
  return out;
}

Result<std::optional<std::int64_t>> time_field(http::JsonReader& reader, const char* key) {
  auto text = reader.text(key, Need::optional, 40);
  if (!text) return std::optional<std::int64_t>{};
  auto parsed = parse_iso8601(*text);
  if (!parsed) {
    return bad_request("invalid_time", std::string(key) + " must be ISO 8601 with an offset");
  }
  return std::optional<std::int64_t>{*parsed};
}

Result<std::optional<std::int64_t>> time_query(RequestContext& context, const char* key) {
  auto text = context.request.query_param(key);
  if (!text || text->empty()) return std::optional<std::int64_t>{};
  auto parsed = parse_iso8601(*text);
  if (!parsed) {
    return bad_request("invalid_query", std::string(key) + " must be ISO 8601 with an offset");
  }
  return std::optional<std::int64_t>{*parsed};
}

Result<Response> create_activity_route(RequestContext& context) {
  auto body = http::parse_json_object(context.request);
  if (!body) return body.error();
  http::JsonReader reader(*body);
  reader.only({"community_id", "kind", "channel", "building_id", "title", "agenda", "starts_at",
               "ends_at", "capacity", "video_url"});
  ActivityInput input;
  auto community = reader.integer("community_id", Need::required, 1);
  auto kind = reader.text("kind", Need::required, 40);
  auto channel = reader.text("channel", Need::optional, 40);
  auto building = reader.integer("building_id", Need::optional, 1);
  auto title = reader.text("title", Need::required, 200);
  auto agenda = reader.text("agenda", Need::optional, 4000);
  auto capacity = reader.amount("capacity", Need::optional, 1);
  auto video_url = reader.text("video_url", Need::optional, 500);
  if (!reader.ok()) return reader.error();
  auto starts = time_field(reader, "starts_at");
  if (!starts) return starts.error();
  auto ends = time_field(reader, "ends_at");
  if (!ends) return ends.error();
  if (!reader.ok()) return reader.error();
  input.community_id = *community;
  input.kind = *kind;
  input.channel = channel.value_or("");
  input.building_id = building;
  input.title = *title;
  input.agenda = agenda.value_or("");
  input.starts_ms = *starts;
  input.ends_ms = *ends;
  input.capacity = capacity;
  input.video_url = video_url;
  auto lease = context.pool.lease();
  auto result = create_activity(*lease, context.user(), input, now_epoch_ms());
  if (!result) return result.error();
  return http::json_response(201, activity_json(*result, context.user()));
}

Result<Response> signups_list_route(RequestContext& context) {
  GZ_ASSIGN_OR_RETURN(std::int64_t id, context.id_param("id"));
  auto lease = context.pool.lease();
  auto signups = list_signups(*lease, context.user(), id);
  if (!signups) return signups.error();
  boost::json::array items;
  for (const auto& signup : *signups) {
    items.push_back(boost::json::object{{"resident_id", signup.resident_id},
                                        {"name", signup.name},
                                        {"signed_up_at", signup.signed_up_at},
                                        {"checked_in", signup.checked_in}});
  }
  return http::json_response(200, boost::json::object{{"items", std::move(items)}});
}

Result<Response> hosting_route(RequestContext& context) {
  GZ_ASSIGN_OR_RETURN(auto body, context.json_object());
  http::JsonReader reader(body);
  reader.only({"community_id", "kind", "title", "agenda", "starts_at", "ends_at", "capacity",
               "budget_fen"});
  HostingInput input;
  auto community = reader.integer("community_id", Need::required, 1);
  auto kind = reader.text("kind", Need::required, 40);
  auto title = reader.text("title", Need::required, 200);
  auto agenda = reader.text("agenda", Need::required, 4000);
  auto capacity = reader.amount("capacity", Need::optional, 1);
  auto budget = reader.amount("budget_fen", Need::optional, 0);
  if (!reader.ok()) return reader.error();
  auto starts = time_field(reader, "starts_at");
  if (!starts) return starts.error();
  auto ends = time_field(reader, "ends_at");
  if (!ends) return ends.error();
  if (!*starts || !*ends) return bad_request("invalid_time", "starts_at and ends_at are required");
  input.community_id = *community;
  input.kind = *kind;
  input.title = *title;
  input.agenda = *agenda;
  input.starts_ms = **starts;
  input.ends_ms = **ends;
  input.capacity = capacity;
  input.budget_fen = budget.value_or(0);
  auto lease = context.pool.lease();
  auto result = propose_hosting(*lease, context.user(), input, now_epoch_ms());
  if (!result) return result.error();
  return http::json_response(201, activity_json(*result, context.user()));
}

Result<Response> hosting_decision_route(RequestContext& context) {
  GZ_ASSIGN_OR_RETURN(std::int64_t id, context.id_param("id"));
  GZ_ASSIGN_OR_RETURN(auto body, context.json_object());
  http::JsonReader reader(body);
  reader.only({"decision", "note", "plan_id", "category", "budget_fen"});
  HostingDecision decision;
  auto verdict = reader.text("decision", Need::required, 20);
  auto note = reader.text("note", Need::optional, 2000);
  auto plan = reader.integer("plan_id", Need::optional, 1);
  auto category = reader.text("category", Need::optional, 100);
  auto budget = reader.amount("budget_fen", Need::optional, 0);
  if (!reader.ok()) return reader.error();
  decision.decision = *verdict;
  decision.note = note.value_or("");
  decision.plan_id = plan;
  decision.category = category;
  decision.budget_fen = budget.value_or(0);
  auto lease = context.pool.lease();
  auto result = decide_hosting(*lease, context.user(), id, decision, now_epoch_ms());
  if (!result) return result.error();
  return http::json_response(200, activity_json(*result, context.user()));
}

Result<Response> list_activities_route(RequestContext& context) {
  auto community = context.community_param();
  if (!community) return community.error();
  auto from = time_query(context, "from");
  if (!from) return from.error();
  auto to = time_query(context, "to");
  if (!to) return to.error();
  auto lease = context.pool.lease();
  auto result = list_activities(*lease, context.user(), *community, *from, *to);
  if (!result) return result.error();
  boost::json::array items;
  for (const auto& activity : *result) items.push_back(activity_json(activity, context.user()));
  return http::json_response(
      200, boost::json::object{{"community_id", *community}, {"items", std::move(items)}});
}

Result<Response> get_activity_route(RequestContext& context) {
  auto id = context.id_param("id");
  if (!id) return id.error();
  auto lease = context.pool.lease();
  auto result = get_activity(*lease, context.user(), *id);
  if (!result) return result.error();
  return http::json_response(200, activity_json(*result, context.user()));
}

Result<Response> signup_route(RequestContext& context) {
  auto id = context.id_param("id");
  if (!id) return id.error();
  auto body = context.json_object_or_empty();
  if (!body) return body.error();
  http::JsonReader reader(*body);
  reader.only({"resident_id"});
  auto resident = reader.integer("resident_id", Need::optional, 1);
  if (!reader.ok()) return reader.error();
  auto lease = context.pool.lease();
  auto result = sign_up(*lease, context.user(), *id, resident, now_epoch_ms());
  if (!result) return result.error();
  return http::json_response(201, boost::json::object{{"activity_id", result->activity_id},
                                                      {"resident_id", result->resident_id},
                                                      {"created_at", result->created_at}});
}

Result<Response> checkin_route(RequestContext& context) {
  auto id = context.id_param("id");
  if (!id) return id.error();
  auto body = context.json_object_or_empty();
  if (!body) return body.error();
  http::JsonReader reader(*body);
  reader.only({"resident_ids", "code", "resident_id"});
  CheckinInput input;
  input.code = reader.text("code", Need::optional, 20);
  input.resident_id = reader.integer("resident_id", Need::optional, 1);
  if (!reader.ok()) return reader.error();
  if (auto found = body->find("resident_ids"); found != body->end()) {
    if (!found->value().is_array() || found->value().as_array().size() > 1000) {
      return bad_request("invalid_field",
                         "resident_ids must be a list of "
                         "at most 1000 resident ids");
    }
    for (const auto& value : found->value().as_array()) {
      if (!value.is_int64() || value.as_int64() < 1) {
        return bad_request("invalid_field", "resident_ids must hold positive integers");
      }
      input.resident_ids.push_back(value.as_int64());
    }
  }
  auto lease = context.pool.lease();
  auto result = check_in(*lease, context.user(), *id, input, now_epoch_ms());
  if (!result) return result.error();
  boost::json::array items;
  std::int64_t awarded = 0;
  for (const auto& attendance : *result) {
    if (!attendance.already) awarded += attendance.points;
    items.push_back(boost::json::object{{"resident_id", attendance.resident_id},
                                        {"points", attendance.points},
                                        {"posting_id", http::json_or_null(attendance.posting_id)},
                                        {"checked_in_at", attendance.checked_in_at},
                                        {"already_checked_in", attendance.already}});
  }
  return http::json_response(
      200, boost::json::object{
               {"activity_id", *id}, {"points_awarded", awarded}, {"items", std::move(items)}});
}

Result<Response> minutes_route(RequestContext& context) {
  auto id = context.id_param("id");
  if (!id) return id.error();
  auto body = http::parse_json_object(context.request);
  if (!body) return body.error();
  http::JsonReader reader(*body);
  reader.only({"minutes"});
  auto minutes = reader.text("minutes", Need::required, 20000);
  if (!reader.ok()) return reader.error();
  auto lease = context.pool.lease();
  auto result = record_minutes(*lease, context.user(), *id, *minutes, now_epoch_ms());
  if (!result) return result.error();
  return http::json_response(200, activity_json(*result, context.user()));
}

Result<Response> proposal_response(const Result<Proposal>& result, const Actor& actor,
                                   int status = 200) {
  if (!result) return result.error();
  return http::json_response(status, proposal_json(*result, actor));
}

Result<Response> create_proposal_route(RequestContext& context) {
  auto body = http::parse_json_object(context.request);
  if (!body) return body.error();
  http::JsonReader reader(*body);
  reader.only({"community_id", "title", "body", "submit"});
  auto community = reader.integer("community_id", Need::optional, 1);
  auto title = reader.text("title", Need::required, 200);
  auto text = reader.text("body", Need::required, 8000);
  auto submit = reader.boolean("submit", Need::optional);
  if (!reader.ok()) return reader.error();
  std::int64_t community_id = community.value_or(
      context.user().community_ids.empty() ? 0 : context.user().community_ids.front());
  auto lease = context.pool.lease();
  return proposal_response(draft_proposal(*lease, context.user(), community_id, *title, *text,
                                          submit.value_or(false), now_epoch_ms()),
                           context.user(), 201);
}

Result<Response> list_proposals_route(RequestContext& context) {
  auto community = context.community_param();
  if (!community) return community.error();
  std::optional<State> state;
  if (auto text = context.request.query_param("state"); text && !text->empty()) {
    state = parse_state(*text);
    if (!state) return bad_request("invalid_query", "unknown state");
  }
  auto lease = context.pool.lease();
  auto result = list_proposals(*lease, context.user(), *community, state, now_epoch_ms());
  if (!result) return result.error();
  boost::json::array items;
  std::int64_t stalled = 0, overdue = 0;
  for (const auto& proposal : *result) {
    stalled += proposal.stalled ? 1 : 0;
    overdue += proposal.response_overdue ? 1 : 0;
    items.push_back(proposal_json(proposal, context.user()));
  }
  return http::json_response(
      200, boost::json::object{{"community_id", *community},
                               {"warnings", boost::json::object{{"stalled_topic", stalled},
                                                                {"response_overdue", overdue}}},
                               {"items", std::move(items)}});
}

Result<Response> get_proposal_route(RequestContext& context) {
  auto id = context.id_param("id");
  if (!id) return id.error();
  auto lease = context.pool.lease();
  return proposal_response(get_proposal(*lease, context.user(), *id, now_epoch_ms()),
                           context.user());
}

Result<Response> transition_route(RequestContext& context) {
  GZ_ASSIGN_OR_RETURN(std::int64_t id, context.id_param("id"));
  GZ_ASSIGN_OR_RETURN(auto body, context.json_object_or_empty());
  http::JsonReader reader(body);
  reader.only({"action"});
  auto lease = context.pool.lease();
  auto& db = *lease;
  auto action = reader.text("action", Need::required, 40);
  if (!reader.ok()) return reader.error();
  return proposal_response(transition_proposal(db, context.user(), id, *action, now_epoch_ms()),
                           context.user());
}

Result<Response> second_route(RequestContext& context) {
  GZ_ASSIGN_OR_RETURN(std::int64_t id, context.id_param("id"));
  GZ_ASSIGN_OR_RETURN(auto body, context.json_object_or_empty());
  http::JsonReader reader(body);
  reader.only({});
  auto lease = context.pool.lease();
  auto& db = *lease;
  if (!reader.ok()) return reader.error();
  return proposal_response(second_proposal(db, context.user(), id, now_epoch_ms()), context.user(),
                           201);
}

Result<Response> agenda_route(RequestContext& context) {
  GZ_ASSIGN_OR_RETURN(std::int64_t id, context.id_param("id"));
  GZ_ASSIGN_OR_RETURN(auto body, context.json_object_or_empty());
  http::JsonReader reader(body);
  reader.only({"activity_id"});
  auto lease = context.pool.lease();
  auto& db = *lease;
  auto activity = reader.integer("activity_id", Need::required, 1);
  if (!reader.ok()) return reader.error();
  return proposal_response(put_on_agenda(db, context.user(), id, *activity, now_epoch_ms()),
                           context.user());
}

Result<Response> motion_route(RequestContext& context) {
  GZ_ASSIGN_OR_RETURN(std::int64_t id, context.id_param("id"));
  GZ_ASSIGN_OR_RETURN(auto body, context.json_object_or_empty());
  http::JsonReader reader(body);
  reader.only({"step", "note"});
  auto lease = context.pool.lease();
  auto& db = *lease;
  auto step = reader.text("step", Need::required, 40);
  auto note = reader.text("note", Need::optional, 4000);
  if (!reader.ok()) return reader.error();
  return proposal_response(motion_step(db, context.user(), id, *step, note, now_epoch_ms()),
                           context.user());
}

Result<Response> vote_route(RequestContext& context) {
  GZ_ASSIGN_OR_RETURN(std::int64_t id, context.id_param("id"));
  GZ_ASSIGN_OR_RETURN(auto body, context.json_object_or_empty());
  http::JsonReader reader(body);
  reader.only({"choice"});
  auto lease = context.pool.lease();
  auto& db = *lease;
  auto choice = reader.text("choice", Need::required, 20);
  if (!reader.ok()) return reader.error();
  auto vote = cast_vote(db, context.user(), id, *choice, now_epoch_ms());
  if (!vote) return vote.error();
  return http::json_response(201, boost::json::object{{"proposal_id", vote->proposal_id},
                                                      {"agenda_id", vote->agenda_id},
                                                      {"choice", vote->choice},
                                                      {"created_at", vote->created_at}});
}

Result<Response> outcome_route(RequestContext& context) {
  GZ_ASSIGN_OR_RETURN(std::int64_t id, context.id_param("id"));
  GZ_ASSIGN_OR_RETURN(auto body, context.json_object_or_empty());
  http::JsonReader reader(body);
  reader.only({"note"});
  auto lease = context.pool.lease();
  auto& db = *lease;
  auto note = reader.text("note", Need::optional, 4000);
  if (!reader.ok()) return reader.error();
  return proposal_response(record_outcome(db, context.user(), id, note, now_epoch_ms()),
                           context.user());
}

Result<Response> respond_route(RequestContext& context) {
  GZ_ASSIGN_OR_RETURN(std::int64_t id, context.id_param("id"));
  GZ_ASSIGN_OR_RETURN(auto body, context.json_object_or_empty());
  http::JsonReader reader(body);
  reader.only({"response"});
  auto lease = context.pool.lease();
  auto& db = *lease;
  auto text = reader.text("response", Need::required, 8000);
  if (!reader.ok()) return reader.error();
  return proposal_response(respond_proposal(db, context.user(), id, *text, now_epoch_ms()),
                           context.user());
}

boost::json::object settings_json(std::int64_t community_id, const Settings& settings) {
  return {{"community_id", community_id},
          {"seconds_required", settings.seconds_required},
          {"quorum_percent", settings.quorum_percent},
          {"quorum_min_households", settings.quorum_min_households},
          {"response_days", settings.response_days}};
}

Result<Response> get_settings_route(RequestContext& context) {
  auto community = context.community_param();
  if (!community) return community.error();
  auto lease = context.pool.lease();
  auto result = get_settings(*lease, context.user(), *community);
  if (!result) return result.error();
  return http::json_response(200, settings_json(*community, *result));
}

Result<Response> put_settings_route(RequestContext& context) {
  auto body = http::parse_json_object(context.request);
  if (!body) return body.error();
  http::JsonReader reader(*body);
  reader.only({"community_id", "seconds_required", "quorum_percent", "quorum_min_households",
               "response_days"});
  auto community = reader.integer("community_id", Need::required, 1);
  Settings settings;
  auto seconds = reader.integer("seconds_required", Need::optional);
  auto percent = reader.integer("quorum_percent", Need::optional);
  auto minimum = reader.integer("quorum_min_households", Need::optional);
  auto days = reader.integer("response_days", Need::optional);
  if (!reader.ok()) return reader.error();
  settings.seconds_required = seconds.value_or(settings.seconds_required);
  settings.quorum_percent = percent.value_or(settings.quorum_percent);
  settings.quorum_min_households = minimum.value_or(settings.quorum_min_households);
  settings.response_days = days.value_or(settings.response_days);
  auto lease = context.pool.lease();
  auto result = put_settings(*lease, context.user(), *community, settings);
  if (!result) return result.error();
  return http::json_response(200, settings_json(*community, *result));
}

}  // namespace

void register_routes(http::Router& router) {
  using http::Access;
  const char* tag = "participation";
  router.add({"GET",
              "/api/v1/activities",
              Access::login,
              list_activities_route,
              {"Activities and meetings of a community (newest first), with sign-ups and "
               "attendance",
               tag, "everyone of the community", "", "community_id,from,to"}});
  router.add(
      {"POST",
       "/api/v1/activities",
       Access::login,
       create_activity_route,
       {"Create an activity or meeting on a channel (online_hall defaults to 20:00-22:00)", tag,
        "staff, guide, admin",
        R"({"community_id":1,"kind":"meeting","channel":"online_hall","title":"线上议事厅：电动车充电桩","capacity":60})",
        ""}});
  router.add({"GET",
              "/api/v1/activities/{id}/signups",
              Access::login,
              signups_list_route,
              {"The sign-up sheet with who has checked in (the host sees masked names)", tag,
               "staff, guide, admin; the activity's host", "", ""}});
  router.add(
      {"POST",
       "/api/v1/activities/hosting",
       Access::login,
       hosting_route,
       {"A resident proposes an activity they will host (社区主理人): activity, volunteer or "
        "skill_sharing, in the future, with a plan and a requested budget; 429 "
        "proposal_limit",
        tag, "residents of the community",
        R"({"community_id":1,"kind":"skill_sharing","title":"周末亲子手工课","agenda":"为3-8岁孩子和家长开设纸艺手工，材料由主理人准备","starts_at":"2026-12-19T09:30:00+08:00","ends_at":"2026-12-19T11:30:00+08:00","capacity":20,"budget_fen":30000})",
        ""}});
  router.add(
      {"POST",
       "/api/v1/activities/{id}/hosting-decision",
       Access::login,
       hosting_decision_route,
       {"Staff approve a hosted activity (with a budget from an executing plan's line, "
        "recorded as its spending) or decline it with a reason; 409 already_decided, "
        "activity_started, not_executing, line_overspent",
        tag, "staff, admin",
        R"({"decision":"approve","note":"欢迎主理","plan_id":5,"category":"culture_sports","budget_fen":30000})",
        ""}});
  router.add({"GET",
              "/api/v1/activities/{id}",
              Access::login,
              get_activity_route,
              {"One activity (the check-in code for those who run it)", tag,
               "everyone of the community", "", ""}});
  router.add({"POST",
              "/api/v1/activities/{id}/signups",
              Access::login,
              signup_route,
              {"Sign up (once per resident); 409 activity_full, already_signed_up", tag,
               "residents of the community", R"({"resident_id":12})", ""}});
  router.add({"POST",
              "/api/v1/activities/{id}/checkins",
              Access::login,
              checkin_route,
              {"Record attendance (staff: resident_ids; residents: the check-in code); pays "
               "points once per resident",
               tag, "staff, guide, admin; residents with the code", R"({"code":"482913"})", ""}});
  router.add({"PUT",
              "/api/v1/activities/{id}/minutes",
              Access::login,
              minutes_route,
              {"Record the minutes after the meeting (once)", tag, "staff, guide, admin",
               R"({"minutes":"到会32户，议定……"})", ""}});
  router.add({"GET",
              "/api/v1/proposals",
              Access::login,
              list_proposals_route,
              {"Proposals of a community with warnings (stalled_topic, response_overdue)", tag,
               "everyone of the community", "", "community_id,state"}});
  router.add({"POST",
              "/api/v1/proposals",
              Access::login,
              create_proposal_route,
              {"Draft a proposal (submit: true to open seconding at once)", tag,
               "residents of the community",
               R"({"title":"增设电动车充电桩","body":"……","submit":true})", ""}});
  router.add({"GET",
              "/api/v1/proposals/{id}",
              Access::login,
              get_proposal_route,
              {"One proposal with its agenda items, tallies and warnings", tag,
               "everyone of the community", "", ""}});
  router.add({"POST",
              "/api/v1/proposals/{id}/transitions",
              Access::login,
              transition_route,
              {"submit or withdraw a proposal", tag, "the proposer's household; staff withdraw",
               R"({"action":"submit"})", ""}});
  router.add({"POST",
              "/api/v1/proposals/{id}/seconds",
              Access::login,
              second_route,
              {"Second a proposal (one per household, not the proposer's own)", tag,
               "residents of the community", "", ""}});
  router.add({"POST",
              "/api/v1/proposals/{id}/agenda",
              Access::login,
              agenda_route,
              {"Put an eligible (or undecided) proposal on a meeting's agenda", tag, "staff, admin",
               R"({"activity_id":7})", ""}});
  router.add({"POST",
              "/api/v1/proposals/{id}/motion",
              Access::login,
              motion_route,
              {"A step of the motion at the meeting: move, second, call_vote, defer", tag,
               "staff, admin", R"({"step":"move"})", ""}});
  router.add({"POST",
              "/api/v1/proposals/{id}/votes",
              Access::login,
              vote_route,
              {"Vote yes, no or abstain (one per household present)", tag,
               "residents checked in at the meeting", R"({"choice":"yes"})", ""}});
  router.add({"POST",
              "/api/v1/proposals/{id}/outcome",
              Access::login,
              outcome_route,
              {"Close the vote: passed, rejected or no_quorum by the quorum and majority rule", tag,
               "staff, admin", R"({"note":"表决通过"})", ""}});
  router.add({"POST",
              "/api/v1/proposals/{id}/response",
              Access::login,
              respond_route,
              {"The public response to a decision (due within response_days)", tag, "staff, admin",
               R"({"response":"已列入下季度微更新计划"})", ""}});
  router.add({"GET",
              "/api/v1/participation/settings",
              Access::login,
              get_settings_route,
              {"Seconding threshold, quorum and response deadline of a community", tag,
               "everyone of the community", "", "community_id"}});
  router.add(
      {"PUT",
       "/api/v1/participation/settings",
       Access::login,
       put_settings_route,
       {"Change the seconding threshold, quorum and response deadline", tag, "staff, admin",
        R"({"community_id":1,"seconds_required":5,"quorum_percent":50,"quorum_min_households":5,"response_days":15})",
        ""}});
}

}  // namespace gz::participation
