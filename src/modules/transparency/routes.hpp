// Registers the plan lifecycle routes and the public transparency board.
#pragma once

#include "http/router.hpp"

namespace gz::transparency {
void register_routes(http::Router& router);
}  // namespace gz::transparency
