// Registers the accounts module's HTTP routes.
#pragma once

#include "http/router.hpp"

namespace gz::accounts {
void register_routes(http::Router& router);
}
