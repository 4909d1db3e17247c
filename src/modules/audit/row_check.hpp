// Checking tracked tables (tracked.hpp) against the chain, and bringing tables under tracking.
//
// What verify can vouch for: a row whose newest content the chain recorded is compared with
// that content (changed, or deleted, is a finding). A row the chain never recorded is a finding
// once its table is tracked (an "audit.track" entry), since every write the application makes
// from then on records it: it was inserted outside the application. Databases older than row
// recording (0017) hold rows no entry recorded: adopt() vouches for them as they are at the
// first start after the upgrade (a baseline: whatever was changed before it cannot be told),
// then marks their tables tracked. Before that they are counted as unrecorded, not failed.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/actor.hpp"
#include "modules/audit/row_states.hpp"
#include "modules/audit/tracked.hpp"
#include "storage/database.hpp"

namespace gz::audit {

struct TableCheck {
  std::string table;
  std::int64_t rows = 0;               // rows in the table now
  std::int64_t checked = 0;            // compared with the chain's copy
  std::int64_t unrecorded = 0;         // rows no entry recorded, from before tracking began
  std::int64_t tracked_since_seq = 0;  // 0: not tracked yet (see adopt)
};

struct RowProblem {
  std::string table;
  std::int64_t id = 0;
  std::string problem;   // changed, deleted, unrecorded
  std::int64_t seq = 0;  // the entry that recorded the row last (for unrecorded: the marker)
  std::vector<std::string> fields;  // what differs (changed)
  std::string message;
};

struct RowCheck {
  bool ok = true;
  std::vector<TableCheck> tables;
  std::vector<RowProblem> problems;  // the first kMaxListed
  std::int64_t problems_total = 0;
  std::int64_t malformed_entries = 0;  // row_states that are not the expected JSON
};
inline constexpr std::size_t kMaxListed = 200;

// Reads the chain's row records once, then each table in pages: memory grows with the number
// of recorded rows (a few dozen bytes each), not with the tables' width.
RowCheck verify_rows(storage::Connection& db, const std::vector<const Tracked*>& tables);

// What verify_rows compares the tables with: the newest content the chain recorded of every
// row, and since when each table is tracked. Reads every entry that recorded rows.
RecordedRows read_recorded_rows(storage::Connection& db);

enum class Baseline {
  untracked_tables,      // at a server's start and after migrate: each table once, ever
  every_unrecorded_row,  // after generating the demo, whose bulk inserts record nothing
};
struct Adoption {
  std::int64_t rows = 0;  // rows vouched for by baseline entries
  std::vector<std::string> tables_marked;
};
// In one write transaction. Safe to run from several servers at once (the chain's head lock
// orders them; the second finds the tables marked).
Adoption adopt(storage::Connection& db, const std::vector<const Tracked*>& tables,
               Baseline baseline);

}  // namespace gz::audit
