// Whom to tell: the user ids other modules hand to notifications::record.
#include "modules/accounts/accounts.hpp"

namespace gz::accounts {

std::vector<std::int64_t> household_users(storage::Connection& connection,
                                          std::int64_t household_id) {
  std::vector<std::int64_t> out;
  for (const auto& row : connection.query(
           "SELECT id FROM users WHERE household_id = ? AND role = 'resident' AND disabled = 0 "
           "ORDER BY id",
           {household_id})) {
    out.push_back(row.integer(0));
  }
  return out;
}

std::vector<std::int64_t> community_users(storage::Connection& connection,
                                          std::int64_t community_id,
                                          const std::vector<Role>& roles) {
  std::vector<std::int64_t> out;
  if (roles.empty()) return out;
  // Officials belong to communities (user_communities); a resident to their household's.
  std::string sql =
      "SELECT u.id FROM users u WHERE u.disabled = 0 AND (EXISTS (SELECT 1 FROM user_communities "
      "uc WHERE uc.user_id = u.id AND uc.community_id = ?) OR EXISTS (SELECT 1 FROM households h "
      "WHERE h.id = u.household_id AND h.community_id = ?)) AND u.role IN (";
  std::vector<storage::Value> params{community_id, community_id};
  for (std::size_t i = 0; i < roles.size(); ++i) {
    sql += i == 0 ? "?" : ", ?";
    params.emplace_back(std::string(role_name(roles[i])));
  }
  sql += ") ORDER BY u.id";
  for (const auto& row : connection.query(sql, params)) out.push_back(row.integer(0));
  return out;
}

}  // namespace gz::accounts
