// Registers the indicators module's HTTP routes: GET /api/v1/indicators.
#pragma once

#include "http/router.hpp"

namespace gz::indicators {
void register_routes(http::Router& router);
}  // namespace gz::indicators
