// Registers the property trust fund and public-revenue routes under /api/v1/property/.
#pragma once

#include "http/router.hpp"

namespace gz::property {
void register_routes(http::Router& router);
}  // namespace gz::property
