// Accounts: users with one role each, login sessions (random tokens stored only as SHA-256
// hashes, with an expiry), throttling of repeated failed logins, and user creation.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/actor.hpp"
#include "core/result.hpp"
#include "modules/audit/audit.hpp"
#include "storage/database.hpp"

namespace gz::accounts {

// The users table as the audit chain records it (modules/audit/tracked.hpp): username, role,
// household, communities, whether disabled, and a digest of the password hash. Every write of
// a user names the row, so `ledger verify` catches a role raised to admin in the database.
const audit::Tracked& user_rows();

inline constexpr std::int64_t kSessionSeconds = 12 * 3600;
// Failed logins in a 15-minute window: 5 per account from one client address (another
// address is not affected), 30 per client address whatever the accounts.
inline constexpr std::int64_t kThrottleWindowSeconds = 15 * 60;
inline constexpr int kMaxFailuresPerUsername = 5;
inline constexpr int kMaxFailuresPerAddress = 30;

struct LoginResult {
  std::string token;
  std::int64_t expires_epoch = 0;
  Actor actor;
};

// Errors: unauthorized "invalid_credentials"; too_many_requests "login_throttled".
Result<LoginResult> log_in(storage::Connection& connection, const std::string& username,
                           const std::string& password, const std::string& remote_ip);
void log_out(storage::Connection& connection, const std::string& token);
// The actor of a live session, or nothing for an unknown or expired token.
std::optional<Actor> authenticate(storage::Connection& connection, const std::string& token);
std::optional<Actor> load_actor(storage::Connection& connection, std::int64_t user_id);

struct NewUser {
  std::string username;
  Role role = Role::resident;
  std::vector<std::int64_t> community_ids;   // guide/staff: one or more; street: several
  std::optional<std::int64_t> household_id;  // resident: required
  std::string password;                      // plain; hashed with argon2id here
  std::string display_name;
};

// Errors: bad_request (invalid username/password/role links), conflict "username_taken",
// not_found for a community or household that does not exist.
Result<std::int64_t> add_user(storage::Connection& connection, const Actor& by,
                              const NewUser& user);

// A guide or staff member of a community; caseload_households for guides only.
struct CommunityUser {
  std::int64_t id = 0;
  std::string username;
  std::string display_name;
  Role role = Role::guide;
  std::optional<std::int64_t> caseload_households;
};

// Staff, street users of the community and admins (residents and guides 403, outsiders 404).
// role: guide or staff (400 invalid_role otherwise); both when absent. Never password data.
Result<std::vector<CommunityUser>> list_users(storage::Connection& connection, const Actor& by,
                                              std::int64_t community_id, std::optional<Role> role);

bool is_valid_username(const std::string& username);

}  // namespace gz::accounts
