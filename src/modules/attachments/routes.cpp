// HTTP routes of request photos: decode → command → encode. The upload body is the raw image
// (the server allows 5 MB on paths ending in /photos); the download is the image itself.
#include "modules/attachments/routes.hpp"

#include <boost/json.hpp>

#include "core/clock.hpp"
#include "http/json_io.hpp"
#include "modules/attachments/attachments.hpp"
#include "storage/database.hpp"

namespace gz::attachments {
namespace {

using http::RequestContext;
using http::Response;

// ErrorKind has no 415; the one code that needs it is answered here.
Response error_out(const Error& error) {
  if (error.code == "unsupported_media_type") {
    return http::json_response(
        415, boost::json::object{{"error", {{"code", error.code}, {"message", error.message}}}});
  }
  return http::error_response(error);
}

Result<Response> upload_route(RequestContext& context) {
  auto id = context.id_param("id");
  if (!id) return id.error();
  std::string declared = context.request.header("content-type").value_or("");
  declared = declared.substr(0, declared.find(';'));
  while (!declared.empty() && declared.back() == ' ') declared.pop_back();
  auto lease = context.pool.lease();
  auto result =
      attach_photo(*lease, context.user(), *id, declared, context.request.body, now_epoch_ms());
  if (!result) return error_out(result.error());
  return http::json_response(201, boost::json::object{{"n", result->n},
                                                      {"content_type", result->content_type},
                                                      {"bytes", result->bytes},
                                                      {"created_at", result->created_at}});
}

Result<Response> download_route(RequestContext& context) {
  auto id = context.id_param("id");
  if (!id) return id.error();
  auto n = context.id_param("n");
  if (!n) return n.error();
  auto lease = context.pool.lease();
  auto photo = get_photo(*lease, context.user(), *id, *n);
  if (!photo) return photo.error();
  Response response;
  response.content_type = photo->info.content_type;
  response.body = std::move(photo->data);
  response.headers.emplace_back("Cache-Control", "private, max-age=3600");
  return response;
}

}  // namespace

void register_routes(http::Router& router) {
  http::Route upload{"POST",
                     "/api/v1/requests/{id}/photos",
                     http::Access::login,
                     upload_route,
                     {"Attach a photo (raw JPEG or PNG body, at most 5 MB, at most 3 per "
                      "request; checked by magic bytes). 415 unsupported_media_type, 413 "
                      "photo_too_large, 409 too_many_photos",
                      "requests", "the resident's household; guide, staff, admin", "", ""}};
  upload.accepts_any_content_type = true;
  router.add(std::move(upload));
  router.add({"GET",
              "/api/v1/requests/{id}/photos/{n}",
              http::Access::login,
              download_route,
              {"One photo of a request, as the image itself (Cache-Control: private)", "requests",
               "the resident's household; guide, staff, admin", "", ""}});
}

}  // namespace gz::attachments
