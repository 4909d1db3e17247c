// Authenticate: turns a session token into the acting user.
#include "core/clock.hpp"
#include "core/crypto.hpp"
#include "modules/accounts/accounts.hpp"

namespace gz::accounts {

std::optional<Actor> load_actor(storage::Connection& connection, std::int64_t user_id) {
  auto row = connection.query_one(
      "SELECT u.id, u.username, u.role, u.household_id, h.community_id, u.display_name, "
      "u.disabled FROM users u LEFT JOIN households h ON h.id = u.household_id WHERE u.id = ?",
      {user_id});
  if (!row || row->integer(6) != 0) return std::nullopt;
  auto role = parse_role(row->text(2));
  if (!role) return std::nullopt;
  Actor actor;
  actor.user_id = row->integer(0);
  actor.username = row->text(1);
  actor.role = *role;
  actor.household_id = row->opt_integer(3);
  actor.display_name = row->opt_text(5).value_or("");
  if (actor.role == Role::resident) {
    if (auto community = row->opt_integer(4)) actor.community_ids.push_back(*community);
  } else {
    for (const auto& membership : connection.query(
             "SELECT community_id FROM user_communities WHERE user_id = ? ORDER BY community_id",
             {actor.user_id})) {
      actor.community_ids.push_back(membership.integer(0));
    }
  }
  return actor;
}

std::optional<Actor> authenticate(storage::Connection& connection, const std::string& token) {
  if (token.size() != 64) return std::nullopt;
  auto row = connection.query_one(
      "SELECT user_id FROM sessions WHERE token_hash = ? AND expires_epoch > ?",
      {crypto::sha256_hex(token), now_epoch_ms() / 1000});
  if (!row) return std::nullopt;
  return load_actor(connection, row->integer(0));
}

}  // namespace gz::accounts
