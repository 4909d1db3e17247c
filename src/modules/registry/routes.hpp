// Registers the registry module's HTTP routes.
#pragma once

#include "http/router.hpp"

namespace gz::registry {
void register_routes(http::Router& router);
}
