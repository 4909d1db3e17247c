// Registers the inbox, preferences, contact and channel routes under /api/v1/notification*.
#pragma once

#include "http/router.hpp"

namespace gz::notifications {
void register_routes(http::Router& router);
}  // namespace gz::notifications
