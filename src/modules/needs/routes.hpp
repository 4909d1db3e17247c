// Registers the needs-assessment routes (weights, assessments, household needs, demand,
// heat map, ranking).
#pragma once

#include "http/router.hpp"

namespace gz::needs {
void register_routes(http::Router& router);
}
