// Registers the requests module's HTTP routes (the /api/v1 ones; Open311 has its own file).
#pragma once

#include <boost/json/object.hpp>

#include "core/calendar.hpp"
#include "http/router.hpp"
#include "modules/requests/requests.hpp"

namespace gz::requests {
void register_routes(http::Router& router);
// Shared with the Open311 layer and tests: the staff/resident view of a request.
boost::json::object request_json(const Request& request, bool show_contact,
                                 const WorkCalendar& calendar);
}  // namespace gz::requests
