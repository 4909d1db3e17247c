// Logins as other modules need them (registration, household accounts), and deactivation.
#include <boost/json.hpp>

#include "modules/accounts/accounts.hpp"
#include "modules/audit/audit.hpp"
#include "storage/transact.hpp"

namespace gz::accounts {
namespace {

constexpr const char* kLoginColumns =
    "SELECT id, username, role, COALESCE(display_name, ''), household_id, resident_id, mobile, "
    "disabled, created_at FROM users ";

Login login_from(const storage::Row& row) {
  Login login;
  login.id = row.integer(0);
  login.username = row.text(1);
  login.role = parse_role(row.text(2)).value_or(Role::resident);
  login.display_name = row.text(3);
  login.household_id = row.opt_integer(4);
  login.resident_id = row.opt_integer(5);
  login.mobile = row.opt_text(6);
  login.disabled = row.integer(7) != 0;
  login.created_at = row.text(8);
  return login;
}

}  // namespace

std::optional<Login> find_login(storage::Connection& connection, std::int64_t user_id) {
  auto row = connection.query_one(std::string(kLoginColumns) + "WHERE id = ?", {user_id});
  if (!row) return std::nullopt;
  return login_from(*row);
}

std::optional<Login> find_login_by_mobile(storage::Connection& connection,
                                          const std::string& mobile) {
  auto row = connection.query_one(std::string(kLoginColumns) + "WHERE mobile = ?", {mobile});
  if (!row) return std::nullopt;
  return login_from(*row);
}

std::vector<Login> household_logins(storage::Connection& connection, std::int64_t household_id) {
  std::vector<Login> out;
  for (const auto& row : connection.query(
           std::string(kLoginColumns) + "WHERE household_id = ? AND role = 'resident' ORDER BY id",
           {household_id})) {
    out.push_back(login_from(row));
  }
  return out;
}

void set_disabled(storage::Connection& connection, const Actor& by, std::int64_t user_id,
                  bool disabled, const std::string& action,
                  std::optional<std::int64_t> resident_id) {
  storage::with_transaction(connection, storage::TxMode::write, [&] {
    connection.execute("UPDATE users SET disabled = ? WHERE id = ?",
                       {std::int64_t{disabled ? 1 : 0}, user_id});
    if (resident_id) {
      connection.execute("UPDATE users SET resident_id = ? WHERE id = ?", {*resident_id, user_id});
    }
    if (disabled) connection.execute("DELETE FROM sessions WHERE user_id = ?", {user_id});
    boost::json::object change{{"disabled", disabled}};
    if (resident_id) change["resident_id"] = *resident_id;
    audit::append(connection, by,
                  {connection.query_one("SELECT community_id FROM users WHERE id = ?", {user_id})
                       ->opt_integer(0),
                   action,
                   "user",
                   std::to_string(user_id),
                   change,
                   {{&user_rows(), user_id}}});
  });
}

}  // namespace gz::accounts
