// Registers the request-photo routes (POST/GET /api/v1/requests/{id}/photos…).
#pragma once

#include "http/router.hpp"

namespace gz::attachments {
void register_routes(http::Router& router);
}  // namespace gz::attachments
