// HTTP routes of the notice board: publish, list (residents, officials, the public), read,
// pin and date, withdraw, read figures per building.
#pragma once

#include "http/router.hpp"

namespace gz::announcements {

void register_routes(http::Router& router);

}  // namespace gz::announcements
