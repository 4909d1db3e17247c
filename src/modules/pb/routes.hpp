// Registers the participatory-budgeting routes: elections, projects, ballots, results, import.
#pragma once

#include "http/router.hpp"

namespace gz::pb {
void register_routes(http::Router& router);
}
