// Appending to and walking the audit chain stored in the database. append() must run inside
// the caller's write transaction, so an entry exists exactly when its change was committed.
#pragma once

#include <boost/json/value.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

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

// The newest entry's seq of each community (0 when it has none). Every write is audited with
// its community, so a reader that saw the same number before has seen the community's data as
// it still is (the indicators' and the household search's caches rely on this).
std::vector<std::int64_t> latest_seqs(storage::Connection& connection,
                                      const std::vector<std::int64_t>& community_ids);
// The same for the entries of no community (NULL or 0): defaults every community inherits.
std::int64_t latest_global_seq(storage::Connection& connection);

// Appends many entries in one transaction, locking and reading the head once and writing it
// once at finish(): a batch of 10,000 postings would otherwise rewrite the head row 10,000
// times in one transaction (PostgreSQL keeps every version until commit). Only this appender
// may append to the chain until finish(), within the caller's transaction.
class Appender {
 public:
  explicit Appender(storage::Connection& connection);
  std::int64_t append(const Actor& actor, const Record& record);
  void finish();

 private:
  storage::Connection& connection_;
  std::int64_t seq_ = 0;
  std::string hash_;
  bool dirty_ = false;
};

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
