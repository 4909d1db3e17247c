// Registers the risk-warning and improvement-task (PDCA) routes.
#pragma once

#include "http/router.hpp"

namespace gz::warnings {
void register_routes(http::Router& router);
}  // namespace gz::warnings
