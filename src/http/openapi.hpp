// The OpenAPI 3.1 document, generated from the route table so it can never miss a route.
#pragma once

#include <boost/json/value.hpp>

#include "http/router.hpp"

namespace gz::http {

boost::json::value openapi_document(const Router& router, const std::string& version);

}  // namespace gz::http
