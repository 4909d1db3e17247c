// The JSON form of a posting, as every route that shows ledger lines answers it (points,
// time bank): id, kind, both accounts, amount, code, rule, reference, the posting it
// corrects, memo and time.
#pragma once

#include <boost/json/object.hpp>

#include "modules/ledger/ledger.hpp"

namespace gz::ledger {

boost::json::object posting_json(const Posting& posting);

}  // namespace gz::ledger
