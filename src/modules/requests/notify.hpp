// What the requests module tells whom (through the notifications module's contract), inside
// the transaction of the change: the resident who reported a problem hears every status
// change; the assignee hears of an assignment and of an overdue case; the street supervisors
// of an escalation. Red requests are urgent (no quiet hours). Internal to the module.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "modules/requests/requests.hpp"
#include "storage/database.hpp"

namespace gz::requests::notify {

// A status change by `action` (nothing for comments and priority changes).
void status_changed(storage::Connection& db, const Request& before, Status to, Action action,
                    const std::optional<std::int64_t>& assignee_user_id,
                    const std::optional<std::string>& note, std::int64_t now_ms);
// A referral: `refer` tells the community's street users (receiver: whom it went to), and
// `return_referral` the community's staff, with the reason.
void referral_changed(storage::Connection& db, const Request& request, Action action,
                      const std::string& receiver, const std::string& note, std::int64_t now_ms);
// The overdue job: `deadline` is "response" or "resolution".
void overdue(storage::Connection& db, const Request& request, const std::string& deadline,
             const std::vector<std::int64_t>& supervisors, const std::string& note,
             std::int64_t now_ms);

// The demo: what residents heard of their requests' status changes since `since_ms`, recorded
// at each change's time (the demo writes its requests in bulk, without the use cases).
int replay_for_demo(storage::Connection& db, std::int64_t community_id, std::int64_t since_ms);

}  // namespace gz::requests::notify
