// What the audit chain keeps of the ledger's rows, inside the ledger module: the copy of each
// posting that verify_balances compares with the row, and the entry that puts an opened
// account on record. Shared by posting (ledger.cpp) and by the record of the property fund's
// rows moved into the ledger (moved_funds.cpp), so both write the same thing.
#pragma once

#include <boost/json/object.hpp>

#include "modules/audit/audit.hpp"
#include "modules/ledger/ledger.hpp"

namespace gz::ledger {

// The entry "ledger.post" keeps this of a posting (as canonical JSON in its change).
boost::json::object posting_record(const Posting& posting);

// The entry "ledger.account_open": whose the account is, its kind and floor, and the row as it
// stands (account_rows()).
audit::Record account_open_record(const Account& account);

}  // namespace gz::ledger
