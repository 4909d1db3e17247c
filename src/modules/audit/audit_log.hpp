// Appending to and walking the audit chain stored in the database. append() must run inside
// the caller's write transaction, so an entry exists exactly when its change was committed.
#pragma once

#include <boost/json/value.hpp>
#include <cstdint>
#include <optional>
#include <string>

#include "core/actor.hpp"
#include "modules/audit/chain.hpp"
#include "storage/database.hpp"

namespace gz::audit {

struct Record {
  std::optional<std::int64_t> community_id;
  std::string action;       // "household.create"
  std::string object_type;  // "household"
  std::string object_id;
  boost::json::value change;  // what changed; personal data masked by the caller
};

// The actor of system work (demo generation, migrations, jobs).
Actor system_actor();

// Returns the new entry's seq.
std::int64_t append(storage::Connection& connection, const Actor& actor, const Record& record);

struct Head {
  std::int64_t seq = 0;
  std::string hash;
};
Head head(storage::Connection& connection);

struct VerifyResult {
  bool ok = true;
  std::int64_t checked = 0;
  Head head;
  Finding finding;
};
// Walks the whole chain in pages; memory stays flat however long the chain is.
VerifyResult verify(storage::Connection& connection);

}  // namespace gz::audit
