#include "modules/requests/notify.hpp"

#include <boost/json.hpp>

#include "modules/accounts/accounts.hpp"
#include "modules/notifications/notifications.hpp"
#include "modules/requests/open311_spec.hpp"
#include "modules/requests/store.hpp"

namespace gz::requests::notify {
namespace {

// The residents a request answers to: the one who filed it (when a resident) and the resident
// accounts of its household.
std::vector<std::int64_t> residents_of(storage::Connection& db, const Request& request) {
  std::vector<std::int64_t> out;
  if (request.submitted_by_user_id) {
    if (auto row =
            db.query_one("SELECT role FROM users WHERE id = ?", {*request.submitted_by_user_id});
        row && row->text(0) == "resident") {
      out.push_back(*request.submitted_by_user_id);
    }
  }
  if (request.household_id) {
    for (std::int64_t user_id : accounts::household_users(db, *request.household_id)) {
      out.push_back(user_id);
    }
  }
  return out;
}

boost::json::object data_of(storage::Connection& db, const Request& request) {
  auto category = find_category(db, request.community_id, request.category);
  return {{"code", request.tracking_code},
          {"category", category ? category->name_zh : request.category},
          {"priority", priority_name(request.priority)}};
}

}  // namespace

void status_changed(storage::Connection& db, const Request& before, Status to, Action action,
                    const std::optional<std::int64_t>& assignee_user_id,
                    const std::optional<std::string>& note, std::int64_t now_ms) {
  if (to == before.status && action != Action::assign) return;
  notifications::Event event;
  event.community_id = before.community_id;
  event.subject_type = "request";
  event.subject_id = std::to_string(before.id);
  event.urgent = before.priority == Priority::red;
  event.data = data_of(db, before);
  event.data["status_zh"] = open311::public_phrase(to);
  event.data["status_en"] = status_name(to);
  event.data["note"] = note.value_or("");
  event.recipients = residents_of(db, before);
  switch (action) {
    case Action::accept:
      event.kind = "request.accepted";
      break;
    case Action::assign:
      event.kind = "request.assigned";
      if (assignee_user_id) event.recipients.push_back(*assignee_user_id);
      break;
    case Action::resolve:
      event.kind = "request.resolved";
      break;
    case Action::comment:
    case Action::set_priority:
      return;
    default:
      event.kind = "request.updated";
      break;
  }
  notifications::record(db, event, now_ms);
}

void referral_changed(storage::Connection& db, const Request& request, Action action,
                      const std::string& receiver, const std::string& note, std::int64_t now_ms) {
  notifications::Event event;
  event.community_id = request.community_id;
  event.subject_type = "request";
  event.subject_id = std::to_string(request.id);
  event.urgent = request.priority == Priority::red;
  event.data = data_of(db, request);
  event.data["note"] = note;
  event.data["receiver"] = receiver;
  if (action == Action::refer) {
    event.kind = "request.referred";
    event.recipients = accounts::community_users(db, request.community_id, {Role::street});
  } else {
    event.kind = "request.referral_returned";
    event.recipients = accounts::community_users(db, request.community_id, {Role::staff});
  }
  notifications::record(db, event, now_ms);
}

void overdue(storage::Connection& db, const Request& request, const std::string& deadline,
             const std::vector<std::int64_t>& supervisors, const std::string& note,
             std::int64_t now_ms) {
  notifications::Event event;
  event.community_id = request.community_id;
  event.subject_type = "request";
  event.subject_id = std::to_string(request.id);
  event.urgent = request.priority == Priority::red;
  event.data = data_of(db, request);
  event.data["deadline"] = deadline == "response" ? "响应" : "办结";
  event.data["deadline_en"] = deadline;
  event.data["note"] = note;
  if (request.assignee_user_id) {
    event.kind = "request.overdue";
    event.recipients = {*request.assignee_user_id};
    notifications::record(db, event, now_ms);
  }
  event.kind = "request.escalated";
  event.recipients = supervisors;
  notifications::record(db, event, now_ms);
}

int replay_for_demo(storage::Connection& db, std::int64_t community_id, std::int64_t since_ms) {
  struct Change {
    std::int64_t request_id;
    std::int64_t at_ms;
    std::string action;
    std::string to;
    std::optional<std::string> note;
  };
  std::vector<Change> changes;
  for (const auto& row : db.query(
           "SELECT e.request_id, e.at_ms, e.action, e.to_status, e.note FROM request_events e "
           "JOIN requests r ON r.id = e.request_id WHERE e.community_id = ? AND e.at_ms >= ? AND "
           "e.is_public = 1 AND e.action IN ('accept', 'assign', 'start', 'resolve', 'close', "
           "'reject') AND EXISTS (SELECT 1 FROM users u WHERE u.household_id = r.household_id "
           "AND u.role = 'resident') ORDER BY e.at_ms, e.id",
           {community_id, since_ms})) {
    changes.push_back({row.integer(0), row.integer(1), row.text(2), row.text(3), row.opt_text(4)});
  }
  int recorded = 0;
  for (const auto& change : changes) {
    auto request = store::load_request(db, change.request_id);
    auto action = parse_action(change.action);
    auto to = parse_status(change.to);
    if (!request || !action || !to) continue;
    Request before = *request;
    before.status = Status::submitted;  // any status other than the one moved to
    if (*to == Status::submitted) continue;
    status_changed(db, before, *to, *action, request->assignee_user_id, change.note, change.at_ms);
    ++recorded;
  }
  return recorded;
}

}  // namespace gz::requests::notify
