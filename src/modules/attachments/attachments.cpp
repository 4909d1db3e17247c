#include "modules/attachments/attachments.hpp"

#include <boost/json.hpp>

#include "core/clock.hpp"
#include "core/crypto.hpp"
#include "modules/attachments/permissions.hpp"
#include "modules/attachments/photos.hpp"
#include "modules/audit/audit.hpp"
#include "storage/transact.hpp"

namespace gz::attachments {
namespace {

// The request, when the actor may handle its photos; otherwise 404 (not 403), so a resident
// cannot learn which request ids exist in other households.
Result<requests::Request> visible_request(storage::Connection& db, const Actor& actor,
                                          std::int64_t request_id) {
  auto request = requests::get_request(db, actor, request_id);
  if (!request) return request.error();
  if (!permissions::may_handle_photos(actor, *request)) return not_found("no such request");
  return request;
}

PhotoInfo info_from(const storage::Row& row) {
  return PhotoInfo{row.integer(0), row.text(1), row.integer(2), row.text(3)};
}

}  // namespace

Result<PhotoInfo> attach_photo(storage::Connection& db, const Actor& actor, std::int64_t request_id,
                               const std::string& declared_type, const std::string& data,
                               std::int64_t now_ms) {
  return storage::transact(db, storage::TxMode::write, [&]() -> Result<PhotoInfo> {
    auto request = visible_request(db, actor, request_id);
    if (!request) return request.error();
    // A finished case takes no more photos: nobody would act on them (a resolved one still
    // does, for a resident showing it is not fixed or staff showing the repair).
    using requests::Status;
    if (request->status == Status::closed || request->status == Status::cancelled ||
        request->status == Status::duplicate || request->status == Status::not_our_responsibility) {
      return conflict("request_closed",
                      "这条诉求已经结束，不能再加照片 / this request is finished: no more photos");
    }
    if (declared_type != "image/jpeg" && declared_type != "image/png") {
      return make_error(ErrorKind::bad_request, "unsupported_media_type",
                        "照片须为 JPEG 或 PNG / a photo must be image/jpeg or image/png");
    }
    if (data.empty()) return bad_request("empty_body", "the photo is empty");
    if (data.size() > kMaxPhotoBytes) {
      return make_error(ErrorKind::payload_too_large, "photo_too_large",
                        "照片不能超过 5 MB / a photo may be at most 5 MB");
    }
    auto detected = detect_image_type(data);
    if (!detected) {
      return make_error(ErrorKind::bad_request, "unsupported_media_type",
                        "文件不是 JPEG 或 PNG 图片 / the file is not a JPEG or PNG image");
    }
    auto count = db.query("SELECT COUNT(*) FROM request_photos WHERE request_id = ?", {request_id})
                     .at(0)
                     .integer(0);
    if (count >= kMaxPhotosPerRequest) {
      return conflict("too_many_photos", "每个诉求最多 3 张照片 / at most 3 photos per request");
    }
    PhotoInfo info{count + 1, *detected, static_cast<std::int64_t>(data.size()),
                   format_iso8601(now_ms)};
    try {
      db.execute(
          "INSERT INTO request_photos (community_id, request_id, n, content_type, bytes, "
          "data_base64, uploaded_by_user_id, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
          {request->community_id, request_id, info.n, info.content_type, info.bytes,
           base64_encode(data),
           actor.user_id > 0 ? storage::Value{actor.user_id} : storage::Value{}, info.created_at});
    } catch (const storage::DbError& error) {
      if (error.kind() == storage::DbErrorKind::unique_violation) {
        return conflict("too_many_photos", "another photo was added at the same moment");
      }
      throw;
    }
    audit::append(
        db, actor,
        {request->community_id, "request.photo_add", "request", std::to_string(request_id),
         boost::json::object{{"n", info.n},
                             {"content_type", info.content_type},
                             {"bytes", info.bytes},
                             {"sha256", crypto::sha256_hex(data)}}});
    return info;
  });
}

Result<Photo> get_photo(storage::Connection& db, const Actor& actor, std::int64_t request_id,
                        std::int64_t n) {
  auto request = visible_request(db, actor, request_id);
  if (!request) return request.error();
  auto rows = db.query(
      "SELECT n, content_type, bytes, created_at, data_base64 FROM request_photos "
      "WHERE request_id = ? AND n = ?",
      {request_id, n});
  if (rows.empty()) return not_found("no such photo");
  auto data = base64_decode(rows[0].text(4));
  if (!data) return make_error(ErrorKind::internal, "corrupt_photo", "stored photo is damaged");
  return Photo{info_from(rows[0]), std::move(*data)};
}

std::vector<PhotoInfo> list_photos(storage::Connection& db, std::int64_t request_id) {
  std::vector<PhotoInfo> out;
  for (const auto& row : db.query(
           "SELECT n, content_type, bytes, created_at FROM request_photos WHERE request_id = ? "
           "ORDER BY n",
           {request_id})) {
    out.push_back(info_from(row));
  }
  return out;
}

}  // namespace gz::attachments
