// Registers the data cockpit's routes: GET /api/v1/cockpit (JSON) and
// GET /api/v1/cockpit/stream (the same snapshot as a Server-Sent Event).
#pragma once

#include "http/router.hpp"

namespace gz::cockpit {
void register_routes(http::Router& router);
}  // namespace gz::cockpit
