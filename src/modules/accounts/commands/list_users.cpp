// ListUsers: a community's users for whoever runs it (the guides and staff to assign work to,
// its residents' logins for staff), every user for administrators.
#include <boost/json.hpp>

#include "core/pii.hpp"
#include "modules/accounts/accounts.hpp"
#include "modules/accounts/permissions.hpp"

namespace gz::accounts {
namespace {

constexpr const char* kUserColumns =
    "SELECT u.id, u.username, u.display_name, u.role, u.household_id, u.mobile, u.disabled, "
    "u.created_at, (SELECT COUNT(*) FROM households h WHERE h.guide_user_id = u.id) FROM users u ";

UserView view_from(storage::Connection& connection, const storage::Row& row) {
  UserView user;
  user.id = row.integer(0);
  user.username = row.text(1);
  user.display_name = row.opt_text(2).value_or("");
  user.role = parse_role(row.text(3)).value_or(Role::guide);
  user.household_id = row.opt_integer(4);
  if (auto mobile = row.opt_text(5)) user.mobile = pii::mask_mobile(*mobile);
  user.disabled = row.integer(6) != 0;
  user.created_at = row.text(7);
  if (user.role == Role::guide) user.caseload_households = row.integer(8);
  for (const auto& membership : connection.query(
           "SELECT community_id FROM user_communities WHERE user_id = ? ORDER BY community_id",
           {user.id})) {
    user.community_ids.push_back(membership.integer(0));
  }
  user.street_ids = user_streets(connection, user.id);
  return user;
}

}  // namespace

Result<std::vector<UserView>> list_users(storage::Connection& connection, const Actor& by,
                                         const UserFilter& filter) {
  if (!may_ask_for_workers(by)) return forbidden("residents do not list community workers");
  if (filter.state != "active" && filter.state != "disabled" && filter.state != "all") {
    return bad_request("invalid_state", "state must be active, disabled or all");
  }
  if (!filter.community_id) {
    if (!by.is(Role::admin)) {
      return bad_request("missing_field", "community_id is required");
    }
  } else if (!by.belongs_to(*filter.community_id) ||
             !connection.query_one("SELECT 1 FROM communities WHERE id = ?",
                                   {*filter.community_id})) {
    return not_found("no community " + std::to_string(*filter.community_id));
  }
  if (filter.community_id && !may_list_workers(by, *filter.community_id)) {
    return forbidden("only staff, street users and admins list users");
  }
  if (filter.role && !may_list_role(by, *filter.role)) {
    return forbidden("this role's users are not yours to list");
  }
  std::string sql = std::string(kUserColumns) + "WHERE 1 = 1";
  std::vector<storage::Value> params;
  if (filter.community_id) {
    // Residents belong to a community through their household; workers through memberships.
    sql +=
        " AND (EXISTS (SELECT 1 FROM user_communities c WHERE c.user_id = u.id AND "
        "c.community_id = ?) OR EXISTS (SELECT 1 FROM households h WHERE h.id = u.household_id "
        "AND h.community_id = ?))";
    params.emplace_back(*filter.community_id);
    params.emplace_back(*filter.community_id);
  }
  if (filter.role) {
    sql += " AND u.role = ?";
    params.emplace_back(std::string(role_name(*filter.role)));
  } else {
    std::string roles;
    for (Role role : {Role::resident, Role::guide, Role::staff, Role::street, Role::admin}) {
      if (!may_list_role(by, role)) continue;
      roles += roles.empty() ? "?" : ", ?";
      params.emplace_back(std::string(role_name(role)));
    }
    sql += " AND u.role IN (" + roles + ")";
  }
  if (filter.state != "all") {
    sql += " AND u.disabled = ?";
    params.emplace_back(std::int64_t{filter.state == "disabled" ? 1 : 0});
  }
  if (filter.q && !filter.q->empty()) {
    sql += " AND (u.username LIKE ? OR u.display_name LIKE ?)";
    params.emplace_back("%" + *filter.q + "%");
    params.emplace_back("%" + *filter.q + "%");
  }
  sql += " ORDER BY u.role, u.id LIMIT 500";
  std::vector<UserView> users;
  for (const auto& row : connection.query(sql, params)) {
    users.push_back(view_from(connection, row));
  }
  return users;
}

std::optional<UserView> find_user(storage::Connection& connection, std::int64_t user_id) {
  auto row = connection.query_one(std::string(kUserColumns) + "WHERE u.id = ?", {user_id});
  if (!row) return std::nullopt;
  return view_from(connection, *row);
}

boost::json::object user_json(const accounts::UserView& user) {
  boost::json::array communities, streets;
  for (auto id : user.community_ids) communities.push_back(id);
  for (auto id : user.street_ids) streets.push_back(id);
  return {{"id", user.id},
          {"username", user.username},
          {"display_name", user.display_name},
          {"role", role_name(user.role)},
          {"community_ids", std::move(communities)},
          {"street_ids", std::move(streets)},
          {"household_id", user.household_id ? boost::json::value(*user.household_id)
                                             : boost::json::value(nullptr)},
          {"mobile", user.mobile ? boost::json::value(*user.mobile) : boost::json::value(nullptr)},
          {"disabled", user.disabled},
          {"caseload", user.caseload_households ? boost::json::value(*user.caseload_households)
                                                : boost::json::value(nullptr)},
          {"created_at", user.created_at}};
}

std::vector<std::int64_t> user_streets(storage::Connection& connection, std::int64_t user_id) {
  std::vector<std::int64_t> out;
  for (const auto& row : connection.query(
           "SELECT street_id FROM user_streets WHERE user_id = ? ORDER BY street_id", {user_id})) {
    out.push_back(row.integer(0));
  }
  return out;
}

}  // namespace gz::accounts
