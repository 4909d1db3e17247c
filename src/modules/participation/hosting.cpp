// Residents host activities (社区主理人); see hosting.hpp.
#include "modules/participation/hosting.hpp"

#include <boost/json.hpp>

#include "core/clock.hpp"
#include "core/text.hpp"
#include "modules/audit/audit.hpp"
#include "modules/notifications/notifications.hpp"
#include "modules/participation/activities.hpp"
#include "modules/participation/permissions.hpp"
#include "modules/registry/registry.hpp"
#include "modules/transparency/transparency.hpp"
#include "storage/transact.hpp"

namespace gz::participation {
namespace {

constexpr std::int64_t kHostedHoursMax = 12;

}  // namespace

Result<Activity> propose_hosting(storage::Connection& db, const Actor& actor,
                                 const HostingInput& input, std::int64_t now_ms) {
  GZ_TRY(registry::require_member(db, actor, input.community_id));
  if (!is_resident_of(actor, input.community_id)) {
    return forbidden("residents propose the activities they will host; staff create their own");
  }
  auto kind = parse_kind(input.kind);
  if (!kind || *kind == Kind::meeting) {
    return bad_request("invalid_kind",
                       "a resident hosts an activity, volunteer work or skill sharing (kind "
                       "activity, volunteer or skill_sharing)");
  }
  GZ_TRY(text::require_text(input.title, "title", 200));
  GZ_TRY(text::require_text(input.agenda, "agenda (what, for whom and how)", 4000));
  if (input.starts_ms <= now_ms || input.ends_ms <= input.starts_ms ||
      input.ends_ms - input.starts_ms > kHostedHoursMax * kHourMs) {
    return bad_request("invalid_time",
                       "a hosted activity starts in the future and lasts at most 12 hours");
  }
  if (input.capacity && (*input.capacity < 1 || *input.capacity > 100000)) {
    return bad_request("invalid_capacity", "capacity must be 1-100000");
  }
  if (input.budget_fen < 0 || input.budget_fen > kHostedBudgetMaxFen) {
    return bad_request("invalid_budget", "the requested budget is 0-50,000 yuan");
  }
  return storage::transact(db, storage::TxMode::write, [&]() -> Result<Activity> {
    if (db.query_int("SELECT COUNT(*) FROM activities a JOIN users u ON u.id = a.host_user_id "
                     "WHERE a.status = 'proposed' AND u.household_id = ?",
                     {*actor.household_id}) >= kOpenProposalsMax) {
      return make_error(ErrorKind::too_many_requests, "proposal_limit",
                        "your household has " + std::to_string(kOpenProposalsMax) +
                            " activities awaiting a decision (每户最多" +
                            std::to_string(kOpenProposalsMax) + "个待审核的主理活动)");
    }
    std::string code = new_checkin_code();
    auto id = db.query_one(
                    "INSERT INTO activities (community_id, kind, channel, title, agenda, "
                    "starts_ms, ends_ms, capacity, checkin_code, created_by_user_id, created_at, "
                    "host_user_id, status, budget_fen) VALUES (?, ?, 'community', ?, ?, ?, ?, ?, "
                    "?, ?, ?, ?, 'proposed', ?) RETURNING id",
                    {input.community_id, std::string(kind_name(*kind)), input.title, input.agenda,
                     input.starts_ms, input.ends_ms, storage::opt_int(input.capacity), code,
                     actor.user_id, format_iso8601(now_ms), actor.user_id, input.budget_fen})
                  ->integer(0);
    audit::append(db, actor,
                  {input.community_id, "activity.host_propose", "activity", std::to_string(id),
                   boost::json::object{{"kind", kind_name(*kind)},
                                       {"title", input.title},
                                       {"starts_at", format_iso8601(input.starts_ms)},
                                       {"budget_fen", input.budget_fen}}});
    return *load_activity(db, id);
  });
}

Result<Activity> decide_hosting(storage::Connection& db, const Actor& actor,
                                std::int64_t activity_id, const HostingDecision& decision,
                                std::int64_t now_ms) {
  if (decision.decision != "approve" && decision.decision != "decline") {
    return bad_request("invalid_decision", "decision is approve or decline");
  }
  if (decision.note.size() > 2000) return bad_request("invalid_field", "note: at most 2000 bytes");
  if (decision.decision == "decline" && decision.note.empty()) {
    return bad_request("reason_required", "say why the activity is declined (请说明不同意的理由)");
  }
  if (decision.budget_fen < 0 || decision.budget_fen > kHostedBudgetMaxFen) {
    return bad_request("invalid_budget", "the budget is 0-50,000 yuan");
  }
  bool funded = decision.decision == "approve" && decision.budget_fen > 0;
  if (funded && (!decision.plan_id || !decision.category || decision.category->empty())) {
    return bad_request("plan_required", "a budget names the plan and the line it comes from");
  }
  return storage::transact(db, storage::TxMode::write, [&]() -> Result<Activity> {
    auto activity = load_activity(db, activity_id);
    if (!activity || !actor.belongs_to(activity->community_id) || !activity->host_user_id) {
      return not_found("no hosted activity " + std::to_string(activity_id));
    }
    if (!may_run_activities(actor, activity->community_id) || actor.is(Role::guide)) {
      return forbidden("community staff decide on hosted activities");
    }
    if (activity->status != "proposed") {
      return conflict("already_decided", "this activity has its decision");
    }
    if (now_ms >= activity->starts_ms) {
      return conflict("activity_started", "the activity's start has passed");
    }
    std::string status = decision.decision == "approve" ? "approved" : "declined";
    if (funded) {
      transparency::SpendingInput spending;
      spending.category = *decision.category;
      spending.amount = decision.budget_fen;
      spending.purpose = "社区主理人活动：" + activity->title;
      spending.payee_category = "resident_group";
      spending.receipt_ref = "HOST-" + std::to_string(activity_id);
      auto recorded = transparency::record_spending(db, actor, *decision.plan_id, spending, now_ms);
      if (!recorded) return recorded.take_error();
    }
    db.execute(
        "UPDATE activities SET status = ?, decision_note = ?, budget_fen = ?, "
        "budget_plan_id = ?, budget_category = ? WHERE id = ? AND status = 'proposed'",
        {status, decision.note,
         decision.decision == "approve" ? storage::Value{decision.budget_fen}
                                        : storage::opt_int(activity->budget_fen),
         funded ? storage::opt_int(decision.plan_id) : storage::null_value(),
         funded ? storage::opt_text(decision.category) : storage::null_value(), activity_id});
    audit::append(
        db, actor,
        {activity->community_id, "activity.host_decide", "activity", std::to_string(activity_id),
         boost::json::object{{"decision", decision.decision},
                             {"note", decision.note},
                             {"budget_fen", decision.budget_fen}}});
    notifications::Event event;
    event.community_id = activity->community_id;
    event.kind = "activity.hosting_decided";
    event.subject_type = "activity";
    event.subject_id = std::to_string(activity_id);
    event.recipients = {*activity->host_user_id};
    event.data = {{"title", activity->title},
                  {"decision_zh", status == "approved" ? "已获批准" : "未获同意"},
                  {"decision_en", status == "approved" ? "approved" : "declined"},
                  {"note", decision.note}};
    notifications::record(db, event, now_ms);
    return *load_activity(db, activity_id);
  });
}

}  // namespace gz::participation
