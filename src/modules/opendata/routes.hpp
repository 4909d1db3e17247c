// HTTP routes of open data: a community's quarter as JSON, each table as CSV, the schema.
#pragma once

#include "http/router.hpp"

namespace gz::opendata {

void register_routes(http::Router& router);

}  // namespace gz::opendata
