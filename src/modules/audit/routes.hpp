// Registers the audit chain's HTTP routes (verify, head).
#pragma once

#include <boost/json/value.hpp>

#include "http/router.hpp"
#include "modules/audit/audit_log.hpp"

namespace gz::audit {
void register_routes(http::Router& router);
boost::json::value verify_result_json(const VerifyResult& result);
}  // namespace gz::audit
