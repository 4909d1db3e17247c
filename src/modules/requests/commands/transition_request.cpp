// TransitionRequest and RateRequest: move a case through the workflow with a note, kept
// forever; a stale or disallowed transition changes nothing.
#include <boost/json.hpp>

#include "core/clock.hpp"
#include "modules/audit/audit.hpp"
#include "modules/requests/calendar_store.hpp"
#include "modules/requests/notify.hpp"
#include "modules/requests/permissions.hpp"
#include "modules/requests/referrals.hpp"
#include "modules/requests/requests.hpp"
#include "modules/requests/sla.hpp"
#include "modules/requests/store.hpp"

namespace gz::requests {
namespace {

// What the UPDATE sets besides status and version.
struct Changes {
  std::optional<std::int64_t> responded_ms;
  std::optional<std::optional<std::int64_t>> resolved_ms;
  std::optional<std::optional<std::int64_t>> closed_ms;
  std::optional<std::int64_t> assignee_user_id;
  std::optional<std::string> assignee_department;
  bool set_assignee = false;
  std::optional<std::int64_t> duplicate_of;
  std::optional<Priority> priority;
  std::optional<std::int64_t> response_due_ms;
  std::optional<int> rating;
  std::optional<std::string> rating_comment;
  std::optional<std::int64_t> rated_ms;
};

// Applies the change if the row still has `version`; false when someone else moved first.
bool apply(storage::Connection& db, const Request& request, Status to, const Changes& changes,
           std::int64_t now_ms) {
  std::string sql = "UPDATE requests SET status = ?, version = version + 1, updated_at = ?";
  std::vector<storage::Value> params = {std::string(status_name(to)), format_iso8601(now_ms)};
  auto set = [&](const char* column, storage::Value value) {
    sql += std::string(", ") + column + " = ?";
    params.push_back(std::move(value));
  };
  if (changes.responded_ms) set("responded_ms", *changes.responded_ms);
  if (changes.resolved_ms) set("resolved_ms", storage::opt_int(*changes.resolved_ms));
  if (changes.closed_ms) set("closed_ms", storage::opt_int(*changes.closed_ms));
  if (changes.set_assignee) {
    set("assignee_user_id", storage::opt_int(changes.assignee_user_id));
    set("assignee_department", storage::opt_text(changes.assignee_department));
  }
  if (changes.duplicate_of) set("duplicate_of", *changes.duplicate_of);
  if (changes.priority) {
    set("priority", std::string(priority_name(*changes.priority)));
    set("priority_source", std::string("staff"));
  }
  if (changes.response_due_ms) set("response_due_ms", *changes.response_due_ms);
  if (changes.rating) set("rating", std::int64_t{*changes.rating});
  if (changes.rating_comment) set("rating_comment", *changes.rating_comment);
  if (changes.rated_ms) set("rated_ms", *changes.rated_ms);
  sql += " WHERE id = ? AND version = ?";
  params.emplace_back(request.id);
  params.emplace_back(request.version);
  return db.execute(sql, params) == 1;
}

Error stale() {
  return conflict("stale_version", "the request changed since you loaded it; reload and retry");
}

}  // namespace

Result<Request> transition_request(storage::Connection& db, const Actor& actor,
                                   std::int64_t request_id, const TransitionInput& input,
                                   std::int64_t now_ms) {
  auto request = store::load_request(db, request_id);
  if (!request || !permissions::may_view(actor, *request)) {
    return not_found("no request " + std::to_string(request_id));
  }
  auto referral = referrals::open_referral(db, request->id);
  // While the street holds a referral, the community does not work the case alongside it: it
  // waits for the answer (it may still note, reprioritise, or end the case, which withdraws it).
  if (referral && !actor.is(Role::street) &&
      (input.action == Action::accept || input.action == Action::assign ||
       input.action == Action::start || input.action == Action::resolve)) {
    return conflict("with_street", "the case is referred to the street; wait for its answer");
  }
  TransitionContext context{actor.role, permissions::is_owner(actor, *request),
                            request->resolved_ms, now_ms, referrals::state_for(actor, referral)};
  auto decided = decide(request->status, input.action, context);
  if (!decided) return decided.take_error();
  Status to = *decided;
  if (input.expected_version && *input.expected_version != request->version) return stale();

  Changes changes;
  std::string note = input.note.value_or("");
  switch (input.action) {
    case Action::assign: {
      if (input.assignee_user_id.has_value() == input.assignee_department.has_value()) {
        return bad_request("invalid_assignee", "give either assignee (a user id) or department");
      }
      if (input.assignee_user_id) {
        auto user = db.query_one(
            "SELECT u.role FROM users u JOIN user_communities uc ON uc.user_id = u.id WHERE "
            "u.id = ? AND uc.community_id = ? AND u.disabled = 0",
            {*input.assignee_user_id, request->community_id});
        if (!user || (user->text(0) != "guide" && user->text(0) != "staff")) {
          return bad_request("invalid_assignee",
                             "the assignee must be a guide or staff member of this community");
        }
        if (actor.is(Role::guide) && *input.assignee_user_id != actor.user_id) {
          return forbidden("a guide may assign a request only to themselves");
        }
      } else {
        bool known = false;
        for (const auto& department : list_departments(db, request->community_id)) {
          known = known || department.code == *input.assignee_department;
        }
        if (!known)
          return bad_request("invalid_department",
                             "unknown department '" + *input.assignee_department + "'");
      }
      changes.set_assignee = true;
      changes.assignee_user_id = input.assignee_user_id;
      changes.assignee_department = input.assignee_department;
      break;
    }
    case Action::mark_duplicate: {
      if (!input.duplicate_of || *input.duplicate_of == request->id) {
        return bad_request("invalid_duplicate_of", "duplicate_of must name another request");
      }
      auto original = store::load_request(db, *input.duplicate_of);
      if (!original || original->community_id != request->community_id) {
        return bad_request("invalid_duplicate_of",
                           "duplicate_of must be a request of this community");
      }
      changes.duplicate_of = *input.duplicate_of;
      break;
    }
    case Action::refer: {
      if (referral) return conflict("already_referred", "the request is already with the street");
      std::string level = input.referral_level.value_or("street");
      if (level != "street" && level != "department") {
        return bad_request("invalid_level", "level must be street or department");
      }
      if (level == "street" && input.assignee_department) {
        return bad_request("invalid_level", "a department goes with level department");
      }
      if (!referrals::receiver_name(db, request->community_id, level, input.assignee_department)) {
        return bad_request("invalid_department",
                           "level department needs a department of the community");
      }
      if (note.empty()) return bad_request("note_required", "a reason is required to refer");
      changes.set_assignee = true;
      changes.assignee_department = input.assignee_department;
      break;
    }
    case Action::return_referral:
      if (note.empty()) return bad_request("note_required", "a reason is required to return");
      changes.set_assignee = true;
      break;
    case Action::reject:
    case Action::reopen:
    case Action::comment:
      if (note.empty()) {
        return bad_request("note_required",
                           "a note is required to " + std::string(action_name(input.action)));
      }
      break;
    case Action::set_priority: {
      if (!input.priority) return bad_request("missing_field", "priority is required");
      changes.priority = input.priority;
      if (!request->responded_ms) {
        auto calendar = current_calendar(db);
        changes.response_due_ms = response_due_ms(*input.priority, request->received_ms, *calendar);
      }
      break;
    }
    default:
      break;
  }
  if (counts_as_response(request->status, input.action) && !request->responded_ms) {
    changes.responded_ms = now_ms;
  }
  if (input.action == Action::resolve) changes.resolved_ms = std::optional<std::int64_t>(now_ms);
  if (input.action == Action::close) changes.closed_ms = std::optional<std::int64_t>(now_ms);
  if (input.action == Action::reopen) {
    changes.resolved_ms = std::optional<std::int64_t>();
    changes.closed_ms = std::optional<std::int64_t>();
  }

  // The public answer of a referral names where the case went (the tracking page shows it).
  std::optional<std::string> event_note = input.note;
  if (input.action == Action::refer) {
    event_note = "转至" +
                 *referrals::receiver_name(db, request->community_id,
                                           input.referral_level.value_or("street"),
                                           input.assignee_department) +
                 "办理：" + note;
  }
  bool moved = false;
  storage::with_transaction(db, storage::TxMode::write, [&] {
    moved = apply(db, *request, to, changes, now_ms);
    if (!moved) return;
    // Notes on comments stay internal; every status change and its note is the public answer.
    bool is_public = input.action != Action::comment && input.action != Action::set_priority;
    store::insert_event(
        db, {request->community_id, request->id, now_ms, actor.user_id,
             std::string(role_name(actor.role)), std::string(action_name(input.action)),
             std::string(status_name(request->status)), std::string(status_name(to)), event_note,
             is_public});
    boost::json::object change{{"action", action_name(input.action)},
                               {"from", status_name(request->status)},
                               {"to", status_name(to)}};
    if (input.note) change["note"] = *input.note;
    if (input.assignee_user_id) change["assignee_user_id"] = *input.assignee_user_id;
    if (input.assignee_department) change["assignee_department"] = *input.assignee_department;
    if (input.priority) change["priority"] = priority_name(*input.priority);
    if (input.duplicate_of) change["duplicate_of"] = *input.duplicate_of;
    audit::append(db, actor,
                  {request->community_id,
                   "request." + std::string(action_name(input.action)),
                   "request",
                   std::to_string(request->id),
                   change,
                   {{&request_rows(), request->id}}});
    notify::status_changed(db, *request, to, input.action, input.assignee_user_id, input.note,
                           now_ms);
    // The referral follows the case: opened, answered, or ended with it.
    std::string level = input.referral_level.value_or("street");
    referrals::follow(db, request->id, request->community_id, input.action, to, referral, level,
                      input.assignee_department, input.note, actor.user_id, now_ms);
    if (input.action == Action::refer) {
      notify::referral_changed(
          db, *request, input.action,
          *referrals::receiver_name(db, request->community_id, level, input.assignee_department),
          note, now_ms);
    } else if (input.action == Action::return_referral) {
      notify::referral_changed(db, *request, input.action, "", note, now_ms);
    }
  });
  if (!moved) return stale();
  Request moved_request = *store::load_request(db, request->id);
  store::mask_for(permissions::reader_of(actor, moved_request), moved_request);
  return moved_request;
}

Result<Request> rate_request(storage::Connection& db, const Actor& actor, std::int64_t request_id,
                             int score, const std::optional<std::string>& comment,
                             std::int64_t now_ms) {
  auto request = store::load_request(db, request_id);
  if (!request || !permissions::may_view(actor, *request)) {
    return not_found("no request " + std::to_string(request_id));
  }
  if (!permissions::may_rate(actor, *request)) {
    return forbidden("only the resident who asked (or staff recording a follow-up call) may rate");
  }
  if (score < 1 || score > 5) return bad_request("invalid_score", "score must be 1 to 5");
  if (request->rating) return conflict("already_rated", "this request has already been rated");
  if (request->status != Status::resolved && request->status != Status::closed) {
    return conflict("not_resolved", "a request can be rated once it is resolved");
  }
  // An unsatisfied rating sends the case back for review; otherwise it closes.
  Status to = score <= 2 ? Status::reopened : Status::closed;
  Changes changes;
  changes.rating = score;
  changes.rating_comment = comment;
  changes.rated_ms = now_ms;
  if (to == Status::reopened) {
    changes.resolved_ms = std::optional<std::int64_t>();
    changes.closed_ms = std::optional<std::int64_t>();
  } else if (request->status == Status::resolved) {
    changes.closed_ms = std::optional<std::int64_t>(now_ms);
  }
  bool on_behalf = !actor.is(Role::resident);
  bool moved = false;
  storage::with_transaction(db, storage::TxMode::write, [&] {
    moved = apply(db, *request, to, changes, now_ms);
    if (!moved) return;
    std::string note = "满意度评分 " + std::to_string(score) + "/5" +
                       (on_behalf ? "（工作人员电话回访代录）" : "") +
                       (to == Status::reopened ? "，不满意，重新办理" : "");
    store::insert_event(
        db, {request->community_id, request->id, now_ms, actor.user_id,
             std::string(role_name(actor.role)), "rate", std::string(status_name(request->status)),
             std::string(status_name(to)), note, true});
    boost::json::object change{{"score", score}, {"to", status_name(to)}, {"on_behalf", on_behalf}};
    audit::append(db, actor,
                  {request->community_id,
                   "request.rate",
                   "request",
                   std::to_string(request->id),
                   change,
                   {{&request_rows(), request->id}}});
  });
  if (!moved) return stale();
  Request moved_request = *store::load_request(db, request->id);
  store::mask_for(permissions::reader_of(actor, moved_request), moved_request);
  return moved_request;
}

}  // namespace gz::requests
