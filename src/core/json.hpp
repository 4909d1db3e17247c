// Canonical JSON for hashing (keys sorted by byte order, no insignificant whitespace, the
// numbers as Boost.JSON writes them), so the same change always hashes the same way on
// every engine and machine.
#pragma once

#include <boost/json/value.hpp>
#include <string>

namespace gz {

std::string canonical_json(const boost::json::value& value);

}  // namespace gz
