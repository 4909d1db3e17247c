// ListUsers: the guides and staff of a community, for choosing whom to assign work to.
#include "modules/accounts/accounts.hpp"
#include "modules/accounts/permissions.hpp"

namespace gz::accounts {

Result<std::vector<CommunityUser>> list_users(storage::Connection& connection, const Actor& by,
                                              std::int64_t community_id, std::optional<Role> role) {
  if (!may_ask_for_workers(by)) return forbidden("residents do not list community workers");
  if (!by.belongs_to(community_id) ||
      !connection.query_one("SELECT 1 FROM communities WHERE id = ?", {community_id})) {
    return not_found("no community " + std::to_string(community_id));
  }
  if (!may_list_workers(by, community_id)) {
    return forbidden("only staff, street users and admins list users");
  }
  if (role && *role != Role::guide && *role != Role::staff) {
    return bad_request("invalid_role", "role must be guide or staff");
  }
  std::string sql =
      "SELECT u.id, u.username, u.display_name, u.role, "
      "(SELECT COUNT(*) FROM households h WHERE h.guide_user_id = u.id AND h.community_id = ?) "
      "FROM users u JOIN user_communities c ON c.user_id = u.id "
      "WHERE c.community_id = ? AND u.disabled = 0 AND ";
  std::vector<storage::Value> params{community_id, community_id};
  if (role) {
    sql += "u.role = ?";
    params.emplace_back(std::string(role_name(*role)));
  } else {
    sql += "u.role IN ('guide', 'staff')";
  }
  sql += " ORDER BY u.role, u.id";
  std::vector<CommunityUser> users;
  for (const auto& row : connection.query(sql, params)) {
    CommunityUser user;
    user.id = row.integer(0);
    user.username = row.text(1);
    user.display_name = row.opt_text(2).value_or("");
    user.role = parse_role(row.text(3)).value_or(Role::guide);
    if (user.role == Role::guide) user.caseload_households = row.integer(4);
    users.push_back(std::move(user));
  }
  return users;
}

}  // namespace gz::accounts
