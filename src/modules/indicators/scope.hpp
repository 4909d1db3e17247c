// The communities an indicator query covers (inside the indicators module): the one asked for,
// or the street's that the actor belongs to; forbidden for residents, 404 for a community or
// street not the actor's.
#pragma once

#include <cstdint>
#include <vector>

#include "modules/indicators/indicators.hpp"

namespace gz::indicators {

Result<std::vector<std::int64_t>> communities_in_scope(storage::Connection& db, const Actor& actor,
                                                       const Scope& scope);

}  // namespace gz::indicators
