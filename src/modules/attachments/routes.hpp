// Registers the request-photo routes (POST/GET /api/v1/requests/{id}/photos…), and lists the
// photos on the request detail that the requests module serves.
#pragma once

#include "http/router.hpp"
#include "modules/requests/requests.hpp"

namespace gz::attachments {
void register_routes(http::Router& router);
// "photos" on a request's detail: n, content type, size and time of each (the images
// themselves at …/photos/{n}). For requests::register_routes.
requests::DetailField photos_field();
}  // namespace gz::attachments
