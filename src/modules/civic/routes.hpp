// Registers the civic routes: surveys, tenant representatives and resident leaders.
#pragma once

#include "http/router.hpp"

namespace gz::civic {
void register_routes(http::Router& router);
}  // namespace gz::civic
