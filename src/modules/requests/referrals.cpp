#include "modules/requests/referrals.hpp"

#include "modules/audit/audit.hpp"
#include "modules/registry/registry.hpp"

namespace gz::requests::referrals {

std::optional<Open> open_referral(storage::Connection& db, std::int64_t request_id) {
  auto row = db.query_one(
      "SELECT id, status FROM request_referrals WHERE request_id = ? AND status IN ('pending', "
      "'accepted') ORDER BY id DESC LIMIT 1",
      {request_id});
  if (!row) return std::nullopt;
  return Open{row->integer(0), row->text(1)};
}

Referral state_for(const Actor& actor, const std::optional<Open>& open) {
  if (!open || !actor.is(Role::street)) return Referral::none;
  return open->status == "pending" ? Referral::pending : Referral::accepted;
}

std::optional<std::string> receiver_name(storage::Connection& db, std::int64_t community_id,
                                         const std::string& level,
                                         const std::optional<std::string>& department) {
  if (level == "street") {
    auto community = registry::get_community(db, audit::system_actor(), community_id);
    if (community && community->street && !community->street->empty()) return *community->street;
    return std::string("街道");
  }
  if (!department) return std::nullopt;
  for (const auto& known : list_departments(db, community_id)) {
    if (known.code == *department) return known.name_zh;
  }
  return std::nullopt;
}

void follow(storage::Connection& db, std::int64_t request_id, std::int64_t community_id,
            Action action, Status to, const std::optional<Open>& open, const std::string& level,
            const std::optional<std::string>& department, const std::optional<std::string>& note,
            std::int64_t actor_user_id, std::int64_t now_ms) {
  if (action == Action::refer) {
    db.execute(
        "INSERT INTO request_referrals (request_id, community_id, level, department, reason, "
        "referred_by_user_id, referred_ms, status) VALUES (?, ?, ?, ?, ?, ?, ?, 'pending')",
        {request_id, community_id, level, storage::opt_text(department), note.value_or(""),
         actor_user_id, now_ms});
    return;
  }
  if (!open) return;
  if (action == Action::accept_referral || action == Action::return_referral) {
    bool returned = action == Action::return_referral;
    db.execute(
        "UPDATE request_referrals SET status = ?, answered_by_user_id = ?, answered_ms = ?, "
        "answer_note = ?, closed_ms = ? WHERE id = ?",
        {std::string(returned ? "returned" : "accepted"), actor_user_id, now_ms,
         storage::opt_text(note), returned ? storage::Value(now_ms) : storage::Value(), open->id});
  } else if (to == Status::resolved || is_end(to)) {
    db.execute("UPDATE request_referrals SET status = ?, closed_ms = ? WHERE id = ?",
               {std::string(to == Status::resolved ? "resolved" : "withdrawn"), now_ms, open->id});
  }
}

std::vector<ReferralView> of_request(storage::Connection& db, const Request& request) {
  std::vector<ReferralView> out;
  for (const auto& row : db.query(
           "SELECT id, level, department, reason, status, referred_ms, answered_ms, answer_note "
           "FROM request_referrals WHERE request_id = ? ORDER BY id",
           {request.id})) {
    ReferralView view;
    view.id = row.integer(0);
    view.level = row.text(1);
    view.department = row.opt_text(2);
    view.reason = row.text(3);
    view.status = row.text(4);
    view.referred_ms = row.integer(5);
    view.answered_ms = row.opt_integer(6);
    view.answer_note = row.opt_text(7);
    view.receiver =
        receiver_name(db, request.community_id, view.level, view.department).value_or("");
    out.push_back(std::move(view));
  }
  return out;
}

}  // namespace gz::requests::referrals
