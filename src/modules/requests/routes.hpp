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

// A field of a request's detail (GET /api/v1/requests/{id}) that a module above requests
// supplies, so the detail shows that module's data without requests including it: the
// attachments module lists the photos (attachments::photos_field). Asked only after the
// caller was allowed to see the request.
struct DetailField {
  std::string name;
  std::function<boost::json::value(storage::Connection& db, std::int64_t request_id)> value;
};

// `detail_fields`: what the modules above add to a request's detail, in this order.
void register_routes(http::Router& router, std::vector<DetailField> detail_fields = {});
// The staff/resident view of a request, as the use cases hand it over (already masked for
// readers without personal-data rights); `calendar` says whether its deadline is provisional.
boost::json::object request_json(const Request& request, const WorkCalendar& calendar);
}  // namespace gz::requests
