// HTTP routes of casework: visits, a household's timeline, a guide's figures.
#pragma once

#include "http/router.hpp"

namespace gz::casework {

void register_routes(http::Router& router);

}  // namespace gz::casework
