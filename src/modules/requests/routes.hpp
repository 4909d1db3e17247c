// Registers the requests module's HTTP routes (the /api/v1 ones; Open311 has its own file).
#pragma once

#include <boost/json/object.hpp>
#include <boost/json/value.hpp>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "core/calendar.hpp"
#include "http/router.hpp"
#include "modules/requests/requests.hpp"
#include "storage/database.hpp"

namespace gz::requests {

// `detail_fields`: what the modules above add to a request's detail, in this order
// (DetailField, requests.hpp).
void register_routes(http::Router& router, std::vector<DetailField> detail_fields = {});
// The staff/resident view of a request, as the use cases hand it over (already masked for
// readers without personal-data rights); `calendar` says whether its deadline is provisional.
boost::json::object request_json(const Request& request, const WorkCalendar& calendar);
}  // namespace gz::requests
