// Registers the onboarding module's HTTP routes.
#pragma once

#include "http/router.hpp"

namespace gz::onboarding {
void register_routes(http::Router& router);
}
