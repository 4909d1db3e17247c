// Registers the participation routes: activities and meetings under /api/v1/activities,
// proposals under /api/v1/proposals, and the community's participation settings.
#pragma once

#include "http/router.hpp"

namespace gz::participation {
void register_routes(http::Router& router);
}  // namespace gz::participation
