// Open311 client keys: issued by an administrator for one community; only the SHA-256 of a
// key is stored, so a leaked database does not leak working keys.
#include <boost/json.hpp>

#include "core/clock.hpp"
#include "core/crypto.hpp"
#include "modules/audit/audit.hpp"
#include "modules/registry/registry.hpp"
#include "modules/requests/open311.hpp"

namespace gz::requests::open311 {

Result<std::string> add_client_key(storage::Connection& db, const Actor& actor,
                                   std::int64_t community_id, const std::string& name) {
  if (!actor.is(Role::admin)) return forbidden("only administrators issue Open311 keys");
  if (name.empty() || name.size() > 100)
    return bad_request("invalid_name", "name must be 1-100 bytes");
  std::string key = crypto::random_hex(24);
  std::optional<Error> failure;
  storage::with_transaction(db, storage::TxMode::write, [&] {
    if (!registry::community_exists(db, community_id)) {
      failure = not_found("no community " + std::to_string(community_id));
      return;
    }
    auto id = db.query_one(
                    "INSERT INTO open311_clients (community_id, name, key_hash, created_at) VALUES "
                    "(?, ?, ?, ?) RETURNING id",
                    {community_id, name, crypto::sha256_hex(key), now_iso8601()})
                  ->integer(0);
    audit::append(db, actor,
                  {community_id, "open311.key_add", "open311_client", std::to_string(id),
                   boost::json::object{{"name", name}}});
  });
  if (failure) return *failure;
  return key;
}

std::optional<Client> find_client(storage::Connection& db, const std::string& api_key) {
  if (api_key.empty() || api_key.size() > 200) return std::nullopt;
  auto row = db.query_one(
      "SELECT id, community_id, name FROM open311_clients WHERE key_hash = ? AND disabled = 0",
      {crypto::sha256_hex(api_key)});
  if (!row) return std::nullopt;
  return Client{row->integer(0), row->integer(1), row->text(2)};
}

}  // namespace gz::requests::open311
