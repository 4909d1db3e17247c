// EscalateOverdue (督办): the background job that marks late requests and tells the street
// supervisors. Stateless: a conditional UPDATE claims each request, so several servers may
// run it at once and each late request is escalated exactly once per deadline.
#include <boost/json.hpp>

#include "core/clock.hpp"
#include "modules/accounts/accounts.hpp"
#include "modules/audit/audit.hpp"
#include "modules/requests/notify.hpp"
#include "modules/requests/requests.hpp"
#include "modules/requests/store.hpp"

namespace gz::requests {
namespace {

struct Late {
  std::int64_t id;
  std::int64_t community_id;
  std::string tracking_code;
  std::optional<std::int64_t> assignee;
};

std::vector<std::int64_t> supervisors(storage::Connection& db, std::int64_t community_id) {
  return accounts::community_users(db, community_id, {Role::street});
}

int escalate(storage::Connection& db, std::int64_t now_ms, bool response) {
  const char* find =
      response
          ? "SELECT id, community_id, tracking_code, assignee_user_id FROM requests WHERE "
            "overdue_response = 0 AND responded_ms IS NULL AND response_due_ms < ? AND status IN "
            "('submitted', 'reopened') ORDER BY response_due_ms LIMIT 500"
          : "SELECT id, community_id, tracking_code, assignee_user_id FROM requests WHERE "
            "overdue_resolution = 0 AND resolved_ms IS NULL AND resolution_due_ms < ? AND status "
            "IN "
            "('submitted', 'accepted', 'assigned', 'in_progress', 'reopened') ORDER BY "
            "resolution_due_ms LIMIT 500";
  const char* claim = response ? "UPDATE requests SET overdue_response = 1 WHERE id = ? AND "
                                 "overdue_response = 0 AND responded_ms IS NULL"
                               : "UPDATE requests SET overdue_resolution = 1 WHERE id = ? AND "
                                 "overdue_resolution = 0 AND resolved_ms IS NULL";
  std::vector<Late> candidates;
  for (const auto& row : db.query(find, {now_ms})) {
    candidates.push_back({row.integer(0), row.integer(1), row.text(2), row.opt_integer(3)});
  }
  int escalated = 0;
  for (const auto& late : candidates) {
    storage::with_transaction(db, storage::TxMode::write, [&] {
      if (db.execute(claim, {late.id}) != 1) return;  // another server got there first
      auto status = db.query_one("SELECT status FROM requests WHERE id = ?", {late.id})->text(0);
      std::string note = response ? "超过响应时限，已启动督办" : "超过办结时限，已启动督办";
      store::insert_event(db, {late.community_id, late.id, now_ms, std::nullopt, "system",
                               "escalate", status, status, note, true});
      notify::overdue(db, *store::load_request(db, late.id), response ? "response" : "resolution",
                      supervisors(db, late.community_id), note, now_ms);
      audit::append(db, audit::system_actor(),
                    {late.community_id,
                     "request.escalate",
                     "request",
                     std::to_string(late.id),
                     boost::json::object{{"deadline", response ? "response" : "resolution"}},
                     {{&request_rows(), late.id}}});
      ++escalated;
    });
  }
  return escalated;
}

}  // namespace

int escalate_overdue(storage::Connection& db, std::int64_t now_ms) {
  return escalate(db, now_ms, true) + escalate(db, now_ms, false);
}

}  // namespace gz::requests
