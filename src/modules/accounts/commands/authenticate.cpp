// Authenticate: turns a session token into the acting user.
#include "core/clock.hpp"
#include "core/crypto.hpp"
#include "modules/accounts/accounts.hpp"

namespace gz::accounts {
namespace {

constexpr const char* kActorColumns =
    "SELECT u.id, u.username, u.role, u.household_id, h.community_id, u.display_name, "
    "u.disabled FROM users u LEFT JOIN households h ON h.id = u.household_id ";

// A row of kActorColumns as the actor, with the communities staff and guides work in.
std::optional<Actor> actor_from(storage::Connection& connection, const storage::Row& row) {
  if (row.integer(6) != 0) return std::nullopt;
  auto role = parse_role(row.text(2));
  if (!role) return std::nullopt;
  Actor actor;
  actor.user_id = row.integer(0);
  actor.username = row.text(1);
  actor.role = *role;
  actor.household_id = row.opt_integer(3);
  actor.display_name = row.opt_text(5).value_or("");
  if (actor.role == Role::resident) {
    if (auto community = row.opt_integer(4)) actor.community_ids.push_back(*community);
  } else if (actor.role == Role::street) {
    // A street supervisor oversees the communities of their streets, and any they were given
    // one by one.
    for (const auto& membership : connection.query(
             "SELECT community_id FROM user_communities WHERE user_id = ? UNION SELECT c.id FROM "
             "communities c JOIN user_streets s ON s.street_id = c.street_id WHERE s.user_id = ? "
             "ORDER BY 1",
             {actor.user_id, actor.user_id})) {
      actor.community_ids.push_back(membership.integer(0));
    }
  } else {
    for (const auto& membership : connection.query(
             "SELECT community_id FROM user_communities WHERE user_id = ? ORDER BY community_id",
             {actor.user_id})) {
      actor.community_ids.push_back(membership.integer(0));
    }
  }
  return actor;
}

}  // namespace

std::optional<Actor> load_actor(storage::Connection& connection, std::int64_t user_id) {
  auto row = connection.query_one(std::string(kActorColumns) + "WHERE u.id = ?", {user_id});
  if (!row) return std::nullopt;
  return actor_from(connection, *row);
}

std::optional<Actor> authenticate(storage::Connection& connection, const std::string& token) {
  if (token.size() != 64) return std::nullopt;
  // The session and its user in one read (this runs before every logged-in request).
  auto row = connection.query_one(
      std::string(kActorColumns) +
          "JOIN sessions s ON s.user_id = u.id WHERE s.token_hash = ? AND s.expires_epoch > ?",
      {crypto::sha256_hex(token), now_epoch_ms() / 1000});
  if (!row) return std::nullopt;
  return actor_from(connection, *row);
}

}  // namespace gz::accounts
