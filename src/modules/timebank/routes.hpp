// Registers the time bank's HTTP routes (/api/v1/timebank/…): services, confirmations,
// disputes, accounts and transfers within a household.
#pragma once

#include "http/router.hpp"

namespace gz::timebank {
void register_routes(http::Router& router);
}  // namespace gz::timebank
