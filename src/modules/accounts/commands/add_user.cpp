// AddUser: creates a login with one role, linked to a household or to communities.
#include <boost/json.hpp>

#include "core/clock.hpp"
#include "core/crypto.hpp"
#include "modules/accounts/accounts.hpp"
#include "modules/audit/audit.hpp"

namespace gz::accounts {

bool is_valid_username(const std::string& username) {
  if (username.size() < 3 || username.size() > 32) return false;
  for (char c : username) {
    bool ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '.' || c == '-';
    if (!ok) return false;
  }
  return true;
}

Result<std::int64_t> add_user(storage::Connection& connection, const Actor& by,
                              const NewUser& user) {
  if (!is_valid_username(user.username)) {
    return bad_request("invalid_username",
                       "username must be 3-32 characters of a-z, 0-9, '_', '.', '-'");
  }
  GZ_TRY(check_password_policy(user.password, user.username, user.mobile));
  if (user.role == Role::resident && !user.household_id) {
    return bad_request("household_required", "a resident must be linked to a household");
  }
  if (user.role != Role::resident && user.household_id) {
    return bad_request("household_not_allowed", "only residents are linked to a household");
  }
  if ((user.role == Role::guide || user.role == Role::staff ||
       (user.role == Role::street && user.street_ids.empty())) &&
      user.community_ids.empty()) {
    return bad_request("community_required", "guides, staff and street users need a community");
  }
  if (user.role == Role::guide || user.role == Role::staff) {
    // Community workers serve one community; a street supervisor oversees several.
    if (user.community_ids.size() != 1) {
      return bad_request("one_community", "guides and staff belong to exactly one community");
    }
  }
  // Slow: outside the lock, unless the caller hashed it before its transaction.
  std::string password_hash =
      user.password_hash ? *user.password_hash : crypto::hash_password(user.password);
  std::int64_t user_id = 0;
  std::optional<Error> failure;
  storage::with_transaction(connection, storage::TxMode::write, [&] {
    std::optional<std::int64_t> community_id;
    if (user.household_id) {
      auto household = connection.query_one("SELECT community_id FROM households WHERE id = ?",
                                            {*user.household_id});
      if (!household) {
        failure = not_found("no household " + std::to_string(*user.household_id));
        return;
      }
      community_id = household->integer(0);
    }
    for (std::int64_t id : user.community_ids) {
      if (!connection.query_one("SELECT id FROM communities WHERE id = ?", {id})) {
        failure = not_found("no community " + std::to_string(id));
        return;
      }
    }
    if (!community_id && !user.community_ids.empty()) community_id = user.community_ids.front();
    if (connection.query_one("SELECT id FROM users WHERE username = ?", {user.username})) {
      failure = conflict("username_taken", "username '" + user.username + "' is taken");
      return;
    }
    if (user.mobile &&
        connection.query_one("SELECT id FROM users WHERE mobile = ?", {*user.mobile})) {
      failure = conflict("mobile_taken", "a login is registered with this mobile");
      return;
    }
    if (user.resident_id &&
        connection.query_one("SELECT id FROM users WHERE resident_id = ?", {*user.resident_id})) {
      failure = conflict("already_registered", "this member of the household has a login");
      return;
    }
    auto inserted = connection.query_one(
        "INSERT INTO users (community_id, username, password_hash, role, household_id, "
        "display_name, created_at, mobile, resident_id, disabled) VALUES (?, ?, ?, ?, ?, ?, ?, "
        "?, ?, ?) RETURNING id",
        {storage::opt_int(community_id), user.username, password_hash,
         std::string(role_name(user.role)), storage::opt_int(user.household_id),
         user.display_name.empty() ? storage::Value{} : storage::Value{user.display_name},
         now_iso8601(), storage::opt_text(user.mobile), storage::opt_int(user.resident_id),
         std::int64_t{user.disabled ? 1 : 0}});
    user_id = inserted->integer(0);
    boost::json::array communities;
    for (std::int64_t id : user.community_ids) {
      connection.execute("INSERT INTO user_communities (user_id, community_id) VALUES (?, ?)",
                         {user_id, id});
      communities.push_back(id);
    }
    boost::json::array streets;
    for (std::int64_t id : user.street_ids) {
      connection.execute("INSERT INTO user_streets (user_id, street_id) VALUES (?, ?)",
                         {user_id, id});
      streets.push_back(id);
    }
    boost::json::object change{
        {"username", user.username}, {"role", role_name(user.role)}, {"communities", communities}};
    if (!streets.empty()) change["streets"] = std::move(streets);
    if (user.household_id) change["household_id"] = *user.household_id;
    if (user.resident_id) change["resident_id"] = *user.resident_id;
    if (user.disabled) change["disabled"] = true;
    audit::append(connection, by,
                  {community_id,
                   "user.create",
                   "user",
                   std::to_string(user_id),
                   change,
                   {{&user_rows(), user_id}}});
  });
  if (failure) return *failure;
  return user_id;
}

}  // namespace gz::accounts
