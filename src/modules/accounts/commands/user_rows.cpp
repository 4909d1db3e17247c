// UserRows: what the audit chain records of a user (accounts.hpp).
#include "modules/accounts/accounts.hpp"

namespace gz::accounts {

const audit::Tracked& user_rows() {
  static const audit::Tracked table{
      "users",
      "id",
      "SELECT id, username, role, community_id, household_id, disabled, password_hash FROM users",
      {"username", "role", "community_id", "household_id", "disabled", "password_hash"},
      {"password_hash"},
      {{"communities", "SELECT user_id, community_id FROM user_communities", "user_id"}}};
  return table;
}

}  // namespace gz::accounts
