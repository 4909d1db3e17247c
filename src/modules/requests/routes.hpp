// Registers the requests module's HTTP routes (the /api/v1 ones; Open311 has its own file).
#pragma once

#include <boost/json/object.hpp>

#include "core/calendar.hpp"
#include "http/router.hpp"
#include "modules/requests/requests.hpp"

namespace gz::requests {
void register_routes(http::Router& router);
// The staff/resident view of a request, as the use cases hand it over (already masked for
// readers without personal-data rights); `calendar` says whether its deadline is provisional.
boost::json::object request_json(const Request& request, const WorkCalendar& calendar);
}  // namespace gz::requests
