// The property fund's accounts and postings that migration 0019 moved into the ledger (the
// fund kept a copy of the ledger until then, property_accounts/property_postings). The audit
// chain recorded them under their old ids; record_moved_funds() compares each moved row with
// that record and, where they agree, records it under its new id as the ledger records every
// account it opens and every posting it makes, so `ledger verify` covers the money from then
// on. A row that disagrees (changed in the database before the move) is not vouched for, and
// verify names it. Once done, an entry ("ledger.funds_moved") says so and later calls only
// look for it.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "storage/database.hpp"

namespace gz::ledger {

struct MovedFunds {
  bool recorded_now = false;  // false: nothing was moved, or the move is on record already
  std::int64_t accounts = 0;  // recorded under their new ids
  std::int64_t postings = 0;
  std::vector<std::string> refused;  // what did not agree with the chain, in words
};

// In one write transaction; after migrate, before anything reads or writes the fund. Safe to
// run from several servers at once (the chain's head lock orders them; the second finds the
// entry).
MovedFunds record_moved_funds(storage::Connection& db);

}  // namespace gz::ledger
