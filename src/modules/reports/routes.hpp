// HTTP routes of the quarterly report.
#pragma once

#include "http/router.hpp"

namespace gz::reports {
void register_routes(http::Router& router);
}
