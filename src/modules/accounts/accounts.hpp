// Accounts: users with one role each, login sessions (random tokens stored only as SHA-256
// hashes, with an expiry), throttling of repeated failed logins, and user creation.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <boost/json/object.hpp>

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

// `login` is a username or a mobile a login was registered with. Errors: unauthorized
// "invalid_credentials"; too_many_requests "login_throttled"; forbidden "account_inactive"
// for the right password of a login that is deactivated or waits for staff to confirm it.
// The session remembers the address and browser it was opened from.
Result<LoginResult> log_in(storage::Connection& connection, const std::string& login,
                           const std::string& password, const std::string& remote_ip,
                           const std::string& user_agent = "");
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
  std::optional<std::string> mobile;        // a verified mobile to log in with (normalised)
  std::optional<std::int64_t> resident_id;  // the registered member this login is
  bool disabled = false;                    // waits for staff to confirm it
  // When set, the argon2id hash of `password` made before (outside the caller's transaction:
  // hashing is slow and should not hold the write lock); the policy still checks `password`.
  std::optional<std::string> password_hash;
  std::vector<std::int64_t> street_ids;  // street supervisors: the streets they oversee
};

// Errors: bad_request (invalid username/password/role links, weak_password), conflict
// "username_taken", "mobile_taken", "already_registered" (the member has a login), not_found
// for a community or household that does not exist.
Result<std::int64_t> add_user(storage::Connection& connection, const Actor& by,
                              const NewUser& user);

// A user as those who run the platform see them: mobile masked, caseload for guides.
struct UserView {
  std::int64_t id = 0;
  std::string username;
  std::string display_name;
  Role role = Role::guide;
  std::vector<std::int64_t> community_ids;
  std::vector<std::int64_t> street_ids;
  std::optional<std::int64_t> household_id;
  std::optional<std::string> mobile;  // masked
  bool disabled = false;
  std::optional<std::int64_t> caseload_households;
  std::string created_at;
};
struct UserFilter {
  std::optional<std::int64_t> community_id;  // required but for admins
  std::optional<Role> role;
  std::optional<std::string> q;  // in the username or display name
  std::string state = "active";  // active, disabled, all
};
// Residents 403 at once; a community not the reader's 404; then permissions.hpp: staff list
// their community's guides, staff and residents, street users its guides and staff, admins
// anyone (without a community: everyone). 400 invalid_state, missing_field.
Result<std::vector<UserView>> list_users(storage::Connection& connection, const Actor& by,
                                         const UserFilter& filter);
std::optional<UserView> find_user(storage::Connection& connection, std::int64_t user_id);
// As the API shows it.
boost::json::object user_json(const UserView& user);
// The streets a street supervisor oversees.
std::vector<std::int64_t> user_streets(storage::Connection& connection, std::int64_t user_id);

// What an administrator changes of a user (each given field replaces the old), audited as
// `by`'s; the caller checked the permission and that the communities and streets exist.
struct UserChange {
  std::optional<std::string> display_name;
  std::optional<Role> role;
  std::optional<std::vector<std::int64_t>> community_ids;
  std::optional<std::vector<std::int64_t>> street_ids;
};
void change_user(storage::Connection& connection, const Actor& by, std::int64_t user_id,
                 const UserChange& change);

bool is_valid_username(const std::string& username);

// --- passwords (passwords.cpp)
// 8 to 256 characters, not one of the common passwords, not a run of one character or of
// consecutive digits, not the username or the mobile: 400 weak_password naming the reason.
Result<void> check_password_policy(const std::string& password, const std::string& username,
                                   const std::optional<std::string>& mobile);
// The user's own password, given the current one (400 wrong_password); every other session of
// theirs ends.
Result<void> change_password(storage::Connection& connection, const Actor& actor,
                             const std::string& current, const std::string& next,
                             const std::string& current_token);
// The work behind a reset (by SMS code, or an administrator's forced reset): a new password,
// the forced-reset mark cleared, every session ended. Audited as `by`'s.
Result<void> set_password(storage::Connection& connection, const Actor& by, std::int64_t user_id,
                          const std::string& password);
// An administrator's "reset at next login": the user's sessions end and the next login must
// choose a new password.
void force_password_reset(storage::Connection& connection, const Actor& by, std::int64_t user_id);
bool must_reset_password(storage::Connection& connection, std::int64_t user_id);

// --- sessions (sessions.cpp): a user sees and ends their own
struct SessionView {
  std::string id;  // the first 16 hex digits of the token's hash: names it, reveals nothing
  std::string created_at;
  std::string expires_at;
  std::optional<std::string> remote_ip;
  std::optional<std::string> user_agent;
  bool current = false;
};
std::vector<SessionView> list_sessions(storage::Connection& connection, const Actor& actor,
                                       const std::string& current_token);
// 404 for a session that is not the actor's.
Result<void> end_session(storage::Connection& connection, const Actor& actor,
                         const std::string& session_id);

// --- logins as other modules need them (lookups.cpp), no permission asked
struct Login {
  std::int64_t id = 0;
  std::string username;
  Role role = Role::resident;
  std::string display_name;
  std::optional<std::int64_t> household_id;
  std::optional<std::int64_t> resident_id;
  std::optional<std::string> mobile;
  bool disabled = false;
  std::string created_at;
};
std::optional<Login> find_login(storage::Connection& connection, std::int64_t user_id);
std::optional<Login> find_login_by_mobile(storage::Connection& connection,
                                          const std::string& mobile);
// Every login of a household's members, oldest first.
std::vector<Login> household_logins(storage::Connection& connection, std::int64_t household_id);
// Deactivates (sessions end) or reactivates a login; audited as `by`'s. Binds a confirmed
// login to its member when `resident_id` is given.
void set_disabled(storage::Connection& connection, const Actor& by, std::int64_t user_id,
                  bool disabled, const std::string& action,
                  std::optional<std::int64_t> resident_id = std::nullopt);

// Whom to tell (for notifications, no permission asked: the caller's rules decide who is due a
// message): the enabled resident accounts of a household, and the enabled users of a community
// with one of the roles — officials assigned to it, residents whose household is in it (admins,
// who belong to no community, are never among them). By id.
std::vector<std::int64_t> household_users(storage::Connection& connection,
                                          std::int64_t household_id);
std::vector<std::int64_t> community_users(storage::Connection& connection,
                                          std::int64_t community_id,
                                          const std::vector<Role>& roles);

}  // namespace gz::accounts
