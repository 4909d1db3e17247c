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
#include "modules/audit/tracked.hpp"
#include "storage/database.hpp"

namespace gz::audit {

struct Record {
  std::optional<std::int64_t> community_id;
  std::string action;       // "household.create"
  std::string object_type;  // "household"
  std::string object_id;
  boost::json::value change;  // what changed; personal data masked by the caller
  // The tracked rows this write changed: the entry records them as they stand after the
  // write (call append after the write, in its transaction), and verify compares them with
  // the tables later (tracked.hpp).
  std::vector<RowRef> rows = {};
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
// times in one transaction (PostgreSQL keeps every version until commit). Until finish(),
// appends on the same connection and thread (audit::append, or another Appender, from code
// the batch calls, such as an account opened on first use) join this appender's batch. So a
// batch must end with its transaction when a step fails: a savepoint rolled back inside the
// batch would take joined entries with it while the appender goes on after them.
class Appender {
 public:
  explicit Appender(storage::Connection& connection);
  ~Appender();
  Appender(const Appender&) = delete;
  Appender& operator=(const Appender&) = delete;
  std::int64_t append(const Actor& actor, const Record& record);
  void finish();

 private:
  void stop_collecting();
  storage::Connection& connection_;
  Appender* outer_ = nullptr;     // the batch this one joined, if any
  Appender* previous_ = nullptr;  // the collecting appender before this one (another connection)
  bool collecting_ = false;
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
