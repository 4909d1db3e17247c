// Registers the points bank's and the time bank's HTTP routes, and the ledger's verify route.
#pragma once

#include "http/router.hpp"

namespace gz::points {
void register_routes(http::Router& router);
}
