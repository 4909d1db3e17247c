// ChangeUser: an administrator's change of a user's name, role, communities or streets.
#include <boost/json.hpp>

#include "modules/accounts/accounts.hpp"
#include "modules/audit/audit.hpp"
#include "storage/transact.hpp"

namespace gz::accounts {

void change_user(storage::Connection& connection, const Actor& by, std::int64_t user_id,
                 const UserChange& change) {
  storage::with_transaction(connection, storage::TxMode::write, [&] {
    boost::json::object record;
    if (change.display_name) {
      connection.execute("UPDATE users SET display_name = ? WHERE id = ?",
                         {*change.display_name, user_id});
      record["display_name"] = *change.display_name;
    }
    if (change.role) {
      connection.execute("UPDATE users SET role = ? WHERE id = ?",
                         {std::string(role_name(*change.role)), user_id});
      record["role"] = role_name(*change.role);
    }
    if (change.community_ids) {
      connection.execute("DELETE FROM user_communities WHERE user_id = ?", {user_id});
      boost::json::array ids;
      for (std::int64_t id : *change.community_ids) {
        connection.execute("INSERT INTO user_communities (user_id, community_id) VALUES (?, ?)",
                           {user_id, id});
        ids.push_back(id);
      }
      if (!change.community_ids->empty()) {
        connection.execute("UPDATE users SET community_id = ? WHERE id = ?",
                           {change.community_ids->front(), user_id});
      }
      record["communities"] = std::move(ids);
    }
    if (change.street_ids) {
      connection.execute("DELETE FROM user_streets WHERE user_id = ?", {user_id});
      boost::json::array ids;
      for (std::int64_t id : *change.street_ids) {
        connection.execute("INSERT INTO user_streets (user_id, street_id) VALUES (?, ?)",
                           {user_id, id});
        ids.push_back(id);
      }
      record["streets"] = std::move(ids);
    }
    // A changed role or scope takes effect at once: the user's sessions end.
    if (change.role || change.community_ids || change.street_ids) {
      connection.execute("DELETE FROM sessions WHERE user_id = ?", {user_id});
    }
    audit::append(connection, by,
                  {connection.query_one("SELECT community_id FROM users WHERE id = ?", {user_id})
                       ->opt_integer(0),
                   "user.change",
                   "user",
                   std::to_string(user_id),
                   record,
                   {{&user_rows(), user_id}}});
  });
}

}  // namespace gz::accounts
