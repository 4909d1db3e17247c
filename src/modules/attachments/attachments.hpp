// Photos on requests (诉求照片): up to three JPEG or PNG images per request, uploaded by the
// resident whose household filed it or by the community's guides and staff, and seen by the
// same people. Never part of the public tracking page.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/actor.hpp"
#include "core/result.hpp"
#include "storage/database.hpp"

namespace gz::attachments {

struct PhotoInfo {
  std::int64_t n = 0;  // 1..3, in upload order
  std::string content_type;
  std::int64_t bytes = 0;
  std::string created_at;
};

struct Photo {
  PhotoInfo info;
  std::string data;  // the image bytes
};

// Adds a photo; `declared_type` is the Content-Type header. Errors: 404 (request not visible),
// 415 unsupported_media_type, 413 photo_too_large, 409 too_many_photos, 400 empty_body.
Result<PhotoInfo> attach_photo(storage::Connection& db, const Actor& actor, std::int64_t request_id,
                               const std::string& declared_type, const std::string& data,
                               std::int64_t now_ms);

Result<Photo> get_photo(storage::Connection& db, const Actor& actor, std::int64_t request_id,
                        std::int64_t n);

// The photos of a request the caller has already been allowed to see.
std::vector<PhotoInfo> list_photos(storage::Connection& db, std::int64_t request_id);

}  // namespace gz::attachments
